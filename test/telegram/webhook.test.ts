import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createInvite } from '../../src/db/queries/invites.ts';
import { inboundEvents, reports } from '../../src/db/schema.ts';
import { settle, telegramUser } from '../helpers/chat.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { textUpdate } from '../helpers/telegram-updates.ts';

const SECRET = 'webhook-secret-for-tests-0123456789';

describe('Telegram (webhook mode)', () => {
  let fake: FakeTelegram;
  let svc: TestService;
  let url: string;
  const db = () => svc.service.database.db;

  before(async () => {
    fake = await startFakeTelegram();
    svc = await startTestService({
      env: {
        ...telegramEnv(fake),
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        MAX_BODY_BYTES: '65536',
      },
    });
    url = `http://127.0.0.1:${svc.service.port}/telegram/webhook`;
  });

  after(async () => {
    await svc.stop();
    await fake.close();
  });

  const post = (body: string, secret: string | null = SECRET) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
      },
      body,
    });

  test('registers the webhook with its secret and answers through the outbox', async () => {
    assert.equal(fake.webhook?.url, 'https://bot.example.test/telegram/webhook');
    assert.equal(fake.webhook?.secretToken, SECRET);
    const [enterprise] = await insertEnterprises(db(), [
      { code: 'VNPT', name: 'VNPT Bắc Giang', sector: 'telecom' },
    ]);
    const { code } = await createInvite(db(), {
      role: 'officer',
      enterpriseId: enterprise!.id,
      expiresAt: new Date(Date.now() + 86400_000),
      maxUses: 1,
    });
    const user = telegramUser({
      fake,
      db,
      chatId: 5001,
      deliver: async (u) => {
        const res = await post(JSON.stringify(u));
        assert.equal(res.status, 200);
      },
    });
    assert.match(await user.sayText(`/start ${code}`), /Đăng ký thành công/);
    assert.match(await user.sayText('/baocao ok'), /Đã ghi nhận/);
  });

  test('a wrong or missing secret is refused and has no effect', async () => {
    const before = (await db().select().from(inboundEvents)).length;
    const update = JSON.stringify(textUpdate({ chatId: 5001, text: '/baocao ok' }));
    assert.equal((await post(update, 'wrong-secret-wrong-secret')).status, 401);
    assert.equal((await post(update, null)).status, 401);
    await settle(db());
    assert.equal((await db().select().from(inboundEvents)).length, before);
    assert.equal((await db().select().from(reports)).length, 1);
  });

  test('malformed and oversized bodies get a 4xx before anything is stored', async () => {
    assert.equal((await post('{not json')).status, 400);
    assert.equal((await post('{"hello": 1}')).status, 400);
    assert.equal((await post(`{"update_id": 1, "pad": "${'x'.repeat(70_000)}"}`)).status, 413);
    assert.equal((await fetch(url)).status, 405);
  });

  test('a redelivered update is acknowledged but has no second effect', async () => {
    const update = JSON.stringify(textUpdate({ chatId: 5001, text: '/baocao ok', updateId: 777_000 }));
    assert.equal((await post(update)).status, 200);
    assert.equal((await post(update)).status, 200);
    await settle(db());
    assert.equal((await db().select().from(reports)).length, 2);
  });

  test('/healthz reports the database and the channel', async () => {
    const res = await fetch(`http://127.0.0.1:${svc.service.port}/healthz`);
    const body = (await res.json()) as {
      ok: boolean;
      database: { ok: boolean };
      channels: { telegram: { mode: string } };
    };
    assert.equal(res.status, 200);
    assert.equal(body.database.ok, true);
    assert.equal(body.channels.telegram.mode, 'webhook');
  });
});
