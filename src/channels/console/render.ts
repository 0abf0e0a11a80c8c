import type { OutgoingMessage } from '../../messages.ts';
import { t } from '../../texts/index.ts';

/** One outgoing message → the terminal's lines: numbered choices for buttons, a note for a file. */
export function renderConsoleMessage(msg: OutgoingMessage, currentChatId: string): string {
  const lines: string[] = [];
  if (msg.chatId !== currentChatId) lines.push(t.consoleTo(msg.chatId));
  lines.push(msg.text);
  msg.buttons?.forEach((b, i) => {
    lines.push(`   ${i + 1}) ${b.label}`);
  });
  if (msg.document) lines.push(t.consoleFile(msg.document.filename));
  return lines.map((l) => `🤖 ${l}`).join('\n');
}
