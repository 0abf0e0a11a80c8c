export const QUESTION_TYPES = ['time', 'where', 'who', 'number', 'how', 'list', 'yesno', 'what'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

// Interrogatives decide the type; they are matched on the folded, abbreviation-expanded text.
const INTERROGATIVES: ReadonlyArray<readonly [QuestionType, RegExp]> = [
  ['where', / (gui|nop|bao cao|chuyen) (cho|toi|den|ve) ai /],
  [
    'time',
    / (khi nao|bao gio|(?<!dien )luc nao|may gio|gio nao|ngay nao|ngay may|hom nao|thu may|bao lau|han chot|deadline|thoi han|han cuoi|ngay bao nhieu|mung may|mung bao nhieu) /,
  ],
  [
    'where',
    / (o|ve|den|toi|di|tu|cho|qua) dau |^ dau | dau (vay|the|a|ha|nhi)? ?$| (cho|noi|email|dia chi|kenh) nao /,
  ],
  // "người đầu mối tên gì": a name asked for is a who-question.
  ['who', / ai | (nguoi|co quan|don vi|so|ong|ba|lanh dao) nao | ten (gi|la gi|nao) /],
  ['number', / bao nhieu | may (muc|y|phan|diem|noi dung|nhiem vu|viec|ngay|loai|cai|nguoi) | so may /],
  ['how', / (the nao|ra sao|lam sao|bang cach nao|cach nao|sao|cach) /],
  [
    'list',
    / (lam|nhung viec|cong viec|nhiem vu|yeu cau|hang|cam|chuan bi|thuc hien|can|phai|gom|bao gom|nhung|cac) (gi|nao) | gom nhung /,
  ],
  ['what', / gi | nao | la sao /],
];

const YES_NO =
  / co phai | phai khong | co can | co bat buoc | bat buoc | (khong|chua|a|ha|ah|hay sao) $|^ co /;

// Without an interrogative, a topic word still tells what kind of fact is wanted.
const TOPIC_HINTS: ReadonlyArray<readonly [QuestionType, RegExp]> = [
  ['time', / (han|thoi han|han chot|deadline|thoi gian) /],
  ['where', / (email|dia chi) /],
  ['who', / (nguoi ki|ki ten) /],
  ['list', / (nhiem vu|yeu cau|danh muc) /],
];

export function detectQuestionType(tokens: readonly string[]): QuestionType {
  const text = ` ${tokens.join(' ')} `;
  for (const [type, pattern] of INTERROGATIVES) if (pattern.test(text)) return type;
  if (YES_NO.test(text)) return 'yesno';
  for (const [type, pattern] of TOPIC_HINTS) if (pattern.test(text)) return type;
  return 'what';
}

// Syllables that only ask (which, when, what, how): matched literally they would make every "… làm gì?" look
// alike, so ranking leaves them to the detected question type.
const INTERROGATIVE_SYLLABLES = new Set([
  'khi',
  'nao',
  'gio',
  'luc',
  'may',
  'dau',
  'ai',
  'gi',
  'sao',
  'the',
  'nhu',
]);
const INTERROGATIVE_PARTNERS = new Set(['bao', 'lam', 'nhung', 'viec', 'o', 've', 'ra', 'la', 'cai']);

/** A syllable or bigram (joined by '_') that only serves to ask: "gi", "khi_nao", "lam_gi", "bao_gio". */
export function isInterrogative(term: string): boolean {
  const parts = term.split('_');
  return (
    parts.some((part) => INTERROGATIVE_SYLLABLES.has(part)) &&
    parts.every((part) => INTERROGATIVE_SYLLABLES.has(part) || INTERROGATIVE_PARTNERS.has(part))
  );
}

// The scaffolding of a question ("yêu cầu về … là gì", "… bao lâu", "… đúng không"): it says what kind of answer
// is wanted, never which clause holds it, so a clause lacking it is not evidence against that clause.
const FRAME_PHRASES: ReadonlyArray<readonly string[]> = [
  'nhu the nao',
  'the nao',
  'ra sao',
  'lam sao',
  'bao lau',
  'bao nhieu',
  'bao gio',
  'khi nao',
  'luc nao',
  'o dau',
  'yeu cau',
  'qui dinh',
  'noi dung',
  'luu y',
  'dung khong',
  'phai khong',
  'duoc khong',
  'co phai',
  'co can',
  'la gi',
  'lam gi',
  'nhung gi',
  'cai gi',
  'van de',
  'ngay nao',
  // "từ hôm nào tới hôm nào": the day asked, as "ngày nào".
  'hom nao',
  'hom may',
  'gio nao',
  'may gio',
  'ngay may',
  'mung may',
  'thu may',
  'ngay bao nhieu',
  'thoi gian nao',
  'khoang thoi gian',
  'tu ngay',
  'den ngay',
  // "bắt đầu từ ngày nào đến ngày nào": a span asked, as "từ ngày nào"; what starts is the content.
  'bat dau tu',
  'den bao gio',
  'tu bao gio',
  'keo dai',
  'dot bien',
  'dieu kien',
  'cu the',
  // "yêu cầu đối với doanh nghiệp bưu chính": whom the question is about follows it.
  'doi voi',
  // "khi xảy ra sự cố" is the letter's "khi có sự cố"; "năm nay", "Tết này" are the letter's own Tết.
  'xay ra',
  'nam nay',
  'tet nay',
  // "Viettel cần chặn những gì dịp Tết": the whole letter is for Tết; what is done is the content.
  'dip tet',
  // "gia cố cáp treo ở khu vực nào": the place asked, as "ở đâu"; what is done there is the content.
  'khu vuc nao',
  'dia ban nao',
  'noi nao',
  'cho nao',
  // "tất cả bưu cục đều mở muộn à": whether the claim holds for all is for the clause to say ("bưu cục trung tâm").
  'tat ca',
].map((phrase) => phrase.split(' '));
const FRAME_WORDS = new Set([
  ...INTERROGATIVE_SYLLABLES,
  'deu',
  'la',
  'co',
  'khong',
  'duoc',
  'phai',
  'can',
  'thi',
  've',
  'cho',
  'cua',
  'nhung',
  'cac',
  'nay',
  'do',
  'hay',
  'hoac',
  'roi',
  'chua',
  'nua',
  'a',
  'ha',
  'ah',
  'vay',
  'dung',
  'lam',
  'viec',
  'se',
  'da',
  'dang',
  'nen',
  'muon',
  'hoi',
  'han',
  // Function words and the occasion itself: every clause could take them.
  'voi',
  'o',
  'de',
  'tu',
  'den',
  'va',
  'ma',
  'neu',
  'con',
  'them',
  'lai',
  'ra',
  'vao',
  'bi',
  'dip',
  'dem',
  // "chỉ cần … thôi": restricting what is asked, not naming it ("chỉ thị" stays content, a word of the letter).
  'chi',
  'thoi',
  // "những loại trực nào", "mấy loại báo cáo": the kinds are what the clause lists, not a word it must say
  // ("trạm loại 1" in the letter keeps it content there).
  'loai',
  // "tổng hợp xong thì gửi ai": when, not what; "báo cáo lên đâu": the way up, not what.
  'xong',
  'len',
  // "trực mấy tiếng một ngày": one, as "1" is.
  'mot',
  // "bên em", "bên điện lực nào", "phía công an": whose side, not what ("bến xe" in the letter stays content).
  'ben',
  'phia',
  // "được phép tới bao nhiêu": up to ("tới" is the officer's "đến"). Not "phép": "cấp phép" is a topic.
  'toi',
  // "hạn từng cái", "từng loại": each one, a classifier.
  'tung',
  'cai',
  // "khách gửi pháo được không": the customer is who acts, not what the letter must say ("du khách" stays content).
  'khach',
]);

/**
 * Positions of `tokens` that only frame the question. A frame syllable forming a word of the letter with its
 * neighbour is content: "thì" in "chỉ thị", "có" in "cơ quan" (`inLetter` knows the letter's bigrams).
 */
export function framePositions(
  tokens: readonly string[],
  inLetter: (bigram: string) => boolean,
): Set<number> {
  const frame = new Set<number>();
  // Positions inside a frame phrase: "yêu cầu", "quy định" in the letter too do not make them content.
  const phrased = new Set<number>();
  tokens.forEach((token, i) => {
    if (FRAME_WORDS.has(token)) frame.add(i);
    for (const phrase of FRAME_PHRASES) {
      if (!phrase.every((word, j) => tokens[i + j] === word)) continue;
      for (let j = 0; j < phrase.length; j++) phrased.add(i + j);
    }
  });
  for (const i of phrased) frame.add(i);
  for (const i of [...frame]) {
    if (phrased.has(i)) continue;
    const before = i > 0 && inLetter(`${tokens[i - 1]}_${tokens[i]}`);
    const after = i + 1 < tokens.length && inLetter(`${tokens[i]}_${tokens[i + 1]}`);
    if (before || after) frame.delete(i);
  }
  return frame;
}
