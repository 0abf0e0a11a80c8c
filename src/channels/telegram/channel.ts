import { createHash, timingSafeEqual } from 'node:crypto';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { TelegramConfig } from '../../config.ts';
import { COMMAND_MENU } from '../../conversation/texts.ts';
import type { Db } from '../../db/client.ts';
import { listRecipients } from '../../db/queries/people.ts';
import type { Inbox } from '../../inbox/processor.ts';
import type { Logger } from '../../logger.ts';
import { parseUpdate } from './parse.ts';
import { createTelegramSender } from './sender.ts';

class StorageError extends Error {
  override name = 'StorageError';
}

// Command menus per role; the descriptions are texts like any other, so they live with the texts.
const menu = (commands: (keyof typeof COMMAND_MENU)[]) =>
  commands.map((command) => ({ command, description: COMMAND_MENU[command] }));
const OFFICER_COMMANDS = menu(['baocao', 'dangky', 'vanban', 'tamdung', 'lienket', 'huy', 'help']);
const STAFF_COMMANDS = menu(['status', 'export', 'tonghop', 'cauhoi', 'vanban', 'help']);

export interface TelegramChannel {
  bot: Telegraf;
  sender: ReturnType<typeof createTelegramSender>;
  mode: TelegramConfig['mode'];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The webhook route: verifies the secret before anything else, then records the update durably. */
  handleWebhook(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): Promise<number>;
  health(): { ok: boolean; mode: string; username?: string };
}

export function createTelegramChannel(deps: {
  config: TelegramConfig;
  inbox: Inbox;
  db: Db;
  logger: Logger;
}): TelegramChannel {
  const { config, inbox, logger } = deps;
  const apiRoot = config.apiRoot?.replace(/\/+$/, '');
  const bot = new Telegraf(config.token, {
    telegram: { webhookReply: false, ...(apiRoot ? { apiRoot } : {}) },
    handlerTimeout: 30_000,
  });
  const sender = createTelegramSender(bot.telegram);
  let stopping = false;
  let launched: Promise<void> | undefined;
  let menuTimer: NodeJS.Timeout | undefined;
  let healthy = false;
  const staffMenus = new Set<string>();
  const secretDigest = config.mode === 'webhook' ? sha256(config.secret) : undefined;

  bot.use(async (ctx) => {
    const parsed = parseUpdate(ctx.update);
    if (!parsed) return;
    const log = logger.child({
      channel: 'telegram',
      updateId: ctx.update.update_id,
      chatId: parsed.message.chatId,
    });
    await acceptDurably(parsed.eventKey, parsed.message, log);
    if (parsed.callbackQueryId) {
      // Answered at once (even for a redelivery) so the button stops spinning; the reply follows via the outbox.
      ctx.telegram
        .answerCbQuery(parsed.callbackQueryId)
        .catch((err) => log.debug({ err }, 'answerCbQuery failed'));
    }
  });

  bot.catch((err, ctx) => {
    if (err instanceof StorageError) throw err;
    logger.error({ err, updateId: ctx.update.update_id }, 'telegram update handler failed');
  });

  async function acceptDurably(eventKey: string, message: Parameters<Inbox['accept']>[1], log: Logger) {
    for (let attempt = 1; ; attempt++) {
      try {
        await inbox.accept(eventKey, message);
        return;
      } catch (err) {
        // A webhook answers 500 so Telegram redelivers; polling has already moved its offset, so it must keep trying.
        if (config.mode === 'webhook' || stopping) throw new StorageError('could not record the update');
        log.warn({ err, attempt }, 'recording the update failed; retrying');
        await new Promise((r) => setTimeout(r, Math.min(10_000, 250 * 2 ** attempt)));
      }
    }
  }

  async function syncMenus(): Promise<void> {
    const staff = await listRecipients(deps.db, { roles: ['staff', 'admin'] });
    for (const s of staff) {
      if (s.channel !== 'telegram' || staffMenus.has(s.chatId)) continue;
      await bot.telegram.setMyCommands(STAFF_COMMANDS, {
        scope: { type: 'chat', chat_id: Number(s.chatId) },
      });
      staffMenus.add(s.chatId);
    }
  }

  return {
    bot,
    sender,
    mode: config.mode,
    async start() {
      bot.botInfo = await bot.telegram.getMe();
      await bot.telegram.setMyCommands(OFFICER_COMMANDS);
      await syncMenus().catch((err) => logger.warn({ err }, 'setting staff command menus failed'));
      menuTimer = setInterval(
        () => void syncMenus().catch((err) => logger.warn({ err }, 'setting staff command menus failed')),
        5 * 60_000,
      );
      menuTimer.unref();
      if (config.mode === 'webhook') {
        await bot.telegram.setWebhook(config.webhookUrl, {
          secret_token: config.secret,
          allowed_updates: ['message', 'callback_query'],
        });
      } else {
        launched = bot.launch({ allowedUpdates: ['message', 'callback_query'] }).catch((err) => {
          healthy = false;
          logger.error({ err }, 'telegram polling stopped');
        });
      }
      healthy = true;
      logger.info({ mode: config.mode, username: bot.botInfo.username }, 'telegram channel started');
    },
    async stop() {
      stopping = true;
      clearInterval(menuTimer);
      if (launched) {
        // bot.stop() throws until polling has begun (launch first calls getMe and deleteWebhook).
        for (let i = 0; i < 100; i++) {
          try {
            bot.stop('shutdown');
            break;
          } catch {
            await new Promise((r) => setTimeout(r, 50));
          }
        }
        await launched;
      }
      healthy = false;
    },
    async handleWebhook(headers, rawBody) {
      const given = headers['x-telegram-bot-api-secret-token'];
      if (!secretDigest || typeof given !== 'string' || !timingSafeEqual(sha256(given), secretDigest))
        return 401;
      let update: Update;
      try {
        update = JSON.parse(rawBody.toString('utf8')) as Update;
      } catch {
        return 400;
      }
      if (typeof update !== 'object' || update === null || typeof update.update_id !== 'number') return 400;
      try {
        await bot.handleUpdate(update);
        return 200;
      } catch {
        return 503;
      }
    },
    health: () => ({ ok: healthy, mode: config.mode, username: bot.botInfo?.username }),
  };
}

function sha256(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}
