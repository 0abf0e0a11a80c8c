import type { InlineKeyboardButton } from 'telegraf/types';
import type { Button, OutgoingMessage } from '../../messages.ts';
import { splitText } from '../../text-split.ts';

// Telegram's limit is 4,096 characters; a little room is kept for safety with surrogate pairs.
export const TELEGRAM_TEXT_MAX = 4000;

export function inlineKeyboard(buttons: Button[]): InlineKeyboardButton[][] {
  const rows: InlineKeyboardButton[][] = [];
  const short = buttons.every((b) => b.label.length <= 18);
  const perRow = short ? 2 : 1;
  for (let i = 0; i < buttons.length; i += perRow) {
    rows.push(buttons.slice(i, i + perRow).map((b) => ({ text: b.label, callback_data: b.action })));
  }
  return rows;
}

export interface TelegramText {
  text: string;
  keyboard?: InlineKeyboardButton[][];
}

/** One outgoing message → the texts to send; the keyboard rides on the last one. */
export function renderTelegramMessages(msg: OutgoingMessage): TelegramText[] {
  const parts = splitText(msg.text, TELEGRAM_TEXT_MAX);
  return parts.map((text, i) =>
    i === parts.length - 1 && msg.buttons?.length
      ? { text, keyboard: inlineKeyboard(msg.buttons) }
      : { text },
  );
}
