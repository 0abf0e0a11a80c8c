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
  'giay phep',
  'cuc vien thong',
  'bo thong tin',
  'bo khoa hoc',
];

/** The letter's folded text, with a space at each end, is `letterText`. */
export function nearDomainTopic(question: string, letterText: string): boolean {
  const text = ` ${foldDiacritics(question)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
  return TOPICS.some((topic) => text.includes(` ${topic} `) && !letterText.includes(` ${topic} `));
}

/** "Hạn báo cáo Tết Bính Ngọ 2026?" asked of the Đinh Mùi 2027 letter: another Tết, another letter. */
export function otherTet(question: string, tetYear: number): boolean {
  if (!tetYear) return false;
  const text = foldDiacritics(question);
  const years = [...text.matchAll(/(?<!\d)(20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  if (years.some((y) => y !== tetYear && y !== tetYear - 1)) return true;
  const named = CAN_CHI.find((name) => text.includes(` ${name}`) || text.startsWith(name));
  return named !== undefined && named !== canChiKey(tetYear);
}

const STEMS = ['canh', 'tan', 'nham', 'quy', 'giap', 'at', 'binh', 'dinh', 'mau', 'ky'];
const BRANCHES = ['than', 'dau', 'tuat', 'hoi', 'ty', 'suu', 'dan', 'mao', 'thin', 'ty', 'ngo', 'mui'];
const canChiKey = (year: number): string => `${STEMS[year % 10]} ${BRANCHES[year % 12]}`;
/** The sixty year names, folded: "giap thin", "dinh mui"… */
const CAN_CHI = [...new Set(Array.from({ length: 60 }, (_, i) => canChiKey(2000 + i)))];
