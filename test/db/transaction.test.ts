/**
 * The pipelined transactions of the hot path (src/db/transaction.ts, src/db/client.ts) on a real PostgreSQL:
 * statements sent together after a lock still see what was committed before the lock was granted; the last writes
 * go out with COMMIT and a failing one leaves nothing behind; a connection that dies mid-transaction fails that
 * transaction (not the process) and the pool goes on.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { connectPostgres, type Database, openDatabase } from '../../src/db/client.ts';
import { rawStatement, rowsOf, runRaw } from '../../src/db/raw.ts';
import { inOrder, runTransaction } from '../../src/db/transaction.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LOCK = `select pg_advisory_xact_lock(hashtextextended('t:1', 0))`;

describe('pipelined transactions (PostgreSQL)', {
  skip: !process.env.DATABASE_URL && 'needs DATABASE_URL',
}, () => {
  let testDb: TestDatabase;
  let database: Database;
  let admin: postgres.Sql;
  const db = () => database.db;

  before(async () => {
    testDb = await createTestDatabase();
    database = await openDatabase({ url: testDb.url, maxConnections: 4 });
    admin = connectPostgres(testDb.url!, { max: 1 });
    await admin`create table t (k text primary key, v int not null)`;
  });
  after(async () => {
    await admin?.end();
    await database?.close();
    await testDb?.drop();
  });

  test('a read sent with the lock sees what the lock holder committed before granting it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const holder = runTransaction(db(), async (tx) => {
      await runRaw(tx, LOCK, []);
      await runRaw(tx, `insert into t (k, v) values ('seen', 1)`, []);
      await held;
      return { result: null };
    });
    await sleep(100);
    const reader = runTransaction(db(), async (tx) => {
      const [, rows] = await inOrder(
        runRaw(tx, LOCK, []),
        runRaw(tx, `select v from t where k = 'seen'`, []),
      );
      return { result: [...rows] };
    });
    await sleep(100);
    release();
    await holder;
    assert.deepEqual(await reader, [{ v: 1 }]);
  });

  test('the last writes commit together, or not at all', async () => {
    await runTransaction(db(), async (tx) => ({
      result: null,
      last: [
        rawStatement(tx, `insert into t (k, v) values ('a', 1)`, []),
        rawStatement(tx, `insert into t (k, v) values ('b', 2)`, []),
      ],
    }));
    await assert.rejects(
      runTransaction(db(), async (tx) => {
        await runRaw(tx, `insert into t (k, v) values ('c', 3)`, []);
        return {
          result: null,
          // The second conflicts with 'a': PostgreSQL rolls back, and says ROLLBACK to the COMMIT.
          last: [
            rawStatement(tx, `insert into t (k, v) values ('d', 4)`, []),
            rawStatement(tx, `insert into t (k, v) values ('a', 5)`, []),
          ],
        };
      }),
      /duplicate key/,
    );
    const rows = await admin<{ k: string }[]>`select k from t where k <> 'seen' order by k`;
    assert.deepEqual(
      rows.map((r) => r.k),
      ['a', 'b'],
    );
  });

  test('synchronous_commit can be turned off for one transaction', async () => {
    const inside = await runTransaction(
      db(),
      async (tx) => ({ result: [...(await runRaw(tx, 'show synchronous_commit', []))] }),
      { synchronousCommit: false },
    );
    assert.deepEqual(inside, [{ synchronous_commit: 'off' }]);
    const outside = [...rowsOf(await db().execute(sql`show synchronous_commit`))];
    assert.deepEqual(outside, [{ synchronous_commit: 'on' }]);
  });

  test('a connection killed mid-transaction fails that transaction, not the process; the pool goes on', async () => {
    await assert.rejects(
      runTransaction(db(), async (tx) => {
        const [row] = await runRaw(tx, 'select pg_backend_pid() as pid', []);
        await admin`select pg_terminate_backend(${Number(row!.pid)})`;
        await sleep(200);
        await runRaw(tx, 'select 1', []);
        return { result: null };
      }),
      (err: Error & { code?: string }) => err.code === 'CONNECTION_CLOSED',
    );
    for (let i = 0; i < 6; i++) {
      const rows = await runTransaction(db(), async (tx) => ({
        result: [...(await runRaw(tx, 'select 1 as one', []))],
      }));
      assert.deepEqual(rows, [{ one: 1 }]);
    }
  });
});
