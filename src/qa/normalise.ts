import { expandAbbreviations } from './abbreviations.ts';

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * NFC, lowercase, every diacritic removed and đ → d. Folding after NFD makes the old and new tone
 * placements (hoà / hòa, thuỷ / thủy) and precomposed / combining input identical.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đð]/g, 'd')
    .normalize('NFC');
}

// Rewrites that must run on the folded string, before it is cut into syllables.
const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  // The lookbehind keeps this linear: without it a long run of letters is rescanned from every position.
  [/(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/g, ' email '],
  [/\be[\s-]?mail\b/g, ' email '],
  [/\btt\s*[&-]\s*tt\b/g, ' tttt '],
  [/\bv\s*\/\s*v\b/g, ' ve viec '],
  [/\bb\s*\/\s*c\b/g, ' bao cao '],
  [/\bd\s*\/\s*c\b/g, ' dong chi '],
  // "trực tiếp", "trực tuyến", "trực thuộc", "cấu trúc" are words of their own, not the duty ("trực"): one
  // syllable each.
  [/\btruc (tiep|tuyen|thuoc)\b/g, ' truc$1 '],
  [/(?<!yeu )\bcau truc\b/g, ' cautruc '],
  // "đăng ký" (to register) is a word of its own: its "ký" is not the signing ("ai ký công văn").
  [/\bdang k[yi]\b/g, ' dangky '],
  // "80%" is said "80 phần trăm": either way an officer types it, it matches the letter's figure.
  [/(\d)\s*%/g, '$1 phan tram '],
  // "QL279", "ql6": a national road's number typed onto "QL" (quốc lộ), which letters write apart.
  [/\bql(?=\d)/g, ' ql '],
  // 9h, 9h00, 9g30 (but not the 2g..5g networks).
  [/\b(\d{1,2})\s*h(\d{2})?\b/g, ' $1 gio '],
  [/\b(1?[016789]|1\d|2[0-4])g(\d{2})?\b/g, ' $1 gio '],
];

/** Folded syllables: the raw material for indexing and matching, before abbreviations are expanded. */
export function syllables(text: string): string[] {
  let folded = foldDiacritics(text);
  for (const [pattern, replacement] of REWRITES) folded = folded.replace(pattern, replacement);
  return (
    folded
      .split(/[^a-z0-9]+/)
      .filter((token) => token.length > 0)
      // Leading zeros dropped by hand: Number() turns a long run of digits into "Infinity".
      .map((token) => (/^\d+$/.test(token) ? token.replace(/^0+(?=\d)/, '') : token))
  );
}

/** Folded, abbreviation-expanded syllables. */
export function normalizeTokens(text: string): string[] {
  return expandAbbreviations(syllables(text));
}

/** The folded, abbreviation-expanded form of a question, e.g. "Gửi BC qua mail nào?" → "gui bao cao qua email nao". */
export function normalize(text: string): string {
  return normalizeTokens(text).join(' ');
}

/** Adjacent-syllable bigrams, joined with '_' so they never collide with a single syllable. */
export function bigrams(tokens: readonly string[]): string[] {
  const result: string[] = [];
  for (let i = 1; i < tokens.length; i++) result.push(`${tokens[i - 1]}_${tokens[i]}`);
  return result;
}
