import type { Clock } from '../clock.ts';
import type { Conversation } from '../conversation/engine.ts';
import type { Db } from '../db/client.ts';
import {
  listChatsWithPending,
  lockChat,
  lockChats,
  markInboundAttemptFailed,
  markInboundDoneStatement,
  markInboundsDoneStatement,
  recordInbound,
  recordInboundMany,
} from '../db/queries/inbox.ts';
import {
  type AnswerClaim,
  type Enqueue,
  enqueuedOn,
  enqueueMessages,
  enqueueStatement,
  type OutboxRow,
} from '../db/queries/outbox.ts';
import { loadTurnContext, loadTurnContexts, type TurnContext } from '../db/queries/turn.ts';
import { inOrder, runTransaction } from '../db/transaction.ts';
import { describeError, type Logger } from '../logger.ts';
import type { Channel, IncomingMessage, OutgoingMessage } from '../messages.ts';
import { t } from '../texts/index.ts';

export interface InboxDeps {
  db: Db;
  conversation: Conversation;
  clock: Clock;
  logger: Logger;
  /** Called after messages were committed to the outbox that nobody claimed yet, to wake the delivery worker. */
  onOutbox?: () => void;
  /**
   * The delivery worker, when it runs in this process: a turn's answers are written already claimed for it and
   * handed over after COMMIT (no claim round trip; see enqueueStatement). Turns then commit synchronously.
   */
  answers?: { lockMs: number; handOff(rows: OutboxRow[]): void };
  maxAttempts?: number;
  /**
   * Officers' chats ready together are processed in one transaction (group commit), up to this many per
   * transaction; 1 turns it off. Default 64.
   */
  maxBatch?: number;
  /** Batch transactions at once (each holds one pooled connection). Default 3. */
  maxBatches?: number;
}

export interface Inbox {
  /** Records an inbound event durably (throws if the database cannot); false for a redelivery. Then processes it. */
  accept(eventKey: string, message: IncomingMessage): Promise<boolean>;
  /** Processes a chat's pending events, one at a time, in order. */
  drain(channel: Channel, chatId: string): Promise<void>;
  /** Finds chats with pending events (after a crash or restart) and drains them. */
  sweep(): Promise<number>;
  startSweeper(intervalMs: number): void;
  /** Stops the sweeper and waits for work in progress. */
  stop(): Promise<void>;
  /**
   * Turns processed (alone or shared), transactions that held a batch of turns and the turns they held (shown by
   * /healthz, read by the benchmark and the tests).
   */
  readonly stats: { turns: number; batches: number; batchedTurns: number };
}

const ASYNC_COMMIT = { synchronousCommit: false } as const;

/** A chat waiting for its turn, and whoever waits for it to be drained. */
interface ChatEntry {
  channel: Channel;
  chatId: string;
  key: string;
  /** Another event arrived while this chat was being processed: look again before finishing. */
  again: boolean;
  done: Promise<void>;
  finish: () => void;
}

/**
 * A turn that may share its transaction with other chats' turns: an officer of an enterprise writing in a private
 * chat. Two of one enterprise never share one (their reports touch the same rows, which a shared transaction would
 * not serialise), and staff, admins, guests and channel events always have a transaction of their own.
 */
function batchable(context: TurnContext): boolean {
  const message = context.event.message as IncomingMessage;
  const member = context.member;
  return (
    !message.event &&
    message.chatType !== 'group' &&
    member?.person.role === 'officer' &&
    member.enterprise !== null
  );
}

export function createInbox(deps: InboxDeps): Inbox {
  const { db, conversation, clock, logger } = deps;
  const maxAttempts = deps.maxAttempts ?? 3;
  const maxBatch = Math.max(1, deps.maxBatch ?? 64);
  const maxBatches = Math.max(1, deps.maxBatches ?? 3);
  // With answers handed straight to the worker, a turn's COMMIT waits for its WAL flush: a reply may leave the moment
  // it returns, and must never leave for a turn a database crash could still lose (and redo with another receipt).
  const commitOptions = deps.answers ? {} : ASYNC_COMMIT;

  /** A claim for a turn's (or a batch's) answers, and what it claimed once committed. */
  function answerClaim(): { claim?: AnswerClaim; claimed: OutboxRow[] } {
    const claimed: OutboxRow[] = [];
    if (!deps.answers) return { claimed };
    return {
      claimed,
      claim: {
        lockMs: deps.answers.lockMs,
        onClaimed: (rows) => claimed.push(...rows),
      },
    };
  }

  /** After a commit: the claimed answers to the worker, and a wake-up for whatever else was written. */
  function afterCommit(tx: Db | undefined, written: number, claimed: OutboxRow[]): void {
    if (claimed.length > 0) deps.answers?.handOff(claimed);
    if (written > claimed.length || (tx && enqueuedOn(tx))) deps.onOutbox?.();
  }
  const running = new Map<string, ChatEntry>();
  /**
   * Chats known to be officers' (their last turn could share a transaction): only they wait for a batch. A chat not
   * seen yet goes alone once, so a staff member's /status never waits for a batch to find out it cannot join it.
   */
  const shared = new Set<string>();
  /** Chats waiting for a batch, in arrival order. */
  const ready: ChatEntry[] = [];
  let batches = 0;
  let batchScheduled = false;
  const stats = { turns: 0, batches: 0, batchedTurns: 0 };
  let sweeper: NodeJS.Timeout | undefined;
  /** Inserts under way: stop() waits for them so their processing starts before the database closes. */
  const accepting = new Set<Promise<boolean>>();
  let stopped = false;
  /** Updates waiting to be recorded: those that arrive together are recorded in one statement and one commit. */
  const toRecord: { eventKey: string; message: IncomingMessage; done: (fresh: boolean | Error) => void }[] =
    [];
  let recording = false;

  function record(eventKey: string, message: IncomingMessage): Promise<boolean> {
    return new Promise((resolve, reject) => {
      toRecord.push({ eventKey, message, done: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
      if (!recording) {
        recording = true;
        setImmediate(() => void recordWaiting());
      }
    });
  }

  async function recordWaiting(): Promise<void> {
    const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
    while (toRecord.length > 0) {
      const batch = toRecord.splice(0, 200);
      try {
        const fresh = await recordInboundMany(
          db,
          batch.map((b) => ({ channel: b.message.channel, eventKey: b.eventKey, message: b.message })),
        );
        for (const [i, b] of batch.entries()) b.done(fresh[i]!);
      } catch (err) {
        if (batch.length === 1) {
          batch[0]!.done(asError(err));
          continue;
        }
        // An update the database refuses must not take the others down with it: each on its own.
        await Promise.all(
          batch.map((b) =>
            recordInbound(db, { channel: b.message.channel, eventKey: b.eventKey, message: b.message }).then(
              (fresh) => b.done(fresh),
              (e: unknown) => b.done(asError(e)),
            ),
          ),
        );
      }
    }
    recording = false;
  }

  /** Processes the chat's oldest pending event; `more` when another is waiting (or this one must be retried). */
  async function processOne(
    channel: Channel,
    chatId: string,
  ): Promise<{ worked: boolean; more: boolean; shared?: boolean }> {
    let eventId: number | undefined;
    try {
      // One round trip to start (BEGIN, the chat's lock, then the event with its chat state and sender, read once
      // the lock is held), the feature's own statements, and one to end (the replies, the event marked done and the
      // dialog state, with COMMIT).
      //
      // Without a delivery worker in this process, the COMMIT does not wait for its WAL flush (synchronous_commit
      // off for this transaction): the update itself was recorded durably before its webhook was answered, so if a
      // database crash loses this transaction, the event is pending again and is processed again after the restart,
      // effect and replies together. No reply can have left before: the delivery worker claims a reply in a
      // transaction that commits synchronously, and that flush covers every commit before it in the WAL, this one
      // included. With the worker here, the answers are claimed as they are written and the COMMIT is synchronous.
      const { claim, claimed } = answerClaim();
      let turnTx: Db | undefined;
      let written = 0;
      const outcome = await runTransaction<{ worked: boolean; more: boolean; shared?: boolean }>(
        db,
        async (tx) => {
          turnTx = tx;
          // Serialises one chat across replicas; the row lock alone would let two replicas take events out of order.
          const [, context] = await inOrder(
            lockChat(tx, channel, chatId),
            loadTurnContext(tx, channel, chatId),
          );
          if (!context) return { result: { worked: false, more: false } };
          const { event, more } = context;
          eventId = event.id;
          const message = event.message as IncomingMessage;
          const { replies, last } = conversation.handleTurn
            ? await conversation.handleTurn(tx, message, context)
            : { replies: await conversation.handle(tx, message), last: [] };
          written = replies.length;
          return {
            result: { worked: true, more, shared: batchable(context) },
            last: [
              ...last,
              enqueueStatement(
                tx,
                replies.map((r) => answer(r, channel, chatId)),
                claim,
              ),
              markInboundDoneStatement(tx, event.id, clock.now()),
            ],
          };
        },
        commitOptions,
      );
      if (outcome.worked) afterCommit(turnTx, written, claimed);
      return outcome;
    } catch (err) {
      if (eventId === undefined) throw err;
      logger.error({ err, channel, chatId, eventId }, 'inbound event failed');
      const { gaveUp } = await markInboundAttemptFailed(db, {
        id: eventId,
        // Not err.message: drizzle's holds the SQL and its parameters (the message text).
        error: describeError(err),
        maxAttempts,
        at: clock.now(),
      });
      if (gaveUp) {
        await enqueueMessages(db, [{ channel, chatId, text: t.internalError }]);
        deps.onOutbox?.();
      }
      return { worked: gaveUp, more: true };
    }
  }

  /** Processes one chat alone, event after event, until it has none pending. */
  async function runSolo(entry: ChatEntry): Promise<void> {
    try {
      do {
        entry.again = false;
        for (;;) {
          const { worked, more, shared: canShare } = await processOne(entry.channel, entry.chatId);
          if (worked) stats.turns++;
          if (canShare) remember(entry.key);
          else if (canShare === false) shared.delete(entry.key);
          if (!more) break;
        }
      } while (entry.again);
    } catch (err) {
      logger.error(
        { err, channel: entry.channel, chatId: entry.chatId },
        'processing a chat failed; the sweeper will retry',
      );
    } finally {
      entry.finish();
    }
  }

  function remember(key: string): void {
    if (shared.size >= 100_000) shared.clear();
    shared.add(key);
  }

  /** Sends a chat to its next turn: alone when it is known to need it, else to the batch queue. */
  function schedule(entry: ChatEntry): void {
    if (maxBatch === 1 || !conversation.handleTurn || !shared.has(entry.key)) {
      void runSolo(entry);
      return;
    }
    ready.push(entry);
    if (!batchScheduled) {
      batchScheduled = true;
      // Chats whose updates arrived in the same turn of the event loop go in one transaction.
      setImmediate(() => {
        batchScheduled = false;
        startBatches();
      });
    }
  }

  function startBatches(): void {
    while (ready.length > 0 && batches < maxBatches) {
      const batch = ready.splice(0, maxBatch);
      batches++;
      void runBatch(batch).finally(() => {
        batches--;
        startBatches();
      });
    }
  }

  /**
   * One transaction for several chats' next events (group commit): their locks and contexts in one round trip, the
   * turns side by side (their statements share the round trips), every reply and every "done" with one COMMIT.
   * A chat that needs a transaction of its own, or a second one of an enterprise, is left pending and goes alone
   * after. If anything fails, nothing of the batch is kept and each chat is processed alone, as if never batched.
   */
  async function runBatch(batch: ChatEntry[]): Promise<void> {
    let outcome: { entry: ChatEntry; state: 'done' | 'more' | 'empty' | 'alone' }[];
    const { claim, claimed } = answerClaim();
    let batchTx: Db | undefined;
    let written = 0;
    try {
      outcome = await runTransaction(
        db,
        async (tx) => {
          batchTx = tx;
          const chats = batch.map((e) => ({ channel: e.channel, chatId: e.chatId }));
          const [, contexts] = await inOrder(lockChats(tx, chats), loadTurnContexts(tx, chats));
          const enterprises = new Set<number>();
          const turns: { entry: ChatEntry; context: TurnContext }[] = [];
          const states = batch.map((entry, i) => {
            const context = contexts[i] ?? null;
            if (!context) return { entry, state: 'empty' as const };
            const enterpriseId = context.member?.enterprise?.id;
            if (!batchable(context) || enterpriseId === undefined || enterprises.has(enterpriseId)) {
              if (!batchable(context)) shared.delete(entry.key);
              return { entry, state: 'alone' as const };
            }
            enterprises.add(enterpriseId);
            turns.push({ entry, context });
            return { entry, state: context.more ? ('more' as const) : ('done' as const) };
          });
          // Started in enterprise order, so each wave takes the enterprises' locks in one order: two batches (or two
          // replicas) holding officers of the same two enterprises wait for each other instead of deadlocking.
          turns.sort((a, b) => a.context.member!.enterprise!.id - b.context.member!.enterprise!.id);
          // Every turn runs to its end before the batch commits or rolls back: no turn may still be sending
          // statements on the connection then.
          const settled = await Promise.allSettled(
            turns.map(({ context }) =>
              conversation.handleTurn!(tx, context.event.message as IncomingMessage, context),
            ),
          );
          const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
          if (failed) throw failed.reason;
          const results = settled.map(
            (r) =>
              (r as PromiseFulfilledResult<Awaited<ReturnType<NonNullable<Conversation['handleTurn']>>>>)
                .value,
          );
          const replies: Enqueue[] = [];
          for (const [i, { entry }] of turns.entries()) {
            replies.push(...results[i]!.replies.map((r) => answer(r, entry.channel, entry.chatId)));
          }
          written = replies.length;
          return {
            result: states,
            last: [
              ...results.flatMap((r) => r.last),
              enqueueStatement(tx, replies, claim),
              turns.length
                ? markInboundsDoneStatement(
                    tx,
                    turns.map((t) => t.context.event.id),
                    clock.now(),
                  )
                : null,
            ],
          };
        },
        { ...commitOptions, inWaves: true },
      );
    } catch (err) {
      logger.warn({ err, chats: batch.length }, 'a batch of turns failed; each chat goes alone');
      for (const entry of batch) {
        void runSolo(entry);
      }
      return;
    }
    const worked = outcome.filter((o) => o.state === 'done' || o.state === 'more').length;
    if (worked > 0) {
      stats.turns += worked;
      stats.batches++;
      stats.batchedTurns += worked;
    }
    afterCommit(batchTx, written, claimed);
    for (const { entry, state } of outcome) {
      if (state === 'alone') void runSolo(entry);
      else if (state === 'more' || entry.again) {
        entry.again = false;
        schedule(entry);
      } else entry.finish();
    }
  }

  function drain(channel: Channel, chatId: string): Promise<void> {
    const key = `${channel}:${chatId}`;
    const existing = running.get(key);
    if (existing) {
      existing.again = true;
      return existing.done;
    }
    let finish!: () => void;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const entry: ChatEntry = {
      channel,
      chatId,
      key,
      again: false,
      done,
      finish: () => {
        running.delete(key);
        finish();
      },
    };
    running.set(key, entry);
    schedule(entry);
    return done;
  }

  async function sweep(): Promise<number> {
    const chats = await listChatsWithPending(db, 100);
    await Promise.all(chats.map((c) => drain(c.channel, c.chatId)));
    return chats.length;
  }

  return {
    stats,
    async accept(eventKey, raw) {
      if (stopped) throw new Error('the inbox is stopping');
      const message = sanitize(raw);
      const recording = record(eventKey, message);
      accepting.add(recording);
      try {
        const fresh = await recording;
        if (fresh) void drain(message.channel, message.chatId);
        return fresh;
      } finally {
        accepting.delete(recording);
      }
    },
    drain,
    sweep,
    startSweeper(intervalMs) {
      const tick = () => {
        sweep()
          .catch((err) => logger.warn({ err }, 'inbox sweep failed'))
          .finally(() => {
            if (sweeper) sweeper = setTimeout(tick, intervalMs);
          });
      };
      sweeper = setTimeout(tick, 0);
    },
    async stop() {
      stopped = true;
      clearTimeout(sweeper);
      sweeper = undefined;
      await Promise.allSettled([...accepting]);
      await Promise.allSettled([...running.values()].map((r) => r.done));
    },
  };
}

// PostgreSQL's jsonb cannot hold U+0000, and other C0 controls only ever arrive by accident or malice.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** NFC (Unikey's "Unicode tổ hợp" arrives decomposed), no control characters, no half emoji (lone surrogates). */
function clean(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/\p{Cs}/gu, '\uFFFD')
    .normalize('NFC');
}

function sanitize(message: IncomingMessage): IncomingMessage {
  return {
    ...message,
    displayName: clean(message.displayName).slice(0, 200),
    ...(message.text !== undefined ? { text: clean(message.text) } : {}),
    ...(message.action !== undefined ? { action: message.action.replace(CONTROL, '').slice(0, 64) } : {}),
  };
}

/** The answer to the one who wrote goes in its own lane: it does not wait behind alerts to this chat. */
function answer(reply: OutgoingMessage, channel: Channel, chatId: string): Enqueue {
  return { ...reply, channel, ...(reply.chatId === chatId ? { lane: 'answer' as const } : {}) };
}
