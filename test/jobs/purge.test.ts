/**
 * The tables stay small: sent outbox messages (exports included) older than OUTBOX_RETENTION_DAYS and processed
 * inbound events older than INBOX_RETENTION_DAYS are deleted by the scheduler's tick, in batches; nothing pending
 * or being sent is ever deleted, and /healthz shows the queue depths.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Database, type Db, openDatabase } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/raw.ts';
import { purgeOld } from '../../src/jobs/purge.ts';
import { createScheduler, PURGE_INTERVAL_MS } from '../../src/jobs/scheduler.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { startTestService } from '../helpers/service.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-03-01T03:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

async function outboxRow(db: Db, key: string, status: string, createdDaysAgo: number, document = false) {
  const payload = {
    channel: 'telegram',
    chatId: '1',
    text: key,
    ...(document
      ? { document: { filename: 'bao-cao.xlsx', mimeType: 'x', contentBase64: 'A'.repeat(200_000) } }
      : {}),
  };
  await db.execute(sql`
    insert into outbox (channel, chat_id, payload, status, dedupe_key, created_at, sent_at, locked_until)
    values ('telegram', '1', ${JSON.stringify(payload)}::jsonb, ${status}, ${key}, ${daysAgo(createdDaysAgo)},
      ${status === 'sent' ? daysAgo(createdDaysAgo) : null},
      ${status === 'sending' ? new Date(NOW.getTime() + 60_000).toISOString() : null})`);
}

async function inboundRow(db: Db, key: string, status: string, processedDaysAgo: number | null) {
  await db.execute(sql`
    insert into inbound_events (channel, event_key, chat_id, message, status, received_at, processed_at)
    values ('telegram', ${key}, '1', '{}'::jsonb, ${status},
      ${daysAgo(processedDaysAgo ?? 40)}, ${processedDaysAgo === null ? null : daysAgo(processedDaysAgo)})`);
}

const keys = async (db: Db, table: 'outbox' | 'inbound_events') =>
  rowsOf(
    await db.execute(
      table === 'outbox'
        ? sql`select dedupe_key as k from outbox order by k`
        : sql`select event_key as k from inbound_events order by k`,
    ),
  ).map((r) => String(r.k));

describe('purging old outbox messages and inbound events', () => {
  let testDb: TestDatabase;
  let database: Database;
  const db = () => database.db;

  before(async () => {
    testDb = await createTestDatabase();
    database = await openDatabase({ url: testDb.url, dataDir: testDb.dataDir });
  });
  after(async () => {
    await database?.close();
    await testDb?.drop();
  });

  test('the tick deletes only what is finished and past its retention, once an hour', async () => {
    await outboxRow(db(), 'o-sent-old', 'sent', 8);
    await outboxRow(db(), 'o-export-old', 'sent', 10, true);
    await outboxRow(db(), 'o-failed-old', 'failed', 9);
    await outboxRow(db(), 'o-sent-recent', 'sent', 6);
    await outboxRow(db(), 'o-pending-old', 'pending', 30);
    await outboxRow(db(), 'o-sending-old', 'sending', 30);
    await inboundRow(db(), 'i-done-old', 'done', 31);
    await inboundRow(db(), 'i-failed-old', 'failed', 35);
    await inboundRow(db(), 'i-done-recent', 'done', 29);
    // A pending event that already failed an attempt has a processed_at; it stays until it is processed.
    await inboundRow(db(), 'i-pending-retried', 'pending', 40);
    await inboundRow(db(), 'i-pending', 'pending', null);

    const clock = fixedClock(NOW);
    const config = loadConfig({});
    const scheduler = createScheduler({
      database,
      clock,
      logger: createLogger({ level: 'silent' }),
      schedule: config.schedule,
      retention: config.retention,
    });
    await scheduler.tick();
    assert.deepEqual(await keys(db(), 'outbox'), ['o-pending-old', 'o-sending-old', 'o-sent-recent']);
    assert.deepEqual(await keys(db(), 'inbound_events'), ['i-done-recent', 'i-pending', 'i-pending-retried']);

    // Within the hour the purge does not run again; after it, it does.
    await outboxRow(db(), 'o-sent-old-2', 'sent', 8);
    clock.advance(PURGE_INTERVAL_MS / 2);
    await scheduler.tick();
    assert.ok((await keys(db(), 'outbox')).includes('o-sent-old-2'));
    clock.advance(PURGE_INTERVAL_MS / 2);
    await scheduler.tick();
    assert.deepEqual(await keys(db(), 'outbox'), ['o-pending-old', 'o-sending-old', 'o-sent-recent']);
    // Two days on, what was recent has aged past its retention too.
    clock.advance(2 * DAY);
    await scheduler.tick();
    assert.deepEqual(await keys(db(), 'outbox'), ['o-pending-old', 'o-sending-old']);
    assert.deepEqual(await keys(db(), 'inbound_events'), ['i-pending', 'i-pending-retried']);
  });

  test('counters untouched for two days go, unless a block is still running', async () => {
    const counter = (key: string, days: number, blockedDays: number | null, count = 1) =>
      db().execute(sql`
        insert into rate_limits (key, window_start, count, blocked_until, updated_at)
        values (${key}, ${daysAgo(days)}, ${count},
          ${blockedDays === null ? null : new Date(NOW.getTime() + blockedDays * DAY).toISOString()}, ${daysAgo(days)})`);
    await counter('code:telegram:old', 3, null);
    await counter('questions:zalo:old', 5, null, 20);
    await counter('code:telegram:blocked-past', 4, -3);
    await counter('code:telegram:still-blocked', 3, 1);
    await counter('code:telegram:today', 0, null);
    const deleted = await purgeOld(db(), { outboxDays: 7, inboxDays: 30, now: NOW });
    assert.equal(deleted.rateLimits, 3);
    const left = rowsOf(await db().execute(sql`select key from rate_limits order by key`)).map((r) =>
      String(r.key),
    );
    assert.deepEqual(left, ['code:telegram:still-blocked', 'code:telegram:today']);
  });

  test('in batches: a backlog larger than one run is worked off over several runs', async () => {
    await db().execute(sql`delete from outbox`);
    for (let i = 0; i < 7; i++) await outboxRow(db(), `b-${i}`, 'sent', 20);
    await outboxRow(db(), 'b-pending', 'pending', 20);
    const first = await purgeOld(db(), { outboxDays: 7, inboxDays: 30, now: NOW, batch: 2, maxBatches: 2 });
    assert.equal(first.outbox, 4);
    assert.equal((await keys(db(), 'outbox')).length, 4);
    const second = await purgeOld(db(), { outboxDays: 7, inboxDays: 30, now: NOW, batch: 2, maxBatches: 5 });
    assert.equal(second.outbox, 3);
    assert.deepEqual(await keys(db(), 'outbox'), ['b-pending']);
  });

  test('the retention comes from OUTBOX_RETENTION_DAYS and INBOX_RETENTION_DAYS (7 and 30 days by default)', () => {
    assert.deepEqual(loadConfig({}).retention, { outboxDays: 7, inboxDays: 30 });
    assert.deepEqual(loadConfig({ OUTBOX_RETENTION_DAYS: '2', INBOX_RETENTION_DAYS: '3' }).retention, {
      outboxDays: 2,
      inboxDays: 3,
    });
    assert.throws(() => loadConfig({ OUTBOX_RETENTION_DAYS: '0' }), /OUTBOX_RETENTION_DAYS/);
  });
});

describe('/healthz shows the queue depths', () => {
  test('pending inbound events, pending and sending outbox messages', async () => {
    const svc = await startTestService({
      env: { CONSOLE: 'off' },
      service: { sweepMs: 3_600_000, deliveryPollMs: 3_600_000 },
    });
    try {
      const db = svc.service.database.db;
      // The inbox sweeps once at start (then hourly here): the events below must not be processed by it.
      await new Promise((r) => setTimeout(r, 500));
      const later = new Date(Date.now() + 3_600_000).toISOString();
      await db.execute(sql`
        insert into inbound_events (channel, event_key, chat_id, message) values
          ('telegram', 'q1', '5', '{}'::jsonb), ('telegram', 'q2', '5', '{}'::jsonb)`);
      await db.execute(sql`
        insert into outbox (channel, chat_id, payload, status, next_attempt_at, locked_until) values
          ('telegram', '5', '{}'::jsonb, 'pending', ${later}, null),
          ('telegram', '6', '{}'::jsonb, 'sending', now(), ${later})`);
      const res = await fetch(`http://127.0.0.1:${svc.service.port}/healthz`);
      const body = (await res.json()) as { queues: unknown; memory: { rssMb: number } };
      assert.deepEqual(body.queues, { inboxPending: 2, outboxPending: 1, outboxSending: 1 });
      assert.ok(body.memory.rssMb > 0);
    } finally {
      await svc.stop();
    }
  });
});
