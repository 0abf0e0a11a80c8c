import type { Candidate } from './search-index.ts';

export interface ConfidenceFeatures {
  /** Share of the query's unigram weight matched by the best pair. */
  coverage: number;
  /** Share of the query's bigrams matched by the best pair. */
  bigramCoverage: number;
  /** log(1 + score) of the best pair. */
  logScore: number;
  /** (best − second) / best. */
  margin: number;
  /** 1 when the best pair answers the detected question type. */
  typeMatch: number;
}

export const FEATURE_NAMES = ['coverage', 'bigramCoverage', 'logScore', 'margin', 'typeMatch'] as const;

export function confidenceFeatures(
  candidates: readonly Candidate[],
  tokens: readonly string[],
  weight: (term: string) => number,
  typeMatch: boolean,
): ConfidenceFeatures | undefined {
  const [best, second] = candidates;
  if (!best) return undefined;
  const unigrams = [...new Set(tokens)];
  const pairs = [...new Set(tokens.slice(1).map((token, i) => `${tokens[i]}_${token}`))];
  let total = 0;
  let matched = 0;
  for (const term of unigrams) {
    total += weight(term);
    if (best.matched.has(term)) matched += weight(term);
  }
  return {
    coverage: total > 0 ? matched / total : 0,
    bigramCoverage:
      pairs.length > 0 ? pairs.filter((term) => best.matched.has(term)).length / pairs.length : 0,
    logScore: Math.log1p(best.score),
    margin: second ? (best.score - second.score) / best.score : 1,
    typeMatch: typeMatch ? 1 : 0,
  };
}

/**
 * Logistic model of "the best pair is the right answer", fitted on the tuning half of data/qa-eval.tsv
 * (`npm run eval:qa -- --fit`), so the confidence reads as a probability.
 */
export const CALIBRATION = {
  intercept: -6,
  weights: { coverage: 6, bigramCoverage: 1, logScore: 0.5, margin: 2, typeMatch: 0.5 },
};

export function confidenceOf(features: ConfidenceFeatures, model = CALIBRATION): number {
  let z = model.intercept;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}
