/**
 * The real process under load: killed with SIGKILL and started again, and its database going away and coming back.
 * Telegram redelivers every update that did not get a 2xx, so that is what the test does too.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { connectPostgres, type Database, openDatabase } from '../../src/db/client.ts';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { attachIdentity, createPerson } from '../../src/db/queries/people.ts';
import { reports } from '../../src/db/schema.ts';
import { settle } from '../helpers/chat.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { textUpdate } from '../helpers/telegram-updates.ts';

const SECRET = 'crash-test-secret-0123456789abcdef';
const OFFICERS = 150;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('crashes and outages of the real process (webhook mode)', {
  skip: !process.env.DATABASE_URL,
}, () => {
  let fake: FakeTelegram;
  let testDb: TestDatabase;
  let database: Database;
  let child: ChildProcess | undefined;
  const port = 40_000 + Math.floor(Math.random() * 5000);
  const url = `http://127.0.0.1:${port}/telegram/webhook`;

  async function startProcess(): Promise<void> {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        LOG_LEVEL: 'silent',
        DATABASE_URL: testDb.url,
        ...telegramEnv(fake),
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_SEND_RATE: '1000',
        TELEGRAM_CHAT_SEND_RATE: '100',
        // A reply claimed by the killed process is sent again once its claim lapses.
        DELIVERY_LOCK_SECONDS: '2',
      },
      stdio: 'ignore',
    });
    for (const end = Date.now() + 30_000; Date.now() < end; await sleep(100)) {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
      if (res?.status === 200) return;
    }
    throw new Error('the service did not become healthy');
  }

  const post = (chatId: number, updateId: number) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(textUpdate({ chatId, text: '/baocao ok', updateId })),
      signal: AbortSignal.timeout(5000),
    })
      .then((r) => r.status)
      .catch(() => 0);

  before(async () => {
    fake = await startFakeTelegram();
    testDb = await createTestDatabase();
    database = await openDatabase({ url: testDb.url, dataDir: testDb.dataDir });
    const enterprises = await insertEnterprises(
      database.db,
      Array.from({ length: OFFICERS }, (_, i) => ({
        code: `E${i}`,
        name: `Doanh nghiệp ${i}`,
        sector: 'telecom' as const,
      })),
    );
    for (const [i, e] of enterprises.entries()) {
      const person = await createPerson(database.db, {
        displayName: `Cán bộ ${i}`,
        role: 'officer',
        enterpriseId: e.id,
      });
      const id = String(70_000 + i);
      await attachIdentity(database.db, {
        personId: person.id,
        channel: 'telegram',
        externalId: id,
        chatId: id,
        at: new Date(),
      });
    }
  });

  after(async () => {
    child?.kill('SIGKILL');
    await database.close();
    await testDb.drop();
    await fake.close();
  });

  test('SIGKILL under load, then a restart: every update has its effect exactly once', async () => {
    await startProcess();
    const statuses = new Map<number, number>();
    const load = Promise.all(
      Array.from({ length: OFFICERS }, async (_, i) => {
        await sleep(i * 3);
        statuses.set(i, await post(70_000 + i, 500_000 + i));
      }),
    );
    await sleep(OFFICERS * 1.5);
    child!.kill('SIGKILL');
    await load;
    const acknowledged = [...statuses.values()].filter((s) => s === 200).length;
    assert.ok(acknowledged > 0 && acknowledged < OFFICERS, `killed mid-load (${acknowledged} acknowledged)`);

    await startProcess();
    // Telegram redelivers what was not acknowledged; a redelivery of an acknowledged one must be harmless too.
    await Promise.all(Array.from({ length: OFFICERS }, (_, i) => post(70_000 + i, 500_000 + i)));
    await settle(database.db, 30_000);
    const rows = await database.db.select().from(reports);
    assert.equal(rows.length, OFFICERS, 'one report per update');
    assert.equal(new Set(rows.map((r) => r.enterpriseId)).size, OFFICERS);
    assert.ok(
      rows.every((r) => r.revision === 1),
      'no update was applied twice',
    );
  });

  test('while the database is unreachable the webhook answers non-2xx; after it returns nothing is lost', async () => {
    const name = new URL(testDb.url!).pathname.slice(1);
    const admin = connectPostgres(process.env.DATABASE_URL!, { max: 1 });
    try {
      await admin.unsafe(`alter database ${name} allow_connections false`);
      await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
      const during = await Promise.all([0, 1, 2].map((i) => post(70_000 + i, 600_000 + i)));
      assert.ok(
        during.every((s) => s >= 500),
        `non-2xx while down: ${during.join(', ')}`,
      );
      await admin.unsafe(`alter database ${name} allow_connections true`);
      for (const end = Date.now() + 15_000; Date.now() < end; await sleep(200)) {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
        if (res?.status === 200) break;
      }
      const afterwards = await Promise.all([0, 1, 2].map((i) => post(70_000 + i, 600_000 + i)));
      assert.deepEqual(afterwards, [200, 200, 200]);
      await database.close().catch(() => {});
      database = await openDatabase({ url: testDb.url, dataDir: testDb.dataDir });
      await settle(database.db, 20_000);
      const revisions = (await database.db.select().from(reports)).filter((r) => r.revision === 2);
      assert.equal(revisions.length, 3, 'each redelivered update recorded once');
    } finally {
      await admin.unsafe(`alter database ${name} allow_connections true`).catch(() => {});
      await admin.end();
    }
  });
});
