import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectPostgres } from '../../src/db/client.ts';

export interface TestDatabase {
  /** PostgreSQL URL of a fresh database, or undefined for embedded PGlite in memory. */
  url?: string;
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh, empty database per test file: on the PostgreSQL of DATABASE_URL when set, else PGlite in memory. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    // A folder, not memory://, so a test can restart the service on the same data.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tet-bot-pglite-'));
    return { dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = connectPostgres(base, { max: 1 });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir: 'memory://',
    async drop() {
      const a = connectPostgres(base, { max: 1 });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
