import { z } from 'zod';
import { FACT_KINDS } from './facts.ts';
import { QUESTION_TYPES } from './question-type.ts';

// Ids travel in button actions (`qa:<id>`, Telegram caps callback_data at 64 bytes).
const idSchema = z.string().regex(/^[a-z0-9-]{1,40}$/);

const pairSchema = z
  .object({
    id: idSchema,
    question: z.string().min(1),
    types: z.array(z.enum(QUESTION_TYPES)).min(1),
    refs: z.array(z.string()).min(1),
    /** Curated answer text; absent when the answer is rendered from the structured dispatch facts. */
    answer: z.string().optional(),
    facts: z.enum(FACT_KINDS).optional(),
    /** Lead for a yes/no question, e.g. "Có." — only where the affirmative is always right. */
    yes: z.string().optional(),
    /** The pair of the clause this clause is an item of, for a letter's own clauses. */
    parent: z.string().optional(),
    phrasings: z.array(z.string()).min(3),
    keywords: z.string(),
  })
  .refine((pair) => (pair.answer === undefined) !== (pair.facts === undefined), {
    message: 'a pair has either an answer or facts',
  });

export const pairsSchema = z.array(pairSchema).min(1);
export type QaPair = z.infer<typeof pairSchema>;
