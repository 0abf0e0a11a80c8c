import type { Candidate } from './search-index.ts';

export interface ConfidenceFeatures {
  /** Share of the query's unigram weight matched anywhere in the best pair. */
  coverage: number;
  /** Share matched by the best pair's curated phrasings and keywords. */
  curatedCoverage: number;
  /** Share of the query's bigrams matched by the best pair. */
  bigramCoverage: number;
  /** Weight of the most telling query word the best pair does not contain (thuế, vaccine, 5g…). */
  maxMissing: number;
  /** (best − second) / best. */
  margin: number;
  /** 1 when the best pair answers the detected question type, 0.5 for a generic question, else 0. */
  typeMatch: number;
}

export const FEATURE_NAMES = [
  'coverage',
  'curatedCoverage',
  'bigramCoverage',
  'maxMissing',
  'margin',
  'typeMatch',
] as const;

// Chat particles and forms of address say nothing about the topic, so they neither help nor hurt coverage.
const PARTICLES = new Set([
  'a',
  'ad',
  'admin',
  'ah',
  'ak',
  'alo',
  'anh',
  'ban',
  'chi',
  'dum',
  'em',
  'giup',
  'ha',
  'minh',
  'nha',
  'nhe',
  'nhi',
  'oi',
  'ok',
  'toi',
  'vay',
  'xin',
]);

export function confidenceFeatures(
  candidates: readonly Candidate[],
  tokens: readonly string[],
  weight: (term: string) => number,
  typeMatch: number,
  /** Folded forms of words typed with diacritics the directive never uses: they match nothing. */
  foreign: ReadonlySet<string>,
): ConfidenceFeatures | undefined {
  const [best, second] = candidates;
  if (!best) return undefined;
  const unigrams = [...new Set(tokens)].filter((token) => !PARTICLES.has(token));
  const pairs = [...new Set(tokens.slice(1).map((token, i) => `${tokens[i]}_${token}`))];
  let total = 0;
  let matched = 0;
  let curated = 0;
  let maxMissing = 0;
  for (const term of unigrams) {
    const w = weight(term);
    total += w;
    if (foreign.has(term)) {
      maxMissing = Math.max(maxMissing, w);
      continue;
    }
    if (best.matched.has(term)) matched += w;
    else maxMissing = Math.max(maxMissing, w);
    if (best.matchedCurated.has(term)) curated += w;
  }
  return {
    coverage: total > 0 ? matched / total : 0,
    curatedCoverage: total > 0 ? curated / total : 0,
    bigramCoverage: pairs.length > 0 ? pairs.filter((term) => best.matched.has(term)).length / pairs.length : 0,
    maxMissing,
    margin: second ? (best.score - second.score) / best.score : 1,
    typeMatch,
  };
}

/**
 * Logistic model of "the best pair is the right answer", fitted on the tuning half of data/qa-eval.tsv
 * (`npm run eval:qa -- --fit`), so the confidence reads as a probability.
 */
export interface Calibration {
  intercept: number;
  weights: Record<(typeof FEATURE_NAMES)[number], number>;
}

export const CALIBRATION: Calibration = {
  intercept: -3,
  weights: { coverage: 3, curatedCoverage: 2, bigramCoverage: 1, maxMissing: -1, margin: 2, typeMatch: 0.5 },
};

export function confidenceOf(features: ConfidenceFeatures, model: Calibration = CALIBRATION): number {
  let z = model.intercept;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}
