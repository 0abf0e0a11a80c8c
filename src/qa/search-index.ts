import MiniSearch from 'minisearch';
import { bigrams, normalizeTokens } from './normalise.ts';

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
  /** Query terms that matched one of the pair's documents (exactly, by prefix or fuzzily). */
  matched: Set<string>;
  /** The subset matched by a curated phrasing or keyword, not only by the clause text. */
  matchedCurated: Set<string>;
}

interface IndexedDoc {
  key: string;
  pairId: string;
  phrase?: string;
  keywords?: string;
  body?: string;
}

export const RANKING = {
  boost: { phrase: 1, keywords: 0.7, body: 0.25 },
  bigramBoost: 1.6,
  weights: { fuzzy: 0.35, prefix: 0.4 },
  /** Share of the best phrasing's score added for the pair's keywords and clause text. */
  contentShare: 1,
  /** 1 keeps MiniSearch's multiplication by the number of matched terms, 0 removes it. */
  coordination: 0,
  /** Exponent on the pair-level IDF used as a term boost. */
  termIdf: 1,
  /** How much a pair mentioning a term only in its clause text counts towards the term's document frequency. */
  bodyDf: 0.5,
  /** Score bonus for pairs that answer the detected question type (a time question → the deadline). */
  typeBoost: 0.25,
};

const splitTerms = (text: string): string[] => (text.length === 0 ? [] : text.split(' '));

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
  /** Whether any pair's phrasings, keywords or clause text contain the term (a syllable or a bigram). */
  knows(term: string): boolean;
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

  const curatedPairs = new Map<string, Set<string>>();
  const bodyPairs = new Map<string, Set<string>>();
  for (const doc of docs) {
    const target = doc.body === undefined ? curatedPairs : bodyPairs;
    for (const term of splitTerms(doc.phrase ?? doc.keywords ?? doc.body ?? '')) {
      const pairs = target.get(term) ?? new Set<string>();
      pairs.add(doc.pairId);
      target.set(term, pairs);
    }
  }
  const vocabulary = new Set(
    [...curatedPairs.keys(), ...bodyPairs.keys()].filter((term) => !term.includes('_')),
  );
  const pairCount = sources.length;
  const weight = (term: string): number => {
    const curated = curatedPairs.get(term);
    const bodyOnly = [...(bodyPairs.get(term) ?? [])].filter((pair) => !curated?.has(pair)).length;
    const df = (curated?.size ?? 0) + RANKING.bodyDf * bodyOnly;
    return Math.log((pairCount + 1) / (df + 0.5));
  };

  const miniSearch = new MiniSearch<IndexedDoc>({
    idField: 'key',
    fields: ['phrase', 'keywords', 'body'],
    storeFields: ['pairId'],
    tokenize: splitTerms,
    processTerm: (term) => term,
  });
  miniSearch.addAll(docs);

  const isUnigram = (term: string): boolean => !term.includes('_');
  const searchOptions = {
    boost: RANKING.boost,
    combineWith: 'OR' as const,
    tokenize: splitTerms,
    processTerm: (term: string) => term,
    // Folded syllables are short: fuzzy matching below five letters would equate unrelated words.
    fuzzy: (term: string) => (isUnigram(term) && term.length >= 5 ? 1 : false),
    prefix: (term: string) => isUnigram(term) && term.length >= 4,
    weights: RANKING.weights,
    boostTerm: (term: string) =>
      (isUnigram(term) ? 1 : RANKING.bigramBoost) * Math.max(0.05, weight(term)) ** RANKING.termIdf,
  };

  function search(tokens: readonly string[]): Candidate[] {
    const terms = [...new Set(indexTerms(tokens))];
    if (terms.length === 0) return [];
    const byPair = new Map<string, { phrase: number; content: number; matched: Set<string>; curated: Set<string> }>();
    for (const result of miniSearch.search(terms.join(' '), searchOptions)) {
      const pairId = result.pairId as string;
      const entry = byPair.get(pairId) ?? { phrase: 0, content: 0, matched: new Set(), curated: new Set() };
      const key = String(result.id);
      // MiniSearch multiplies by the number of query terms matched, which favours long phrasings sharing
      // filler words; the pair-level term weights below reward the telling words instead.
      const score = result.score / Math.max(1, result.queryTerms.length) ** (1 - RANKING.coordination);
      if (key.endsWith('#body') || key.endsWith('#keywords')) entry.content += score;
      else entry.phrase = Math.max(entry.phrase, score);
      for (const term of result.queryTerms) {
        entry.matched.add(term);
        if (!key.endsWith('#body')) entry.curated.add(term);
      }
      byPair.set(pairId, entry);
    }
    return [...byPair.entries()]
      .map(([pairId, entry]) => ({
        pairId,
        score: entry.phrase + RANKING.contentShare * entry.content,
        matched: entry.matched,
        matchedCurated: entry.curated,
      }))
      .sort((a, b) => b.score - a.score);
  }

  const knows = (term: string): boolean => curatedPairs.has(term) || bodyPairs.has(term);
  return { search, vocabulary, weight, knows };
}
