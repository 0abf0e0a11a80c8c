import {
  CENTRAL_CITIES,
  findEmails,
  findHoliday,
  findHotline,
  findLegalBasis,
  findMoments,
  findReportTo,
  isAllCaps,
  isoDate,
  issuerFromBody,
  officeCase,
  orgCase,
  provinceLabel,
  sentenceCase,
  sentences,
  titleWords,
} from './facts.ts';
import {
  type Clause,
  type ClauseKind,
  type Letter,
  LetterError,
  type ParsedLetter,
  type Signer,
} from './letter.ts';
import { TABLE_ROW_RE, textTablesAsRows } from './table-rows.ts';

/** Far more than any letter; beyond this the text is refused before any pattern runs over it. */
export const MAX_LETTER_CHARS = 1_000_000;

// ---- lines --------------------------------------------------------------------------------

const MOTTO_RE = /CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI|Độc\s+lập\s*[-–—]\s*Tự\s+do/iu;
const NUMBER_RE = /^Số\s*(?:hiệu)?\s*:?\s*(?=[\d/….])/u;
const PLACE_DATE_RE =
  /(?:^|\s)([\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,4})\s*,\s*ngày\s*(\d{1,2})?[\s.…_]*tháng\s*(\d{1,2})?[\s.…_]*năm\s*(\d{4})?/u;
const SUBJECT_RE = /^(?:V\/v|V\/V|Về việc)(?![\p{L}])\s*:?\s*/u;
const KINH_GUI_RE = /^Kính\s+gửi\s*:?\s*/iu;
const NOI_NHAN_RE = /^Nơi\s+nhận\s*:?\s*/iu;
const SEPARATOR_RE = /^[-–—_=*~.\s]*(?:o0o|oOo|000)?[-–—_=*~.\s]*$/u;
const PAGE_NUMBER_RE = /^(?:[-–]\s*)?(?:Trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*[-–])?$/u;
const BASIS_START_RE = /^(?:Thực hiện|Căn cứ|Triển khai|Tiếp theo)\s/u;
const AUTHORITY_PREFIX_RE = /^(KT|TL|TM|TUQ|Q)\s*\.\s*(.+)$/u;
const OFFICE_RE =
  /^(?:PHÓ\s+|QUYỀN\s+)?(?:GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CHỦ TỊCH|CHÁNH VĂN PHÒNG|CHÁNH THANH TRA|TRƯỞNG PHÒNG.*|TRƯỞNG BAN.*|CỤC TRƯỞNG|BỘ TRƯỞNG|THỨ TRƯỞNG|VỤ TRƯỞNG|HIỆU TRƯỞNG|VIỆN TRƯỞNG|BÍ THƯ)$/u;
const SIGNED_NOTE_RE = /^[([]?\s*(?:đã ký|Đã ký|ĐÃ KÝ|ký|Ký)[^)\]]*[)\]]?$|^\(.*\)$|^\[.*\]$/u;
const NAME_RE = /^\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){1,5}$/u;
// A document's kind written over its title ("KẾ HOẠCH" / "Đảm bảo thông tin liên lạc …"), and an urgency mark
// ("HỎA TỐC", "KHẨN"): header lines of their own, no part of the issuer's name.
const KIND_RE = /^(?:KẾ HOẠCH|THÔNG BÁO|CÔNG ĐIỆN|CHỈ THỊ|QUYẾT ĐỊNH|PHƯƠNG ÁN|HƯỚNG DẪN|CÔNG VĂN)$/u;
const URGENCY_RE = /^[([]?\s*(HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|TỐI KHẨN|KHẨN)\s*[)\]]?$/u;

function normalize(text: string): string {
  return text
    .normalize('NFC')
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .replace(/\*\*/gu, '')
    .replace(/^[ \t]*#{1,6}[ \t]+/gmu, '')
    .replace(/^([ \t]*)[*_](\S(?:.*\S)?)[*_][ \t]*$/gmu, '$1$2')
    .replace(/[\u00A0\u2007\u202F]/gu, ' ')
    .replace(/[\u200B-\u200D\u2060]/gu, '');
}

const isLayoutPart = (part: string): boolean =>
  NUMBER_RE.test(part) ||
  PLACE_DATE_RE.test(part) ||
  MOTTO_RE.test(part) ||
  NOI_NHAN_RE.test(part) ||
  AUTHORITY_PREFIX_RE.test(part) ||
  (isAllCaps(part) && part.includes(' '));

/** Two columns flattened onto one line ("Số: 12/STTTT    Bắc Giang, ngày …") become two lines. */
function splitColumns(line: string): string[] {
  const parts = line
    .split(/\t+| {4,}/u)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return [line];
  if (parts.some(isLayoutPart)) return parts;
  // "- Lưu: VT, BCVT.          Ma Thị Thu Hằng": the signer's name beside the last item of "Nơi nhận", or the
  // "(Đã ký)" that stands in for the signature.
  const besideList =
    /^[-–+•]\s/u.test(parts[0]!) && parts.slice(1).every((p) => NAME_RE.test(p) || SIGNED_NOTE_RE.test(p));
  return besideList ? parts : [line];
}

function toLines(text: string): string[] {
  // A table typed as text ("STT | Họ và tên | …", or columns between tabs) is read as a .docx table is, before the
  // tabs between its cells are taken for a layout's columns.
  return textTablesAsRows(normalize(text).split('\n'))
    .flatMap(splitColumns)
    .map((l) => l.replace(/[ \t]+/gu, ' ').trim());
}

const isSeparator = (line: string): boolean => line.length >= 3 && SEPARATOR_RE.test(line);
const clean = (text: string): string =>
  text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/\.\/\.$/u, '.');
const stripListEnd = (text: string): string => clean(text).replace(/[\s;,.]+$/u, '');

function isAuthorityLine(line: string): boolean {
  if (!isAllCaps(line) || line.split(' ').length > 10) return false;
  return AUTHORITY_PREFIX_RE.test(line) || OFFICE_RE.test(line);
}

// ---- header -------------------------------------------------------------------------------

interface Header {
  number: string | null;
  numberRaw: string | null;
  capsLines: string[];
  place: string | null;
  date: string | null;
  year: number | null;
  subject: string | null;
  kind: string | null;
  urgency: string | null;
  addressees: string[];
  bodyStart: number;
  signals: number;
}

const isHeaderPattern = (line: string): boolean =>
  NUMBER_RE.test(line) ||
  PLACE_DATE_RE.test(line) ||
  MOTTO_RE.test(line) ||
  KINH_GUI_RE.test(line) ||
  SUBJECT_RE.test(line) ||
  isAllCaps(line);

function findBodyStartWithoutKinhGui(lines: string[]): number {
  let lastHeader = -1;
  for (let i = 0; i < lines.length && i < 40; i++) {
    const line = lines[i]!;
    if (!line) continue;
    // "KẾ HOẠCH" / "Đảm bảo thông tin liên lạc …": the title under the kind is the header's too.
    const afterKind = lastHeader >= 0 && KIND_RE.test(lines[lastHeader]!);
    if (BASIS_START_RE.test(line) || matchMarker(line) || line.length > (afterKind ? 250 : 150)) break;
    if (isHeaderPattern(line) || isSeparator(line) || afterKind) lastHeader = i;
  }
  return lastHeader + 1;
}

function readSubject(lines: string[], at: number, end: number): { subject: string; used: Set<number> } {
  const used = new Set([at]);
  let subject = lines[at]!.replace(SUBJECT_RE, 'V/v ');
  let i = at + 1;
  for (let taken = 0; taken < 2 && i < end; taken++) {
    let next = i;
    if (!lines[next]) {
      // A wrapped subject in a .docx comes as two paragraphs, with a blank line between.
      if (/[.;:]$/u.test(subject)) break;
      next++;
    }
    const line = lines[next];
    if (!line || isHeaderPattern(line) || BASIS_START_RE.test(line) || line.length > 100) break;
    subject = `${subject} ${line}`;
    used.add(next);
    i = next + 1;
  }
  return { subject: clean(subject), used };
}

function readAddressees(lines: string[], at: number): { addressees: string[]; next: number } {
  const inline = lines[at]!.replace(KINH_GUI_RE, '').trim();
  const addressees: string[] = [];
  let open = inline === '' || /^[-–+•]/u.test(inline) || /[;,]$/u.test(inline);
  if (inline) {
    for (const part of inline.split(/;\s*(?=\S)/u))
      addressees.push(stripListEnd(part.replace(/^[-–+•]\s*/u, '')));
  }
  let i = at + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const dash = /^[-–+•]\s*/u.test(line);
    // "Kính gửi: Các doanh nghiệp … trên địa bàn tỉnh" / "(Viễn thông …; Viettel …).": the names in brackets on
    // the next line are the same addressee's, as when they are written on its line.
    if (!dash && /^\(.*\)[.;,]?$/u.test(line) && addressees.length > 0 && !/[(]/u.test(addressees.at(-1)!)) {
      addressees[addressees.length - 1] = `${addressees.at(-1)} ${stripListEnd(line)}`;
      open = false;
      continue;
    }
    if (!dash && !open) break;
    if (!dash && (BASIS_START_RE.test(line) || matchMarker(line) || line.length > 150)) break;
    addressees.push(stripListEnd(line.replace(/^[-–+•]\s*/u, '')));
    open = /[;,]$/u.test(line) || dash;
    if (/\.$/u.test(line)) {
      i++;
      break;
    }
  }
  return { addressees: addressees.filter(Boolean), next: i };
}

const capitalized = (caps: string): string => {
  const lower = caps.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
};

function readHeader(lines: string[]): Header {
  const kinhGui = lines.findIndex((l, i) => i < 80 && KINH_GUI_RE.test(l));
  const end = kinhGui >= 0 ? kinhGui : findBodyStartWithoutKinhGui(lines);
  const header: Header = {
    number: null,
    numberRaw: null,
    capsLines: [],
    place: null,
    date: null,
    year: null,
    subject: null,
    kind: null,
    urgency: null,
    addressees: [],
    bodyStart: end,
    signals: 0,
  };
  const used = new Set<number>();
  for (let i = 0; i < end; i++) {
    const line = lines[i]!;
    if (!line || used.has(i) || isSeparator(line)) continue;
    const place = PLACE_DATE_RE.exec(line);
    if (NUMBER_RE.test(line)) {
      const raw = place ? line.slice(0, place.index).trim() : line;
      const value = raw
        .replace(NUMBER_RE, '')
        .replace(/\s*([/-])\s*/gu, '$1')
        .trim();
      header.numberRaw = raw;
      header.number = /^\d+[\p{L}\d]*(?:\/[\p{L}\d&.]+(?:-[\p{L}\d&.]+)*)+$/u.test(value) ? value : null;
      header.signals++;
    }
    if (place) {
      header.place = place[1]!.trim();
      header.year = place[4] ? Number(place[4]) : null;
      if (place[2] && place[3] && header.year) {
        header.date = isoDate(header.year, Number(place[3]), Number(place[2]));
      }
      header.signals++;
    } else if (SUBJECT_RE.test(line)) {
      const { subject, used: wrapped } = readSubject(lines, i, end);
      header.subject = subject;
      for (const j of wrapped) used.add(j);
      header.signals++;
    } else if (MOTTO_RE.test(line)) {
      header.signals++;
    } else if (URGENCY_RE.test(line)) {
      header.urgency = capitalized(URGENCY_RE.exec(line)![1]!);
    } else if (KIND_RE.test(line)) {
      header.kind = capitalized(line);
      header.signals++;
      // "KẾ HOẠCH" / "Đảm bảo thông tin liên lạc …": the title under the kind says what the document is about.
      const next = lines.findIndex((l, j) => j > i && l.trim() !== '');
      if (!header.subject && next > i && next < end && !isHeaderPattern(lines[next]!)) {
        header.subject = clean(lines[next]!);
        used.add(next);
      }
    } else if (isAllCaps(line) && !NUMBER_RE.test(line)) {
      header.capsLines.push(line);
    }
  }
  if (header.capsLines.length > 0) header.signals++;
  if (kinhGui >= 0) {
    const { addressees, next } = readAddressees(lines, kinhGui);
    header.addressees = addressees;
    header.bodyStart = next;
    header.signals++;
  }
  return header;
}

interface Issuer {
  issuer: string | null;
  issuerShort: string | null;
  province: string | null;
}

const STARTS_BODY =
  /^(?:UBND|ỦY BAN|UỶ BAN|SỞ|PHÒNG|BAN|BỘ|CỤC|TRUNG TÂM|VĂN PHÒNG|CHI CỤC|TỔNG CỤC|BƯU ĐIỆN|ĐÀI)(?:\s|$)/u;

/** "UBND TỈNH BẮC GIANG" → "Bắc Giang"; a city counts only if it is a province itself. */
function provinceOf(group: string): string | null {
  const m = /(TỈNH|THÀNH PHỐ)\s+(.+)$/u.exec(group);
  if (!m) return null;
  const name = titleWords(m[2]!);
  return m[1] === 'TỈNH' || CENTRAL_CITIES.includes(name) ? name : null;
}

function readIssuer(capsLines: string[], place: string | null, intro: string): Issuer {
  const groups: string[] = [];
  for (const line of capsLines) {
    if (STARTS_BODY.test(line) || groups.length === 0) groups.push(line);
    else groups[groups.length - 1] = `${groups.at(-1)} ${line}`;
  }
  const unit = groups.map(provinceOf).find((p) => p !== null);
  // A district's letter names its district as the place, not the province.
  const local = groups.some((g) => /(?:HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s/u.test(g));
  const placeProvince = place?.replace(/^(?:TP\.|Tp\.|Thành phố|thành phố)\s*/u, '').trim() || null;
  const province = unit ?? (local ? null : placeProvince);
  const own = groups.at(-1);
  const short = own ? orgCase(own) : issuerFromBody(intro);
  if (!short) return { issuer: null, issuerShort: null, province };
  const needsProvince = /^Sở\s/u.test(short) && !/\s(?:tỉnh|thành phố)\s/u.test(short);
  return {
    issuer: needsProvince && province ? `${short} ${provinceLabel(province)}` : short,
    issuerShort: short,
    province,
  };
}

// ---- closing: Nơi nhận and signature ------------------------------------------------------

interface Tail {
  recipients: string[];
  signer: Signer | null;
  signals: number;
}

function bodyEndOf(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (NOI_NHAN_RE.test(line) || isAuthorityLine(line)) return i;
  }
  return lines.length;
}

function readSigner(lines: string[]): Signer | null {
  const start = lines.findIndex(isAuthorityLine);
  if (start < 0) return null;
  const offices: string[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line || SIGNED_NOTE_RE.test(line)) {
      const ahead = lines.slice(i + 1, i + 6);
      if (offices.length > 0 && ahead.some((l) => l && isAllCaps(l) && !SIGNED_NOTE_RE.test(l))) {
        continue;
      }
      break;
    }
    if (!isAllCaps(line)) break;
    // "TRƯỞNG PHÒNG VIỄN THÔNG / VÀ CÔNG NGHỆ THÔNG TIN": a title too long for one line goes on.
    if (offices.length > 0 && /^(?:VÀ|&)\s/u.test(line)) {
      offices.push(`${offices.pop()} ${line}`);
      continue;
    }
    // "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" on one line is two lines of the block.
    const joined = /^((?:KT|TL|TM|TUQ)\s*\..+?)\s+(PHÓ\s.+)$/u.exec(line);
    if (joined) offices.push(joined[1]!, joined[2]!);
    else offices.push(line);
  }
  let name = lines
    .slice(i)
    .find((l) => l && !SIGNED_NOTE_RE.test(l) && !NOI_NHAN_RE.test(l) && NAME_RE.test(l) && !isAllCaps(l));
  const last = offices.at(-1);
  if (!name && offices.length >= 2 && last && !isAuthorityLine(last)) {
    name = offices.pop();
  }
  if (!name) return null;
  const [first] = offices;
  if (!first) return null;
  const authorityOf = (line: string): string => {
    const m = AUTHORITY_PREFIX_RE.exec(line);
    return m ? `${m[1]}. ${officeCase(m[2]!)}` : officeCase(line);
  };
  let authority: string;
  let title: string | null;
  if (offices.length === 1) {
    const m = AUTHORITY_PREFIX_RE.exec(first);
    authority = authorityOf(first);
    if (!m) title = officeCase(first);
    else if (m[1] === 'Q') title = `Quyền ${officeCase(m[2]!)}`;
    else title = null;
  } else {
    authority = offices.slice(0, -1).map(authorityOf).join(', ');
    title = officeCase(offices.at(-1)!);
  }
  return { authority, title, name: isAllCaps(name) ? titleWords(name) : clean(name) };
}

function readTail(lines: string[]): Tail {
  const recipients: string[] = [];
  const rest: string[] = [];
  let signals = 0;
  let listing = false;
  for (const line of lines) {
    if (NOI_NHAN_RE.test(line)) {
      signals++;
      listing = true;
      const inline = line.replace(NOI_NHAN_RE, '').trim();
      if (inline) recipients.push(stripListEnd(inline.replace(/^[-–+•]\s*/u, '')));
      continue;
    }
    // Flattened columns interleave the list with the signature, so the list is every item after "Nơi nhận";
    // without a dash only lines that end like a list item count (a .docx may drop Word's bullets).
    const dash = /^[-–+•]\s*/u.test(line);
    const listLike = dash || (/[;.]$/u.test(line) && line.length <= 120 && !isAllCaps(line));
    if (listing && listLike && !SIGNED_NOTE_RE.test(line)) {
      recipients.push(stripListEnd(line.replace(/^[-–+•]\s*/u, '')));
    } else rest.push(line);
  }
  const signer = readSigner(rest);
  if (signer) signals++;
  return { recipients: recipients.filter(Boolean), signer, signals };
}

// ---- body: markers, blocks, clauses --------------------------------------------------------

type MarkerKind = 'roman' | 'number' | 'letter' | 'dash' | 'plus' | 'bullet';
interface Marker {
  kind: MarkerKind;
  raw: string;
  value: string;
  word: string | null;
  rest: string;
}

const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10 };
function isRoman(text: string): boolean {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN_VALUES[text[i]!] ?? 0;
    total += v < (ROMAN_VALUES[text[i + 1] ?? ''] ?? 0) ? -v : v;
  }
  const canonical = [
    'I',
    'II',
    'III',
    'IV',
    'V',
    'VI',
    'VII',
    'VIII',
    'IX',
    'X',
    'XI',
    'XII',
    'XIII',
    'XIV',
    'XV',
  ];
  return canonical[total - 1] === text;
}

// "Một là, tổ chức trực Tết …", "Hai là, …": duties counted in words are numbered parts as much as "1.", "2.".
const COUNTED = ['Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười'];
const COUNTED_RE = new RegExp(`^(${COUNTED.join('|')})\\s+là\\s*[,:]\\s*(?=\\S)(.*)$`, 'u');

function matchMarker(line: string): Marker | null {
  const counted = COUNTED_RE.exec(line);
  if (counted) {
    const value = String(COUNTED.indexOf(counted[1]!) + 1);
    return { kind: 'number', raw: `${counted[1]} là`, value, word: `${counted[1]} là`, rest: counted[2]! };
  }
  let m = /^(Phần|PHẦN|Mục|MỤC)\s+([IVX]{1,4}|\d{1,2})\s*(?:[.:\-–)]\s*|\s+|$)(.*)$/u.exec(line);
  if (m && (/^\d/u.test(m[2]!) || isRoman(m[2]!))) {
    const kind = /^\d/u.test(m[2]!) ? 'number' : 'roman';
    const raw = line.slice(0, line.length - m[3]!.length).trim();
    return { kind, raw, value: m[2]!, word: lowerFirst(m[1]!), rest: m[3]! };
  }
  m = /^([IVX]{1,4})\s*[.:/)]\s*(.*)$/u.exec(line);
  if (m && isRoman(m[1]!)) return { kind: 'roman', raw: `${m[1]}.`, value: m[1]!, word: null, rest: m[2]! };
  m = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\)?\s+(.*)$/u.exec(line);
  if (m) return { kind: 'number', raw: m[1]!, value: m[1]!, word: null, rest: m[2]! };
  m = /^(\d{1,2})[.)]\s*(?=[^\d\s])(.*)$/u.exec(line);
  if (m)
    return { kind: 'number', raw: line.slice(0, m[1]!.length + 1), value: m[1]!, word: null, rest: m[2]! };
  m = /^([a-zđ])(?:\)|\.\s)\s*(.*)$/u.exec(line);
  if (m) return { kind: 'letter', raw: `${m[1]})`, value: m[1]!, word: null, rest: m[2]! };
  m = /^([-–—+•·▪◦○●*])\s*(?=\S)(.*)$/u.exec(line);
  if (m && !isSeparator(line)) {
    const kind: MarkerKind = m[1] === '+' ? 'plus' : /[-–—]/u.test(m[1]!) ? 'dash' : 'bullet';
    return { kind, raw: m[1]!, value: m[1]!, word: null, rest: m[2]! };
  }
  return null;
}

const lowerFirst = (s: string): string => s.charAt(0) + s.slice(1).toLocaleLowerCase('vi');

interface Block {
  marker: Marker | null;
  content: string;
  lastLine: string;
}

function isContinuation(prev: Block, line: string, sawBlank: boolean): boolean {
  if (/[.:;!?]$|\.\/\.$/u.test(prev.lastLine) || isAllCaps(prev.lastLine)) return false;
  // A page break inside a sentence: "… qua mạng bưu chính và" / "thông báo kịp thời …".
  if (/^\p{Ll}/u.test(line)) return true;
  // A hard-wrapped paragraph has long lines; a short line before a capital is a heading of its own.
  return !sawBlank && prev.lastLine.length >= 60;
}

function toBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let sawBlank = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) {
      sawBlank = true;
      continue;
    }
    // A bare number is a page number: no part or item is written without its dot.
    if (isSeparator(line) || PAGE_NUMBER_RE.test(line)) continue;
    const marker = matchMarker(line);
    const prev = blocks.at(-1);
    if (marker) blocks.push({ marker, content: marker.rest, lastLine: line });
    else if (prev && isContinuation(prev, line, sawBlank)) {
      prev.content = `${prev.content} ${line}`;
      prev.lastLine = line;
    } else blocks.push({ marker: null, content: line, lastLine: line });
    sawBlank = false;
  }
  return blocks;
}

const BULLET_KINDS: ReadonlySet<MarkerKind> = new Set(['dash', 'plus', 'bullet']);
const BULLET_IDS: Readonly<Record<string, string>> = { dash: '-', plus: '+', bullet: '*' };

function splitHeading(content: string, kind: MarkerKind): { heading: string | null; text: string } {
  const text = clean(content);
  if (BULLET_KINDS.has(kind)) return { heading: null, text };
  // "b) Báo cáo kết quả … gửi về Sở trước 16 giờ 30 ngày 11/02/2030. Nội dung báo cáo gồm:": sentences before the
  // colon are the point's text, which introduces its bullets; only a title ends with a colon alone.
  if (/:$/u.test(text) && !/[.;!?]\s+\S/u.test(text)) return { heading: text.slice(0, -1).trim(), text: '' };
  if (isAllCaps(text)) return { heading: text, text: '' };
  const colon = text.indexOf(':');
  const before = text.slice(0, colon);
  if (colon > 0 && colon <= 80 && before.split(' ').length <= 12 && !/[.;]/u.test(before)) {
    return { heading: before.trim(), text: text.slice(colon + 1).trim() };
  }
  if (!/[.;!?]$/u.test(text) && text.split(' ').length <= 15) return { heading: text, text: '' };
  return { heading: null, text };
}

/** "Một là, tổ chức trực Tết nghiêm túc. Các doanh nghiệp …": its first sentence, when short, names the part. */
function countedHeading(content: string): { heading: string | null; text: string } {
  const text = clean(content);
  const m = /^([^.;:]{3,100})\.\s+(\S.*)$/u.exec(text);
  if (!m || m[1]!.split(' ').length > 15) return { heading: null, text };
  return { heading: m[1]!.charAt(0).toLocaleUpperCase('vi') + m[1]!.slice(1), text: m[2]! };
}

// Between a lettered point (10) and the bullets (20 on): a paragraph introducing a list holds bullets only.
const INTRODUCING_RANK = 15;

interface Entry {
  clause: Clause;
  rank: number;
  prose: boolean;
  children: number;
}

// "bưu gửi" is a postal item, not a sending: a paragraph of duties that bars "bưu gửi chứa pháo" reports nothing.
const REPORT_PARAGRAPH = (text: string): boolean =>
  /báo cáo|(?<!bưu\s)gửi|nộp/iu.test(text) && /\d{1,2}\s*(?:h|giờ|g|:)\s*\d{0,2}(?![\p{L}\d])/u.test(text);

class ClauseBuilder {
  readonly clauses: Clause[] = [];
  private readonly stack: Entry[] = [];
  private readonly byId = new Map<string, Clause>();
  private readonly counters = new Map<string, number>();
  private readonly bulletRanks = new Map<MarkerKind, number>();

  private count(key: string): number {
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return n;
  }

  private uniqueId(id: string): string {
    let unique = id;
    for (let n = 2; this.byId.has(unique); n++) unique = `${id}~${n}`;
    return unique;
  }

  add(fields: Omit<Clause, 'id' | 'depth'> & { id: string }, rank: number | null): Clause {
    const parent = fields.parentId ? this.byId.get(fields.parentId) : undefined;
    const clause: Clause = { ...fields, id: this.uniqueId(fields.id), depth: parent ? parent.depth + 1 : 0 };
    this.clauses.push(clause);
    this.byId.set(clause.id, clause);
    const owner = this.stack.find((e) => e.clause.id === clause.parentId);
    if (owner) owner.children++;
    if (rank !== null) this.stack.push({ clause, rank, prose: false, children: 0 });
    return clause;
  }

  top(): Entry | undefined {
    return this.stack.at(-1);
  }

  rankOf(marker: Marker): number {
    if (marker.kind === 'roman') return 0;
    if (marker.kind === 'number') return marker.value.split('.').length;
    if (marker.kind === 'letter') return 10;
    let rank = this.bulletRanks.get(marker.kind);
    if (rank === undefined) {
      rank = 20 + this.bulletRanks.size;
      this.bulletRanks.set(marker.kind, rank);
    }
    return rank;
  }

  marker(marker: Marker, content: string): void {
    const rank = this.rankOf(marker);
    while ((this.top()?.rank ?? -1) >= rank) this.stack.pop();
    const parent = this.top()?.clause ?? null;
    const roman = this.stack.find((e) => e.clause.kind === 'roman')?.clause;
    let id: string;
    let label: string;
    if (marker.kind === 'roman') {
      id = marker.value;
      label = `${marker.word ?? 'mục'} ${marker.value}`;
    } else if (marker.kind === 'number') {
      id = roman ? `${roman.id}.${marker.value}` : marker.value;
      label = parent?.kind === 'roman' ? `${parent.label}, điểm ${marker.value}` : `mục ${marker.value}`;
      if (parent && parent.kind !== 'roman' && parent.kind !== 'number')
        label = `${parent.label}, điểm ${marker.value}`;
      // "Hai là, …" is cited as the letter words it, with the number a reader may ask by.
      if (marker.word && !/^(?:phần|mục)$/iu.test(marker.word)) label = `${label} (“${marker.word}”)`;
    } else if (marker.kind === 'letter') {
      id = parent ? `${parent.id}.${marker.value}` : marker.value;
      label = !parent
        ? `điểm ${marker.value}`
        : /điểm [\d.a-zđ]+$/u.test(parent.label)
          ? `${parent.label}.${marker.value}`
          : `${parent.label}, điểm ${marker.value}`;
    } else {
      const n = this.count(`${parent?.id ?? ''}${marker.kind}`);
      id = `${parent ? `${parent.id}.` : ''}${BULLET_IDS[marker.kind]}${n}`;
      label =
        parent && BULLET_KINDS.has(parent.kind as MarkerKind) && / ý [\d.]+$/u.test(parent.label)
          ? `${parent.label}.${n}`
          : parent
            ? `${parent.label}, ý ${n}`
            : `ý ${n}`;
    }
    const { heading, text } = marker.raw.endsWith(' là')
      ? countedHeading(content)
      : splitHeading(content, marker.kind);
    this.add(
      { id, label, kind: marker.kind, marker: marker.raw, heading, text, parentId: parent?.id ?? null },
      rank,
    );
  }

  /** `position` numbers the paragraphs of a letter without parts, where the opening one is paragraph 1. */
  paragraph(content: string, atEnd: boolean, position?: number): void {
    const text = clean(content);
    const top = this.top();
    // A row of a table is a paragraph of its own, never a line of the prose before it: it answers alone.
    const row = TABLE_ROW_RE.test(text);
    if (top && !row && top.clause.text === '' && !top.children) {
      top.clause.text = text;
      top.prose = true;
      return;
    }
    if (!row && top?.prose && top.children === 0) {
      top.clause.text = `${top.clause.text}\n${text}`;
      return;
    }
    if (atEnd && !row) {
      this.stack.length = 0;
      const report = REPORT_PARAGRAPH(text);
      const n = this.count(report ? 'report' : 'closing');
      const base = report ? 'bao-cao' : 'ket-thuc';
      const kind: ClauseKind = report ? 'report' : 'closing';
      const label = report ? 'đoạn báo cáo kết quả' : 'đoạn kết';
      this.add(
        { id: n > 1 ? `${base}-${n}` : base, label, kind, marker: null, heading: null, text, parentId: null },
        null,
      );
      return;
    }
    while (this.stack.length > 0 && this.top()!.rank >= 10) this.stack.pop();
    const parent = this.top()?.clause ?? null;
    const n = position ?? this.count(`${parent?.id ?? ''}paragraph`);
    // "Đề nghị các doanh nghiệp bưu chính (…) thực hiện:": a paragraph ending with a colon introduces the bullets
    // after it, which are its items; a numbered or lettered point after it closes it.
    this.add(
      {
        id: parent ? `${parent.id}.doan-${n}` : `doan-${n}`,
        label: parent ? `${parent.label}, đoạn ${n}` : `đoạn ${n}`,
        kind: 'paragraph',
        marker: null,
        heading: null,
        text,
        parentId: parent?.id ?? null,
      },
      /:$/u.test(text) ? INTRODUCING_RANK : null,
    );
  }

  intro(text: string): void {
    this.add(
      {
        id: 'mo-dau',
        label: 'phần mở đầu',
        kind: 'intro',
        marker: null,
        heading: null,
        text,
        parentId: null,
      },
      null,
    );
  }

  report(text: string): void {
    const n = this.count('report');
    this.add(
      {
        id: n > 1 ? `bao-cao-${n}` : 'bao-cao',
        label: 'đoạn báo cáo kết quả',
        kind: 'report',
        marker: null,
        heading: null,
        text: clean(text),
        parentId: null,
      },
      null,
    );
  }
}

function readClauses(lines: string[]): Clause[] {
  const blocks = toBlocks(lines);
  const firstMarker = blocks.findIndex((b) => b.marker);
  const lastMarker = blocks.findLastIndex((b) => b.marker);
  const builder = new ClauseBuilder();
  if (firstMarker < 0) {
    // Prose only: the first paragraph opens, the report paragraph is named, the rest are numbered.
    blocks.forEach((b, i) => {
      if (i === 0) builder.intro(clean(b.content));
      else if (REPORT_PARAGRAPH(b.content)) builder.report(b.content);
      else builder.paragraph(b.content, false, i + 1);
    });
    return builder.clauses;
  }
  // The opening paragraph, and after it one ending with a colon right before the first bullets ("Đề nghị các
  // doanh nghiệp viễn thông (…), cụ thể:"): that one introduces those bullets, not the letter.
  const introduces =
    firstMarker > 1 &&
    /:$/u.test(clean(blocks[firstMarker - 1]!.content)) &&
    BULLET_KINDS.has(blocks[firstMarker]!.marker!.kind);
  const opening = introduces ? firstMarker - 1 : firstMarker;
  const intro = blocks.slice(0, opening).map((b) => clean(b.content));
  if (intro.length > 0) builder.intro(intro.join('\n'));
  if (introduces) builder.paragraph(blocks[opening]!.content, false);
  blocks.slice(firstMarker).forEach((b, i) => {
    if (b.marker) builder.marker(b.marker, b.content);
    else builder.paragraph(b.content, firstMarker + i > lastMarker);
  });
  const parents = new Set(builder.clauses.map((c) => c.parentId));
  return builder.clauses.filter((c) => c.text || c.heading || parents.has(c.id));
}

// ---- appendices ---------------------------------------------------------------------------

// "PHỤ LỤC 1: DANH SÁCH ĐẦU MỐI LIÊN HỆ", "PHỤ LỤC I", "Phụ lục số 2 - Đề cương báo cáo", "Phụ lục kèm theo Công văn
// số …": an appendix's heading, after the signature.
const APPENDIX_RE =
  /^(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:số|SỐ)\s*)?(?:\s*([IVX]{1,4}|\d{1,2})(?![\p{L}\d]))?\s*[.:\-–—)]?\s*(.*)$/u;
// "(Kèm theo Công văn số 215/SKHCN-BCVT ngày 21/01/2030 của …)": which letter it belongs to, nothing to answer.
const ATTACHED_NOTE_RE = /^\(?\s*(?:kèm theo|ban hành kèm)/iu;

/** Whether a line after the signature opens an appendix: its heading stands alone, in capitals or short. */
export function appendixHeading(line: string): { number: string | null; title: string } | null {
  const m = APPENDIX_RE.exec(line);
  if (!m) return null;
  const rest = m[2]!.trim();
  const number = m[1] && (/^\d/u.test(m[1]) || isRoman(m[1])) ? m[1] : null;
  if (m[1] && !number) return null;
  const title = ATTACHED_NOTE_RE.test(rest) ? '' : rest;
  // A sentence starting with the word ("Phụ lục này gồm …") is not a heading.
  if (!isAllCaps(line) && (/[.;]$/u.test(title) || title.split(' ').length > 15)) return null;
  return { number, title };
}

/** Where the appendices start: the first heading after the body, or the end. */
function appendicesStart(lines: string[], from: number): number {
  const at = lines.findIndex((l, i) => i >= from && appendixHeading(l) !== null);
  return at < 0 ? lines.length : at;
}

/**
 * Each appendix is a part of the letter ("phụ lục 1", its lines "phụ lục 1, ý 2", its parts "phụ lục 2, mục I"):
 * a contact list or a report's outline is something the letter asks, so questions are answered from it.
 */
function readAppendices(lines: string[]): Clause[] {
  const groups: { number: string | null; title: string; lines: string[] }[] = [];
  for (const line of lines) {
    const heading = appendixHeading(line);
    if (heading) groups.push({ ...heading, lines: [] });
    else groups.at(-1)?.lines.push(line);
  }
  const out: Clause[] = [];
  groups.forEach((group, i) => {
    const number = group.number ?? (groups.length > 1 ? String(i + 1) : null);
    const id = number ? `phu-luc-${number}` : 'phu-luc';
    const label = number ? `phụ lục ${number}` : 'phụ lục';
    const body = group.lines.filter((l) => !ATTACHED_NOTE_RE.test(l));
    // "PHỤ LỤC" / "DANH SÁCH ĐẦU MỐI …": a title on the line after the heading.
    let title = group.title;
    if (!title) {
      const at = body.findIndex(Boolean);
      if (at >= 0 && isAllCaps(body[at]!) && !matchMarker(body[at]!)) title = body.splice(at, 1)[0]!;
    }
    out.push({
      id,
      label,
      kind: 'appendix',
      marker: null,
      heading: title ? clean(title) : null,
      text: '',
      parentId: null,
      depth: 0,
    });
    const builder = new ClauseBuilder();
    for (const b of toBlocks(body)) {
      if (b.marker) builder.marker(b.marker, b.content);
      else builder.paragraph(b.content, false);
    }
    for (const c of builder.clauses) {
      if (!c.text && !c.heading) continue;
      out.push({
        ...c,
        id: `${id}.${c.id}`,
        label: `${label}, ${c.label}`,
        parentId: c.parentId ? `${id}.${c.parentId}` : id,
        depth: c.depth + 1,
      });
    }
  });
  return out;
}

// ---- outline ------------------------------------------------------------------------------

function shortText(text: string, max = 80): string {
  const first = sentences(text)[0] ?? text;
  if (first.length <= max) return first.replace(/[.:;]$/u, '');
  const cut = first.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

function outlineOf(clauses: Clause[]): Letter['outline'] {
  const top = clauses.filter((c) => c.parentId === null);
  // Several closing paragraphs (a contact, then "Đề nghị …"): each shows its start, so the admin tells them apart.
  const closings = top.filter((c) => c.kind === 'closing').length;
  return top.map((c) => {
    if (c.kind === 'intro') return { id: c.id, title: 'Phần mở đầu' };
    if (c.kind === 'report') return { id: c.id, title: 'Báo cáo kết quả' };
    if (c.kind === 'closing')
      return { id: c.id, title: closings > 1 ? `Đoạn kết: ${shortText(c.text, 60)}` : 'Đoạn kết' };
    if (c.kind === 'appendix' && !c.heading) return { id: c.id, title: sentenceCase(c.label) };
    const label = c.label.charAt(0).toLocaleUpperCase('vi') + c.label.slice(1);
    const body = c.heading ? sentenceCase(c.heading) : shortText(c.text);
    return { id: c.id, title: `${label}. ${body}` };
  });
}

// ---- the letter ---------------------------------------------------------------------------

function refuseNotALetter(): never {
  throw new LetterError(
    'not_a_letter',
    'Văn bản không có dạng công văn: không thấy số hiệu, địa danh và ngày tháng, trích yếu (V/v), phần “Kính gửi”, “Nơi nhận” hay chữ ký.',
  );
}

export function parseLetter(text: string): ParsedLetter {
  if (text.length > MAX_LETTER_CHARS) {
    throw new LetterError('too_large', 'Văn bản quá dài để là một công văn (giới hạn 1 triệu ký tự).');
  }
  if (!normalize(text).trim()) throw new LetterError('empty', 'Văn bản trống, không có nội dung để đọc.');
  const lines = toLines(text);
  const header = readHeader(lines);
  const bodyEnd = bodyEndOf(lines, header.bodyStart);
  // Appendices follow the signature; "Nơi nhận" is its own list, never theirs.
  const appendixAt = appendicesStart(lines, bodyEnd);
  const tail = readTail(lines.slice(bodyEnd, appendixAt));
  if (header.signals + tail.signals < 2) refuseNotALetter();
  const body = readClauses(lines.slice(header.bodyStart, bodyEnd));
  if (body.length === 0) {
    throw new LetterError(
      'no_clauses',
      'Không tìm thấy nội dung công văn (các mục, các ý yêu cầu) sau phần “Kính gửi”.',
    );
  }
  const warnings: string[] = [];
  const clauses = [...body, ...readAppendices(lines.slice(appendixAt))];
  const intro = body.find((c) => c.kind === 'intro')?.text ?? '';
  const issuer = readIssuer(header.capsLines, header.place, intro);
  const texts = clauses.map((c) => [c.heading, c.text].filter(Boolean).join(': '));
  const bodyTexts = texts.slice(0, body.length);
  const holiday = findHoliday([header.subject ?? '', ...bodyTexts], header.year, warnings);
  // The deadline and the hotline are the letter's own: an appendix's contact list or dates are not.
  const moments = findMoments(body, { tetYear: holiday?.year ?? null, letterYear: header.year });
  const { deadline } = moments;
  if (!deadline) {
    const missing = moments.dateWithoutTime
      ? ` Có ngày “${moments.dateWithoutTime}” nhưng không ghi giờ phải gửi.`
      : '';
    throw new LetterError('no_deadline', `Không tìm thấy hạn báo cáo (giờ và ngày) trong văn bản.${missing}`);
  }
  warnings.push(...moments.warnings);
  if (header.date && deadline.at.slice(0, 10) < header.date) {
    warnings.push(`Hạn báo cáo ${deadline.date} sớm hơn ngày ban hành công văn.`);
  }
  const emails = findEmails(texts);
  const reportSentences = bodyTexts.flatMap(sentences).filter((s) => /báo cáo/iu.test(s));
  const email = findEmails([deadline.sentence])[0] ?? findEmails(reportSentences)[0] ?? emails[0] ?? null;
  const letter: Letter = {
    number: header.number,
    numberRaw: header.numberRaw,
    ...issuer,
    place: header.place,
    date: header.date,
    year: header.year,
    subject: header.subject,
    ...(header.kind ? { kind: header.kind } : {}),
    ...(header.urgency ? { urgency: header.urgency } : {}),
    addressees: header.addressees,
    legalBasis: findLegalBasis(intro),
    holiday,
    clauses,
    deadline,
    deadlines: moments.deadlines,
    dailyReport: moments.dailyReport,
    email,
    emails,
    hotline: findHotline(body),
    reportTo: findReportTo([deadline.sentence, ...reportSentences]),
    recipients: tail.recipients,
    signer: tail.signer,
    outline: outlineOf(clauses),
  };
  return { letter, warnings: [...new Set(warnings)] };
}
