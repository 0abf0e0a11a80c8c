import { sentences } from '../directive/facts.ts';
import { asksMissingFigure } from './answer-kind.ts';
import { citation, shapeAnswer } from './answer-text.ts';
import { ASKS_ADDRESSED, ASKS_TASKS, businessNames, rawBusinessNames } from './business.ts';
import {
  type Calibration,
  type ConfidenceFeatures,
  confidenceFeatures,
  confidenceOf,
  LETTER_CALIBRATION,
} from './confidence.ts';
import {
  asksContactOnly,
  type Contact,
  contactNamed,
  contactOfNumber,
  contactsOf,
  describeContact,
  ownerOf,
  placeWords,
} from './contacts.ts';
import { loadDirective, loadPairs } from './data.ts';
import { parseMomentClaim } from './deadline-check.ts';
import { itemsById, renderOutline, renderPart } from './directive.ts';
import {
  asksBarePeriod,
  asksDutyPeriod,
  dutyHoursClaim,
  dutyThroughHoliday,
  setsDutyPeriod,
  setsHolidayPeriod,
  setsOperationPeriod,
} from './duty.ts';
import { factAnswer, outOfScopeText } from './facts.ts';
import { type Knowledge, withoutMiddleNames } from './knowledge.ts';
import { bigrams, foldDiacritics, normalize, normalizeTokens } from './normalise.ts';
import {
  citedRequirements,
  nearDomainTopic,
  otherBodysOwn,
  otherProvince,
  othersNumber,
  otherTet,
  personalEmail,
  physicalAddress,
  unaddressedOperator,
  unnamedDocument,
} from './off-topic.ts';
import type { QaPair } from './pairs.ts';
import { detectQuestionType, framePositions, type QuestionType } from './question-type.ts';
import { repairTokens } from './repair.ts';
import { rosterAnswer, rosterOf } from './roster.ts';
import { type Candidate, createSearchIndex, RANKING, type SearchOutcome } from './search-index.ts';
import { asksWholeSection, namedSection, sectionReferences, WHOLE_SECTION_WORDS } from './section.ts';
import { toLetterWords } from './synonyms.ts';
import { tetDayAnswer } from './tet-day.ts';
import { accentedWords } from './tone.ts';
import type { QaEngine, QaResult, QaSuggestion } from './types.ts';

/** What the ranker saw for one question: the evaluation reads it, `ask` turns it into a reply. */
export interface Analysis {
  tokens: string[];
  questionType: QuestionType;
  candidates: Candidate[];
  features: ConfidenceFeatures | undefined;
  confidence: number;
  /**
   * A question about the duty period asked of a letter that sets none, or about who does something the best pair
   * does not say: the letter does not cover it.
   */
  uncovered?: boolean;
  /** A word of content typed with diacritics the letter never uses ("dầu" of a letter without fuel). */
  foreignContent?: boolean;
  /**
   * A near-domain topic typed with diacritics the letter never uses: "thưởng" folds like the letter's "thường
   * trực", "cước" like "cuộc".
   */
  foreignTopic?: boolean;
  /** "Đúng. " or "Không đúng. ": a claim the best clause checks ("hạn lịch trực là 26/1 à"), said first. */
  verdict?: string;
}

export interface QaOptions {
  /** Confidence needed to answer; below it the engine suggests questions. */
  threshold?: number;
  /** Confidence below which the engine says the directive does not cover the question. */
  suggestFloor?: number;
  dataDir?: URL;
  /** Replaces the fitted confidence model (the evaluation refits it). */
  calibration?: Calibration;
  /** A letter's knowledge (an imported directive); without it, the bundled data files. */
  knowledge?: Knowledge;
}

/**
 * Chosen on the tuning half (`npm run eval:qa -- --fit`): the lowest threshold at which at most one
 * out-of-scope question in 62 still gets an answer, and the highest floor that tells at most one in-scope
 * question in 117 that the directive does not cover it.
 */
export const DEFAULT_THRESHOLD = 0.85;
export const DEFAULT_SUGGEST_FLOOR = 0.2;
/** For a letter's own knowledge (no curated pairs): chosen on the 2024 letter only (`eval:qa -- --fit`). */
export const LETTER_THRESHOLD = 0.5;
export const LETTER_SUGGEST_FLOOR = 0.4;
export const LETTER_CLEAR_MARGIN = 0.6;
export const LETTER_CLEAR_COVERAGE = 0.3;

// Longer messages are pasted documents, not questions; the cap bounds the time per answer.
const MAX_QUESTION_LENGTH = 500;
const SPECIFIC_TYPES: ReadonlySet<QuestionType> = new Set(['time', 'where', 'who', 'number']);
const DATE_WORDS: ReadonlySet<string> = new Set([
  'ngay',
  'thang',
  'nam',
  'gio',
  'sang',
  'chieu',
  'mung',
  'thu',
]);
const RERANK_DEPTH = 5;
// How an answer quoting a clause opens: "Theo mục 1.2, ý 2 của công văn: ", "Theo đoạn 4 của công văn, công văn ghi: ".
const CITATION_RE = /^Theo [^:\n]{0,80}?công văn[:,]\s*(?:công văn ghi:\s*)?/u;
// A form's blanks to fill: "……", ".........".
const BLANK_RE = /\.{5,}|…{2,}/g;
// The form asked about as such: "mẫu có mấy mục", "phụ lục gồm bao nhiêu dòng", "ghi mấy số điện thoại".
const FORM_WORDS_RE = / (mau|phu luc|bieu mau|de cuong|muc|dong|ghi|dien|gom|noi dung|truong|cot) /;
// A place named after "ở", "tại": "ở Quảng trường 19/8", "tại Hồ Hoàn Kiếm".
const NAMED_PLACE_RE = /(?:^|[\s,(])(?:ở|tại)\s+\p{Lu}/u;
// Whether, when or where an event is held: "có bắn pháo hoa ở … không", "… lúc nào", "… ở đâu" (not what to do then).
const EVENT_ASKS: ReadonlySet<QuestionType> = new Set(['yesno', 'time', 'where']);
// Events of Tết an officer asks about by name: fireworks, a festival, a fair, a flower market or street, a show.
const EVENT_NAMES_RE = / (?:ban phao hoa|le hoi|festival|hoi cho|cho hoa|duong hoa|van nghe)(?= )/g;
// An event held, and when: "tổ chức ngày nào", "diễn ra khi nào", "khai mạc lúc mấy giờ".
const EVENT_VERBS: ReadonlySet<string> = new Set(['to chuc', 'dien ra', 'khai mac']);
const WHEN_RE =
  /^ (vao |tu )?(ngay nao|khi nao|luc nao|bao gio|hom nao|ngay may|may gio|thoi gian nao|o dau)/;
// What "MobiFone cần làm gì dịp Tết" says besides the business and the frame.
const TASK_FILLER: ReadonlySet<string> = new Set([
  'can',
  'phai',
  'co',
  'lam',
  'gi',
  'nhung',
  'viec',
  'thuc',
  'hien',
  'chuan',
  'bi',
  'nhiem',
  'vu',
  'rieng',
  'nao',
  'khong',
  'dip',
  'tet',
  'trong',
  'nay',
  'thi',
  'a',
]);
// "những việc nào", "những nội dung nào": asking for the tasks, which a clause states as such.
const TASK_WORDS: ReadonlySet<string> = new Set([
  'viec',
  'cong',
  'nhiem',
  'yeu',
  'noi',
  'phan',
  'muc',
  'gi',
  'loai',
  'bien',
  'giai',
  'phuong',
]);
// "ký" the verb, not "kỹ thuật", "ký tên", "kỷ niệm" (all fold to "ki"); "chữ ký", "người ký".
// "ký" the verb, not "kỹ thuật", "kỷ niệm", nor the "kỳ" of "cùng kỳ", "định kỳ", "chu kỳ", "thời kỳ" (all fold to "ki").
const SIGNING_RE = /(?<! (?:cung|dinh|chu|thoi)) ki (?!thuat|niem|luat|nang|so)/;
const TITLE_RE =
  / ((?:pho )?(?:giam doc|chu tich|truong phong|chanh van phong|truong ban|bi thu|cuc truong|bo truong)) /;
const DEADLINE_WORDS: ReadonlySet<string> = new Set(['han', 'deadline']);
// What a deadline claim says besides its date: "hạn chót nộp bc là 5/2 đúng không", "mùng 6 Tết", "âm lịch".
const CLAIM_WORDS: ReadonlySet<string> = new Set([
  ...DEADLINE_WORDS,
  'chot',
  'cuoi',
  'het',
  'nop',
  'gui',
  'bao',
  'cao',
  'ket',
  'qua',
  'tet',
  'am',
  'lich',
  'duong',
  'dung',
  'chieu',
  'toi',
  'trua',
]);
// The deadline said to have moved: "lùi lại", "kéo dài", "gia hạn", "hoãn", "đổi sang".
const MOVED_RE = / (lui|keo dai|gia han|hoan|doi|thay doi|dich|chuyen sang|sang thang) /;
const MOVED_WORDS: ReadonlySet<string> = new Set([
  'lui',
  'keo',
  'dai',
  'gia',
  'hoan',
  'doi',
  'thay',
  'dich',
  'chuyen',
  'sang',
  'nghe',
  'noi',
  'bao',
  'cao',
]);
// "Ông Trần Minh Khoa, Phó Trưởng phòng …" opens a contact line: an honorific starting a sentence names someone too.
const PERSON_RE = /(?<!\p{L})(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí|[đĐ]\/c|anh|chị)\s+((?:\p{Lu}\p{Ll}*\s*){1,4})/gu;
const HONORIFICS: ReadonlySet<string> = new Set(['ong', 'ba', 'anh', 'chi']);
const RERANK_FLOOR = 0.25;
// What a claim about the letter's own number or date says besides them: "cv số 254 ký hôm 26/1 đúng không".
const SELF_CLAIM_WORDS: ReadonlySet<string> = new Set([
  'cong',
  'van',
  'ban',
  'so',
  'hieu',
  'ki',
  'hom',
  'hanh',
  'nay',
]);
// Two items of one clause this close answer together; a clause longer than this is too much to answer with.
const SIBLING_CLOSE = 0.85;
const PARENT_MAX_LENGTH = 900;
// "báo cho ai khi có sự cố": after "ai" a clause of time or place begins, not the action someone does.
const NOT_ACTIONS: ReadonlySet<string> = new Set(['khi', 'neu', 'trong', 'sau', 'truoc', 'tai', 'o', 'luc']);
// How long: "bao lâu", "mấy tiếng", "bao nhiêu phút"; and a span a clause states: "trong vòng 30 phút".
const ASKS_HOUR_RE = / (may|bao nhieu) gio | gio nao /;
const asksHour = (tokens: readonly string[]): boolean => ASKS_HOUR_RE.test(` ${tokens.join(' ')} `);
// A time of day a stretch of a clause gives: "17 giờ 00", "10h" (both "… gio" once normalised), "sáng", "chiều",
// "tối" (not "tối ưu", "tối thiểu", "tối đa"); a span in hours ("trong vòng 02 giờ") answers "mấy tiếng" too.
const CLOCK_RE = / \d{1,2} (gio|h|phut|tieng) | (sang|chieu|trua) | toi (?!(uu|thieu|da|khan|mat) )/;
// A schedule asked for ("lịch cắt điện … thế nào", "lịch chương trình …"), not a date of the calendar ("âm lịch"),
// nor the duty roster, which a letter asks to be sent.
const ASKS_SCHEDULE_RE = /(?<! (?:am|duong|du)) lich (?!truc|am|duong)/;
// …nor who keeps it, where it is sent, what to do about it, whether it must be given: "lịch cắt điện thì sao",
// "phối hợp với ai để nắm lịch", "có phải thông báo lịch nghỉ không".
const NOT_SCHEDULE_RE =
  / (ai|dau|lam gi|thi sao|phoi hop|phai|can|gui|nop|niem yet|thong bao|cong khai|mau|khong) /;
// Round the clock: "24/24 giờ", "24/7", how long the duty lasts, no hour of anything else.
const ROUND_THE_CLOCK_RE = / 24 (24|7)( gio)? /g;
// "có phải báo cáo không", "có phải gửi bc ko", "cần nộp báo cáo không": whether one must report.
const MUST_REPORT_RE = / (co phai|phai|can|co can) (gui |nop |lam )?bao cao /;
// People counted by role: "01 cán bộ lãnh đạo", "tối thiểu 02 nhân viên kỹ thuật".
const ROLE_COUNT_RE = / \d+ (can bo |nhan vien |chuyen vien )?(lanh dao|ki thuat)/;
// "nêu tại mục 7", "quy định tại mục II": another item of the letter pointed to.
const REFERS_TO_ITEM_RE = /(?:nêu|quy định|ghi) tại mục ([0-9]+|[IVX]+)\b/iu;
/** Puts the candidate at `at` first, just above the one that led: a rule decided it answers (nothing moves at 0). */
function moveToFront(candidates: Candidate[], at: number): void {
  if (at <= 0) return;
  const [promoted] = candidates.splice(at, 1);
  candidates.unshift({ pairId: promoted!.pairId, score: candidates[0]!.score * 1.2 });
}

const sentenceStart = (s: string): string => s.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
const COMPLETION_RE = /^ (hoan thanh|hoan tat|xong|ket thuc|truoc ngay|cham nhat) /;
// "từ ngày nào đến ngày nào", "từ hôm nào tới hôm nào", "từ ngày âm lịch nào đến ngày nào": a span asked for.
const ASKS_SPAN_RE =
  / tu (ngay|hom) (\S+ ){0,3}?(nao|may|bao nhieu) (den|toi) (ngay|hom) (nao|may|bao nhieu) /;
// The question's own words for a span ("thời gian … tính theo âm lịch"), which say nothing of what it spans.
const SPAN_WORDS: ReadonlySet<string> = new Set([
  'thoi',
  'gian',
  'tu',
  'den',
  'toi',
  'nao',
  'hom',
  'am',
  'lich',
  'tinh',
  'theo',
]);
// "từ ngày 1 2 2027 đến hết ngày 20 2 2027", "từ 07 giờ ngày 30 1 đến …", "từ 29 tháng chạp đến mùng 4 tết".
const STATES_SPAN_RE =
  / tu (\d{1,2} gio (\d{1,2} )?)?(ngay )?(\d{1,2} \d{1,2}|\d{1,2} thang|mung \d|ram) (\S+ ){0,8}?den (het )?(\d{1,2} gio (\d{1,2} )?)?(ngay )?(\d{1,2} \d{1,2}|\d{1,2} thang|mung \d|ram)/;
// A span clause holding this share of what the question is about answers it.
const SPAN_HOLDS = 0.5;
// How a report goes: by phone (a call, Zalo) or in writing (a letter on paper, an e-mail).
const PHONE_CHANNEL_RE = / (dien thoai|goi|zalo) /;
const WRITTEN_CHANNEL_RE = / (van ban|giay|email|mail) /;
const HOW_LONG_RE = / (bao lau|may (gio|tieng|phut)|bao nhieu (gio|tieng|phut)|(trong|sau) (vong )?bao) /;
// "trực 24/24 giờ", "24/7": round the clock is a span too.
const DURATION_RE =
  / (trong vong|trong|sau|it nhat|toi da|khong qua|keo dai) \d+ (phut|gio|tieng|ngay) | 24 (24|7) /;
// "số (hiệu) (của) công văn", "công văn (này) số mấy": the letter's number, not a phone number.
const OWN_NUMBER_RE =
  / so (hieu |ki hieu )?(cua )?(cong van|van ban)(?! (can cu|cua (bo|uy ban|ubnd|chinh phu|tinh)))| (cong van|van ban) (nay )?(so (may|bao nhieu|gi|nao)|co so) /;
// Another document the letter names: its number is the basis's, not the letter's.
const OTHER_DOCUMENT_RE =
  / (chi thi|ke hoach|nghi dinh|quyet dinh|cong dien|thong tu|can cu|cap tren|dien thoai) /;
// A document named as another than the letter: by a number ("cv 5120"), or by an issuer above the department ("cv
// của Bộ", "kế hoạch của UBND thành phố").
const CITED_DOCUMENT_RE =
  / (?:cong van|van ban|chi thi|ke hoach|quyet dinh|cong dien|thong tu) (?:so )?(\d+) | (?:cong van|van ban|chi thi|ke hoach|quyet dinh) (?:cua )?(?:bo|cuc|uy ban nhan dan|tinh|thanh pho|chinh phu|thu tuong) /;
// The facts about reporting, and the words that ask about a report, its deadline, address or form.
const REPORT_FACTS: ReadonlySet<string> = new Set(['deadline', 'email', 'contents', 'daily']);
const REPORT_WORDS_RE =
  / (bao cao|bao|nop|email|han|han chot|dia chi|dau|hinh thuc|ban dien tu|ban giay|ban mem|zalo|so lieu|noi dung|tong ket|tong hop|cap nhat) /;
// What asks about the letter's recipients: sending, receiving, keeping it, the letter itself, someone it lists.
const RECIPIENT_WORDS_RE =
  / (gui|nhan|luu|nhu tren|cong van|van ban|de biet|bao cao|dong gui|ban sao|phoi hop|noi|dong chi|la ai) /;
// A date asked for: "ngày nào", "từ hôm nào", "mùng mấy" ("khi nào" may want a condition, "khi có sự cố").
const ASKS_DATE_RE = / (ngay nao|hom nao|ngay may|ngay bao nhieu|mung may) /;
// A moment a stretch of a clause gives: a date ("09 02 2027" once normalised), a day of Tết, the eve, an hour.
const MOMENT_RE =
  / \d{1,2} \d{1,2}( \d{4})? | (mung|mong) \d+ | giao thua | (truoc|sau|trong) tet | ram | \d+ (gio|h) | ngay \d+ /;
// A letter's duty in general: "Viettel có phải gửi báo cáo không", "VNPT có phải thực hiện không".
const OBLIGATION_WORDS: ReadonlySet<string> = new Set([
  'gui',
  'nop',
  'bao',
  'cao',
  'thuc',
  'hien',
  'theo',
  'cong',
  'van',
  'ban',
  'trien',
  'khai',
  'chap',
]);
const ABSENT_YIELD = 0.75;
// Words of getting in touch: who to call, the number, the hotline, the person in charge.
// A number asked for: "số điện thoại", "số Zalo", "hotline", "đường dây nóng" (not "qua điện thoại", a way to report;
// nor "số mấy", a document's number too).
const NUMBER_ASK_RE = / (so dien thoai|so dt|so zalo|hotline|duong day nong|so lien he) /;
// A mailbox asked for: "email của UBND", "địa chỉ email", "email là gì" (not "email được không", a way to report).
const MAILBOX_ASK_RE =
  / (?:dia chi )?(e ?mail|mail|hop thu)(?: dien tu)? (?:cua|la gi|nao|gi|bao nhieu|o dau)(?= )| dia chi (e ?mail|mail|hop thu) /;
// Nine digits or more in one run, spaces and dots allowed: a phone number; or an emergency number ("113", "115").
const PHONE_RE = /(?:\d[ .]?){9,}|(?<!\d)11[2-6](?!\d)/;
// The kinds of report a letter may ask for, by name: "báo cáo nhanh", "báo cáo đột xuất", "báo cáo tổng hợp".
const REPORT_KIND_RE = / bao cao (nhanh|dot xuat|tong hop|dinh ki) /;
const CONTACT_RE =
  / (lien he|lien lac voi|goi|so dien thoai|duong day nong|dau moi|hoi them|thac mac|vuong mac|phu trach|so may|so nao|nguoi tiep nhan) /;
const SUGGEST_INTRO = 'Có phải bạn muốn hỏi:';
// Asked most often; they fill the suggestion list when the ranker has fewer than two candidates.
const FALLBACK_SUGGESTIONS = ['han-bao-cao', 'gui-bao-cao', 'trich-yeu'];

/**
 * Positions of "ngoài Sở ra", "ngoài ngày nghỉ Tết còn": what the officer sets aside, closed by "ra" or "còn"
 * within five words. Not "năm ngoái", "nước ngoài".
 */
function setAside(tokens: readonly string[]): number[] {
  const at = tokens.indexOf('ngoai');
  if (at < 0 || ['nam', 'nuoc', 'ben', 'phia'].includes(tokens[at - 1] ?? '')) return [];
  const end = tokens.findIndex((t, i) => i > at + 1 && i <= at + 6 && (t === 'ra' || t === 'con'));
  if (end < 0) return [];
  const last = tokens[end] === 'ra' ? end : end - 1;
  return Array.from({ length: last - at + 1 }, (_, i) => at + i);
}

// "bc ngày nộp trước 10h đúng ko": "báo cáo ngày" then when or how it goes is the daily report ("báo cáo hằng
// ngày"), not "báo cáo ngày nào", "báo cáo ngày 25/2", nor "báo cáo ngay" (at once), which folds alike.
const DAILY_SAID_RE = / bao cao ngay (?=(?:nop|gui|truoc|luc|han|gom|ghi) )/g;
const dailySaid = (tokens: string[]): string[] => {
  const text = ` ${tokens.join(' ')} `;
  const said = text.replace(DAILY_SAID_RE, ' bao cao hang ngay ');
  return said === text ? tokens : said.trim().split(' ');
};

export type Engine = QaEngine & { analyze(question: string): Analysis };

const MIDDLE_NAMES = new Set(['thi', 'van']);
// What may follow "nào" when which addressee is asked: "… nào được gửi", "… nào nhận công văn vậy".
const WHICH_TAIL: ReadonlySet<string> = new Set([
  'duoc',
  'gui',
  'nhan',
  'cong',
  'van',
  'vay',
  'a',
  'ha',
  'the',
]);

export function createEngine(options: QaOptions = {}): Engine {
  // An imported letter has no curated pairs: its own calibration and thresholds, fitted on the tuning letter.
  const letter = options.knowledge !== undefined;
  const threshold = options.threshold ?? (letter ? LETTER_THRESHOLD : DEFAULT_THRESHOLD);
  const suggestFloor = Math.min(
    options.suggestFloor ?? (letter ? LETTER_SUGGEST_FLOOR : DEFAULT_SUGGEST_FLOOR),
    threshold,
  );
  const calibration = options.calibration ?? (letter ? LETTER_CALIBRATION : undefined);
  const directive = options.knowledge?.directive ?? loadDirective(options.dataDir);
  const pairs = options.knowledge?.pairs ?? loadPairs(directive, options.dataDir);
  const items = itemsById(directive);
  const pairById = new Map(pairs.map((pair) => [pair.id, pair]));
  const parts = directive.parts.map(renderPart);
  const texts = new Map(pairs.map((pair) => [pair.id, pair.answer ?? factAnswer(pair.facts!, directive)]));
  const textOf = (pair: QaPair): string => texts.get(pair.id)!;
  // A pair's answer folded, with a space at each end, made once: rules look for words in it per question.
  const normalizedTexts = new Map<string, string>();
  const normalizedText = (pair: QaPair): string => {
    let text = normalizedTexts.get(pair.id);
    if (text === undefined) {
      text = ` ${normalize(textOf(pair))} `;
      normalizedTexts.set(pair.id, text);
    }
    return text;
  };
  const clauseText = (pair: QaPair): string => pair.refs.map((ref) => items.get(ref)?.text ?? '').join(' ');

  const index = createSearchIndex(
    pairs.map((pair) => ({
      pairId: pair.id,
      phrasings: [pair.question, ...pair.phrasings],
      keywords: pair.keywords,
      body: `${clauseText(pair)} ${textOf(pair)}`,
    })),
  );
  const numbersOf = new Map(
    pairs.map((pair) => {
      const tokens = normalizeTokens(`${clauseText(pair)} ${textOf(pair)}`);
      return [pair.id, new Set(tokens.filter((token) => /^\d+$/.test(token)))];
    }),
  );
  // Diacritics the officer typed are evidence too: "thưởng" folds like "thường" but the directive never says it.
  const letterText = ` ${foldDiacritics(
    [
      ...directive.parts.flatMap((part) => [part.title, ...part.items.map((item) => item.text)]),
      directive.dispatch.subject,
    ].join(' '),
  )
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
  // The places the letter names anywhere, its heading and addressees included.
  const placesText = ` ${foldDiacritics(
    [letterText, directive.dispatch.place, directive.dispatch.issuer, directive.dispatch.recipients].join(
      ' ',
    ),
  )
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
  // The letter's sentences that give a phone number or an e-mail address: whose numbers it gives.
  const contactSentences = directive.parts
    .flatMap((part) => part.items.flatMap((item) => sentences(item.text)))
    .concat(directive.dispatch.hotline?.source ?? '')
    // Nine digits or more in one run, spaces and dots allowed: a phone number, not a date and a document number.
    .filter((s) => /(?:\d[ .]?){9,}/.test(s) || s.includes('@'));
  // What a parenthesis without a number says is the occasion, not whose number it is: "khi xảy ra sự cố (mất liên
  // lạc với đồn biên phòng), báo … số điện thoại …" gives no number of the border post.
  const contactText = ` ${contactSentences
    .map((s) => normalize(s.replace(/\([^()\d@]*\)/g, ' ')))
    .join(' ')} `;
  // Near-domain topics are looked up in the whole letter, its addressees and "Nơi nhận" too: "Cục Viễn thông (để
  // b/c)" among the recipients makes "cv có gửi Cục Viễn thông không" a question the letter answers.
  const topicText = ` ${foldDiacritics(
    [letterText, directive.dispatch.recipients, ...directive.dispatch.copyTo].join(' '),
  )
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
  const tetYear =
    Number(directive.dispatch.report.deadline.tetFirstDay.slice(0, 4)) || directive.dispatch.year;
  const offTopic = (question: string, tokens: readonly string[]): boolean => {
    // "ngoài ngày nghỉ Tết còn … dịp nào": a topic the officer sets aside is not what is asked about.
    const aside = new Set(setAside(tokens));
    const near =
      aside.size > 0
        ? nearDomainTopic(tokens.filter((_, i) => !aside.has(i)).join(' '), topicText)
        : nearDomainTopic(question, topicText) || nearDomainTopic(normalize(question), topicText);
    return near || otherTopic(question);
  };
  // The issuer's and the addressees' names, folded: another body's own plans and deadlines are not the letter's.
  const issuerText = normalize(directive.dispatch.issuer);
  const addresseesText = normalize(directive.dispatch.recipients);
  const otherTopic = (question: string): boolean =>
    otherTet(question, tetYear, placesText) ||
    otherProvince(question, placesText) ||
    unaddressedOperator(question, placesText) ||
    physicalAddress(question, placesText) ||
    personalEmail(question, directive.dispatch.hotline?.source ?? '') ||
    citedRequirements(normalize(question), directive.dispatch.number) ||
    othersNumber(normalize(question), contactText) ||
    unnamedDocument(normalize(question), letterText) ||
    otherBodysOwn(normalize(question), issuerText, addresseesText, implementsText, topicText);
  const corpusWords = new Set(
    accentedWords(
      [
        ...directive.parts.flatMap((part) => [part.title, ...part.items.map((item) => item.text)]),
        ...pairs.flatMap((pair) => [pair.question, ...pair.phrasings, pair.keywords, textOf(pair)]),
      ].join(' '),
    ),
  );

  // Whether the letter names a contact person: "tên cán bộ liên hệ?" is otherwise declined.
  const namesContact =
    Boolean(directive.dispatch.hotline?.person) ||
    /(?:ông|bà|đồng chí|đ\/c|anh|chị)\s+\p{Lu}/u.test(directive.dispatch.hotline?.source ?? '');
  // The letter's own two-syllable words: "chỉ thị", "cơ quan" make their frame-looking syllables content.
  const letterWords = directive.parts
    .flatMap((part) => [part.title, ...part.items.map((i) => i.text)])
    .join(' ');
  const letterBigrams = new Set(bigrams(normalizeTokens(letterWords)));
  const inLetter = (bigram: string): boolean => letterBigrams.has(bigram);
  /** "hạn bc ngày bao nhiêu" says "ngày" but asks for the deadline: the daily report is asked for by name. */
  function demoteUnaskedDaily(tokens: readonly string[], candidates: Candidate[]): void {
    const text = ` ${tokens.join(' ')} `;
    if (/ (hang|moi|trong) ngay | nhanh | daily /.test(text)) return;
    const at = candidates.findIndex((c) => pairById.get(c.pairId)?.facts === 'daily');
    if (at === 0 && candidates.length > 1) candidates.push(...candidates.splice(0, 1));
  }

  /**
   * "khi có sự cố thì làm gì", "cần báo nhanh những gì": the contact template's phrasings ("gặp sự cố thì gọi
   * ai") make it lead any question about incidents. A question asking neither whom, where nor which number, and
   * with no word of contacting, wants the clause on the incident instead.
   */
  function demoteUnaskedContact(
    tokens: readonly string[],
    questionType: QuestionType,
    candidates: Candidate[],
  ): void {
    const contact = candidates[0] && pairById.get(candidates[0].pairId);
    if (contact?.facts !== 'contact' || contact.types.includes(questionType)) return;
    if (CONTACT_RE.test(` ${tokens.join(' ')} `)) return;
    if (!candidates.slice(1, RERANK_DEPTH).some((c) => !pairById.get(c.pairId)?.facts)) return;
    candidates.shift();
  }

  /**
   * "gửi pháo qua bưu điện được không": the report facts' phrasings ("gửi báo cáo qua email nào") share "gửi qua"
   * with any question on sending. A question saying nothing of a report, its deadline, address or form is about what
   * a clause says, so the report facts go below the clauses among the leaders when one is about as close.
   */
  function demoteUnaskedReport(tokens: readonly string[], candidates: Candidate[]): void {
    if (REPORT_WORDS_RE.test(` ${tokens.join(' ')} `)) return;
    const leaders = candidates.slice(0, RERANK_DEPTH);
    const report = (c: Candidate): boolean => REPORT_FACTS.has(pairById.get(c.pairId)?.facts ?? '');
    const fact = leaders.find(report);
    const clause = leaders.find((c) => !pairById.get(c.pairId)?.facts);
    // Only a clause about as close: far behind, it is no better an answer.
    if (!fact || !clause || clause.score < fact.score * ABSENT_YIELD) return;
    candidates.splice(0, leaders.length, ...leaders.filter((c) => !report(c)), ...leaders.filter(report));
  }

  /**
   * "bưu điện có phát thư chúc Tết của lãnh đạo tỉnh không": "Nơi nhận" names the post office ("Như trên") and the
   * province's leaders, but a question saying nothing of the letter, of sending or receiving it, is not about whom
   * it went to.
   */
  function demoteUnaskedRecipients(tokens: readonly string[], candidates: Candidate[]): void {
    if (pairById.get(candidates[0]?.pairId ?? '')?.facts !== 'recipients') return;
    if (RECIPIENT_WORDS_RE.test(` ${tokens.join(' ')} `)) return;
    candidates.push(...candidates.splice(0, 1));
  }

  // Facts the letter does not state: answering with one says only that it is absent.
  const absentFact = (pair: QaPair | undefined): boolean =>
    (pair?.facts === 'contact' && !directive.dispatch.hotline) ||
    (pair?.facts === 'daily' && !directive.dispatch.report.daily) ||
    (pair?.facts === 'implements' && !directive.dispatch.implements);
  /**
   * "cần báo nhanh những gì" of a letter with no daily report: "báo cáo nhanh" is how the daily-report template
   * is asked, but a clause as close that says it ("Báo cáo nhanh các sự cố…") is what the letter has to say.
   */
  function preferClauseToAbsentFact(candidates: Candidate[]): void {
    const first = candidates[0];
    if (!first || !absentFact(pairById.get(first.pairId))) return;
    const at = candidates
      .slice(1, RERANK_DEPTH)
      .findIndex((c) => !pairById.get(c.pairId)?.facts && c.score >= first.score * ABSENT_YIELD);
    if (at < 0) return;
    const [clause] = candidates.splice(at + 1, 1);
    candidates.unshift({ pairId: clause!.pairId, score: first.score });
  }

  /**
   * "báo cáo nhanh khi nào" of a letter with several kinds of report: the kind named decides, before any wording.
   * A leader that never names it (the daily report's fact) yields to one among the leaders that does.
   */
  function preferReportKindNamed(tokens: readonly string[], candidates: Candidate[]): void {
    const kind = REPORT_KIND_RE.exec(` ${tokens.join(' ')} `);
    const first = candidates[0] && pairById.get(candidates[0].pairId);
    if (!kind || !first || normalizedText(first).includes(kind[0])) return;
    const at = candidates
      .slice(1, RERANK_DEPTH)
      .findIndex((c) => normalizedText(pairById.get(c.pairId)!).includes(kind[0]));
    if (at < 0) return;
    // The deadline fact drawn from the clause naming the kind is that report's answer already.
    if (pairById.get(candidates[at + 1]!.pairId)!.refs.some((ref) => first.refs.includes(ref))) return;
    moveToFront(candidates, at + 1);
  }

  // The businesses the opening names one by one are addressed as much as the "Kính gửi" line's.
  const addressedTo = [directive.dispatch.recipients, ...(directive.dispatch.named ?? [])].join('; ');
  const businesses = businessNames(addressedTo, directive.dispatch.place);
  // The facts that list businesses by name: the "Kính gửi" line, and "Như trên" in the list of recipients.
  const listsNames = (pairId: string): boolean =>
    ['addressees', 'recipients'].includes(pairById.get(pairId)?.facts ?? '');
  const addresseesFact = pairs.find((pair) => pair.facts === 'addressees');
  /**
   * Whether a question naming a business asks if the letter is addressed to it: "có thuộc đối tượng…",
   * "áp dụng cho…", or a yes or no on the letter's own duty alone ("Viettel có phải gửi báo cáo không").
   */
  function asksAddressed(
    tokens: readonly string[],
    business: ReadonlySet<number>,
    questionType: QuestionType,
  ): boolean {
    if (ASKS_ADDRESSED.test(` ${tokens.join(' ')} `)) return true;
    if (questionType !== 'yesno') return false;
    const frame = framePositions(tokens, inLetter);
    return tokens.every((t, i) => business.has(i) || frame.has(i) || OBLIGATION_WORDS.has(t));
  }
  /**
   * "VNPT Huế có bao nhiêu trạm BTS", "Viettel có mấy kỹ thuật viên": the business named, and nothing else, is who
   * has the things counted. A letter asks for its tasks and never counts what a business owns; "mỗi cụm trạm có
   * bao nhiêu người trực" (a count the letter sets) names no business before "có".
   */
  function asksBusinessHoldings(tokens: readonly string[], business: ReadonlySet<number>): boolean {
    const at = tokens.indexOf('co');
    if (at <= 0 || !(tokens[at + 1] === 'may' || (tokens[at + 1] === 'bao' && tokens[at + 2] === 'nhieu')))
      return false;
    return tokens.slice(0, at).every((_, i) => business.has(i));
  }

  // The "Kính gửi" line as tokens: "Truyền hình cáp" in "Công ty TNHH MTV Truyền hình cáp Thăng Long".
  const addresseeWords = ` ${normalizeTokens(directive.dispatch.recipients).join(' ')} `;
  /**
   * "MobiFone thì gửi cho cty nào", "mobifone nào được gửi", "cty truyền hình cáp nào": which company of a brand or a
   * kind the letter is addressed to, answered by the "Kính gửi" line that names it in full. The brand named right
   * before "nào", or a company word ("cty", "doanh nghiệp") and the kind the line names; nothing asked after it but
   * the sending.
   */
  function asksWhichAddressee(tokens: readonly string[], business: ReadonlySet<number>): boolean {
    const at = tokens.lastIndexOf('nao');
    if (at <= 0 || !tokens.slice(at + 1).every((t) => WHICH_TAIL.has(t))) return false;
    if (business.has(at - 1)) return true;
    const company = tokens.findLastIndex(
      (t, i) =>
        i < at && ((t === 'ti' && tokens[i - 1] === 'cong') || (t === 'nghiep' && tokens[i - 1] === 'doanh')),
    );
    if (company < 0) return false;
    const kind = tokens.slice(company + 1, at);
    if (kind.length === 0) return business.size > 0;
    return kind.length <= 4 && addresseeWords.includes(` ${kind.join(' ')} `);
  }

  /**
   * "VNPT Bình Định gửi báo cáo về đâu": the "Kính gửi" list names the business, but only a question asking
   * whether it is addressed wants that list.
   */
  function placeAddressees(addressed: boolean, questionType: QuestionType, candidates: Candidate[]): void {
    if (addressed) {
      const at = addresseesFact ? candidates.findIndex((c) => c.pairId === addresseesFact.id) : -1;
      if (at > 0 && at < RERANK_DEPTH) {
        moveToFront(candidates, at);
      }
      return;
    }
    if (questionType === 'yesno') return;
    while (candidates.length > 1 && listsNames(candidates[0]!.pairId)) candidates.shift();
  }

  // Each pair's own words folded, names kept: "FPT Telecom Kiên Giang" is in the clause that names FPT.
  const fold = (text: string): string => ` ${foldDiacritics(text).replace(/[^a-z0-9]+/g, ' ')} `;
  const foldedTexts = new Map(pairs.map((pair) => [pair.id, fold(`${clauseText(pair)} ${textOf(pair)}`)]));
  // What a pair lists in brackets: "các doanh nghiệp bưu chính (Bưu điện tỉnh…, Viettel Post…)" says who the group is.
  const bracketed = new Map(
    pairs.map((pair) => [
      pair.id,
      fold([...clauseText(pair).matchAll(/\(([^)]*)\)/g)].map((m) => m[1]).join(' ')),
    ]),
  );
  /**
   * "FPT có phải làm theo cv này không", "MobiFone cần làm gì": a letter addressed to "các doanh nghiệp" that names
   * the business in a clause ("các doanh nghiệp viễn thông (VNPT…, FPT Telecom…) …, cụ thể:") answers with that
   * clause, which says it is addressed and what it must do. Returns whether such a clause now leads.
   */
  function promoteNamingClause(
    question: string,
    addressed: boolean,
    asksTasks: boolean,
    candidates: Candidate[],
  ): boolean {
    if (!addressed && !asksTasks) return false;
    const names = rawBusinessNames(foldDiacritics(question));
    if (names.length === 0) return false;
    // Asked whether it is addressed, the clause must list it as one of a group; asked its tasks, name it.
    const texts = addressed ? bracketed : foldedTexts;
    const naming = (pairId: string): boolean =>
      names.every((name) => texts.get(pairId)?.includes(` ${name} `));
    if (addressed && addresseesFact && foldedTexts.get(addresseesFact.id)?.includes(` ${names[0]} `))
      return false;
    const first = candidates[0];
    if (first && naming(first.pairId) && !pairById.get(first.pairId)?.facts) return true;
    // The clause that says the name, not its items, which each say one task.
    const at = candidates.findIndex(
      (c) =>
        !pairById.get(c.pairId)?.facts &&
        naming(c.pairId) &&
        !candidates.some((d) => d.pairId === pairById.get(c.pairId)?.parent && naming(d.pairId)),
    );
    if (at < 0) return false;
    const [promoted] = candidates.splice(at, 1);
    candidates.unshift({ pairId: promoted!.pairId, score: (first?.score ?? 1) * 1.2 });
    return true;
  }

  // The people the letter names ("ông Phan Đức Thịnh", "bà Lâm Ngọc Diễm", the signer), as folded syllables.
  const nameSyllables = new Set(
    [
      ...[...letterWords.matchAll(PERSON_RE)].map((m) => m[1]!),
      directive.dispatch.signer.name,
      directive.dispatch.hotline?.person ?? '',
    ]
      // A middle name ("Thị", "Văn") names no one: "chỉ thị" read as "chị Thị" is no question about Phan Thị Linh.
      .flatMap((name) =>
        normalizeTokens(name).filter((t, i, all) => i === all.length - 1 || !MIDDLE_NAMES.has(t)),
      ),
  );
  const personSyllables = (text: string): string[] =>
    [...text.matchAll(PERSON_RE)].flatMap((m) => normalizeTokens(m[1]!));
  // Who each pair names: "Diễm" in "bà Lâm Ngọc Diễm", not in "thời điểm".
  const personsOf = new Map(
    pairs.map((pair) => [
      pair.id,
      new Set(personSyllables(`${clauseText(pair)} ${textOf(pair)} ${pair.keywords}`)),
    ]),
  );
  // The people whose phone or mailbox the letter gives: named in a sentence that gives one.
  const reachable = new Set([
    ...personSyllables(contactSentences.join(' ')),
    ...normalizeTokens(directive.dispatch.hotline?.person ?? ''),
  ]);
  // The signer's name as typed, with or without the middle name ("Lý Thị Hoa", "Lý Hoa").
  const signerNames = [directive.dispatch.signer.name, withoutMiddleNames(directive.dispatch.signer.name)]
    .map((name) => normalizeTokens(name).join(' '))
    .filter((name) => name.includes(' '));
  /**
   * "sđt của phó giám đốc Phan Đình Tuấn", "zalo anh Phong": the phone of a person the letter names (the signer)
   * without giving theirs. The letter gives its contact's number, never the signer's.
   */
  function asksUnlistedNumber(tokens: readonly string[]): boolean {
    const text = ` ${tokens.join(' ')} `;
    if (!/ (so dien thoai|dien thoai|di dong|zalo|email|so may) /.test(text)) return false;
    const named = tokens.filter(
      (t, i) => HONORIFICS.has(tokens[i - 1] ?? '') && nameSyllables.has(t) && !MIDDLE_NAMES.has(t),
    );
    // The given name tells people apart; a family name ("Nguyễn") many share.
    for (const name of signerNames) if (text.includes(` ${name} `)) named.push(name.split(' ').at(-1)!);
    return named.length > 0 && !named.some((t) => reachable.has(t));
  }
  const signerFact = pairs.find((pair) => pair.facts === 'signer');
  /**
   * "ông Thịnh chức vụ gì": the person the officer names decides which pair answers, before any wording does.
   * "Ngô Văn Tùng ký cv này đúng ko": a name said to have signed the letter is checked by the signer fact.
   * Returns whether the best pair now names the person asked about.
   */
  function promoteNamed(tokens: readonly string[], candidates: Candidate[]): boolean {
    const text = ` ${tokens.join(' ')} `;
    // "ký" the verb, not "kỹ thuật", "ký tên", "kỷ niệm" (all fold to "ki").
    const signing =
      /(?<! (?:cung|dinh|chu|thoi)) ki (?!thuat|ten|nhan|niem|luat|nang|so)/.test(text) &&
      !/ bao cao | ngay | hom | thang /.test(text);
    const toFront = (at: number): void => {
      if (at <= 0) return;
      moveToFront(candidates, at);
    };
    if (signing && signerFact) {
      toFront(candidates.slice(0, RERANK_DEPTH).findIndex((c) => c.pairId === signerFact.id));
      return false;
    }
    // Only the syllables of a person the letter names: "phản ánh chất lượng" names no one.
    const named = tokens.filter((t, i) => HONORIFICS.has(tokens[i - 1] ?? '') && nameSyllables.has(t));
    if (named.length === 0) return false;
    const holds = (c: Candidate): boolean => named.every((t) => personsOf.get(c.pairId)?.has(t));
    if (!candidates[0] || !holds(candidates[0])) toFront(candidates.findIndex(holds));
    return candidates[0] !== undefined && holds(candidates[0]);
  }

  // Each clause's own pair, by the clause's id ("II.2", "5", "6.+1").
  const clausePairs = new Map(
    pairs.filter((pair) => !pair.facts && pair.refs.length === 1).map((pair) => [pair.refs[0]!, pair.id]),
  );
  const clauseIds = [...clausePairs.keys()];
  // The appendices ("phu-luc-2", titled "ĐỀ CƯƠNG BÁO CÁO"), each with the words of its title and its number.
  const appendices = clauseIds
    .filter((id) => /^phu-luc(-[0-9a-z]+)?$/i.test(id))
    .map((id) => {
      const title = normalizeTokens(
        textOf(pairById.get(clausePairs.get(id)!)!)
          .replace(CITATION_RE, '')
          .split('\n')[0]!,
      );
      return { id, number: id.slice('phu-luc-'.length).toLowerCase(), title, words: new Set(title) };
    });
  /**
   * "đề cương mục III", "mẫu báo cáo nhanh mục 4", "phụ lục 1 ý 2": the appendix a question names, by its number or
   * by the first two words of its title ("đề cương", "danh sách", "mẫu báo").
   */
  function appendixNamed(tokens: readonly string[]): (typeof appendices)[number] | undefined {
    const text = ` ${tokens.join(' ')} `;
    const byNumber = /(?<= )phu luc (\d+|[ivx]+)(?= )/.exec(text)?.[1];
    if (byNumber) return appendices.find((a) => a.number === byNumber);
    const named = appendices.filter(
      (a) => a.title.length >= 2 && text.includes(` ${a.title[0]} ${a.title[1]} `),
    );
    if (named.length === 1) return named[0];
    return appendices.length === 1 && / phu luc /.test(text) ? appendices[0] : undefined;
  }

  const appendixOf = (pairId: string): (typeof appendices)[number] | undefined => {
    const ref = pairById.get(pairId)?.refs[0] ?? '';
    return appendices.find((a) => ref === a.id || ref.startsWith(`${a.id}.`));
  };

  /**
   * "báo cáo tổng kết cần nêu lưu lượng gì": a clause that sends to an appendix ("theo đề cương tại Phụ lục 2")
   * for what the question asks, and lacks it, yields to the part of that appendix that says it.
   */
  function promoteReferredAppendix(
    tokens: readonly string[],
    outcome: SearchOutcome,
    candidates: Candidate[],
  ): void {
    const first = candidates[0] && pairById.get(candidates[0].pairId);
    if (!first || first.facts || appendixOf(first.id)) return;
    const ref = /phụ lục\s*(\d+|[IVX]+\b)?/iu.exec(textOf(first));
    if (!ref) return;
    const appendix = ref[1]
      ? appendices.find((a) => a.number === ref[1]!.toLowerCase())
      : appendices.length === 1
        ? appendices[0]
        : undefined;
    if (!appendix) return;
    const frame = framePositions(tokens, inLetter);
    const matched = outcome.evidence(first.id).matched;
    const lacking = tokens.filter((t, i) => !frame.has(i) && !/^\d+$/.test(t) && !matched.has(t));
    if (lacking.length === 0) return;
    const at = candidates.slice(1, 8).findIndex((c) => {
      if (appendixOf(c.pairId)?.id !== appendix.id) return false;
      const held = outcome.evidence(c.pairId).matched;
      return lacking.every((t) => held.has(t));
    });
    if (at >= 0) moveToFront(candidates, at + 1);
  }

  /**
   * "máy phát điện dự phòng cho BTS vùng nào": the report's outline ("Công tác chuẩn bị: …, máy phát điện dự
   * phòng") says what to report, not where to act. A question saying nothing of a report or of the appendix goes to
   * a clause of the letter about as close.
   */
  function demoteUnaskedAppendix(tokens: readonly string[], candidates: Candidate[]): void {
    const first = candidates[0];
    const appendix = first && appendixOf(first.pairId);
    if (!appendix || REPORT_WORDS_RE.test(` ${tokens.join(' ')} `)) return;
    if (tokens.some((t) => appendix.words.has(t))) return;
    const at = candidates
      .slice(1, RERANK_DEPTH)
      .findIndex(
        (c) =>
          !pairById.get(c.pairId)?.facts && !appendixOf(c.pairId) && c.score >= first.score * ABSENT_YIELD,
      );
    if (at >= 0) moveToFront(candidates, at + 1);
  }

  /**
   * "mục 6 nói gì", "mục 2 phần II nói về ai": the part named answers; "Mục I yêu cầu chú ý khu vực nào": the
   * clauses under it come first. Returns whether the part named is the answer, whatever the wording.
   */
  function promoteSection(
    question: string,
    tokens: readonly string[],
    outcome: SearchOutcome,
    candidates: Candidate[],
  ): boolean {
    const references = sectionReferences(question);
    const appendix = appendixNamed(tokens);
    // "đề cương mục III", "mục 2 phụ lục 1": a part of the appendix named, among its own parts.
    const inAppendix =
      appendix && references.length > 0
        ? namedSection(
            references,
            clauseIds
              .filter((c) => c.startsWith(`${appendix.id}.`))
              .map((c) => c.slice(appendix.id.length + 1)),
          )
        : null;
    const id = inAppendix ? `${appendix!.id}.${inAppendix}` : namedSection(references, clauseIds);
    if (!id) return false;
    const top = candidates[0]?.score ?? 1;
    // The appendix's own title ("đề cương báo cáo") asks nothing more of the part than its number does.
    const whole =
      asksWholeSection(question) ||
      (inAppendix !== null &&
        tokens.every(
          (t) => appendix!.words.has(t) || WHOLE_SECTION_WORDS.has(t) || /^(\d+|[ivx]+)$/.test(t),
        ));
    if (whole) {
      const pairId = clausePairs.get(id)!;
      const at = candidates.findIndex((c) => c.pairId === pairId);
      if (at >= 0) candidates.splice(at, 1);
      candidates.unshift({ pairId, score: top * 1.2 });
      return true;
    }
    const inside = (c: Candidate): boolean => {
      const ref = pairById.get(c.pairId)?.refs[0];
      return ref !== undefined && (ref === id || ref.startsWith(`${id}.`));
    };
    const within = candidates.filter(inside);
    if (within.length === 0) return false;
    if (!inside(candidates[0]!)) {
      const rest = candidates.filter((c) => !inside(c));
      candidates.splice(0, candidates.length, ...within, ...rest);
      candidates[0] = { pairId: candidates[0]!.pairId, score: top * 1.2 };
    }
    // What is asked of the part is said under it: a word of the question's own, not of its frame.
    const matched = outcome.evidence(candidates[0]!.pairId).matched;
    return tokens.some((t) => matched.has(t) && !WHOLE_SECTION_WORDS.has(t) && !/^\d+$/.test(t));
  }

  // The clauses that set the duty period ("trực 24/24 giờ từ ngày … đến hết ngày …").
  // A letter keeping duty "trong suốt thời gian nghỉ Tết" sets the period by the holiday's dates: the clauses
  // setting those answer when duty starts and ends.
  const clausesSetting = (sets: (text: string) => boolean): Set<string> =>
    new Set(pairs.filter((pair) => !pair.facts && sets(clauseText(pair))).map((pair) => pair.id));
  let dutyPeriodPairs = clausesSetting(setsDutyPeriod);
  if (dutyPeriodPairs.size === 0 && pairs.some((pair) => !pair.facts && dutyThroughHoliday(clauseText(pair))))
    dutyPeriodPairs = clausesSetting(setsHolidayPeriod);
  // A letter setting no duty period of its own keeps duty through the span its measures run ("Thời gian thực hiện:
  // từ … đến …"), which answers when duty starts and ends.
  const operationPairs = clausesSetting(setsOperationPeriod);
  if (dutyPeriodPairs.size === 0) dutyPeriodPairs = operationPairs;
  /**
   * "Trực Tết kết thúc lúc mấy giờ?" is worded like a deadline question: a question about the duty period goes to
   * the clause setting it. Returns 'found' when it leads, 'absent' when the letter sets no duty period.
   */
  function promoteDutyPeriod(
    tokens: readonly string[],
    questionType: QuestionType,
    candidates: Candidate[],
  ): 'found' | 'absent' | undefined {
    // "bắt đầu từ mấy giờ", of nothing named: the span the letter's measures run, else the duty's.
    const bare = !asksDutyPeriod(tokens, questionType) && asksBarePeriod(tokens);
    if (!bare && !asksDutyPeriod(tokens, questionType)) return undefined;
    const periods = bare && operationPairs.size > 0 ? operationPairs : dutyPeriodPairs;
    if (periods.size === 0) return bare ? undefined : 'absent';
    const at = candidates.findIndex((c) => periods.has(c.pairId));
    // "bắt đầu từ mấy giờ" shares no word with "Thời gian bảo đảm: Từ 07h00 …": the one clause setting it answers.
    if (at < 0 && bare && periods.size === 1) {
      candidates.unshift({ pairId: [...periods][0]!, score: (candidates[0]?.score ?? 1) * 1.2 });
      return 'found';
    }
    if (at < 0) return undefined;
    moveToFront(candidates, at);
    return 'found';
  }

  const deadlineFact = pairs.find((pair) => pair.facts === 'deadline');
  /**
   * "hạn là 22/2 à?": a date claimed for the deadline, with nothing else said, is checked by the deadline fact,
   * even when the date is one another clause holds. Returns whether the deadline fact now leads.
   */
  function promoteDeadlineClaim(
    question: string,
    tokens: readonly string[],
    candidates: Candidate[],
  ): boolean {
    if (!deadlineFact || !tokens.some((t) => DEADLINE_WORDS.has(t))) return false;
    // "hạn báo cáo lùi lại rồi đúng không", "nghe nói hạn kéo dài sang tháng 3": a change claimed is checked too.
    const moved = MOVED_RE.test(` ${tokens.join(' ')} `);
    if (!moved && Object.keys(parseMomentClaim(question)).length === 0) return false;
    const frame = framePositions(tokens, inLetter);
    const said = tokens.filter(
      (t, i) =>
        !frame.has(i) &&
        !/^\d+$/.test(t) &&
        !DATE_WORDS.has(t) &&
        !CLAIM_WORDS.has(t) &&
        !(moved && MOVED_WORDS.has(t)),
    );
    if (said.length > 0) return false;
    const at = candidates.findIndex((c) => c.pairId === deadlineFact.id);
    if (at < 0) return false;
    if (at > 0) {
      const [promoted] = candidates.splice(at, 1);
      candidates.unshift({ pairId: promoted!.pairId, score: (candidates[0]?.score ?? 1) * 1.2 });
    }
    return true;
  }

  // The signer's own title ("Phó Giám đốc"), or the authority signed for when the block gives none.
  const signerTitle = normalizeTokens(
    directive.dispatch.signer.title ||
      directive.dispatch.signer.authority.replace(/^(?:KT|TL|TM|Q)\.\s*/i, ''),
  ).join(' ');
  /**
   * "Ai là Giám đốc Sở?" when a deputy signed "KT. Giám đốc": a title asked about, with no word of signing, is
   * answered by the signer fact only when it is the signer's own title; the letter names no one else.
   */
  function asksOtherTitle(tokens: readonly string[]): boolean {
    const text = ` ${tokens.join(' ')} `;
    if (SIGNING_RE.test(text)) return false;
    const asked = TITLE_RE.exec(text);
    // "Trưởng phòng" asked of a letter signed by the "Trưởng phòng Bưu chính, Viễn thông …": the signer's title,
    // named short as officers do.
    return asked !== null && !` ${signerTitle} `.startsWith(` ${asked[1]!.trim()} `);
  }
  /** Whether the pair says the title the question asks about, so the person it names may hold it. */
  function namesTitleAsked(tokens: readonly string[], pair: QaPair): boolean {
    const asked = TITLE_RE.exec(` ${tokens.join(' ')} `)?.[1]?.trim();
    return (
      asked !== undefined && `${normalizedText(pair)} ${normalize(clauseText(pair))} `.includes(` ${asked} `)
    );
  }

  /**
   * "lịch trực của Sở ai phân công", "ai trực lãnh đạo mùng 1": who does something. The best pair must say that
   * action ("ai ký" → the signer, "ai phát quà" → the clause on gifts); who is on duty is the roster the letter
   * asks for, never in the letter, unless the pair names a person.
   */
  function asksUnnamedActor(
    question: string,
    tokens: readonly string[],
    frame: ReadonlySet<number>,
    matched: ReadonlySet<string>,
    pairId: string,
  ): boolean {
    const at = tokens.indexOf('ai');
    const action = tokens[at + 1];
    if (at < 0 || action === undefined || frame.has(at + 1) || NOT_ACTIONS.has(action)) return false;
    // "Đầu mối là ai, chức vụ gì?": a new question after the comma, not an action.
    if (/(?:^|[^\p{L}])ai\s*[,.;:?!]/u.test(foldDiacritics(question))) return false;
    if (!matched.has(action)) return true;
    // "phân công những ai trực": which roles, answered by a clause naming them ("lãnh đạo, kỹ thuật viên trực").
    const roles = / (lanh dao|ki thuat vien|ki thuat|can bo|nhan vien|chuyen vien) truc /;
    if (tokens[at - 1] === 'nhung' && roles.test(normalizedText(pairById.get(pairId)!))) return false;
    return action === 'truc' && (personsOf.get(pairId)?.size ?? 0) === 0;
  }

  /**
   * "lễ hội đầu xuân ở tỉnh có những lễ hội nào": a question asking which things of a kind, answered by a clause
   * that only names the kind ("… và các lễ hội đầu xuân.") and lists none of them, is not answered by it.
   */
  function listsNothingAsked(tokens: readonly string[], pair: QaPair): boolean {
    if (pair.facts) return false;
    const asked = / nhung ((?:[a-z]+ ){1,2})nao /.exec(` ${tokens.join(' ')} `)?.[1]?.trim();
    if (!asked || TASK_WORDS.has(asked.split(' ')[0]!)) return false;
    const sentences = foldDiacritics(textOf(pair))
      .split(/[.;]\s|\n/)
      .map((sentence) => ` ${sentence.replace(/[^a-z0-9,:(]+/g, ' ')} `);
    let named = false;
    for (const sentence of sentences) {
      const at = sentence.indexOf(` ${asked} `);
      if (at < 0) continue;
      named = true;
      // "tại 100% trạm viễn thông loại 1": a figure qualifying the kind says which ones.
      if (/\d\s*$/.test(sentence.slice(Math.max(0, at - 6), at))) return false;
      // So does what follows the kind: a list, "như", "gồm", a figure.
      if (/[,:(]| nhu | gom |\d/.test(sentence.slice(at + asked.length + 2))) return false;
    }
    return named;
  }

  /**
   * "Hội Lim năm nay tổ chức ngày nào", "lễ hội đầu năm diễn ra khi nào": the event is what is asked about, so a
   * clause that does not name it (a date of another document, of the duty) does not answer.
   */
  function unnamedEvent(tokens: readonly string[], answerText: string): boolean {
    const at = tokens.findIndex(
      (t, i) =>
        EVENT_VERBS.has(`${t} ${tokens[i + 1]}`) && WHEN_RE.test(` ${tokens.slice(i + 2).join(' ')} `),
    );
    if (at <= 0) return false;
    const frame = framePositions(tokens, inLetter);
    const subject = tokens.slice(0, at).filter((t, i) => !frame.has(i) && !/^\d+$/.test(t));
    return subject.length > 0 && subject.some((t) => !answerText.includes(` ${t} `));
  }

  /**
   * "có bắn pháo hoa ở hồ Xuân Hương không", "festival hoa diễn ra ở đâu": an event of Tết named in the question
   * (outside what it sets aside: "ngoài chợ hoa còn …") that the answer never names is not what it is about.
   */
  function unnamedEventAsked(
    tokens: readonly string[],
    aside: readonly number[],
    answerText: string,
  ): boolean {
    const asked = ` ${tokens.filter((_, i) => !aside.includes(i)).join(' ')} `;
    return [...asked.matchAll(EVENT_NAMES_RE)].some((m) => !answerText.includes(m[0]));
  }

  /**
   * "Số Zalo của Giám đốc Sở?", "email của UBND tỉnh?", "số điện thoại trung tâm cứu nạn?": a number or a mailbox
   * asked for, answered by a pair that gives none (the signer, "Nơi nhận", a clause naming the body) is no answer.
   * A pair that names what is asked ("danh sách trực ghi số điện thoại") answers whether it is asked for.
   */
  function asksDetailNotGiven(tokens: readonly string[], pair: QaPair): boolean {
    const text = ` ${tokens.join(' ')} `;
    const number = NUMBER_ASK_RE.exec(text);
    const mailbox = MAILBOX_ASK_RE.exec(text);
    if (!number && !mailbox) return false;
    const raw = `${textOf(pair)} ${clauseText(pair)}`;
    const given = (number && PHONE_RE.test(raw)) || (mailbox && raw.includes('@'));
    const answerText = `${normalizedText(pair)} ${normalize(clauseText(pair))} `;
    const named = [number?.[1], mailbox?.[1]].some((asked) => asked && answerText.includes(` ${asked} `));
    return !given && !named;
  }

  /**
   * "pháo hoa bắn ở đâu": a where-question about something the clause names only to say where else to act ("tăng
   * dung lượng tại các khu vực tổ chức bắn pháo hoa") is not answered by it: the place of the thing is not given.
   */
  function asksPlaceOfPlaceWord(tokens: readonly string[], pair: QaPair): boolean {
    const text = ` ${tokens.join(' ')} `;
    const at = text.search(/ (o|tai) (dau|cho nao|noi nao) /);
    if (pair.facts || at < 0) return false;
    const frame = framePositions(tokens, inLetter);
    const asked = text.slice(0, at).trim().split(' ').filter(Boolean);
    const subject = asked.filter((t, i) => !frame.has(i) && !/^\d+$/.test(t));
    if (subject.length < 2) return false;
    const said = normalizedText(pair);
    for (const m of said.matchAll(/ (?:khu vuc|cac diem|diem|noi) (?:to chuc )?((?:[a-z]+ ){1,4})/g)) {
      const words = new Set(m[1]!.trim().split(' '));
      if (subject.every((t) => words.has(t))) return !namesPlaceOf(subject, pair);
    }
    return false;
  }

  /**
   * Whether a figure is asked ("bao nhiêu", "mấy") of a form with blanks to fill, and not the form itself (what it
   * holds, its lines, what to write).
   */
  function asksFigureOfForm(tokens: readonly string[], pair: QaPair): boolean {
    const text = ` ${tokens.join(' ')} `;
    if (!/ (bao nhieu|may) /.test(text) || FORM_WORDS_RE.test(text)) return false;
    return (textOf(pair).match(BLANK_RE)?.length ?? 0) >= 3;
  }

  /**
   * "Tại điểm bắn pháo hoa đêm Giao thừa ở Quảng trường Nguyễn Văn Linh": the stretch naming what is asked about
   * goes on to name where it is ("ở", "tại" and a proper name).
   */
  function namesPlaceOf(subject: readonly string[], pair: QaPair): boolean {
    return textOf(pair)
      .replace(CITATION_RE, '')
      .split(/[.;\n]\s/)
      .some((stretch) => {
        const said = ` ${normalize(stretch)} `;
        return subject.every((t) => said.includes(` ${t} `)) && NAMED_PLACE_RE.test(stretch);
      });
  }

  /**
   * The stretches of an answer, each said of one thing: its sentences, or the stretches between semicolons, not
   * those inside brackets ("(mất liên lạc …; đứt cáp …)" lists the cases of one sentence). A first line over
   * bullets is their heading, said of each ("Báo cáo nhanh giữa kỳ" over "• … gửi trước 09h00 …").
   */
  function segmentsOf(text: string): string[] {
    // The citation ("Theo mục 1.2, ý 2 của công văn:") is no part of what the clause says: its "1.2" is no date.
    const lines = text
      .replace(CITATION_RE, '')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const heading = lines.length > 1 ? ` ${normalize(lines[0]!)}` : '';
    const stretches = (lines.length > 1 ? lines.slice(1) : lines).flatMap((line) => {
      const out: string[] = [];
      let depth = 0;
      let start = 0;
      for (let i = 0; i < line.length; i++) {
        const c = line[i]!;
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (depth === 0 && /[;.•]/.test(c) && /\s/.test(line[i + 1] ?? ' ')) {
          out.push(line.slice(start, i));
          start = i + 1;
        }
      }
      out.push(line.slice(start));
      return out;
    });
    return (
      stretches
        .map((segment) => `${heading} ${normalize(segment)} `)
        // "Kiểm tra hệ thống báo cháy …; hoàn thành trước ngày 24/01/2025": a stretch saying only when the task
        // ends dates the task before it.
        .reduce<string[]>((out, segment) => {
          if (out.length > 0 && COMPLETION_RE.test(segment.slice(heading.length)))
            out[out.length - 1] += segment;
          else out.push(segment);
          return out;
        }, [])
    );
  }

  /**
   * "bưu cục mở cửa lại ngày nào": a date asked of a clause is answered by the part of it that says what is asked
   * about (its sentence, or the stretch between semicolons). When that part gives no moment, the clause's dates are
   * another task's, and the letter does not say.
   */
  function asksUndatedMoment(tokens: readonly string[], pair: QaPair): boolean {
    // The duty period is asked in many words ("lịch trực từ ngày nào"): its clause answers them all.
    if (pair.facts) return false;
    const text = ` ${tokens.join(' ')} `;
    const duty = / truc /.test(text);
    if (ASKS_DATE_RE.test(text))
      return !dutyPeriodPairs.has(pair.id) && heldSegmentLacks(tokens, pair, (s) => MOMENT_RE.test(s));
    // "lịch cắt điện Tết này ở … thế nào", "lịch chương trình festival hoa": the schedule of what a clause names only
    // as the occasion of a task ("nắm lịch cắt điện", "tại … festival hoa") is given by the moments it states.
    if (ASKS_SCHEDULE_RE.test(text) && !NOT_SCHEDULE_RE.test(text) && !dutyPeriodPairs.has(pair.id))
      return heldSegmentLacks(tokens, pair, (s) => MOMENT_RE.test(s));
    // "pháo hoa bắn lúc mấy giờ ở quảng trường": an hour, given in the part that names what is asked about; a
    // clause whose hours are another task's ("trực 24/24 giờ …; … tại Quảng trường") does not say it.
    if (asksHour(tokens) && !(duty && dutyPeriodPairs.has(pair.id))) {
      return heldSegmentLacks(tokens, pair, (segment) =>
        CLOCK_RE.test(duty ? segment : segment.replace(ROUND_THE_CLOCK_RE, ' ')),
      );
    }
    return false;
  }

  /**
   * Whether the part of the pair's text that holds most of what the question is about (its sentence, or the stretch
   * between semicolons) fails `gives`; false when no part holds any of it.
   */
  function heldSegmentLacks(
    tokens: readonly string[],
    pair: QaPair,
    gives: (segment: string) => boolean,
  ): boolean {
    const frame = framePositions(tokens, inLetter);
    const content = [
      ...new Set(tokens.filter((t, i) => !frame.has(i) && !/^\d+$/.test(t) && !DATE_WORDS.has(t))),
    ];
    if (content.length === 0) return false;
    const segments = segmentsOf(textOf(pair));
    let best = 0;
    let given = false;
    for (const segment of segments) {
      const held = content.reduce((sum, t) => sum + (segment.includes(` ${t} `) ? index.weight(t) : 0), 0);
      const gave = gives(segment);
      if (held > best + 1e-9) {
        best = held;
        given = gave;
      } else if (held > 0 && Math.abs(held - best) < 1e-9) given ||= gave;
    }
    return best > 0 && !given;
  }

  /**
   * "mỗi ca trực cần bao nhiêu người": a how-many, when or where question the leader cannot answer (it holds no
   * number, moment or place) goes to a close runner-up that can.
   */
  function promoteTyped(questionType: QuestionType, candidates: Candidate[]): void {
    const first = candidates[0];
    if (!first || !SPECIFIC_TYPES.has(questionType) || questionType === 'who') return;
    if (pairById.get(first.pairId)?.types.includes(questionType)) return;
    const at = candidates
      .slice(1, 3)
      .findIndex((c) => c.score >= first.score * 0.6 && pairById.get(c.pairId)?.types.includes(questionType));
    if (at < 0) return;
    const [promoted] = candidates.splice(at + 1, 1);
    candidates.unshift({ pairId: promoted!.pairId, score: first.score });
  }

  /**
   * "bị DDoS thì phối hợp với ai": the item naming the threat names no one, while an item of the same section says
   * with whom to work ("Phối hợp với Công an tỉnh (PA05)"). A who-question goes to that sibling when it holds the
   * words of the question the leader lacks.
   */
  function promoteSiblingWho(
    tokens: readonly string[],
    questionType: QuestionType,
    outcome: SearchOutcome,
    candidates: Candidate[],
  ): void {
    const first = candidates[0] && pairById.get(candidates[0].pairId);
    if (questionType !== 'who' || !first || first.facts || first.types.includes('who') || !first.parent)
      return;
    const frame = framePositions(tokens, inLetter);
    const content = tokens.filter((t, i) => !frame.has(i) && !/^\d+$/.test(t));
    const lacking = content.filter((t) => !outcome.evidence(first.id).matched.has(t));
    if (lacking.length === 0) return;
    const at = candidates.slice(1, RERANK_DEPTH).findIndex((c) => {
      const pair = pairById.get(c.pairId);
      if (!pair || pair.parent !== first.parent || !pair.types.includes('who')) return false;
      const matched = outcome.evidence(c.pairId).matched;
      return lacking.every((t) => matched.has(t));
    });
    if (at < 0) return;
    const [promoted] = candidates.splice(at + 1, 1);
    candidates.unshift({ pairId: promoted!.pairId, score: candidates[0]!.score });
  }

  const numberFact = pairs.find((pair) => pair.facts === 'number');
  /**
   * "cv số 254 đúng k", "công văn ký hôm 26/1 hả": a number or a date the letter does not hold, said of the
   * letter itself and not of its deadline, is a claim about its number and date, which the number fact checks.
   */
  function promoteSelfClaim(question: string, tokens: readonly string[], candidates: Candidate[]): boolean {
    const text = ` ${tokens.join(' ')} `;
    if (!numberFact || !/ (cong|van) (van|ban) /.test(text) || / (han|nop|bao cao|truc) /.test(text))
      return false;
    const claim = parseMomentClaim(question);
    const unknownNumber = tokens.some((token) => /^\d+$/.test(token) && !index.knows(token));
    if (!unknownNumber && claim.day === undefined) return false;
    const at = candidates.findIndex((c) => c.pairId === numberFact.id);
    if (at < 0) return false;
    moveToFront(candidates, at);
    // Sure of it only when the question says nothing else: "công văn ký hôm 26/1 hả".
    const frame = framePositions(tokens, inLetter);
    return (
      / (ki|so|hieu|ban hanh|hom) /.test(text) &&
      tokens.every((t, i) => frame.has(i) || /^\d+$/.test(t) || DATE_WORDS.has(t) || SELF_CLAIM_WORDS.has(t))
    );
  }

  /**
   * Question words match the fact templates' phrasings ("… mấy giờ, ngày nào" is how deadlines are asked), so the
   * leaders are reordered by how much of what the question is about each one holds.
   */
  function rerankByContent(
    tokens: readonly string[],
    business: ReadonlySet<number>,
    outcome: SearchOutcome,
    candidates: Candidate[],
  ): void {
    const frame = framePositions(tokens, inLetter);
    const all = tokens.filter((t, i) => !frame.has(i) && !/^\d+$/.test(t));
    // The business named is who asks: what it asks about decides, unless it asks nothing else.
    const asked = tokens.filter((t, i) => !frame.has(i) && !business.has(i) && !/^\d+$/.test(t));
    const content = [...new Set(asked.length > 0 ? asked : all)];
    const total = content.reduce((sum, t) => sum + index.weight(t), 0);
    if (total === 0) return;
    const leaders = candidates.slice(0, RERANK_DEPTH).map((c) => {
      const { matched } = outcome.evidence(c.pairId);
      const held = content.reduce((sum, t) => sum + (matched.has(t) ? index.weight(t) : 0), 0);
      return { ...c, score: c.score * (RERANK_FLOOR + held / total) };
    });
    leaders.sort((a, b) => b.score - a.score);
    candidates.splice(0, leaders.length, ...leaders);
  }

  /**
   * "Số của công văn là gì", "số hiệu văn bản Tết Canh Tuất": the letter's own number asked for, whatever else
   * the question says of the letter. Not the number of another document it names ("số công văn của Bộ").
   * Returns whether the number fact now leads.
   */
  function promoteOwnNumber(tokens: readonly string[], candidates: Candidate[]): boolean {
    const text = ` ${tokens.join(' ')} `;
    if (!numberFact || !OWN_NUMBER_RE.test(text) || OTHER_DOCUMENT_RE.test(text)) return false;
    const at = candidates.findIndex((c) => c.pairId === numberFact.id);
    if (at < 0) return false;
    moveToFront(candidates, at);
    return true;
  }

  const implementsFact = pairs.find((pair) => pair.facts === 'implements');
  const implementsText = ` ${normalize(directive.dispatch.implements)} `;
  const ownNumberDigits = /\d+/.exec(directive.dispatch.number)?.[0];
  /**
   * "cv 5120 ký ngày nào", "cv của Bộ số bao nhiêu": the number or date of a document the letter rests on, named by
   * its own number or by its issuer, is in the basis the letter cites, not the letter's own number and date.
   * Returns whether the basis now leads.
   */
  function promoteCitedNumber(tokens: readonly string[], candidates: Candidate[]): boolean {
    if (!implementsFact || !directive.dispatch.implements) return false;
    const text = ` ${tokens.join(' ')} `;
    const cited = CITED_DOCUMENT_RE.exec(text);
    if (!cited) return false;
    const number = cited[1];
    if (number !== undefined && (number === ownNumberDigits || !implementsText.includes(` ${number} `)))
      return false;
    // Its number, date or signing asked; named by its own number ("cv 85 là của cơ quan nào"), its issuer too. What
    // it requires ("cv 5128 yêu cầu tốc độ bao nhiêu") is that document's, not the letter's.
    const asksIssuer =
      number !== undefined && / (co quan nao|cua ai|cua cap nao|don vi nao|ai ban hanh) /.test(text);
    if (!asksIssuer && !/ (so|ngay|ki|ban hanh|hieu(?! luc)) /.test(text)) return false;
    const at = candidates.findIndex((c) => c.pairId === implementsFact.id);
    if (at < 0) candidates.unshift({ pairId: implementsFact.id, score: (candidates[0]?.score ?? 1) * 1.2 });
    else moveToFront(candidates, at);
    return true;
  }

  /**
   * "khi có sự cố thì báo cáo trong bao lâu": a how-long question the leader cannot answer (it states no span of
   * time) goes to a close runner-up that states one ("trong vòng 30 phút").
   */
  function promoteDuration(tokens: readonly string[], candidates: Candidate[]): void {
    const first = candidates[0];
    if (!first || !HOW_LONG_RE.test(` ${tokens.join(' ')} `)) return;
    const states = (c: Candidate): boolean => {
      const pair = pairById.get(c.pairId);
      return pair !== undefined && !pair.facts && DURATION_RE.test(normalizedText(pair));
    };
    if (states(first)) return;
    const at = candidates.slice(1, 4).findIndex((c) => c.score >= first.score * 0.6 && states(c));
    if (at < 0) return;
    const [promoted] = candidates.splice(at + 1, 1);
    candidates.unshift({ pairId: promoted!.pairId, score: first.score });
  }

  /**
   * "ngoài Sở ra còn phải báo cho ai": the clause saying "báo cáo cho Sở" is what the officer already knows; a
   * close runner-up that does not name the Sở is the "who else".
   */
  function passOverSetAside(
    aside: readonly number[],
    tokens: readonly string[],
    candidates: Candidate[],
  ): void {
    const words = ` ${aside
      .map((i) => tokens[i]!)
      .filter((t) => t !== 'ngoai' && t !== 'ra' && t !== 'con')
      .join(' ')} `;
    const first = candidates[0];
    if (!first || words.trim() === '') return;
    const names = (c: Candidate): boolean => {
      const pair = pairById.get(c.pairId);
      return pair !== undefined && normalizedText(pair).includes(words);
    };
    if (!names(first)) return;
    const at = candidates.slice(1, 4).findIndex((c) => c.score >= first.score * 0.6 && !names(c));
    if (at < 0) return;
    const [promoted] = candidates.splice(at + 1, 1);
    candidates.unshift({ pairId: promoted!.pairId, score: first.score });
  }

  /**
   * "deadline lịch trực là 26/1 à": a date claimed for another deadline than the report's, the roster's, is checked
   * by the leading clause when it holds everything else the question says and a moment. Returns the verdict to
   * put first ("Không đúng. "), or undefined when the question is no such claim.
   */
  function clauseDeadlineClaim(
    question: string,
    tokens: readonly string[],
    outcome: SearchOutcome,
    candidates: Candidate[],
  ): string | undefined {
    const first = candidates[0] && pairById.get(candidates[0].pairId);
    if (!first || first.facts || !tokens.some((t) => DEADLINE_WORDS.has(t))) return undefined;
    const claim = parseMomentClaim(question);
    if (claim.day === undefined || claim.month === undefined) return undefined;
    const frame = framePositions(tokens, inLetter);
    const said = tokens.filter(
      (t, i) => !frame.has(i) && !/^\d+$/.test(t) && !DATE_WORDS.has(t) && !CLAIM_WORDS.has(t),
    );
    const { matched } = outcome.evidence(first.id);
    const text = normalizedText(first);
    if (said.length === 0 || !said.every((t) => matched.has(t)) || !MOMENT_RE.test(text)) return undefined;
    return text.includes(` ${claim.day} ${claim.month} `) ? 'Đúng. ' : 'Không đúng. ';
  }

  // The "Kính gửi" entries, each with its words folded: "Viettel Tuyên Quang - Chi nhánh …" names Viettel.
  const addresseeEntries = addressedTo
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => ({ entry, words: fold(entry) }));
  /**
   * "Viettel có phải báo cáo ko", "vnpt cần thơ có phải gửi bc ko, hạn khi nào": a business the letter is addressed
   * to asking whether it must report. Returns the "Kính gửi" entry naming it, when the question is such a one.
   */
  function addressedReporter(question: string, tokens: readonly string[], best: QaPair): string | undefined {
    if (best.facts !== 'addressees' && best.facts !== 'deadline') return undefined;
    if (!MUST_REPORT_RE.test(` ${tokens.join(' ')} `)) return undefined;
    const names = rawBusinessNames(foldDiacritics(question));
    if (names.length !== 1) return undefined;
    return addresseeEntries.find(({ words }) => words.includes(` ${names[0]} `))?.entry;
  }

  /**
   * "báo ngay cho đầu mối của Sở nêu tại mục 7": a clause that points to another item for who or where says it
   * there, so that item is what answers a who or where question. Returns the item pointed to, if any.
   */
  function referredItem(pair: QaPair): { label: string; text: string } | undefined {
    const ref = REFERS_TO_ITEM_RE.exec(textOf(pair))?.[1]?.toLowerCase();
    if (!ref) return undefined;
    for (const item of items.values())
      if (item.label.toLowerCase() === `mục ${ref}` && !pair.refs.includes(item.id)) return item;
    return undefined;
  }

  const issuerFact = pairs.find((pair) => pair.facts === 'issuer');
  const issuerWords = ` ${normalize(directive.dispatch.issuer)} `;
  /**
   * "cv này của sở KHCN phải k", "công văn do Sở TT&TT ban hành à": the Sở the officer believes issued the letter.
   * Returns the name claimed ("khoa hoc cong nghe"), or undefined when the question claims no issuer.
   */
  function claimedIssuer(tokens: readonly string[]): string | undefined {
    const m =
      / cong van (?:nay )?(?:la )?(?:cua|do) so ((?:[a-z]+ )+?)(?:ban hanh |gui |ki )?(?:phai|dung|a|ha|khong|$)/.exec(
        ` ${tokens.join(' ')} `,
      );
    const claimed = m?.[1]?.trim();
    // "cv này của sở nào": asked, not claimed.
    return claimed && !/\b(nao|gi|may)\b/.test(claimed) ? claimed : undefined;
  }
  /** Puts the issuer fact first for a claimed issuer; returns whether it now leads. */
  function promoteIssuerClaim(tokens: readonly string[], candidates: Candidate[]): boolean {
    if (!issuerFact || claimedIssuer(tokens) === undefined) return false;
    const at = candidates.findIndex((c) => c.pairId === issuerFact.id);
    if (at > 0) candidates.splice(at, 1);
    if (at !== 0) candidates.unshift({ pairId: issuerFact.id, score: (candidates[0]?.score ?? 1) * 1.2 });
    return true;
  }

  const recipientsFact = pairs.find((pair) => pair.facts === 'recipients');
  // "Bộ TT&TT (Cục Viễn thông) (để b/c); UBND tỉnh (để b/c)": whom the letter itself is reported to.
  const reportsUpward = /\(?để\s+(?:b\/c|báo cáo)\)?/iu.test(directive.dispatch.copyTo.join('; '));
  /**
   * "cv này báo cáo lên những cơ quan nào", "ngoài dn còn gửi cho ai để báo cáo": whom the letter is sent to for
   * their information ("để b/c" in "Nơi nhận"), not where the businesses send their report. Returns whether the
   * recipients fact now leads.
   */
  function promoteReportedTo(tokens: readonly string[], candidates: Candidate[]): boolean {
    if (!recipientsFact || !reportsUpward) return false;
    const text = ` ${tokens.join(' ')} `;
    if (!/ de bao cao /.test(text) && !/ cong van (nay )?bao cao (len|cho|toi|ve) /.test(text)) return false;
    const at = candidates.findIndex((c) => c.pairId === recipientsFact.id);
    if (at > 0) candidates.splice(at, 1);
    if (at !== 0) candidates.unshift({ pairId: recipientsFact.id, score: (candidates[0]?.score ?? 1) * 1.2 });
    return true;
  }

  /**
   * "mỗi ca trực phải có những ai": which people, by role, answered by a leading clause that counts them ("01 cán bộ
   * lãnh đạo và 01 cán bộ kỹ thuật") and holds most of what the question is about. Returns whether one now leads.
   */
  function promoteRoles(tokens: readonly string[], outcome: SearchOutcome, candidates: Candidate[]): boolean {
    if (!/ nhung ai /.test(` ${tokens.join(' ')} `)) return false;
    const frame = framePositions(tokens, inLetter);
    const content = [...new Set(tokens.filter((t, i) => !frame.has(i) && t !== 'ai' && t !== 'nhung'))];
    return promoteHolding(content, ROLE_COUNT_RE, outcome, candidates);
  }

  /**
   * "thời gian bảo đảm mạng từ ngày nào tới ngày nào": a span asked for is answered by a leading clause that states
   * one ("từ ngày 01/02/2027 đến hết ngày 20/02/2027"), when it holds most of what the question is about; a fact
   * or a clause with a single date does not answer it. Returns whether such a clause now leads.
   */
  function promoteSpan(tokens: readonly string[], outcome: SearchOutcome, candidates: Candidate[]): boolean {
    if (!ASKS_SPAN_RE.test(` ${tokens.join(' ')} `)) return false;
    const frame = framePositions(tokens, inLetter);
    const content = [
      ...new Set(
        tokens.filter(
          (t, i) => !frame.has(i) && !/^\d+$/.test(t) && !DATE_WORDS.has(t) && !SPAN_WORDS.has(t),
        ),
      ),
    ];
    return promoteHolding(content, STATES_SPAN_RE, outcome, candidates);
  }

  /**
   * Moves first the leading clause (no fact) whose text has `shape` and that holds most of `content` by weight.
   * Returns whether one now leads.
   */
  function promoteHolding(
    content: readonly string[],
    shape: RegExp,
    outcome: SearchOutcome,
    candidates: Candidate[],
  ): boolean {
    const total = content.reduce((sum, t) => sum + index.weight(t), 0);
    if (total === 0) return false;
    const at = candidates.slice(0, RERANK_DEPTH).findIndex((c) => {
      const pair = pairById.get(c.pairId);
      if (!pair || pair.facts || !shape.test(normalizedText(pair))) return false;
      const { matched } = outcome.evidence(c.pairId);
      const held = content.reduce((sum, t) => sum + (matched.has(t) ? index.weight(t) : 0), 0);
      return held >= total * SPAN_HOLDS;
    });
    if (at < 0) return false;
    moveToFront(candidates, at);
    return true;
  }

  /**
   * "gọi điện báo rồi có cần gửi văn bản nữa không", "bc nhanh gửi email được không hay phải gọi": a question
   * weighing the phone against writing is about the report made by phone, the urgent one. The report facts speak
   * only of writing and e-mail, so a leading clause that says how to phone answers. Returns whether one now leads.
   */
  function promotePhoneClause(tokens: readonly string[], candidates: Candidate[]): boolean {
    const text = ` ${tokens.join(' ')} `;
    if (!PHONE_CHANNEL_RE.test(text) || !WRITTEN_CHANNEL_RE.test(text)) return false;
    // A clause reporting by phone ("báo cáo ngay … bằng điện thoại"), not one asking for phone numbers; the one
    // that says what writing follows ("sau đó gửi báo cáo bằng văn bản") before one that does not.
    const reportsByPhone = (c: Candidate, written: boolean): boolean => {
      const pair = pairById.get(c.pairId);
      if (pair === undefined || pair.facts) return false;
      const said = normalizedText(pair);
      return (
        PHONE_CHANNEL_RE.test(said) &&
        / bao (cao|ngay|nhanh) /.test(said) &&
        (!written || / van ban /.test(said))
      );
    };
    const leaders = candidates.slice(0, RERANK_DEPTH);
    let at = leaders.findIndex((c) => reportsByPhone(c, true));
    if (at < 0) at = leaders.findIndex((c) => reportsByPhone(c, false));
    if (at < 0) return false;
    moveToFront(candidates, at);
    return true;
  }

  /**
   * "yêu cầu về máy phát điện" when two items of one clause both say it, as closely: the clause with all its items
   * answers, rather than either item alone.
   */
  function preferParentOfSiblings(candidates: Candidate[]): void {
    const [first, second] = candidates;
    if (!first || !second || second.score < first.score * SIBLING_CLOSE) return;
    const parentId = pairById.get(first.pairId)?.parent;
    if (!parentId || pairById.get(second.pairId)?.parent !== parentId) return;
    const parent = pairById.get(parentId);
    if (!parent || textOf(parent).length > PARENT_MAX_LENGTH) return;
    const at = candidates.findIndex((c) => c.pairId === parentId);
    if (at > 0) candidates.splice(at, 1);
    candidates.unshift({ pairId: parentId, score: first.score * 1.2 });
  }

  // A document of another kind than a công văn ("Kế hoạch"): its kind as written, folded, and the initials
  // officers type for it ("kh").
  const kindWords = directive.dispatch.kind?.toLocaleLowerCase('vi').trim() ?? '';
  const kindFolded = foldDiacritics(kindWords);
  const kindInitials = kindFolded.includes(' ')
    ? kindFolded
        .split(' ')
        .map((w) => w[0])
        .join('')
    : '';
  const OWN_KIND_RE = kindWords
    ? new RegExp(
        `(?<![\\p{L}\\d])(?:${[kindWords, kindFolded, kindInitials].filter(Boolean).join('|')})(?![\\p{L}\\d])(?!\\s*(?:số|so|\\d|của|cua|cấp|cap)(?![\\p{L}]))`,
        'giu',
      )
    : null;
  /**
   * "số hiệu kế hoạch này", "ai ký kh này" of a Kế hoạch: the document itself, asked as officers ask of a công văn.
   * Not another document of the kind, named by its number or its issuer ("kế hoạch 341", "kế hoạch của UBND").
   */
  const asLetter = (question: string): string =>
    OWN_KIND_RE ? question.replace(OWN_KIND_RE, 'công văn') : question;

  function analyze(rawQuestion: string): Analysis {
    const question = asLetter(rawQuestion.slice(0, MAX_QUESTION_LENGTH));
    const repaired = dailySaid(repairTokens(normalizeTokens(question), index.vocabulary));
    const tokens = letter ? toLetterWords(repaired, index.inBody, index.knows) : repaired;
    const questionType = detectQuestionType(tokens);
    const named = letter ? businesses(tokens) : undefined;
    // "ngoài Sở ra còn báo cho ai": who is set aside is not what is asked for, like the business named.
    const aside = letter ? setAside(tokens) : [];
    // "chỉ cần trực giờ hành chính thôi à": the hours claimed are for the duty clause to correct.
    const claimed = letter ? dutyHoursClaim(tokens) : [];
    const business = new Set([...(named?.positions ?? []), ...claimed]);
    const which = letter && asksWhichAddressee(tokens, business);
    const addressed = which || (business.size > 0 && asksAddressed(tokens, business, questionType));
    // The business named is who asks: the rest of the question is what is searched for, when there is a rest,
    // with what the business is ("Bưu điện tỉnh" is the postal business).
    const rest = [...(named?.kind ?? []), ...tokens.filter((_, i) => !business.has(i))];
    const frame = letter ? framePositions(tokens, inLetter) : undefined;
    const hasRest = tokens.some((_, i) => !business.has(i) && !frame?.has(i));
    // The question's frame ("yêu cầu", "quy định … ra sao") weighs little beside what it asks about.
    const light =
      letter && hasRest ? new Set(tokens.filter((_, i) => frame!.has(i) && !business.has(i))) : undefined;
    const outcome = index.search(business.size > 0 && !addressed && hasRest ? rest : tokens, light);
    const candidates = outcome.candidates
      .map((candidate) => {
        const typed = pairById.get(candidate.pairId)?.types.includes(questionType) ?? false;
        return typed ? { ...candidate, score: candidate.score * (1 + RANKING.typeBoost) } : candidate;
      })
      .sort((a, b) => b.score - a.score);
    if (letter) demoteUnaskedDaily(tokens, candidates);
    if (letter) rerankByContent(tokens, business, outcome, candidates);
    if (letter && (business.size > 0 || which)) placeAddressees(addressed, questionType, candidates);
    // What the business must do, asked with nothing else: the clause naming it, before any wording decides.
    const asksTasks =
      business.size > 0 &&
      ASKS_TASKS.test(` ${tokens.join(' ')} `) &&
      tokens.every((t, i) => business.has(i) || frame?.has(i) || TASK_FILLER.has(t));
    const namingClause = letter && promoteNamingClause(question, addressed, asksTasks, candidates);
    if (letter) promoteTyped(questionType, candidates);
    if (letter) promoteSiblingWho(tokens, questionType, outcome, candidates);
    if (letter) promoteDuration(tokens, candidates);
    if (aside.length > 0) passOverSetAside(aside, tokens, candidates);
    // The clause over both items names what was set aside too.
    if (letter && aside.length === 0) preferParentOfSiblings(candidates);
    if (letter) demoteUnaskedContact(tokens, questionType, candidates);
    if (letter) demoteUnaskedReport(tokens, candidates);
    if (letter) demoteUnaskedRecipients(tokens, candidates);
    if (letter) preferClauseToAbsentFact(candidates);
    if (letter) preferReportKindNamed(tokens, candidates);
    if (letter) demoteUnaskedAppendix(tokens, candidates);
    if (letter) promoteReferredAppendix(tokens, outcome, candidates);
    const namedPerson = letter && promoteNamed(tokens, candidates);
    // A claim about the letter's own number or date is for the number fact to check, whatever else it says.
    const selfClaim = letter && promoteSelfClaim(question, tokens, candidates);
    const ownNumber = letter && promoteOwnNumber(tokens, candidates);
    const citedNumber = letter && !ownNumber && !selfClaim && promoteCitedNumber(tokens, candidates);
    const deadlineClaim = letter && promoteDeadlineClaim(question, tokens, candidates);
    const phoneClause = letter && !deadlineClaim && promotePhoneClause(tokens, candidates);
    const reportedTo = letter && !deadlineClaim && promoteReportedTo(tokens, candidates);
    const span = letter && promoteSpan(tokens, outcome, candidates);
    const roles = letter && !span && promoteRoles(tokens, outcome, candidates);
    const issuerClaim = letter && promoteIssuerClaim(tokens, candidates);
    const clauseClaim =
      letter && !deadlineClaim ? clauseDeadlineClaim(question, tokens, outcome, candidates) : undefined;
    // The officer's own words: "lịch trực" mapped to the letter's "danh sách cán bộ trực" is still the duty.
    const dutyPeriod = letter ? promoteDutyPeriod(repaired, questionType, candidates) : undefined;
    const section = letter && promoteSection(question, tokens, outcome, candidates);
    const top = candidates[0] && pairById.get(candidates[0].pairId);
    if (!top) return { tokens, questionType, candidates, features: undefined, confidence: 0 };

    const foreign = new Set(
      accentedWords(question)
        .filter((word) => !corpusWords.has(word))
        .map(foldDiacritics),
    );
    // The deadline answer checks a claimed date or hour itself ("hạn là 15/2 à?" → "Không đúng…").
    const checksMoments = top.facts === 'deadline' && Object.keys(parseMomentClaim(question)).length > 0;
    // A number asked about a letter is a claim the answer checks ("cv số 167 hả", "24h là đủ hả"): the answer
    // states the letter's own number, so a number the letter lacks is no evidence against the clause.
    const neutral = new Set(
      checksMoments || letter
        ? tokens.filter((token) => /^\d+$/.test(token) || (checksMoments && DATE_WORDS.has(token)))
        : [],
    );
    const evidence = outcome.evidence(top.id);
    // What is set aside ("ngoài Sở ra") is no word the answer must hold.
    for (const i of aside) if (!evidence.matched.has(tokens[i]!)) neutral.add(tokens[i]!);
    // Who asks is not what is asked: the business's name counts neither way, unless it is all there is.
    if (business.size > 0 && business.size < tokens.length)
      for (const i of business) {
        // What the business is ("bưu chính") still counts: a clause on telecom does not answer the post.
        const kind = named?.kind.includes(tokens[i]!) ?? false;
        if (!kind && !evidence.matched.has(tokens[i]!)) neutral.add(tokens[i]!);
      }
    const unknownActor = letter && asksUnnamedActor(question, tokens, frame!, evidence.matched, top.id);
    const features = confidenceFeatures(candidates, evidence, tokens, index, {
      foreign,
      neutral,
      ...(frame ? { frame } : {}),
    });
    let confidence = features ? confidenceOf(features, calibration) : 0;
    // "Ai là chủ tịch UBND tỉnh?" ranks the clause naming the chairman's directive first, but a who-question
    // answered with a directive is no answer: a specific question type the best pair does not serve halves it.
    if (SPECIFIC_TYPES.has(questionType) && !top.types.includes(questionType)) confidence /= 2;
    // A person the letter names, asked about by name, is answered from the clause naming them.
    if (
      namedPerson ||
      namingClause ||
      deadlineClaim ||
      phoneClause ||
      reportedTo ||
      span ||
      roles ||
      issuerClaim ||
      clauseClaim !== undefined ||
      ownNumber ||
      selfClaim ||
      citedNumber ||
      section ||
      dutyPeriod === 'found'
    )
      confidence = Math.max(confidence, threshold);
    return {
      tokens,
      questionType,
      candidates,
      features,
      confidence,
      ...(dutyPeriod === 'absent' ||
      unknownActor ||
      (letter && listsNothingAsked(tokens, top)) ||
      (letter && asksBusinessHoldings(tokens, business))
        ? { uncovered: true }
        : {}),
      ...(tokens.some((t, i) => foreign.has(t) && !frame?.has(i)) ? { foreignContent: true } : {}),
      ...(clauseClaim !== undefined ? { verdict: clauseClaim } : {}),
      ...(letter && nearDomainTopic(tokens.map((t) => (foreign.has(t) ? t : '-')).join(' '), ' ')
        ? { foreignTopic: true }
        : {}),
    };
  }

  function answer(pair: QaPair, text: string, confidence: number, questionType: QuestionType): QaResult {
    const clause = citation(pair.refs, directive);
    return { kind: 'answer', id: pair.id, text, clause, confidence, questionType };
  }

  function suggestions(candidates: readonly Candidate[]): QaSuggestion[] {
    const top = candidates[0]?.score ?? 0;
    const ids = candidates
      .filter((candidate) => candidate.score >= top * 0.3)
      .slice(0, 3)
      .map((candidate) => candidate.pairId);
    for (const id of FALLBACK_SUGGESTIONS) if (ids.length < 2 && !ids.includes(id)) ids.push(id);
    return ids.map((id) => ({ id, question: pairById.get(id)!.question }));
  }

  // The people the letter gives a phone for, and whom each answers for ("VNPT …: ông …, 0913 702 458").
  const contacts = letter ? contactsOf(items.values()) : [];
  const letterPlace = placeWords(directive.dispatch.place);
  // The rows of the letter's tables of people: a duty roster, asked by the day or by the person.
  const roster = letter ? rosterOf(items.values(), tetYear) : [];
  /**
   * "đầu mối VNPT hcm", "sđt viettel tp", "số 0938 667 205 là của ai": the person the letter lists for the business
   * named, or the owner of the number given, answers before any wording does; the department's own hotline is no
   * answer to either.
   */
  function contactAnswer(question: string): QaResult | undefined {
    const reply = (found: Contact[], text: string): QaResult => {
      const pair = pairById.get(clausePairs.get(found[0]!.itemId) ?? '');
      const clause = citation([found[0]!.itemId], directive);
      return { kind: 'answer', id: pair?.id ?? 'contact', text, clause, confidence: 1, questionType: 'who' };
    };
    const owner = contactOfNumber(question, contacts);
    if (owner)
      return reply(
        [owner],
        `Theo ${owner.label} của công văn, số ${owner.phone} là của ${owner.person}` +
          `${owner.title ? `, ${owner.title}` : ''}${ownerOf(owner) ? ` (${ownerOf(owner)})` : ''}.`,
      );
    const named = contactNamed(question, contacts, letterPlace);
    if (named.contacts.length === 0 || !asksContactOnly(question, named.positions)) return undefined;
    const { org, label } = named.contacts[0]!;
    return reply(
      named.contacts,
      `Theo ${label} của công văn, đầu mối của ${org}: ${named.contacts.map(describeContact).join('; ')}.`,
    );
  }

  // A clause that gives an hour on the eve: "giao thừa (từ 22 giờ 00 ngày 01/02/2030 đến 02 giờ 00 …)".
  const givesEveHour = [...items.values()].some((item) => {
    const text = ` ${normalize(item.text)} `;
    return / giao thua /.test(text) && / \d{1,2} gio /.test(text);
  });
  /**
   * "giao thừa đảm bảo từ mấy giờ": the hour is the letter's, which the calendar does not know; a clause that gives
   * one answers before the bare date of the eve.
   */
  const asksEveHour = (question: string): boolean => {
    const tokens = normalizeTokens(question);
    return givesEveHour && tokens.includes('giao') && tokens.includes('thua') && asksHour(tokens);
  };

  function ask(asked: string): QaResult {
    const question = asLetter(asked);
    const tetDay = tetDayAnswer(question.slice(0, MAX_QUESTION_LENGTH), directive);
    // "tiền trực đêm giao thừa được bao nhiêu": a day of Tết named in a question on pay is no date asked for.
    const calendarOffTopic = (): boolean => letter && nearDomainTopic(question, topicText);
    if (tetDay && !(letter && asksEveHour(question)) && !calendarOffTopic())
      return { kind: 'answer', id: 'tet-day', text: tetDay, clause: '', confidence: 1, questionType: 'time' };
    const contact = letter ? contactAnswer(question.slice(0, MAX_QUESTION_LENGTH)) : undefined;
    if (contact) return contact;
    const fromRoster = letter ? rosterAnswer(question.slice(0, MAX_QUESTION_LENGTH), roster, tetYear) : null;
    if (fromRoster) {
      const first = fromRoster.rows[0]!;
      return {
        kind: 'answer',
        id: clausePairs.get(first.itemId) ?? 'roster',
        text: fromRoster.text,
        clause: citation([first.itemId], directive),
        confidence: 1,
        questionType: 'who',
      };
    }
    const analysis = analyze(question);
    const { candidates, confidence, questionType, tokens } = analysis;
    const best = candidates[0] && pairById.get(candidates[0].pairId);
    if (!best || confidence < suggestFloor) {
      return { kind: 'out_of_scope', text: outOfScopeText(directive), confidence };
    }
    if (
      letter &&
      (analysis.uncovered ||
        analysis.foreignTopic ||
        offTopic(question, tokens) ||
        asksUnlistedNumber(tokens))
    ) {
      return { kind: 'out_of_scope', text: outOfScopeText(directive), confidence };
    }
    // Answer first: a clear winner is answered even below the threshold; "Có phải bạn muốn hỏi" is for weak
    // candidates close together.
    // Not when most of what the question says is missing from it: then it is only the least bad match.
    const clearWinner =
      letter &&
      (analysis.features?.margin ?? 0) >= LETTER_CLEAR_MARGIN &&
      (analysis.features?.coverage ?? 0) >= LETTER_CLEAR_COVERAGE;
    // Below the threshold with a word the letter never uses, the suggestions would be beside the question.
    if (letter && confidence < threshold && !clearWinner && analysis.foreignContent) {
      return { kind: 'out_of_scope', text: outOfScopeText(directive), confidence };
    }
    if (confidence < threshold && !clearWinner) {
      return { kind: 'suggest', text: SUGGEST_INTRO, suggestions: suggestions(candidates), confidence };
    }
    // "Số hotline?" about a letter without one: saying so is declining, with the address to write to.
    // The same for a daily report the letter does not ask for, and an e-mail address it does not give.
    const absent =
      (best.facts === 'contact' && !directive.dispatch.hotline) ||
      (best.facts === 'daily' && !directive.dispatch.report.daily) ||
      (best.facts === 'email' && !directive.dispatch.report.email && tokens.includes('email')) ||
      (best.facts === 'contact' && tokens.includes('ten') && !namesContact) ||
      (best.facts === 'implements' && !directive.dispatch.implements);
    // "Chủ tịch UBND tỉnh là ai?": who holds a title the letter only names, when the best pair names no one, or
    // names someone with another title ("trưởng phòng tên gì" answered by "chuyên viên phòng … bà Minh Thư").
    const asksHolder =
      asksOtherTitle(tokens) &&
      (questionType === 'who' || / (ten|la ai|ai la) /.test(` ${tokens.join(' ')} `)) &&
      ((personsOf.get(best.id)?.size ?? 0) === 0 || !namesTitleAsked(tokens, best));
    if (letter && ((best.facts === 'signer' && asksOtherTitle(tokens)) || asksHolder))
      return { kind: 'out_of_scope', text: outOfScopeText(directive), confidence };
    if (absent && letter)
      return { kind: 'out_of_scope', text: factAnswer(best.facts!, directive), confidence };
    // "daily report deadline mấy h": the hour asked is the daily report's, when the letter gives one.
    const dailyFact = pairs.find((pair) => pair.facts === 'daily');
    if (
      letter &&
      best.facts === 'deadline' &&
      dailyFact &&
      directive.dispatch.report.daily?.time &&
      asksHour(tokens) &&
      / (hang ngay|moi ngay) /.test(` ${tokens.join(' ')} `)
    )
      return answer(dailyFact, textOf(dailyFact), confidence, questionType);
    // "hạn bc là mấy giờ" when the letter gives the day alone: no hour to give; the day it does give is said.
    if (letter && best.facts === 'deadline' && !directive.dispatch.report.deadline.time && asksHour(tokens))
      return {
        kind: 'out_of_scope',
        text: `Công văn không ghi giờ của hạn báo cáo. ${factAnswer('deadline', directive)}`,
        confidence,
      };
    // "Lễ hội đầu năm tổ chức ngày nào?": when an event is held, answered only by a clause that names the event.
    if (letter && unnamedEvent(tokens, `${normalizedText(best)} ${normalize(clauseText(best))} `))
      return { kind: 'out_of_scope', text: outOfScopeText(directive), confidence };
    // "Có bắn pháo hoa ở hồ … không?": an event asked about by name, answered by a clause that does not name it (the
    // place is one to add capacity at), is not said to be held there.
    if (
      letter &&
      EVENT_ASKS.has(questionType) &&
      unnamedEventAsked(tokens, setAside(tokens), `${normalizedText(best)} ${normalize(clauseText(best))} `)
    )
      return { kind: 'out_of_scope', text: outOfScopeText(directive), confidence };
    // "Bắn pháo hoa lúc mấy giờ?" answered from a clause on the fireworks that gives no hour: the letter does not say.
    if (
      letter &&
      asksMissingFigure(tokens, `${normalizedText(best)} ${normalize(clauseText(best))}`, inLetter)
    )
      return { kind: 'out_of_scope', text: outOfScopeText(directive), confidence };
    // "số trạm BTS ở Năm Căn là bao nhiêu" answered by a report form's blank line ("Số trạm ảnh hưởng: ……"): a form
    // to fill gives no figure.
    if (letter && asksFigureOfForm(tokens, best))
      return { kind: 'out_of_scope', text: outOfScopeText(directive), confidence };
    if (letter && asksDetailNotGiven(tokens, best))
      return { kind: 'out_of_scope', text: outOfScopeText(directive), confidence };
    // "Pháo hoa bắn ở đâu?" of a clause naming "các khu vực tổ chức bắn pháo hoa": the place is not given.
    if (letter && asksPlaceOfPlaceWord(tokens, best))
      return { kind: 'out_of_scope', text: outOfScopeText(directive), confidence };
    // "Bưu cục mở cửa lại ngày nào?" of a clause saying only that the date is to be announced: no date, no answer.
    if (letter && asksUndatedMoment(tokens, best))
      return { kind: 'out_of_scope', text: outOfScopeText(directive), confidence };
    const reporter = letter ? addressedReporter(question, tokens, best) : undefined;
    if (reporter && deadlineFact) {
      const text = `Có. ${reporter} có tên trong phần "Kính gửi" của công văn. ${factAnswer('deadline', directive)}`;
      return answer(deadlineFact, text, confidence, questionType);
    }
    const numbers = numbersOf.get(best.id)!;
    // "cv này của sở KHCN phải k": the claim is answered yes or no before the issuer is named.
    const claimed = best.facts === 'issuer' ? claimedIssuer(tokens) : undefined;
    const verdict = claimed
      ? claimed.split(' ').every((word) => issuerWords.includes(` ${word} `))
        ? 'Đúng. '
        : 'Không đúng. '
      : (analysis.verdict ?? '');
    const text =
      verdict +
      shapeAnswer({ pair: best, text: textOf(best), question, tokens, questionType, numbers }, directive);
    // "… báo ngay cho đầu mối của Sở nêu tại mục 7": who it is, said in mục 7.
    const referred =
      letter && (questionType === 'who' || questionType === 'where') ? referredItem(best) : undefined;
    const fullText = referred ? `${text}\n${sentenceStart(referred.label)} ghi: "${referred.text}"` : text;
    const related = candidates
      .slice(1)
      .filter((c) => c.score >= candidates[0]!.score * 0.5)
      .slice(0, 3)
      .map((c) => ({ id: c.pairId, question: pairById.get(c.pairId)!.question }));
    return { ...answer(best, fullText, confidence, questionType), ...(related.length ? { related } : {}) };
  }

  return {
    ask,
    analyze,
    answerById(id) {
      const pair = pairById.get(id);
      return pair ? answer(pair, textOf(pair), 1, pair.types[0]!) : null;
    },
    outline: () => ({ text: renderOutline(directive), parts }),
    part: (id) => parts.find((part) => part.id === id) ?? null,
    normalize,
  };
}
