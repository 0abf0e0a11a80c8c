/**
 * The test tiers. `npm test` runs the fast tier: every test file except those listed in test/slow.txt, in one
 * process per core, each taking files from a shared queue (scripts/test-worker.ts). `npm run test:slow` runs the
 * listed files, a process per file as before. Both go through node's own runner (`node --test`), with its output and
 * exit code; options for it pass through (`npm test -- --test-reporter=tap`, as `--name=value`), and file paths pick
 * files (of either tier).
 *
 *   tsx scripts/test.ts [--slow | --all] [node --test options] [test files]
 *
 * Without DATABASE_URL the tests use PGlite, started from a migrated template built here first (test/helpers/db.ts).
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const SLOW_LIST = 'test/slow.txt';

/** test/slow.txt: one path a line; `#` starts a comment (why the file is slow). */
function readSlowList(): string[] {
  const listed = readFileSync(SLOW_LIST, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
  const missing = listed.filter((file) => !existsSync(file));
  if (missing.length) {
    // A renamed slow file would otherwise drop into the fast tier unnoticed.
    console.error(`${SLOW_LIST} names files that do not exist: ${missing.join(', ')}`);
    process.exit(2);
  }
  return listed;
}

function allTestFiles(): string[] {
  return readdirSync('test', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.posix.join('test', file.split(path.sep).join('/')))
    .sort();
}

const args = process.argv.slice(2);
const tier = args.includes('--slow') ? 'slow' : args.includes('--all') ? 'all' : 'fast';
const nodeOptions = args.filter((a) => a.startsWith('-') && a !== '--slow' && a !== '--all');
const picked = args.filter((a) => !a.startsWith('-')).map((a) => path.posix.normalize(a));

const slow = new Set(readSlowList());
const all = allTestFiles();
const inTier = (file: string) => (tier === 'all' ? true : tier === 'slow' ? slow.has(file) : !slow.has(file));
let files = all.filter(inTier);
if (picked.length) {
  // Named files run whatever their tier, each the way its tier runs.
  const unknown = picked.filter((p) => !all.includes(p));
  if (unknown.length) {
    console.error(`not test files (test/**/*.test.ts): ${unknown.join(', ')}`);
    process.exit(2);
  }
  files = picked;
}

// Built once here rather than by the first test processes at the same time (4–8 s each).
if (!process.env.DATABASE_URL) await (await import('../test/helpers/db.ts')).pgliteTemplate();

const node = (argv: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, ['--import', 'tsx', '--test', ...argv], { stdio: 'inherit', env }).status ?? 1;

let status = 0;
const slowFiles = files.filter((f) => slow.has(f));
const fastFiles = files.filter((f) => !slow.has(f));

if (fastFiles.length) {
  // A file per entry, heaviest first (by size: a rough guess that keeps a long file from starting last).
  const queue = mkdtempSync(path.join(tmpdir(), 'tet-bot-test-queue-'));
  mkdirSync(path.join(queue, 'pending'));
  mkdirSync(path.join(queue, 'taken'));
  const bySize = [...fastFiles].sort((a, b) => statSync(b).size - statSync(a).size);
  for (const [i, file] of bySize.entries())
    writeFileSync(
      path.join(queue, 'pending', `${String(i).padStart(4, '0')}-${file.replaceAll('/', '~')}`),
      '',
    );
  const workers = Math.max(1, Math.min(availableParallelism(), fastFiles.length));
  // node --test runs each named file once: one entry file per worker, all importing the same worker.
  const worker = path.resolve('scripts/test-worker.ts');
  const entries = Array.from({ length: workers }, (_, i) => {
    const entry = path.join(queue, `worker-${i + 1}.mjs`);
    writeFileSync(entry, `import ${JSON.stringify(worker)};\n`);
    return entry;
  });
  try {
    status = node([`--test-concurrency=${workers}`, ...nodeOptions, ...entries], {
      ...process.env,
      TEST_QUEUE: queue,
    });
  } finally {
    rmSync(queue, { recursive: true, force: true });
  }
}
// test/perf/ counts how turns share the database's round trips, which needs the cores to itself: a neighbour file
// starving it makes thirty concurrent reports arrive one by one. It runs alone, after the rest.
const alone = slowFiles.filter((f) => f.startsWith('test/perf/'));
const together = slowFiles.filter((f) => !alone.includes(f));
if (together.length) {
  const slowStatus = node(['--test-concurrency=2', ...nodeOptions, ...together]);
  status ||= slowStatus;
}
if (alone.length) {
  const aloneStatus = node(['--test-concurrency=1', ...nodeOptions, ...alone]);
  status ||= aloneStatus;
}
process.exit(status);
