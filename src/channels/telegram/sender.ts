import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import { type ChannelSender, DeliveryError, type SendProgress, sendParts } from '../../delivery/sender.ts';
import type { Logger } from '../../logger.ts';
import type { Envelope, MenuEntry, MenuRole } from '../../messages.ts';
import { renderTelegramMessages } from './render.ts';

/** Maps Bot API failures to what the delivery worker should do. */
export function classifyTelegramError(err: unknown): DeliveryError {
  if (err instanceof TelegramError) {
    const code = err.code;
    const description = String(err.response?.description ?? err.message).slice(0, 200);
    if (code === 429) {
      const seconds = Number(err.parameters?.retry_after ?? 1);
      // Flood control is not only per chat: the whole channel backs off, or retries feed a 429 storm.
      return new DeliveryError('retry', `429: ${description}`, Math.max(1, seconds) * 1000, true);
    }
    if (code === 403) return new DeliveryError('unreachable', `403: ${description}`);
    if (code === 400 && /chat not found|user is deactivated/i.test(description)) {
      return new DeliveryError('unreachable', `400: ${description}`);
    }
    if (code >= 500) return new DeliveryError('retry', `${code}: ${description}`);
    return new DeliveryError('permanent', `${code}: ${description}`);
  }
  const name = err instanceof Error ? err.name : 'Error';
  const code = (err as { code?: string } | null)?.code;
  return new DeliveryError('retry', `network: ${name}${code ? ` ${code}` : ''}`);
}

type CallApiOptions = Parameters<Telegram['callApi']>[2];
/** The delivery worker's per-call signal; telegraf types it as the abort-controller shim's, the same at runtime. */
const callOptions = (progress: SendProgress | undefined): CallApiOptions =>
  ({ signal: progress?.signal?.() }) as unknown as CallApiOptions;

export interface TelegramSenderOptions {
  /** The command menu of each role: a message carrying `menu` sets its chat's menu once the message is sent. */
  menus?: Record<MenuRole, MenuEntry[]>;
  logger?: Logger;
}

export function createTelegramSender(telegram: Telegram, options: TelegramSenderOptions = {}): ChannelSender {
  /** Best effort: the message is sent already, and failing the send now would only send it again. */
  async function setChatMenu(envelope: Envelope, progress: SendProgress | undefined): Promise<void> {
    const commands = envelope.menu ? options.menus?.[envelope.menu] : undefined;
    if (!commands) return;
    try {
      await telegram.callApi(
        'setMyCommands',
        { commands, scope: { type: 'chat', chat_id: Number(envelope.chatId) } },
        callOptions(progress),
      );
    } catch (err) {
      options.logger?.warn(
        { err, chatId: envelope.chatId, menu: envelope.menu },
        'setting a chat menu failed',
      );
    }
  }

  async function sendMessage(envelope: Envelope, progress: SendProgress | undefined): Promise<void> {
    try {
      // callApi, not sendMessage/sendDocument, to pass the signal: telegraf's own timeout is 500 s.
      if (envelope.document) {
        const doc = envelope.document;
        const source = Buffer.from(doc.contentBase64, 'base64');
        await telegram.callApi(
          'sendDocument',
          {
            chat_id: envelope.chatId,
            document: { source, filename: doc.filename },
            caption: envelope.text.slice(0, 1000),
          },
          callOptions(progress),
        );
        return;
      }
      await sendParts(renderTelegramMessages(envelope), progress, (part) =>
        telegram.callApi(
          'sendMessage',
          {
            chat_id: envelope.chatId,
            text: part.text,
            link_preview_options: { is_disabled: true },
            ...(part.keyboard ? { reply_markup: { inline_keyboard: part.keyboard } } : {}),
          },
          callOptions(progress),
        ),
      );
    } catch (err) {
      throw classifyTelegramError(err);
    }
  }

  return {
    async send(envelope: Envelope, progress?: SendProgress) {
      await sendMessage(envelope, progress);
      await setChatMenu(envelope, progress);
    },
  };
}
