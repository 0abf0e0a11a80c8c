import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Markup, Telegraf, TelegramError } from 'telegraf';
import { type FakeTelegram, startFakeTelegram } from './fake-telegram.ts';
import { callbackUpdate, textUpdate } from './telegram-updates.ts';

describe('fake Telegram Bot API driven by a real Telegraf', () => {
  let fake: FakeTelegram;
  let bot: Telegraf;

  before(async () => {
    fake = await startFakeTelegram({ botUsername: 'tet_lien_lac_bot' });
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.reset();
    bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
  });

  test('getMe answers the bot identity', async () => {
    const me = await bot.telegram.getMe();
    assert.equal(me.is_bot, true);
    assert.equal(me.username, 'tet_lien_lac_bot');
    assert.deepEqual(fake.calls, ['getMe']);
  });

  test('apiRoot with a trailing slash reaches the same URLs', async () => {
    const slashed = new Telegraf(fake.token, { telegram: { apiRoot: `${fake.apiRoot}/` } });
    assert.equal((await slashed.telegram.getMe()).username, 'tet_lien_lac_bot');
  });

  test('wrong token is 401 and unknown method is 404', async () => {
    const stranger = new Telegraf('42:wrong', { telegram: { apiRoot: fake.apiRoot } });
    await assert.rejects(stranger.telegram.getMe(), { code: 401, description: 'Unauthorized' });
    await assert.rejects(bot.telegram.callApi('sendTelepathy' as 'getMe', {}), {
      code: 404,
      description: 'Not Found: method not found',
    });
  });

  test('sendMessage records the text and the parsed inline keyboard', async () => {
    const keyboard = Markup.inlineKeyboard([Markup.button.callback('Báo cáo', 'report:today')]);
    const message = await bot.telegram.sendMessage(501, 'Xin chào, chúc mừng năm mới!', keyboard);
    const next = await bot.telegram.sendMessage('501', 'Lần hai');
    assert.equal(message.chat.id, 501);
    assert.equal(next.message_id, message.message_id + 1);
    const [first] = await fake.waitForSent(2);
    assert.equal(first?.text, 'Xin chào, chúc mừng năm mới!');
    // Markup.button.callback puts its own `hide: false` on the wire; Telegram ignores it
    assert.deepEqual(first?.replyMarkup, {
      inline_keyboard: [[{ text: 'Báo cáo', callback_data: 'report:today', hide: false }]],
    });
    assert.deepEqual(
      fake.sentTo(501).map((m) => m.chatId),
      [501, 501],
    );
  });

  test('callback_data over 64 bytes is rejected like Telegram does', async () => {
    const keyboard = Markup.inlineKeyboard([Markup.button.callback('Dài', 'đ'.repeat(33))]);
    await assert.rejects(bot.telegram.sendMessage(501, 'x', keyboard), { code: 400 });
  });

  test('sendDocument with a Buffer arrives as parsed multipart', async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x0d, 0x0a]);
    const message = await bot.telegram.sendDocument(
      502,
      { source: bytes, filename: 'báo-cáo-tết.xlsx' },
      { caption: 'Tổng hợp ngày 29 Tết', ...Markup.inlineKeyboard([Markup.button.callback('OK', 'ok')]) },
    );
    assert.equal(message.document.file_name, 'báo-cáo-tết.xlsx');
    const [sent] = fake.sentTo(502);
    assert.equal(sent?.method, 'sendDocument');
    assert.equal(sent?.text, 'Tổng hợp ngày 29 Tết');
    assert.equal(sent?.document?.filename, 'báo-cáo-tết.xlsx');
    assert.deepEqual(sent?.document?.bytes, bytes);
    assert.deepEqual(sent?.replyMarkup, {
      inline_keyboard: [[{ text: 'OK', callback_data: 'ok', hide: false }]],
    });
  });

  test('sendDocument by file_id is accepted as JSON', async () => {
    await bot.telegram.sendDocument(503, 'BQACAgIAAxkBAAIB');
    assert.equal(fake.sentTo(503)[0]?.document?.ref, 'BQACAgIAAxkBAAIB');
  });

  test('injected faults surface as TelegramError in the real shape', async () => {
    fake.failNext('sendMessage', 1, { status: 429, retryAfter: 7 });
    fake.failNext('sendMessage', 1, { status: 403 });
    fake.failNext('sendMessage', 1, { status: 500 });
    const error = await bot.telegram.sendMessage(504, 'a').catch((e: unknown) => e);
    assert.ok(error instanceof TelegramError);
    assert.equal(error.code, 429);
    assert.deepEqual(error.parameters, { retry_after: 7 });
    await assert.rejects(bot.telegram.sendMessage(504, 'b'), {
      code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    // telegraf ignores the body of a 5xx and reports the HTTP status text
    await assert.rejects(bot.telegram.sendMessage(504, 'c'), {
      code: 500,
      description: 'Internal Server Error',
    });
    await bot.telegram.sendMessage(504, 'd');
    assert.deepEqual(
      fake.sent.map((m) => m.text),
      ['d'],
    );
    assert.equal(fake.calls.length, 4);
  });

  test('rate enforcement answers 429 beyond the per-chat and global limits', async () => {
    const limited = await startFakeTelegram({ globalRatePerSecond: 5, chatRatePerSecond: 2 });
    try {
      const client = new Telegraf(limited.token, { telegram: { apiRoot: limited.apiRoot } }).telegram;
      const results = await Promise.allSettled(
        [1, 1, 1, 2, 3, 4, 5].map((chat) => client.sendMessage(chat, 'x')),
      );
      const rejected = results.filter((r) => r.status === 'rejected');
      assert.equal(limited.rateLimited, 2); // third send to chat 1, then the sixth send overall
      assert.equal(rejected.length, 2);
      assert.deepEqual((rejected[0] as PromiseRejectedResult).reason.parameters, { retry_after: 1 });
      assert.equal(limited.sent.length, 5);
    } finally {
      await limited.close();
    }
  });

  test('long polling delivers a pushed command and text to the handlers', async () => {
    bot.start((ctx) => ctx.reply(`Chào ${ctx.from.first_name}, payload=${ctx.payload}`));
    bot.on('text', (ctx) => ctx.reply(`Đã nhận: ${ctx.message.text}`));
    const running = bot.launch();
    fake.pushUpdate(textUpdate({ chatId: 601, firstName: 'Lan', text: '/start abc' }));
    fake.pushUpdate(textUpdate({ chatId: 602, text: 'Tình hình ổn định' }));
    const sent = await fake.waitForSent(2);
    bot.stop('test');
    await running;
    assert.equal(fake.sentTo(601)[0]?.text, 'Chào Lan, payload=abc');
    assert.equal(fake.sentTo(602)[0]?.text, 'Đã nhận: Tình hình ổn định');
    assert.equal(sent.length, 2);
    assert.deepEqual(fake.calls.slice(0, 3), ['getMe', 'deleteWebhook', 'getUpdates']);
    assert.equal(fake.calls.at(-1), 'getUpdates'); // stop() confirms the offset with a last getUpdates
  });

  test('a callback update reaches bot.action, which answers and edits the message', async () => {
    bot.action(/^shift:(.+)$/, async (ctx) => {
      await ctx.answerCbQuery('Đã ghi nhận');
      await ctx.editMessageText(`Ca trực: ${ctx.match[1]}`);
    });
    const running = bot.launch();
    const update = callbackUpdate({ chatId: 701, data: 'shift:sáng', messageId: 9 });
    fake.pushUpdate(update);
    await waitUntil(() => fake.edits.length === 1);
    bot.stop('test');
    await running;
    assert.equal(fake.callbackAnswers[0]?.callbackQueryId, update.callback_query.id);
    assert.equal(fake.callbackAnswers[0]?.text, 'Đã ghi nhận');
    const [edit] = fake.edits;
    assert.deepEqual([edit?.chatId, edit?.messageId, edit?.text], [701, 9, 'Ca trực: sáng']);
  });

  test('webhook mode: secret header, and answerCbQuery carried in the webhook reply', async () => {
    bot.action('ping', (ctx) => ctx.answerCbQuery('pong'));
    const server = createServer(bot.webhookCallback('/hook', { secretToken: 's3cret' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      await bot.telegram.setWebhook(url, { secret_token: 's3cret' });
      assert.equal((await bot.telegram.getWebhookInfo()).url, url);
      const update = callbackUpdate({ chatId: 801, data: 'ping' });
      assert.equal((await fake.postWebhook(url, update, 'wrong')).status, 403);
      const { status, body } = await fake.postWebhook(url, update);
      assert.equal(status, 200);
      assert.equal(JSON.parse(body).method, 'answerCallbackQuery');
      assert.equal(fake.callbackAnswers[0]?.text, 'pong');
    } finally {
      server.close();
    }
  });

  test('waitForSent rejects listing what was sent', async () => {
    await bot.telegram.sendMessage(901, 'Chỉ một tin');
    await assert.rejects(
      fake.waitForSent((m) => m.chatId === 902, 50),
      /Sent 1:\n {2}sendMessage → 901: "Chỉ một tin"/,
    );
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
