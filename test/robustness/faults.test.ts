/**
 * Faults around the real service: a Bot API that throttles and fails, a crash between recording an update and
 * processing it, a database that goes away under the webhook, and a message the database cannot store.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { count, desc, eq } from 'drizzle-orm';
import { renderTelegramMessages } from '../../src/channels/telegram/render.ts';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { recordInbound } from '../../src/db/queries/inbox.ts';
import { createInvite } from '../../src/db/queries/invites.ts';
import { enqueueMessages } from '../../src/db/queries/outbox.ts';
import { attachIdentity, createPerson } from '../../src/db/queries/people.ts';
import { inboundEvents, outbox, reports } from '../../src/db/schema.ts';
import type { Envelope } from '../../src/messages.ts';
import { settle, telegramUser } from '../helpers/chat.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { callbackUpdate, textUpdate } from '../helpers/telegram-updates.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const onPostgres = Boolean(process.env.DATABASE_URL);

describe('the Bot API throttles and fails (polling)', () => {
  let fake: FakeTelegram;
  let svc: TestService;
  const db = () => svc.service.database.db;
  const STAFF = 9100;

  before(async () => {
    fake = await startFakeTelegram();
    svc = await startTestService({
      env: telegramEnv(fake),
    });
    await insertEnterprises(
      db(),
      Array.from({ length: 150 }, (_, i) => ({
        code: `DN${String(i).padStart(3, '0')}`,
        name: `Doanh nghiệp bưu chính viễn thông số ${i} tỉnh Bắc Giang`,
        sector: 'both' as const,
      })),
    );
    const { code } = await createInvite(db(), {
      role: 'staff',
      enterpriseId: null,
      expiresAt: new Date(Date.now() + 86400_000),
      maxUses: 1,
    });
    const staff = telegramUser({ fake, db, chatId: STAFF });
    assert.match(await staff.sayText(`/dangky ${code}`), /Đăng ký thành công/);
  });

  after(async () => {
    await svc?.stop();
    await fake?.close();
  });

  test('a 429 (retry_after 1) and then 500s: every reply arrives later, exactly once', async () => {
    const chats = [9001, 9002, 9003];
    const calls = fake.calls.length;
    fake.failNext('sendMessage', 1, { status: 429, retryAfter: 1 });
    fake.failNext('sendMessage', 2, { status: 500 });
    const started = Date.now();
    for (const chatId of chats) fake.pushUpdate(textUpdate({ chatId, text: '/help' }));
    await fake.waitForSent(() => chats.every((c) => fake.sentTo(c).length > 0), 15_000);
    const elapsed = Date.now() - started;
    await settle(db());
    await sleep(1_500); // a duplicate would have come by now
    for (const chatId of chats) {
      const sent = fake.sentTo(chatId);
      assert.equal(sent.length, 1, `chat ${chatId} got ${sent.length} messages`);
      assert.match(sent[0]!.text, /^Các lệnh:/);
    }
    assert.ok(elapsed >= 900, `delivered only after the retry_after (${elapsed} ms)`);
    const sendCalls = fake.calls.slice(calls).filter((m) => m === 'sendMessage').length;
    assert.equal(sendCalls, 6, 'three refused calls, three delivered');
    let attempts = 0;
    for (const chatId of chats) {
      const rows = await db()
        .select()
        .from(outbox)
        .where(eq(outbox.chatId, String(chatId)));
      assert.deepEqual(
        rows.map((r) => r.status),
        ['sent'],
      );
      attempts += rows[0]!.attempts;
    }
    assert.equal(attempts, 6, 'the outbox counted the three failed attempts');
  });

  test('a reply split in parts: a 500 on part 2 resends only part 2, and every part arrives once', async () => {
    const before = fake.sentTo(STAFF).length;
    let armed = false;
    // The predicate runs as the fake records part 1, before it answers: part 2 is the next sendMessage.
    const firstPart = fake.waitForSent((m) => {
      if (!armed && m.chatId === STAFF && m.text.startsWith('📊')) {
        armed = true;
        fake.failNext('sendMessage', 1, { status: 500 });
      }
      return armed;
    }, 10_000);
    // A message longer than one Telegram message (/status itself now fits one): the staff's daily digest size.
    const long = Array.from(
      { length: 150 },
      (_, i) => `• Doanh nghiệp bưu chính viễn thông số ${i} (DN${i})`,
    );
    await enqueueMessages(db(), [
      { channel: 'telegram', chatId: String(STAFF), text: ['📊 Tổng hợp', ...long].join('\n') },
    ]);
    await firstPart;
    await fake.waitForSent(() => fake.sentTo(STAFF).length > before + 1, 10_000);
    await settle(db());
    await sleep(1_500);
    const [row] = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.chatId, String(STAFF)))
      .orderBy(desc(outbox.id))
      .limit(1);
    assert.equal(row!.status, 'sent');
    assert.equal(row!.attempts, 2, 'one failed attempt, one that finished');
    const parts = renderTelegramMessages(row!.payload as Envelope).map((p) => p.text);
    assert.ok(parts.length >= 2, `${parts.length} parts`);
    assert.deepEqual(
      fake
        .sentTo(STAFF)
        .slice(before)
        .map((m) => m.text),
      parts,
      'each part once, in order',
    );
  });

  // Telegram never sends half a surrogate pair, but a webhook body or a buggy client can; PostgreSQL's jsonb
  // refuses it ("Unicode low surrogate must follow a high surrogate"). In polling mode acceptDurably then retries
  // forever inside the update handler, which holds telegraf's polling loop (it awaits each batch) for
  // handlerTimeout (30 s) and keeps retrying after that, logging the failed query with its parameters.
  test('a message with half an emoji (a lone surrogate) is answered, blocks nobody and stays out of the logs', {}, async () => {
    const poison = 'Chúc mừng năm mới, trạm BTS Yên Thế ổn định \ud83c';
    fake.pushUpdate(textUpdate({ chatId: 9005, text: poison }));
    await sleep(300); // the poller takes it alone in its batch
    fake.pushUpdate(textUpdate({ chatId: 9006, text: '/help' }));
    await fake.waitForSent(() => fake.sentTo(9006).length > 0, 3_000).catch(() => undefined);
    const problems = [
      ...(fake.sentTo(9005).length === 0 ? ['no reply to the message itself'] : []),
      ...(fake.sentTo(9006).length === 0 ? ['another chat got no reply: polling is blocked'] : []),
      ...(svc.logs.some((l) => l.includes('trạm BTS Yên Thế')) ? ['the message text is in the logs'] : []),
    ];
    assert.deepEqual(problems, []);
  });
});

describe('a crash between recording an update and processing it', () => {
  let fake: FakeTelegram;
  let testDb: TestDatabase | undefined;
  let dataDir: string | undefined;
  const env = () => ({
    ...telegramEnv(fake),
    ...(dataDir ? { PGLITE_DIR: dataDir } : {}),
  });
  const start = () => startTestService({ env: env(), ...(testDb ? { database: testDb } : {}) });

  before(async () => {
    fake = await startFakeTelegram();
    // The database must outlive the first "process": a PostgreSQL database, or PGlite on disk.
    if (onPostgres) testDb = await createTestDatabase();
    else dataDir = mkdtempSync(path.join(tmpdir(), 'tet-crash-'));
  });

  after(async () => {
    await testDb?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await fake?.close();
  });

  test('events recorded while no service runs are processed by the sweeper at start, each exactly once', async () => {
    const database: Database = await openDatabase(testDb ? { url: testDb.url } : { dataDir });
    const [enterprise] = await insertEnterprises(database.db, [
      { code: 'VTBG', name: 'Viettel Bắc Giang', sector: 'telecom' },
    ]);
    const person = await createPerson(database.db, {
      displayName: 'An',
      role: 'officer',
      enterpriseId: enterprise!.id,
    });
    await attachIdentity(database.db, {
      personId: person.id,
      channel: 'telegram',
      externalId: '9201',
      chatId: '9201',
      at: new Date(),
    });
    const events: [number, string][] = [
      [9201, '/baocao ok'],
      [9202, '/start'],
      [9201, '/help'],
      [9202, '/huy'],
      [9203, 'Hạn nộp báo cáo là khi nào?'],
    ];
    for (const [i, [chatId, text]] of events.entries()) {
      const fresh = await recordInbound(database.db, {
        channel: 'telegram',
        eventKey: String(8_000_000 + i),
        message: {
          channel: 'telegram',
          chatId: String(chatId),
          userId: String(chatId),
          displayName: 'X',
          text,
        },
      });
      assert.ok(fresh);
    }
    await database.close();

    const svc = await start();
    try {
      const want: Record<number, number> = { 9201: 2, 9202: 2, 9203: 1 };
      const done = () => Object.entries(want).every(([c, n]) => fake.sentTo(c).length >= n);
      await fake.waitForSent(done, 15_000);
      await settle(svc.service.database.db);
      await sleep(2_500); // one more sweep: nothing runs twice
      for (const [chatId, n] of Object.entries(want))
        assert.equal(fake.sentTo(chatId).length, n, `chat ${chatId}`);
      const [receipt, help] = fake.sentTo(9201).map((m) => m.text);
      assert.match(
        receipt!,
        /Đã ghi nhận báo cáo ngày .* của Viettel Bắc Giang/,
        'in order: the report first',
      );
      assert.match(help!, /^Bạn là cán bộ trực của Viettel Bắc Giang/);
      const rows = await svc.service.database.db.select().from(inboundEvents);
      assert.deepEqual(
        rows.map((r) => [r.status, r.attempts]),
        events.map(() => ['done', 0]),
      );
      const [stored] = await svc.service.database.db.select({ n: count() }).from(reports);
      assert.equal(stored!.n, 1, 'the report was recorded once');
    } finally {
      await svc.stop();
    }
  });

  // telegraf's launch() awaits deleteWebhook before it starts polling, and bot.stop() throws "Bot is not running!"
  // until then; service.stop() rejects there and never stops the scheduler, inbox, delivery nor the database.
  test('a service stopped right after it started shuts down cleanly', {}, async () => {
    const svc = await start();
    try {
      await assert.doesNotReject(svc.service.stop());
    } finally {
      // Whatever stop() left running, so that this file still ends.
      await sleep(300);
      try {
        svc.service.telegram?.bot.stop('test cleanup');
      } catch {}
      await svc.service.inbox.stop();
      await svc.service.delivery.stop();
      await svc.service.scheduler.stop();
      await svc.service.database.close().catch(() => undefined);
    }
  });
});

describe('webhook mode when the database is gone', {
  skip: !onPostgres && 'PostgreSQL only (DATABASE_URL unset)',
}, () => {
  const SECRET = 'faults-webhook-secret-0123456789';
  let fake: FakeTelegram;
  let svc: TestService;

  before(async () => {
    fake = await startFakeTelegram();
    svc = await startTestService({
      env: {
        ...telegramEnv(fake),
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
      },
    });
  });

  after(async () => {
    await svc?.stop();
    await fake?.close();
  });

  const post = (body: unknown) =>
    fetch(`http://127.0.0.1:${svc.service.port}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(body),
    });

  test('updates get a non-2xx answer (so Telegram redelivers) and nothing is acknowledged', async () => {
    const user = telegramUser({
      fake,
      db: () => svc.service.database.db,
      chatId: 9301,
      deliver: async (u) => assert.equal((await post(u)).status, 200),
    });
    assert.match(await user.sayText('/help'), /Các lệnh/, 'works while the database is up');

    await svc.service.database.close();
    const sent = fake.sent.length;
    const answered = fake.callbackAnswers.length;
    const text = await post(textUpdate({ chatId: 9301, text: '/baocao sự cố: mất điện trạm Lạng Giang' }));
    const tap = await post(callbackUpdate({ chatId: 9301, data: 'rp:ok' }));
    assert.ok(text.status >= 500, `text update answered ${text.status}`);
    assert.ok(tap.status >= 500, `button tap answered ${tap.status}`);
    await sleep(500);
    assert.equal(fake.sent.length, sent, 'no reply was sent');
    assert.equal(fake.callbackAnswers.length, answered, 'the button tap was not answered');
    const health = await fetch(`http://127.0.0.1:${svc.service.port}/healthz`);
    assert.equal(health.status, 503);
    assert.ok(!svc.logs.some((l) => l.includes('trạm Lạng Giang')), 'the text is not logged');
  });
});
