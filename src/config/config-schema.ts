/**
 * The JSON Schema of msa-split.config.{json,yaml}, assembled from OPTION_TABLE (so it cannot drift
 * from what is validated): published as schema/msa-split.config.schema.json for editor completion.
 */
import { OPTION_TABLE, SHOWN_DEFAULTS, type OptionKey, type OptionSpec } from './option-table.js';
import { configKeys } from './resolve-options.js';

export function buildConfigSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const key of configKeys()) {
    const spec: OptionSpec = OPTION_TABLE[key as OptionKey];
    const fallback = SHOWN_DEFAULTS[key];
    const flag = spec.flag ? ` Flag: ${spec.flag.split(' ')[0]}.` : '';
    properties[key] = {
      ...spec.schema,
      description: `${spec.schema.description}${flag}${spec.setBy === 'user' ? ' Only from a config file named with --config.' : ''}`,
      ...(fallback !== undefined ? { default: fallback } : {}),
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://msa-split.dev/schema/msa-split.config.schema.json',
    title: 'msa-split configuration (msa-split.config.json or .yaml)',
    type: 'object',
    properties: { $schema: { type: 'string' }, ...properties },
    additionalProperties: false,
  };
}
