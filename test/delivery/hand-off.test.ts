/**
 * Answers written already claimed (enqueueStatement with a claim) and handed to the worker after COMMIT: they leave
 * without a claim of the worker's own, in order behind an earlier answer still waiting, and a claim nobody sends
 * (the process died between COMMIT and the send) lapses and is sent by any worker, once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  claimDueMessages,
  enqueueMessages,
  enqueueStatement,
  type OutboxRow,
  releaseStaleClaims,
} from '../../src/db/queries/outbox.ts';
import { outbox } from '../../src/db/schema.ts';
import { runTransaction } from '../../src/db/transaction.ts';
import { type ChannelSender, DeliveryError } from '../../src/delivery/sender.ts';
import { createDeliveryWorker } from '../../src/delivery/worker.ts';
import { createLogger } from '../../src/logger.ts';
import { until } from '../helpers/chat.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';

describe('answers claimed as they are written', () => {
  let database: OpenTestDatabase;
  const logger = createLogger({ level: 'silent' });

  before(async () => {
    database = await openTestDatabase();
  });
  after(async () => {
    await database.dispose();
  });

  /** Writes a turn's replies with a claim, as the inbox does, and returns what the claim took once committed. */
  async function writeTurn(
    replies: Parameters<typeof enqueueStatement>[1],
    lockMs = 60_000,
  ): Promise<OutboxRow[]> {
    const claimed: OutboxRow[] = [];
    await runTransaction(database.db, async (tx) => ({
      result: undefined,
      last: [
        enqueueStatement(tx, replies, {
          lockMs,
          onClaimed: (rows) => claimed.push(...rows),
        }),
      ],
    }));
    return claimed;
  }

  const statusOf = async (chatId: string) =>
    (await database.db.select().from(outbox).where(eq(outbox.chatId, chatId)).orderBy(outbox.id)).map(
      (r) => `${(r.payload as { text: string }).text}:${r.status}`,
    );

  test('the answers are claimed (only they), and a worker sends them without claiming', async () => {
    const claimed = await writeTurn([
      { channel: 'console', chatId: 'h1', text: 'answer-1', lane: 'answer' },
      { channel: 'console', chatId: 'h1', text: 'answer-2', lane: 'answer' },
      { channel: 'console', chatId: 'staff-h1', text: 'alert' },
    ]);
    assert.deepEqual(
      claimed.map((r) => [(r.payload as { text: string }).text, r.status, r.attempts]),
      [
        ['answer-1', 'sending', 1],
        ['answer-2', 'sending', 1],
      ],
    );
    assert.deepEqual(await statusOf('staff-h1'), ['alert:pending']);
    // Nothing due for a worker that claims: the answers are taken, the alert is its own.
    const due = await claimDueMessages(database.db, {
      limit: 10,
      now: new Date(),
      lockMs: 60_000,
      channels: ['console'],
    });
    assert.deepEqual(
      due.map((r) => (r.payload as { text: string }).text),
      ['alert'],
    );
    const sent: string[] = [];
    const sender: ChannelSender = {
      async send(envelope) {
        sent.push(envelope.text);
      },
    };
    // A poll of an hour: only the hand-off can make this worker send.
    const worker = createDeliveryWorker({
      db: database.db,
      logger,
      pollMs: 3_600_000,
      channels: { console: { sender, rates: { perSecond: 100 } } },
    });
    worker.start();
    worker.handOff(claimed);
    await until(async () => (await statusOf('h1')).every((s) => s.endsWith(':sent')));
    await worker.stop();
    assert.deepEqual(sent, ['answer-1', 'answer-2']);
  });

  test('an earlier answer still waiting keeps the next one pending, and they leave in order', async () => {
    // The first answer failed once and waits for its retry: a later answer must not pass it.
    await enqueueMessages(database.db, [
      {
        channel: 'console',
        chatId: 'h2',
        text: 'first',
        lane: 'answer',
        notBefore: new Date(Date.now() + 300),
      },
    ]);
    const claimed = await writeTurn([{ channel: 'console', chatId: 'h2', text: 'second', lane: 'answer' }]);
    assert.deepEqual(claimed, []);
    assert.deepEqual(await statusOf('h2'), ['first:pending', 'second:pending']);
    const sent: string[] = [];
    const worker = createDeliveryWorker({
      db: database.db,
      logger,
      pollMs: 50,
      channels: {
        console: {
          sender: {
            async send(envelope) {
              sent.push(envelope.text);
            },
          },
          rates: { perSecond: 100 },
        },
      },
    });
    worker.start();
    await until(async () => (await statusOf('h2')).every((s) => s.endsWith(':sent')));
    await worker.stop();
    assert.deepEqual(sent, ['first', 'second']);
  });

  test('a claimed answer nobody sends lapses and is sent once by another worker', async () => {
    // Written and committed, then the process "dies": no hand-off.
    const claimed = await writeTurn(
      [{ channel: 'console', chatId: 'h3', text: 'orphan', lane: 'answer' }],
      100,
    );
    assert.equal(claimed.length, 1);
    assert.deepEqual(await statusOf('h3'), ['orphan:sending']);
    let sends = 0;
    const worker = createDeliveryWorker({
      db: database.db,
      logger,
      pollMs: 50,
      lockMs: 200,
      channels: {
        console: {
          sender: {
            async send(envelope) {
              if (envelope.chatId === 'h3') sends++;
            },
          },
          rates: { perSecond: 100 },
        },
      },
    });
    await new Promise((r) => setTimeout(r, 150));
    assert.ok((await releaseStaleClaims(database.db, new Date())) >= 1);
    worker.start();
    await until(async () => (await statusOf('h3'))[0] === 'orphan:sent');
    await worker.stop();
    assert.equal(sends, 1);
  });

  test('a stopped worker, or one without the channel, gives the claim back', async () => {
    const claimed = await writeTurn([
      { channel: 'telegram', chatId: 'h4', text: 'elsewhere', lane: 'answer' },
    ]);
    const worker = createDeliveryWorker({
      db: database.db,
      logger,
      pollMs: 3_600_000,
      channels: {
        console: {
          sender: {
            async send() {
              throw new DeliveryError('retry', 'never called');
            },
          },
          rates: { perSecond: 100 },
        },
      },
    });
    worker.start();
    worker.handOff(claimed);
    await until(async () => (await statusOf('h4'))[0] === 'elsewhere:pending');
    await worker.stop();
    const [row] = await database.db.select().from(outbox).where(eq(outbox.chatId, 'h4'));
    assert.equal(row!.attempts, 0);
    assert.equal(row!.lockedUntil, null);
  });
});
