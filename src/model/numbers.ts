/**
 * Rounding for printed figures. A non-finite value (a division by zero that slipped through) becomes
 * 0: outputs never carry NaN or Infinity.
 */
export function round3(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1000) / 1000 : 0;
}

export function round2(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 100) / 100 : 0;
}
