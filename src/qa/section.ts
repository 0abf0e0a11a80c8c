import { foldDiacritics } from './normalise.ts';

/**
 * "mục 6 nói gì", "phần III nói gì", "mục 2 phần II nói về ai": a part of the letter named by its number. The
 * number is no word the clause says (its label is), so the search alone finds it poorly: the part named answers,
 * or, when the question asks something of it ("Mục I yêu cầu chú ý khu vực nào"), the clauses under it come first.
 */

// "mục 6", "phần III", "điểm a", "ý 1"; a letter only after "điểm" ("phần a" is no part). Not "điều", "khoản":
// those name the articles of a law the letter cites.
const REFERENCE_RE = /(?<= )(muc|phan|y|diem) (\d{1,2}|[ivx]{1,4}|(?<=diem )[a-g])(?= )/g;

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10 };

function romanValue(text: string): number | null {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i]!];
    const next = ROMAN[text[i + 1] ?? ''] ?? 0;
    if (value === undefined) return null;
    total += value < next ? -value : value;
  }
  return total > 0 && total < 40 ? total : null;
}

/** One part of a reference or of a clause id, as compared: "III" and "3" alike, "a" a letter. */
function partKey(part: string): string | null {
  const p = part.replace(/^[+-]/, '').toLowerCase();
  if (/^\d{1,2}$/.test(p)) return String(Number(p));
  if (/^[ivx]{1,4}$/.test(p)) {
    const value = romanValue(p);
    return value === null ? null : String(value);
  }
  // "đ" folds to "d", as the officer types it.
  if (/^[a-gđ]$/.test(p)) return foldDiacritics(p);
  return null;
}

const spaced = (question: string): string =>
  ` ${foldDiacritics(question)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

/** The parts a question names, as compared ("mục 2 phần II" → ["2", "2"]); empty when it names none. */
export function sectionReferences(question: string): string[] {
  const out: string[] = [];
  for (const m of spaced(question).matchAll(REFERENCE_RE)) {
    const key = partKey(m[2]!);
    if (key !== null) out.push(key);
  }
  return out;
}

const sameParts = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

/**
 * The clause a question's references name among `clauseIds` ("II.2" for "mục 2 phần II", "5" for "mục 5"): the
 * one whose numbers are those named, in any order. Null when none or several do.
 */
export function namedSection(references: readonly string[], clauseIds: readonly string[]): string | null {
  if (references.length === 0) return null;
  const found = clauseIds.filter((id) => {
    const parts = id.split('.').map(partKey);
    return parts.every((p) => p !== null) && sameParts(parts as string[], references);
  });
  return found.length === 1 ? found[0]! : null;
}

// What asks for the part as a whole: "nói gì", "nói về ai", "yêu cầu những gì", "nội dung là gì", "quy định gì".
export const WHOLE_SECTION_WORDS: ReadonlySet<string> = new Set(
  'noi ve gi j yeu cau dung de cap nhung cac gom co la ai viec quy dinh cua cong van cv van ban trong thi a vay the nao ntn ra sao nay sao noi dung muc phan diem y chi dao huong dan neu ghi doi voi'.split(
    ' ',
  ),
);

/** Whether the question asks only what the part it names says, nothing more. */
export function asksWholeSection(question: string): boolean {
  const rest = spaced(question).replace(REFERENCE_RE, ' ').trim();
  return rest.split(/\s+/).every((word) => !word || WHOLE_SECTION_WORDS.has(word));
}
