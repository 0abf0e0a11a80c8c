import { desc, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { unansweredQuestions } from '../schema.ts';

export type UnansweredQuestion = typeof unansweredQuestions.$inferSelect;

/** Counts one more asking of a question (by its normalised form), keeping the latest wording as the sample. */
export async function recordUnansweredQuestion(
  db: Db,
  params: { normalized: string; sample: string; at: Date },
): Promise<void> {
  const normalized = params.normalized.slice(0, 500);
  const sample = params.sample.slice(0, 500);
  await db
    .insert(unansweredQuestions)
    .values({ normalized, sample, lastAskedAt: params.at })
    .onConflictDoUpdate({
      target: unansweredQuestions.normalized,
      set: { count: sql`${unansweredQuestions.count} + 1`, lastAskedAt: params.at, sample },
    });
}

/** The most asked unanswered questions first, the most recently asked first among equals. */
export function listUnansweredQuestions(db: Db, limit: number): Promise<UnansweredQuestion[]> {
  return db
    .select()
    .from(unansweredQuestions)
    .orderBy(desc(unansweredQuestions.count), desc(unansweredQuestions.lastAskedAt))
    .limit(limit);
}
