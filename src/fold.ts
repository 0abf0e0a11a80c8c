/** Lower case without diacritics, đ→d: how typed Vietnamese is compared when people type without accents. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Folded, punctuation to spaces, spaces collapsed: the key a name is matched by. */
export function foldKey(s: string): string {
  return fold(s.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Several words of Vietnamese typed without a single accent: quoted as written in formal text, and marked. */
export function lacksDiacritics(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length < 8 || s.trim().split(/\s+/).length < 3) return false;
  return fold(s) === s.toLowerCase() && /[a-z]/i.test(letters);
}
