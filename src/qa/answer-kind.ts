/**
 * What a question asks for that only a figure answers: "bắn pháo hoa lúc mấy giờ" wants a clock time, "lắp bao
 * nhiêu trạm" a count. A clause with no such figure is about the topic but does not answer the question: the
 * letter does not say, and declining beats quoting a clause that says something else.
 */

// "bao nhiêu loại trực", "mấy nhiệm vụ": counted by listing them, not by a figure in the letter.
const LISTED = new Set([
  'loai',
  'muc',
  'y',
  'nhiem',
  'noi',
  'viec',
  'cong',
  'nhom',
  'diem',
  'phan',
  'bien',
  'hinh',
  'kieu',
  'doanh',
  'don',
  'co',
  'lan',
]);

// "công" lists tasks ("công việc", "công tác"); "công nhân" are people, counted by a figure.
const listed = (word: string, after: string | undefined): boolean =>
  LISTED.has(word) && !(word === 'cong' && after === 'nhan');

const PARTICLES = new Set(['vay', 'a', 'ha', 'nhi', 'the', 'so', 'voi', 'khong']);

// "phạm vi bn thì phải báo": what follows "bao nhiêu" is the rest of the sentence, not a thing counted.
const FUNCTION_WORDS = new Set([
  'thi',
  'la',
  'co',
  'phai',
  'de',
  'can',
  'duoc',
  'moi',
  'nua',
  'roi',
  'va',
  'ma',
  'cho',
  'trong',
  'tu',
  'den',
  'o',
  'tai',
  'khi',
  'neu',
  'thoi',
]);

// "mùng mấy", "thứ mấy", "số mấy", "mục mấy": which one, not how many.
const ORDINAL = new Set([
  'mung',
  'mong',
  'thu',
  'ngay',
  'lan',
  'so',
  'tang',
  'phong',
  'muc',
  'diem',
  'khoan',
  'gio',
  'thang',
  'nam',
  'tuan',
  'ca',
  'ban',
]);

const SPANS = new Set(['ngay', 'gio', 'tieng', 'phut', 'hom', 'tuan', 'thang', 'nam', 'buoi', 'ca']);

/**
 * A figure counting `thing` in the folded text: "01 cán bộ lãnh đạo", "100% trạm", not a date or an hour
 * ("ngày 31 01 2028 (mùng 6 Tết); lãnh đạo…"), nor a percentage read as a count ("30% so với…" is "30 phan tram",
 * whose "tram" folds like "trạm": it counts no stations), nor the number of a form's line ("4. Số trạm ảnh hưởng").
 */
const figureBeside = (thing: string, text: string): boolean =>
  new RegExp(
    `(?<!\\d)(?<!(?:\\d|mung|mong|ngay|thang|nam|gio|h) )\\d+ (?!\\d)((?!so )[a-z]+ ){0,2}(?<!phan )${thing} `,
  ).test(text);

/**
 * Whether the folded question tokens ask for a clock time or a count that `answerText` (folded) lacks. `inLetter`
 * says whether the letter uses a two-syllable word ('_'-joined): "có bao nhiêu nhân viên" counts a thing a letter
 * never names, which no clause answers, however many figures it holds.
 */
export function asksMissingFigure(
  tokens: readonly string[],
  answerText: string,
  inLetter?: (bigram: string) => boolean,
): boolean {
  const text = ` ${tokens.join(' ')} `;
  if (/ (may|bao nhieu) gio | gio nao /.test(text)) {
    // "mấy tiếng" reads as "mấy giờ": a span ("trong vòng 30 phút") answers it too.
    return !/\d\s*(h|gio|phut|tieng)\b|\d:\d\d|\d+ ?\/ ?24|\b(sang|chieu|toi|trua) /.test(answerText);
  }
  // "gửi từ đầu số nào": a short code or phone number, three digits or more; "02 lần" is no such number.
  if (/ dau so (nao|gi|bao nhieu|may) /.test(text))
    return !/\d{3,}/.test(answerText.replace(/\b(19|20)\d\d\b/g, ' '));
  // "bao lâu", "bao nhiêu phút": a span of time, which only a figure with its unit states ("trong vòng 02 giờ",
  // "24/24"); a date in the clause is no length.
  if (/ (bao lau|trong bao lau|(bao nhieu|may) phut) /.test(text)) {
    // Round the clock ("24/24") is how long the duty lasts, not how long anything else may.
    if (/ truc /.test(text) && /24 ?\/? ?(24|7)/.test(answerText)) return false;
    // A span in words: "gửi báo cáo bằng văn bản về Sở trong ngày", "trong vòng một giờ".
    if (/ trong (vong )?(ngay|buoi|mot|hai|ba) /.test(` ${answerText} `)) return false;
    return !/\d+ (phut|gio|tieng|ngay|h|tuan)\b/.test(answerText.replace(/24 ?\/? ?(24|7) gio/g, ' '));
  }
  // "mấy lãnh đạo": a count as "bao nhiêu" asks it ("máy phát" is no count where the letter speaks of machines).
  const m = tokens.findIndex(
    (t, at) =>
      t === 'may' &&
      tokens[at + 1] !== undefined &&
      !ORDINAL.has(tokens[at - 1] ?? '') &&
      !/\d/.test(tokens[at + 1]!) &&
      !inLetter?.(`may_${tokens[at + 1]}`),
  );
  if (m >= 0 && inLetter) {
    const next = tokens[m + 1]!;
    if (
      !listed(next, tokens[m + 2]) &&
      !SPANS.has(next) &&
      !FUNCTION_WORDS.has(next) &&
      !PARTICLES.has(next)
    ) {
      // "mấy người": people are counted by their roles ("01 lãnh đạo"), any figure may say it.
      if (next === 'nguoi') return !/\d/.test(answerText);
      // A clause that does not name the thing does not count it.
      return !figureBeside(next, answerText);
    }
  }
  const i = tokens.indexOf('nhieu');
  if (i > 0 && tokens[i - 1] === 'bao') {
    const next = tokens[i + 1];
    // "lưu lượng tăng bao nhiêu": a change asked for, which only a percentage or a multiple states.
    if (
      ['tang', 'giam'].includes(tokens[i - 2] ?? '') &&
      (next === undefined || PARTICLES.has(next) || next === 'phan' || next === 'lan')
    )
      return !/\d ?(%|phan tram)|\d+ lan /.test(answerText);
    if (next === undefined || listed(next, tokens[i + 2])) return false;
    const thing = tokens[i + 2];
    const before = tokens[i - 2] ?? '';
    if (
      inLetter &&
      thing !== undefined &&
      // "ngày bao nhiêu âm lịch", "số bao nhiêu": the thing counted comes before.
      !SPANS.has(before) &&
      before !== 'so' &&
      !FUNCTION_WORDS.has(next) &&
      !FUNCTION_WORDS.has(thing) &&
      !SPANS.has(next) &&
      !PARTICLES.has(next) &&
      !PARTICLES.has(thing) &&
      !/\d/.test(next + thing) &&
      !answerText.includes(` ${next} `) &&
      !inLetter(`${next}_${thing}`)
    )
      return true;
    // A span ("bao nhiêu ngày") is counted from dates; anything else by a figure beside the thing counted:
    // "100% trạm" answers "bao nhiêu trạm", a date elsewhere in the clause does not.
    // "Điện Biên có bao nhiêu trạm BTS" of a clause naming no station: it counts none. (Not a measure, "bao nhiêu
    // mét", nor "số điện thoại bao nhiêu vậy": a word the clause lacks there is no thing counted.)
    if (before === 'co' && !SPANS.has(next) && next !== 'nguoi' && !answerText.includes(` ${next} `))
      return true;
    // "bao nhiêu người": people are counted by their roles ("01 cán bộ lãnh đạo"), any figure may say it.
    if (SPANS.has(next) || next === 'nguoi' || !answerText.includes(` ${next} `))
      return !/\d/.test(answerText);
    return !figureBeside(next, answerText);
  }
  return false;
}
