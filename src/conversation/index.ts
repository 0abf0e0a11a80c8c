import type { Clock } from '../clock.ts';
import type { QaEngine } from '../qa/index.ts';
import { type ActionSpec, type Conversation, createConversation } from './engine.ts';
import { incidentAnswer } from './follow-up.ts';
import { answerFreeText, directivePartAction, questionAction } from './questions.ts';
import { REPORT_ACTIONS } from './reporting.ts';
import { statusAction } from './staff.ts';
import type { BoardUrl } from './web.ts';

export interface BotConversationDeps {
  clock: Clock;
  qa?: QaEngine;
  /** The web board's public base URL, for `/web` sign-in links. */
  boardUrl?: BoardUrl;
}

/**
 * Every button the bot shows, by its action prefix (see src/actions.ts for the encoders), with who may tap it.
 * The report dialog's buttons check the officer themselves: a tap from anyone else is "expired", not refused.
 */
export const ACTION_TABLE: Record<string, ActionSpec> = {
  ...Object.fromEntries(
    Object.entries(REPORT_ACTIONS).map(([prefix, handler]) => [prefix, { who: 'anyone', handler }]),
  ),
  ix: { who: 'anyone', handler: incidentAnswer },
  st: { who: 'staff', handler: statusAction },
  qa: { who: 'anyone', handler: questionAction },
  vb: { who: 'anyone', handler: directivePartAction },
};

/** The whole dialog engine: registration, reports, status, help and Q&A, channel-agnostic. */
export function createBotConversation(deps: BotConversationDeps): Conversation {
  return createConversation({
    clock: deps.clock,
    actions: ACTION_TABLE,
    onFreeText: answerFreeText,
    services: { ...(deps.qa ? { qa: deps.qa } : {}), ...(deps.boardUrl ? { boardUrl: deps.boardUrl } : {}) },
  });
}
