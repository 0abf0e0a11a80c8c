/**
 * The service started against a database it cannot use: it stops within ~10 s with one message naming the cause,
 * in Vietnamese and English, exit code 1, and never prints the password.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DatabaseConnectError, openDatabase } from '../../src/db/client.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PASSWORD = 'MatKhau-Rat-Bi-Mat-2024';
const base = process.env.DATABASE_URL;

/** A URL on the test server with some parts replaced (and a password that must never be printed). */
function variant(change: { user?: string; database?: string }): string {
  const url = new URL(base!);
  if (change.user) url.username = change.user;
  url.password = PASSWORD;
  if (change.database) url.pathname = `/${change.database}`;
  return url.toString();
}

interface Run {
  code: number | null;
  stderr: string;
  stdout: string;
  seconds: number;
}

function startService(databaseUrl: string): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        CONSOLE: 'off',
        LOG_LEVEL: 'info',
        DATABASE_URL: databaseUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function check(run: Run, cause: { vi: RegExp; en: RegExp; target: string }): void {
  const context = `stderr: ${run.stderr}\nstdout: ${run.stdout}\n(${run.seconds} s)`;
  assert.equal(run.code, 1, context);
  assert.ok(run.seconds < 15, `gave up after ${run.seconds} s`);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one message: ${context}`);
  const [line] = lines;
  assert.match(
    line!,
    new RegExp(`^Không kết nối được cơ sở dữ liệu ${cause.target.replace(/\./g, '\\.')} \\(`),
  );
  assert.match(
    line!,
    new RegExp(`/ Cannot connect to the database ${cause.target.replace(/\./g, '\\.')} \\(`),
  );
  assert.match(line!, cause.vi, context);
  assert.match(line!, cause.en, context);
  assert.doesNotMatch(line!, /Failed query|CREATE SCHEMA/);
  assert.ok(!(run.stderr + run.stdout).includes(PASSWORD), 'the password is not printed');
  process.stdout.write(`${cause.target}: exit ${run.code} after ${run.seconds.toFixed(1)} s\n`);
}

describe('start-up against a database it cannot use', () => {
  test('an unroutable host: gives up after 10 s (timeout)', async () => {
    const run = await startService(`postgres://postgres:${PASSWORD}@10.255.255.1:5432/tet_bot`);
    check(run, {
      target: '10.255.255.1:5432',
      vi: /hết thời gian chờ 10 s/,
      en: /timed out after 10 s/,
    });
    assert.ok(run.seconds >= 9, `waited the timeout, not less (${run.seconds} s)`);
  });

  test('connection refused (port 1)', async () => {
    const run = await startService(`postgres://postgres:${PASSWORD}@127.0.0.1:1/tet_bot`);
    check(run, { target: '127.0.0.1:1', vi: /máy chủ từ chối kết nối/, en: /connection refused/ });
  });

  test('a database that does not exist (3D000)', { skip: !base && 'needs DATABASE_URL' }, async () => {
    const url = variant({ database: 'khong_co_csdl_nay' });
    const run = await startService(url);
    const { hostname, port } = new URL(url);
    check(run, {
      target: `${hostname}:${port || 5432}`,
      vi: /cơ sở dữ liệu "khong_co_csdl_nay" không tồn tại/,
      en: /database "khong_co_csdl_nay" does not exist/,
    });
  });

  test('a role that does not exist (28000)', { skip: !base && 'needs DATABASE_URL' }, async () => {
    const url = variant({ user: 'khong_co_nguoi_nay' });
    const run = await startService(url);
    const { hostname, port } = new URL(url);
    check(run, {
      target: `${hostname}:${port || 5432}`,
      vi: /người dùng \(role\) "khong_co_nguoi_nay" không tồn tại/,
      en: /role "khong_co_nguoi_nay" does not exist/,
    });
  });
});

describe('openDatabase in-process', () => {
  test('a bounded connect: rejects with DatabaseConnectError after its timeout and leaves nothing running', async () => {
    const started = Date.now();
    const err = await openDatabase({
      url: `postgres://postgres:${PASSWORD}@10.255.255.1:5432/tet_bot`,
      connectTimeoutSeconds: 1,
    }).then(
      () => assert.fail('connected to an unroutable host'),
      (e: unknown) => e,
    );
    const seconds = (Date.now() - started) / 1000;
    assert.ok(err instanceof DatabaseConnectError, String(err));
    assert.equal(err.reason, 'timeout');
    assert.ok(seconds < 5, `${seconds} s`);
    assert.ok(!err.message.includes(PASSWORD));
    // If the driver were still reconnecting, this file would never end: node --test would time out.
  });
});
