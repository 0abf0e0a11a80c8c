import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { enqueueMessages } from '../../src/db/queries/outbox.ts';
import { attachIdentity, createPerson } from '../../src/db/queries/people.ts';
import { identities, outbox } from '../../src/db/schema.ts';
import { type ChannelSender, DeliveryError, sendParts } from '../../src/delivery/sender.ts';
import { createDeliveryWorker } from '../../src/delivery/worker.ts';
import { createLogger } from '../../src/logger.ts';
import type { Envelope } from '../../src/messages.ts';
import { until } from '../helpers/chat.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';

describe('delivery worker', () => {
  let database: OpenTestDatabase;
  const logger = createLogger({ level: 'silent' });

  before(async () => {
    database = await openTestDatabase();
  });
  after(async () => {
    await database.dispose();
  });

  test('a split message that fails half-way resumes after the parts already delivered', async () => {
    const delivered: string[] = [];
    let failed = false;
    const sender: ChannelSender = {
      send: (envelope: Envelope, progress) =>
        sendParts(envelope.text.split('|'), progress, async (part) => {
          if (part === 'b' && !failed) {
            failed = true;
            throw new DeliveryError('retry', 'HTTP 502', 50);
          }
          delivered.push(part);
        }),
    };
    const worker = createDeliveryWorker({
      db: database.db,
      logger,
      channels: { console: { sender, rates: { perSecond: 100 } } },
    });
    await enqueueMessages(database.db, [{ channel: 'console', chatId: 'c1', text: 'a|b|c' }]);
    worker.start();
    await until(
      async () => (await database.db.select().from(outbox).where(eq(outbox.status, 'sent'))).length === 1,
    );
    await worker.stop();
    assert.deepEqual(delivered, ['a', 'b', 'c']);
  });

  test('one chat’s messages leave in order; replies go before bulk; an unreachable chat is marked', async () => {
    const order: string[] = [];
    const sender: ChannelSender = {
      async send(envelope) {
        if (envelope.chatId === 'blocked') throw new DeliveryError('unreachable', '403: blocked');
        order.push(envelope.text);
      },
    };
    const person = await createPerson(database.db, { displayName: 'A', role: 'officer', enterpriseId: null });
    await attachIdentity(database.db, {
      personId: person.id,
      channel: 'console',
      externalId: 'blocked',
      chatId: 'blocked',
      at: new Date(),
    });
    await enqueueMessages(database.db, [
      { channel: 'console', chatId: 'c2', text: 'bulk-1', lane: 'bulk' },
      { channel: 'console', chatId: 'c2', text: 'bulk-2', lane: 'bulk' },
      { channel: 'console', chatId: 'c3', text: 'reply-1' },
      { channel: 'console', chatId: 'blocked', text: 'never' },
    ]);
    const worker = createDeliveryWorker({
      db: database.db,
      logger,
      channels: { console: { sender, rates: { perSecond: 5 } } },
    });
    worker.start();
    await until(async () => order.length === 3, 10_000);
    await until(
      async () => (await database.db.select().from(outbox).where(eq(outbox.status, 'failed'))).length === 1,
    );
    await worker.stop();
    assert.equal(order[0], 'reply-1');
    assert.ok(order.indexOf('bulk-1') < order.indexOf('bulk-2'));
    const [identity] = await database.db.select().from(identities).where(eq(identities.chatId, 'blocked'));
    assert.ok(identity!.unreachableAt, 'marked unreachable');
  });
  test('an answer passes the alerts still queued for its chat, and answers keep their own order', async () => {
    const order: string[] = [];
    const sender: ChannelSender = {
      // Slow enough that the answers are queued while alerts remain, even on a loaded machine.
      async send(envelope) {
        await new Promise((r) => setTimeout(r, 150));
        order.push(envelope.text);
      },
    };
    const worker = createDeliveryWorker({
      db: database.db,
      logger,
      channels: { console: { sender, rates: { perSecond: 100, perChat: { perSecond: 20, burst: 1 } } } },
    });
    await enqueueMessages(
      database.db,
      Array.from({ length: 8 }, (_, i) => ({
        channel: 'console' as const,
        chatId: 'staff',
        text: `alert-${i}`,
      })),
    );
    worker.start();
    await until(async () => order.length >= 1);
    // A staff member asks /status while the alerts are being sent: its answer and a second one after it.
    await enqueueMessages(database.db, [
      { channel: 'console', chatId: 'staff', text: 'answer-1', lane: 'answer' },
      { channel: 'console', chatId: 'staff', text: 'answer-2', lane: 'answer' },
    ]);
    worker.wake();
    await until(async () => order.length === 10);
    await worker.stop();
    assert.ok(order.indexOf('answer-1') <= 3, order.join(' '));
    assert.ok(order.indexOf('answer-1') < order.indexOf('answer-2'));
    const alerts = order.filter((m) => m.startsWith('alert'));
    assert.deepEqual(alerts, [...alerts].sort(), 'the alerts keep their order among themselves');
  });
});
