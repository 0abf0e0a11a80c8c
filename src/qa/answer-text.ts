import { judgeDeadlineClaim } from './deadline-check.ts';
import type { Directive } from './directive.ts';
import type { QaPair } from './pairs.ts';
import type { QuestionType } from './question-type.ts';

/** "mục 1" when a pair rests on every bullet of a part, else the individual labels. */
export function citation(refs: readonly string[], directive: Directive): string {
  const labels: string[] = [];
  for (const part of directive.parts) {
    const cited = part.items.filter((item) => refs.includes(item.id));
    if (cited.length === 0) continue;
    if (cited.length === part.items.length && cited.length > 1 && /^Mục \d+/.test(part.title)) {
      labels.push(part.title.split('.')[0]!.toLowerCase());
    } else labels.push(...cited.map((item) => item.label));
  }
  return labels.join('; ');
}

const DEADLINE_LEADS = {
  confirmed: 'Đúng.',
  wrong_deadline: 'Không đúng.',
  in_time: 'Được, như vậy vẫn kịp hạn.',
  in_time_if_before_hour: 'Được, nếu gửi trước giờ hạn.',
  late: 'Không, như vậy là quá hạn.',
  none: '',
} as const;

export interface ShapeInput {
  pair: QaPair;
  /** The pair's answer, curated or rendered from the facts. */
  text: string;
  question: string;
  tokens: readonly string[];
  questionType: QuestionType;
  /** Numbers the pair's answer and clauses mention. */
  numbers: ReadonlySet<string>;
}

/** Leads a yes/no question with its verdict; other questions get the answer as it is. */
export function shapeAnswer(input: ShapeInput, directive: Directive): string {
  const { pair, text, question, tokens, questionType, numbers } = input;
  if (questionType !== 'yesno') return text;
  if (pair.facts === 'deadline') {
    const lead = DEADLINE_LEADS[judgeDeadlineClaim(question, directive.dispatch.report.deadline)];
    return lead ? `${lead} ${text}` : text;
  }
  // "Có phải trực 12/24 không?" must not get "Có.": affirm only when every number asked is in the clause.
  const unexpected = tokens.some((token) => /^\d+$/.test(token) && !numbers.has(token));
  return pair.yes && !unexpected ? `${pair.yes} ${text}` : text;
}
