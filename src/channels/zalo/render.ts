import type { Button, OutgoingMessage } from '../../messages.ts';
import { t } from '../../texts/index.ts';
import type { ZaloButton, ZaloSendMessage } from './client.ts';

export const MAX_ZALO_TEXT = 2000;
export const MAX_ZALO_BUTTONS = 5;
/** Zalo's documented limit for a button title. */
export const MAX_ZALO_BUTTON_TITLE = 100;

export function renderZaloMessages(msg: OutgoingMessage): ZaloSendMessage[] {
  const buttons = msg.buttons ?? [];
  const parts = [msg.text.trim()];
  if (msg.document) parts.push(documentNotice(msg.document.filename));
  let body = parts.filter(Boolean).join('\n\n');
  if (!body && buttons.length > 0) body = t.choosePrompt;
  const chunks = splitZaloText(body);

  if (buttons.length > MAX_ZALO_BUTTONS) {
    const list = [...buttons.map((b, i) => `${i + 1}. ${b.label.trim()}`), t.numberedChoiceHint].join('\n');
    const lastIndex = chunks.length - 1;
    const last = chunks[lastIndex];
    if (last !== undefined && last.length + 2 + list.length <= MAX_ZALO_TEXT)
      chunks[lastIndex] = `${last}\n\n${list}`;
    else chunks.push(...splitZaloText(list));
  }

  const messages: ZaloSendMessage[] = chunks.map((text) => ({ text }));
  const last = messages.at(-1);
  if (last && buttons.length > 0 && buttons.length <= MAX_ZALO_BUTTONS) {
    last.attachment = { type: 'template', payload: { buttons: buttons.map(renderButton) } };
  }
  return messages;
}

function renderButton(button: Button): ZaloButton {
  const label = button.label.trim() || button.action;
  const title =
    label.length > MAX_ZALO_BUTTON_TITLE ? `${cutUnits(label, MAX_ZALO_BUTTON_TITLE - 1).trimEnd()}…` : label;
  return { title, type: 'oa.query.hide', payload: `#${button.action}` };
}

function documentNotice(filename: string): string {
  const name = cutUnits(filename.trim(), 120);
  return t.zaloNoFiles(name);
}

/** Splits text into chunks of at most `limit` UTF-16 units, preferring line, then word boundaries. */
export function splitZaloText(text: string, limit = MAX_ZALO_TEXT): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = findCut(rest, limit);
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk) chunks.push(chunk);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

function findCut(text: string, limit: number): number {
  // A whitespace at index `limit` still lets the first `limit` units form a chunk of whole words.
  const window = text.slice(0, limit + 1);
  const newline = window.lastIndexOf('\n');
  if (newline > limit / 2) return newline;
  for (let i = window.length - 1; i > 0; i--) {
    if (/\s/.test(window.charAt(i))) return i;
  }
  return cutUnits(text, limit).length;
}

/** The first `max` UTF-16 units, never ending on half of a surrogate pair. */
function cutUnits(text: string, max: number): string {
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}
