import type { IncomingMessage } from '../../messages.ts';
import { t } from '../../texts/index.ts';

export interface Persona {
  chatId: string;
  displayName: string;
  label: string;
}

export const DEMO_PERSONAS: Record<string, Persona> = {
  canbo: { chatId: 'demo-officer', displayName: 'Nguyễn Văn An', label: t.personaOfficer },
  so: { chatId: 'demo-staff', displayName: 'Trần Thị Bình', label: t.personaStaff },
  moi: { chatId: 'demo-new', displayName: 'Lê Minh Cường', label: t.personaNew },
};

export type ConsoleLine =
  | { kind: 'exit' }
  /** `:canbo`, `:so`, `:moi`; an unknown name (no persona) asks for help. */
  | { kind: 'persona'; persona?: Persona }
  | { kind: 'empty' }
  | { kind: 'message'; message: IncomingMessage };

/** One typed line → a console command or a message from the current persona. */
export function parseConsoleLine(line: string, persona: Persona): ConsoleLine {
  const text = line.trim();
  if (text === ':thoat' || text === ':q') return { kind: 'exit' };
  if (text.startsWith(':')) {
    const next = DEMO_PERSONAS[text.slice(1)];
    return next ? { kind: 'persona', persona: next } : { kind: 'persona' };
  }
  if (!text) return { kind: 'empty' };
  return {
    kind: 'message',
    message: {
      channel: 'console',
      chatId: persona.chatId,
      userId: persona.chatId,
      displayName: persona.displayName,
      text,
    },
  };
}
