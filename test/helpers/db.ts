import { createHash, randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { connectPostgres, type Database, type Db, openDatabase } from '../../src/db/client.ts';
import * as schema from '../../src/db/schema.ts';

export interface TestDatabase {
  /** PostgreSQL URL of a fresh database, or undefined for embedded PGlite. */
  url?: string;
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A fresh database per test file: on the PostgreSQL of DATABASE_URL when set (empty: whoever opens it migrates it),
 * else a PGlite data folder already migrated, copied from the template (see pgliteTemplate).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    // A folder, not memory://, so a test can restart the service on the same data.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tet-bot-pglite-'));
    cpSync((await pgliteTemplate()).dataDir, dataDir, { recursive: true });
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

export interface OpenTestDatabase extends Database {
  /** Closes the database and drops it (PostgreSQL) or lets it go (PGlite in memory). */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database, open: a new database on the PostgreSQL of DATABASE_URL, opened as the service opens
 * it; else PGlite in memory, loaded from the migrated template (no folder: it cannot be reopened after close).
 */
export async function openTestDatabase(options: { maxConnections?: number } = {}): Promise<OpenTestDatabase> {
  if (!process.env.DATABASE_URL) return leasePglite();
  const test = await createTestDatabase();
  const database = await openDatabase({ url: test.url, maxConnections: options.maxConnections });
  return Object.assign(database, {
    async dispose() {
      await database.close();
      await test.drop();
    },
  });
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** The fast tier's one PGlite per process (scripts/test-worker.ts), and whether a test file holds it now. */
let shared: { database: Promise<Database>; leased: boolean } | undefined;
let sharing = false;

/** From now on, openTestDatabase() hands out one in-memory PGlite, emptied for each caller (one at a time). */
export function shareOnePglite(): void {
  sharing = true;
}

/** Closes the shared PGlite (an open one keeps the process alive). */
export async function closeSharedPglite(): Promise<void> {
  const database = shared?.database;
  shared = undefined;
  sharing = false;
  if (database) await (await database).close();
}

/**
 * PGlite in memory from the template's tarball: a new one (about 1–1.5 s of CPU), or, in a fast-tier process, the
 * shared one when no other test file holds it, emptied first: every table truncated and its ids restarted, which is
 * the template's state (the migrations create tables and nothing else), and no session lock left behind.
 */
async function leasePglite(): Promise<OpenTestDatabase> {
  const tarball = async () => readFileSync((await pgliteTemplate()).tarball);
  if (!sharing || shared?.leased) {
    const own = await openPgliteInMemory(await tarball());
    return Object.assign(own, { dispose: () => own.close() });
  }
  const lease = shared ?? { database: tarball().then(openPgliteInMemory), leased: false };
  shared = lease;
  lease.leased = true;
  const database = await lease.database;
  await emptyDatabase(database.db);
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    lease.leased = false;
  };
  // close() too only hands it back: the next test file gets it.
  return { ...database, close: release, dispose: release };
}

async function emptyDatabase(db: Db): Promise<void> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select format('%I.%I', schemaname, tablename) as name from pg_tables
      where schemaname = 'public'`),
  ).map((t) => t.name);
  await db.execute(sql`select pg_advisory_unlock_all()`);
  if (tables.length)
    await db.execute(sql.raw(`truncate table ${tables.join(', ')} restart identity cascade`));
}

const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/**
 * PGlite as src/db/client.ts opens it (drizzle with the schema and snake_case, the migrations applied: none are
 * left on a template), but in memory and started from a data folder's tarball instead of an empty cluster.
 */
async function openPgliteInMemory(tarball: Buffer): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = new PGlite('memory://', { loadDataDir: new Blob([tarball]) });
  await client.waitReady;
  const db = drizzle(client, { schema, casing: 'snake_case' });
  await migrate(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    ping: () =>
      client.query('select 1').then(
        () => true,
        () => false,
      ),
    close: () => client.close(),
  };
}

/** What a template depends on: the migrations and the PGlite build (its data format). */
function templateKey(): string {
  const hash = createHash('sha256');
  const files = readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort();
  for (const file of files) {
    // The SQL and the journal are what migrate() applies; the snapshots are drizzle-kit's own.
    if (!file.endsWith('.sql') && file !== path.join('meta', '_journal.json')) continue;
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(migrationsFolder, file)))
      .update('\0');
  }
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = JSON.parse(readFileSync(path.join(path.dirname(pglite), '..', 'package.json'), 'utf8'));
  hash.update(String(manifest.version));
  return hash.digest('hex').slice(0, 16);
}

export interface PgliteTemplate {
  /** A migrated PGlite data folder, never opened once built: copy it. */
  dataDir: string;
  /** The same cluster as PGlite's dumpDataDir() tarball, for `loadDataDir`. */
  tarball: string;
}

let template: Promise<PgliteTemplate> | undefined;

/**
 * A migrated PGlite cluster, built once per machine for a set of migrations and a PGlite version, in the system's
 * temporary folder. A new cluster costs 4–8 s (initdb in WebAssembly); a copy of this one opens in about 0.5 s, and
 * opening it still runs the migrations. Built under a temporary name and renamed into place, so a half-built
 * template is never used and two processes building at once both succeed (the slower one's copy is thrown away).
 */
export function pgliteTemplate(): Promise<PgliteTemplate> {
  template ??= (async () => {
    const root = path.join(tmpdir(), `tet-bot-pglite-template-${templateKey()}`);
    const made = { dataDir: path.join(root, 'data'), tarball: path.join(root, 'data.tar') };
    if (existsSync(made.tarball)) return made;
    mkdirSync(path.dirname(root), { recursive: true });
    const building = mkdtempSync(`${root}.building-`);
    try {
      const { PGlite } = await import('@electric-sql/pglite');
      const { drizzle } = await import('drizzle-orm/pglite');
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      const client = new PGlite(path.join(building, 'data'));
      await client.waitReady;
      await migrate(drizzle(client, { schema, casing: 'snake_case' }), { migrationsFolder });
      const tarball = await client.dumpDataDir('none');
      await client.close();
      writeFileSync(path.join(building, 'data.tar'), Buffer.from(await tarball.arrayBuffer()));
      renameSync(building, root);
    } catch (err) {
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(made.tarball)) throw err;
    }
    return made;
  })();
  return template;
}
