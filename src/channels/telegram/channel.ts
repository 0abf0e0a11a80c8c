import { createHash, timingSafeEqual } from 'node:crypto';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { TelegramConfig } from '../../config.ts';
import type { ChannelRates } from '../../delivery/sender.ts';
import type { Inbox } from '../../inbox/processor.ts';
import { describeError, type Logger } from '../../logger.ts';
import type { MenuEntry, MenuRole } from '../../messages.ts';
import type { ChannelAdapter, WebhookHandler } from '../adapter.ts';
import { parseTelegramUpdate } from './parse.ts';
import { createTelegramSender } from './sender.ts';

class StorageError extends Error {
  override name = 'StorageError';
}

type CallApiOptions = NonNullable<Parameters<Telegraf['telegram']['callApi']>[2]>;

/** Set-up calls that fail are retried after 1, 2, 4 … s, at most this long apart. */
const SETUP_FIRST_DELAY_MS = 1_000;
const SETUP_MAX_DELAY_MS = 60_000;
/** One set-up call may take this long (telegraf's own limit is 500 s). */
const SETUP_CALL_TIMEOUT_MS = 30_000;
/** start() waits this long for the first attempt; a slow Bot API then finishes in the background. */
const SETUP_WAIT_MS = 5_000;
/** Polling that ran this long before it stopped starts again after the first delay, not the last one. */
const SETUP_STABLE_MS = 60_000;

export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';

export interface TelegramChannel extends ChannelAdapter {
  name: 'telegram';
  bot: Telegraf;
  mode: TelegramConfig['mode'];
  /** ok once getMe, setMyCommands and setWebhook (or the start of polling) have succeeded. */
  health(): { ok: boolean; mode: string; username?: string; error?: string };
}

export interface TelegramChannelDeps {
  config: TelegramConfig;
  inbox: Inbox;
  logger: Logger;
  rates: ChannelRates;
  /**
   * The command menu of each role: the guest's is the bot's default, set at start; a chat gets its role's menu with
   * the first message that carries `menu` (a registration's answer).
   */
  menus: Record<MenuRole, MenuEntry[]>;
}

export function createTelegramChannel(deps: TelegramChannelDeps): TelegramChannel {
  const { config, inbox, logger, menus } = deps;
  const apiRoot = config.apiRoot?.replace(/\/+$/, '');
  const bot = new Telegraf(config.token, {
    telegram: { webhookReply: false, ...(apiRoot ? { apiRoot } : {}) },
    handlerTimeout: 30_000,
  });
  const sender = createTelegramSender(bot.telegram, { menus, logger: logger.child({ channel: 'telegram' }) });
  let stopping = false;
  let launched: Promise<void> | undefined;
  let healthy = false;
  let setupTimer: NodeJS.Timeout | undefined;
  let setupFailures = 0;
  let setUpAt = 0;
  let lastSetupError: string | undefined;
  const done = { commands: false, webhook: false };
  const secretDigest = config.mode === 'webhook' ? sha256(config.secret) : undefined;

  /** One update, from the webhook or from polling: recorded durably, a tapped button answered at once. */
  async function onUpdate(update: Update): Promise<void> {
    const parsed = parseTelegramUpdate(update);
    if (!parsed) return;
    // Made only when there is something to log: a pino child (with its redaction) per update cost more than the
    // update's own parsing.
    let child: Logger | undefined;
    const log = () =>
      (child ??= logger.child({
        channel: 'telegram',
        updateId: update.update_id,
        chatId: parsed.message.chatId,
      }));
    await acceptDurably(parsed.eventKey, parsed.message, log);
    if (parsed.callbackQueryId) {
      // Answered at once (even for a redelivery) so the button stops spinning; the reply follows via the outbox.
      bot.telegram
        .answerCbQuery(parsed.callbackQueryId)
        .catch((err) => log().debug({ err }, 'answerCbQuery failed'));
    }
  }

  // Polling goes through telegraf's update loop; the webhook calls onUpdate itself (below).
  bot.use((ctx) => onUpdate(ctx.update));

  bot.catch((err, ctx) => {
    if (err instanceof StorageError) throw err;
    logger.error({ err, updateId: ctx.update.update_id }, 'telegram update handler failed');
  });

  async function acceptDurably(eventKey: string, message: Parameters<Inbox['accept']>[1], log: () => Logger) {
    for (let attempt = 1; ; attempt++) {
      try {
        await inbox.accept(eventKey, message);
        return;
      } catch (err) {
        // A webhook answers 500 so Telegram redelivers; polling has already moved its offset, so it must keep trying.
        if (config.mode === 'webhook' || stopping) throw new StorageError('could not record the update');
        log().warn({ err, attempt }, 'recording the update failed; retrying');
        await new Promise((r) => setTimeout(r, Math.min(10_000, 250 * 2 ** attempt)));
      }
    }
  }

  /** The webhook route: verifies the request before anything else, then records the update durably. */
  const handleWebhook: WebhookHandler = async ({ headers, rawBody }) => {
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
    // Straight to onUpdate: telegraf's context and middleware chain for each update cost more than recording it,
    // and nothing here uses them. As with bot.catch: a storage failure is a 503 (Telegram redelivers), any other
    // failure is logged and the update acknowledged.
    try {
      await onUpdate(update);
      return 200;
    } catch (err) {
      if (err instanceof StorageError) return 503;
      logger.error({ err, updateId: update.update_id }, 'telegram update handler failed');
      return 200;
    }
  };

  return {
    name: 'telegram',
    bot,
    sender,
    rates: deps.rates,
    mode: config.mode,
    routes: { [TELEGRAM_WEBHOOK_PATH]: handleWebhook },
    async start() {
      // The first attempt runs now; when it fails (or the Bot API is slow), the service starts anyway, /healthz
      // reports Telegram not ok, and the set-up is retried in the background: the process never exits for it.
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([
        attemptSetup(),
        new Promise<void>((resolve) => {
          waited = setTimeout(resolve, SETUP_WAIT_MS);
        }),
      ]);
      clearTimeout(waited);
    },
    async stop() {
      stopping = true;
      clearTimeout(setupTimer);
      if (launched) {
        // bot.stop() throws until polling has begun (launch first calls deleteWebhook), and during a restart it
        // stops the previous, finished poller: call it until the current launch has ended.
        const current = launched;
        let ended = false;
        void current.then(() => {
          ended = true;
        });
        for (let i = 0; i < 100 && !ended; i++) {
          try {
            bot.stop('shutdown');
          } catch {}
          await new Promise((r) => setTimeout(r, 50));
        }
        await current;
      }
      healthy = false;
    },
    health: () => ({
      ok: healthy,
      mode: config.mode,
      username: bot.botInfo?.username,
      ...(!healthy && lastSetupError ? { error: lastSetupError } : {}),
    }),
  };

  /** A set-up call with its own timeout, so one hung request cannot stall the retries. */
  function setupCall<M extends 'getMe' | 'setMyCommands' | 'setWebhook' | 'deleteWebhook'>(
    method: M,
    payload: Parameters<typeof bot.telegram.callApi<M>>[1],
  ) {
    // telegraf types the signal as the abort-controller polyfill's; node-fetch takes Node's own as well.
    const signal = AbortSignal.timeout(SETUP_CALL_TIMEOUT_MS) as unknown as CallApiOptions['signal'];
    return bot.telegram.callApi(method, payload, { signal });
  }

  /** Every step that has not succeeded yet, in order; a step that succeeded is not repeated. */
  async function setUp(): Promise<void> {
    bot.botInfo ??= await setupCall('getMe', {});
    if (stopping) return;
    if (!done.commands) {
      await setupCall('setMyCommands', { commands: menus.guest });
      done.commands = true;
    }
    if (stopping) return;
    if (config.mode === 'webhook') {
      if (!done.webhook) {
        await setupCall('setWebhook', {
          url: config.webhookUrl,
          secret_token: config.secret,
          allowed_updates: ['message', 'callback_query'],
        });
        done.webhook = true;
      }
    } else {
      // launch() calls deleteWebhook too, but a failure there would only show as "polling stopped".
      await setupCall('deleteWebhook', {});
      if (stopping) return;
      startPolling();
    }
    healthy = true;
    setUpAt = Date.now();
    lastSetupError = undefined;
    logger.info({ mode: config.mode, username: bot.botInfo.username }, 'telegram channel started');
  }

  /** One attempt; on failure the next one is scheduled with backoff. Never rejects. */
  async function attemptSetup(): Promise<void> {
    try {
      await setUp();
    } catch (err) {
      lastSetupError = describeError(err).slice(0, 200);
      if (stopping) return;
      const retryInMs = scheduleSetup();
      logger.warn({ err, attempt: setupFailures, retryInMs }, 'telegram set-up failed; retrying');
    }
  }

  /** Schedules the next attempt after 1, 2, 4 … 60 s; returns the delay. */
  function scheduleSetup(): number {
    if (setUpAt && Date.now() - setUpAt > SETUP_STABLE_MS) setupFailures = 0;
    setUpAt = 0;
    const delay = Math.min(SETUP_MAX_DELAY_MS, SETUP_FIRST_DELAY_MS * 2 ** setupFailures);
    setupFailures++;
    clearTimeout(setupTimer);
    setupTimer = setTimeout(() => void attemptSetup(), delay);
    return delay;
  }

  function startPolling(): void {
    const run = bot.launch({ allowedUpdates: ['message', 'callback_query'] }).catch((err) => {
      healthy = false;
      if (stopping) return;
      lastSetupError = describeError(err).slice(0, 200);
      // 409 (another instance polls), 401 (token revoked), a storage failure…: start again, with backoff.
      const retryInMs = scheduleSetup();
      logger.error({ err, retryInMs }, 'telegram polling stopped; restarting');
    });
    launched = run;
  }
}

function sha256(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}
