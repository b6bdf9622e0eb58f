/**
 * The one options pipeline: defaults -> config file -> flags or API object -> validation -> frozen.
 */
import fs from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildConfigSchema } from '../../src/config/config-schema.js';
import { OPTION_TABLE } from '../../src/config/option-table.js';
import { DEFAULT_OPTIONS } from '../../src/config/options.js';
import { OptionsError } from '../../src/config/options-error.js';
import { resolveApiOptions, resolveOptions } from '../../src/config/resolve-options.js';
import { analyze } from '../../src/main/analyze.js';
import { tempRepo } from '../helpers/temp-repo.js';

describe('the options pipeline', () => {
  it('declares every analysis option once, in the table', () => {
    expect(Object.keys(OPTION_TABLE).filter((k) => k !== 'out' && k !== 'format').sort()).toEqual(
      [...Object.keys(DEFAULT_OPTIONS), 'dialect', 'since', 'until', 'maxCommits', 'branch', 'git', 'cacheDir', 'contexts', 'decomposition'].sort(),
    );
  });

  it('validates the library API like the flags: every problem at once, granularity also as text', async () => {
    const repo = tempRepo({ 'src/orders/a.ts': "import { b } from '../billing/b';\nexport const a = b;\n", 'src/billing/b.ts': 'export const b = 1;\n' });
    const bad = analyze(repo, { granularity: 'dir:2', resolution: 0, minRevs: -4 });
    await expect(bad).rejects.toBeInstanceOf(OptionsError);
    await expect(bad).rejects.toMatchObject({
      problems: ["option 'resolution' must be a number above 0 and at most 1000; got 0", "option 'minRevs' must be a whole number from 1 to 1000000; got -4"],
    });
    expect(() => resolveApiOptions({ colour: true } as never)).toThrow(/unknown option 'colour'; valid options: allowOutsideGitDir, botPatterns,/);
    const ok = await analyze(repo, { granularity: 'dir:2', history: false, symbols: false, runs: 2 });
    expect(ok.model.modules.map((m) => m.id)).toEqual(['src/billing', 'src/orders']);
    expect(ok.options.granularity).toBe('dir:2');
  });

  it('checks role overrides: known roles only, valid globs as keys', () => {
    expect(resolveApiOptions({ roles: { 'src/legacy/**': 'tooling' } }).roles).toEqual({ 'src/legacy/**': 'tooling' });
    const bad = () => resolveOptions([{ source: { kind: 'file', path: 'cfg.yaml', trusted: false }, values: { roles: { 'src/**': 'helper', '[': 'domain' } } }]);
    expect(bad).toThrow(OptionsError);
    expect(bad).toThrow("cfg.yaml: 'roles' must be an object of glob -> role (domain, application, interface, persistence, configuration, infrastructure, tooling, generated)");
    expect(() => resolveApiOptions({ roles: { '[': 'domain' } })).toThrow(/option 'roles': invalid glob "\["/);
    // Business priorities: a number per context name or module glob; a bad glob or value is named.
    expect(resolveApiOptions({ priorities: { payments: 2, 'src/orders/**': 1 } }).priorities).toEqual({ payments: 2, 'src/orders/**': 1 });
    expect(() => resolveApiOptions({ priorities: { 'src/[': 1 } })).toThrow(/option 'priorities': invalid glob "src\/\["/);
    expect(() => resolveApiOptions({ priorities: { payments: 'high' } as unknown as Record<string, number> })).toThrow(/'priorities' must be an object of context name or module glob -> number/);
  });

  it('merges layers in order, weights deeply, and freezes the result', () => {
    const { options, format, out } = resolveOptions([
      { source: { kind: 'file', path: 'cfg.yaml', trusted: true }, values: { minRevs: 3, weights: { kinds: { call: 4 } }, format: 'json,html', out: 'reports' } },
      { source: { kind: 'flags', flagNames: { minRevs: '--min-revs', weights: '--weights' } }, values: { minRevs: '7', weights: 'history=2' } },
    ]);
    expect(options.minRevs).toBe(7);
    expect(options.weights).toMatchObject({ code: 1, history: 2, kinds: { call: 4, import: 1 } });
    expect(format).toEqual(['json', 'html']);
    expect(out).toBe('reports');
    expect(Object.isFrozen(options) && Object.isFrozen(options.weights.kinds)).toBe(true);
  });

  it('publishes the config schema built from the table (run `npm run schema` after changing an option)', () => {
    const committed = JSON.parse(fs.readFileSync(new URL('../../schema/msa-split.config.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(buildConfigSchema());
    expect(Object.keys(committed.properties)).not.toContain('git');
  });

  it('ships the validators the option table generates (run `npm run schema` after changing an option)', async () => {
    // @ts-expect-error: a plain ESM build script without typings.
    const { generateOptionValidators } = (await import('../../scripts/build-schema.js')) as { generateOptionValidators(t: unknown): Promise<string> };
    expect(fs.readFileSync(new URL('../../schema/option-validators.cjs', import.meta.url), 'utf8')).toBe(await generateOptionValidators(OPTION_TABLE));
  });

  it("compiles every option's schema strictly and finds each valid against the meta-schema (runs compile only the keys they set, unchecked)", () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    for (const [key, spec] of Object.entries(OPTION_TABLE)) {
      expect(ajv.validateSchema(spec.schema as object), `${key}: ${ajv.errorsText()}`).toBe(true);
      expect(() => ajv.compile(spec.schema as object), key).not.toThrow();
    }
  });
});
