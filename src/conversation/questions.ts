import { actions } from '../actions.ts';
import { vnDay, vnInstant } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { listUnansweredQuestions, recordUnansweredQuestion } from '../db/queries/questions.ts';
import { countInFixedWindow } from '../db/queries/rate-limits.ts';
import type { QaEngine } from '../qa/index.ts';
import { t } from '../texts/index.ts';
import type { ActionHandler, CommandHandler, Turn } from './engine.ts';
import { redactCodes } from './intent.ts';

export async function recordUnanswered(db: Db, normalized: string, sample: string, at: Date): Promise<void> {
  if (!normalized) return;
  await recordUnansweredQuestion(db, {
    normalized: redactCodes(normalized),
    sample: redactCodes(sample),
    at,
  });
}

/** Questions of one unregistered sender stored for /cauhoi per Vietnam day; past it they are answered, not stored. */
export const MAX_STRANGER_QUESTIONS_PER_DAY = 20;

/**
 * True when this question may be stored: always for registered people, up to MAX_STRANGER_QUESTIONS_PER_DAY a day for
 * a stranger, so one stranger cannot flood /cauhoi or push a question to the top by repeating it.
 */
async function mayStoreQuestion(turn: Turn): Promise<boolean> {
  if (turn.member) return true;
  const stored = await countInFixedWindow(turn.db, {
    key: `questions:${turn.msg.channel}:${turn.msg.userId}`,
    windowStart: vnInstant(vnDay(turn.now), '00:00'),
    now: turn.now,
  });
  return stored <= MAX_STRANGER_QUESTIONS_PER_DAY;
}

export function createQaHandlers(qa: QaEngine): {
  onFreeText: (turn: Turn, text: string) => Promise<void>;
  commands: { directive: CommandHandler; questions: CommandHandler };
  actions: { qa: ActionHandler; vb: ActionHandler };
} {
  return {
    async onFreeText(turn, text) {
      const result = qa.ask(text);
      // Answer first, with the nearby questions a tap away.
      if (result.kind === 'answer')
        return turn.reply(
          result.text,
          (result.related ?? []).map((s) => ({
            label: s.question.length > 60 ? `${s.question.slice(0, 59)}…` : s.question,
            action: actions.question(s.id),
          })),
        );
      const normalized = qa.normalize(text);
      if (normalized && (await mayStoreQuestion(turn)))
        await recordUnanswered(turn.db, normalized, text, turn.now);
      if (result.kind === 'suggest') {
        return turn.reply(
          result.text,
          result.suggestions.map((s) => ({ label: s.question, action: actions.question(s.id) })),
        );
      }
      turn.reply(result.text);
    },
    commands: {
      directive: async (turn) => {
        const outline = qa.outline();
        turn.reply(
          outline.text,
          outline.parts.map((p) => ({
            label: p.title.length > 60 ? `${p.title.slice(0, 59)}…` : p.title,
            action: actions.directivePart(p.id),
          })),
        );
      },
      questions: async (turn) => {
        const rows = await listUnansweredQuestions(turn.db, 15);
        if (rows.length === 0) return turn.reply(t.questionsNone);
        turn.reply(
          [t.questionsTitle, ...rows.map((r, i) => t.questionsLine(i + 1, r.sample, r.count))].join('\n'),
        );
      },
    },
    actions: {
      qa: async (turn, id) => {
        const result = qa.answerById(id);
        turn.reply(result?.text ?? t.questionGone);
      },
      vb: async (turn, id) => {
        const part = qa.part(id);
        turn.reply(part ? `${part.title}\n\n${part.text}` : t.partGone);
      },
    },
  };
}

const handlersByEngine = new WeakMap<QaEngine, ReturnType<typeof createQaHandlers>>();
/** The Q&A handlers of the turn's engine (made once per engine: a new letter brings a new engine). */
function qaOf(turn: Turn): ReturnType<typeof createQaHandlers> | null {
  const qa = turn.services.qa;
  if (!qa) return null;
  const known = handlersByEngine.get(qa);
  if (known) return known;
  const handlers = createQaHandlers(qa);
  handlersByEngine.set(qa, handlers);
  return handlers;
}

/** Free text that is a question: the Q&A answers it (or says it is coming, when no letter is loaded). */
export const answerFreeText = async (turn: Turn, text: string): Promise<void> => {
  const qa = qaOf(turn);
  if (!qa) return turn.reply(t.qaComing);
  return qa.onFreeText(turn, text);
};
export const directiveCommand: CommandHandler = async (turn, args) => {
  const qa = qaOf(turn);
  return qa ? qa.commands.directive(turn, args) : turn.reply(t.qaComing);
};
export const questionsCommand: CommandHandler = async (turn, args) => {
  const qa = qaOf(turn);
  return qa ? qa.commands.questions(turn, args) : turn.reply(t.qaComing);
};
export const questionAction: ActionHandler = async (turn, id) => qaOf(turn)?.actions.qa(turn, id);
export const directivePartAction: ActionHandler = async (turn, id) => qaOf(turn)?.actions.vb(turn, id);
