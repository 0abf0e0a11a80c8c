import MiniSearch, { type SearchResult } from 'minisearch';
import { bigrams, normalizeTokens } from './normalise.ts';
import { isInterrogative } from './question-type.ts';

export interface IndexSource {
  pairId: string;
  phrasings: readonly string[];
  keywords: string;
  /** The clause text and the answer: wording the officer may echo without it being a curated phrasing. */
  body: string;
}

export interface Candidate {
  pairId: string;
  score: number;
}

/** Which query terms one pair matched: what the confidence is computed from. */
export interface Evidence {
  /** Query terms found as such in one of the pair's documents. */
  matched: ReadonlySet<string>;
  /** The subset found in a curated phrasing or keyword, not only in the clause text. */
  matchedCurated: ReadonlySet<string>;
  /** Query terms that only matched by prefix or fuzzily (a typo, a truncated word). */
  approximate: ReadonlySet<string>;
}

export interface SearchOutcome {
  /** Pairs with a positive score, best first. */
  candidates: Candidate[];
  evidence(pairId: string): Evidence;
}

interface Posting {
  doc: number;
  pair: number;
  kind: 'phrase' | 'keywords' | 'body';
  score: number;
}

interface IndexedDoc {
  key: string;
  pairId: string;
  phrase?: string;
  keywords?: string;
  body?: string;
}

/** Ranking parameters, chosen on the tuning half of data/qa-eval.tsv. */
export const RANKING = {
  boost: { phrase: 1, keywords: 0.7, body: 0.25 },
  bigramBoost: 1.6,
  weights: { fuzzy: 0.35, prefix: 0.4 },
  /** Shortest unknown syllable matched fuzzily (edit distance 1) or as a prefix. */
  fuzzyFrom: 5,
  prefixFrom: 3,
  /** Weight of the pair's keywords and clause text relative to its best phrasing. */
  contentShare: 1,
  /** Exponent on the pair-level IDF used as a term boost. */
  termIdf: 1,
  /** How much a pair mentioning a term only in its clause text counts towards the term's document frequency. */
  bodyDf: 0.5,
  /** Score bonus for pairs that answer the detected question type (a time question → the deadline). */
  typeBoost: 0.25,
  /** Boost of interrogative terms (khi nào, làm gì…): the question type carries them, not the lexical match. */
  interrogative: 0.3,
};

const splitTerms = (text: string): string[] => (text.length === 0 ? [] : text.split(' '));
const isUnigram = (term: string): boolean => !term.includes('_');

/** Unigrams plus bigrams of the folded, abbreviation-expanded text, as MiniSearch terms. */
export function indexTerms(tokens: readonly string[]): string[] {
  return [...tokens, ...bigrams(tokens)];
}

const termsOf = (text: string): string => indexTerms(normalizeTokens(text)).join(' ');

export interface SearchIndex {
  /**
   * `light`: syllables that only frame this question ("quy định … ra sao"); terms made of them alone weigh as
   * little as an interrogative.
   */
  search(tokens: readonly string[], light?: ReadonlySet<string>): SearchOutcome;
  /** Single syllables known to the index, to repair typing slips against. */
  vocabulary: ReadonlySet<string>;
  /** Whether a syllable or a bigram ('_'-joined) occurs in any pair's documents. */
  knows(term: string): boolean;
  /** Whether a syllable or a bigram occurs in a pair's clause text or answer (the letter's own words). */
  inBody(term: string): boolean;
  /** How much a query term tells pairs apart: IDF over pairs; unknown terms weigh the most. */
  weight(term: string): number;
  /** Weighted Dice overlap of the query with the pair's closest curated phrasing, 0 to 1. */
  similarity(tokens: readonly string[], pairId: string): number;
}

function pairsByTerm(docs: readonly IndexedDoc[], fields: ReadonlyArray<'phrase' | 'keywords' | 'body'>) {
  const result = new Map<string, Set<string>>();
  for (const doc of docs) {
    for (const term of fields.flatMap((field) => splitTerms(doc[field] ?? ''))) {
      const pairs = result.get(term) ?? new Set<string>();
      pairs.add(doc.pairId);
      result.set(term, pairs);
    }
  }
  return result;
}

export function createSearchIndex(sources: readonly IndexSource[]): SearchIndex {
  const docs: IndexedDoc[] = sources.flatMap((source) => [
    ...source.phrasings.map((phrase, i) => ({
      key: `${source.pairId}#${i}`,
      pairId: source.pairId,
      phrase: termsOf(phrase),
    })),
    { key: `${source.pairId}#keywords`, pairId: source.pairId, keywords: termsOf(source.keywords) },
    { key: `${source.pairId}#body`, pairId: source.pairId, body: termsOf(source.body) },
  ]);

  const curatedPairs = pairsByTerm(docs, ['phrase', 'keywords']);
  const bodyPairs = pairsByTerm(docs, ['body']);
  const vocabulary = new Set([...curatedPairs.keys(), ...bodyPairs.keys()].filter(isUnigram));
  const idf = (df: number): number => Math.log((sources.length + 1) / (df + 0.5));
  const weights = new Map<string, number>();
  for (const term of new Set([...curatedPairs.keys(), ...bodyPairs.keys()])) {
    const curated = curatedPairs.get(term);
    const bodyOnly = [...(bodyPairs.get(term) ?? [])].filter((pair) => !curated?.has(pair)).length;
    weights.set(term, idf((curated?.size ?? 0) + RANKING.bodyDf * bodyOnly));
  }
  const unknownWeight = idf(0);
  const weight = (term: string): number => weights.get(term) ?? unknownWeight;

  const mass = (terms: Iterable<string>): number => {
    let sum = 0;
    for (const term of terms) sum += weight(term);
    return sum;
  };
  const phrasesByPair = new Map<string, Array<{ terms: Set<string>; mass: number }>>();
  for (const doc of docs) {
    if (doc.phrase === undefined) continue;
    const terms = new Set(splitTerms(doc.phrase));
    const phrases = phrasesByPair.get(doc.pairId) ?? [];
    phrases.push({ terms, mass: mass(terms) });
    phrasesByPair.set(doc.pairId, phrases);
  }
  function similarity(tokens: readonly string[], pairId: string): number {
    const query = new Set(indexTerms(tokens));
    const queryMass = mass(query);
    let best = 0;
    for (const phrase of phrasesByPair.get(pairId) ?? []) {
      let shared = 0;
      for (const term of query) if (phrase.terms.has(term)) shared += weight(term);
      best = Math.max(best, (2 * shared) / (queryMass + phrase.mass || 1));
    }
    return best;
  }

  const miniSearch = new MiniSearch<IndexedDoc>({
    idField: 'key',
    fields: ['phrase', 'keywords', 'body'],
    storeFields: ['pairId'],
    tokenize: splitTerms,
    processTerm: (term) => term,
  });
  miniSearch.addAll(docs);

  const boostTerm = (term: string): number =>
    (isUnigram(term) ? 1 : RANKING.bigramBoost) *
    Math.max(0.05, weight(term)) ** RANKING.termIdf *
    (isInterrogative(term) ? RANKING.interrogative : 1);
  const baseOptions = {
    boost: RANKING.boost,
    tokenize: splitTerms,
    processTerm: (term: string) => term,
    weights: RANKING.weights,
    boostTerm,
  };
  const kindOf = (key: string): Posting['kind'] =>
    key.endsWith('#body') ? 'body' : key.endsWith('#keywords') ? 'keywords' : 'phrase';
  const docIndex = new Map(docs.map((doc, i) => [doc.key, i]));
  const pairIds = sources.map((source) => source.pairId);
  const pairIndex = new Map(pairIds.map((pairId, i) => [pairId, i]));
  const postingsOf = (results: readonly SearchResult[]): Posting[] =>
    results.map((result) => ({
      doc: docIndex.get(String(result.id))!,
      pair: pairIndex.get(result.pairId as string)!,
      kind: kindOf(String(result.id)),
      score: result.score,
    }));

  // MiniSearch scores every term the index holds once, up front: a question is then a handful of array
  // lookups, and only unknown syllables reach MiniSearch's fuzzy and prefix search.
  const postings = new Map<string, Posting[]>();
  for (const term of new Set([...curatedPairs.keys(), ...bodyPairs.keys()])) {
    postings.set(term, postingsOf(miniSearch.search(term, baseOptions)));
  }

  // A syllable the index knows is matched exactly: folded syllables are short, and fuzzy or prefix matching
  // would equate "nghỉ" with "nghiệp". Only unknown syllables are treated as typos or truncations.
  const guessable = (term: string): boolean => isUnigram(term) && !vocabulary.has(term) && !/\d/.test(term);
  const guessOptions = {
    ...baseOptions,
    fuzzy: (term: string) => (term.length >= RANKING.fuzzyFrom ? 1 : false),
    prefix: (term: string) => term.length >= RANKING.prefixFrom,
  };

  // Scratch buffers reused by every search: the bot answers one question at a time.
  const docScores = new Float64Array(docs.length);
  const bestPhrase = new Float64Array(pairIds.length);
  const pairScores = new Float64Array(pairIds.length);

  function search(tokens: readonly string[], light?: ReadonlySet<string>): SearchOutcome {
    const terms = [...new Set(indexTerms(tokens))];
    const guessed = new Map<string, Posting[]>();
    const touched: Posting[] = [];
    for (const term of terms) {
      let hits = postings.get(term);
      if (!hits && guessable(term)) {
        hits = postingsOf(miniSearch.search(term, guessOptions));
        guessed.set(term, hits);
      }
      // Already weighed down as interrogatives, "khi nào" and the like are not weighed down twice.
      const factor =
        light && !isInterrogative(term) && term.split('_').every((part) => light.has(part))
          ? RANKING.interrogative
          : 1;
      for (const hit of hits ?? []) {
        const before = docScores[hit.doc]!;
        if (before === 0) touched.push(hit);
        docScores[hit.doc] = before + hit.score * factor;
      }
    }
    // A pair scores by its closest phrasing plus its keywords and clause text.
    for (const hit of touched) {
      const score = docScores[hit.doc]!;
      if (hit.kind === 'phrase') bestPhrase[hit.pair] = Math.max(bestPhrase[hit.pair]!, score);
      else pairScores[hit.pair] = pairScores[hit.pair]! + RANKING.contentShare * score;
    }
    const candidates: Candidate[] = [];
    pairIds.forEach((pairId, i) => {
      const score = pairScores[i]! + bestPhrase[i]!;
      if (score > 0) candidates.push({ pairId, score });
    });
    for (const hit of touched) docScores[hit.doc] = 0;
    bestPhrase.fill(0);
    pairScores.fill(0);
    candidates.sort((a, b) => b.score - a.score);

    function evidence(pairId: string): Evidence {
      const pair = pairIndex.get(pairId);
      const matched = new Set<string>();
      const matchedCurated = new Set<string>();
      const approximate = new Set<string>();
      for (const term of terms) {
        for (const hit of postings.get(term) ?? []) {
          if (hit.pair !== pair) continue;
          matched.add(term);
          if (hit.kind !== 'body') matchedCurated.add(term);
        }
        if (guessed.get(term)?.some((hit) => hit.pair === pair)) approximate.add(term);
      }
      return { matched, matchedCurated, approximate };
    }
    return { candidates, evidence };
  }

  return {
    search,
    vocabulary,
    knows: (term) => weights.has(term),
    inBody: (term) => bodyPairs.has(term),
    weight,
    similarity,
  };
}
