import type { Candidate, Evidence, SearchIndex } from './search-index.ts';

export interface ConfidenceFeatures {
  /** Share of the query's unigram weight matched anywhere in the best pair. */
  coverage: number;
  /** Share matched by the best pair's curated phrasings and keywords. */
  curatedCoverage: number;
  /** Share of the query's bigrams matched by the best pair. */
  bigramCoverage: number;
  /** Weight of the most telling query word the best pair does not contain (thuế, vaccine, 5g…). */
  maxMissing: number;
  /** The best pair's closest phrasing, as a weighted Dice overlap with the query. */
  similarity: number;
  /** (best − second) / best, saturating at a quarter: beyond that the winner is clear. */
  margin: number;
}

export const FEATURE_NAMES = [
  'coverage',
  'curatedCoverage',
  'bigramCoverage',
  'maxMissing',
  'similarity',
  'margin',
] as const;

// A typo matched fuzzily is evidence, but much weaker than the word itself.
const APPROXIMATE_CREDIT = 0.25;

// Chat particles, forms of address and "cho hỏi", "không biết" say nothing about the topic: they neither
// help nor hurt coverage.
const PARTICLES = new Set([
  'a',
  'ad',
  'admin',
  'ah',
  'ak',
  'alo',
  'anh',
  'ban',
  'biet',
  'chi',
  'dum',
  'e',
  'em',
  'giup',
  'ha',
  'hoi',
  'minh',
  'nha',
  'nhe',
  'nhi',
  'oi',
  'ong',
  'ok',
  'toi',
  'vay',
  'xin',
]);

export function confidenceFeatures(
  candidates: readonly Candidate[],
  best: Evidence,
  tokens: readonly string[],
  index: Pick<SearchIndex, 'weight' | 'similarity'>,
  words: {
    /** Folded forms of words typed with diacritics the directive never uses: they match nothing. */
    foreign: ReadonlySet<string>;
    /** Tokens the answer deals with itself, such as the date in "hạn là 15/2 à?": they count neither way. */
    neutral: ReadonlySet<string>;
    /** Positions of the question's scaffolding ("… là gì", "bao lâu"): they count neither way. */
    frame?: ReadonlySet<number>;
  },
): ConfidenceFeatures | undefined {
  const { foreign, neutral } = words;
  // Without a word of content left ("hạn là 15/2 à?"), the frame is all the question says.
  const frame =
    words.frame && tokens.some((t, i) => !words.frame!.has(i) && !PARTICLES.has(t) && !neutral.has(t))
      ? words.frame
      : new Set<number>();
  const framed = new Set(
    tokens.filter((token, i) => frame.has(i) && tokens.every((t, j) => t !== token || frame.has(j))),
  );
  const ignored = (term: string): boolean => PARTICLES.has(term) || neutral.has(term) || framed.has(term);
  const [first, second] = candidates;
  if (!first) return undefined;
  const unknownWeight = index.weight('');
  const found = (term: string): boolean =>
    !foreign.has(term) && (best.matched.has(term) || best.approximate.has(term));
  const credit = (term: string): number => (best.matched.has(term) ? 1 : APPROXIMATE_CREDIT);
  // A foreign word is as telling as a word the index has never seen.
  const weight = (term: string): number => (foreign.has(term) ? unknownWeight : index.weight(term));
  const unigrams = [...new Set(tokens)].filter((token) => !ignored(token));
  const pairs = [
    ...new Set(
      tokens
        .slice(1)
        .flatMap((token, i) => (frame.has(i) || frame.has(i + 1) ? [] : [`${tokens[i]}_${token}`])),
    ),
  ];
  let total = 0;
  let matched = 0;
  let curated = 0;
  let maxMissing = 0;
  for (const term of unigrams) {
    const w = weight(term);
    total += w;
    if (found(term)) matched += w * credit(term);
    else maxMissing = Math.max(maxMissing, w);
    if (found(term) && best.matchedCurated.has(term)) curated += w;
  }
  // Most Vietnamese words have two syllables: two adjacent syllables the best pair lacks are a missing word
  // ("giao thừa", "tài chính"), weighed as that word, however common each syllable is on its own.
  tokens.slice(1).forEach((token, i) => {
    const previous = tokens[i]!;
    const missing =
      !frame.has(i) && !frame.has(i + 1) && ![previous, token].some((t) => found(t) || ignored(t));
    if (missing) maxMissing = Math.max(maxMissing, index.weight(`${previous}_${token}`));
  });
  return {
    similarity: index.similarity(tokens, first.pairId),
    coverage: total > 0 ? matched / total : 0,
    curatedCoverage: total > 0 ? curated / total : 0,
    bigramCoverage:
      pairs.length > 0 ? pairs.filter((term) => best.matched.has(term)).length / pairs.length : 0,
    maxMissing,
    margin: second ? Math.min(1, (first.score - second.score) / first.score / 0.25) : 1,
  };
}

export interface Calibration {
  intercept: number;
  weights: Record<(typeof FEATURE_NAMES)[number], number>;
}

/**
 * Logistic model of "the best pair is the right answer", fitted on the tuning half of data/qa-eval.tsv
 * (`npm run eval:qa -- --fit`), so the confidence reads as a probability.
 */
export const CALIBRATION: Calibration = {
  intercept: -0.68,
  weights: {
    coverage: 0.69,
    curatedCoverage: 1.65,
    bigramCoverage: 0.94,
    maxMissing: -0.72,
    similarity: 0.78,
    margin: 0.43,
  },
};

/** The same model fitted on the tuning letters' questions against knowledge built from each letter alone. */
export const LETTER_CALIBRATION: Calibration = {
  intercept: -1.12,
  weights: {
    coverage: 1.17,
    curatedCoverage: 1.1,
    bigramCoverage: 1.12,
    maxMissing: -0.33,
    similarity: -0.31,
    margin: 0.55,
  },
};

export function confidenceOf(features: ConfidenceFeatures, model: Calibration = CALIBRATION): number {
  let z = model.intercept;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}

/** Fits the logistic confidence model (L2-regularised gradient descent) to feature rows labelled right or wrong. */
export function fitCalibration(rows: readonly { x: readonly number[]; y: number }[]): Calibration {
  const w = FEATURE_NAMES.map(() => 0);
  let b = 0;
  const lambda = 0.01;
  for (let step = 0; step < 20000; step++) {
    const gw = w.map(() => 0);
    let gb = 0;
    for (const { x, y } of rows) {
      const p = 1 / (1 + Math.exp(-(b + x.reduce((sum, xi, i) => sum + xi * w[i]!, 0))));
      gb += p - y;
      x.forEach((xi, i) => {
        gw[i]! += (p - y) * xi;
      });
    }
    b -= (0.5 * gb) / rows.length;
    w.forEach((wi, i) => {
      w[i] = wi - 0.5 * (gw[i]! / rows.length + lambda * wi);
    });
  }
  const weights = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, Number(w[i]!.toFixed(2))]));
  return { intercept: Number(b.toFixed(2)), weights } as Calibration;
}
