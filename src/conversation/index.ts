import type { Clock } from '../clock.ts';
import type { QaEngine } from '../qa/index.ts';
import { type ActionHandler, type CommandHandler, type Conversation, createConversation } from './engine.ts';
import { exportCommand, summaryCommand } from './exports.ts';
import { broadcast, incidentAnswer, pause } from './follow-up.ts';
import { link } from './link.ts';
import { createQaHandlers } from './questions.ts';
import { register, start } from './registration.ts';
import { help, status, statusAction } from './staff.ts';
import { t } from './texts.ts';
import { type BoardUrl, createWebCommand } from './web.ts';

export interface BotConversationDeps {
  clock: Clock;
  qa?: QaEngine;
  /** The web board's public base URL, for `/web` sign-in links. */
  boardUrl?: BoardUrl;
  /** Commands and actions of later features (follow-ups, exports…), merged last. */
  extraCommands?: Record<string, CommandHandler>;
  extraActions?: Record<string, ActionHandler>;
}

/** The whole dialog engine: registration, reports, status, help and Q&A, channel-agnostic. */
export function createBotConversation(deps: BotConversationDeps): Conversation {
  const qa = deps.qa ? createQaHandlers(deps.qa) : undefined;
  return createConversation({
    clock: deps.clock,
    register,
    commands: {
      start,
      register,
      status,
      help,
      link,
      pause,
      broadcast,
      export: exportCommand,
      summary: summaryCommand,
      web: createWebCommand({ boardUrl: deps.boardUrl }),
      ...qa?.commands,
      ...deps.extraCommands,
    },
    actions: { st: statusAction, ix: incidentAnswer, ...qa?.actions, ...deps.extraActions },
    onFreeText: qa?.onFreeText ?? (async (turn) => turn.reply(t.qaComing)),
  });
}
