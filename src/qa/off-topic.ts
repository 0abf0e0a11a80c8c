import { foldDiacritics } from './normalise.ts';

/**
 * Near-domain topics officers ask about that a Tết letter seldom covers: next year, penalties, pay, weekly
 * reports, tariffs. A question on one of them is declined unless the letter itself uses the words, so "hạn báo
 * cáo năm sau?" is never answered with this year's deadline.
 */
const TOPICS = [
  'nam sau',
  'nam toi',
  'sang nam',
  'nam ngoai',
  'nam truoc',
  'hang tuan',
  'hang tuan',
  'moi tuan',
  'tuan sau',
  'hang thang',
  'moi thang',
  'thang sau',
  'hang quy',
  'xu phat',
  'bi phat',
  'phat bao nhieu',
  'muc phat',
  'che tai',
  'ky luat',
  'luong',
  'thuong',
  'tien truc',
  'phu cap',
  'boi duong',
  'tien an',
  'gia cuoc',
  'goi cuoc',
  'cuoc',
  'khuyen mai',
  'sim',
  'nghi tet',
  'lich nghi',
  'nghi may ngay',
  'ngay nghi',
  'tuyen dung',
  'bao hiem',
  'thue',
];

/** The letter's folded text, with a space at each end, is `letterText`. */
export function nearDomainTopic(question: string, letterText: string): boolean {
  const text = ` ${foldDiacritics(question)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
  return TOPICS.some((topic) => text.includes(` ${topic} `) && !letterText.includes(` ${topic} `));
}
