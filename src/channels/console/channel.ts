import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChannelSender } from '../../delivery/sender.ts';
import type { Inbox } from '../../inbox/processor.ts';
import type { Envelope, IncomingMessage } from '../../messages.ts';

export interface Persona {
  chatId: string;
  displayName: string;
  label: string;
}

export const DEMO_PERSONAS: Record<string, Persona> = {
  canbo: { chatId: 'demo-officer', displayName: 'Nguyễn Văn An', label: 'cán bộ trực (Viettel Bắc Giang)' },
  so: { chatId: 'demo-staff', displayName: 'Trần Thị Bình', label: 'cán bộ Sở' },
  moi: { chatId: 'demo-new', displayName: 'Lê Minh Cường', label: 'người dùng mới (chưa đăng ký)' },
};

export interface ConsoleChannel {
  sender: ChannelSender;
  start(): void;
  stop(): void;
}

/** A terminal chat on the same conversation engine: one line in, the outbox's messages out. */
export function createConsoleChannel(deps: {
  inbox: Inbox;
  input: Readable;
  output: Writable;
  intro?: string;
  onExit?: () => void;
}): ConsoleChannel {
  let persona: Persona = DEMO_PERSONAS.canbo!;
  let counter = 0;
  const write = (s: string) => deps.output.write(`${s}\n`);
  const rl = createInterface({ input: deps.input, output: deps.output, terminal: false });

  const help = () =>
    write(
      [
        'Gõ tin nhắn như trên điện thoại (ví dụ /baocao, /status, hoặc một câu hỏi).',
        'Đổi vai: :canbo (cán bộ trực), :so (cán bộ Sở), :moi (người dùng mới). Thoát: :thoat',
        'Khi có lựa chọn, gõ số thứ tự của lựa chọn.',
      ].join('\n'),
    );

  const prompt = () => deps.output.write(`[${persona.label}] > `);

  const sender: ChannelSender = {
    async send(envelope: Envelope) {
      const lines: string[] = [];
      if (envelope.chatId !== persona.chatId) lines.push(`── tin nhắn tới ${envelope.chatId} ──`);
      lines.push(envelope.text);
      envelope.buttons?.forEach((b, i) => {
        lines.push(`   ${i + 1}) ${b.label}`);
      });
      if (envelope.document) lines.push(`   [tệp đính kèm: ${envelope.document.filename}]`);
      deps.output.write(`\n${lines.map((l) => `🤖 ${l}`).join('\n')}\n`);
      prompt();
    },
  };

  rl.on('line', (line) => {
    const text = line.trim();
    if (text === ':thoat' || text === ':q') {
      deps.onExit?.();
      return;
    }
    if (text.startsWith(':')) {
      const next = DEMO_PERSONAS[text.slice(1)];
      if (next) {
        persona = next;
        write(`Bây giờ bạn là ${persona.displayName} — ${persona.label}.`);
      } else help();
      return prompt();
    }
    if (!text) return prompt();
    const message: IncomingMessage = {
      channel: 'console',
      chatId: persona.chatId,
      userId: persona.chatId,
      displayName: persona.displayName,
      text,
    };
    counter++;
    deps.inbox.accept(`${persona.chatId}:${Date.now()}:${counter}`, message).catch((err) => {
      write(`(không ghi nhận được tin nhắn: ${err instanceof Error ? err.message : String(err)})`);
      prompt();
    });
  });
  rl.on('close', () => deps.onExit?.());

  return {
    sender,
    start() {
      if (deps.intro) write(deps.intro);
      help();
      prompt();
    },
    stop() {
      rl.close();
    },
  };
}
