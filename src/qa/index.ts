import { createEngine } from './engine.ts';
import type { QaEngine } from './types.ts';

export type { DirectivePart } from './directive.ts';
export type { QuestionType } from './question-type.ts';
export type { QaEngine, QaResult, QaSuggestion } from './types.ts';

/** Reads data/directive.json and data/qa-pairs.json synchronously and builds the search index. */
export function createQa(options?: { threshold?: number }): QaEngine {
  const { ask, answerById, outline, part, normalize } = createEngine(options);
  return { ask, answerById, outline, part, normalize };
}
