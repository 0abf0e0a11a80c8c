/**
 * What the load generator drives, each in a process of its own: our service (src/main.ts) in webhook mode,
 * and a bare telegraf echo bot (echo-bot.ts) as the baseline. Their fake Bot API stays in this process, beside
 * the load generator, so a target's CPU and memory are its own.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type FakeTelegram, startFakeTelegram } from '../../test/helpers/fake-telegram.ts';
import { buildDist } from '../build.ts';
import type { Target } from './load.ts';

export const SECRET = 'bench-webhook-secret-0123456789abcdef';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEBHOOK_URL = 'https://bench.example.test/telegram/webhook';

/** From /proc/<pid>/status: VmHWM (the kernel's peak resident set size) and VmRSS (now). NaN once gone. */
export interface ProcessMemory {
  hwmBytes: number;
  rssBytes: number;
}

export interface Exit {
  /** SIGTERM (or nothing, when it had already exited) → exit. */
  ms: number;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningTarget extends Target {
  pid: number;
  /** http://127.0.0.1:<port> (its /healthz). */
  base: string;
  /** Spawn → GET /healthz answered 200. */
  startMs: number;
  /** True once the process has exited (it should not before stop()). */
  readonly exited: boolean;
  memory(): ProcessMemory;
  /** User + system CPU time the process has used so far. */
  cpuMs(): number;
  /** The last few KB of its stdout and stderr. */
  output(): string;
  /** SIGTERM, then waits for the exit (SIGKILL after 15 s); closes the fake. Idempotent. */
  stop(): Promise<Exit>;
}

// Children still running when this process exits (an error, a signal) are killed with it.
const running = new Set<{ kill(signal: NodeJS.Signals): boolean }>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function readMemory(pid: number): ProcessMemory {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s*(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { hwmBytes: kb('VmHWM') * 1024, rssBytes: kb('VmRSS') * 1024 };
  } catch {
    return { hwmBytes: Number.NaN, rssBytes: Number.NaN };
  }
}

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux). */
function readCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Both targets run compiled, as in production (`npm start`): the service from dist/ (built here, as `prestart`
 * does), the echo bot bundled into node_modules/.cache (where its telegraf import resolves). Returns the paths.
 */
/**
 * The node options `npm start` runs the service with (package.json's start script, `node <options> dist/main.js`),
 * so the benchmark measures what the Quick start runs. BENCH_NODE_OPTIONS adds more (for experiments).
 */
export function startNodeArgs(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const words = pkg.scripts.start.trim().split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/main.js')
    throw new Error(`package.json start is not "node [options] dist/main.js": ${pkg.scripts.start}`);
  const extra = process.env.BENCH_NODE_OPTIONS?.trim();
  return [...words.slice(1, -1), ...(extra ? extra.split(/\s+/) : [])];
}

export async function buildTargets(): Promise<{ service: string; echo: string }> {
  await buildDist();
  const echo = path.join(ROOT, 'node_modules/.cache/bench/echo-bot.mjs');
  mkdirSync(path.dirname(echo), { recursive: true });
  await build({
    entryPoints: [path.join(ROOT, 'scripts/bench/echo-bot.ts')],
    outfile: echo,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return { service: path.join(ROOT, 'dist/main.js'), echo };
}

/** BENCH_CPU_PROF=<folder>: the targets write V8 CPU profiles there (`--cpu-prof`) when they exit. */
const profileArgs = () =>
  process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
    : [];

/**
 * Starts a fake Bot API (or uses the one given), then spawns `node <script>` in the repository root with exactly
 * the environment `env` returns (the fake's address, a free port), and waits for its GET /healthz to answer 200.
 * The target owns a fake it started: stop() closes it, as does a failed start.
 */
async function startProcess(options: {
  name: string;
  script: string;
  fake?: FakeTelegram;
  /** Options for node before the script (the service gets those of `npm start`). */
  nodeArgs?: string[];
  webhookPath: string;
  env: (fake: FakeTelegram, port: number) => Record<string, string>;
  timeoutMs?: number;
}): Promise<RunningTarget> {
  const { name } = options;
  const ownFake = !options.fake;
  const fake = options.fake ?? (await startFakeTelegram());
  const closeFake = async () => {
    if (ownFake) await fake.close();
  };
  let port: number;
  try {
    port = await freePort();
  } catch (err) {
    await closeFake();
    throw err;
  }
  const spawned = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...profileArgs(), options.script], {
    cwd: ROOT,
    env: options.env(fake, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      exited = true;
      running.delete(child);
      resolve({ code, signal });
    };
    child.once('exit', done);
    child.once('error', (err) => {
      keep(Buffer.from(`${err.message}\n`));
      done(null, null);
    });
  });

  let stopping: Promise<Exit> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const started = performance.now();
      if (!exited) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const result = await exit;
      clearTimeout(timer);
      await closeFake();
      return { ms: performance.now() - started, ...result };
    })();
    return stopping;
  };

  const base = `http://127.0.0.1:${port}`;
  const deadline = spawned + (options.timeoutMs ?? 60_000);
  try {
    for (;;) {
      if (exited) throw new Error(`${name} exited before it was ready:\n${tail.trim()}`);
      if (performance.now() > deadline)
        throw new Error(`${name} not ready after ${options.timeoutMs ?? 60_000} ms`);
      const status = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      await sleep(100);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const pid = child.pid!;
  return {
    name,
    base,
    url: `${base}${options.webhookPath}`,
    secret: SECRET,
    fake,
    pid,
    startMs: performance.now() - spawned,
    get exited() {
      return exited;
    },
    memory: () => readMemory(pid),
    cpuMs: () => readCpuMs(pid),
    output: () => tail,
    stop,
  };
}

/**
 * Our service, compiled (`node dist/main.js`, see buildTargets), webhook mode, send rates raised, scheduler idle.
 * Replicas share one fake Bot API (`fake`), as they share one bot token.
 */
export async function startOurService(
  databaseUrl: string,
  options: { script: string; name?: string; fake?: FakeTelegram },
): Promise<RunningTarget> {
  const service = await startProcess({
    name: options.name ?? 'service',
    script: options.script,
    nodeArgs: startNodeArgs(),
    ...(options.fake ? { fake: options.fake } : {}),
    webhookPath: '/telegram/webhook',
    env: (fake, port) => ({
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: WEBHOOK_URL,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_SEND_RATE: '100000',
      TELEGRAM_CHAT_SEND_RATE: '100000',
      TELEGRAM_CHAT_SEND_BURST: '1000',
      DATABASE_POOL_SIZE: '20',
      CONSOLE: 'off',
      SCHEDULER_TICK_SECONDS: '3600',
    }),
  });
  const { webhook } = service.fake;
  if (webhook?.url !== WEBHOOK_URL || webhook.secretToken !== SECRET) {
    await service.stop();
    throw new Error(`the service did not set its webhook at the fake Bot API: ${JSON.stringify(webhook)}`);
  }
  return service;
}

/** The bare telegraf echo bot, compiled (see buildTargets). */
export function startEchoBot(script: string): Promise<RunningTarget> {
  return startProcess({
    name: 'echo',
    script,
    webhookPath: '/hook',
    env: (fake, port) => ({
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    }),
  });
}
