import { readFileSync } from 'node:fs';
import { type Calibration, type ConfidenceFeatures, confidenceFeatures, confidenceOf } from './confidence.ts';
import { judgeDeadlineClaim, parseMomentClaim } from './deadline-check.ts';
import {
  type Directive,
  type DirectivePart,
  directiveSchema,
  itemsById,
  renderOutline,
  renderPart,
} from './directive.ts';
import { factAnswer, outOfScopeText } from './facts.ts';
import { foldDiacritics, normalize, normalizeTokens } from './normalise.ts';
import { pairsSchema, type QaPair } from './pairs.ts';
import { detectQuestionType, type QuestionType } from './question-type.ts';
import { repairTokens } from './repair.ts';
import { type Candidate, createSearchIndex, RANKING } from './search-index.ts';
import { accentedWords } from './tone.ts';

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
    }
  | { kind: 'suggest'; text: string; suggestions: QaSuggestion[]; confidence: number }
  | { kind: 'out_of_scope'; text: string; confidence: number };

export interface QaEngine {
  ask(question: string): QaResult;
  answerById(id: string): QaResult | null;
  outline(): { text: string; parts: DirectivePart[] };
  part(id: string): DirectivePart | null;
  normalize(text: string): string;
}

/** What the ranker saw for one question: the evaluation reads it, `ask` turns it into a reply. */
export interface Analysis {
  tokens: string[];
  questionType: QuestionType;
  candidates: Candidate[];
  features: ConfidenceFeatures | undefined;
  confidence: number;
}

export interface QaOptions {
  /** Confidence needed to answer; below it the engine suggests questions. */
  threshold?: number;
  /** Confidence below which the engine says the directive does not cover the question. */
  suggestFloor?: number;
  dataDir?: URL;
  /** Replaces the fitted confidence model (the evaluation refits it). */
  calibration?: Calibration;
}

export const DEFAULT_THRESHOLD = 0.8;
export const DEFAULT_SUGGEST_FLOOR = 0.25;

const SPECIFIC_TYPES: ReadonlySet<QuestionType> = new Set(['time', 'where', 'who', 'number']);
const SUGGEST_INTRO = 'Có phải bạn muốn hỏi:';
// Asked most often; they fill the suggestion list when the ranker has fewer than two candidates.
const FALLBACK_SUGGESTIONS = ['han-bao-cao', 'gui-bao-cao', 'trich-yeu'];

const DEFAULT_DATA_DIR = new URL('../../data/', import.meta.url);

function readJson(dir: URL, name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
}

export function loadDirective(dataDir: URL = DEFAULT_DATA_DIR): Directive {
  return directiveSchema.parse(readJson(dataDir, 'directive.json'));
}

export function loadPairs(dataDir: URL = DEFAULT_DATA_DIR): QaPair[] {
  return pairsSchema.parse(readJson(dataDir, 'qa-pairs.json'));
}

/** "mục 1" when a pair rests on every bullet of a part, else the individual labels. */
function citation(refs: readonly string[], directive: Directive): string {
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

export function createEngine(options: QaOptions = {}): QaEngine & { analyze(question: string): Analysis } {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const suggestFloor = Math.min(options.suggestFloor ?? DEFAULT_SUGGEST_FLOOR, threshold);
  const directive = loadDirective(options.dataDir);
  const pairs = loadPairs(options.dataDir);
  const items = itemsById(directive);
  const pairById = new Map(pairs.map((pair) => [pair.id, pair]));
  const parts = directive.parts.map(renderPart);

  for (const pair of pairs) {
    for (const ref of pair.refs)
      if (!items.has(ref)) throw new Error(`qa pair ${pair.id}: unknown clause ${ref}`);
  }

  const baseText = (pair: QaPair): string => pair.answer ?? factAnswer(pair.facts!, directive);
  const index = createSearchIndex(
    pairs.map((pair) => ({
      pairId: pair.id,
      phrasings: [pair.question, ...pair.phrasings],
      keywords: pair.keywords,
      body: [...pair.refs.map((ref) => items.get(ref)!.text), baseText(pair)].join(' '),
    })),
  );
  const numbersOf = new Map(
    pairs.map((pair) => [pair.id, new Set(normalizeTokens(baseText(pair)).filter((t) => /^\d+$/.test(t)))]),
  );

  // Diacritics the officer typed are evidence too: "thưởng" folds like "thường" but the directive never says it.
  const corpusWords = new Set(
    accentedWords(
      [
        ...directive.parts.flatMap((part) => [part.title, ...part.items.map((item) => item.text)]),
        ...pairs.flatMap((pair) => [pair.question, ...pair.phrasings, pair.keywords, baseText(pair)]),
      ].join(' '),
    ),
  );

  function analyze(question: string): Analysis {
    const tokens = repairTokens(normalizeTokens(question), index.vocabulary);
    const foreign = new Set(
      accentedWords(question)
        .filter((word) => !corpusWords.has(word))
        .map(foldDiacritics),
    );
    const questionType = detectQuestionType(tokens);
    const candidates = index
      .search(tokens)
      .map((candidate) => {
        const typed = pairById.get(candidate.pairId)?.types.includes(questionType) ?? false;
        return typed ? { ...candidate, score: candidate.score * (1 + RANKING.typeBoost) } : candidate;
      })
      .sort((a, b) => b.score - a.score);
    const top = candidates[0] && pairById.get(candidates[0].pairId);
    // The deadline answer checks a claimed date or hour itself ("hạn là 15/2 à?" → "Không đúng…").
    const checksMoments = top?.facts === 'deadline' && Object.keys(parseMomentClaim(question)).length > 0;
    const neutral = new Set(checksMoments ? tokens.filter((token) => /^\d+$/.test(token)) : []);
    const features = confidenceFeatures(candidates, tokens, index, { foreign, neutral });
    let confidence = features ? confidenceOf(features, options.calibration) : 0;
    // "Ai là chủ tịch UBND tỉnh?" ranks the clause naming the chairman's directive first, but a who-question
    // answered with a directive is no answer: a specific question type the best pair does not serve halves it.
    if (top && SPECIFIC_TYPES.has(questionType) && !top.types.includes(questionType)) confidence /= 2;
    return { tokens, questionType, candidates, features, confidence };
  }

  function shape(pair: QaPair, question: string, tokens: readonly string[], type: QuestionType): string {
    const text = baseText(pair);
    if (type !== 'yesno') return text;
    if (pair.facts === 'deadline') {
      const lead = DEADLINE_LEADS[judgeDeadlineClaim(question, directive.dispatch.report.deadline)];
      return lead ? `${lead} ${text}` : text;
    }
    // "Có phải trực 12/24 không?" must not be answered "Có": only affirm when every number asked is in the clause.
    const numbers = numbersOf.get(pair.id)!;
    const foreign = tokens.some((token) => /^\d+$/.test(token) && !numbers.has(token));
    return pair.yes && !foreign ? `${pair.yes} ${text}` : text;
  }

  function answer(pair: QaPair, text: string, confidence: number, questionType: QuestionType): QaResult {
    return {
      kind: 'answer',
      id: pair.id,
      text,
      clause: citation(pair.refs, directive),
      confidence,
      questionType,
    };
  }

  function suggestions(candidates: readonly Candidate[]): QaSuggestion[] {
    const top = candidates[0]?.score ?? 0;
    const ids = candidates
      .filter((candidate) => candidate.score >= top * 0.3)
      .slice(0, 3)
      .map((candidate) => candidate.pairId);
    for (const id of FALLBACK_SUGGESTIONS) if (ids.length < 2 && !ids.includes(id)) ids.push(id);
    return ids.map((id) => ({ id, question: pairById.get(id)!.question }));
  }

  function ask(question: string): QaResult {
    const analysis = analyze(question);
    const { candidates, confidence, questionType, tokens } = analysis;
    const best = candidates[0] && pairById.get(candidates[0].pairId);
    if (!best || confidence < suggestFloor) {
      return { kind: 'out_of_scope', text: outOfScopeText(directive), confidence };
    }
    if (confidence < threshold) {
      return { kind: 'suggest', text: SUGGEST_INTRO, suggestions: suggestions(candidates), confidence };
    }
    return answer(best, shape(best, question, tokens, questionType), confidence, questionType);
  }

  return {
    ask,
    analyze,
    answerById(id) {
      const pair = pairById.get(id);
      return pair ? answer(pair, baseText(pair), 1, pair.types[0]!) : null;
    },
    outline: () => ({ text: renderOutline(directive), parts }),
    part: (id) => parts.find((part) => part.id === id) ?? null,
    normalize,
  };
}
