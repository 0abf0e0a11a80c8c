/**
 * Hung API calls and the claim lock, one mechanism at a time: the delivery worker with a real telegraf client
 * against the fake Bot API (every first call of the wave held past the 1 s claim lock), and the Zalo client's
 * send against a server that never answers.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { and, inArray, sql } from 'drizzle-orm';
import { Telegram } from 'telegraf';
import { createTelegramSender } from '../../src/channels/telegram/sender.ts';
import { createZaloClient } from '../../src/channels/zalo/client.ts';
import { createZaloSender } from '../../src/channels/zalo/sender.ts';
import type { ZaloTokenPair } from '../../src/channels/zalo/token-store.ts';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { enqueueMessages } from '../../src/db/queries/outbox.ts';
import { outbox } from '../../src/db/schema.ts';
import { type ChannelSender, DeliveryError } from '../../src/delivery/sender.ts';
import { createDeliveryWorker } from '../../src/delivery/worker.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type FakeTelegram, startFakeTelegram } from '../helpers/fake-telegram.ts';

const LOCK_MS = 1000;
const HOLD_MS = 3000;
const CHATS = 16;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a Bot API call that hangs past the claim lock', () => {
  let testDb: TestDatabase;
  let database: Database;
  let fake: FakeTelegram;
  const logger = createLogger({ level: 'silent' });
  let wave = 0;

  before(async () => {
    testDb = await createTestDatabase();
    database = await openDatabase({ url: testDb.url, dataDir: testDb.dataDir });
    fake = await startFakeTelegram();
  });
  after(async () => {
    await fake?.close();
    await database?.close();
    await testDb?.drop();
  });

  /** Enqueues one bulk message to each of CHATS chats, runs a worker until they are all done, counts copies. */
  async function runWave(sender: ChannelSender, hold: Parameters<FakeTelegram['holdNext']>[2]) {
    wave++;
    const chats = Array.from({ length: CHATS }, (_, i) => String(wave * 1000 + i));
    fake.reset();
    fake.holdNext('sendMessage', CHATS, hold);
    const worker = createDeliveryWorker({
      db: database.db,
      logger,
      lockMs: LOCK_MS,
      pollMs: 50,
      channels: { telegram: { sender, rates: { perSecond: 1000 } } },
    });
    await enqueueMessages(
      database.db,
      chats.map((chatId) => ({
        channel: 'telegram' as const,
        chatId,
        text: `Thông báo ${wave}`,
        lane: 'bulk' as const,
      })),
    );
    const started = Date.now();
    worker.start();
    try {
      // Past the hold and the backoff a late answer would schedule: any extra copy has gone out by then.
      await sleep(HOLD_MS + 2500);
      for (const end = Date.now() + 10_000; Date.now() < end; await sleep(50)) {
        const open = await database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(outbox)
          .where(and(inArray(outbox.chatId, chats), inArray(outbox.status, ['pending', 'sending'])));
        if (Number(open[0]!.n) === 0) break;
      }
    } finally {
      await worker.stop();
    }
    const copies = chats.map((c) => fake.sentTo(c).length);
    const rows = await database.db.select().from(outbox).where(inArray(outbox.chatId, chats));
    return { copies, rows, seconds: (Date.now() - started) / 1000 };
  }

  test('fencing: a call that outlives its claim and then fails cannot send a third copy', async () => {
    const telegram = createTelegramSender(new Telegram(fake.token, { apiRoot: fake.apiRoot }));
    // A sender that ignores the send timeout, as a client stuck past any abort would.
    const deaf: ChannelSender = {
      send: (envelope, progress) =>
        telegram.send(envelope, progress && { skip: progress.skip, onPart: progress.onPart }),
    };
    const { copies, rows } = await runWave(deaf, { ms: HOLD_MS, answer: { status: 502 } });
    assert.deepEqual(copies, Array(CHATS).fill(1), `copies per chat: ${copies.join(',')}`);
    assert.ok(rows.every((r) => r.status === 'sent'));
  });

  test('timeout: a hung call is given up well inside its claim and retried once', async () => {
    const telegram = createTelegramSender(new Telegram(fake.token, { apiRoot: fake.apiRoot }));
    // The held calls would succeed after the hold: only a client that gave up keeps them from arriving late.
    const { copies, rows } = await runWave(telegram, { ms: HOLD_MS });
    assert.deepEqual(copies, Array(CHATS).fill(1), `copies per chat: ${copies.join(',')}`);
    assert.ok(rows.every((r) => r.status === 'sent' && r.attempts === 2));
    assert.ok(
      rows.every((r) => /AbortError/.test(r.lastError ?? '')),
      String(rows[0]?.lastError),
    );
  });
});

test('the Zalo send is aborted by the worker’s signal and comes back as a retry', async () => {
  const server = createServer(() => {}); // never answers
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const pair: ZaloTokenPair = {
    accessToken: 'at',
    refreshToken: 'rt',
    expiresAt: new Date(Date.now() + 86_400_000),
  };
  const client = createZaloClient({
    apiRoot: root,
    oauthRoot: root,
    appId: '1',
    appSecret: 's',
    timeoutMs: 60_000,
    tokens: { load: async () => pair, rotate: async () => pair },
  });
  const started = Date.now();
  try {
    await assert.rejects(
      createZaloSender(client).send(
        { channel: 'zalo', chatId: 'u1', text: 'x' },
        { skip: 0, onPart: async () => {}, signal: () => AbortSignal.timeout(200) },
      ),
      (err: unknown) => err instanceof DeliveryError && err.failure === 'retry',
    );
    assert.ok(Date.now() - started < 5000, `aborted after ${Date.now() - started} ms`);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
