import { ConfigError, loadConfig } from './config.ts';
import { createLogger, redactSecrets } from './logger.ts';
import { startService } from './service.ts';

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
  const logger = createLogger({
    level: config.console && config.logLevel === 'info' ? 'warn' : config.logLevel,
    destination: config.console ? process.stderr : undefined,
  });
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    await service.stop().catch((err) => logger.error({ err }, 'shutdown failed'));
    process.exit(0);
  };
  const service = await startService({ config, logger, onConsoleExit: () => void shutdown('console') });
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(
    `Không khởi động được: ${redactSecrets(err instanceof Error ? err.message : String(err))}\n`,
  );
  process.exit(1);
});
