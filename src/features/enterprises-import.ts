import { readCsv } from '../csv.ts';
import type { Db } from '../db/client.ts';
import {
  insertEnterprises,
  listEnterprises,
  lockEnterpriseImport,
  updateEnterprises,
} from '../db/queries/enterprises.ts';
import type { Sector } from '../db/schema.ts';
import { lookup } from '../lookup.ts';
import { t } from '../texts/index.ts';

export interface EnterpriseRow {
  line: number;
  name: string;
  sector: Sector;
  code: string;
}

/** A row as the file gives it: `code` is '' when the file has no code for it. */
export type EnterpriseInput = EnterpriseRow;

export interface ImportProblem {
  line: number;
  message: string;
}

/** Folded words: "Bưu chính, viễn thông" and "buu chinh - vien thong" are both "buu chinh vien thong". */
const SECTOR_ALIASES: Record<string, Sector> = {
  postal: 'postal',
  'buu chinh': 'postal',
  'buu chinh chuyen phat': 'postal',
  'chuyen phat': 'postal',
  telecom: 'telecom',
  'vien thong': 'telecom',
  both: 'both',
  'ca hai': 'both',
  'buu chinh vien thong': 'both',
  'buu chinh va vien thong': 'both',
  'vien thong buu chinh': 'both',
  'vien thong va buu chinh': 'both',
  'postal telecom': 'both',
};

type Column = 'name' | 'sector' | 'code' | 'ignore';

/** Folded header → column. "STT" (the row number every Vietnamese spreadsheet starts with) is ignored. */
const HEADER_ALIASES: Record<string, Column> = {
  name: 'name',
  ten: 'name',
  'ten doanh nghiep': 'name',
  'ten dn': 'name',
  'doanh nghiep': 'name',
  'ten don vi': 'name',
  'don vi': 'name',
  sector: 'sector',
  'linh vuc': 'sector',
  'linh vuc hoat dong': 'sector',
  code: 'code',
  ma: 'code',
  'ma dn': 'code',
  'ma doanh nghiep': 'code',
  'ma don vi': 'code',
  stt: 'ignore',
  tt: 'ignore',
  'so thu tu': 'ignore',
};

/** Lower case, diacritics removed, đ → d, whitespace collapsed: how two spellings of one name are compared. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** foldName with punctuation as spaces: for headers and sector words. */
function foldWords(s: string): string {
  return foldName(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A short upper-case ASCII code from a name: "Viettel Post Bắc Giang" → "VPBG". */
export function codeFromName(name: string): string {
  const words = foldName(name)
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const code = words.length === 1 ? words[0]!.slice(0, 8) : words.map((w) => w[0]).join('');
  return code.toUpperCase().slice(0, 12) || 'DN';
}

function readHeader(fields: string[]): { columns: Column[] | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const columns: Column[] = [];
  const seen = new Map<Column, string>();
  for (const raw of fields) {
    const label = raw.trim();
    const folded = foldWords(label);
    if (!folded) {
      columns.push('ignore');
      continue;
    }
    const column = lookup(HEADER_ALIASES, folded);
    if (!column) {
      problems.push({ line: 1, message: t.importUnknownColumn(label.slice(0, 40)) });
      columns.push('ignore');
      continue;
    }
    if (column !== 'ignore' && seen.has(column)) {
      problems.push({
        line: 1,
        message: t.importDuplicateColumn(label.slice(0, 40), seen.get(column)!.slice(0, 40)),
      });
    }
    seen.set(column, label);
    columns.push(column);
  }
  if (problems.length === 0 && (!seen.has('name') || !seen.has('sector'))) {
    const missing = [
      ...(seen.has('name') ? [] : [t.importColumnName]),
      ...(seen.has('sector') ? [] : [t.importColumnSector]),
    ];
    problems.push({ line: 1, message: t.importMissingColumns(missing) });
  }
  return { columns: problems.length ? null : columns, problems };
}

/**
 * Reads the file as people make it: `,` or `;` (detected from the header line; Vietnamese Excel writes `;`), a BOM,
 * CRLF, headers in Vietnamese with or without diacritics or in English, in any case and order. Every row is checked;
 * explicit codes are upper-cased and must be unique in the file. `code` is '' where the file has none.
 */
export function readEnterprisesCsv(text: string): { rows: EnterpriseInput[]; problems: ImportProblem[] } {
  const csv = readCsv(text, { delimiter: 'auto' });
  const problems: ImportProblem[] = [...csv.problems];
  const rows: EnterpriseInput[] = [];
  const [headerRecord, ...records] = csv.records;
  const header = readHeader(headerRecord?.fields ?? []);
  if (!header.columns) {
    const line = headerRecord?.line ?? 1;
    return { rows: [], problems: [...problems, ...header.problems.map((p) => ({ ...p, line }))] };
  }
  const columns = header.columns;
  const codeLines = new Map<string, number>();
  for (const { line, fields, malformed } of records) {
    // A record with a stray quote is already a problem; its fields are a guess not worth more messages.
    if (malformed || fields.every((f) => f.trim() === '')) continue;
    const value = { name: '', sector: '', code: '' };
    let extra = false;
    fields.forEach((f, i) => {
      const column = columns[i];
      if (column === undefined) extra ||= f.trim() !== '';
      else if (column !== 'ignore') value[column] = f.trim();
    });
    const before = problems.length;
    const problem = (message: string) => problems.push({ line, message });
    if (extra) problem(t.importExtraColumns(fields.length, columns.length));
    const name = value.name.normalize('NFC');
    if (!name) problem(t.importNoName);
    else if (name.length > 200) problem(t.importNameTooLong);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a name must be one printable line
    else if (/[\u0000-\u001f\u007f]/.test(name)) problem(t.importNameControl);
    const sector = lookup(SECTOR_ALIASES, foldWords(value.sector));
    if (!value.sector) problem(t.importNoSector);
    else if (!sector) problem(t.importBadSector(value.sector.slice(0, 40)));
    const code = value.code.toUpperCase();
    if (code && !/^[A-Z0-9_-]{1,20}$/.test(code)) {
      problem(t.importBadCode(value.code.slice(0, 40)));
    } else if (code && codeLines.has(code)) {
      problem(t.importDuplicateCode(code, codeLines.get(code)!));
    } else if (code) codeLines.set(code, line);
    if (problems.length === before && sector) rows.push({ line, name, sector, code });
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 1, message: t.importNoRows });
  problems.sort((a, b) => a.line - b.line);
  return { rows: problems.length ? [] : rows, problems };
}

/** Gives each row without a code one derived from its name that is not in `taken` (which it extends). */
function deriveCodes<T extends { name: string; code: string }>(rows: T[], taken: Set<string>): T[] {
  // Where to go on counting for each base, so 50,000 similar names ("Công ty … số 1" …) stay linear.
  const next = new Map<string, number>();
  return rows.map((row) => {
    if (row.code) return row;
    const base = codeFromName(row.name);
    let code = base;
    let n = next.get(base) ?? 2;
    if (n > 2) code = `${base}${n++}`;
    while (taken.has(code)) code = `${base}${n++}`;
    next.set(base, n);
    taken.add(code);
    return { ...row, code };
  });
}

/**
 * Parses a file for insertion into a table that holds `existingCodes` (the demo seed): a code already there is a
 * problem, rows without a code get one derived from the name. The admin import uses `planEnterpriseImport`, which
 * updates instead.
 */
export function parseEnterprisesCsv(
  text: string,
  existingCodes: Iterable<string> = [],
): { rows: EnterpriseRow[]; problems: ImportProblem[] } {
  const { rows, problems } = readEnterprisesCsv(text);
  if (problems.length) return { rows, problems };
  const existing = new Set([...existingCodes].map((c) => c.toUpperCase()));
  const clashes = rows
    .filter((r) => r.code && existing.has(r.code))
    .map((r) => ({ line: r.line, message: t.importCodeTaken(r.code) }));
  if (clashes.length) return { rows: [], problems: clashes };
  // Generated codes must not take a code that a later row gives explicitly.
  const taken = new Set([...existing, ...rows.map((r) => r.code).filter(Boolean)]);
  return { rows: deriveCodes(rows, taken), problems: [] };
}

export interface ExistingEnterprise {
  id: number;
  code: string;
  name: string;
  sector: Sector;
}

type Field = 'code' | 'name' | 'sector';

export interface PlannedEnterprise extends EnterpriseRow {}
export interface MatchedEnterprise extends EnterpriseRow {
  id: number;
}
export interface UpdatedEnterprise extends MatchedEnterprise {
  changes: Partial<Record<Field, { from: string; to: string }>>;
}

export interface ImportPlan {
  created: PlannedEnterprise[];
  updated: UpdatedEnterprise[];
  unchanged: MatchedEnterprise[];
}

/**
 * Matches each row to an enterprise already stored: by code when the row has one, else (or when no enterprise has
 * that code) by folded name. A match with the same code, name and sector is unchanged; otherwise the file wins
 * (updated): its sector, its code when it gives one, and its name when matched by code (matched by name, the stored
 * spelling stays). Rows that match nothing are created, with a code derived from the name when they have none. Two rows
 * naming one enterprise, a rename onto another enterprise's name, or a name shared by several stored enterprises
 * without a code to tell them apart are problems: nothing is imported.
 */
export function planEnterpriseImport(
  rows: EnterpriseInput[],
  existing: ExistingEnterprise[],
): { plan: ImportPlan; problems: ImportProblem[] } {
  const byCode = new Map(existing.map((e) => [e.code.toUpperCase(), e]));
  const byName = new Map<string, ExistingEnterprise[]>();
  for (const e of existing) {
    const key = foldName(e.name);
    const named = byName.get(key);
    if (named) named.push(e);
    else byName.set(key, [e]);
  }
  const problems: ImportProblem[] = [];
  const nameLines = new Map<string, { line: number; coded: boolean }>();
  const claimed = new Map<number, number>();
  const plan: ImportPlan = { created: [], updated: [], unchanged: [] };
  const created: EnterpriseInput[] = [];
  for (const input of rows) {
    const row = { ...input, name: input.name.replace(/\s+/g, ' ') };
    const { line } = row;
    const folded = foldName(row.name);
    // One name twice is one enterprise twice, unless both rows give a code to tell them apart.
    const first = nameLines.get(folded);
    if (first && !(first.coded && row.code)) {
      problems.push({ line, message: t.importDuplicateName(row.name.slice(0, 60), first.line) });
      continue;
    }
    if (!first) nameLines.set(folded, { line, coded: !!row.code });
    let match = row.code ? byCode.get(row.code) : undefined;
    const byCodeMatch = !!match;
    if (!match) {
      const named = byName.get(folded) ?? [];
      if (named.length > 1) {
        const codes = named
          .slice(0, 5)
          .map((e) => e.code)
          .join(', ');
        problems.push({ line, message: t.importAmbiguousName(named.length, codes) });
        continue;
      }
      match = named[0];
    }
    if (!match) {
      created.push(row);
      continue;
    }
    const claimedBy = claimed.get(match.id);
    if (claimedBy !== undefined) {
      problems.push({ line, message: t.importSameEnterprise(match.code, claimedBy) });
      continue;
    }
    claimed.set(match.id, line);
    const other =
      foldName(match.name) === folded ? undefined : (byName.get(folded) ?? []).find((e) => e.id !== match.id);
    if (other) {
      problems.push({ line, message: t.importRenameClash(match.code, row.name.slice(0, 60), other.code) });
      continue;
    }
    // Matched by name, the name is the same one however it is written: the stored spelling stays (a file typed
    // without diacritics must not strip them). Matched by code, the file's name is a rename.
    const after = {
      code: row.code || match.code,
      name: byCodeMatch ? row.name : match.name,
      sector: row.sector,
    };
    const changes: UpdatedEnterprise['changes'] = {};
    for (const field of ['code', 'name', 'sector'] as const) {
      if (after[field] !== match[field]) changes[field] = { from: match[field], to: after[field] };
    }
    const entry = { line, id: match.id, ...after };
    if (Object.keys(changes).length) plan.updated.push({ ...entry, changes });
    else plan.unchanged.push(entry);
  }
  const taken = new Set([
    ...existing.map((e) => e.code.toUpperCase()),
    ...rows.map((r) => r.code).filter(Boolean),
  ]);
  plan.created = deriveCodes(created, taken);
  problems.sort((a, b) => a.line - b.line);
  return { plan, problems };
}

/** A database failure, told without the SQL or its parameters (they may hold whole rows of the file). */
export class EnterpriseImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnterpriseImportError';
  }
}

/**
 * What went wrong with the database, in Vietnamese, from the driver's error code only: a DrizzleQueryError's
 * message holds the SQL and its parameters, and PostgreSQL's own message may quote a value.
 */
export function describeDatabaseError(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const code = (cause as { code?: unknown } | null)?.code;
  const constraint = (cause as { constraint_name?: unknown; constraint?: unknown } | null) ?? {};
  const constraintName =
    typeof constraint.constraint_name === 'string'
      ? constraint.constraint_name
      : typeof constraint.constraint === 'string'
        ? constraint.constraint
        : undefined;
  if (typeof code !== 'string') return t.adminDbUnknown;
  if (code === '23505') return t.adminDbDuplicate(constraintName);
  if (code === '54000' || code === '08P01') return t.adminDbTooLarge(code);
  if (code === '57014') return t.adminDbCancelled;
  if (code === '40001' || code === '40P01') return t.adminDbConflict(code);
  if (code.startsWith('08') || /^E[A-Z]+$/.test(code) || code.startsWith('CONNECT'))
    return t.adminDbUnreachable(code);
  if (code === '28P01' || code === '28000') return t.adminDbLoginRefused(code);
  if (code === '3D000') return t.adminDbNoDatabase;
  return t.adminDbOther(code.slice(0, 20));
}

export type ImportOutcome = { ok: true; plan: ImportPlan } | { ok: false; problems: ImportProblem[] };

/**
 * The admin CLI's import: read the file, match it against the stored enterprises and write the plan, all in one
 * transaction under an import lock, in statements of at most 1,000 rows. Any problem → nothing is written.
 * A database failure throws EnterpriseImportError (nothing is written either).
 */
export async function importEnterprises(db: Db, text: string): Promise<ImportOutcome> {
  const read = readEnterprisesCsv(text);
  if (read.problems.length) return { ok: false, problems: read.problems };
  try {
    return await db.transaction(async (tx) => {
      await lockEnterpriseImport(tx);
      const { plan, problems } = planEnterpriseImport(read.rows, await listEnterprises(tx));
      if (problems.length) return { ok: false, problems };
      await updateEnterprises(tx, plan.updated);
      const inserted = await insertEnterprises(
        tx,
        plan.created.map(({ code, name, sector }) => ({ code, name, sector })),
      );
      if (inserted.length !== plan.created.length) throw new Error('insert count mismatch');
      return { ok: true, plan } as const;
    });
  } catch (err) {
    throw new EnterpriseImportError(t.importDbFailed(describeDatabaseError(err)));
  }
}

const LIST_LIMIT = 20;

function listNames(items: { name: string; code: string }[], describe?: (i: number) => string): string[] {
  const lines = items
    .slice(0, LIST_LIMIT)
    .map((e, i) => `  ${e.name} (${e.code})${describe ? describe(i) : ''}`);
  if (items.length > LIST_LIMIT) lines.push(`  ${t.importMore(items.length - LIST_LIMIT)}`);
  return lines;
}

function showValue(field: Field, value: string): string {
  return field === 'sector' ? (lookup(t.sectorNames, value) ?? value) : `"${value}"`;
}

/** The import's answer for the terminal, in Vietnamese: counts, then names (at most 20 per group). */
export function formatImportReport(plan: ImportPlan): string {
  const { created, updated, unchanged } = plan;
  const lines = [t.importDone(created.length, updated.length, unchanged.length)];
  if (created.length) lines.push(t.importCreatedTitle(created.length), ...listNames(created));
  if (updated.length)
    lines.push(
      t.importUpdatedTitle(updated.length),
      ...listNames(updated, (i) => {
        const changes = updated[i]!.changes;
        const parts = (Object.keys(changes) as Field[]).map(
          (f) =>
            `${t.importFieldNames[f]} ${showValue(f, changes[f]!.from)} → ${showValue(f, changes[f]!.to)}`,
        );
        return `: ${parts.join('; ')}`;
      }),
    );
  if (unchanged.length) lines.push(t.importUnchangedTitle(unchanged.length), ...listNames(unchanged));
  return lines.join('\n');
}

/** Every problem with its line, in Vietnamese. */
export function formatImportProblems(problems: ImportProblem[]): string {
  return t.importRejected(
    problems.length,
    problems.map((p) => `  ${t.lineProblem(p.line, p.message)}`),
  );
}
