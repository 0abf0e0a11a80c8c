import type { OutgoingMessage } from '../../messages.ts';

/** One outgoing message → the terminal's lines: numbered choices for buttons, a note for a file. */
export function renderConsoleMessage(msg: OutgoingMessage, currentChatId: string): string {
  const lines: string[] = [];
  if (msg.chatId !== currentChatId) lines.push(`── tin nhắn tới ${msg.chatId} ──`);
  lines.push(msg.text);
  msg.buttons?.forEach((b, i) => {
    lines.push(`   ${i + 1}) ${b.label}`);
  });
  if (msg.document) lines.push(`   [tệp đính kèm: ${msg.document.filename}]`);
  return lines.map((l) => `🤖 ${l}`).join('\n');
}
