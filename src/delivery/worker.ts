import type { Db } from '../db/client.ts';
import {
  claimDueMessages,
  markFailed,
  markPartsSent,
  markRetry,
  markSentMany,
  type OutboxRow,
  releaseClaim,
  releaseStaleClaims,
} from '../db/queries/outbox.ts';
import { markUnreachable } from '../db/queries/people.ts';
import type { Logger } from '../logger.ts';
import type { Channel, Envelope } from '../messages.ts';
import { SlidingWindowLimiter, TokenBucket } from './rate-limit.ts';
import { type ChannelRates, type ChannelSender, DeliveryError } from './sender.ts';

export interface DeliveryChannel {
  sender: ChannelSender;
  rates: ChannelRates;
}

export interface DeliveryDeps {
  db: Db;
  logger: Logger;
  channels: Partial<Record<Channel, DeliveryChannel>>;
  /** Messages claimed and not yet finished, at most. */
  maxInFlight?: number;
  pollMs?: number;
  maxAttempts?: number;
  /** Claimed rows are re-offered after this long if a worker died mid-send. */
  lockMs?: number;
  /**
   * Each API call of a send is aborted after this long (default min(30 s, lockMs / 3)), and in any case by two
   * thirds of its claim, so a hung call never outlives the claim and the last third is left for the bookkeeping.
   */
  sendTimeoutMs?: number;
  /** How long stop() waits for sends in flight. */
  drainMs?: number;
}

export interface DeliveryWorker {
  start(): void;
  /** Wakes the worker now (something was enqueued). */
  wake(): void;
  /** The claim time the worker gives its claims: whoever claims rows for it (see handOff) uses the same. */
  readonly lockMs: number;
  /**
   * Sends rows someone else claimed for this worker (the answers a turn wrote already claimed, see
   * enqueueStatement): as if this worker had claimed them, without the claim's round trip. Rows of a channel it does
   * not serve, or handed over while it is stopped, are released for any worker to claim.
   */
  handOff(rows: OutboxRow[]): void;
  /** Stops claiming, finishes the messages in flight, releases the ones still waiting for a rate slot. */
  stop(): Promise<void>;
  readonly stats: { sent: number; retried: number; failed: number };
}

const backoffMs = (attempt: number) => Math.min(5 * 60_000, 1000 * 2 ** Math.max(0, attempt - 1));

// Delivery runs on the wall clock even when the business clock is frozen in tests: it paces real HTTP calls.
export function createDeliveryWorker(deps: DeliveryDeps): DeliveryWorker {
  const { db, logger } = deps;
  const maxAttempts = deps.maxAttempts ?? 8;
  const pollMs = deps.pollMs ?? 500;
  const lockMs = deps.lockMs ?? 60_000;
  const drainMs = deps.drainMs ?? 4000;
  const sendTimeoutMs = deps.sendTimeoutMs ?? Math.min(30_000, Math.floor(lockMs / 3));
  const channels = Object.keys(deps.channels) as Channel[];
  const limiters = new Map<Channel, SlidingWindowLimiter>();
  // A 5% margin on the window absorbs the jitter between granting a send here and its arrival at the API.
  for (const c of channels) {
    limiters.set(
      c,
      new SlidingWindowLimiter(Math.max(1, Math.floor(deps.channels[c]!.rates.perSecond)), 1050),
    );
  }
  const buckets = new Map<string, TokenBucket>();
  const maxInFlight =
    deps.maxInFlight ??
    Math.max(20, Math.ceil(2 * Math.max(...channels.map((c) => deps.channels[c]!.rates.perSecond))));
  const inFlight = new Set<Promise<void>>();
  let inFlightRows = 0;
  let lastReclaim = 0;
  const stats = { sent: 0, retried: 0, failed: 0 };
  let running = false;
  let stopping = false;
  let wakeUp: (() => void) | undefined;
  let woken = false;
  /** A send finishing may make more rows claimable: the last claim was full, or held some back for a chat's order. */
  let recheck = false;
  let loopDone: Promise<void> = Promise.resolve();
  /** Sends that finished, waiting to be marked sent together in one statement. */
  const sentQueue: { row: OutboxRow; erase: boolean; done: (applied: boolean | Error) => void }[] = [];
  let markingSent = false;

  function wake(): void {
    woken = true;
    wakeUp?.();
  }

  /** Marks a sent row as sent, batched with the others that finished in the same turn of the event loop. */
  function markSentSoon(row: OutboxRow, erase: boolean): Promise<boolean> {
    return new Promise((resolve, reject) => {
      sentQueue.push({ row, erase, done: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
      if (!markingSent) {
        markingSent = true;
        setImmediate(() => void flushSent());
      }
    });
  }

  async function flushSent(): Promise<void> {
    while (sentQueue.length > 0) {
      const batch = sentQueue.splice(0, 500);
      try {
        const applied = await markSentMany(
          db,
          batch.map(({ row, erase }) => ({ claim: row, erase })),
          new Date(),
        );
        for (const item of batch) item.done(applied.has(item.row.id));
      } catch (err) {
        for (const item of batch) item.done(err instanceof Error ? err : new Error(String(err)));
      }
    }
    markingSent = false;
  }

  function bucketFor(channel: Channel, chatId: string): TokenBucket | undefined {
    const perChat = deps.channels[channel]?.rates.perChat;
    if (!perChat) return undefined;
    const key = `${channel}:${chatId}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(perChat.perSecond, perChat.burst);
      buckets.set(key, bucket);
      if (buckets.size > 10_000) {
        for (const [k, b] of buckets) if (b.idle) buckets.delete(k);
      }
    }
    return bucket;
  }

  /**
   * True when the message was sent; false when it failed (retry later or never) or the claim was lost.
   *
   * A send that times out (or fails on the network) has an unknown outcome: the Bot API may have delivered it. It
   * is retried, so delivery stays at-least-once at the API boundary, but never by two workers at once: the call is
   * aborted before this worker records the retry, only a fenced update (this claim still held) makes the row
   * pending again, and any other worker can take the row only after that or after the claim lapsed, which the
   * call's deadline (two thirds of the claim) keeps from happening while it is in flight.
   */
  async function deliver(row: OutboxRow): Promise<boolean> {
    const { channel } = row;
    const entry = deps.channels[channel]!;
    const bucket = bucketFor(channel, row.chatId);
    await bucket?.take(row.lane);
    await limiters.get(channel)!.take(row.lane);
    // A long wait for a rate slot (a 429 pause) may outlast the claim, after which another worker may take the row:
    // give it back rather than risk sending it twice.
    const claimedAt = row.lockedUntil ? row.lockedUntil.getTime() - lockMs : Date.now();
    if (stopping || Date.now() - claimedAt > lockMs / 2) {
      await fenced(row, 'release', releaseClaim(db, row));
      return false;
    }
    const callDeadline = claimedAt + (2 * lockMs) / 3;
    let lastSignal: AbortSignal | undefined;
    let claimLost = false;
    try {
      await entry.sender.send(
        { ...(row.payload as Envelope), channel, chatId: row.chatId },
        {
          skip: row.partsSent,
          onPart: async (n) => {
            if (!(await fenced(row, 'parts sent', markPartsSent(db, row, n)))) {
              // Another worker owns the row now and resumes from its own count: sending more would repeat parts.
              claimLost = true;
              throw new Error('claim lost');
            }
          },
          signal: () => {
            const left = Math.min(sendTimeoutMs, callDeadline - Date.now());
            lastSignal = left > 0 ? AbortSignal.timeout(left) : AbortSignal.abort();
            return lastSignal;
          },
        },
      );
    } catch (err) {
      if (claimLost) return false;
      if (lastSignal?.aborted) {
        logger.warn(
          { outboxId: row.id, channel, attempt: row.attempts },
          'send timed out; it may have arrived',
        );
      }
      await handleFailure(row, err, bucket);
      return false;
    }
    stats.sent++;
    await fenced(row, 'sent', markSentSoon(row, (row.payload as Envelope).sensitive === true));
    return true;
  }

  /** Awaits a fenced outbox update; a stale claim changed nothing, which is logged (without the message). */
  async function fenced(row: OutboxRow, update: string, applied: Promise<boolean>): Promise<boolean> {
    const ok = await applied;
    if (!ok) {
      logger.debug(
        { outboxId: row.id, channel: row.channel, attempt: row.attempts, update },
        'outbox claim no longer held; update skipped',
      );
    }
    return ok;
  }

  async function handleFailure(row: OutboxRow, err: unknown, bucket: TokenBucket | undefined): Promise<void> {
    const { channel } = row;
    const failure = err instanceof DeliveryError ? err : new DeliveryError('retry', describe(err));
    const log = logger.child({ outboxId: row.id, channel, attempt: row.attempts });
    if (failure.failure === 'retry' && row.attempts < maxAttempts) {
      const delay = failure.retryAfterMs ?? backoffMs(row.attempts);
      if (failure.retryAfterMs !== undefined) {
        if (failure.global) limiters.get(channel)!.pause(failure.retryAfterMs);
        else bucket?.pause(failure.retryAfterMs);
      }
      log.warn({ delayMs: delay, reason: failure.message }, 'send failed, will retry');
      const at = new Date(Date.now() + delay);
      if (await fenced(row, 'retry', markRetry(db, row, { at, error: failure.message }))) stats.retried++;
      return;
    }
    log.warn({ reason: failure.message, failure: failure.failure }, 'send failed for good');
    if (await fenced(row, 'failed', markFailed(db, row, `${failure.failure}: ${failure.message}`)))
      stats.failed++;
    if (failure.failure === 'unreachable') {
      await markUnreachable(db, { channel, chatId: row.chatId, reason: failure.message, at: new Date() });
    }
  }

  /** One chat's claimed messages, sent one after another; after a failure the rest wait for the next claim. */
  function track(rows: OutboxRow[]): void {
    inFlightRows += rows.length;
    const p: Promise<void> = (async () => {
      for (const [i, row] of rows.entries()) {
        try {
          if (!(await deliver(row))) {
            for (const rest of rows.slice(i + 1)) await fenced(rest, 'release', releaseClaim(db, rest));
            break;
          }
        } catch (err) {
          logger.error({ err, outboxId: row.id }, 'delivery bookkeeping failed');
        }
      }
    })().finally(() => {
      inFlight.delete(p);
      inFlightRows -= rows.length;
      if (recheck) wake();
    });
    inFlight.add(p);
  }

  async function loop(): Promise<void> {
    while (running) {
      const room = maxInFlight - inFlightRows;
      // Full: the next send to finish wakes the loop.
      if (room <= 0) recheck = true;
      else {
        try {
          if (Date.now() - lastReclaim > lockMs / 2) {
            lastReclaim = Date.now();
            await releaseStaleClaims(db, new Date());
          }
          // Rows of a chat whose earlier message is still being sent are held back by the claim (order per chat).
          const sending = inFlightRows > 0;
          const rows = await claimDueMessages(db, { limit: room, now: new Date(), lockMs, channels });
          recheck = sending || rows.length >= room;
          const byChat = new Map<string, OutboxRow[]>();
          for (const row of rows) {
            const key = `${row.channel}:${row.chatId}`;
            byChat.set(key, [...(byChat.get(key) ?? []), row]);
          }
          for (const chatRows of byChat.values()) track(chatRows);
        } catch (err) {
          logger.warn({ err }, 'claiming outbox messages failed');
        }
      }
      if (!running) break;
      if (woken) {
        woken = false;
        continue;
      }
      // Everything due was claimed (or there is no room): wait for an enqueue, a send that makes more claimable, or
      // the poll (retries falling due). Claiming again at once would only find nothing.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = undefined;
      woken = false;
    }
  }

  function handOff(rows: OutboxRow[]): void {
    const byChat = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      if (!running || !deps.channels[row.channel]) {
        void fenced(row, 'release', releaseClaim(db, row)).catch((err: unknown) =>
          logger.warn({ err, outboxId: row.id }, 'releasing a handed-over message failed'),
        );
        continue;
      }
      const key = `${row.channel}:${row.chatId}`;
      byChat.set(key, [...(byChat.get(key) ?? []), row]);
    }
    for (const chatRows of byChat.values()) track(chatRows);
  }

  return {
    stats,
    lockMs,
    handOff,
    start() {
      if (running || channels.length === 0) return;
      running = true;
      stopping = false;
      loopDone = loop();
    },
    wake,
    async stop() {
      running = false;
      stopping = true;
      wakeUp?.();
      await loopDone;
      // Sends waiting for a rate slot (a 429 pause can be a minute) are not waited for: their claims lapse after
      // lockMs and another worker, or the next start, sends them.
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((r) => setTimeout(r, drainMs).unref()),
      ]);
    },
  };
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message.slice(0, 300);
  return String(err).slice(0, 300);
}
