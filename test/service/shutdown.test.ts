import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { textUpdate } from '../helpers/telegram-updates.ts';

describe('the process (npm start) with Telegram polling', () => {
  let fake: FakeTelegram;
  let database: TestDatabase;

  before(async () => {
    fake = await startFakeTelegram();
    database = await createTestDatabase();
  });
  after(async () => {
    await fake.close();
    await database.drop();
  });

  test('serves /healthz, answers a message, and stops on SIGTERM within 10 s, closing everything', async () => {
    const port = 38_000 + Math.floor(Math.random() * 2000);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
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
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
        if (res?.status === 200) break;
        if (Date.now() > deadline) throw new Error(`never healthy:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      fake.pushUpdate(textUpdate({ chatId: 42, text: '/start' }));
      await fake.waitForSent(1, 10_000);
      const started = Date.now();
      child.kill('SIGTERM');
      const code = await exited;
      const seconds = (Date.now() - started) / 1000;
      assert.equal(code, 0, output);
      assert.ok(seconds < 10, `stopped in ${seconds} s`);
      assert.match(output, /"msg":"stopped"/);
      assert.doesNotMatch(output, new RegExp(fake.token.replace(/[:]/g, '.')));
    } finally {
      child.kill('SIGKILL');
    }
  });
});
