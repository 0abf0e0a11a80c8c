import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChannelSender } from '../../delivery/sender.ts';
import type { Inbox } from '../../inbox/processor.ts';
import type { Envelope } from '../../messages.ts';
import { t } from '../../texts/index.ts';
import type { ChannelAdapter } from '../adapter.ts';
import { DEMO_PERSONAS, type Persona, parseConsoleLine } from './parse.ts';
import { renderConsoleMessage } from './render.ts';

export interface ConsoleChannel extends ChannelAdapter {
  name: 'console';
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

  const help = () => write(t.consoleHelp);

  const prompt = () => deps.output.write(`[${persona.label}] > `);

  const sender: ChannelSender = {
    async send(envelope: Envelope) {
      deps.output.write(`\n${renderConsoleMessage(envelope, persona.chatId)}\n`);
      prompt();
    },
  };

  rl.on('line', (line) => {
    const parsed = parseConsoleLine(line, persona);
    switch (parsed.kind) {
      case 'exit':
        deps.onExit?.();
        return;
      case 'persona':
        if (parsed.persona) {
          persona = parsed.persona;
          write(t.consoleNowYou(persona.displayName, persona.label));
        } else help();
        return prompt();
      case 'empty':
        return prompt();
      case 'message':
        counter++;
        deps.inbox.accept(`${persona.chatId}:${Date.now()}:${counter}`, parsed.message).catch((err) => {
          write(t.consoleNotRecorded(err instanceof Error ? err.message : String(err)));
          prompt();
        });
    }
  });
  rl.on('close', () => deps.onExit?.());

  return {
    name: 'console',
    sender,
    // Nothing to protect: the terminal takes whatever comes.
    rates: { perSecond: 1000 },
    routes: {},
    async start() {
      if (deps.intro) write(deps.intro);
      help();
      prompt();
    },
    async stop() {
      rl.close();
    },
    health: () => ({ ok: true }),
  };
}
