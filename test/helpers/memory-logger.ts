import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.ts';

/** A debug logger whose lines (JSON, as the service writes them) are kept in memory for a test to read. */
export function memoryLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _enc, cb) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        cb();
      },
    }),
  });
  return { logger, lines };
}
