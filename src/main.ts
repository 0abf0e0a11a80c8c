import { ConfigError, loadConfig } from './config.ts';
import { DatabaseConnectError, DatabaseMigrationError } from './db/client.ts';
import { createLogger, describeError } from './logger.ts';
import { startService } from './service.ts';
import { t } from './texts/index.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  // In console mode the terminal is the chat, so logs go to stderr at warn level unless asked otherwise.
  const log = createLogger({
    level: config.console && config.logLevel === 'info' ? 'warn' : config.logLevel,
    destination: config.console ? process.stderr : undefined,
  });
  // Node would print such an error with every enumerable property (a failed query's parameters: message texts,
  // invite codes); the logger's serializer keeps only what may be logged. A stray rejection in a background task
  // is not worth ending the service for (the channels, the delivery worker and the jobs keep running).
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled promise rejection'));
  process.on('uncaughtException', (err) => {
    log.fatal({ err }, 'uncaught exception; exiting');
    process.exit(1);
  });
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    await service.stop().catch((err) => log.error({ err }, 'shutdown failed'));
    process.exit(0);
  };
  const service = await startService({ config, logger: log, onConsoleExit: () => void shutdown('console') });
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  // The database's errors already say what failed in both languages; anything else gets one line, without the SQL,
  // its parameters or a token (describeError).
  const message =
    err instanceof DatabaseConnectError || err instanceof DatabaseMigrationError
      ? err.message
      : t.startFailed(describeError(err));
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
