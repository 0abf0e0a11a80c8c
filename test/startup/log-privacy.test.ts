/**
 * A database outage while people write to the bot: the failed inserts carry the invite code, the display name and
 * the report text as query parameters, and none of it may reach a log line. The code and a short cause stay.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { connectPostgres, type Database, openDatabase } from '../../src/db/client.ts';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createInvite } from '../../src/db/queries/invites.ts';
import { inboundEvents } from '../../src/db/schema.ts';
import { createInbox } from '../../src/inbox/processor.ts';
import { describeError, serializeError } from '../../src/logger.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { type FakeZalo, signedZaloRequest, startFakeZalo, zaloTextEvent } from '../helpers/fake-zalo.ts';
import { memoryLogger } from '../helpers/memory-logger.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { textUpdate } from '../helpers/telegram-updates.ts';
import { postZalo, randomSecret, zaloEnv } from '../zalo/zalo-user.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const onPostgres = Boolean(process.env.DATABASE_URL);

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** What drizzle throws for a failed insert: the SQL and its parameters in the message and as properties. */
function failedInsert(params: unknown[]): DrizzleQueryError {
  const cause = Object.assign(new Error('database "t_x" is not currently accepting connections'), {
    name: 'PostgresError',
    code: '55000',
    severity: 'FATAL',
    detail: `Key (text)=(${String(params[2])}) already exists.`,
    parameters: params,
    query: 'insert into "inbound_events" ("channel", "event_key", "message") values ($1, $2, $3)',
  });
  return new DrizzleQueryError(
    'insert into "inbound_events" ("channel", "event_key", "message") values ($1, $2, $3)',
    params,
    cause,
  );
}

describe('the err serializer', () => {
  const secretText = 'dangky 7K3M-9QXA-2B4C-8D1F';
  const params = ['zalo', 'msg-1', JSON.stringify({ text: secretText, displayName: 'Nguyễn Thị Tết' })];

  test('drops the query, its parameters and the "Failed query" text; keeps the type, the code and a short cause', () => {
    const out = serializeError(failedInsert(params));
    const json = JSON.stringify(out);
    assert.ok(!json.includes('7K3M'), json);
    assert.ok(!json.includes('Nguyễn Thị Tết'), json);
    assert.ok(!json.includes('insert into'), json);
    assert.equal(out.type, 'DrizzleQueryError');
    assert.equal(out.code, '55000');
    assert.match(String(out.message), /not currently accepting connections/);
    assert.match(String(out.stack), /^DrizzleQueryError: .*\n {4}at /);
  });

  test('every way an error is logged: err, another key, the error itself, a message string', () => {
    const { logger, lines } = memoryLogger();
    const err = failedInsert(params);
    logger.error({ err }, 'as err');
    logger.warn({ error: err, reason: err }, 'as other keys');
    logger.error(err, 'as the object');
    logger.warn({ err: err.message }, 'as a message string');
    logger.warn({ err: { message: err.message, params } }, 'as a plain object');
    logger.child({ channel: 'zalo' }).error({ err }, 'from a child');
    assert.equal(lines.length, 6);
    for (const line of lines) {
      assert.ok(!line.includes('7K3M'), line);
      assert.ok(!line.includes('Nguyễn Thị Tết'), line);
    }
    assert.match(lines[0]!, /"code":"55000"/);
    assert.match(lines[2]!, /"code":"55000"/);
  });

  test('an error text from PostgreSQL that quotes a value keeps only the part before it', () => {
    const cause = Object.assign(new Error(`invalid input syntax for type integer: "${secretText}"`), {
      name: 'PostgresError',
      code: '22P02',
      severity: 'ERROR',
    });
    const out = serializeError(new DrizzleQueryError('select $1::int', [secretText], cause));
    assert.ok(!JSON.stringify(out).includes('7K3M'));
    assert.equal(out.code, '22P02');
    assert.match(String(out.message), /invalid input syntax for type integer/);
    assert.equal(describeError(cause), 'invalid input syntax for type integer [22P02]');
  });

  test('errors that are not from the database keep their message (tokens masked)', () => {
    const out = serializeError(new Error('400: Bad Request: chat not found'));
    assert.equal(out.message, '400: Bad Request: chat not found');
    const net = serializeError(
      Object.assign(new Error('request to http://x/bot123:AAabc_def/getMe failed'), { code: 'ECONNRESET' }),
    );
    assert.equal(net.message, 'request to http://x/bot<token>/getMe failed');
    assert.equal(net.code, 'ECONNRESET');
  });
});

describe('the inbox processor logs a failed event without its text', () => {
  let testDb: TestDatabase;
  let database: Database;
  before(async () => {
    testDb = await createTestDatabase();
    database = await openDatabase({ url: testDb.url, dataDir: testDb.dataDir, maxConnections: 2 });
  });
  after(async () => {
    await database.close();
    await testDb.drop();
  });

  test('"inbound event failed" carries the code, not the report text', async () => {
    const text = 'sự cố: mất sóng 12 trạm ở xã Bảo Sơn';
    const { logger, lines } = memoryLogger();
    const inbox = createInbox({
      db: database.db,
      clock: { now: () => new Date() },
      logger,
      maxAttempts: 1,
      conversation: {
        handle: async (_db, message) => {
          throw failedInsert(['telegram', '1', JSON.stringify(message)]);
        },
      },
    });
    await inbox.accept('4242', {
      channel: 'telegram',
      chatId: '4242',
      userId: '4242',
      displayName: 'Phạm Văn Xuân',
      text,
    });
    await until('the failure to be logged', () => lines.some((l) => l.includes('inbound event failed')));
    await inbox.stop();
    const failed = lines.find((l) => l.includes('inbound event failed'))!;
    assert.match(failed, /"code":"55000"/);
    for (const line of lines) {
      assert.ok(!line.includes('Bảo Sơn'), line);
      assert.ok(!line.includes('Phạm Văn Xuân'), line);
    }
    const [row] = await database.db.select().from(inboundEvents).where(eq(inboundEvents.eventKey, '4242'));
    assert.equal(
      row?.lastError,
      'query failed: database "t_x" is not currently accepting connections [55000]',
    );
  });
});

describe('an outage with invite codes in flight (Zalo webhook, Telegram polling)', () => {
  const oaSecretKey = randomSecret('oa-secret');
  const ZALO_USER = '5730129918273645';
  const ZALO_NAME = 'Lê Thị Mai Vàng';
  const TG_CHAT = 8811;
  const TG_NAME = 'Hoàng Đào Nở';
  const REPORT = 'mất điện lưới trạm Đồi Ngô, chạy máy nổ';
  let telegram: FakeTelegram;
  let zalo: FakeZalo;
  let svc: TestService;
  let zaloCode: string;
  let telegramCode: string;
  let restore: (() => Promise<void>) | undefined;

  before(async () => {
    telegram = await startFakeTelegram();
    zalo = await startFakeZalo();
    zalo.profiles.set(ZALO_USER, ZALO_NAME);
    svc = await startTestService({ env: { ...telegramEnv(telegram), ...zaloEnv(zalo, oaSecretKey) } });
    const db = svc.service.database.db;
    const [enterprise] = await insertEnterprises(db, [
      { code: 'VNPTBG', name: 'VNPT Bắc Giang', sector: 'telecom' },
    ]);
    const invite = () =>
      createInvite(db, {
        role: 'officer',
        enterpriseId: enterprise!.id,
        expiresAt: new Date(Date.now() + 86400_000),
        maxUses: 1,
      });
    zaloCode = (await invite()).code;
    telegramCode = (await invite()).code;
  });

  after(async () => {
    await restore?.();
    await svc?.stop().catch(() => undefined);
    await telegram?.close();
    await zalo?.close();
  });

  /** Stops the database from accepting connections and ends the ones open (PGlite: closes it). */
  async function takeDatabaseDown(): Promise<void> {
    if (!onPostgres) {
      await svc.service.database.close();
      return;
    }
    const name = new URL(svc.database.url!).pathname.slice(1);
    const admin = connectPostgres(process.env.DATABASE_URL!, { max: 1 });
    await admin.unsafe(`alter database ${name} allow_connections false`);
    await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    restore = async () => {
      await admin.unsafe(`alter database ${name} allow_connections true`);
      await admin.end();
      restore = undefined;
    };
  }

  const postZaloText = (text: string) => {
    const { rawBody, headers } = signedZaloRequest({
      appId: zalo.appId,
      oaSecretKey,
      body: zaloTextEvent({ userId: ZALO_USER, text }),
    });
    return postZalo(svc.service.port, rawBody, headers);
  };

  test('no log line holds the code, the name or the text; each failure has its code and cause', async () => {
    await takeDatabaseDown();
    const from = svc.logs.length;

    assert.equal(await postZaloText(`dangky ${zaloCode}`), 503, 'Zalo is asked to redeliver');
    assert.equal(await postZaloText(REPORT), 503);
    telegram.pushUpdate(textUpdate({ chatId: TG_CHAT, firstName: TG_NAME, text: `/dangky ${telegramCode}` }));
    const logs = () => svc.logs.slice(from);
    await until(
      'two failed Zalo events to be logged',
      () => logs().filter((l) => l.includes('recording a zalo event failed')).length >= 2,
    );
    await until(
      'the polling retries to be logged',
      () => logs().filter((l) => l.includes('recording the update failed; retrying')).length >= 2,
    );

    const leaks = logs().filter((line) =>
      [zaloCode, telegramCode, ZALO_NAME, TG_NAME, REPORT, 'Đồi Ngô', 'params:', 'Failed query: insert'].some(
        (secret) => line.includes(secret),
      ),
    );
    assert.deepEqual(leaks, []);
    const failures = logs().filter(
      (l) => l.includes('recording a zalo event failed') || l.includes('recording the update failed'),
    );
    for (const line of failures) {
      const { err } = JSON.parse(line) as { err: { code?: string; message?: string } };
      if (onPostgres) assert.ok(err.code, `a code: ${line}`); // PGlite says only "PGlite is closed"
      assert.ok(err.message && err.message.length > 0 && err.message.length <= 300, `a short cause: ${line}`);
    }

    if (!restore) return; // PGlite cannot be reopened under the running service
    await restore();
    // Polling kept the update and keeps trying: once the database is back, the officer is registered.
    await telegram.waitForSent((m) => m.chatId === TG_CHAT && /Đăng ký thành công/.test(m.text), 20_000);
    assert.ok(!svc.logs.some((l) => l.includes(telegramCode) || l.includes(zaloCode)));
  });
});
