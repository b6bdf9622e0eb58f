/** The rules `msa-split check` applies (score/check-boundaries.ts), in the order reports list them. */
export const CHECK_RULES = [
  'internal-dependency',
  'foreign-table-access',
  'cross-context-foreign-key',
  'cross-context-join',
  'cross-context-transaction',
  'context-cycle',
  'unplaced-module',
  'coupling-budget',
  'icp-budget',
  'size-budget',
] as const;
export type CheckRule = (typeof CHECK_RULES)[number];
