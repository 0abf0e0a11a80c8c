import { ABBREVIATIONS } from './abbreviations.ts';
import { normalizeTokens } from './normalise.ts';

/**
 * "VNPT Bình Định gửi báo cáo về đâu?", "Bưu điện tỉnh Lào Cai không được nhận gửi những gì?": an officer names
 * the business they work for before what they ask. The name says who asks, not what about, so it must neither
 * make the "Kính gửi" list (which names that business) the answer nor count against the clause that answers.
 */

// A company name an officer types expands to what it is ("viettel" → "doanh nghiệp viễn thông").
const COMPANY_NAMES: ReadonlyArray<readonly string[]> = [
  ...new Set(Object.values(ABBREVIATIONS).filter((v) => v.startsWith('doanh nghiep '))),
].map((v) => v.split(' '));
// The addressee lines that name no one business: "Các doanh nghiệp bưu chính, viễn thông trên địa bàn".
const GENERIC = /^(cac|nhung|doanh nghiep|don vi|co quan)\b/;
// Asking whether the business is addressed at all: then the "Kính gửi" list is the answer.
export const ASKS_ADDRESSED =
  / (doi tuong|ap dung|kinh gui|thuoc dien|thuc hien cong van|thuc hien van ban|gui cho ai|gui cho nhung|co lien quan|doanh nghiep nao|don vi nao|co quan nao|danh cho ai|danh sach nhan|nhan cong van|nhan van ban|trong danh sach|co ten trong|duoc gui cong van|nam trong|thuoc nhom|lam theo) /;

export interface NamedBusiness {
  /** Positions of the question's tokens naming a business: a company name, a named addressee, the place after. */
  positions: Set<number>;
  /** What the business is, in the letter's words ("buu chinh", "vien thong"): the sense its name carries. */
  kind: string[];
}

// What a company calls itself after its name: "FPT Telecom", "Viettel Group" are still FPT and Viettel.
const SUFFIXES = new Set(['telecom', 'telecoms', 'group', 'corp', 'corporation', 'jsc', 'company', 'online']);

// The post office of a province is the postal business; "bưu điện" alone may be any post office.
const POST_OFFICE = ['buu', 'dien', 'tinh'];

const kindOf = (words: readonly string[]): string[] => {
  const text = ` ${words.join(' ')} `;
  if (/ (buu|chuyen phat) /.test(text)) return ['buu', 'chinh'];
  if (/ (vien thong|internet) /.test(text)) return ['vien', 'thong'];
  return [];
};

/** `addressees` is the letter's "Kính gửi" line; `place` the province or town it is written in. */
export function businessNames(
  addressees: string,
  place: string,
): (tokens: readonly string[]) => NamedBusiness {
  const named = addressees
    // "…, Viettel Bình Định và các doanh nghiệp…": "và" before the generic rest, not inside "Văn hóa và Thông tin".
    .split(/[;,]| và (?=các |những )/)
    .map((name) => normalizeTokens(name))
    .filter((words) => words.length >= 2 && !GENERIC.test(words.join(' ')));
  const names = [...named, ...COMPANY_NAMES, POST_OFFICE];
  const placeWords = new Set(['tinh', 'thanh', 'pho', 'huyen', ...normalizeTokens(place)]);
  return (tokens) => {
    const positions = new Set<number>();
    const kind = new Set<string>();
    for (const words of names) {
      for (let i = 0; i + words.length <= tokens.length; i++) {
        if (!words.every((w, j) => tokens[i + j] === w)) continue;
        let end = i + words.length;
        while (end < tokens.length && (placeWords.has(tokens[end]!) || SUFFIXES.has(tokens[end]!))) end++;
        for (let j = i; j < end; j++) positions.add(j);
        for (const word of kindOf(words)) kind.add(word);
      }
    }
    return { positions, kind: [...kind] };
  };
}

// Businesses by the names officers type, folded, longest first: "viettel post" before "viettel".
const RAW_NAMES = [
  'viettel post',
  'buu dien tinh',
  'vinaphone',
  'mobifone',
  'vietnamobile',
  'gmobile',
  'viettel',
  'vnpost',
  'vnpt',
  'fpt',
  'ems',
];

/**
 * The business names a question says, as typed and folded ("FPT", "Viettel Post"): what the abbreviations make of
 * them ("doanh nghiệp viễn thông") no longer tells one business from another, the letter's own wording does.
 */
export function rawBusinessNames(foldedQuestion: string): string[] {
  let text = ` ${foldedQuestion.replace(/[^a-z0-9]+/g, ' ')} `;
  const found: string[] = [];
  for (const name of RAW_NAMES) {
    if (!text.includes(` ${name} `)) continue;
    found.push(name);
    text = text.replaceAll(` ${name} `, ' ');
  }
  return found;
}

// "MobiFone cần làm gì", "Bưu điện tỉnh có nhiệm vụ riêng gì": the business's own tasks asked for.
export const ASKS_TASKS =
  / (can|phai|co) (lam|thuc hien|chuan bi) (gi|nhung gi|nhung viec gi)| nhiem vu (gi|rieng|nao)| phai lam gi /;
