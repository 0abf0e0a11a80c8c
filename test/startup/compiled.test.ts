/**
 * `npm start` runs compiled JavaScript (scripts/build.ts, run by `prestart`): every data/ and drizzle/ path still
 * resolves from the output folder, the compiled service starts (on PGlite with nothing configured but the port),
 * and a PostgreSQL + Telegram deployment never loads what it does not use: PGlite, exceljs, docx, mammoth, axios.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildDist } from '../../scripts/build.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LAZY = ['@electric-sql/pglite', 'exceljs', 'docx', 'mammoth', 'axios'];

/** Runs `node <args>` until /healthz answers 200, then SIGTERM; returns its output and the exit code. */
async function runUntilHealthy(
  args: string[],
  env: Record<string, string>,
): Promise<{ output: string; code: number | null }> {
  const port = 41_000 + Math.floor(Math.random() * 4000);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn', ...env },
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
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`never healthy:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGTERM');
    return { output, code: await exited };
  } finally {
    child.kill('SIGKILL');
  }
}

describe('the compiled service (npm start)', () => {
  const outDir = path.join(ROOT, `.dist-test-${randomBytes(4).toString('hex')}`);
  const hook = path.join(outDir, 'loaded-packages-hook.mjs');

  before(async () => {
    await buildDist(outDir);
    // A module hook that names every package the process loads, on stderr.
    writeFileSync(
      path.join(outDir, 'loaded-packages.mjs'),
      `export async function resolve(specifier, context, next) {
        const r = await next(specifier, context);
        const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(r.url);
        if (m) process.stderr.write('LOADED ' + m[1] + '\\n');
        return r;
      }\n`,
    );
    writeFileSync(
      hook,
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(outDir, 'loaded-packages.mjs')).href)});\n`,
    );
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  test('every file path of the compiled modules (data/, drizzle/, the board’s static files) exists', () => {
    const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    let checked = 0;
    for (const file of files) {
      const source = readFileSync(path.join(outDir, file), 'utf8');
      for (const m of source.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)) {
        const target = fileURLToPath(new URL(m[1]!, pathToFileURL(path.join(outDir, file))));
        assert.doesNotThrow(() => readdirSync(path.dirname(target)), `${file}: ${m[1]}`);
        assert.ok(
          readdirSync(path.dirname(target)).includes(path.basename(target)) || target.endsWith(path.sep),
          `${file}: ${m[1]} → ${target} is missing`,
        );
        checked++;
      }
    }
    assert.ok(checked >= 7, `found ${checked} paths`);
  });

  test('starts on embedded PGlite with nothing configured, and stops on SIGTERM', async () => {
    const { output, code } = await runUntilHealthy([path.join(outDir, 'main.js')], {
      CONSOLE: 'off',
      PGLITE_DIR: 'memory://',
    });
    assert.equal(code, 0, output);
  });

  test('with PostgreSQL and Telegram only, PGlite, exceljs, docx, mammoth and axios are never loaded', {
    skip: !process.env.DATABASE_URL && 'needs DATABASE_URL',
  }, async () => {
    const fake = await startFakeTelegram();
    const database = await createTestDatabase();
    try {
      const { output, code } = await runUntilHealthy(['--import', hook, path.join(outDir, 'main.js')], {
        DATABASE_URL: database.url!,
        ...telegramEnv(fake),
      });
      assert.equal(code, 0, output);
      const loaded = new Set([...output.matchAll(/^LOADED (.+)$/gm)].map((m) => m[1]));
      assert.ok(loaded.has('postgres') && loaded.has('telegraf'), [...loaded].join(', '));
      for (const name of LAZY) assert.ok(!loaded.has(name), `${name} was loaded`);
    } finally {
      await fake.close();
      await database.drop();
    }
  });
});
