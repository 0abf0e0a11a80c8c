/**
 * The Bot API fails the set-up calls (getMe, setMyCommands, setWebhook, deleteWebhook) at start: the service stays
 * up, /healthz says Telegram is not ready, the calls are retried with backoff (1, 2, 4 … 60 s) in the background,
 * and the bot answers once they succeed. The process never exits for it.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { textUpdate } from '../helpers/telegram-updates.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'setup-retry-secret-0123456789';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Health {
  ok: boolean;
  channels: { telegram?: { ok: boolean } };
}

async function health(port: number): Promise<{ status: number; body: Health } | undefined> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
  if (!res) return undefined;
  return { status: res.status, body: (await res.json()) as Health };
}

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('webhook mode: getMe, setMyCommands and setWebhook fail once each (500)', () => {
  let fake: FakeTelegram;
  let svc: TestService;

  before(async () => {
    fake = await startFakeTelegram();
    fake.failNext('getMe', 1, { status: 500 });
    fake.failNext('setMyCommands', 1, { status: 500 });
    fake.failNext('setWebhook', 1, { status: 502 });
  });
  after(async () => {
    await svc?.stop();
    await fake?.close();
  });

  test('the service starts, reports Telegram not ready, retries with backoff and then answers', async () => {
    const started = Date.now();
    svc = await startTestService({
      env: {
        ...telegramEnv(fake),
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
      },
    });
    const port = svc.service.port;
    const first = await health(port);
    assert.equal(first?.status, 503);
    assert.equal(first?.body.channels.telegram?.ok, false, 'telegram is not ready yet');
    assert.equal(first?.body.ok, false);

    await until('the webhook to be set', async () => fake.webhook?.url !== undefined, 20_000);
    const ready = await until(
      '/healthz to report telegram ok',
      async () => {
        const h = await health(port);
        return h?.status === 200 && h;
      },
      5_000,
    );
    assert.equal(ready.body.channels.telegram?.ok, true);
    const seconds = (Date.now() - started) / 1000;
    // Three failed attempts wait 1 + 2 + 4 s between them: backoff, not a busy loop.
    assert.ok(seconds >= 6.5, `set up after ${seconds} s`);
    assert.ok(seconds < 20, `set up after ${seconds} s`);
    process.stdout.write(`webhook set up ${seconds.toFixed(1)} s after the start\n`);
    assert.deepEqual(
      fake.calls.filter((m) => m === 'getMe' || m === 'setMyCommands' || m === 'setWebhook'),
      ['getMe', 'getMe', 'setMyCommands', 'setMyCommands', 'setWebhook', 'setWebhook'],
      'each step is retried until it succeeds, and not repeated after',
    );
    assert.equal(fake.webhook?.secretToken, SECRET);
    assert.ok(
      svc.logs.some((l) => l.includes('telegram set-up failed')),
      'the failures are logged as warnings',
    );
    assert.ok(!svc.logs.some((l) => l.includes(SECRET) || l.includes(fake.token)), 'no secret in the logs');

    const reply = await fake.postWebhook(
      `http://127.0.0.1:${port}/telegram/webhook`,
      textUpdate({ chatId: 7301, text: '/help' }),
    );
    assert.equal(reply.status, 200);
    await fake.waitForSent((m) => m.chatId === 7301, 10_000);
  });
});

describe('the process in polling mode: getMe and deleteWebhook fail at start', () => {
  let fake: FakeTelegram;
  let database: TestDatabase;
  let child: ChildProcess | undefined;

  before(async () => {
    fake = await startFakeTelegram();
    database = await createTestDatabase();
  });
  after(async () => {
    child?.kill('SIGKILL');
    await fake.close();
    await database.drop();
  });

  test('stays up (no exit), /healthz 503 until polling runs, then answers', async () => {
    fake.failNext('getMe', 2, { status: 500 });
    fake.failNext('deleteWebhook', 1, { status: 500 });
    const port = 41_000 + Math.floor(Math.random() * 4000);
    const started = Date.now();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        LOG_LEVEL: 'info',
        ...telegramEnv(fake),
        ...(database.url ? { DATABASE_URL: database.url } : { PGLITE_DIR: database.dataDir }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let exitCode: number | null | undefined;
    child.stdout!.on('data', (d) => {
      output += d;
    });
    child.stderr!.on('data', (d) => {
      output += d;
    });
    child.on('exit', (code) => {
      exitCode = code;
    });

    const early = await until('the HTTP server', () => health(port), 30_000);
    assert.equal(early.status, 503, output);
    assert.equal(early.body.channels.telegram?.ok, false);
    await until(
      'a healthy service',
      async () => {
        if (exitCode !== undefined) throw new Error(`the process exited (${exitCode}):\n${output}`);
        return (await health(port))?.status === 200;
      },
      30_000,
    );
    const seconds = (Date.now() - started) / 1000;
    assert.equal(exitCode, undefined, 'still running');
    fake.pushUpdate(textUpdate({ chatId: 7401, text: '/start' }));
    await fake.waitForSent((m) => m.chatId === 7401, 10_000);
    assert.ok(fake.calls.filter((m) => m === 'getMe').length >= 3, 'getMe was retried');
    assert.match(output, /telegram set-up failed/);
    assert.match(output, /telegram channel started/);
    process.stdout.write(`polling set up ${seconds.toFixed(1)} s after the start\n`);
  });
});

describe('polling that stops (a 4xx from getUpdates) starts again', () => {
  let fake: FakeTelegram;
  let svc: TestService;

  before(async () => {
    fake = await startFakeTelegram();
    svc = await startTestService({ env: telegramEnv(fake) });
  });
  after(async () => {
    await svc?.stop();
    await fake?.close();
  });

  test('the channel restarts polling with backoff and answers again', async () => {
    fake.pushUpdate(textUpdate({ chatId: 7501, text: '/help' }));
    await fake.waitForSent((m) => m.chatId === 7501, 10_000);
    // The poller is waiting in getUpdates: the next call fails, and telegraf's loop ends for good.
    fake.failNext('getUpdates', 1, { status: 400, description: 'Bad Request: test failure' });
    fake.pushUpdate(textUpdate({ chatId: 7502, text: '/help' }));
    await until(
      'the restart to be logged',
      async () => svc.logs.some((l) => l.includes('telegram polling stopped; restarting')),
      10_000,
    );
    fake.pushUpdate(textUpdate({ chatId: 7503, text: '/help' }));
    await fake.waitForSent((m) => m.chatId === 7503, 15_000);
    assert.equal((await health(svc.service.port))?.status, 200);
  });
});
