import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { IncomingMessage } from '../../messages.ts';

export type ZaloEvent =
  | { kind: 'message'; key: string; userId: string; text: string; action?: string }
  | { kind: 'follow' | 'unfollow'; key: string; userId: string }
  | { kind: 'ignored'; reason: string };

export const MAX_INBOUND_TEXT = 4000;
/** Button payloads are rendered as `#` + action; actions are at most 64 bytes (Telegram's callback_data limit). */
const ACTION_PAYLOAD = /^#([\x20-\x7e]{1,64})$/;

const id = z.string().min(1);
const timestamp = z.union([z.string().min(1), z.number().int()]).transform(String);

const envelope = z.object({ event_name: z.string().min(1) });

const textEvent = z.object({
  sender: z.object({ id }),
  message: z.object({ text: z.string(), msg_id: id }),
});

/** Messages the bot cannot read; they are answered (with a hint to write text) rather than dropped silently. */
const MEDIA_EVENTS = new Set([
  'user_send_image',
  'user_send_gif',
  'user_send_sticker',
  'user_send_file',
  'user_send_audio',
  'user_send_video',
  'user_send_location',
  'user_send_link',
  'user_send_business_card',
]);

const mediaEvent = z.object({
  sender: z.object({ id }),
  /** An image sent with words under it carries them as `text`. */
  message: z.object({ msg_id: id, text: z.string().optional() }),
});

const followEvent = z.object({
  follower: z.object({ id }),
  timestamp,
});

/**
 * Group chats of the OA (Zalo's GMF: `user_send_group_text`, `user_send_group_image`…) are not for this bot: it works
 * in private chats only, and an answer could only go to the group. They have no effect (no registration, no report),
 * and are not answered: a refusal would have to be posted to the group.
 */
const GROUP_EVENT = /^user_send_group_/;
/** What the OA itself sent (`oa_send_text`, `oa_send_group_text`…), echoed back by Zalo: never a person's message. */
const OA_EVENT = /^oa_send_/;

export function parseZaloEvent(body: unknown): ZaloEvent {
  const head = envelope.safeParse(body);
  if (!head.success) return { kind: 'ignored', reason: 'not a Zalo event' };
  const eventName = head.data.event_name;
  if (GROUP_EVENT.test(eventName)) return { kind: 'ignored', reason: 'group chat (private chats only)' };
  if (OA_EVENT.test(eventName)) return { kind: 'ignored', reason: 'sent by the OA' };

  if (eventName === 'user_send_text') {
    const parsed = textEvent.safeParse(body);
    if (!parsed.success) return { kind: 'ignored', reason: `malformed ${eventName}` };
    const text = capText(parsed.data.message.text.trim());
    if (!text) return { kind: 'ignored', reason: 'empty text' };
    const action = ACTION_PAYLOAD.exec(text)?.[1];
    const { sender, message } = parsed.data;
    return { kind: 'message', key: message.msg_id, userId: sender.id, text, ...(action ? { action } : {}) };
  }

  if (MEDIA_EVENTS.has(eventName)) {
    const parsed = mediaEvent.safeParse(body);
    if (!parsed.success) return { kind: 'ignored', reason: `malformed ${eventName}` };
    // The words under an image are the message (the image is not kept); a sticker or a voice note has none.
    const text = capText((parsed.data.message.text ?? '').trim());
    return { kind: 'message', key: parsed.data.message.msg_id, userId: parsed.data.sender.id, text };
  }

  if (eventName === 'follow' || eventName === 'unfollow') {
    const parsed = followEvent.safeParse(body);
    if (!parsed.success) return { kind: 'ignored', reason: `malformed ${eventName}` };
    const userId = parsed.data.follower.id;
    // Follow events carry no msg_id; this hash is stable across Zalo's redeliveries.
    const key = createHash('sha256')
      .update(`${eventName}\n${userId}\n${parsed.data.timestamp}`)
      .digest('hex');
    return { kind: eventName, key, userId };
  }

  return { kind: 'ignored', reason: `unsupported event ${eventName.slice(0, 64)}` };
}

/**
 * A message or a follow event → the channel-agnostic message, under the sender's display name (looked up by the
 * channel). A follow or unfollow carries its kind as `event`, and no text.
 */
export function toIncomingMessage(
  event: Exclude<ZaloEvent, { kind: 'ignored' }>,
  displayName: string,
): IncomingMessage {
  const who = { channel: 'zalo', chatId: event.userId, userId: event.userId, displayName } as const;
  if (event.kind !== 'message') return { ...who, event: event.kind };
  return { ...who, text: event.text, ...(event.action ? { action: event.action } : {}) };
}

function capText(text: string): string {
  if (text.length <= MAX_INBOUND_TEXT) return text;
  const cut = text.slice(0, MAX_INBOUND_TEXT);
  // Never leave half of a surrogate pair (an emoji) at the end.
  // A cut through an emoji leaves half of it; a half that arrived on its own becomes U+FFFD.
  return (/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut).replace(/\p{Cs}/gu, '\uFFFD').trimEnd();
}
