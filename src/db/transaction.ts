import type { Db } from './client.ts';

/**
 * A write built on the transaction but not awaited: drizzle's insert, update and delete builders. It runs at the
 * end of the transaction, in order, and its result is not needed.
 */
export interface LastStatement extends PromiseLike<unknown> {
  toSQL(): { sql: string; params: unknown[] };
  /** Given the statement's rows once the transaction has committed (never for a transaction rolled back). */
  onCommitted?(rows: Record<string, unknown>[]): void;
}

export interface TransactionOutcome<T> {
  result: T;
  /** Writes to run last, just before COMMIT (on PostgreSQL they go out with it, in one round trip). */
  last?: (LastStatement | null | undefined)[];
}

export interface TransactionOptions {
  /**
   * false: COMMIT returns before its WAL record is on disk (PostgreSQL's `synchronous_commit = off` for this
   * transaction). Only for work that is redone if a database crash loses it; see the inbox.
   */
  synchronousCommit?: boolean;
  /**
   * Several independent flows share the transaction (a batch of turns): statements are sent in waves, each wave
   * once everything sent before it has answered, so the flows' next statements go out together in one write
   * instead of one write each (PostgreSQL runs them in order either way).
   */
  inWaves?: boolean;
}

export type TransactionRunner = <T>(
  fn: (tx: Db) => Promise<TransactionOutcome<T>>,
  options?: TransactionOptions,
) => Promise<T>;

const runners = new WeakMap<object, TransactionRunner>();

/** Installs the driver's own runner for `db` (PostgreSQL pipelines BEGIN and COMMIT with the first and last writes). */
export function registerTransactionRunner(db: Db, runner: TransactionRunner): void {
  runners.set(db, runner);
}

/**
 * Runs `fn` in a transaction and then its `last` writes, all or nothing. On PostgreSQL, BEGIN goes out with the
 * first statements `fn` sends and COMMIT with the last writes, so a short transaction costs the round trips of its
 * reads and writes only; elsewhere (PGlite, a transaction already open) it is an ordinary drizzle transaction.
 */
export function runTransaction<T>(
  db: Db,
  fn: (tx: Db) => Promise<TransactionOutcome<T>>,
  options?: TransactionOptions,
): Promise<T> {
  const runner = runners.get(db);
  if (runner) return runner(fn, options);
  // PGlite (one embedded process, nothing to wait for) and nested use: an ordinary transaction.
  return db
    .transaction(async (tx) => {
      const { result, last = [] } = await fn(tx as unknown as Db);
      const committed: [LastStatement, unknown][] = [];
      for (const statement of last) if (statement) committed.push([statement, await statement]);
      return { result, committed };
    })
    .then(({ result, committed }) => {
      for (const [statement, rows] of committed) notifyCommitted(statement, rows);
      return result;
    });
}

/**
 * Hands a committed statement its rows (postgres.js answers an array of rows, PGlite `{ rows }`). The transaction
 * has committed: nothing thrown here may make its caller think otherwise (and redo it).
 */
export function notifyCommitted(statement: LastStatement, result: unknown): void {
  if (!statement.onCommitted) return;
  const rows = Array.isArray(result) ? result : ((result as { rows?: unknown[] } | null)?.rows ?? []);
  try {
    statement.onCommitted(rows as Record<string, unknown>[]);
  } catch {
    // The callback's own failure is its own (the inbox's hand-off only collects rows).
  }
}

/**
 * Starts the statements in this order without waiting for one to finish before sending the next (on PostgreSQL they
 * go out in one write and run one after another), and waits for all. A lock followed by the reads it protects costs
 * one round trip, and the reads still see everything committed before the lock was granted.
 */
export function inOrder<T extends readonly PromiseLike<unknown>[]>(
  ...statements: T
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  // `.then` is called here, one statement after the other, so each is handed to the driver in this order (drizzle's
  // builders reach postgres.js synchronously from `.then`).
  return Promise.all(statements.map((s) => s.then((x) => x))) as Promise<{
    -readonly [K in keyof T]: Awaited<T[K]>;
  }>;
}
