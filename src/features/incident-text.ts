import type { Sector } from '../db/schema.ts';
import { kindsForSector } from './incident-kinds.ts';

/** What one line of an officer's own words says about an incident. */
export interface IncidentText {
  kind: string;
  area: string | null;
  scaleCount: number | null;
  scaleUnit: string | null;
  /** true: the text says it is fixed; false: still being handled; null: it does not say. */
  resolved: boolean | null;
}

/**
 * Folds one character at a time, so an index in the folded text is the same index in the original (NFC) text:
 * every precomposed Vietnamese letter folds to one letter.
 */
export function foldAligned(text: string): string {
  return [...text.normalize('NFC')]
    .map((ch) => {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      const one = base.length === 1 ? base : ch;
      return one === 'đ' ? 'd' : one === 'Đ' ? 'D' : one;
    })
    .join('')
    .toLowerCase();
}

const KIND_PATTERNS: [string, RegExp][] = [
  ['tan_cong_mang', /tan cong|ddos|ma doc|xam nhap|ransomware|hack/],
  ['nghen_mang', /nghen|qua tai|tac mang|cham mang/],
  [
    'mat_lien_lac',
    /mat song|mat lien lac|mat ket noi|mat tin hieu|dut cap|dut tuyen|dut quang|khong co song|song yeu|gian doan|mat dien|tram .*(ngung|dung|sap)|mat mang|rot mang/,
  ],
  ['don_u', /don u|un u|ton dong|cham phat|tre phat|chua phat/],
  ['mat_mat', /mat hang|that lac|mat buu gui|mat buu pham|hu hong|that thoat/],
  ['vat_pham_cam', /hang cam|vat pham cam|ma tuy|chat no|vu khi/],
  ['khieu_nai', /khieu nai|phan nan/],
];

/** The kind the words name, among the kinds of the enterprise's sector; "khac" when none fits. */
export function kindFromText(folded: string, sector: Sector): string {
  const allowed = new Set(kindsForSector(sector).map((k) => k.id));
  for (const [kind, pattern] of KIND_PATTERNS) if (allowed.has(kind) && pattern.test(folded)) return kind;
  return 'khac';
}

const UNITS =
  'tram bts|tram phat song|nha tram|tram|bts|thue bao|tb|buu gui|buu pham|buu kien|don hang|kien hang|diem phuc vu|diem|khach hang|kh|xa|phuong|tuyen cap|tuyen|km|ho|cot|may|nguoi';
const SCALE = new RegExp(`(?<![\\w.,])(\\d{1,3}(?:[.,]\\d{3})+|\\d+)\\s*(${UNITS})(?![a-z])`);

/** "12 trạm", "3.000 thuê bao" → 12 / "trạm"; the unit keeps the officer's spelling. */
export function scaleFromText(text: string): { count: number; unit: string } | null {
  const nfc = text.normalize('NFC');
  const m = SCALE.exec(foldAligned(nfc));
  if (!m) return null;
  const count = Number(m[1]!.replace(/[.,]/g, ''));
  if (!Number.isSafeInteger(count) || count > 100_000_000) return null;
  const start = m.index + m[0].length - m[2]!.length;
  return { count, unit: nfc.slice(start, start + m[2]!.length) };
}

/** A bare typed number, with or without a unit: "3", "3.000", "12 trạm". */
export function parseTypedScale(text: string): { count: number; unit: string | null } | null {
  const scale = scaleFromText(text);
  if (scale) return scale;
  const m = /^\s*(\d{1,3}(?:[.,]\d{3})+|\d{1,9})\s*$/.exec(text);
  if (!m) return null;
  return { count: Number(m[1]!.replace(/[.,]/g, '')), unit: null };
}

const AREA_UNIT =
  /(?<![a-z])(xa|phuong|thi tran|thi xa|huyen|thanh pho|tp\.?|tx\.?|dac khu|thon|ban|to dan pho|khu)\s+/g;

/** "ở xã Tân Sơn do mất điện" → "xã Tân Sơn": the unit word and the capitalised name after it. */
export function areaFromText(text: string): string | null {
  const nfc = text.normalize('NFC');
  const folded = foldAligned(nfc);
  for (const m of folded.matchAll(AREA_UNIT)) {
    const start = m.index + m[0].length;
    const words: string[] = [];
    for (const word of nfc.slice(start).split(/\s+/)) {
      const clean = word.replace(/[,.;:!?)]+$/, '');
      if (!/^[\p{Lu}\d]/u.test(clean)) break;
      words.push(clean);
      if (clean !== word || words.length === 4) break;
    }
    if (words.length > 0) return `${nfc.slice(m.index, m.index + m[1]!.length)} ${words.join(' ')}`;
  }
  return null;
}

export function resolvedFromText(folded: string): boolean | null {
  if (/chua (duoc )?(khac phuc|xu ly|xong|khoi phuc)|dang (khac phuc|xu ly|sua)|chua on dinh/.test(folded))
    return false;
  if (
    /da (duoc )?(khac phuc|xu ly|khoi phuc|sua)|da on dinh|da hoat dong (lai|tro lai)|hoat dong tro lai|xong roi|da xong|on dinh tro lai/.test(
      folded,
    )
  )
    return true;
  return null;
}

export function parseIncidentText(text: string, sector: Sector): IncidentText {
  const folded = foldAligned(text);
  const scale = scaleFromText(text);
  return {
    kind: kindFromText(folded, sector),
    area: areaFromText(text),
    scaleCount: scale?.count ?? null,
    scaleUnit: scale?.unit ?? null,
    resolved: resolvedFromText(folded),
  };
}
