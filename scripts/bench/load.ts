/**
 * The closed-loop load generator: `concurrency` exchanges in flight, each one a webhook POST followed by
 * the wait for the bot's reply at the fake Bot API. A chat sends its next update only after the reply to its
 * previous one arrived, so per-chat order holds, as with a person typing.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Update } from 'telegraf/types';
import type { FakeTelegram, SentMessage } from '../../test/helpers/fake-telegram.ts';

export interface Step {
  /** Latency bucket: 'report', 'incident', 'question', 'status', 'echo'… */
  kind: string;
  update: Update;
  /**
   * Which message to the chat is the reply. Absent: the next one (officer chats get exactly one message per
   * update). A RegExp: the next one whose text matches (staff chats also get incident alerts and
   * multi-part replies).
   */
  match?: RegExp;
  /** A reply that does not match this counts as unexpected (checks the dialog really went where we think). */
  expect?: RegExp;
  /**
   * Posted again once answered, as Telegram does when it misses the 200 (with several replicas, to the next one):
   * it must get 200 and have no effect.
   */
  redeliver?: boolean;
}

export interface ChatScript {
  chatId: number;
  steps: Step[];
}

export interface Target {
  name: string;
  /** The webhook URL on loopback (the first replica's). */
  url: string;
  secret: string;
  fake: FakeTelegram;
}

export interface PhaseResult {
  exchanges: number;
  /** Updates the scripts held; fewer are sent when the phase hit its time limit (`cutShort`). */
  planned: number;
  cutShort: boolean;
  durationMs: number;
  perSecond: number;
  latencies: Map<string, number[]>;
  errors: { http: number; timeouts: number; unexpected: number };
  examples: string[];
  /** Updates posted a second time, and how many of those did not get 200. */
  redelivered: { posted: number; refused: number };
}

interface Waiter {
  match?: RegExp;
  resolve(reply: { at: number; text: string }): void;
}

/**
 * Routes every message the fake "sends" to the exchange waiting for it, timestamped with performance.now().
 * The fake's `sent` array is bypassed (not stored) so a long run does not keep every message in memory.
 */
export class ReplyTracker {
  private readonly waiters = new Map<number, Waiter>();
  unsolicited = 0;

  constructor(fake: FakeTelegram) {
    fake.sent.push = (...items: SentMessage[]): number => {
      const at = performance.now();
      for (const m of items) this.deliver(m, at);
      return 0;
    };
  }

  private deliver(m: SentMessage, at: number): void {
    const waiter = this.waiters.get(m.chatId);
    if (waiter && (!waiter.match || waiter.match.test(m.text))) {
      this.waiters.delete(m.chatId);
      waiter.resolve({ at, text: m.text });
    } else this.unsolicited++;
  }

  /** Register before sending: with webhookReply off, a reply can beat the webhook's HTTP response. */
  expect(
    chatId: number,
    match: RegExp | undefined,
    timeoutMs: number,
  ): Promise<{ at: number; text: string }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(chatId);
        reject(new Error('timeout'));
      }, timeoutMs);
      this.waiters.set(chatId, {
        ...(match ? { match } : {}),
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
      });
    });
  }

  cancel(chatId: number): void {
    this.waiters.delete(chatId);
  }
}

/**
 * A keep-alive HTTP client for the webhook (node:http: lighter than fetch, leaves more CPU to the bot). Given
 * several URLs (replicas), it is the round-robin splitter in front of them: each request goes to the next one.
 */
export class WebhookClient {
  private readonly agent: Agent;
  private readonly urls: URL[];
  private next = 0;

  constructor(
    url: string | string[],
    private readonly secret: string,
    maxSockets: number,
  ) {
    this.urls = (Array.isArray(url) ? url : [url]).map((u) => new URL(u));
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  post(update: Update): Promise<number> {
    const body = JSON.stringify(update);
    const url = this.urls[this.next++ % this.urls.length]!;
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-telegram-bot-api-secret-token': this.secret,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs every chat's script to the end with `concurrency` exchanges in flight. */
export async function runPhase(options: {
  target: Target;
  tracker: ReplyTracker;
  client: WebhookClient;
  scripts: ChatScript[];
  concurrency: number;
  timeoutMs?: number;
  /** Open-loop pacing: exchanges start at most this often (still at most `concurrency` in flight). */
  perSecond?: number;
  /** No exchange starts after this long (the phase then ends with the ones in flight). */
  maxMs?: number;
  /**
   * With `perSecond`: latency counts from the moment the exchange was due, not from when a free slot sent it, so
   * a target that falls behind the offered rate shows the wait (no coordinated omission).
   */
  fromSchedule?: boolean;
  /** Sees every reply (e.g. to collect the receipts' reference numbers). */
  onReply?: (chatId: number, step: Step, text: string) => void;
  /**
   * Probes beside the load: every `everyMs` the next step of these scripts (round robin, a chat never twice at
   * once) is sent, timed from its own send to its reply, as a person asking while the load runs would see it. Not
   * part of the paced schedule: a probe never waits for a schedule slot, nor is charged for one.
   */
  probes?: { scripts: ChatScript[]; everyMs: number };
}): Promise<PhaseResult> {
  const { tracker, client } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const queue = options.scripts.filter((s) => s.steps.length > 0).map((s) => ({ script: s, next: 0 }));
  const latencies = new Map<string, number[]>();
  const errors = { http: 0, timeouts: 0, unexpected: 0 };
  const examples: string[] = [];
  const note = (text: string) => {
    if (examples.length < 5) examples.push(text);
  };
  let exchanges = 0;
  let phaseStart = performance.now();
  let cutShort = false;
  const redelivered = { posted: 0, refused: 0 };

  async function exchange(chatId: number, step: Step, due: number | undefined): Promise<void> {
    const started =
      options.fromSchedule && due !== undefined ? Math.min(due, performance.now()) : performance.now();
    const replied = tracker.expect(chatId, step.match, timeoutMs);
    let status: number;
    try {
      status = await client.post(step.update);
    } catch (err) {
      status = 0;
      note(`${step.kind} → ${chatId}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (status !== 200) {
      tracker.cancel(chatId);
      replied.catch(() => undefined);
      errors.http++;
      if (status) note(`${step.kind} → ${chatId}: HTTP ${status}`);
      return;
    }
    try {
      const reply = await replied;
      exchanges++;
      const bucket = latencies.get(step.kind) ?? [];
      if (bucket.length === 0) latencies.set(step.kind, bucket);
      bucket.push(reply.at - started);
      options.onReply?.(chatId, step, reply.text);
      if (step.expect && !step.expect.test(reply.text)) {
        errors.unexpected++;
        note(`${step.kind} → ${chatId}: unexpected reply ${JSON.stringify(reply.text.slice(0, 80))}`);
      }
    } catch {
      errors.timeouts++;
      note(`${step.kind} → ${chatId}: no reply within ${timeoutMs} ms`);
      return;
    }
    if (step.redeliver) {
      redelivered.posted++;
      const again = await client.post(step.update).catch(() => 0);
      if (again !== 200) redelivered.refused++;
    }
  }

  // A worker that finds the queue empty stops; a chat still in flight is re-queued by the worker that ran it,
  // which then goes on with it, so no chat is left behind.
  let slot = 0;
  const pace = async (): Promise<number | undefined> => {
    if (!options.perSecond) return undefined;
    const due = phaseStart + (slot++ * 1000) / options.perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    return due;
  };
  async function worker(): Promise<void> {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const due = await pace();
      if (options.maxMs !== undefined && performance.now() - phaseStart > options.maxMs) {
        cutShort = true;
        return;
      }
      const step = item.script.steps[item.next++]!;
      await exchange(item.script.chatId, step, due);
      if (item.next < item.script.steps.length) queue.push(item);
    }
  }

  let loadDone = false;
  async function probe(): Promise<void> {
    const probes = options.probes;
    if (!probes) return;
    const pending = probes.scripts.map((script) => ({ script, next: 0, busy: false }));
    const inFlight: Promise<void>[] = [];
    let turn = 0;
    while (!loadDone) {
      await new Promise((r) => setTimeout(r, probes.everyMs));
      if (loadDone) break;
      const free = pending.filter((p) => !p.busy && p.next < p.script.steps.length);
      if (free.length === 0) continue;
      const p = free[turn++ % free.length]!;
      p.busy = true;
      const step = p.script.steps[p.next++]!;
      inFlight.push(
        exchange(p.script.chatId, step, undefined).finally(() => {
          p.busy = false;
        }),
      );
    }
    await Promise.all(inFlight);
  }

  phaseStart = performance.now();
  const probing = probe();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  loadDone = true;
  await probing;
  const durationMs = performance.now() - phaseStart;
  const planned = options.scripts.reduce((n, s) => n + s.steps.length, 0);
  return {
    exchanges,
    planned,
    cutShort,
    durationMs,
    perSecond: (exchanges / durationMs) * 1000,
    latencies,
    errors,
    examples,
    redelivered,
  };
}

/** Every latency of a phase, whatever its kind. */
export function allLatencies(result: PhaseResult): number[] {
  return [...result.latencies.values()].flat();
}
