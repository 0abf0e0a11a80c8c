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
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';

const until = async (check: () => Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

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
});
