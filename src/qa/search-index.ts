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
  /** Query terms found as such in one of the pair's documents. */
  matched: Set<string>;
  /** The subset found in a curated phrasing or keyword, not only in the clause text. */
  matchedCurated: Set<string>;
  /** Query terms that only matched by prefix or fuzzily (a typo, a truncated word). */
  approximate: Set<string>;
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
  search(tokens: readonly string[]): Candidate[];
  /** Single syllables known to the index, to repair typing slips against. */
  vocabulary: ReadonlySet<string>;
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

  // A syllable the index knows is matched exactly: folded syllables are short, and fuzzy or prefix matching
  // would equate "nghỉ" with "nghiệp". Only unknown syllables are treated as typos or truncations.
  const guessable = (term: string): boolean => isUnigram(term) && !vocabulary.has(term) && !/\d/.test(term);
  const searchOptions = {
    boost: RANKING.boost,
    combineWith: 'OR' as const,
    tokenize: splitTerms,
    processTerm: (term: string) => term,
    fuzzy: (term: string) => (guessable(term) && term.length >= 4 ? 1 : false),
    prefix: (term: string) => guessable(term) && term.length >= 3,
    weights: RANKING.weights,
    boostTerm: (term: string) =>
      (isUnigram(term) ? 1 : RANKING.bigramBoost) *
      Math.max(0.05, weight(term)) ** RANKING.termIdf *
      (isInterrogative(term) ? RANKING.interrogative : 1),
  };

  function search(tokens: readonly string[]): Candidate[] {
    const terms = [...new Set(indexTerms(tokens))];
    if (terms.length === 0) return [];
    const byPair = new Map<string, { phrase: number; content: number; candidate: Candidate }>();
    for (const result of miniSearch.search(terms.join(' '), searchOptions) as SearchResult[]) {
      const pairId = result.pairId as string;
      const entry = byPair.get(pairId) ?? {
        phrase: 0,
        content: 0,
        candidate: {
          pairId,
          score: 0,
          matched: new Set(),
          matchedCurated: new Set(),
          approximate: new Set(),
        },
      };
      const key = String(result.id);
      // MiniSearch multiplies by the number of query terms matched, which favours long phrasings sharing
      // filler words; the pair-level IDF boost rewards the telling words instead.
      const score = result.score / Math.max(1, result.queryTerms.length);
      if (key.endsWith('#body') || key.endsWith('#keywords')) entry.content += score;
      else entry.phrase = Math.max(entry.phrase, score);
      const { candidate } = entry;
      for (const term of result.queryTerms) {
        if (!result.terms.includes(term)) candidate.approximate.add(term);
        else {
          candidate.matched.add(term);
          if (!key.endsWith('#body')) candidate.matchedCurated.add(term);
        }
      }
      byPair.set(pairId, entry);
    }
    return [...byPair.values()]
      .map(({ phrase, content, candidate }) => ({
        ...candidate,
        score: phrase + RANKING.contentShare * content,
      }))
      .sort((a, b) => b.score - a.score);
  }

  return { search, vocabulary, weight, similarity };
}
