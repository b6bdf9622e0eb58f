/**
 * The hostile-repository corpus: each case builds, in a temporary folder of its own, a repository (and
 * whatever lies around it) crafted to make msa-split run a program, read or write outside its bounds,
 * crash, hang or lose data silently; then names the command to run and what must come out of it.
 * Layout of a case folder: repo/ (the analyzed repository), out/ (the --out folder), outside/ (files
 * next to the repository: a secret, a marker program), markers/ (where the marker program writes when it
 * runs: it must stay empty). The harness (hostile-corpus.test.ts) checks for every case that the repository
 * and everything outside out/ are byte-identical afterwards, that no marker was written, that no secret
 * reached the output, that the exit code is not an internal error, and the case's own expectations.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface CaseDirs {
  base: string;
  repo: string;
  out: string;
  outside: string;
  markers: string;
  /** A program that records that it ran (in markers/) and prints its first argument's file. */
  evil: string;
  /** Text of outside/secret.txt: must never appear in any output. */
  secret: string;
  /** A sound analysis.json of a small repository (shared by the cases that tamper with one). */
  goodAnalysis: string;
}

export interface CaseResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  maxRssMb: number;
  /** Parsed out/analysis.json when written. */
  analysis?: { model: { diagnostics: { code: string; file?: string; message: string }[]; skipped: { path: string; reason: string }[]; modules: { id: string }[]; data?: { tables: { id: string }[] } }; summary: unknown } & Record<string, unknown>;
}

export interface HostileCase {
  name: string;
  /** What the case attacks. */
  threat: string;
  build(dirs: CaseDirs): void;
  /** Arguments after `msa-split`. Default: analyze repo --out out --format json,md. */
  argv?(dirs: CaseDirs): string[];
  /** Extra environment for the run. */
  env?(dirs: CaseDirs): Record<string, string>;
  /** The cwd of the run. Default: the case folder. */
  cwd?(dirs: CaseDirs): string;
  exit: number;
  /** stderr must match. */
  stderr?: RegExp;
  /** Diagnostic codes analysis.json must hold. */
  diagnostics?: string[];
  /** Further checks. */
  check?(dirs: CaseDirs, result: CaseResult): void;
  /** Folders (relative to the case folder) that may change besides out/. */
  mayChange?: string[];
}

// ---- building blocks -------------------------------------------------------------------------

export function write(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

const GIT_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C', PATH: process.env.PATH ?? '/usr/bin:/bin' };

/** The test's own git (never msa-split's): fixed author and dates. */
export function git(repo: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd: repo, env: { ...GIT_ENV, HOME: repo }, input, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
}

/** A repository with a few TypeScript files in `commits` commits (each touching two files). */
export function gitRepo(repo: string, commits = 6, subjects?: (i: number) => string): void {
  fs.mkdirSync(repo, { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  for (let i = 0; i < commits; i++) {
    write(repo, {
      'src/orders/order.ts': `import { money } from '../kernel/money';\nexport const order${i} = money(${i});\n`,
      'src/kernel/money.ts': `export const money = (n: number) => n + ${i};\n`,
    });
    git(repo, ['add', '-A']);
    const date = `2024-01-${String(i + 1).padStart(2, '0')}T10:00:00Z`;
    execFileSync('git', ['-c', 'user.name=Ann', '-c', 'user.email=ann@example.com', 'commit', '-q', '-m', subjects?.(i) ?? `change ${i}`], {
      cwd: repo,
      env: { ...GIT_ENV, HOME: repo, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  }
}

/**
 * Adds a commit carrying a (fake) PGP signature, so that showing signatures calls gpg.program. It
 * changes a file: a commit that changes nothing is simplified away by a path-limited log, and git
 * would never verify it.
 */
export function addSignedCommit(repo: string): void {
  write(repo, { 'src/orders/signed.ts': 'export const signed = 1;\n' });
  git(repo, ['add', '-A']);
  const tree = git(repo, ['write-tree']).trim();
  const parent = git(repo, ['rev-parse', 'HEAD']).trim();
  const body = `tree ${tree}\nparent ${parent}\nauthor Ann <ann@example.com> 1706000000 +0000\ncommitter Ann <ann@example.com> 1706000000 +0000\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nsigned\n`;
  const sha = git(repo, ['hash-object', '-t', 'commit', '-w', '--stdin'], body).trim();
  git(repo, ['update-ref', 'refs/heads/main', sha]);
}

export function appendGitConfig(repo: string, text: string): void {
  fs.appendFileSync(path.join(repo, '.git/config'), text);
}

export function mkfifo(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('mkfifo', [file]);
}

/** A check that the analysis still holds table `id` (the statement that attacked the reader did not take it along). */
const keepsTable =
  (id: string) =>
  (_d: CaseDirs, r: CaseResult): void => {
    if (!r.analysis!.model.data?.tables.some((t) => t.id === id)) throw new Error(`table ${id} lost`);
  };
const analyzeArgs = (d: CaseDirs, ...extra: string[]) => ['analyze', d.repo, '--out', d.out, '--format', 'json,md', ...extra];
const smallTs = { 'src/orders/order.ts': "import { money } from '../kernel/money';\nexport const total = money(1);\n", 'src/kernel/money.ts': 'export const money = (n: number) => n;\n' };
const noExecution = (key: string, config: (d: CaseDirs) => string, opts: { churn?: boolean; attributes?: string } = {}): HostileCase => ({
  name: `git config ${key} runs no program`,
  threat: `a .git/config key (${key}) naming a program of the repository's choosing`,
  build: (d) => {
    gitRepo(d.repo);
    if (opts.attributes) {
      write(d.repo, { '.gitattributes': opts.attributes, 'src/orders/order.ts': 'export const changed = 1;\n' });
      git(d.repo, ['add', '-A']);
      git(d.repo, ['-c', 'user.name=Ann', '-c', 'user.email=ann@example.com', 'commit', '-q', '-m', 'attributes']);
    }
    addSignedCommit(d.repo);
    appendGitConfig(d.repo, config(d));
  },
  argv: (d) => analyzeArgs(d, ...(opts.churn ? ['--churn'] : [])),
  exit: 0,
  check: (_d, r) => {
    const history = r.analysis?.model as unknown as { history?: { commits?: number } };
    if (!history.history || !(Number(history.history.commits) > 0)) throw new Error(`history was not read: ${JSON.stringify(history.history)?.slice(0, 300)}`);
  },
});

// ---- the corpus ----------------------------------------------------------------------------

export const HOSTILE_CASES: HostileCase[] = [
  // Programs from the repository's git configuration.
  noExecution('gpg.program', (d) => `[gpg]\n\tprogram = ${d.evil}\n[log]\n\tshowSignature = true\n`),
  noExecution('gpg.openpgp.program', (d) => `[gpg "openpgp"]\n\tprogram = ${d.evil}\n[log]\n\tshowSignature = true\n`),
  noExecution('core.fsmonitor', (d) => `[core]\n\tfsmonitor = ${d.evil}\n`),
  noExecution('core.pager', (d) => `[core]\n\tpager = ${d.evil}\n[pager]\n\tlog = ${d.evil}\n`),
  noExecution('diff.external', (d) => `[diff]\n\texternal = ${d.evil}\n`, { churn: true }),
  noExecution('diff.<driver>.textconv', (d) => `[diff "evil"]\n\ttextconv = ${d.evil}\n\tcommand = ${d.evil}\n`, { churn: true, attributes: '*.ts diff=evil\n' }),
  noExecution('core.hooksPath', (d) => `[core]\n\thooksPath = ${path.dirname(d.evil)}\n`),
  noExecution('include.path', (d) => {
    write(d.outside, { 'evil.gitconfig': `[gpg]\n\tprogram = ${d.evil}\n[log]\n\tshowSignature = true\n` });
    return `[include]\n\tpath = ${path.join(d.outside, 'evil.gitconfig')}\n`;
  }),
  noExecution('includeIf.gitdir', (d) => {
    write(d.outside, { 'evil.gitconfig': `[gpg]\n\tprogram = ${d.evil}\n[log]\n\tshowSignature = true\n` });
    return `[includeIf "gitdir:/"]\n\tpath = ${path.join(d.outside, 'evil.gitconfig')}\n`;
  }),
  noExecution('core.sshCommand and a promisor remote', (d) => `[core]\n\tsshCommand = ${d.evil}\n[remote "origin"]\n\turl = ssh://example.invalid/x\n\tpromisor = true\n\tuploadpack = ${d.evil}\n[extensions]\n\tpartialClone = origin\n`),
  {
    name: 'a .git/config that is a FIFO does not hang the history stage',
    threat: 'git blocks reading a named pipe as its config',
    build: (d) => {
      gitRepo(d.repo);
      fs.rmSync(path.join(d.repo, '.git/config'));
      mkfifo(path.join(d.repo, '.git/config'));
    },
    exit: 0,
    diagnostics: ['unsafe-git-file'],
  },
  {
    name: 'a .mailmap that is a FIFO does not hang the history stage',
    threat: 'git blocks reading a named pipe as .mailmap',
    build: (d) => {
      gitRepo(d.repo);
      mkfifo(path.join(d.repo, '.mailmap'));
    },
    exit: 0,
    check: (_d, r) => {
      if (!/"commits":\s*[1-9]/.test(JSON.stringify(r.analysis?.model))) throw new Error('history not read');
    },
  },
  {
    name: 'a .gitattributes that is a FIFO does not hang the history stage (with --churn)',
    threat: 'git blocks reading a named pipe as .gitattributes',
    build: (d) => {
      gitRepo(d.repo);
      mkfifo(path.join(d.repo, '.gitattributes'));
    },
    argv: (d) => analyzeArgs(d, '--churn'),
    exit: 0,
  },
  {
    name: 'a FIFO in the object store does not hang the history stage',
    threat: 'git blocks opening a named pipe planted as objects/info/commit-graph',
    build: (d) => {
      gitRepo(d.repo);
      mkfifo(path.join(d.repo, '.git/objects/info/commit-graph'));
    },
    argv: (d) => analyzeArgs(d, '--git-timeout', '2'),
    exit: 0,
    diagnostics: ['git-timeout'],
  },
  {
    name: 'a .git file pointing outside the repository is not followed',
    threat: 'gitdir: in a .git file makes git read another repository outside the analyzed folder',
    build: (d) => {
      gitRepo(path.join(d.outside, 'other'));
      write(d.repo, { ...smallTs, '.git': `gitdir: ${path.join(d.outside, 'other/.git')}\n` });
    },
    exit: 0,
    diagnostics: ['git-dir-outside'],
  },

  // Reads outside the repository and files that are not files.
  {
    name: 'a config file that is a symlink to a file outside is not read',
    threat: 'msa-split.config.json -> a secret outside the repository',
    build: (d) => {
      write(d.repo, smallTs);
      fs.symlinkSync(path.join(d.outside, 'secret.txt'), path.join(d.repo, 'msa-split.config.json'));
    },
    exit: 2,
    stderr: /msa-split\.config\.json.*(outside|link)/,
  },
  {
    name: 'a config file that is a symlink to /dev/zero is refused at once',
    threat: 'endless read into memory',
    build: (d) => {
      write(d.repo, smallTs);
      fs.symlinkSync('/dev/zero', path.join(d.repo, 'msa-split.config.json'));
    },
    exit: 2,
    stderr: /msa-split\.config\.json/,
  },
  {
    name: 'a config file that is a FIFO is refused without blocking',
    threat: 'a read that never returns',
    build: (d) => {
      write(d.repo, smallTs);
      mkfifo(path.join(d.repo, 'msa-split.yaml.tmp'));
      fs.renameSync(path.join(d.repo, 'msa-split.yaml.tmp'), path.join(d.repo, 'msa-split.config.yaml'));
    },
    exit: 2,
    stderr: /msa-split\.config\.yaml.*not a regular file/,
  },
  {
    name: 'a huge config file is refused by size',
    threat: 'memory exhaustion through the config loader',
    build: (d) => write(d.repo, { ...smallTs, 'msa-split.config.json': `{"include": [${'"x",'.repeat(3_000_000)}"x"]}` }),
    exit: 2,
    stderr: /over the .* limit/,
  },
  {
    name: 'a config file in the repository cannot choose where reports are written',
    threat: '"out" in the repository\'s own config redirects writes anywhere',
    build: (d) => {
      write(d.outside, { 'victim/report.md': 'precious\n' });
      write(d.repo, { ...smallTs, 'msa-split.config.json': JSON.stringify({ out: path.join(d.outside, 'victim'), format: ['json', 'md'] }) });
    },
    argv: (d) => ['analyze', d.repo, '-q'],
    exit: 2,
    stderr: /'out'.*only.*--out/,
  },
  {
    name: 'a config file in the repository cannot choose where the cache is written',
    threat: '"cacheDir" in the repository\'s own config makes the tool write its cache anywhere',
    build: (d) => write(d.repo, { ...smallTs, 'msa-split.config.json': JSON.stringify({ cacheDir: path.join(d.outside, 'victim') }) }),
    argv: (d) => ['analyze', d.repo, '-q'],
    exit: 2,
    stderr: /'cacheDir'.*--cache-dir/,
  },
  {
    name: 'a config file with a __proto__ key exits 2',
    threat: 'prototype pollution through the config loader',
    build: (d) => write(d.repo, { ...smallTs, 'msa-split.config.json': '{"weights": {"kinds": {"__proto__": {"polluted": 1}}}, "__proto__": {"x": 1}}' }),
    exit: 2,
    stderr: /__proto__.*not allowed/,
  },
  {
    name: 'tests, tables and concepts named __proto__ and constructor are names, not keys',
    threat: 'prototype pollution through names the split checks key by (tests, concepts, columns, contexts)',
    build: (d) =>
      write(d.repo, {
        'package.json': '{"dependencies":{"pg":"8"}}',
        'src/__proto__/constructor.ts': "declare const db: { query(s: string): unknown };\nexport const constructor = () => db.query('SELECT __proto__, constructor FROM \"__proto__\" c JOIN toString t ON t.constructor = c.__proto__');\n",
        'src/hasOwnProperty.ts': "import { constructor } from './__proto__/constructor';\nexport const x = constructor();\n",
        'test/__proto__.test.ts': "import { constructor } from '../src/__proto__/constructor';\nimport './constructor';\nconstructor();\n",
        'test/constructor.ts': "import '../src/hasOwnProperty';\n",
        'db/V1__t.sql': 'CREATE TABLE "__proto__" (id INT PRIMARY KEY, constructor INT, "__proto__" INT);\nCREATE TABLE "toString" (id INT PRIMARY KEY REFERENCES "__proto__" (id), constructor INT);\n',
      }),
    exit: 0,
    check: (_d, r) => {
      const a = r.analysis as unknown as { assessment?: { safetyNet?: { tests: number } }; model: { tests?: { path: string }[] } };
      if (!a.model.tests?.some((t) => t.path === 'test/__proto__.test.ts')) throw new Error('the test named __proto__ is missing');
      if (!a.assessment?.safetyNet || a.assessment.safetyNet.tests !== 1) throw new Error(`expected one test in the safety net, got ${JSON.stringify(a.assessment?.safetyNet?.tests)}`);
      const tables = r.analysis!.model.data?.tables.map((t) => t.id).sort() ?? [];
      if (tables.join() !== '__proto__,tostring') throw new Error(`expected the tables __proto__ and tostring, got ${tables.join(', ')}`);
    },
  },
  {
    name: 'a folder link inside the repository does not count its files twice',
    threat: 'double counting through a symbolic link to a folder of the repository',
    build: (d) => {
      write(d.repo, smallTs);
      fs.symlinkSync('orders', path.join(d.repo, 'src/orders-again'));
    },
    exit: 0,
    check: (_d, r) => {
      const ids = r.analysis!.model.modules.map((m) => m.id);
      if (ids.length !== 2) throw new Error(`expected 2 modules, got ${ids.join(', ')}`);
      if (!r.analysis!.model.skipped.some((s) => s.path === 'src/orders-again' && s.reason === 'duplicate-symlink')) throw new Error('the link is not reported');
    },
  },
  {
    name: 'CR-only line endings and Latin-1 SQL lose nothing',
    threat: 'silent loss: old Mac line endings read as minified, a Latin-1 .sql losing its table',
    build: (d) =>
      write(d.repo, {
        ...smallTs,
        'src/orders/legacy.ts': `${'export const a = 1;\r'.repeat(200)}`,
        'db/legacy.sql': Buffer.from("CREATE TABLE caf\xe9s (id INT, nom VARCHAR(20) DEFAULT 'cr\xe8me');\n", 'latin1'),
      }),
    exit: 0,
    diagnostics: ['not-utf8'],
    check: (_d, r) => {
      if (!r.analysis!.model.modules.some((m) => m.id === 'src/orders/legacy.ts')) throw new Error('CR-only file skipped');
      if (!r.analysis!.model.data?.tables.some((t) => t.id === 'cafés')) throw new Error(`Latin-1 table lost: ${JSON.stringify(r.analysis!.model.data?.tables.map((t) => t.id))}`);
    },
  },
  {
    name: 'source files that are FIFOs, sockets-like or devices are reported, not read',
    threat: 'a named pipe called order.ts blocks the reader',
    build: (d) => {
      write(d.repo, smallTs);
      mkfifo(path.join(d.repo, 'src/orders/pipe.ts'));
      fs.symlinkSync('/dev/zero', path.join(d.repo, 'src/orders/zero.ts'));
      fs.symlinkSync(path.join(d.outside, 'secret.txt'), path.join(d.repo, 'src/orders/secret.ts'));
    },
    exit: 0,
    diagnostics: ['not-a-regular-file'],
    check: (_d, r) => {
      const skipped = r.analysis!.model.skipped.map((s) => `${s.path}:${s.reason}`);
      for (const want of ['src/orders/pipe.ts:not-a-regular-file', 'src/orders/secret.ts:symlink-outside-repo', 'src/orders/zero.ts:symlink-outside-repo']) {
        if (!skipped.includes(want)) throw new Error(`missing skipped ${want} in ${skipped.join(', ')}`);
      }
    },
  },
  {
    name: 'a deep tsconfig extends chain ends in a diagnostic, not a stack overflow',
    threat: 'recursion in the tsconfig loader',
    build: (d) => {
      const files: Record<string, string> = { ...smallTs, 'tsconfig.json': JSON.stringify({ extends: './cfg/c0.json', compilerOptions: { strict: true } }) };
      for (let i = 0; i < 3000; i++) files[`cfg/c${i}.json`] = JSON.stringify(i < 2999 ? { extends: `./c${i + 1}.json` } : { compilerOptions: {} });
      write(d.repo, files);
    },
    exit: 0,
    diagnostics: ['tsconfig-error'],
  },
  {
    name: 'tsconfig extends that leave the repository are not followed',
    threat: 'reads outside through extends (relative, absolute and a parent node_modules)',
    build: (d) => {
      write(d.outside, { 'base.json': JSON.stringify({ compilerOptions: { paths: { '@x/*': ['./*'] } } }), 'node_modules/evil-cfg/tsconfig.json': '{}', 'node_modules/evil-pkg/package.json': '{"name":"evil-pkg","main":"index.js"}', 'node_modules/evil-pkg/index.js': 'module.exports = 1;\n' });
      fs.renameSync(path.join(d.outside, 'node_modules'), path.join(d.base, 'node_modules'));
      write(d.repo, {
        ...smallTs,
        'src/orders/evil.ts': "import x from 'evil-pkg';\nexport default x;\n",
        'tsconfig.json': JSON.stringify({ extends: '../outside/base.json' }),
        'a/tsconfig.json': JSON.stringify({ extends: path.join(d.outside, 'base.json') }),
        'b/tsconfig.json': JSON.stringify({ extends: 'evil-cfg/tsconfig.json' }),
        'a/x.ts': 'export const a = 1;\n',
        'b/x.ts': 'export const b = 1;\n',
      });
    },
    exit: 0,
    diagnostics: ['read-outside-refused'],
  },

  // Outputs.
  {
    name: 'a symlink inside --out is replaced, never followed into the repository',
    threat: 'out/report.md -> repo/README.md makes the report overwrite the repository',
    build: (d) => {
      write(d.repo, { ...smallTs, 'README.md': 'original\n' });
      fs.mkdirSync(d.out, { recursive: true });
      fs.symlinkSync(path.join(d.repo, 'README.md'), path.join(d.out, 'report.md'));
      fs.symlinkSync(path.join(d.outside, 'secret.txt'), path.join(d.out, 'analysis.json'));
    },
    exit: 0,
    check: (d) => {
      if (fs.lstatSync(path.join(d.out, 'report.md')).isSymbolicLink()) throw new Error('report.md is still a link');
      if (fs.lstatSync(path.join(d.out, 'analysis.json')).isSymbolicLink()) throw new Error('analysis.json is still a link');
    },
  },
  {
    name: '--out naming a file exits 2',
    threat: 'EEXIST as an internal error',
    build: (d) => {
      write(d.repo, smallTs);
      write(d.outside, { 'a-file': 'x' });
    },
    argv: (d) => ['analyze', d.repo, '--out', path.join(d.outside, 'a-file'), '-q'],
    exit: 2,
    stderr: /is a file|not a folder/,
  },
  {
    name: '--out under a file exits 2',
    threat: 'ENOTDIR as an internal error',
    build: (d) => {
      write(d.repo, smallTs);
      write(d.outside, { 'a-file': 'x' });
    },
    argv: (d) => ['analyze', d.repo, '--out', path.join(d.outside, 'a-file', 'sub'), '-q'],
    exit: 2,
    stderr: /cannot create|not a folder/,
  },
  {
    name: '--out /dev/full exits 2',
    threat: 'a device as the output folder',
    build: (d) => write(d.repo, smallTs),
    argv: (d) => ['analyze', d.repo, '--out', '/dev/full', '-q'],
    exit: 2,
    stderr: /\/dev\/full/,
  },
  {
    name: '--out under /proc exits 2',
    threat: 'a special file system as the output folder',
    build: (d) => write(d.repo, smallTs),
    argv: (d) => ['analyze', d.repo, '--out', '/proc/self/msa-split-out', '-q'],
    exit: 2,
    stderr: /\/proc\/self\/msa-split-out/,
  },

  // Parsers and readers on pathological input.
  {
    name: 'a long SQL UNION chain is a diagnostic, not a stack overflow',
    threat: 'recursion in the SQL parser and in the statement walker',
    build: (d) => write(d.repo, { ...smallTs, 'db/report.sql': `CREATE TABLE orders (id INT PRIMARY KEY);\nSELECT id FROM orders ${'UNION SELECT id FROM orders '.repeat(20_000)};\n` }),
    exit: 0,
    check: keepsTable('orders'),
  },
  {
    name: 'deeply nested TypeScript is analysed or reported, never a crash',
    threat: 'recursion in the TypeScript walkers',
    build: (d) =>
      write(d.repo, {
        ...smallTs,
        'src/deep/ifs.ts': `export function f(a: boolean) {\n${'if (a) {\n'.repeat(8000)}return 1;\n${'}\n'.repeat(8000)}}\n`,
        // Line breaks keep these from being skipped as minified: the parser must see them.
        'src/deep/sum.ts': `export const s = ${'1 +\n'.repeat(60_000)}1;\n`,
        'src/deep/parens.ts': `export const p = ${'(\n'.repeat(20_000)}1${')\n'.repeat(20_000)};\n`,
        'src/deep/arrays.ts': `export const q = ${'[\n'.repeat(20_000)}${']\n'.repeat(20_000)};\n`,
        'src/deep/calls.ts': `import { money } from '../kernel/money';\nexport const c = ${'money(\n'.repeat(20_000)}1${')\n'.repeat(20_000)};\n`,
      }),
    exit: 0,
    diagnostics: ['nesting-too-deep'],
    check: (_d, r) => {
      const ids = r.analysis!.model.modules.map((m) => m.id);
      if (!ids.includes('src/orders/order.ts') || !ids.includes('src/deep/ifs.ts')) throw new Error(`modules lost: ${ids.join(', ')}`);
    },
  },
  {
    name: 'a large Prisma schema is read or reported, never a crash',
    threat: 'recursion and size in the Prisma parser',
    build: (d) => {
      let schema = 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n';
      for (let i = 0; i < 4000; i++) schema += `model M${i} {\n  id Int @id\n  name String\n  ref Int?\n}\n`;
      write(d.repo, { ...smallTs, 'prisma/schema.prisma': schema });
    },
    exit: 0,
  },
  {
    name: 'a MyBatis fragment that includes itself is cut, with a diagnostic',
    threat: 'infinite expansion of <include>',
    build: (d) =>
      write(d.repo, {
        'src/main/java/x/OrderMapper.java': 'package x;\npublic interface OrderMapper { }\n',
        'src/main/resources/OrderMapper.xml': `<?xml version="1.0"?>\n<mapper namespace="x.OrderMapper">\n<sql id="a">id, <include refid="b"/></sql>\n<sql id="b">name, <include refid="a"/></sql>\n<select id="find">SELECT <include refid="a"/> FROM orders</select>\n</mapper>\n`,
      }),
    exit: 0,
    diagnostics: ['mybatis-include-cycle'],
  },
  {
    name: 'an exponential MyBatis include tree is capped, with a diagnostic',
    threat: '"Invalid string length" and gigabytes through nested <include>',
    build: (d) => {
      let frags = '<sql id="f0">id</sql>\n';
      for (let i = 1; i < 40; i++) frags += `<sql id="f${i}"><include refid="f${i - 1}"/>, <include refid="f${i - 1}"/></sql>\n`;
      write(d.repo, {
        'src/main/java/x/OrderMapper.java': 'package x;\npublic interface OrderMapper { }\n',
        'src/main/resources/OrderMapper.xml': `<?xml version="1.0"?>\n<mapper namespace="x.OrderMapper">\n${frags}<select id="find">SELECT <include refid="f39"/> FROM orders</select>\n</mapper>\n`,
      });
    },
    exit: 0,
    diagnostics: ['mybatis-include-too-large'],
  },
  {
    name: 'an unterminated dollar-quoted body is recovered, not swallowed into a heap abort',
    threat: 'a heap abort as the splitter swallows the file',
    build: (d) => write(d.repo, { ...smallTs, 'db/fn.sql': `CREATE TABLE orders (id INT);\nCREATE FUNCTION f() RETURNS int AS $body$\n${'select 1; -- filler line of the function body\n'.repeat(400_000)}` }),
    exit: 0,
    diagnostics: ['sql-unterminated-quote'],
    check: keepsTable('orders'),
  },
  {
    name: 'runs of SQL comments do not make the splitter backtrack',
    threat: 'ReDoS: an exponential comment pattern over a statement of the repository',
    build: (d) =>
      write(d.repo, {
        ...smallTs,
        'db/comments.sql': `CREATE TABLE orders (id INT);\n${'/**/'.repeat(60)}x;\n${'/*'.repeat(50_000)}\nSELECT 1;\n`,
        'src/orders/query.ts': `export const q = \`${'/**/'.repeat(60)} select id from orders\`;\nexport const r = '${'-- x\\n'.repeat(2000)}';\n`,
      }),
    exit: 0,
    check: keepsTable('orders'),
  },
  {
    name: 'a backtracking --couple-by ticket: pattern runs in linear time',
    threat: 'ReDoS through a user pattern over commit subjects of the repository',
    build: (d) => gitRepo(d.repo, 6, (i) => `${'a'.repeat(40)}! change ${i}`),
    argv: (d) => analyzeArgs(d, '--couple-by', 'ticket:^(a+)+$'),
    exit: 0,
  },
  {
    name: 'folders nested 5,000 deep stop at the depth limit with a diagnostic',
    threat: 'ENAMETOOLONG and recursion in the folder walk',
    build: (d) => {
      write(d.repo, smallTs);
      // Relative to an open folder at each step: no absolute path could reach that deep.
      const script = 'import os,sys\nfd=os.open(sys.argv[1],os.O_RDONLY)\nfor i in range(5000):\n  os.mkdir("d",dir_fd=fd)\n  n=os.open("d",os.O_RDONLY,dir_fd=fd)\n  os.close(fd)\n  fd=n\nf=os.open("deep.ts",os.O_WRONLY|os.O_CREAT,0o644,dir_fd=fd)\nos.write(f,b"export const deep = 1;\\n")\n';
      execFileSync('python3', ['-c', script, path.join(d.repo, 'src')]);
    },
    exit: 0,
    diagnostics: ['folder-too-deep'],
  },

  {
    name: 'an unterminated string in a bulk INSERT does not swallow the rest of the file',
    threat: 'silent loss: one stray apostrophe hides every table after it',
    build: (d) => {
      const data = `INSERT INTO audit VALUES ${Array.from({ length: 30_000 }, (_, i) => `(${i}, 'row ${i}')`).join(', ')};\n`;
      const tables = Array.from({ length: 2_000 }, (_, i) => `CREATE TABLE t${i} (id INT PRIMARY KEY);\n`).join('');
      write(d.repo, { ...smallTs, 'db/dump.sql': `CREATE TABLE audit (id INT, note TEXT);\n${data}INSERT INTO audit VALUES (1, 'oops);\n${tables}` });
    },
    exit: 0,
    diagnostics: ['sql-unterminated-quote'],
    check: (_d, r) => {
      const ids = new Set(r.analysis!.model.data?.tables.map((t) => t.id));
      for (const t of ['audit', 't0', 't999', 't1999']) if (!ids.has(t)) throw new Error(`table ${t} lost (${ids.size} tables)`);
    },
  },
  ...(['analyze', 'history', 'db'] as const).map(
    (command): HostileCase => ({
      name: `${command} prints no terminal escape from the repository`,
      threat: 'escape sequences in file, author, table names and subjects acting on the terminal',
      build: (d) => {
        gitRepo(d.repo, 6, (i) => `change ${i} \u001b]0;pwned\u0007\u001b[2J`);
        write(d.repo, { 'src/orders/\u001b[31mred\u001b[0m.ts': "import { money } from '../kernel/money';\nexport const r = money(2);\n", 'db/schema.sql': 'CREATE TABLE "evil\u001b[2Jtable" (id INT);\nCREATE TABLE orders (id INT);\n' });
        git(d.repo, ['add', '-A']);
        execFileSync('git', ['-c', 'user.name=Eve\u001b[5m', '-c', 'user.email=eve@example.com', 'commit', '-q', '-m', 'evil \u001b[2J'], { cwd: d.repo, env: { PATH: process.env.PATH ?? '', HOME: d.repo, GIT_AUTHOR_DATE: '2024-02-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-02-01T00:00:00Z' } });
      },
      argv: (d) => [command, d.repo, ...(command === 'history' ? ['--min-revs', '1', '--min-shared', '1'] : [])],
      exit: 0,
      check: (_d, r) => {
        const all = r.stdout + r.stderr;
        // eslint-disable-next-line no-control-regex
        if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(all)) throw new Error(`control character printed: ${JSON.stringify(all.match(/.{0,20}[\u0000-\u0008\u000b-\u001f\u007f-\u009f].{0,20}/)?.[0])}`);
        if (command === 'analyze' && !all.includes('\\x1b')) throw new Error('the escape is not shown visibly');
      },
    }),
  ),
  {
    name: 'a HEAD naming a missing branch is not called an empty repository',
    threat: 'misleading note',
    build: (d) => {
      gitRepo(d.repo);
      fs.writeFileSync(path.join(d.repo, '.git/HEAD'), 'ref: refs/heads/gone\n');
    },
    exit: 0,
    diagnostics: ['broken-head'],
  },
  {
    name: 'a repository owned by another user is read (its config is never trusted anyway)',
    threat: 'git\'s dubious-ownership refusal reported as "not a git work tree"',
    build: (d) => {
      gitRepo(d.repo);
      execFileSync('chown', ['-R', '12345:12345', d.repo]);
    },
    exit: 0,
    check: (_d, r) => {
      if (!/"commits":\s*[1-9]/.test(JSON.stringify(r.analysis?.model))) throw new Error('history not read');
    },
  },
  {
    name: 'an invalid glob exits 2 instead of selecting nothing',
    threat: 'silent: --include "[" matched no file',
    build: (d) => write(d.repo, smallTs),
    argv: (d) => ['analyze', d.repo, '--include', '[', '-q'],
    exit: 2,
    stderr: /invalid glob "\["/,
  },
  {
    name: '--runs past its bound exits 2',
    threat: 'unbounded work from one option',
    build: (d) => write(d.repo, smallTs),
    argv: (d) => ['analyze', d.repo, '--runs', '100000', '-q'],
    exit: 2,
    stderr: /--runs must be a whole number from 1 to 1000/,
  },
  {
    name: 'control characters in names keep SVG and GraphML valid XML',
    threat: 'a file or table name with a control character breaks the XML reports',
    build: (d) => write(d.repo, { ...smallTs, 'src/orders/bell\u0007.ts': "import { money } from '../kernel/money';\nexport const b = money(3);\n", 'db/schema.sql': 'CREATE TABLE "t\u0001x" (id INT);\nCREATE TABLE orders (id INT, t_id INT REFERENCES "t\u0001x"(id));\n' }),
    argv: (d) => ['analyze', d.repo, '--out', d.out, '--format', 'json,graphml,svg', '--no-history'],
    exit: 0,
    check: (d) => {
      const files = fs.readdirSync(d.out).filter((f) => /\.(graphml|svg)$/.test(f));
      if (files.length < 4) throw new Error(`expected graph files, got ${files.join(', ')}`);
      for (const f of files) {
        // eslint-disable-next-line no-control-regex
        if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(fs.readFileSync(path.join(d.out, f), 'utf8'))) throw new Error(`${f} holds a character XML forbids`);
      }
    },
  },
  {
    name: 'report never replaces a different analysis.json next to its input',
    threat: 'silent overwrite of another analysis',
    build: (d) => {
      write(d.outside, { 'x/other.json': fs.readFileSync(d.goodAnalysis, 'utf8'), 'x/analysis.json': '{"another": "analysis"}\n' });
    },
    argv: (d) => ['report', path.join(d.outside, 'x/other.json'), '--format', 'json,md'],
    exit: 2,
    stderr: /already holds another analysis/,
  },
  {
    name: 'report on an analysis whose plan names a context that does not exist exits 2',
    threat: 'a consistent-looking file that would crash a reporter',
    build: (d) => {
      const a = JSON.parse(fs.readFileSync(d.goodAnalysis, 'utf8')) as { decomposition: { contexts: { id: string }[] } };
      a.decomposition.contexts[0]!.id = 'renamed';
      write(d.outside, { 'tampered/analysis.json': JSON.stringify(a) });
    },
    argv: (d) => ['report', path.join(d.outside, 'tampered/analysis.json'), '--out', d.out, '--format', 'md,html'],
    exit: 2,
    stderr: /not a valid analysis \(at \$\.scores\.contexts\[\d+\]\.context: names context "ctx-1"/,
  },
  {
    name: 'report.md from a tampered analysis carries no raw HTML',
    threat: 'HTML and backtick break-outs through context ids, cycle kinds, the granularity',
    build: (d) => {
      const a = JSON.parse(fs.readFileSync(d.goodAnalysis, 'utf8')) as { model: { granularity: string }; analyses: { cycles: { kinds: string[] } }; decomposition?: { contexts: { id: string }[] } };
      a.model.granularity = 'file` <img src=x onerror=alert(1)> `';
      // (An unknown cycle kind never gets this far: the schema lists the kinds.)
      a.model.granularity += '<script>alert(2)</script>';
      // The context renamed everywhere it is named, so the file stays consistent and reaches the reporter.
      const text = JSON.stringify(a).split('"ctx-1"').join(JSON.stringify('<img src=y onerror=alert(3)>'));
      write(d.outside, { 'tampered/analysis.json': text });
    },
    argv: (d) => ['report', path.join(d.outside, 'tampered/analysis.json'), '--out', d.out, '--format', 'md'],
    exit: 0,
    check: (d) => {
      // Code spans are literal text in Markdown: markup inside one is shown, never run; outside them none may stand.
      const md = fs.readFileSync(path.join(d.out, 'report.md'), 'utf8').replace(/`[^`\n]*`/g, '');
      if (/<img|<script/i.test(md)) throw new Error(`raw HTML in report.md: ${md.match(/.{0,40}<(img|script).{0,40}/i)?.[0]}`);
    },
  },

  // The report command on tampered analyses.
  ...(
    [
      ['wrong types', { schemaVersion: 0, model: { modules: 'x' } }],
      ['a non-object root', [1, 2, 3]],
      ['null', null],
      ['__proto__ keys', null],
      ['missing sections', { schemaVersion: 0 }],
      ['objects where lists belong', null],
    ] as const
  ).map(
    ([what, doc]): HostileCase => ({
      name: `report on an analysis.json with ${what} exits 2 naming the JSON path`,
      threat: 'tampered analysis.json',
      build: (d) => {
        const good = JSON.parse(fs.readFileSync(d.goodAnalysis, 'utf8')) as Record<string, unknown>;
        let text: string;
        if (what === '__proto__ keys') text = JSON.stringify(good).replace('{', '{"__proto__":{"polluted":true},').replace('"model":{', '"model":{"__proto__":{"modules":"x"},');
        else if (what === 'objects where lists belong') text = JSON.stringify({ ...good, model: { ...(good.model as object), modules: { a: 1 } } });
        else if (what === 'wrong types' || what === 'missing sections') text = JSON.stringify({ ...(doc as object), schemaVersion: good.schemaVersion });
        else text = JSON.stringify(doc);
        write(d.outside, { 'tampered/analysis.json': text });
      },
      argv: (d) => ['report', path.join(d.outside, 'tampered/analysis.json'), '--out', d.out, '--format', 'md,html'],
      exit: 2,
      stderr: /not a valid analysis \(at \$/,
    }),
  ),
];
