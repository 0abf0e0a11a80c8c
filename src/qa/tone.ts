const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const VOWELS = 'aăâeêioôơuưy';
const MARKED_VOWELS = 'ăâêôơư';
// Without a final consonant these carry the tone on the second vowel in the new style: hoà, khoẻ, thuỷ.
const SECOND_VOWEL_OPEN = new Set(['oa', 'oe', 'uy']);

/** Index in `base` (a toneless NFC syllable) of the vowel that carries the tone in the new placement. */
function toneIndex(base: string): number {
  let start = 0;
  while (start < base.length && !VOWELS.includes(base[start]!)) start++;
  // In qu- and gi- (before another vowel) the u / i belong to the initial consonant.
  if ((base.startsWith('qu') || base.startsWith('gi')) && VOWELS.includes(base[start + 1] ?? '')) start++;
  let end = start;
  while (end < base.length && VOWELS.includes(base[end]!)) end++;
  const nucleus = base.slice(start, end);
  if (nucleus.length === 0) return -1;
  for (let i = nucleus.length - 1; i >= 0; i--) if (MARKED_VOWELS.includes(nucleus[i]!)) return start + i;
  if (nucleus.length === 1) return start;
  if (nucleus.length >= 3) return start + 1;
  const closed = end < base.length;
  return closed || SECOND_VOWEL_OPEN.has(nucleus) ? start + 1 : start;
}

// "ký" and "kí", "lý" and "lí", "kỹ" and "kĩ": after a consonant a lone y and a lone i are one vowel (not in "quý").
const LONE_Y =
  /^(b|ch|c|d|đ|gh|g|h|kh|k|l|m|ngh|ng|nh|n|ph|p|r|s|th|tr|t|v|x)y([\u0300\u0301\u0303\u0309\u0323]?)$/u;

/** One spelling per syllable whatever the tone placement typed: hòa and hoà both give hoà; ký and kí give kí. */
export function canonicalTone(syllable: string): string {
  const decomposed = syllable.normalize('NFC').toLowerCase().normalize('NFD').replace(LONE_Y, '$1i$2');
  const tone = TONE_MARK.exec(decomposed)?.[0];
  if (!tone) return decomposed.normalize('NFC');
  const base = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  const at = toneIndex(base);
  if (at < 0) return decomposed.normalize('NFC');
  return `${base.slice(0, at + 1)}${tone}${base.slice(at + 1)}`.normalize('NFC');
}

/** The words of a text that carry diacritics, each with its tone placed canonically. */
export function accentedWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => /[^a-z]/.test(word) && word.length > 0)
    .map(canonicalTone);
}
