import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '../../src/db/client.ts';
import type { TestDatabase } from '../helpers/db.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ADMIN = path.join(ROOT, 'scripts/admin.ts');
/** tsx's loader by absolute URL: the children run in temporary folders, where `--import tsx` would not resolve. */
export const TSX = import.meta.resolve('tsx');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A child environment with nothing of this process's configuration: only what a shell needs, plus `env`. */
export function childEnv(env: Record<string, string | undefined> = {}): Record<string, string> {
  const base: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: process.env.TZ,
    LANG: process.env.LANG,
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...base, ...env })) if (v !== undefined) out[k] = v;
  return out;
}

/** Runs `node --import tsx <script> …args` and collects its output. */
export function runNode(
  script: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, script, ...args], {
      cwd: options.cwd,
      env: childEnv(options.env),
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
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The environment that points the CLI at the throwaway database (PostgreSQL, or a PGlite folder). */
export function databaseEnv(test: TestDatabase): Record<string, string> {
  return test.url ? { DATABASE_URL: test.url } : { PGLITE_DIR: test.dataDir };
}

/** The admin CLI as a person runs it, in its own process, from a temporary working directory. */
export function admin(
  test: TestDatabase,
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<RunResult> {
  return runNode(ADMIN, args, {
    cwd: options.cwd ?? tempDir(),
    env: { ...databaseEnv(test), ...options.env },
  });
}

const made: string[] = [];

export function tempDir(prefix = 'tet-admin-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made in this process. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Opens the throwaway database for a moment and closes it again: embedded PGlite allows one process at a time, and
 * the CLI runs in its own.
 */
export async function withDatabase<T>(
  test: TestDatabase,
  fn: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openDatabase({ url: test.url, dataDir: test.dataDir, maxConnections: 1 });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
