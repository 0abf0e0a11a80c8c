import type { Channel } from '../messages.ts';
import type { Db } from './client.ts';
import type { LastStatement } from './transaction.ts';

/**
 * Statements of the hot path (an update recorded, its turn, its reply sent) written out once as SQL with $1…
 * parameters and run as they are, on either driver: building them with drizzle on every call cost more CPU than
 * PostgreSQL spent running them. Parameters are passed as text, numbers or JSON text, with casts in the SQL, so both
 * drivers send them the same way; rows come back as objects keyed by column name (timestamps may be strings or
 * Dates, 64-bit integers strings or numbers: the callers convert).
 */
export type Row = Record<string, unknown>;

interface PostgresClient {
  unsafe(text: string, params: unknown[], options: { prepare: boolean }): PromiseLike<Row[]>;
}
interface PgliteClient {
  query(text: string, params: unknown[]): Promise<{ rows: Row[] }>;
}

/** drizzle's client under a database or transaction: postgres.js (`unsafe`) or PGlite (`query`). */
function clientOf(db: Db): PostgresClient | PgliteClient {
  return (db as unknown as { session: { client: PostgresClient | PgliteClient } }).session.client;
}

export function runRaw(db: Db, text: string, params: unknown[]): Promise<Row[]> {
  const client = clientOf(db);
  if ('unsafe' in client) return Promise.resolve(client.unsafe(text, params, { prepare: params.length > 0 }));
  return client.query(text, params).then((r) => r.rows);
}

/** A raw write for the end of a transaction (runTransaction's `last`): unexecuted until awaited or sent. */
export function rawStatement(db: Db, text: string, params: unknown[]): LastStatement {
  let running: Promise<Row[]> | undefined;
  return {
    toSQL: () => ({ sql: text, params }),
    // biome-ignore lint/suspicious/noThenProperty: a statement is awaited like drizzle's builders
    then(onFulfilled, onRejected) {
      running ??= runRaw(db, text, params);
      return running.then(onFulfilled, onRejected);
    },
  };
}

/** The rows of drizzle's `db.execute()`: postgres.js answers an array of rows, PGlite `{ rows }`. */
export const rowsOf = <T = Row>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/** A channel column read raw: only Channel values are ever written to one (the schema types them so). */
export const toChannel = (v: unknown): Channel => String(v) as Channel;
export const toDate = (v: unknown): Date | null =>
  v === null || v === undefined ? null : new Date(v as string);
/** A `date` column: PGlite gives a Date at UTC midnight, postgres.js (under drizzle) the text. */
export const toDay = (v: unknown): string =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
export const toJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
