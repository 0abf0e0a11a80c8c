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
    },
    options.destination,
  );
}
