import type { DirectivePart } from './directive.ts';
import type { QuestionType } from './question-type.ts';

/** A curated question offered as a button; `id` goes into the button action (`qa:<id>`). */
export interface QaSuggestion {
  id: string;
  question: string;
}

export type QaResult =
  | {
      kind: 'answer';
      id: string;
      text: string;
      clause: string;
      confidence: number;
      questionType: QuestionType;
      /** Up to three nearby questions, offered as buttons under the answer. */
      related?: QaSuggestion[];
    }
  | { kind: 'suggest'; text: string; suggestions: QaSuggestion[]; confidence: number }
  | { kind: 'out_of_scope'; text: string; confidence: number };

export interface QaEngine {
  ask(question: string): QaResult;
  /** A suggestion button was tapped. */
  answerById(id: string): QaResult | null;
  /** /vanban: the directive's outline and one part per button. */
  outline(): { text: string; parts: DirectivePart[] };
  /** A /vanban button was tapped: the part's full text. */
  part(id: string): DirectivePart | null;
  /** The folded, abbreviation-expanded form, used as the key for storing unanswered questions. */
  normalize(text: string): string;
}
