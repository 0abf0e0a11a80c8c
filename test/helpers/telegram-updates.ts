/** Fixture factories for incoming Telegram updates, shaped like the real Bot API sends them. */
import type { Message, Update } from 'telegraf/types';

let lastUpdateId = 100_000;
let lastMessageId = 5_000;
let lastQueryId = 0;

const nextUpdateId = (given?: number): number => {
  if (given !== undefined) {
    lastUpdateId = Math.max(lastUpdateId, given);
    return given;
  }
  return ++lastUpdateId;
};

const now = (): number => Math.floor(Date.now() / 1000);

export interface UserOverrides {
  chatId: number;
  userId?: number;
  firstName?: string;
  username?: string;
}

function userAndChat({ chatId, userId, firstName = 'Minh', username }: UserOverrides) {
  const named = { first_name: firstName, ...(username ? { username } : {}) };
  return {
    from: { id: userId ?? chatId, is_bot: false, ...named, language_code: 'vi' },
    chat: { id: chatId, type: 'private' as const, ...named },
  };
}

// Telegram marks a leading /command (optionally /command@bot) with a bot_command entity; telegraf's
// bot.command() and bot.start() look only at entities[0] and need it at offset 0.
const COMMAND = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?/;

export function textUpdate(
  options: UserOverrides & { text: string; updateId?: number; messageId?: number },
): Update.MessageUpdate<Message.TextMessage> {
  const command = COMMAND.exec(options.text)?.[0];
  return {
    update_id: nextUpdateId(options.updateId),
    message: {
      message_id: options.messageId ?? ++lastMessageId,
      date: now(),
      ...userAndChat(options),
      text: options.text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
    },
  };
}

/** A photo as Telegram sends it: sizes of one file, and the words typed under it as `caption`. */
export function photoUpdate(
  options: UserOverrides & { caption?: string | undefined; updateId?: number },
): Update.MessageUpdate<Message.PhotoMessage> {
  const size = (w: number) => ({
    file_id: `AgACAgUAAxkBAAI${w}`,
    file_unique_id: `AQAD${w}`,
    width: w,
    height: Math.round((w * 3) / 4),
    file_size: w * 60,
  });
  return {
    update_id: nextUpdateId(options.updateId),
    message: {
      message_id: ++lastMessageId,
      date: now(),
      ...userAndChat(options),
      photo: [size(90), size(320), size(1280)],
      ...(options.caption ? { caption: options.caption } : {}),
    },
  };
}

export function callbackUpdate(
  options: UserOverrides & { data: string; messageId?: number; messageText?: string; updateId?: number },
): Update.CallbackQueryUpdate {
  const { from, chat } = userAndChat(options);
  return {
    update_id: nextUpdateId(options.updateId),
    callback_query: {
      id: `${from.id}${String(++lastQueryId).padStart(6, '0')}`,
      from,
      message: {
        message_id: options.messageId ?? ++lastMessageId,
        date: now(),
        chat,
        text: options.messageText ?? 'Chọn một mục:',
      },
      chat_instance: `-${String(Math.abs(options.chatId) * 7919).padStart(19, '4')}`,
      data: options.data,
    },
  };
}
