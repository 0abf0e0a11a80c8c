import { PassThrough, Writable } from 'node:stream';
import type { Clock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Service, type ServiceOptions, startService } from '../../src/service.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { memoryLogger } from './memory-logger.ts';

export interface TestService {
  service: Service;
  database: TestDatabase;
  /** Every log line the service wrote. */
  logs: string[];
  console?: { input: PassThrough; output: string[] };
  stop(): Promise<void>;
}

/** Starts the real service in-process with the given environment (on a fresh test database). */
export async function startTestService(options: {
  env: Record<string, string>;
  clock?: Clock;
  database?: TestDatabase;
  /** Timer-driven jobs; off by default so tests drive `service.scheduler.tick()` themselves. */
  scheduler?: boolean;
  directiveRefreshMs?: number;
  /** Further service options (the driver observer, the background loops' intervals). */
  service?: Pick<ServiceOptions, 'sweepMs' | 'deliveryPollMs' | 'databaseObserver'>;
}): Promise<TestService> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'debug',
    TELEGRAM_SEND_RATE: '1000',
    TELEGRAM_CHAT_SEND_RATE: '100',
    TELEGRAM_CHAT_SEND_BURST: '100',
    ...(database.url ? { DATABASE_URL: database.url } : { PGLITE_DIR: database.dataDir }),
    ...options.env,
  });
  const { logger, lines: logs } = memoryLogger();
  const consoleInput = config.console ? new PassThrough() : undefined;
  const consoleOutput: string[] = [];
  const service = await startService({
    config,
    logger,
    clock: options.clock,
    scheduler: options.scheduler ?? false,
    host: '127.0.0.1',
    ...(options.directiveRefreshMs ? { directiveRefreshMs: options.directiveRefreshMs } : {}),
    ...options.service,
    ...(consoleInput
      ? {
          consoleIO: {
            input: consoleInput,
            output: new Writable({
              write(chunk, _enc, cb) {
                consoleOutput.push(String(chunk));
                cb();
              },
            }),
          },
        }
      : {}),
  });
  return {
    service,
    database,
    logs,
    ...(consoleInput ? { console: { input: consoleInput, output: consoleOutput } } : {}),
    async stop() {
      await service.stop();
      if (!options.database) await database.drop();
    },
  };
}
