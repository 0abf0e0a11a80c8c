/**
 * The configuration refuses what would silently never work (a digest at 25:99, a reminder 0 minutes before the
 * deadline) and lists every problem at once, cross-field ones included, never with a value.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';

/** The problems loadConfig reports for this environment ([] when it is accepted). */
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems;
  }
}

const fields = (list: string[]) => list.map((p) => p.split(':')[0]);

describe('times of day (Vietnam time)', () => {
  for (const bad of ['25:99', '24:00', '23:60', '7', '07-00', '0700', 'noon', '-1:30', '12:5', '123:00']) {
    test(`DIGEST_TIME=${bad} and FINAL_REMINDER_TIME=${bad} are refused`, () => {
      const list = problems({ DIGEST_TIME: bad, FINAL_REMINDER_TIME: bad });
      assert.deepEqual(fields(list), ['FINAL_REMINDER_TIME', 'DIGEST_TIME']);
      assert.match(list[1]!, /HH:mm/);
      assert.ok(!list.join('\n').includes(bad), 'the value is not repeated');
    });
  }

  test('valid times are kept; a single-digit hour is written as HH:mm (what the scheduler parses)', () => {
    const a = loadConfig({ DIGEST_TIME: '23:59', FINAL_REMINDER_TIME: '00:00' });
    assert.equal(a.schedule.digestTime, '23:59');
    assert.equal(a.schedule.finalReminderTime, '00:00');
    const b = loadConfig({ DIGEST_TIME: ' 7:05 ', FINAL_REMINDER_TIME: '6:30' });
    assert.equal(b.schedule.digestTime, '07:05');
    assert.equal(b.schedule.finalReminderTime, '06:30');
    const defaults = loadConfig({});
    assert.equal(defaults.schedule.digestTime, '20:00');
    assert.equal(defaults.schedule.finalReminderTime, '07:00');
  });
});

describe('reminder offsets', () => {
  for (const bad of ['0', '120,0', '1440', '120,,30', 'abc', '-30', '1.5', '']) {
    test(`REMINDER_OFFSETS=${JSON.stringify(bad)} is refused`, () => {
      assert.deepEqual(fields(problems({ REMINDER_OFFSETS: bad })), ['REMINDER_OFFSETS']);
    });
  }

  test('whole minutes 1–1439, spaces allowed', () => {
    assert.deepEqual(
      loadConfig({ REMINDER_OFFSETS: '1439, 90 ,1' }).schedule.reminderOffsetsMinutes,
      [1439, 90, 1],
    );
    assert.deepEqual(loadConfig({}).schedule.reminderOffsetsMinutes, [120, 30]);
  });
});

describe('every problem together', () => {
  test('a webhook URL without its secret is reported even when another field is wrong', () => {
    const list = problems({
      PORT: 'ba nghìn',
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/telegram/webhook',
    });
    assert.deepEqual(fields(list), ['PORT', 'TELEGRAM_WEBHOOK_SECRET']);
    assert.match(list[1]!, /required when TELEGRAM_WEBHOOK_URL is set/);
  });

  test('a partial Zalo set, a bad time and a bad pool size: all three', () => {
    const list = problems({
      DATABASE_POOL_SIZE: '0',
      DIGEST_TIME: '25:99',
      ZALO_APP_ID: '360846524940903967',
    });
    assert.deepEqual(fields(list).sort(), ['DATABASE_POOL_SIZE', 'DIGEST_TIME', 'ZALO_APP_ID']);
  });

  test('an invalid webhook URL and the missing secret are both listed', () => {
    const list = problems({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_URL: 'bot.example.vn/webhook' });
    assert.deepEqual(fields(list), ['TELEGRAM_WEBHOOK_URL', 'TELEGRAM_WEBHOOK_SECRET']);
  });

  test('a webhook URL must be https (Telegram refuses anything else), and needs the bot token', () => {
    const secret = 'webhook-secret-0123456789';
    assert.deepEqual(
      fields(
        problems({
          TELEGRAM_BOT_TOKEN: '123:abc',
          TELEGRAM_WEBHOOK_URL: 'http://bot.example.vn/telegram/webhook',
          TELEGRAM_WEBHOOK_SECRET: secret,
        }),
      ),
      ['TELEGRAM_WEBHOOK_URL'],
    );
    assert.deepEqual(
      fields(
        problems({
          TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/telegram/webhook',
          TELEGRAM_WEBHOOK_SECRET: secret,
        }),
      ),
      ['TELEGRAM_BOT_TOKEN'],
    );
  });

  test('a DATABASE_URL that is not a PostgreSQL URL is refused without printing it (it holds the password)', () => {
    for (const url of [
      'mysql://root:mat-khau-rat-bi-mat@db/tet',
      'mat-khau-rat-bi-mat@db:5432',
      'http://x',
    ]) {
      const list = problems({ DATABASE_URL: url });
      assert.deepEqual(fields(list), ['DATABASE_URL'], url);
      assert.ok(!list.join('\n').includes('mat-khau'), 'no password in the message');
    }
    for (const url of [
      'postgres://postgres@127.0.0.1:5432/postgres',
      'postgresql://bot:p%40ss@db.internal/tet_bot?sslmode=require',
      'postgres:///tet_bot?host=/var/run/postgresql',
    ]) {
      assert.deepEqual(problems({ DATABASE_URL: url }), [], url);
    }
  });

  test('API roots must be http(s) URLs', () => {
    const list = problems({ TELEGRAM_API_ROOT: 'localhost:8081', ZALO_API_ROOT: 'openapi.zalo.me' });
    assert.deepEqual(fields(list), ['TELEGRAM_API_ROOT', 'ZALO_API_ROOT']);
    assert.deepEqual(problems({ TELEGRAM_API_ROOT: 'http://127.0.0.1:8081' }), []);
  });

  test('the usual configurations are still accepted', () => {
    assert.deepEqual(problems({}), []);
    assert.deepEqual(
      problems({
        TELEGRAM_BOT_TOKEN: '123:abc',
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/telegram/webhook',
        TELEGRAM_WEBHOOK_SECRET: 'webhook-secret-0123456789',
        REMINDER_OFFSETS: '180,120,30',
        DIGEST_TIME: '20:00',
        FINAL_REMINDER_TIME: '07:00',
      }),
      [],
    );
  });
});
