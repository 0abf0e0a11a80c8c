/**
 * The baseline: a bare telegraf bot that echoes texts, in webhook mode, run as its own process as the service
 * is (webhookReply off, so it calls sendMessage as ours does). Started by targets.ts with
 * `node --import tsx scripts/bench/echo-bot.ts` and the environment:
 *
 *   PORT                      where to listen (127.0.0.1); the webhook is POST /hook, GET /healthz says ready
 *   TELEGRAM_BOT_TOKEN        the fake Bot API's token
 *   TELEGRAM_API_ROOT         the fake Bot API
 *   TELEGRAM_WEBHOOK_SECRET   the X-Telegram-Bot-Api-Secret-Token it requires
 *
 * SIGTERM closes the server and exits.
 */
import { createServer } from 'node:http';
import { Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';

async function main(): Promise<void> {
  const { PORT, TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, TELEGRAM_WEBHOOK_SECRET } = process.env;
  const port = Number(PORT);
  if (!TELEGRAM_BOT_TOKEN || !TELEGRAM_API_ROOT || !TELEGRAM_WEBHOOK_SECRET || !Number.isInteger(port)) {
    throw new Error('set PORT, TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT and TELEGRAM_WEBHOOK_SECRET');
  }
  const bot = new Telegraf(TELEGRAM_BOT_TOKEN, {
    telegram: { apiRoot: TELEGRAM_API_ROOT, webhookReply: false },
  });
  bot.on(message('text'), (ctx) => ctx.reply(ctx.message.text));
  bot.botInfo = await bot.telegram.getMe();
  const hook = bot.webhookCallback('/hook', { secretToken: TELEGRAM_WEBHOOK_SECRET });
  const server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    void hook(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  process.once('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

main().catch((err) => {
  process.stderr.write(`echo bot: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
