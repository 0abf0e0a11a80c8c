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
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
    },
    options.destination,
  );
}

/**
 * Only an error's type, message, code and stack: drivers attach the failed query's parameters (message texts,
 * codes) and HTTP clients their request config (tokens) as enumerable properties, which must not reach a log.
 */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err).slice(0, 300) };
  const code = (err as { code?: unknown }).code;
  return {
    type: err.name,
    message: redactSecrets(err.message).slice(0, 500),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: err.stack ? redactSecrets(err.stack.split('\n').slice(0, 8).join('\n')) : undefined,
  };
}

/** Masks Bot API tokens in URLs (network errors quote the request URL, which holds the token). */
export function redactSecrets(text: string): string {
  return text
    .replace(/\bbot\d+:[A-Za-z0-9_-]+/g, 'bot<token>')
    .replace(/access_token=[^&\s]+/g, 'access_token=<token>');
}
