import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { unansweredQuestions } from '../db/schema.ts';
import type { QaEngine } from '../qa/index.ts';
import type { ActionHandler, CommandHandler, Turn } from './engine.ts';
import { redactCodes } from './intent.ts';
import { requireStaff } from './staff.ts';

export async function recordUnanswered(db: Db, normalized: string, sample: string, at: Date): Promise<void> {
  if (!normalized) return;
  normalized = redactCodes(normalized);
  sample = redactCodes(sample);
  await db
    .insert(unansweredQuestions)
    .values({ normalized: normalized.slice(0, 500), sample: sample.slice(0, 500), lastAskedAt: at })
    .onConflictDoUpdate({
      target: unansweredQuestions.normalized,
      set: { count: sql`${unansweredQuestions.count} + 1`, lastAskedAt: at, sample: sample.slice(0, 500) },
    });
}

export function createQaHandlers(qa: QaEngine): {
  onFreeText: (turn: Turn, text: string) => Promise<void>;
  commands: Record<string, CommandHandler>;
  actions: Record<string, ActionHandler>;
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
            action: `qa:${s.id}`,
          })),
        );
      await recordUnanswered(turn.db, qa.normalize(text), text, turn.now);
      if (result.kind === 'suggest') {
        return turn.reply(
          result.text,
          result.suggestions.map((s) => ({ label: s.question, action: `qa:${s.id}` })),
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
            action: `vb:${p.id}`,
          })),
        );
      },
      questions: async (turn) => {
        if (!requireStaff(turn)) return;
        const rows = await turn.db
          .select()
          .from(unansweredQuestions)
          .orderBy(desc(unansweredQuestions.count), desc(unansweredQuestions.lastAskedAt))
          .limit(15);
        if (rows.length === 0) return turn.reply('Chưa có câu hỏi nào mà bot chưa trả lời được.');
        turn.reply(
          [
            'Các câu hỏi bot chưa trả lời chắc chắn (nhiều nhất trước):',
            ...rows.map((r, i) => `${i + 1}. "${r.sample}" — ${r.count} lần`),
          ].join('\n'),
        );
      },
    },
    actions: {
      qa: async (turn, id) => {
        const result = qa.answerById(id);
        turn.reply(result?.text ?? 'Không tìm thấy câu hỏi này. Bạn hãy gõ lại câu hỏi nhé.');
      },
      vb: async (turn, id) => {
        const part = qa.part(id);
        turn.reply(part ? `${part.title}\n\n${part.text}` : 'Không tìm thấy mục này. Gõ /vanban để xem lại.');
      },
    },
  };
}
