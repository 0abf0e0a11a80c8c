import type { Update } from 'telegraf/types';
import type { ChatType, IncomingMessage } from '../../messages.ts';
import { t } from '../../texts/index.ts';

export interface ParsedUpdate {
  eventKey: string;
  message: IncomingMessage;
  /** Set for a button tap: the callback query to answer. */
  callbackQueryId?: string;
}

const MAX_TEXT = 8000;

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** Telegram ids are integers; anything else means the update is not what it claims to be. */
const id = (v: unknown): string | undefined => (Number.isSafeInteger(v) ? String(v) : undefined);

/**
 * Only Telegram's 'private' is a private chat; 'group', 'supergroup', 'channel', and a chat whose type is missing or
 * unknown, are refused by the conversation.
 */
const chatType = (chat: unknown): ChatType =>
  isObject(chat) && chat.type === 'private' ? 'private' : 'group';

function displayName(user: Loose): string {
  const name = [str(user.first_name), str(user.last_name)].filter(Boolean).join(' ').trim();
  return (name || str(user.username) || t.fallbackName).slice(0, 200);
}

/**
 * A Telegram update → the channel-agnostic message; null for updates the bot does not act on or that are malformed.
 * The update is checked field by field: the webhook body is untrusted JSON until proven otherwise.
 */
export function parseTelegramUpdate(update: Update): ParsedUpdate | null {
  const u: unknown = update;
  if (!isObject(u) || !Number.isSafeInteger(u.update_id)) return null;
  const eventKey = String(u.update_id);
  if (isObject(u.message)) {
    const m = u.message;
    const chatId = isObject(m.chat) ? id(m.chat.id) : undefined;
    const userId = isObject(m.from) ? id(m.from.id) : undefined;
    if (!chatId || !userId) return null;
    // A photo of the broken station with "mất sóng 3 trạm xã Tân Sơn" under it: the caption is the message (the photo
    // itself is not kept). A photo, voice or sticker alone has no text, and is answered with a hint to type.
    const text = (str(m.text) ?? str(m.caption))?.slice(0, MAX_TEXT);
    return {
      eventKey,
      message: {
        channel: 'telegram',
        chatId,
        userId,
        chatType: chatType(m.chat),
        displayName: displayName(m.from as Loose),
        ...(text !== undefined ? { text } : {}),
      },
    };
  }
  if (isObject(u.callback_query)) {
    const q = u.callback_query;
    const userId = isObject(q.from) ? id(q.from.id) : undefined;
    const message = isObject(q.message) ? q.message : undefined;
    const chatId = (isObject(message?.chat) ? id(message.chat.id) : undefined) ?? userId;
    // Without its message (a button under an inline-mode message, which this bot never sends) the tap is answered
    // in the tapper's private chat, and acts for the tapper only.
    const type = message ? chatType(message.chat) : 'private';
    const queryId = str(q.id);
    if (!userId || !chatId || !queryId) return null;
    const data = str(q.data)?.slice(0, 64) ?? '';
    return {
      eventKey,
      callbackQueryId: queryId,
      message: {
        channel: 'telegram',
        chatId,
        userId,
        chatType: type,
        displayName: displayName(q.from as Loose),
        action: data || 'invalid',
      },
    };
  }
  return null;
}
