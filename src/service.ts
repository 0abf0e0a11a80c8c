import type { Readable, Writable } from 'node:stream';
import type { ChannelAdapter } from './channels/adapter.ts';
import { createTelegramChannel, type TelegramChannel } from './channels/telegram/channel.ts';
import type { ZaloChannel } from './channels/zalo/channel.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { commandMenus } from './conversation/commands.ts';
import type { Conversation } from './conversation/engine.ts';
import { createBotConversation } from './conversation/index.ts';
import { type Database, type Db, type DriverObserver, openDatabase } from './db/client.ts';
import { getQueueDepths } from './db/queries/queues.ts';
import { createDeliveryWorker, type DeliveryWorker } from './delivery/worker.ts';
import { createQaSource, ensureDirective } from './features/directive.ts';
import { createBoard } from './http/board/index.ts';
import { createHttpServer } from './http/server.ts';
import { createInbox, type Inbox } from './inbox/processor.ts';
import { createScheduler } from './jobs/scheduler.ts';
import type { Logger } from './logger.ts';
import { memoryUse } from './memory.ts';
import { t } from './texts/index.ts';

export interface ServiceOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Console streams (default: the process's own). */
  consoleIO?: { input: Readable; output: Writable };
  onConsoleExit?: () => void;
  /** false: no timer-driven jobs (tests call `scheduler.tick()` with a frozen clock). */
  scheduler?: boolean;
  /** Host to bind the HTTP server to (tests use loopback). */
  host?: string;
  /** How often to look for a newly activated directive letter (default 10 s). */
  directiveRefreshMs?: number;
  /** How often the inbox looks for events left pending (default 2 s) and the outbox worker polls (500 ms). */
  sweepMs?: number;
  deliveryPollMs?: number;
  /** Watches the PostgreSQL driver (tests count statements and round trips). */
  databaseObserver?: DriverObserver;
}

export interface Service {
  port: number;
  database: Database;
  inbox: Inbox;
  delivery: DeliveryWorker;
  scheduler: ReturnType<typeof createScheduler>;
  /** The configured channels, in the order they start (they stop in reverse). */
  channels: ChannelAdapter[];
  telegram?: TelegramChannel;
  zalo?: ZaloChannel;
  stop(): Promise<void>;
}

/**
 * The conversation as the service runs it: the active letter (the bundled one on a fresh install), the Q&A built
 * from it (reloaded by qaSource.start()), and the dialog engine over both. Tests that drive the conversation without
 * HTTP start it the same way.
 */
export async function startConversation(deps: {
  db: Database['db'];
  clock: Clock;
  logger: Logger;
  qaThreshold?: number | undefined;
  boardUrl: () => string;
}): Promise<{ qaSource: ReturnType<typeof createQaSource>; conversation: Conversation }> {
  await ensureDirective(deps.db, deps.clock.now());
  const qaSource = createQaSource({
    db: deps.db,
    logger: deps.logger,
    ...(deps.qaThreshold !== undefined ? { threshold: deps.qaThreshold } : {}),
  });
  await qaSource.refresh();
  const conversation = createBotConversation({
    clock: deps.clock,
    qa: qaSource.engine,
    boardUrl: deps.boardUrl,
  });
  return { qaSource, conversation };
}

/** Wires the service in order: database → features → channels → HTTP server; stop() undoes it in reverse. */
export async function startService(options: ServiceOptions): Promise<Service> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  // Round trips to PostgreSQL are counted always (one increment per write after an answer): /healthz shows them,
  // and the benchmark divides them by the updates of a phase.
  const work = { databaseRoundTrips: 0 };
  const observer: DriverObserver = {
    ...options.databaseObserver,
    roundTrip: () => {
      work.databaseRoundTrips++;
      options.databaseObserver?.roundTrip?.();
    },
  };
  const database = await openDatabase({
    url: config.database.url,
    dataDir: config.database.dataDir,
    maxConnections: config.database.poolSize,
    observer,
  });
  const { db } = database;
  logger.info({ database: database.kind }, 'database ready');

  // The port is known once the server listens (PORT=0 in tests); links are made after that.
  let port = config.port;
  const boardUrl = () => config.boardUrl ?? `http://localhost:${port}`;
  const { qaSource, conversation } = await startConversation({
    db,
    clock,
    logger,
    qaThreshold: config.qaThreshold,
    boardUrl,
  });
  let delivery: DeliveryWorker | undefined;
  const inbox = createInbox({
    db,
    conversation,
    clock,
    logger,
    onOutbox: () => delivery?.wake(),
    // A turn's answers go to this process's worker as they are committed (the worker exists before any update can
    // arrive: the HTTP server and the channels start after it; until it starts, it releases what it is handed).
    answers: {
      lockMs: config.deliveryLockSeconds * 1000,
      handOff: (rows) => delivery?.handOff(rows),
    },
  });

  // Which channels are configured is the only choice made per channel; everything after loops over them.
  // Zalo (axios) and the console (and its demo data) are loaded only when configured.
  const telegram = config.telegram
    ? createTelegramChannel({
        config: config.telegram,
        inbox,
        logger,
        rates: {
          perSecond: config.rates.telegram,
          perChat: { perSecond: config.rates.telegramChat, burst: config.rates.telegramChatBurst },
        },
        menus: commandMenus(),
      })
    : undefined;
  const zalo = config.zalo
    ? (await import('./channels/zalo/channel.ts')).createZaloChannel({
        config: config.zalo,
        inbox,
        db,
        logger,
        rates: { perSecond: config.rates.zalo },
      })
    : undefined;
  const consoleChannel = config.console ? await createDemoConsole(db, clock, inbox, options) : undefined;
  const channels = [telegram, zalo, consoleChannel].filter(
    (c): c is NonNullable<typeof c> => c !== undefined,
  );

  delivery = createDeliveryWorker({
    db,
    logger,
    channels: Object.fromEntries(channels.map((c) => [c.name, c])),
    lockMs: config.deliveryLockSeconds * 1000,
    ...(options.deliveryPollMs ? { pollMs: options.deliveryPollMs } : {}),
  });
  const scheduler = createScheduler({
    database,
    clock,
    logger,
    schedule: config.schedule,
    retention: config.retention,
    onOutbox: () => delivery?.wake(),
  });

  const http = createHttpServer({
    logger,
    maxBodyBytes: config.maxBodyBytes,
    routes: Object.fromEntries(channels.flatMap((c) => Object.entries(c.routes))),
    board: createBoard({ db, logger, clock, boardUrl }),
    health: async () => {
      const [dbOk, queues] = await Promise.all([database.ping(), getQueueDepths(db).catch(() => undefined)]);
      const health = Object.fromEntries(channels.map((c) => [c.name, c.health()]));
      return {
        ok: dbOk && Object.values(health).every((h) => h.ok),
        database: { ok: dbOk, kind: database.kind },
        channels: health,
        // Work waiting: inbound events not yet processed, messages not yet sent (omitted while the database is down).
        ...(queues ? { queues } : {}),
        // Since start: turns processed, shared transactions and their turns, round trips to PostgreSQL.
        work: { ...inbox.stats, ...work },
        memory: memoryUse(),
      };
    },
  });
  port = await http.listen(config.port, options.host);
  logger.info({ port }, 'http server listening');

  for (const channel of channels) await channel.start();
  inbox.startSweeper(options.sweepMs ?? 2000);
  delivery.start();
  if (options.scheduler !== false) scheduler.start(config.schedule.tickSeconds * 1000);
  // A letter activated from the CLI reaches every replica within this interval.
  qaSource.start(options.directiveRefreshMs ?? 10_000);

  let stopped: Promise<void> | undefined;
  return {
    port,
    database,
    inbox,
    delivery,
    scheduler,
    channels,
    telegram,
    zalo,
    stop() {
      stopped ??= (async () => {
        await http.close();
        qaSource.stop();
        for (const channel of [...channels].reverse()) await channel.stop();
        await scheduler.stop();
        await inbox.stop();
        await delivery?.stop();
        await database.close();
        logger.info('stopped');
      })();
      return stopped;
    },
  };
}

/** The console with its demo data (enterprises, people, an invite code to try), for a machine with nothing set up. */
async function createDemoConsole(
  db: Db,
  clock: Clock,
  inbox: Inbox,
  options: Pick<ServiceOptions, 'consoleIO' | 'onConsoleExit'>,
): Promise<ChannelAdapter> {
  const { createConsoleChannel } = await import('./channels/console/channel.ts');
  const { seedDemo } = await import('./seed.ts');
  const { inviteCode } = await seedDemo(db, clock.now());
  return createConsoleChannel({
    inbox,
    input: options.consoleIO?.input ?? process.stdin,
    output: options.consoleIO?.output ?? process.stdout,
    intro: t.consoleIntro(inviteCode),
    onExit: options.onConsoleExit,
  });
}
