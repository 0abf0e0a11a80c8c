import { TABLE_ROW_RE } from '../directive/table-rows.ts';

/**
 * A row of a table as the import writes it, from a .docx or from text: "Lê Quang Vinh; chức vụ: Chuyên viên; điện
 * thoại: 0905 111 222; ngày trực: 07/02/2027 (mùng 2 Tết)." Its first cell, then each other cell with its column's
 * name; a cell holding a semicolon of its own ("26/01/2031 (mùng 4); 28/01/2031 (mùng 6)") stays one value.
 */
export interface TableRow {
  lead: string;
  fields: { name: string; value: string }[];
}

const FIELD_RE = /^([\p{Ll}][\p{L}\d ./&()-]{0,40}):\s*(.*)$/u;

export function readTableRow(text: string): TableRow | null {
  const line = text.trim();
  if (!TABLE_ROW_RE.test(line)) return null;
  const [lead = '', ...parts] = line.replace(/\.$/u, '').split(/;\s+/u);
  const fields: TableRow['fields'] = [];
  for (const part of parts) {
    const m = FIELD_RE.exec(part);
    if (m) fields.push({ name: m[1]!.trim(), value: m[2]!.trim() });
    else if (fields.length > 0) fields.at(-1)!.value += `; ${part.trim()}`;
  }
  return fields.length > 0 ? { lead: lead.trim(), fields } : null;
}

// "Ông Trần Quốc Bảo, Phó Giám đốc": a person, with the title after the comma.
const HONORIFIC_RE = /^(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí|[đĐ]\/c|[aA]nh|[cC]hị)\s+/u;
const NAME_RE = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}$/u;
// A column of people: "Họ và tên", "Người đầu mối", "Cán bộ trực", "Lãnh đạo trực", "Đầu mối".
const PERSON_COLUMN_RE =
  /^(?:họ và tên|họ tên|tên|người|cán bộ|lãnh đạo|chuyên viên|công chức|đầu mối|đại diện)/u;
const TITLE_COLUMN_RE = /^(?:chức vụ|chức danh)/u;
const PHONE_RE = /(?<!\d)(?:\(0\d{2,3}\)\s?|0)\d{1,3}(?:[ .]?\d){6,8}(?!\d)/u;
// Words of a body's name, never of a person's: "Viettel Sơn La", "Bưu điện tỉnh", "Trung tâm …".
const BODY_WORDS_RE =
  /(?<!\p{L})(?:VNPT|Viettel|MobiFone|Vietnamobile|FPT|Bưu|Viễn|Truyền|Công ty|Chi nhánh|Trung tâm|Sở|Phòng|Ban|Tổng|Tập đoàn|Cục|Đài|Tỉnh|Thành phố)(?!\p{L})/u;

/** A person's name in a cell ("Ông Trần Quốc Bảo, Phó Giám đốc" → the name, the honorific and the title). */
export function personIn(value: string): { name: string; written: string; title?: string } | null {
  const [head = '', ...rest] = value.split(/,\s*/u);
  const honorific = HONORIFIC_RE.exec(head);
  const name = head.replace(HONORIFIC_RE, '').trim();
  if (!NAME_RE.test(name) || (!honorific && BODY_WORDS_RE.test(name))) return null;
  const title = rest.join(', ').trim();
  return { name, written: head.trim(), ...(title ? { title } : {}) };
}

/** Who a row is about: a cell of a people's column or naming someone with an honorific, else its first cell. */
export function rowPerson(
  row: TableRow,
): { name: string; written: string; title?: string; column: string | null } | null {
  for (const field of row.fields) {
    const person = personIn(field.value);
    if (person && (PERSON_COLUMN_RE.test(field.name) || HONORIFIC_RE.test(field.value)))
      return { ...person, column: field.name };
  }
  const lead = personIn(row.lead);
  return lead ? { ...lead, column: null } : null;
}

export function rowTitle(row: TableRow, person: { title?: string } | null): string | undefined {
  return row.fields.find((f) => TITLE_COLUMN_RE.test(f.name))?.value ?? person?.title;
}

export function rowPhone(row: TableRow): string | undefined {
  for (const field of row.fields) {
    const m = PHONE_RE.exec(field.value);
    if (m) return m[0].trim();
  }
  return undefined;
}
