import { parseCsv } from '../csv.ts';
import { SECTORS, type Sector } from '../db/schema.ts';
import { lookup } from '../lookup.ts';

export interface EnterpriseRow {
  line: number;
  name: string;
  sector: Sector;
  code: string;
}

export interface ImportProblem {
  line: number;
  message: string;
}

const SECTOR_ALIASES: Record<string, Sector> = {
  postal: 'postal',
  'buu chinh': 'postal',
  telecom: 'telecom',
  'vien thong': 'telecom',
  both: 'both',
  'buu chinh vien thong': 'both',
  'ca hai': 'both',
};

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim();
}

/** A short upper-case ASCII code from a name: "Viettel Post Bắc Giang" → "VPBG". */
export function codeFromName(name: string): string {
  const words = fold(name)
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const code = words.length === 1 ? words[0]!.slice(0, 8) : words.map((w) => w[0]).join('');
  return code.toUpperCase().slice(0, 12) || 'DN';
}

/**
 * Parses `name,sector[,code]` with a header row. Any bad row makes the whole file fail: the caller imports nothing
 * and shows every problem with its line number.
 */
export function parseEnterprisesCsv(
  text: string,
  existingCodes: Iterable<string> = [],
): { rows: EnterpriseRow[]; problems: ImportProblem[] } {
  const records = parseCsv(text);
  const problems: ImportProblem[] = [];
  const rows: EnterpriseRow[] = [];
  const header = (records[0]?.fields ?? []).map((h) => fold(h.trim()));
  if (header[0] !== 'name' || header[1] !== 'sector' || (header.length > 2 && header[2] !== 'code')) {
    return { rows: [], problems: [{ line: 1, message: 'dòng tiêu đề phải là: name,sector[,code]' }] };
  }
  const taken = new Map<string, number>();
  for (const c of existingCodes) taken.set(c.toUpperCase(), 0);
  // Generated codes must not take a code that a later row gives explicitly.
  const explicit = new Set(
    records
      .slice(1)
      .map((r) => (r.fields[2] ?? '').trim().toUpperCase())
      .filter(Boolean),
  );
  for (const { line, fields } of records.slice(1)) {
    if (fields.every((f) => f.trim() === '')) continue;
    const [name = '', sectorRaw = '', codeRaw = '', ...extra] = fields.map((f) => f.trim());
    const before = problems.length;
    if (extra.some((e) => e !== '')) problems.push({ line, message: 'thừa cột (chỉ có name,sector,code)' });
    if (!name) problems.push({ line, message: 'thiếu tên doanh nghiệp' });
    else if (name.length > 200) problems.push({ line, message: 'tên quá dài (tối đa 200 ký tự)' });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a name must be one printable line
    else if (/[\u0000-\u001f\u007f]/.test(name))
      problems.push({ line, message: 'tên có ký tự xuống dòng hoặc ký tự điều khiển' });
    const sector = lookup(SECTOR_ALIASES, fold(sectorRaw));
    if (!sector) {
      problems.push({
        line,
        message: `lĩnh vực không hợp lệ "${sectorRaw.slice(0, 40)}" (dùng: ${SECTORS.join(', ')})`,
      });
    }
    let code = codeRaw.toUpperCase();
    if (code && !/^[A-Z0-9_-]{1,20}$/.test(code)) {
      problems.push({
        line,
        message: `mã "${codeRaw.slice(0, 40)}" chỉ được gồm chữ, số, _ và - (tối đa 20 ký tự)`,
      });
    }
    if (!code && name) {
      const base = codeFromName(name);
      code = base;
      for (let n = 2; taken.has(code) || explicit.has(code); n++) code = `${base}${n}`;
    }
    if (code && taken.has(code)) {
      const first = taken.get(code);
      problems.push({
        line,
        message: first ? `mã "${code}" trùng với dòng ${first}` : `mã "${code}" đã có trong hệ thống`,
      });
    }
    if (problems.length === before && sector) {
      taken.set(code, line);
      rows.push({ line, name, sector, code });
    }
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ line: 1, message: 'tệp không có dòng dữ liệu nào' });
  return { rows: problems.length ? [] : rows, problems };
}
