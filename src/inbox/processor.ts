import type { Clock } from '../clock.ts';
import type { Conversation } from '../conversation/engine.ts';
import type { Db } from '../db/client.ts';
import {
  listChatsWithPending,
  lockChat,
  markInboundAttemptFailed,
  markInboundDoneStatement,
  recordInbound,
  recordInboundMany,
} from '../db/queries/inbox.ts';
import { enqueueMessages, enqueueStatement } from '../db/queries/outbox.ts';
import { loadTurnContext } from '../db/queries/turn.ts';
import { inOrder, runTransaction } from '../db/transaction.ts';
import { describeError, type Logger } from '../logger.ts';
import type { Channel, IncomingMessage } from '../messages.ts';
import { t } from '../texts/index.ts';

export interface InboxDeps {
  db: Db;
  conversation: Conversation;
  clock: Clock;
  logger: Logger;
  /** Called after replies were committed to the outbox, to wake the delivery worker. */
  onOutbox?: () => void;
  maxAttempts?: number;
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
}

const ASYNC_COMMIT = { synchronousCommit: false } as const;

export function createInbox(deps: InboxDeps): Inbox {
  const { db, conversation, clock, logger } = deps;
  const maxAttempts = deps.maxAttempts ?? 3;
  const running = new Map<string, { again: boolean; done: Promise<void> }>();
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
  async function processOne(channel: Channel, chatId: string): Promise<{ worked: boolean; more: boolean }> {
    let eventId: number | undefined;
    try {
      // One round trip to start (BEGIN, the chat's lock, then the event with its chat state and sender, read once
      // the lock is held), the feature's own statements, and one to end (the replies, the event marked done and the
      // dialog state, with COMMIT).
      //
      // The COMMIT does not wait for its WAL flush (synchronous_commit off for this transaction): the update itself
      // was recorded durably before its webhook was answered, so if a database crash loses this transaction, the
      // event is pending again and is processed again after the restart, effect and replies together. No reply can
      // have left before: the delivery worker claims a reply in a transaction that commits synchronously, and that
      // flush covers every commit before it in the WAL, this one included.
      return await runTransaction<{ worked: boolean; more: boolean }>(
        db,
        async (tx) => {
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
          return {
            result: { worked: true, more },
            last: [
              ...last,
              // The answer to the one who wrote goes in its own lane: it does not wait behind alerts to this chat.
              enqueueStatement(
                tx,
                replies.map((r) => ({
                  ...r,
                  channel,
                  ...(r.chatId === chatId ? { lane: 'answer' as const } : {}),
                })),
              ),
              markInboundDoneStatement(tx, event.id, clock.now()),
            ],
          };
        },
        ASYNC_COMMIT,
      );
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
      if (gaveUp) await enqueueMessages(db, [{ channel, chatId, text: t.internalError }]);
      return { worked: gaveUp, more: true };
    }
  }

  async function loop(channel: Channel, chatId: string, key: string): Promise<void> {
    const entry = running.get(key)!;
    try {
      do {
        entry.again = false;
        for (;;) {
          const { worked, more } = await processOne(channel, chatId);
          if (worked) deps.onOutbox?.();
          if (!more) break;
        }
      } while (entry.again);
    } catch (err) {
      logger.error({ err, channel, chatId }, 'processing a chat failed; the sweeper will retry');
    } finally {
      running.delete(key);
    }
  }

  function drain(channel: Channel, chatId: string): Promise<void> {
    const key = `${channel}:${chatId}`;
    const existing = running.get(key);
    if (existing) {
      existing.again = true;
      return existing.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    running.set(key, entry);
    entry.done = loop(channel, chatId, key);
    return entry.done;
  }

  async function sweep(): Promise<number> {
    const chats = await listChatsWithPending(db, 100);
    await Promise.all(chats.map((c) => drain(c.channel, c.chatId)));
    return chats.length;
  }

  return {
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
