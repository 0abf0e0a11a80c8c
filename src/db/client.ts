import { mkdirSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { describeError } from '../logger.ts';
import { t } from '../texts/index.ts';
import * as schema from './schema.ts';
import {
  notifyCommitted,
  registerTransactionRunner,
  type TransactionOptions,
  type TransactionOutcome,
  type TransactionRunner,
} from './transaction.ts';

export type Schema = typeof schema;
/** Either driver's database, or a transaction on it: query modules take this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent, embedded PGlite in `dataDir` (or in memory when `dataDir` is 'memory://'). */
  url?: string;
  dataDir?: string;
  maxConnections?: number;
  /** How long the first connection may take before start-up gives up (default 10 s). */
  connectTimeoutSeconds?: number;
  /** Watches what the PostgreSQL driver sends (tests count the hot path's statements and round trips). */
  observer?: DriverObserver;
}

/** What the PostgreSQL driver sends, as it sends it. Not used with PGlite (no network). */
export interface DriverObserver {
  /** Each statement, with its SQL text (BEGIN and COMMIT included). */
  statement?(text: string): void;
  /**
   * Each round trip: a write to a connection after its last answer arrived. Statements sent together (pipelined)
   * share one; a statement the driver must describe before it can bind (not prepared yet) costs two.
   */
  roundTrip?(): void;
}

const CONNECT_TIMEOUT_SECONDS = 10;

/**
 * Opens the database and applies the committed migrations. A database that cannot be reached or used fails within
 * the connect timeout with a DatabaseConnectError naming the cause; a migration that fails, with a
 * DatabaseMigrationError. Neither message holds the password, the SQL or its parameters.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.url
    ? await openPostgres(
        options.url,
        options.maxConnections ?? 10,
        options.connectTimeoutSeconds ?? CONNECT_TIMEOUT_SECONDS,
        options.observer,
      )
    : await openPglite(options.dataDir ?? '.data/pglite');
  try {
    await database.migrate();
  } catch (err) {
    await database.close().catch(() => undefined);
    throw new DatabaseMigrationError(database.target, err);
  }
  return database;
}

export type ConnectFailure =
  | 'timeout'
  | 'refused'
  | 'host-not-found'
  | 'unreachable'
  | 'closed'
  | 'no-database'
  | 'no-role'
  | 'password'
  | 'not-allowed'
  | 'unavailable'
  | 'other';

/** The first connection failed: `reason` says why; the message says it in Vietnamese and English, one line. */
export class DatabaseConnectError extends Error {
  override name = 'DatabaseConnectError';
  constructor(
    readonly reason: ConnectFailure,
    readonly target: string,
    cause: { vi: string; en: string },
    readonly code?: string,
  ) {
    super(t.dbConnectFailed(target, cause));
  }
}

export class DatabaseMigrationError extends Error {
  override name = 'DatabaseMigrationError';
  readonly code?: string | number;
  constructor(target: string, err: unknown) {
    const why = describeError(err);
    super(t.dbMigrationFailed(target, why));
    const code = (err as { code?: unknown }).code ?? (err as { cause?: { code?: unknown } }).cause?.code;
    if (typeof code === 'string' || typeof code === 'number') this.code = code;
  }
}

/**
 * A postgres.js client that also understands libpq's `?host=/var/run/postgresql` for a Unix socket: on one machine
 * a socket costs about half of TCP loopback per statement, and sending dominates the service's CPU profile.
 */
export function connectPostgres(
  url: string,
  options: postgres.Options<Record<string, never>> = {},
): postgres.Sql {
  const parsed = new URL(url);
  const socketDir = parsed.searchParams.get('host');
  const socket = socketDir?.startsWith('/') ? socketDir : undefined;
  if (socket) parsed.searchParams.delete('host');
  return postgres(parsed.toString(), { onnotice: () => {}, ...options, ...(socket ? { host: socket } : {}) });
}

type Opened = Database & { migrate(): Promise<void>; target: string };

async function openPostgres(
  url: string,
  max: number,
  timeoutSeconds: number,
  observer?: DriverObserver,
): Promise<Opened> {
  const { drizzle, PostgresJsSession, PostgresJsTransaction } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const raw = connectPostgres(url, {
    max,
    connect_timeout: timeoutSeconds,
    ...(observer?.statement ? { debug: (_c: number, text: string) => observer.statement?.(text) } : {}),
    // `socket` is a postgres.js option its type declarations leave out.
    ...((observer?.roundTrip ? { socket: observedSocket(observer.roundTrip) } : {}) as object),
  });
  const target = targetOf(raw.options);
  await firstConnection(raw, target, timeoutSeconds);
  const db = drizzle(preparing(raw), { schema, casing: 'snake_case' });
  // drizzle's own parts, to put a transaction on a connection this module reserved (see pipelinedTransactions).
  const parts = db as unknown as {
    dialect: ConstructorParameters<typeof PostgresJsSession>[1];
    _: { schema: ConstructorParameters<typeof PostgresJsSession>[2] };
    session: { options: ConstructorParameters<typeof PostgresJsSession>[3] };
  };
  registerTransactionRunner(
    db as unknown as Db,
    pipelinedTransactions(raw, (client) => {
      // A transaction on a reserved connection: no savepoints (nothing in a turn nests transactions).
      const session = new PostgresJsSession(client, parts.dialect, parts._.schema, parts.session.options);
      return new PostgresJsTransaction(parts.dialect, session as never, parts._.schema) as unknown as Db;
    }),
  );
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    target,
    migrate: () => migrate(db, { migrationsFolder }),
    ping: async () => {
      try {
        await raw`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    close: () => raw.end({ timeout: 5 }),
  };
}

/**
 * Statements with more parameters than this are not kept prepared: bulk inserts and id lists, whose text changes
 * with their length, would each leave a prepared statement (and a cached plan) on every pooled connection. The hot
 * path's statements have at most a dozen.
 */
const PREPARE_MAX_PARAMETERS = 16;

const CONNECTION_ERRORS = new Set(['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECTION_ENDED']);
const endedError = () =>
  Object.assign(new Error('a statement was started after its transaction had ended'), {
    code: 'TRANSACTION_ENDED',
  });
const closedError = () =>
  Object.assign(new Error('the database connection closed during the transaction'), {
    code: 'CONNECTION_CLOSED',
  });

/**
 * The client drizzle gets: its statements run as named prepared statements (drizzle asks postgres.js for unnamed
 * ones, which postgres.js first describes and then binds: two round trips each, and nothing can be pipelined
 * behind them). A prepared statement costs one round trip, is parsed once per connection, and several can be
 * sent at once. Statements with many parameters stay unnamed, so bulk inserts do not pile up in the cache.
 */
function preparing(sql: postgres.Sql, usable?: () => void, waves?: Waves): postgres.Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, args?: unknown[], options?: postgres.UnsafeQueryOptions) => {
          usable?.();
          const prepare = !!args && args.length > 0 && args.length <= PREPARE_MAX_PARAMETERS;
          const pending = target.unsafe(
            query,
            args as never,
            prepare ? { ...options, prepare: true } : options,
          );
          return waves ? waves.hold(pending) : pending;
        };
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: postgres.Sql) => unknown;
          const method = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[property]!;
          return method(...args, (tx: postgres.Sql) => fn(preparing(tx)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * Sends a transaction's statements in waves (TransactionOptions.inWaves): a statement started while others are in
 * flight waits until all of them have answered, and then goes out with every other statement started meanwhile.
 * postgres.js runs a query when it is awaited (its `then`), so holding `then` holds the query.
 */
class Waves {
  private inFlight = 0;
  private readonly held: { start: () => void; fail: (err: Error) => void }[] = [];
  private flushing = false;
  private started = false;
  private closed: Error | undefined;

  /** The transaction is over: what is still held is never sent (it fails with `reason`), nor anything later. */
  close(reason: Error): void {
    this.closed ??= reason;
    for (const { fail } of this.held.splice(0)) fail(reason);
  }

  hold<Q extends object>(query: Q): Q {
    const waves = this;
    return new Proxy(query, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (property === 'then') {
          return (onFulfilled?: (v: unknown) => unknown, onRejected?: (e: unknown) => unknown) =>
            new Promise((resolve, reject) => {
              if (waves.closed) {
                reject(waves.closed);
                return;
              }
              waves.held.push({
                start: () => {
                  waves.inFlight++;
                  (value as PromiseLike<unknown>['then'])
                    .call(target, resolve, reject)
                    .then(() => waves.answered());
                },
                fail: reject,
              });
              waves.flushSoon();
            }).then(onFulfilled, onRejected);
        }
        // `values()`, `raw()` … return the query itself, which must stay held.
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            const result = (value as (...a: unknown[]) => unknown).apply(target, args);
            return result === target ? waves.hold(target) : result;
          };
        }
        return value;
      },
    });
  }

  private answered(): void {
    this.inFlight--;
    this.flushSoon();
  }

  /**
   * The first wave as soon as the statements started together are held (it then goes out with BEGIN); later ones
   * after the microtasks that follow an answer (the flows' next statements), if nothing is in flight.
   */
  private flushSoon(): void {
    if (this.flushing || this.inFlight > 0 || this.held.length === 0) return;
    this.flushing = true;
    const flush = () => {
      this.flushing = false;
      if (this.inFlight > 0 || this.closed) return;
      for (const { start } of this.held.splice(0)) start();
    };
    if (this.started) setImmediate(flush);
    else {
      this.started = true;
      queueMicrotask(flush);
    }
  }
}

/**
 * Transactions on a reserved connection with BEGIN sent together with the first statements and COMMIT together
 * with the last writes (postgres.js sends what is queued in one tick as one write; PostgreSQL runs it in order).
 * Reads after a lock still see everything committed before the lock was granted: each statement takes its
 * snapshot when it starts, after the one before it finished. A failed last write aborts the transaction, and
 * PostgreSQL then answers the COMMIT with ROLLBACK, which is reported as that failure.
 */
function pipelinedTransactions(
  raw: postgres.Sql,
  transactionOn: (client: postgres.Sql) => Db,
): TransactionRunner {
  return async <T>(
    fn: (tx: Db) => Promise<TransactionOutcome<T>>,
    options?: TransactionOptions,
  ): Promise<T> => {
    const reserved = await raw.reserve();
    let closed = false;
    /** Set once `fn` has settled: a statement started after that (a stray async branch) must not reach the
     * connection, which is rolled back or committed and then handed to someone else. */
    let ended = false;
    const usable = () => {
      if (closed) throw closedError();
      if (ended) throw endedError();
    };
    const waves = options?.inWaves ? new Waves() : undefined;
    const noteClosed = (err: unknown) => {
      if (CONNECTION_ERRORS.has((err as { code?: string })?.code ?? '')) closed = true;
      return err;
    };
    const onClose = () => {
      closed = true;
    };
    let connection: { onclose?: (() => void) | null } | undefined;
    try {
      // postgres.js hands its connection object to `onexecute`; the connection's `onclose` is called if it closes
      // while reserved, after which nothing may be sent on it (postgres.js would write to a dead socket). BEGIN
      // and the setting go as one simple-protocol message: the setting costs no statement of its own.
      const begin = reserved
        .unsafe(
          options?.synchronousCommit === false ? 'begin; set local synchronous_commit to off' : 'begin',
          [],
          {
            onexecute: (c: { onclose?: (() => void) | null }) => {
              connection = c;
              c.onclose = onClose;
              return true;
            },
          } as postgres.UnsafeQueryOptions,
        )
        .execute();
      let outcome: TransactionOutcome<T>;
      try {
        try {
          outcome = await fn(transactionOn(preparing(reserved, usable, waves)));
        } finally {
          ended = true;
          waves?.close(endedError());
        }
        await begin;
      } catch (err) {
        noteClosed(err);
        await Promise.resolve(begin).catch(() => undefined);
        if (!closed) await reserved.unsafe('rollback').catch((e: unknown) => noteClosed(e));
        throw err;
      }
      if (closed) throw closedError();
      const last = (outcome.last ?? []).flatMap((statement) => {
        if (!statement) return [];
        const { sql, params } = statement.toSQL();
        const prepare = params.length > 0 && params.length <= PREPARE_MAX_PARAMETERS;
        return [reserved.unsafe(sql, params as never, { prepare }).execute()];
      });
      const commit = reserved.unsafe('commit').execute();
      const settled = await Promise.allSettled([...last, commit]);
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw noteClosed(failed.reason);
      const command = (settled.at(-1) as PromiseFulfilledResult<{ command?: string }>).value.command;
      if (command !== 'COMMIT') throw new Error(`the transaction ended with ${command ?? 'no answer'}`);
      const sent = (outcome.last ?? []).filter((statement) => !!statement);
      for (const [i, statement] of sent.entries()) {
        notifyCommitted(statement, (settled[i] as PromiseFulfilledResult<unknown>).value);
      }
      return outcome.result;
    } finally {
      if (connection?.onclose === onClose) connection.onclose = null;
      if (!closed) reserved.release();
    }
  };
}

/**
 * A socket factory for postgres.js that counts round trips: the first write after an answer (or the first write
 * of the connection) starts one. postgres.js coalesces the messages it sends in one tick into one write.
 */
function observedSocket(roundTrip: () => void) {
  return (options: { path?: string | false; host: string[]; port: number[] }) =>
    new Promise<import('node:net').Socket>((resolve, reject) => {
      const socket =
        typeof options.path === 'string' && options.path
          ? netConnect(options.path)
          : netConnect(options.port[0] ?? 5432, options.host[0] ?? 'localhost');
      let waiting = false;
      socket.on('data', () => {
        waiting = false;
      });
      const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
      socket.write = ((...args: unknown[]) => {
        if (!waiting) {
          waiting = true;
          roundTrip();
        }
        return write(...args);
      }) as typeof socket.write;
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(socket);
      });
      socket.once('error', reject);
    });
}

/**
 * Waits for one working connection, at most `timeoutSeconds`. postgres.js's own connect_timeout does not bound
 * every case: a peer that accepts the TCP connection and closes it (a proxy, a port that is not PostgreSQL) makes it
 * reconnect for ever. On failure the client is ended, so nothing keeps retrying in the background.
 */
async function firstConnection(client: postgres.Sql, target: string, timeoutSeconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = Symbol('timeout');
  try {
    const result = await Promise.race([
      client`select 1`.then(() => undefined),
      new Promise<typeof timedOut>((resolve) => {
        timer = setTimeout(() => resolve(timedOut), timeoutSeconds * 1000);
      }),
    ]);
    if (result === timedOut) throw Object.assign(new Error('connect timeout'), { code: 'CONNECT_TIMEOUT' });
  } catch (err) {
    await client.end({ timeout: 0 }).catch(() => undefined);
    throw connectError(err, target, timeoutSeconds, client.options.user);
  } finally {
    clearTimeout(timer);
  }
}

/** host:port (several for a multi-host URL) or the Unix socket, never the user or the password. */
function targetOf(options: postgres.Sql['options']): string {
  const {
    host,
    port,
    path: socket,
  } = options as unknown as { host: string[]; port: number[]; path?: string };
  if (typeof socket === 'string' && socket) return socket;
  return host.map((h, i) => `${h.includes(':') ? `[${h}]` : h}:${port[i] ?? port[0] ?? 5432}`).join(',');
}

const NODE_CAUSES: Record<string, [ConnectFailure, { vi: string; en: string }]> = {
  ECONNREFUSED: ['refused', t.dbRefused],
  ENOENT: ['refused', t.dbNoSocket],
  ENOTFOUND: ['host-not-found', t.dbHostNotFound],
  EAI_AGAIN: ['host-not-found', t.dbHostLookupFailed],
  EHOSTUNREACH: ['unreachable', t.dbHostUnreachable],
  ENETUNREACH: ['unreachable', t.dbNetworkUnreachable],
  ECONNRESET: ['closed', t.dbClosed],
  CONNECTION_CLOSED: ['closed', t.dbClosed],
  CONNECTION_ENDED: ['closed', t.dbClosed],
  CONNECTION_DESTROYED: ['closed', t.dbClosed],
};

/** Names the cause of a failed first connection, from the driver's or PostgreSQL's error code. */
export function connectError(
  err: unknown,
  target: string,
  timeoutSeconds: number,
  user?: string,
): DatabaseConnectError {
  const e = err as { code?: unknown; message?: unknown; errors?: { code?: unknown }[] };
  const code =
    typeof e?.code === 'string'
      ? e.code
      : Array.isArray(e?.errors) && typeof e.errors[0]?.code === 'string'
        ? e.errors[0].code
        : undefined;
  const message = typeof e?.message === 'string' ? e.message : '';
  const quoted = (name: string | undefined) => (name ? `"${name}"` : '');
  const make = (reason: ConnectFailure, cause: { vi: string; en: string }) =>
    new DatabaseConnectError(reason, target, cause, code);
  if (code === 'CONNECT_TIMEOUT') return make('timeout', t.dbTimeout(timeoutSeconds));
  const node = code ? NODE_CAUSES[code] : undefined;
  if (node) return make(...node);
  const database = /database "([^"]*)"/.exec(message)?.[1];
  switch (code) {
    case '3D000':
      return make('no-database', t.dbNoDatabase(quoted(database)));
    case '28P01':
      return make('password', t.dbBadPassword(quoted(user)));
    case '28000': {
      const role = /role "([^"]*)" does not exist/.exec(message)?.[1];
      if (role !== undefined) return make('no-role', t.dbNoRole(quoted(role)));
      return make('not-allowed', t.dbNotAllowed);
    }
    case '55000':
    case '57P03':
    case '53300': {
      const why = describeError(err);
      return make('unavailable', t.dbUnavailable(why));
    }
  }
  const why = describeError(err);
  return make('other', t.dbOther(why));
}

async function openPglite(dataDir: string): Promise<Opened> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (!dataDir.startsWith('memory://')) mkdirSync(path.resolve(dataDir), { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzle(client, { schema, casing: 'snake_case' });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    target: dataDir,
    migrate: () => migrate(db, { migrationsFolder }),
    ping: async () => {
      try {
        await client.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.close(),
  };
}
