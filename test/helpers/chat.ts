import { sql } from 'drizzle-orm';
import type { Update } from 'telegraf/types';
import type { Db } from '../../src/db/client.ts';
import type { FakeTelegram, SentMessage } from './fake-telegram.ts';
import { callbackUpdate, photoUpdate, textUpdate } from './telegram-updates.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 20 ms until it holds; throws after `ms`. */
export async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

/** Waits until every inbound event is processed and every outbox message has left (or failed). */
export async function settle(db: Db, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await db.execute(sql`
      select (select count(*) from inbound_events where status = 'pending')::int as inbound,
             (select count(*) from outbox where status in ('pending', 'sending') and next_attempt_at <= now() + interval '2 seconds')::int as outbound`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      inbound: number;
      outbound: number;
    }[];
    if (rows[0]!.inbound === 0 && rows[0]!.outbound === 0) return;
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(rows[0])}`);
    await sleep(20);
  }
}

/** A Telegram user talking to the bot through the fake Bot API (polling) or the webhook. */
export function telegramUser(options: {
  fake: FakeTelegram;
  db: () => Db;
  chatId: number;
  firstName?: string;
  deliver?: (update: Update) => Promise<unknown>;
}) {
  const { fake, chatId } = options;
  const deliver = options.deliver ?? (async (u: Update) => fake.pushUpdate(u));
  async function exchange(update: Update): Promise<SentMessage[]> {
    const before = fake.sentTo(chatId).length;
    await deliver(update);
    await fake.waitForSent((m) => m.chatId === chatId && fake.sentTo(chatId).length > before, 10_000);
    await settle(options.db());
    return fake.sentTo(chatId).slice(before);
  }
  return {
    chatId,
    say: (text: string, updateId?: number) =>
      exchange(textUpdate({ chatId, text, firstName: options.firstName, ...(updateId ? { updateId } : {}) })),
    tap: (data: string) => exchange(callbackUpdate({ chatId, data, firstName: options.firstName })),
    /** A photo, with the words typed under it when `caption` is given. */
    sendPhoto: (caption?: string) => exchange(photoUpdate({ chatId, firstName: options.firstName, caption })),
    /** The texts of what the bot sent back. */
    async sayText(text: string): Promise<string> {
      return (await this.say(text)).map((m) => m.text).join('\n---\n');
    },
    async tapText(data: string): Promise<string> {
      return (await this.tap(data)).map((m) => m.text).join('\n---\n');
    },
  };
}

export function buttonsOf(message: SentMessage | undefined): string[] {
  const markup = message?.replyMarkup as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? '');
}
