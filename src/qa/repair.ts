import { lookup } from '../lookup.ts';
import { ABBREVIATIONS } from './abbreviations.ts';

/** Telex left-overs from a keyboard that did not convert: "nopj" → "nop", "ddaau" → "dau", "baos" → "bao". */
function undoTelex(token: string): string {
  return token
    .replace(/dd/g, 'd')
    .replace(/([aeo])\1/g, '$1')
    .replace(/([aou])w/g, '$1')
    .replace(/([a-z])[sfrxj]$/, '$1');
}

/** Splits a glued token into known syllables with as few pieces as possible ("baocao" → bao cao). */
function segment(token: string, known: ReadonlySet<string>): string[] | undefined {
  const best: Array<string[] | undefined> = [[]];
  for (let end = 1; end <= token.length; end++) {
    for (let start = Math.max(0, end - 7); start <= end - 2; start++) {
      const head = best[start];
      const piece = token.slice(start, end);
      if (head && known.has(piece) && (!best[end] || best[end]!.length > head.length + 1)) {
        best[end] = [...head, piece];
      }
    }
  }
  const result = best[token.length];
  return result && result.length > 1 ? result : undefined;
}

/**
 * Two neighbouring keys typed in the wrong order: "emial" → "email", "nguoi" for "ngoui". Only for words of five
 * letters or more, and only when exactly one swap gives a known word.
 */
function swapped(token: string, known: ReadonlySet<string>): string[] | undefined {
  const found = new Set<string>();
  for (let i = 0; i + 1 < token.length; i++) {
    if (token[i] === token[i + 1]) continue;
    const candidate = token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2);
    if (known.has(candidate)) found.add(candidate);
  }
  return found.size === 1 ? [...found] : undefined;
}

// Only the long ones: a swap in a short key ("dc", "bc") explains too many slips.
const ABBREVIATION_KEYS: ReadonlySet<string> = new Set(
  Object.keys(ABBREVIATIONS).filter((key) => key.length >= 5),
);

/** One Vietnamese syllable, folded: an onset, one run of vowels, a final consonant or glide ("chuan", "nghieng"). */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]+(ng|nh|ch|[cmnpt])?$/;

/** A key held too long: "hann" → "han", "nayy" → "nay". */
const collapseDoubles = (token: string): string => token.replace(/([a-z])\1+/g, '$1');
/** "ky" and "ki" are one syllable here (the index keeps the i), as the normaliser does. */
const spellI = (token: string): string => token.replace(/^(qu|[bcdghklmnpqrstvx]+)y$/, '$1i');

/** Rewrites tokens the index does not know into ones it does, when a typing slip explains the difference. */
export function repairTokens(tokens: readonly string[], known: ReadonlySet<string>): string[] {
  return tokens.flatMap((token) => {
    if (known.has(token) || /\d/.test(token) || token.length < 3) return [token];
    const telex = undoTelex(token);
    const collapsed = collapseDoubles(token);
    // A tone key typed before the word's last vowel: "baso" (báo), "nhaanj" → "nhan".
    const early = undoTelex(token.replace(/([aeiouy])[sfrxj](?=[aeiouy])/, '$1'));
    for (const candidate of [
      telex,
      spellI(telex),
      collapsed,
      spellI(collapsed),
      undoTelex(collapsed),
      early,
    ]) {
      if (known.has(candidate)) return [candidate];
      // "bcc", "sddt": an abbreviation typed with a slip.
      const expansion = candidate !== token ? lookup(ABBREVIATIONS, candidate) : undefined;
      if (expansion) return expansion.split(' ');
    }
    if (token.length < 5) return [token];
    // "chuan" (chuẩn) is a word the letter does not use, not "chu" and "an" glued together.
    // "hotlien": a loan word the normaliser expands ("hotline"), typed with two keys swapped.
    const loan = swapped(token, ABBREVIATION_KEYS);
    return (
      (SYLLABLE.test(token) ? undefined : segment(token, known)) ??
      swapped(token, known) ??
      (loan ? lookup(ABBREVIATIONS, loan[0]!)!.split(' ') : undefined) ?? [token]
    );
  });
}
