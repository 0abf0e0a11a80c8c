import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/** Paths that may carry a secret; pino replaces them before a line is written. */
const REDACT = [
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'secret',
  '*.secret',
  'text',
  '*.text',
  'headers',
  '*.headers',
  'config.headers',
  'err.config',
  'err.request',
  'err.response',
];

export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: undefined,
      formatters: { level: (label) => ({ level: label }), log: serializeErrorValues },
      serializers: { err: serializeError },
    },
    options.destination,
  );
}

/** An error logged under another key than `err` (`{ error }`, `{ reason }`) goes through the same serializer. */
function serializeErrorValues(object: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(object)) {
    if (key === 'err' || !(value instanceof Error)) continue;
    out ??= { ...object };
    out[key] = serializeError(value);
  }
  return out ?? object;
}

const MAX_MESSAGE = 300;
const MAX_CAUSE = 200;

/**
 * What may be logged of an error: its type, a message without query text, parameters or user text, its code (the
 * SQLSTATE of a database error, also when drizzle wrapped it), a short cause and the stack frames.
 *
 * Drivers attach the failed query and its parameters (message texts, invite codes, display names) as properties,
 * and drizzle puts them in the message too ("Failed query: … params: …"); HTTP clients attach their request config
 * (tokens). None of that is copied: only the fields below are.
 */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) {
    const message =
      typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string'
        ? (err as { message: string }).message
        : String(err);
    return { message: scrub(message).slice(0, MAX_MESSAGE) };
  }
  const type = typeName(err);
  const message = safeMessage(err);
  const code = codeOf(err) ?? (isQueryError(err) ? codeOf(err.cause) : undefined);
  const cause = err.cause instanceof Error && !isQueryError(err) ? err.cause : undefined;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8);
  return {
    type,
    message,
    ...(code !== undefined ? { code } : {}),
    ...(cause
      ? {
          cause: {
            type: typeName(cause),
            message: safeMessage(cause).slice(0, MAX_CAUSE),
            ...(codeOf(cause) !== undefined ? { code: codeOf(cause) } : {}),
          },
        }
      : {}),
    stack: redactSecrets([`${type}: ${message}`, ...frames].join('\n')),
  };
}

/**
 * One line for a person: the safe message and the code, e.g. `database "x" is not currently accepting connections
 * [55000]`. For errors printed outside the logger (start-up failures on stderr, the admin CLI).
 */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return serializeError(err).message as string;
  const code = codeOf(err) ?? (isQueryError(err) ? codeOf(err.cause) : undefined);
  return `${safeMessage(err)}${code !== undefined ? ` [${code}]` : ''}`;
}

/** Masks Bot API tokens in URLs (network errors quote the request URL, which holds the token). */
export function redactSecrets(text: string): string {
  return text
    .replace(/\bbot\d+:[A-Za-z0-9_-]+/g, 'bot<token>')
    .replace(/access_token=[^&\s]+/g, 'access_token=<token>');
}

function typeName(err: Error): string {
  if (err.name && err.name !== 'Error') return err.name;
  const ctor = (err as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof ctor === 'string' && ctor !== '' ? ctor : 'Error';
}

function codeOf(err: unknown): string | number | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' || typeof code === 'number' ? code : undefined;
}

/** drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: <values>", the driver's error as its cause. */
function isQueryError(err: Error): boolean {
  return err.message.startsWith('Failed query:') || typeName(err) === 'DrizzleQueryError';
}

/** An error from PostgreSQL itself (postgres.js's PostgresError, PGlite's DatabaseError): a SQLSTATE and a severity. */
function isDatabaseError(err: Error): boolean {
  const { code, severity } = err as { code?: unknown; severity?: unknown };
  return (
    typeof code === 'string' &&
    /^[0-9A-Z]{5}$/.test(code) &&
    (typeof severity === 'string' || err.name === 'PostgresError' || err.name === 'DatabaseError')
  );
}

function safeMessage(err: Error): string {
  if (isQueryError(err)) {
    const cause = err.cause instanceof Error ? safeMessage(err.cause) : undefined;
    return cause ? `query failed: ${cause}`.slice(0, MAX_MESSAGE) : 'query failed';
  }
  if (isDatabaseError(err)) return databaseMessage(err.message, String(codeOf(err)));
  const message = err.message || (err instanceof AggregateError ? err.errors.map(String).join('; ') : '');
  return scrub(message).slice(0, MAX_MESSAGE);
}

/**
 * PostgreSQL's own text, up to where it would quote data: `invalid input syntax for type integer: "<value>"`,
 * `syntax error at or near "<text>"`, `value "<value>" is out of range` (class 22 quotes the value itself).
 * Identifiers (`relation "x"`, `constraint "y"`, `role "z"`) stay; the DETAIL, which holds the row, is never read.
 */
function databaseMessage(message: string, code: string): string {
  let text = message.split('\n')[0]!;
  text = text.split(/: | at or near | at character /)[0]!;
  if (code.startsWith('22')) text = text.replace(/"[^"]*"/g, '"…"');
  return scrub(text).slice(0, MAX_CAUSE);
}

/** Removes drizzle's "Failed query: … params: …" (SQL and values) wherever it was copied into a text. */
function scrub(text: string): string {
  return redactSecrets(
    text
      .replace(/Failed query:[\s\S]*/, 'query failed (SQL and parameters not logged)')
      .replace(/\bparams: [\s\S]*/, '(parameters not logged)'),
  );
}
