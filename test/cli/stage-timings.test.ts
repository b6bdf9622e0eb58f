import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStageTimer } from '../../src/cli/stage-timings.js';
import { cli } from '../helpers/run-cli.js';
import { FIXTURES } from '../helpers/temp-repo.js';

describe('--timings', () => {
  it('a stage lasts from its first event to the next stage, the last one to the end; shares of the total; peak RSS sampled at its events', () => {
    let clock = 0;
    let memory = 100 * 1024 * 1024;
    const timer = createStageTimer(() => clock, () => memory);
    timer.listener({ stage: 'list', done: 0, total: 0 });
    clock = 500;
    timer.listener({ stage: 'imports', done: 0, total: 10 });
    clock = 1000;
    memory = 300 * 1024 * 1024;
    timer.listener({ stage: 'imports', done: 10, total: 10 });
    memory = 200 * 1024 * 1024;
    clock = 2500;
    timer.start('reports');
    clock = 3000;
    expect(timer.table()).toBe(
      [
        'stage                      time  share  peak RSS',
        'listing files            0.50 s   17%     100 MB',
        'resolving imports        2.00 s   67%     300 MB',
        'writing the reports      0.50 s   17%     200 MB',
        'total                    3.00 s  100%     300 MB',
        '',
      ].join('\n'),
    );
  });

  it('prints every stage of analyze on stderr, also without a terminal and with --quiet', async () => {
    const r = await cli(['analyze', path.join(FIXTURES, 'layered-express'), '--no-history', '--timings', '--quiet']);
    expect(r.code).toBe(0);
    const stages = r.stderr.split('\n').slice(1).map((l) => l.replace(/\s+\d+\.\d\d s.*$/, ''));
    expect(stages).toEqual([
      'listing files',
      'reading files',
      'resolving imports',
      'resolving calls and inheritance',
      'reading the database schema and queries',
      'building the model',
      'running the analyses',
      'choosing the shared kernel and set-asides',
      'clustering (seeded runs)',
      'scoring and explaining the contexts',
      'planning the migration (every level)',
      'split checks (tests, change smells, language, size, rewrite)',
      'total',
      '',
    ]);
  });
});
