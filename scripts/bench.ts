/**
 * End-to-end benchmark: our service in webhook mode against a fake Bot API, a bare telegraf echo bot as
 * the baseline, /status over a large data set, and the Q&A engine. Prints a table and writes
 * bench-results/latest.json.
 *
 *   npm run bench                  full run, ~4 min (PostgreSQL at DATABASE_URL, by default the local server
 *                                  through its Unix socket if it has one, else
 *                                  postgres://postgres@127.0.0.1:5432/postgres; its throwaway
 *                                  databases are dropped at the end)
 *   npm run bench -- --quick       small smoke run (writes bench-results/quick.json)
 *   npm run bench -- --replicas 2  two service processes on one database behind a round-robin webhook
 *                                  splitter (bench-results/replicas-2.json)
 *   npm run bench -- --help        every size: --enterprises N --officers M --concurrency C --reports …
 *                                  (or BENCH_ENTERPRISES, BENCH_OFFICERS, BENCH_CONCURRENCY, …)
 *   BENCH_KEEP_DB=1 npm run bench  keeps the throwaway databases (drop them by hand): each /status probe's
 *                                  inbound_events and outbox timestamps show where its time went
 *
 * The measured systems run compiled (as `npm start` runs the service), as processes of their own: the service
 * (`node dist/main.js`, built first, on a throwaway database) and the bare echo bot. This process holds the load
 * generator, their fake Bot APIs and the webhook splitter, seeds the service's database over its own connection,
 * and reads each child's peak RSS (VmHWM), memory split (/proc and the service's /healthz) and CPU time. They
 * still share the machine's cores. /status and Q&A time functions, in this process.
 *
 * Every update of the reports phase is checked to have had exactly one effect: one receipt, one report row (by
 * the receipts' reference numbers), and none for the 5% posted a second time (to the other replica, if any).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { vnDay } from '../src/clock.ts';
import { type Db, openDatabase } from '../src/db/client.ts';
import { rowsOf } from '../src/db/raw.ts';
import type { FakeTelegram } from '../test/helpers/fake-telegram.ts';
import { type Breakdown, breakdown, dbSegmentsSent, outboxStats } from './bench/breakdown.ts';
import {
  createThrowawayDatabase,
  DEFAULT_DATABASE_URL,
  seedService,
  serverVersion,
  type ThrowawayDatabase,
} from './bench/database.ts';
import {
  allLatencies,
  type PhaseResult,
  ReplyTracker,
  runPhase,
  type Step,
  WebhookClient,
} from './bench/load.ts';
import {
  describeMemory,
  type MemorySample,
  MemoryWatcher,
  machineCpuMs,
  postgresCpuMs,
  sampleMemory,
  sampleWork,
  type WorkCounts,
} from './bench/memory.ts';
import { benchQa } from './bench/qa.ts';
import {
  echo,
  loadQuestions,
  mixed,
  RECEIPT,
  reportsOnly,
  type SimChat,
  status as statusStep,
} from './bench/scenarios.ts';
import { distribution, mb, RssSampler, round, table } from './bench/stats.ts';
import { benchStatus, type StatusResult } from './bench/status.ts';
import {
  buildTargets,
  type Exit,
  type ProcessMemory,
  type RunningTarget,
  startEchoBot,
  startOurService,
} from './bench/targets.ts';

const OPTIONS = {
  enterprises: {
    full: 1000,
    quick: 100,
    env: 'BENCH_ENTERPRISES',
    help: 'enterprises seeded for the service (N)',
  },
  officers: { full: 1000, quick: 100, env: 'BENCH_OFFICERS', help: 'officer chats (M)' },
  staff: { full: 5, quick: 2, env: 'BENCH_STAFF', help: 'staff chats' },
  concurrency: { full: 100, quick: 20, env: 'BENCH_CONCURRENCY', help: 'exchanges in flight (C)' },
  warmup: { full: 300, quick: 100, env: 'BENCH_WARMUP', help: 'warm-up updates per target' },
  reports: { full: 5000, quick: 500, env: 'BENCH_REPORTS', help: 'reports-only phase: /baocao ok updates' },
  mixed: { full: 5000, quick: 500, env: 'BENCH_MIXED', help: 'mixed phase: updates' },
  offered: {
    full: 200,
    quick: 100,
    env: 'BENCH_OFFERED',
    help: 'open-loop phase: /baocao ok offered per second (and 1% staff /status)',
  },
  'offered-seconds': { full: 15, quick: 5, env: 'BENCH_OFFERED_SECONDS', help: 'open-loop phase length' },
  'status-every': {
    full: 100,
    quick: 100,
    env: 'BENCH_STATUS_EVERY',
    help: 'open-loop phase: a staff /status probe every this many reports',
  },
  replicas: {
    full: 1,
    quick: 1,
    env: 'BENCH_REPLICAS',
    help: 'service processes on one database, behind a round-robin webhook splitter',
  },
  'status-enterprises': {
    full: 10_000,
    quick: 1000,
    env: 'BENCH_STATUS_ENTERPRISES',
    help: '/status data set',
  },
  'status-days': { full: 30, quick: 5, env: 'BENCH_STATUS_DAYS', help: 'days of reports in it' },
  'status-runs': { full: 20, quick: 5, env: 'BENCH_STATUS_RUNS', help: 'timed renderDayStatus runs' },
  'max-phase-seconds': {
    full: 75,
    quick: 30,
    env: 'BENCH_MAX_PHASE_SECONDS',
    help: 'a phase stops starting exchanges after this long',
  },
  'paced-seconds': {
    full: 15,
    quick: 5,
    env: 'BENCH_PACED_SECONDS',
    help: 'paced phase length at half capacity',
  },
  'qa-asks': { full: 1000, quick: 200, env: 'BENCH_QA_ASKS', help: 'timed Q&A asks' },
} as const;
type OptionName = keyof typeof OPTIONS;

const TARGETS = {
  echoRatio: 0.5,
  p99Ms: 100,
  statusMs: 50,
  rssMb: 150,
  rssAfterStartMb: 100,
} as const;

/** Every n-th update of the reports phase is posted a second time (a Telegram redelivery). */
const REDELIVER_EVERY = 20;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      out: { type: 'string' },
      ...(Object.fromEntries(Object.keys(OPTIONS).map((k) => [k, { type: 'string' }])) as Record<
        OptionName,
        { type: 'string' }
      >),
    },
  });
  if (values.help) {
    console.log('npm run bench -- [--quick] [--out FILE] [--NAME VALUE …]\n');
    for (const [name, o] of Object.entries(OPTIONS))
      console.log(
        `  --${name.padEnd(20)} ${o.env.padEnd(26)} ${o.help} (default ${o.full}, quick ${o.quick})`,
      );
    process.exit(0);
  }
  const quick = values.quick === true || process.env.BENCH_QUICK === '1';
  const n = {} as Record<OptionName, number>;
  for (const [name, o] of Object.entries(OPTIONS) as [OptionName, (typeof OPTIONS)[OptionName]][]) {
    const raw = (values as Record<string, unknown>)[name] ?? process.env[o.env];
    const value = raw === undefined || raw === '' ? (quick ? o.quick : o.full) : Number(raw);
    if (!Number.isInteger(value) || value < (name === 'staff' ? 0 : 1))
      throw new Error(`--${name} / ${o.env}: expected a positive integer, got ${String(raw)}`);
    n[name] = value;
  }
  const file = quick ? 'quick.json' : n.replicas > 1 ? `replicas-${n.replicas}.json` : 'latest.json';
  const out = values.out ?? path.join('bench-results', file);
  return { quick, out, n };
}

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const mark = (pass: boolean) => (pass ? '✓' : '✗');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Set by SIGINT / SIGTERM: no further phase starts (the cleanup stops the children meanwhile). */
let interrupted: NodeJS.Signals | undefined;

function phaseSummary(result: PhaseResult) {
  const all = distribution(allLatencies(result));
  return {
    exchanges: result.exchanges,
    planned: result.planned,
    cutShort: result.cutShort,
    durationMs: round(result.durationMs),
    perSecond: round(result.perSecond),
    latencyMs: { p50: round(all.p50), p95: round(all.p95), p99: round(all.p99), max: round(all.max) },
    byKind: Object.fromEntries(
      [...result.latencies].map(([kind, values]) => {
        const d = distribution(values);
        return [kind, { count: d.count, p50: round(d.p50), p95: round(d.p95), p99: round(d.p99) }];
      }),
    ),
    errors: result.errors,
    ...(result.redelivered.posted ? { redelivered: result.redelivered } : {}),
    ...(result.examples.length ? { examples: result.examples } : {}),
  };
}

/** One or more processes behind one webhook (the splitter sends each request to the next replica). */
interface Cluster {
  name: string;
  members: RunningTarget[];
  fake: FakeTelegram;
}

/** What a measured phase adds to the generator's result: the target processes' own figures. */
interface PhaseRun extends PhaseResult {
  from: Date;
  to: Date;
  /** The targets' TCP segments to the database per exchange (NaN for the echo bot, or without ss). */
  dbSegmentsPerUpdate: number;
  /** The targets' CPU time over the phase's wall time, in % of one core (summed over replicas). */
  cpuPercent: number;
  /** The same for PostgreSQL (all its processes), this process (generator, fakes, splitter) and the machine. */
  cpu: { postgres: number; bench: number; machine: number; machineCores: number };
  /** The largest replica's memory at the end of the phase (VmHWM: its peak since it started). */
  memory: ProcessMemory;
  /** The replicas' work over the phase (summed): turns, shared transactions and their turns, round trips. */
  work: WorkCounts;
}

/** "; 0.6 round trips to PostgreSQL per update, 9.8 turns per shared transaction" (nothing for the echo bot). */
function describeWork(result: PhaseRun): string {
  const { work } = result;
  if (work.turns === 0) return '';
  return (
    `; ${fmt(work.databaseRoundTrips / Math.max(1, result.exchanges), 2)} round trips to PostgreSQL per update` +
    (work.batches ? `, ${fmt(work.batchedTurns / work.batches)} turns per shared transaction` : '')
  );
}

/** a − b, field by field (a + b with sign −1). */
function difference(a: WorkCounts, b: WorkCounts, sign = 1): WorkCounts {
  return {
    turns: a.turns - sign * b.turns,
    batches: a.batches - sign * b.batches,
    batchedTurns: a.batchedTurns - sign * b.batchedTurns,
    databaseRoundTrips: a.databaseRoundTrips - sign * b.databaseRoundTrips,
  };
}

function printPhase(title: string, result: PhaseRun): void {
  const s = phaseSummary(result);
  const errors = result.errors.http + result.errors.timeouts + result.errors.unexpected;
  console.log(
    `  ${title}: ${s.exchanges} exchanges in ${fmt(s.durationMs / 1000, 2)} s = ${fmt(s.perSecond)}/s; ` +
      `latency p50 ${fmt(s.latencyMs.p50)} / p95 ${fmt(s.latencyMs.p95)} / p99 ${fmt(s.latencyMs.p99)} ms; ` +
      `process CPU ${fmt(result.cpuPercent, 0)}% of a core (PostgreSQL ${fmt(result.cpu.postgres, 0)}%, ` +
      `generator ${fmt(result.cpu.bench, 0)}%, machine ${fmt(result.cpu.machine, 0)}% of ` +
      `${result.cpu.machineCores * 100}%), RSS ${fmt(mb(result.memory.rssBytes))} MB ` +
      `(peak ${fmt(mb(result.memory.hwmBytes))})` +
      describeWork(result) +
      (errors ? `; ERRORS ${JSON.stringify(result.errors)}` : '') +
      (result.cutShort ? ` (time limit: ${result.exchanges} of ${result.planned} planned)` : ''),
  );
  for (const e of result.examples) console.log(`    ! ${e}`);
}

interface PhaseSpec {
  name: string;
  scripts: ReturnType<typeof echo>;
  measured: boolean;
  perSecond?: number;
  /** Exchanges in flight, if not the run's C (the open-loop phase lets every chat have one). */
  concurrency?: number;
  fromSchedule?: boolean;
  onReply?: (chatId: number, step: Step, text: string) => void;
  /** Requests timed beside the phase's load (see runPhase's probes). */
  probes?: { scripts: ReturnType<typeof echo>; everyMs: number };
}

/** Drives one target (or the replicas behind the splitter): each phase with a fresh tracker cursor. */
async function drive(
  target: Cluster,
  concurrency: number,
  phases: PhaseSpec[],
  context: { dbPort?: number; maxPhaseMs: number },
): Promise<Map<string, PhaseRun>> {
  const { dbPort, maxPhaseMs } = context;
  const { members } = target;
  const segments = () =>
    dbPort === undefined ? Number.NaN : members.reduce((t, m) => t + dbSegmentsSent(m.pid, dbPort), 0);
  const cpuMs = () => members.reduce((t, m) => t + m.cpuMs(), 0);
  const memory = (): ProcessMemory => {
    const all = members.map((m) => m.memory());
    return {
      hwmBytes: Math.max(...all.map((m) => m.hwmBytes)),
      rssBytes: Math.max(...all.map((m) => m.rssBytes)),
    };
  };
  const work = async (): Promise<WorkCounts> => {
    const all = await Promise.all(members.map((m) => sampleWork(m.base)));
    return all.reduce((sum, w) => difference(sum, w, -1));
  };
  const tracker = new ReplyTracker(target.fake);
  const results = new Map<string, PhaseRun>();
  for (const phase of phases) {
    if (interrupted) throw new Error(`interrupted by ${interrupted}`);
    const inFlight = phase.concurrency ?? concurrency;
    const client = new WebhookClient(
      members.map((m) => m.url),
      members[0]!.secret,
      inFlight,
    );
    try {
      const workBefore = await work();
      const segmentsBefore = segments();
      const cpuBefore = cpuMs();
      const pgBefore = postgresCpuMs();
      const benchBefore = process.cpuUsage();
      const machineBefore = machineCpuMs();
      const from = new Date();
      const result = await runPhase({
        target: { ...members[0]!, fake: target.fake },
        tracker,
        client,
        scripts: phase.scripts,
        concurrency: inFlight,
        maxMs: maxPhaseMs,
        ...(phase.perSecond ? { perSecond: phase.perSecond } : {}),
        ...(phase.fromSchedule ? { fromSchedule: true } : {}),
        ...(phase.onReply ? { onReply: phase.onReply } : {}),
        ...(phase.probes ? { probes: phase.probes } : {}),
      });
      const to = new Date();
      const wall = Math.max(1, to.getTime() - from.getTime());
      const bench = process.cpuUsage(benchBefore);
      const machine = machineCpuMs();
      const run: PhaseRun = {
        ...result,
        from,
        to,
        cpuPercent: ((cpuMs() - cpuBefore) / wall) * 100,
        cpu: {
          postgres: ((postgresCpuMs() - pgBefore) / wall) * 100,
          bench: ((bench.user + bench.system) / 1000 / wall) * 100,
          machine:
            ((machine.busy - machineBefore.busy) / Math.max(1, machine.total - machineBefore.total)) *
            100 *
            os.cpus().length,
          machineCores: os.cpus().length,
        },
        memory: memory(),
        work: difference(await work(), workBefore),
        dbSegmentsPerUpdate: (segments() - segmentsBefore) / Math.max(1, result.exchanges),
      };
      printPhase(`${target.name} ${phase.name}`, run);
      const gone = members.find((m) => m.exited);
      if (gone) throw new Error(`${gone.name} exited during ${phase.name}:\n${gone.output().trim()}`);
      results.set(phase.name, run);
    } finally {
      client.close();
    }
    await sleep(200); // lets stragglers (staff alerts, multi-part replies) drain before the next phase
  }
  return results;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: string };

async function attempt<T>(name: string, run: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    console.error(`  ${name} failed:`, err);
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: message.split('\n')[0]!.slice(0, 80) };
  }
}

function printStatusDetails(status: StatusResult, pass: boolean): void {
  console.log(
    `\n/status queries (median ms): ${Object.entries(status.queries)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ')}`,
  );
  console.log(`EXPLAIN ANALYZE latest incidents: ${status.plan[0]?.trim() ?? '?'}`);
  if (pass) return;
  for (const line of status.plan.slice(1, 8)) console.log(`    ${line}`);
  console.log(`    ${status.plan.at(-1) ?? ''}`);
  const executionMs = Number(/Execution Time: ([\d.]+)/.exec(status.plan.join('\n'))?.[1] ?? Number.NaN);
  const inNode = status.queries.getDayStatus ?? Number.NaN;
  console.log(
    `  → /status over target: PostgreSQL executes the latest-incidents query in ${fmt(executionMs)} ms, ` +
      `getDayStatus (three queries at once) takes ${fmt(inNode)} ms; ` +
      `the reply is ${status.replyChars.toLocaleString('en')} characters.`,
  );
}

/**
 * Exactly one effect per update: every update of the phase got one receipt, the receipts name distinct reports,
 * the reports written while it ran are exactly those, and the updates posted twice added none.
 */
async function checkExactlyOnce(
  db: Db,
  phase: PhaseRun,
  receipts: Map<string, number>,
): Promise<{
  updates: number;
  receipts: number;
  distinctReports: number;
  reportsWritten: number;
  redelivered: number;
  redeliveriesRefused: number;
  reportsWithTwoReceipts: number;
  reportsWithoutReceipt: number;
  ok: boolean;
}> {
  const ids = new Set([...receipts.keys()]);
  const rows = rowsOf(
    await db.execute(sql`
      select id from reports
      where created_at >= ${phase.from.toISOString()} and created_at <= ${phase.to.toISOString()}`),
  );
  const written = rows.map((r) => `BC${String(r.id).padStart(6, '0')}`);
  const withoutReceipt = written.filter((ref) => !ids.has(ref)).length;
  const twice = [...receipts.values()].filter((count) => count > 1).length;
  const receiptCount = [...receipts.values()].reduce((a, b) => a + b, 0);
  const updates = phase.latencies.get('report')?.length ?? 0;
  return {
    updates,
    receipts: receiptCount,
    distinctReports: ids.size,
    reportsWritten: written.length,
    redelivered: phase.redelivered.posted,
    redeliveriesRefused: phase.redelivered.refused,
    reportsWithTwoReceipts: twice,
    reportsWithoutReceipt: withoutReceipt,
    ok:
      receiptCount === updates &&
      ids.size === updates &&
      written.length === updates &&
      withoutReceipt === 0 &&
      twice === 0 &&
      phase.redelivered.refused === 0,
  };
}

async function main(): Promise<void> {
  const { quick, out, n } = parseOptions();
  const baseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  // Over a Unix socket there are no TCP segments to count.
  const viaSocket = new URL(baseUrl).searchParams.get('host')?.startsWith('/') === true;
  const started = performance.now();
  const cleanups: (() => Promise<void>)[] = [];
  let cleaning: Promise<void> | undefined; // once: a signal's cleanup and the main flow's share it
  const cleanup = () =>
    (cleaning ??= (async () => {
      while (cleanups.length) {
        const step = cleanups.pop()!;
        await step().catch((err) => console.error('cleanup failed:', err));
      }
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = signal;
    console.error(`\n${signal}: cleaning up…`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 1024 ** 3),
    node: process.version,
    postgres: `${await serverVersion(baseUrl)}, over ${viaSocket ? 'its Unix socket' : 'TCP'}`,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
  };
  console.log(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ` +
      `Node ${machine.node}, PostgreSQL ${machine.postgres}`,
  );
  console.log(`Parameters${quick ? ' (quick)' : ''}: ${JSON.stringify(n)}`);
  console.log(
    `Load average (1/5/15 min) at start: ${machine.loadAverageAtStart.map((x) => fmt(x, 2)).join(' ')}`,
  );
  const [load1 = 0] = machine.loadAverageAtStart;
  if (load1 > 0.5 * machine.cores)
    console.log(
      `⚠ load average ${fmt(load1, 2)} at start: other work shares these cores, figures will be low`,
    );
  const built = await buildTargets();
  console.log(`Targets compiled: ${path.relative(process.cwd(), built.service)}, echo bot bundled\n`);
  const rss = new RssSampler(100); // this process: the load generator and the fake Bot APIs
  const dbPort = viaSocket ? undefined : Number(new URL(baseUrl).port || 5432);
  const C = n.concurrency;
  const maxPhaseMs = n['max-phase-seconds'] * 1000;

  try {
    // 1. Baseline: the bare echo bot, same generator, same concurrency, same shape of load as reports-only.
    // Measured before and after our service (other work on a shared machine moves both): the ratio uses
    // the mean. A fresh echo process each time.
    const echoChats = Array.from({ length: n.officers }, (_, i) => 800_000_000 + i);
    const runEcho = async (name: string): Promise<{ phase: PhaseRun; startMs: number; exit: Exit }> => {
      const echoBot = await startEchoBot(built.echo);
      cleanups.push(async () => void (await echoBot.stop()));
      const results = await drive(
        { name: 'echo', members: [echoBot], fake: echoBot.fake },
        C,
        [
          { name: 'warm-up', scripts: echo(echoChats, n.warmup), measured: false },
          { name, scripts: echo(echoChats, n.reports), measured: true },
        ],
        { maxPhaseMs },
      );
      const exit = await echoBot.stop();
      cleanups.pop();
      return { phase: results.get(name)!, startMs: echoBot.startMs, exit };
    };
    const echoBeforeRun = await runEcho('echo');
    const echoBefore = echoBeforeRun.phase;

    // 2. Our service, in its own process (or n.replicas of them, sharing one fake Bot API as they would share
    // one bot token) on a throwaway database, seeded over this process's connection once it is up (it applies
    // the migrations at start).
    const throwaway: ThrowawayDatabase = await createThrowawayDatabase(baseUrl);
    cleanups.push(() => throwaway.drop());
    const members: RunningTarget[] = [];
    for (let i = 0; i < n.replicas; i++) {
      const replica = await startOurService(throwaway.url, {
        script: built.service,
        name: n.replicas > 1 ? `service ${i + 1}` : 'service',
        ...(members[0] ? { fake: members[0].fake } : {}),
      });
      members.push(replica);
      // Stopped in reverse: the first replica owns the fake Bot API and closes it last.
      cleanups.push(async () => void (await replica.stop()));
      console.log(
        `  ${replica.name}: pid ${replica.pid}, GET /healthz = 200 ${fmt(replica.startMs / 1000, 2)} s after spawn`,
      );
    }
    const cluster: Cluster = {
      name: n.replicas > 1 ? `${n.replicas} replicas` : 'service',
      members,
      fake: members[0]!.fake,
    };
    await sleep(500); // start-up work in the background (set-up calls, the first directive refresh) settles
    const afterStart = await Promise.all(members.map((m) => sampleMemory(m.base, m.pid)));
    const afterStartHwm = members.map((m) => m.memory().hwmBytes);
    for (const [i, s] of afterStart.entries())
      if (s) console.log(`  ${members[i]!.name} after start: ${describeMemory(s)}`);
    const database = await openDatabase({ url: throwaway.url, maxConnections: 10 });
    cleanups.push(() => database.close());
    const { db } = database;
    const seedStarted = performance.now();
    const chats: SimChat[] = await seedService(db, {
      enterprises: n.enterprises,
      officers: n.officers,
      staff: n.staff,
      now: new Date(),
    });
    const seedMs = performance.now() - seedStarted;
    const officers = chats.filter((c) => c.role === 'officer');
    const staffChats = chats.filter((c) => c.role === 'staff');
    const questions = loadQuestions();
    const mix = mixed(chats, n.mixed, questions, 42);
    const context = { dbPort, maxPhaseMs };
    const watcher = new MemoryWatcher(members);
    const receipts = new Map<string, number>();
    const collectReceipt = (_chatId: number, step: Step, text: string) => {
      if (step.kind !== 'report' || !RECEIPT.test(text)) return;
      const ref = /Số tham chiếu: (BC\d+)/.exec(text)?.[1] ?? '?';
      receipts.set(ref, (receipts.get(ref) ?? 0) + 1);
    };
    const serviceResults = await drive(
      cluster,
      C,
      [
        { name: 'warm-up', scripts: mixed(chats, n.warmup, questions, 7).scripts, measured: false },
        {
          name: 'reports',
          scripts: reportsOnly(officers, n.reports, { redeliverEvery: REDELIVER_EVERY }),
          measured: true,
          onReply: collectReceipt,
        },
        { name: 'mixed', scripts: mix.scripts, measured: true },
      ],
      context,
    );
    const reportsPhase = serviceResults.get('reports')!;
    await sleep(1000); // redeliveries and last writes land
    const exactlyOnce = await checkExactlyOnce(db, reportsPhase, receipts);
    console.log(
      `  exactly once (reports phase): ${exactlyOnce.updates} updates → ${exactlyOnce.receipts} receipts naming ` +
        `${exactlyOnce.distinctReports} reports; ${exactlyOnce.reportsWritten} report rows written; ` +
        `${exactlyOnce.redelivered} updates posted twice (${exactlyOnce.redeliveriesRefused} refused), ` +
        `${exactlyOnce.reportsWithoutReceipt} extra reports, ${exactlyOnce.reportsWithTwoReceipts} ` +
        `reports with two receipts → ${exactlyOnce.ok ? 'OK' : 'FAILED'}`,
    );
    // Below saturation: the same mix, paced to half the measured capacity, still up to C chats in flight.
    const pacedRate = Math.max(1, Math.round(serviceResults.get('mixed')!.perSecond / 2));
    const pacedCount = Math.max(50, Math.min(n.mixed, pacedRate * n['paced-seconds']));
    // Open loop: reports offered at a fixed rate whatever the answers take (latency from when each was due); every
    // chat may have one exchange in flight. Beside them, a staff /status every 100 reports' time (--status-every), round robin over
    // the staff chats, each timed from its own send (a staff member asking while the officers report).
    const offeredCount = n.offered * n['offered-seconds'];
    const statusProbes = staffChats.map((c) => ({
      chatId: c.chatId,
      steps: Array.from(
        { length: Math.ceil(offeredCount / n['status-every'] / Math.max(1, staffChats.length)) },
        () => statusStep(c.chatId),
      ),
    }));
    const later = await drive(
      cluster,
      C,
      [
        {
          name: 'paced',
          scripts: mixed(chats, pacedCount, questions, 99).scripts,
          measured: true,
          perSecond: pacedRate,
        },
        {
          name: `offered ${n.offered}/s`,
          scripts: reportsOnly(officers, offeredCount),
          measured: true,
          perSecond: n.offered,
          concurrency: chats.length,
          fromSchedule: true,
          probes: { scripts: statusProbes, everyMs: (n['status-every'] * 1000) / n.offered },
        },
      ],
      context,
    );
    const paced = later.get('paced')!;
    const offered = later.get(`offered ${n.offered}/s`)!;
    watcher.stop();
    const timings: Record<
      string,
      Breakdown & { dbSegmentsPerUpdate: number; dbRoundTripsPerUpdate: number; turnsPerBatch: number }
    > = {};
    const staffChatIds = staffChats.map((c) => String(c.chatId));
    for (const [name, r] of [
      ['reports', reportsPhase],
      ['mixed', serviceResults.get('mixed')!],
      ['offered', offered],
    ] as const) {
      const b = {
        ...(await breakdown(db, r.from, r.to, staffChatIds)),
        dbSegmentsPerUpdate: round(r.dbSegmentsPerUpdate),
        dbRoundTripsPerUpdate: round(r.work.databaseRoundTrips / Math.max(1, r.exchanges)),
        turnsPerBatch: round(r.work.batchedTurns / Math.max(1, r.work.batches)),
      };
      timings[name] = b;
      console.log(
        `  ${cluster.name} ${name} breakdown: webhook insert → processed ` +
          `p50 ${fmt(b.inbound.p50)} / p95 ${fmt(b.inbound.p95)} ms; ` +
          `officer reply enqueued → sent p50 ${fmt(b.outbound.p50)} / p95 ${fmt(b.outbound.p95)} ms` +
          (b.staffInbound.n
            ? `; staff updates webhook → processed p50 ${fmt(b.staffInbound.p50)} / p95 ${fmt(b.staffInbound.p95)} ms`
            : '') +
          (b.staff.n
            ? `; to staff chats (${b.staff.n}, alerts + /status) p50 ${fmt(b.staff.p50)} / ` +
              `p95 ${fmt(b.staff.p95)} ms`
            : '') +
          (Number.isNaN(r.dbSegmentsPerUpdate)
            ? ''
            : `; ${fmt(r.dbSegmentsPerUpdate)} TCP segments to the database per update`),
      );
    }
    const outbox = await outboxStats(db);
    const delivery = { sent: outbox.sent, retried: outbox.retried, failed: outbox.failed };
    console.log(`  ${cluster.name} outbox at the end: ${outbox.rows} rows, ${outbox.waiting} still waiting`);
    const serviceMemory = members.map((m) => m.memory()); // VmHWM: the peak over start, seeding and every phase
    await cleanups.pop()!(); // close this process's connection
    const exits: Exit[] = [];
    for (const m of [...members].reverse()) {
      exits.unshift(await m.stop());
      cleanups.pop();
    }
    for (const [i, e] of exits.entries()) {
      console.log(
        `  ${members[i]!.name}: SIGTERM → exit in ${fmt(e.ms, 0)} ms ` +
          `(${e.signal ? `signal ${e.signal}` : `code ${e.code}`})`,
      );
      if (e.code !== 0) console.log(`    ! its output:\n${members[i]!.output().trim()}`);
    }
    await cleanups.pop()!(); // drop its database
    const mixedPhase = serviceResults.get('mixed')!;
    const servicePeak = Math.max(...serviceMemory.map((m) => m.hwmBytes));
    const serviceExit = exits[0]!;

    const echoAfterRun = await runEcho('echo again');
    const echoAfter = echoAfterRun.phase;
    const echoPerSecond = (echoBefore.perSecond + echoAfter.perSecond) / 2;
    const echoPeak = Math.max(echoBefore.memory.hwmBytes, echoAfter.memory.hwmBytes);

    // 3. /status over a large data set. 4. Q&A. A failure in either is reported, not fatal.
    const now = new Date();
    const status = await attempt('status', () =>
      benchStatus({
        baseUrl,
        enterprises: n['status-enterprises'],
        days: n['status-days'],
        day: vnDay(now),
        now,
        runs: n['status-runs'],
      }),
    );
    if (status.ok)
      console.log(
        `  status: ${status.value.reports} reports seeded in ${fmt(status.value.seedMs / 1000, 2)} s; ` +
          `renderDayStatus p50 ${fmt(status.value.render.p50)} ms, p99 ${fmt(status.value.render.p99)} ms ` +
          `(${status.value.replyChars} chars)`,
      );
    const qa = await attempt('qa', async () => benchQa(questions, n['qa-asks']));
    if (qa.ok)
      console.log(
        `  qa: ${qa.value.asks} asks of ${qa.value.distinctQuestions} questions, ` +
          `p50 ${fmt(qa.value.perAsk.p50, 3)} ms, p99 ${fmt(qa.value.perAsk.p99, 3)} ms`,
      );
    rss.stop();

    // Report.
    const loadAverageAtEnd = os.loadavg().map((x) => round(x, 2));
    const mixedAll = distribution(allLatencies(mixedPhase));
    const pacedAll = distribution(allLatencies(paced));
    const reportsAll = distribution(allLatencies(reportsPhase));
    const offeredReports = distribution(offered.latencies.get('report') ?? []);
    const offeredStatus = distribution(offered.latencies.get('status') ?? []);
    const echoAll = distribution([...allLatencies(echoBefore), ...allLatencies(echoAfter)]);
    const ratio = reportsPhase.perSecond / echoPerSecond;
    const mixedRatio = mixedPhase.perSecond / echoPerSecond;
    const afterStartMb = Math.max(...afterStart.map((s) => s?.rssMb ?? Number.NaN));
    const checks = {
      echoRatio: ratio >= TARGETS.echoRatio,
      p99: offeredReports.p99 < TARGETS.p99Ms,
      status: status.ok && status.value.render.p50 < TARGETS.statusMs,
      rss: mb(servicePeak) < TARGETS.rssMb,
      rssAfterStart: afterStartMb < TARGETS.rssAfterStartMb,
      exactlyOnce: exactlyOnce.ok,
    };
    const totalMs = performance.now() - started;
    const byKind = (kind: string) => {
      const d = distribution(mixedPhase.latencies.get(kind) ?? []);
      return `${fmt(d.p50)} / ${fmt(d.p99)} ms (${d.count})`;
    };
    const cpu = (r: PhaseRun) => `${fmt(r.cpuPercent, 0)}%`;
    const peaks = members.map((m) => watcher.peaks.get(m.name));
    const reportRoundTrips = reportsPhase.work.databaseRoundTrips / Math.max(1, reportsPhase.exchanges);
    const rows: string[][] = [
      [
        `Reports-only throughput${n.replicas > 1 ? ` (${n.replicas} replicas)` : ''}`,
        `${fmt(reportsPhase.perSecond)} reports/s`,
        '',
        '',
      ],
      [
        `  its latency p50 / p95 / p99 @ ${C} chats`,
        `${fmt(reportsAll.p50)} / ${fmt(reportsAll.p95)} / ${fmt(reportsAll.p99)} ms`,
        '',
        '',
      ],
      [
        '  round trips to PostgreSQL per report',
        `${fmt(reportRoundTrips, 2)} (${fmt(reportsPhase.work.batchedTurns / Math.max(1, reportsPhase.work.batches))} ` +
          'turns per shared transaction; one report alone: test/perf/round-trips.test.ts)',
        '≤ 6',
        mark(reportRoundTrips <= 6),
      ],
      [
        `Reports offered at ${n.offered}/s (open loop)`,
        `${fmt(offeredReports.p50)} / ${fmt(offeredReports.p95)} / ${fmt(offeredReports.p99)} ms ` +
          `(p50 / p95 / p99, ${offeredReports.count} reports, ${fmt(offered.perSecond)}/s answered)`,
        `p99 < ${TARGETS.p99Ms} ms`,
        mark(checks.p99),
      ],
      [
        '  /status under that load p50 / p99',
        `${fmt(offeredStatus.p50)} / ${fmt(offeredStatus.p99)} ms (${offeredStatus.count})`,
        '',
        '',
      ],
      [
        'Exactly one effect per update (reports phase)',
        `${exactlyOnce.updates} updates, ${exactlyOnce.reportsWritten} reports, ` +
          `${exactlyOnce.redelivered} redelivered with no effect`,
        '',
        mark(checks.exactlyOnce),
      ],
      ['Mixed throughput (end to end)', `${fmt(mixedPhase.perSecond)} updates/s`, '', ''],
      [
        `Mixed latency p50 / p95 / p99 @ ${C} chats`,
        `${fmt(mixedAll.p50)} / ${fmt(mixedAll.p95)} / ${fmt(mixedAll.p99)} ms`,
        '',
        '',
      ],
      ['  report p50 / p99', byKind('report'), '', ''],
      ['  incident step p50 / p99', byKind('incident'), '', ''],
      ['  question p50 / p99', byKind('question'), '', ''],
      ['  /status p50 / p99', byKind('status'), '', ''],
      [
        `Mixed latency, paced at ${pacedRate}/s (½ capacity)`,
        `${fmt(pacedAll.p50)} / ${fmt(pacedAll.p95)} / ${fmt(pacedAll.p99)} ms`,
        '',
        '',
      ],
      [
        'Service CPU (reports, mixed, paced, offered)',
        `${cpu(reportsPhase)}, ${cpu(mixedPhase)}, ${cpu(paced)}, ${cpu(offered)} of a core` +
          (n.replicas > 1 ? ` (sum of ${n.replicas})` : ''),
        '',
        '',
      ],
      [
        'Bare telegraf echo bot (own process)',
        `${fmt(echoPerSecond)} updates/s (${fmt(echoBefore.perSecond)}, ${fmt(echoAfter.perSecond)}; ` +
          `p99 ${fmt(echoAll.p99)} ms; CPU ${cpu(echoBefore)}, ${cpu(echoAfter)})`,
        '',
        '',
      ],
      [
        'Ours ÷ echo (reports-only)',
        `${fmt(ratio * 100)}% (mixed: ${fmt(mixedRatio * 100)}%)`,
        `≥ ${TARGETS.echoRatio * 100}%`,
        mark(checks.echoRatio),
      ],
      [
        `/status, ${n['status-enterprises'].toLocaleString('en')} ent. × ${n['status-days']} days`,
        status.ok
          ? `p50 ${fmt(status.value.render.p50)} ms, p99 ${fmt(status.value.render.p99)} ms`
          : `failed: ${status.error}`,
        `< ${TARGETS.statusMs} ms`,
        mark(checks.status),
      ],
      [
        'Q&A per question',
        qa.ok
          ? `p50 ${fmt(qa.value.perAsk.p50, 3)} ms, p99 ${fmt(qa.value.perAsk.p99, 3)} ms`
          : `failed: ${qa.error}`,
        '',
        '',
      ],
      [
        'Peak RSS, service process (VmHWM)',
        `${fmt(mb(servicePeak))} MB${n.replicas > 1 ? ' (largest replica)' : ''}`,
        `< ${TARGETS.rssMb} MB`,
        mark(checks.rss),
      ],
      [
        '  RSS after start',
        `${fmt(afterStartMb)} MB (VmHWM ${fmt(mb(Math.max(...afterStartHwm)))})`,
        `< ${TARGETS.rssAfterStartMb} MB`,
        mark(checks.rssAfterStart),
      ],
      ...peaks.flatMap((p, i) =>
        p
          ? [[`  at its peak${n.replicas > 1 ? ` (${members[i]!.name})` : ''}`, describeMemory(p), '', '']]
          : [],
      ),
      ...afterStart.flatMap((s, i) =>
        s
          ? [[`  after start${n.replicas > 1 ? ` (${members[i]!.name})` : ''}`, describeMemory(s), '', '']]
          : [],
      ),
      [
        'Peak RSS, echo bot / bench process',
        `${fmt(mb(echoPeak))} MB / ${fmt(mb(rss.peakBytes))} MB (generator + fakes + /status + Q&A)`,
        '',
        '',
      ],
      [
        'Service start / shutdown',
        `/healthz 200 after ${members.map((m) => fmt(m.startMs / 1000, 2)).join(', ')} s ` +
          `(echo bot ${fmt(echoBeforeRun.startMs / 1000, 2)} s); SIGTERM → exit ${fmt(serviceExit.ms, 0)} ms ` +
          `(${serviceExit.signal ? `signal ${serviceExit.signal}` : `code ${serviceExit.code}`})`,
        '',
        '',
      ],
      [
        'Load average 1/5/15 min',
        `start ${machine.loadAverageAtStart.map((x) => fmt(x, 2)).join(' ')}, ` +
          `end ${loadAverageAtEnd.map((x) => fmt(x, 2)).join(' ')} (${machine.cores} cores)`,
        '',
        '',
      ],
      ['Total duration', `${fmt(totalMs / 1000)} s`, '', ''],
    ];
    console.log(
      `\nBenchmark${quick ? ' (quick)' : ''} — ${machine.cpu}, ${machine.cores} cores, ` +
        `${machine.memoryGb} GB, Node ${machine.node}, PostgreSQL ${machine.postgres}`,
    );
    console.log(
      `N=${n.enterprises} enterprises, M=${n.officers} officers + ${n.staff} staff, C=${C}, ` +
        `${n.replicas} service process${n.replicas > 1 ? 'es' : ''}; mix: ${JSON.stringify(mix.counts)}\n`,
    );
    console.log(table(['Measure', 'Value', 'Target', ''], rows));
    if (status.ok) printStatusDetails(status.value, checks.status);
    console.log(
      `Delivery (outbox): ${delivery.sent} sent, ${delivery.retried} retried, ${delivery.failed} failed` +
        (qa.ok ? `; Q&A kinds ${JSON.stringify(qa.value.kinds)}` : ''),
    );

    const memory = (m: ProcessMemory) => ({ peak: mb(m.hwmBytes), rss: mb(m.rssBytes) });
    const phaseMemory = (runs: Map<string, PhaseRun>) =>
      Object.fromEntries([...runs].map(([k, v]) => [k, memory(v.memory)]));
    const exit = (e: Exit) => ({ ms: round(e.ms), code: e.code, signal: e.signal });
    const results = {
      at: new Date().toISOString(),
      quick,
      machine: { ...machine, loadAverageAtEnd },
      parameters: n,
      targets: TARGETS,
      pass: checks,
      durationMs: round(totalMs),
      echo: {
        perSecondMean: round(echoPerSecond),
        before: {
          ...phaseSummary(echoBefore),
          cpuPercent: round(echoBefore.cpuPercent),
          cpuOthers: echoBefore.cpu,
          startMs: round(echoBeforeRun.startMs),
          exit: exit(echoBeforeRun.exit),
        },
        after: {
          ...phaseSummary(echoAfter),
          cpuPercent: round(echoAfter.cpuPercent),
          startMs: round(echoAfterRun.startMs),
          exit: exit(echoAfterRun.exit),
        },
      },
      service: {
        replicas: n.replicas,
        startMs: members.map((m) => round(m.startMs)),
        seedMs: round(seedMs),
        reports: {
          ...phaseSummary(reportsPhase),
          cpuPercent: round(reportsPhase.cpuPercent),
          cpuOthers: reportsPhase.cpu,
        },
        exactlyOnce,
        mixed: {
          ...phaseSummary(mixedPhase),
          cpuPercent: round(mixedPhase.cpuPercent),
          cpuOthers: mixedPhase.cpu,
          mix: mix.counts,
        },
        paced: { perSecondOffered: pacedRate, ...phaseSummary(paced), cpuPercent: round(paced.cpuPercent) },
        offered: {
          perSecondOffered: n.offered,
          latencyFrom: 'when each update was due (open loop)',
          ...phaseSummary(offered),
          cpuPercent: round(offered.cpuPercent),
        },
        ratioToEcho: { reports: round(ratio, 3), mixed: round(mixedRatio, 3) },
        delivery,
        breakdownMs: timings,
        outboxAtEnd: { rows: outbox.rows, waiting: outbox.waiting },
        shutdown: exits.map(exit),
      },
      status: status.ok
        ? {
            enterprises: status.value.enterprises,
            days: status.value.days,
            reports: status.value.reports,
            seedMs: round(status.value.seedMs),
            replyChars: status.value.replyChars,
            renderMs: {
              p50: round(status.value.render.p50),
              p99: round(status.value.render.p99),
              runs: status.value.render.count,
            },
            queriesMedianMs: Object.fromEntries(
              Object.entries(status.value.queries).map(([k, v]) => [k, round(v)]),
            ),
            plan: status.value.plan,
          }
        : { error: status.error },
      qa: qa.ok
        ? {
            asks: qa.value.asks,
            distinctQuestions: qa.value.distinctQuestions,
            buildMs: round(qa.value.buildMs),
            perAskMs: { p50: round(qa.value.perAsk.p50, 3), p99: round(qa.value.perAsk.p99, 3) },
            kinds: qa.value.kinds,
          }
        : { error: qa.error },
      rssMb: {
        peakService: mb(servicePeak),
        service: {
          afterStart: afterStart.map((s) => s ?? null),
          afterStartHwm: afterStartHwm.map(mb),
          atPeak: peaks.map((p) => (p as MemorySample | undefined) ?? null),
          byPhase: { ...phaseMemory(serviceResults), ...phaseMemory(later) },
          atEnd: serviceMemory.map(memory),
        },
        peakEcho: { before: mb(echoBefore.memory.hwmBytes), after: mb(echoAfter.memory.hwmBytes) },
        benchProcess: { atStart: mb(rss.baselineBytes), peak: mb(rss.peakBytes) },
        note:
          'peak = VmHWM of the process (kernel peak resident set size since it started), read at the end of ' +
          'each phase; rss = VmRSS then. afterStart / atPeak split the resident set (sampled every 250 ms): ' +
          'the V8 heap (of which compiled code), external memory (Buffers, ArrayBuffers), native allocations ' +
          '(the rest of the anonymous memory) and file-backed pages (the node binary). The bench process ' +
          'holds the generator, the fakes, /status and Q&A.',
      },
    };
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nWrote ${out}`);
  } finally {
    rss.stop();
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
