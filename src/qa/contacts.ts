import { foldDiacritics } from './normalise.ts';
import { readTableRow, rowPerson, rowPhone, rowTitle } from './table-row.ts';

/**
 * The people a letter gives a phone for, each with whom they answer for: "Danh sách đầu mối của các doanh nghiệp:
 * - VNPT Thành phố Hồ Chí Minh: ông Phạm Quốc Bảo, 0913 702 458;", "Đầu mối liên hệ của Sở: ông Trần Minh Khoa,
 * Trưởng phòng …, điện thoại 0908 215 364; bà Lê Thị Ngọc Hân, chuyên viên, điện thoại 0937 482 119." An officer
 * asks by the business ("đầu mối VNPT", "sđt viettel") or by the number ("số 0938 … là của ai"): the department's
 * own hotline answers neither.
 */
export interface Contact {
  /** The business or body the person answers for, as the letter names it; absent for the department's own. */
  org?: string;
  /** The line's own label when it names no business: "Đầu mối liên hệ của Sở". */
  role?: string;
  person: string;
  title?: string;
  phone: string;
  /** The clause the line is in, and its label ("mục 3, đoạn 3, ý 1"). */
  itemId: string;
  label: string;
}

// A phone number: nine to eleven digits, dots, spaces and a bracketed area code between.
const PHONE_RE = /(?<!\d)(?:\(0\d{2,3}\)\s?|0)\d{1,3}(?:[ .]?\d){6,8}(?!\d)/g;
const PERSON_RE =
  /(?<!\p{L})(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí|[đĐ]\/c|[aA]nh|[cC]hị)\s+((?:\p{Lu}\p{Ll}*\s?){1,5})/gu;
// A label naming a role, not a business: "Đầu mối liên hệ của Sở", "Đường dây nóng", "Số điện thoại trực ban".
const ROLE_LABEL = /đầu mối|liên hệ|đường dây|điện thoại|tiếp nhận|trực|hotline|cán bộ|thông tin/iu;

const digits = (s: string): string => s.replace(/\D/g, '');

/**
 * A row of a table of contacts ("VNPT Sơn La; người đầu mối: Ông Trần Quốc Bảo, Phó Giám đốc; điện thoại: 0912 005
 * 318."): the person, the number, and the body the first cell names when it is not the person.
 */
function contactOfRow(item: { id: string; label: string }, text: string): Contact | null {
  const row = readTableRow(text);
  const person = row && rowPerson(row);
  const phone = row && rowPhone(row);
  if (!row || !person || !phone) return null;
  const title = rowTitle(row, person);
  return {
    ...(person.column !== null ? { org: row.lead } : {}),
    person: person.written,
    ...(title ? { title } : {}),
    phone,
    itemId: item.id,
    label: item.label,
  };
}

/** The contacts of one clause: each stretch between semicolons that names a person and gives a number. */
function contactsOfItem(item: { id: string; label: string; text: string }): Contact[] {
  const rows = item.text.split('\n').map((line) => contactOfRow(item, line));
  if (rows.some(Boolean)) return rows.filter((c): c is Contact => c !== null);
  const out: Contact[] = [];
  let label: string | undefined;
  for (const stretch of item.text.split(/;\s*/)) {
    const phone = [...stretch.matchAll(PHONE_RE)][0];
    const persons = phone ? [...stretch.slice(0, phone.index).matchAll(PERSON_RE)] : [];
    const person = persons.at(-1);
    if (!phone || !person) continue;
    // "VNPT …: ông …": what stands before the colon says whom the person answers for; a stretch without one
    // ("…; bà Lê Thị Ngọc Hân, chuyên viên, …") answers for what the stretch before it did.
    const colon = stretch.lastIndexOf(':', person.index);
    if (colon > 0)
      label = stretch
        .slice(0, colon)
        .replace(/^[\s\-+•]+/u, '')
        .trim();
    const title = stretch
      .slice(person.index + person[0].length, phone.index)
      .replace(/(?:số\s+)?(?:điện thoại|ĐT|đt|di động|SĐT)\s*:?\s*$/iu, '')
      .replace(/^[\s,]+|[\s,:(]+$/gu, '')
      .trim();
    out.push({
      ...(label && !ROLE_LABEL.test(label) ? { org: label } : {}),
      ...(label && ROLE_LABEL.test(label) ? { role: label } : {}),
      person: `${person[0].trim()}`,
      ...(title ? { title } : {}),
      phone: phone[0].trim(),
      itemId: item.id,
      label: item.label,
    });
  }
  return out;
}

export function contactsOf(items: Iterable<{ id: string; label: string; text: string }>): Contact[] {
  return [...items].flatMap(contactsOfItem);
}

const folded = (text: string): string[] =>
  foldDiacritics(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

// What a business's name says besides who it is: its legal form, its branch, the place it serves.
const NAME_FRAME = new Set([
  'cong',
  'ty',
  'co',
  'phan',
  'tnhh',
  'mtv',
  'tong',
  'chi',
  'nhanh',
  'thanh',
  'pho',
  'tinh',
  'tp',
  'cn',
  'tai',
]);

/** "Hồ Chí Minh" is typed "hcm" too: the place's words and their initials. */
export function placeWords(place: string): Set<string> {
  const words = folded(place);
  return new Set([...words, words.map((w) => w[0]).join('')]);
}

/** The words that tell one business from another: "FPT Telecom chi nhánh Thành phố Hồ Chí Minh" is "fpt telecom". */
export function orgWords(org: string, place: ReadonlySet<string>): string[] {
  return folded(org).filter((w) => !NAME_FRAME.has(w) && !place.has(w));
}

/**
 * The contacts of the business the question names, and the positions of the words naming it: all its words in a row
 * ("viettel post"), else the longest run of them from its first ("fpt" of "fpt telecom"), with the place and the
 * legal form around them ("vnpt hcm", "bưu điện tp"). A tie between two businesses names neither.
 */
export function contactNamed(
  question: string,
  contacts: readonly Contact[],
  place: ReadonlySet<string>,
): { contacts: Contact[]; positions: Set<number> } {
  const words = folded(question);
  let best: Contact[] = [];
  let bestScore = 0;
  let at = { start: 0, end: 0 };
  for (const contact of contacts) {
    if (!contact.org) continue;
    const name = orgWords(contact.org, place);
    if (name.length === 0) continue;
    let run = { start: 0, end: 0 };
    for (let i = 0; i < words.length; i++) {
      let k = 0;
      while (k < name.length && words[i + k] === name[k]) k++;
      if (k > run.end - run.start) run = { start: i, end: i + k };
    }
    const length = run.end - run.start;
    if (length === 0) continue;
    // A whole name weighs more than any part of a longer one: "viettel" is Viettel, not Viettel Post.
    const score = length === name.length ? 100 + length : length;
    if (score > bestScore) {
      best = [contact];
      bestScore = score;
      at = run;
    } else if (score === bestScore) best.push(contact);
  }
  // One business, one or more people for it.
  if (best.length === 0 || new Set(best.map((c) => c.org)).size > 1)
    return { contacts: [], positions: new Set() };
  const around = (w: string | undefined): boolean => w !== undefined && (NAME_FRAME.has(w) || place.has(w));
  while (around(words[at.start - 1])) at.start--;
  while (around(words[at.end])) at.end++;
  return {
    contacts: best,
    positions: new Set(Array.from({ length: at.end - at.start }, (_, i) => at.start + i)),
  };
}

// Asking who to call or the number: "đầu mối", "sđt", "liên hệ ai", "ai phụ trách", "dt bn".
const ASKS_CONTACT = new Set([
  'ai',
  'dau',
  'moi',
  'sdt',
  'so',
  'dien',
  'thoai',
  'dt',
  'lien',
  'he',
  'lh',
  'phu',
  'trach',
  'ten',
  'hotline',
  'zalo',
  'goi',
  'nguoi',
]);
const ASKS_CONTACT_RE =
  / (ai|dau moi|sdt|so dien thoai|dien thoai|dt|lien he|lh|phu trach|ten gi|ten la gi|hotline|zalo|goi cho ai|goi ai) /;
// Words around the asking that ask nothing else: "của … là ai", "dt bn", "… thì liên hệ ai vậy".
const FILLER = new Set([
  'cua',
  'la',
  'thi',
  'vay',
  'a',
  'ha',
  'nao',
  'bao',
  'nhieu',
  'bn',
  'gi',
  'may',
  'lam',
  'cho',
  'voi',
  'o',
  'ben',
  'em',
  'minh',
  'xin',
  'hoi',
  'can',
  'muon',
  'ak',
  'nhe',
  'nhi',
  'the',
  'va',
  'doanh',
  'nghiep',
  'dn',
  // "sđt viettel trực tết": the season the contact is for, which every contact the letter lists is.
  'truc',
  'tet',
]);

/** Whether the words besides the business ask for its contact, and nothing else. */
export function asksContactOnly(question: string, business: ReadonlySet<number>): boolean {
  const words = folded(question);
  const rest = words.filter((_, i) => !business.has(i));
  if (!ASKS_CONTACT_RE.test(` ${rest.join(' ')} `)) return false;
  return rest.every((w) => ASKS_CONTACT.has(w) || FILLER.has(w));
}

/** The contact whose number the question gives ("số 0938 667 205 là của ai"), typed with any spacing. */
export function contactOfNumber(question: string, contacts: readonly Contact[]): Contact | undefined {
  const asked = digits(question.replace(/\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}/g, ' '));
  if (asked.length < 9) return undefined;
  return contacts.find((c) => {
    const own = digits(c.phone);
    return asked.includes(own) || (own.length > 9 && asked.length >= 9 && own.endsWith(asked));
  });
}

/** "ông Phạm Quốc Bảo, điện thoại 0913 702 458", with the title the letter gives. */
export function describeContact(contact: Contact): string {
  return `${contact.person}${contact.title ? `, ${contact.title}` : ''}, điện thoại ${contact.phone}`;
}

/** Whom the person answers for, in the letter's words: the business, or the line's own label. */
export function ownerOf(contact: Contact): string {
  return contact.org ?? contact.role ?? '';
}
