import type { Update } from 'telegraf/types';
import type { IncomingMessage } from '../../messages.ts';

export interface ParsedUpdate {
  eventKey: string;
  message: IncomingMessage;
  /** Set for a button tap: the callback query to answer. */
  callbackQueryId?: string;
}

const MAX_TEXT = 8000;

function displayName(
  user: { first_name?: string; last_name?: string; username?: string } | undefined,
): string {
  const name = [user?.first_name, user?.last_name].filter(Boolean).join(' ').trim();
  return (name || user?.username || 'Cán bộ').slice(0, 200);
}

/** A Telegram update → the channel-agnostic message; null for updates the bot does not act on. */
export function parseUpdate(update: Update): ParsedUpdate | null {
  if (typeof update?.update_id !== 'number') return null;
  const eventKey = String(update.update_id);
  if ('message' in update && update.message) {
    const m = update.message;
    if (!m.chat || !m.from) return null;
    const text = 'text' in m && typeof m.text === 'string' ? m.text.slice(0, MAX_TEXT) : undefined;
    return {
      eventKey,
      message: {
        channel: 'telegram',
        chatId: String(m.chat.id),
        userId: String(m.from.id),
        displayName: displayName(m.from),
        ...(text !== undefined ? { text } : {}),
      },
    };
  }
  if ('callback_query' in update && update.callback_query) {
    const q = update.callback_query;
    const chatId = q.message?.chat.id ?? q.from.id;
    const data = 'data' in q && typeof q.data === 'string' ? q.data.slice(0, 64) : '';
    return {
      eventKey,
      callbackQueryId: q.id,
      message: {
        channel: 'telegram',
        chatId: String(chatId),
        userId: String(q.from.id),
        displayName: displayName(q.from),
        action: data || 'invalid',
      },
    };
  }
  return null;
}
