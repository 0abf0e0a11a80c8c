import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { ADMIN, databaseEnv, ROOT, removeTempDirs, runNode, tempDir } from './cli.ts';

/** A tiny program that loads the configuration as the service does and prints a few values, or the error. */
const PRINT_CONFIG = `
import { ConfigError, loadConfig } from ${JSON.stringify(path.join(ROOT, 'src/config.ts'))};
try {
  const c = loadConfig();
  console.log(JSON.stringify({
    port: c.port,
    logLevel: c.logLevel,
    username: c.telegram?.username ?? null,
    database: c.database.url ?? null,
    offsets: c.schedule.reminderOffsetsMinutes,
  }));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(err.message + '\\n');
  process.exitCode = 1;
}
`;

function folderWith(env: string | null): { cwd: string; script: string } {
  const cwd = tempDir('tet-env-');
  if (env !== null) writeFileSync(path.join(cwd, '.env'), env);
  const script = path.join(cwd, 'print-config.ts');
  writeFileSync(script, PRINT_CONFIG);
  return { cwd, script };
}

const printConfig = (env: string | null, real: Record<string, string> = {}) => {
  const { cwd, script } = folderWith(env);
  return runNode(script, [], { cwd, env: real });
};

describe('.env in the working directory', () => {
  test('is loaded when present: comments, quotes, export, a BOM and CRLF as Node reads them', async () => {
    const run = await printConfig(
      '\uFEFF# cấu hình thử\r\nPORT=4321\r\nexport LOG_LEVEL=debug\r\nTELEGRAM_BOT_TOKEN="123:abc"\r\nTELEGRAM_BOT_USERNAME=so_tttt_bot # tên bot\r\nREMINDER_OFFSETS=\'90,15\'\r\n',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      port: 4321,
      logLevel: 'debug',
      username: 'so_tttt_bot',
      database: null,
      offsets: [90, 15],
    });
  });

  test('without a .env file the defaults apply', async () => {
    const run = await printConfig(null);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      port: 3000,
      logLevel: 'info',
      username: null,
      database: null,
      offsets: [120, 30],
    });
  });

  test('real environment variables win over the file, even when set to an empty string', async () => {
    const run = await printConfig(
      'PORT=4321\nLOG_LEVEL=debug\nTELEGRAM_BOT_TOKEN=123:abc\nTELEGRAM_BOT_USERNAME=from_file_bot\n',
      { PORT: '5555', TELEGRAM_BOT_USERNAME: '' },
    );
    assert.equal(run.code, 0, run.stderr);
    const config = JSON.parse(run.stdout);
    assert.equal(config.port, 5555);
    assert.equal(config.logLevel, 'debug', 'what the environment does not set still comes from the file');
    assert.equal(config.username, null, 'an empty real variable is still set: the file does not fill it');
  });

  test('an invalid value in .env gives the same readable error as in the environment, without the value', async () => {
    const secret = 'bi mat cua so!';
    const fromFile = await printConfig(
      `PORT=khong-phai-so\nTELEGRAM_BOT_TOKEN=123:abc\nTELEGRAM_WEBHOOK_URL=https://bot.example.vn/telegram/webhook\nTELEGRAM_WEBHOOK_SECRET="${secret}"\n`,
    );
    const fromEnv = await printConfig(null, {
      PORT: 'khong-phai-so',
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: secret,
    });
    assert.equal(fromFile.code, 1);
    assert.equal(fromFile.stderr, fromEnv.stderr);
    assert.match(
      fromFile.stderr,
      /^Invalid configuration:\n {2}- PORT: .+\n {2}- TELEGRAM_WEBHOOK_SECRET: 16–256 characters/,
    );
    assert.ok(!fromFile.stderr.includes(secret) && !fromFile.stderr.includes('123:abc'), 'no secret printed');
  });

  test('the service (src/main.ts) reads it too: a bad value in .env stops it with that error', async () => {
    const { cwd } = folderWith('CONSOLE=maybe\n');
    const run = await runNode(path.join(ROOT, 'src/main.ts'), [], { cwd, timeoutMs: 60_000 });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^Invalid configuration:\n {2}- CONSOLE: /);
  });

  test('a .env that cannot be read is a configuration error, not a crash', async () => {
    const { cwd, script } = folderWith(null);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(cwd, '.env'));
    const run = await runNode(script, [], { cwd });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^Invalid configuration:\n {2}- \.env: cannot read .*\.env \(EISDIR\)\n$/);
  });

  describe('the admin CLI', () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase();
    });
    after(async () => {
      await database.drop();
    });

    test('takes its database from .env', async () => {
      const dbEnv = databaseEnv(database);
      const { cwd } = folderWith(
        Object.entries(dbEnv)
          .map(([k, v]) => `${k}=${v}`)
          .join('\n'),
      );
      const run = await runNode(ADMIN, ['enterprises', 'list', '--json'], { cwd });
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), []);
    });

    test('an invalid .env value: the list of wrong fields, in Vietnamese, exit code 1', async () => {
      const { cwd } = folderWith('DATABASE_POOL_SIZE=0\n');
      const run = await runNode(ADMIN, ['enterprises', 'list'], { cwd });
      assert.equal(run.code, 1);
      assert.match(
        run.stderr,
        /^Cấu hình sai \(biến môi trường hoặc tệp \.env\):\n {2}- DATABASE_POOL_SIZE: /,
      );
    });
  });
});

after(removeTempDirs);
