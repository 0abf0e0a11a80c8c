/** What the load generator drives: our service in webhook mode, and a bare telegraf echo bot (baseline). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { type Service, startService } from '../../src/service.ts';
import { type FakeTelegram, startFakeTelegram } from '../../test/helpers/fake-telegram.ts';
import type { Target } from './load.ts';

export const SECRET = 'bench-webhook-secret-0123456789abcdef';

export interface RunningTarget extends Target {
  stop(): Promise<void>;
}

/** Our service in-process, webhook mode, send rates raised: the pipeline's own capacity is measured. */
export async function startOurService(databaseUrl: string): Promise<RunningTarget & { service: Service }> {
  const fake = await startFakeTelegram();
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '20',
    CONSOLE: 'off',
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: 'https://bench.example.test/telegram/webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_SEND_RATE: '100000',
    TELEGRAM_CHAT_SEND_RATE: '100000',
    TELEGRAM_CHAT_SEND_BURST: '1000',
  });
  const logger = createLogger({
    level: 'silent',
    destination: new Writable({ write: (_chunk, _enc, cb) => cb() }),
  });
  let service: Service;
  try {
    service = await startService({ config, logger, scheduler: false, host: '127.0.0.1' });
  } catch (err) {
    await fake.close();
    throw err;
  }
  return {
    name: 'service',
    url: `http://127.0.0.1:${service.port}/telegram/webhook`,
    secret: SECRET,
    fake,
    service,
    async stop() {
      try {
        await service.stop();
      } finally {
        await fake.close();
      }
    },
  };
}

/** A bare telegraf bot that echoes texts (webhookReply off, so it calls sendMessage like ours does). */
export async function startEchoBot(): Promise<RunningTarget> {
  const fake: FakeTelegram = await startFakeTelegram();
  const bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot, webhookReply: false } });
  bot.on(message('text'), (ctx) => ctx.reply(ctx.message.text));
  bot.botInfo = await bot.telegram.getMe();
  const server = createServer(bot.webhookCallback('/hook', { secretToken: SECRET }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name: 'echo',
    url: `http://127.0.0.1:${port}/hook`,
    secret: SECRET,
    fake,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await fake.close();
    },
  };
}
