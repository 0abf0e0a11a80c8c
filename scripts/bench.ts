/**
 * End-to-end benchmark: our service in webhook mode against a fake Bot API, a bare telegraf echo bot as
 * the baseline, /status over a large data set, and the Q&A engine. Prints a table and writes
 * bench-results/latest.json.
 *
 *   npm run bench                  full run, ~4 min (PostgreSQL at DATABASE_URL, by default
 *                                  postgres://postgres@127.0.0.1:5432/postgres; its throwaway
 *                                  databases are dropped at the end)
 *   npm run bench -- --quick       small smoke run (writes bench-results/quick.json)
 *   npm run bench -- --help        every size: --enterprises N --officers M --concurrency C --reports …
 *                                  (or BENCH_ENTERPRISES, BENCH_OFFICERS, BENCH_CONCURRENCY, …)
 *
 * The measured systems run as processes of their own: the service (`node --import tsx src/main.ts`, on a
 * throwaway database) and the bare echo bot (scripts/bench/echo-bot.ts). This process holds the load
 * generator and their fake Bot APIs, seeds the service's database over its own connection, and reads each
 * child's peak RSS (VmHWM) and CPU time from /proc. They still share the machine's cores. /status and Q&A
 * time functions, in this process.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { vnDay } from '../src/clock.ts';
import { openDatabase } from '../src/db/client.ts';
import { type Breakdown, breakdown, dbSegmentsSent, outboxStats } from './bench/breakdown.ts';
import {
  createThrowawayDatabase,
  DEFAULT_DATABASE_URL,
  seedService,
  serverVersion,
  type ThrowawayDatabase,
} from './bench/database.ts';
import { allLatencies, type PhaseResult, ReplyTracker, runPhase, WebhookClient } from './bench/load.ts';
import { benchQa } from './bench/qa.ts';
import { echo, loadQuestions, mixed, reportsOnly, type SimChat } from './bench/scenarios.ts';
import { distribution, mb, RssSampler, round, table } from './bench/stats.ts';
import { benchStatus, type StatusResult } from './bench/status.ts';
import {
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
  reportsPerSecond: 500,
  p99Ms: 100,
  echoRatio: 0.5,
  statusMs: 50,
  rssMb: 200,
} as const;

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
  const out = values.out ?? path.join('bench-results', quick ? 'quick.json' : 'latest.json');
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
    ...(result.examples.length ? { examples: result.examples } : {}),
  };
}

/** What a measured phase adds to the generator's result: the target process's own figures. */
interface PhaseRun extends PhaseResult {
  from: Date;
  to: Date;
  /** The target's TCP segments to the database per exchange (NaN for the echo bot, or without ss). */
  dbSegmentsPerUpdate: number;
  /** The target's CPU time over the phase's wall time, in % of one core. */
  cpuPercent: number;
  /** The target's memory at the end of the phase (VmHWM: its peak since it started). */
  memory: ProcessMemory;
}

function printPhase(title: string, result: PhaseRun): void {
  const s = phaseSummary(result);
  const errors = result.errors.http + result.errors.timeouts + result.errors.unexpected;
  console.log(
    `  ${title}: ${s.exchanges} exchanges in ${fmt(s.durationMs / 1000, 2)} s = ${fmt(s.perSecond)}/s; ` +
      `latency p50 ${fmt(s.latencyMs.p50)} / p95 ${fmt(s.latencyMs.p95)} / p99 ${fmt(s.latencyMs.p99)} ms; ` +
      `process CPU ${fmt(result.cpuPercent, 0)}% of a core, RSS ${fmt(mb(result.memory.rssBytes))} MB ` +
      `(peak ${fmt(mb(result.memory.hwmBytes))})` +
      (errors ? `; ERRORS ${JSON.stringify(result.errors)}` : '') +
      (result.cutShort ? ` (time limit: ${result.exchanges} of ${result.planned} planned)` : ''),
  );
  for (const e of result.examples) console.log(`    ! ${e}`);
}

/** Drives one target: warm-up, then each measured phase with a fresh tracker cursor. */
async function drive(
  target: RunningTarget,
  concurrency: number,
  phases: { name: string; scripts: ReturnType<typeof echo>; measured: boolean; perSecond?: number }[],
  context: { dbPort?: number; maxPhaseMs: number },
): Promise<Map<string, PhaseRun>> {
  const { dbPort, maxPhaseMs } = context;
  const segments = () => (dbPort === undefined ? Number.NaN : dbSegmentsSent(target.pid, dbPort));
  const tracker = new ReplyTracker(target.fake);
  const client = new WebhookClient(target.url, target.secret, concurrency);
  const results = new Map<string, PhaseRun>();
  try {
    for (const phase of phases) {
      if (interrupted) throw new Error(`interrupted by ${interrupted}`);
      const segmentsBefore = segments();
      const cpuBefore = target.cpuMs();
      const from = new Date();
      const result = await runPhase({
        target,
        tracker,
        client,
        scripts: phase.scripts,
        concurrency,
        maxMs: maxPhaseMs,
        ...(phase.perSecond ? { perSecond: phase.perSecond } : {}),
      });
      const to = new Date();
      const run: PhaseRun = {
        ...result,
        from,
        to,
        cpuPercent: ((target.cpuMs() - cpuBefore) / Math.max(1, to.getTime() - from.getTime())) * 100,
        memory: target.memory(),
        dbSegmentsPerUpdate: (segments() - segmentsBefore) / Math.max(1, result.exchanges),
      };
      printPhase(`${target.name} ${phase.name}`, run);
      if (target.exited)
        throw new Error(`${target.name} exited during ${phase.name}:\n${target.output().trim()}`);
      results.set(phase.name, run);
      await sleep(200); // lets stragglers (staff alerts, multi-part replies) drain before the next phase
    }
  } finally {
    client.close();
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
      `getDayStatus (four queries at once) takes ${fmt(inNode)} ms; ` +
      `the reply is ${status.replyChars.toLocaleString('en')} characters.`,
  );
}

async function main(): Promise<void> {
  const { quick, out, n } = parseOptions();
  const baseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
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
    postgres: await serverVersion(baseUrl),
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
  console.log('');
  const rss = new RssSampler(100); // this process: the load generator and the fake Bot APIs
  const dbPort = Number(new URL(baseUrl).port || 5432);
  const C = n.concurrency;
  const maxPhaseMs = n['max-phase-seconds'] * 1000;

  try {
    // 1. Baseline: the bare echo bot, same generator, same concurrency, same shape of load as reports-only.
    // Measured before and after our service (other work on a shared machine moves both): the ratio uses
    // the mean. A fresh echo process each time.
    const echoChats = Array.from({ length: n.officers }, (_, i) => 800_000_000 + i);
    const runEcho = async (name: string): Promise<{ phase: PhaseRun; startMs: number; exit: Exit }> => {
      const echoBot = await startEchoBot();
      cleanups.push(async () => void (await echoBot.stop()));
      const results = await drive(
        echoBot,
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

    // 2. Our service, in its own process on a throwaway database, seeded over this process's connection
    // once it is up (it applies the migrations at start).
    const throwaway: ThrowawayDatabase = await createThrowawayDatabase(baseUrl);
    cleanups.push(() => throwaway.drop());
    const svc = await startOurService(throwaway.url);
    cleanups.push(async () => void (await svc.stop()));
    console.log(`  service: pid ${svc.pid}, GET /healthz = 200 ${fmt(svc.startMs / 1000, 2)} s after spawn`);
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
    const afterSeed = svc.memory();
    console.log(
      `  service: seeded in ${fmt(seedMs / 1000, 2)} s; RSS ${fmt(mb(afterSeed.rssBytes))} MB ` +
        `(peak ${fmt(mb(afterSeed.hwmBytes))})`,
    );
    const officers = chats.filter((c) => c.role === 'officer');
    const questions = loadQuestions();
    const mix = mixed(chats, n.mixed, questions, 42);
    const context = { dbPort, maxPhaseMs };
    const serviceResults = await drive(
      svc,
      C,
      [
        { name: 'warm-up', scripts: mixed(chats, n.warmup, questions, 7).scripts, measured: false },
        { name: 'reports', scripts: reportsOnly(officers, n.reports), measured: true },
        { name: 'mixed', scripts: mix.scripts, measured: true },
      ],
      context,
    );
    // Below saturation: the same mix, paced to half the measured capacity, still up to C chats in flight.
    const pacedRate = Math.max(1, Math.round(serviceResults.get('mixed')!.perSecond / 2));
    const pacedCount = Math.max(50, Math.min(n.mixed, pacedRate * n['paced-seconds']));
    const paced = (
      await drive(
        svc,
        C,
        [
          {
            name: 'paced',
            scripts: mixed(chats, pacedCount, questions, 99).scripts,
            measured: true,
            perSecond: pacedRate,
          },
        ],
        context,
      )
    ).get('paced')!;
    const timings: Record<string, Breakdown & { dbSegmentsPerUpdate: number }> = {};
    const staffChatIds = chats.filter((c) => c.role === 'staff').map((c) => String(c.chatId));
    for (const name of ['reports', 'mixed']) {
      const r = serviceResults.get(name)!;
      const b = {
        ...(await breakdown(db, r.from, r.to, staffChatIds)),
        dbSegmentsPerUpdate: round(r.dbSegmentsPerUpdate),
      };
      timings[name] = b;
      console.log(
        `  service ${name} breakdown: webhook insert → processed ` +
          `p50 ${fmt(b.inbound.p50)} / p95 ${fmt(b.inbound.p95)} ms; ` +
          `officer reply enqueued → sent p50 ${fmt(b.outbound.p50)} / p95 ${fmt(b.outbound.p95)} ms` +
          (b.staff.n
            ? `; to staff chats (${b.staff.n}, alerts + /status) p50 ${fmt(b.staff.p50)} / ` +
              `p95 ${fmt(b.staff.p95)} ms`
            : '') +
          `; ${fmt(r.dbSegmentsPerUpdate)} TCP segments to the database per update`,
      );
    }
    const outbox = await outboxStats(db);
    const delivery = { sent: outbox.sent, retried: outbox.retried, failed: outbox.failed };
    console.log(`  service outbox at the end: ${outbox.rows} rows, ${outbox.waiting} still waiting`);
    const serviceMemory = svc.memory(); // VmHWM: the peak over start, seeding and every phase
    await cleanups.pop()!(); // close this process's connection
    const serviceExit = await svc.stop();
    cleanups.pop();
    console.log(
      `  service: SIGTERM → exit in ${fmt(serviceExit.ms, 0)} ms ` +
        `(${serviceExit.signal ? `signal ${serviceExit.signal}` : `code ${serviceExit.code}`})`,
    );
    if (serviceExit.code !== 0) console.log(`    ! its output:\n${svc.output().trim()}`);
    await cleanups.pop()!(); // drop its database
    const reportsPhase = serviceResults.get('reports')!;
    const mixedPhase = serviceResults.get('mixed')!;
    const servicePeak = serviceMemory.hwmBytes;

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
    const echoAll = distribution([...allLatencies(echoBefore), ...allLatencies(echoAfter)]);
    const ratio = reportsPhase.perSecond / echoPerSecond;
    const mixedRatio = mixedPhase.perSecond / echoPerSecond;
    const checks = {
      reportsPerSecond: reportsPhase.perSecond >= TARGETS.reportsPerSecond,
      p99: mixedAll.p99 < TARGETS.p99Ms,
      echoRatio: ratio >= TARGETS.echoRatio,
      status: status.ok && status.value.render.p50 < TARGETS.statusMs,
      rss: mb(servicePeak) < TARGETS.rssMb,
    };
    const totalMs = performance.now() - started;
    const byKind = (kind: string) => {
      const d = distribution(mixedPhase.latencies.get(kind) ?? []);
      return `${fmt(d.p50)} / ${fmt(d.p99)} ms (${d.count})`;
    };
    const cpu = (r: PhaseRun) => `${fmt(r.cpuPercent, 0)}%`;
    const rows: string[][] = [
      [
        'Reports-only throughput',
        `${fmt(reportsPhase.perSecond)} reports/s`,
        `≥ ${TARGETS.reportsPerSecond}/s`,
        mark(checks.reportsPerSecond),
      ],
      [
        '  its latency p50 / p95 / p99',
        `${fmt(reportsAll.p50)} / ${fmt(reportsAll.p95)} / ${fmt(reportsAll.p99)} ms`,
        '',
        '',
      ],
      ['Mixed throughput (end to end)', `${fmt(mixedPhase.perSecond)} updates/s`, '', ''],
      [
        `Mixed latency p50 / p95 / p99 @ ${C} chats`,
        `${fmt(mixedAll.p50)} / ${fmt(mixedAll.p95)} / ${fmt(mixedAll.p99)} ms`,
        `p99 < ${TARGETS.p99Ms} ms`,
        mark(checks.p99),
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
        'Service process CPU (reports, mixed, paced)',
        `${cpu(reportsPhase)}, ${cpu(mixedPhase)}, ${cpu(paced)} of a core`,
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
        `${fmt(mb(servicePeak))} MB (after start + seed ${fmt(mb(afterSeed.hwmBytes))}, ` +
          `VmRSS at end ${fmt(mb(serviceMemory.rssBytes))})`,
        `< ${TARGETS.rssMb} MB`,
        mark(checks.rss),
      ],
      [
        'Peak RSS, echo bot / bench process',
        `${fmt(mb(echoPeak))} MB / ${fmt(mb(rss.peakBytes))} MB (generator + fakes + /status + Q&A)`,
        '',
        '',
      ],
      [
        'Service start / shutdown',
        `/healthz 200 after ${fmt(svc.startMs / 1000, 2)} s; SIGTERM → exit ${fmt(serviceExit.ms, 0)} ms ` +
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
      `N=${n.enterprises} enterprises, M=${n.officers} officers + ${n.staff} staff, C=${C}; ` +
        `mix: ${JSON.stringify(mix.counts)}\n`,
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
        startMs: round(svc.startMs),
        seedMs: round(seedMs),
        reports: { ...phaseSummary(reportsPhase), cpuPercent: round(reportsPhase.cpuPercent) },
        mixed: { ...phaseSummary(mixedPhase), cpuPercent: round(mixedPhase.cpuPercent), mix: mix.counts },
        paced: { perSecondOffered: pacedRate, ...phaseSummary(paced), cpuPercent: round(paced.cpuPercent) },
        ratioToEcho: { reports: round(ratio, 3), mixed: round(mixedRatio, 3) },
        delivery,
        breakdownMs: timings,
        outboxAtEnd: { rows: outbox.rows, waiting: outbox.waiting },
        shutdown: exit(serviceExit),
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
          afterStartAndSeed: memory(afterSeed),
          byPhase: { ...phaseMemory(serviceResults), paced: memory(paced.memory) },
          atEnd: memory(serviceMemory),
        },
        peakEcho: { before: mb(echoBefore.memory.hwmBytes), after: mb(echoAfter.memory.hwmBytes) },
        benchProcess: { atStart: mb(rss.baselineBytes), peak: mb(rss.peakBytes) },
        note:
          'peak = VmHWM of the process (kernel peak resident set size since it started), read at the end of ' +
          'each phase; rss = VmRSS then. The bench process holds the generator, the fakes, /status and Q&A.',
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
