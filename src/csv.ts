import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { t } from './texts/index.ts';

export interface CsvRecord {
  /** 1-based line where the record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
  /** Set when the record has a problem (a stray or unclosed quote): its fields are the reader's best guess. */
  malformed?: true;
}

export type CsvDelimiter = ',' | ';' | '\t';

/** A malformed spot in the text; the message is Vietnamese and safe to show as it is. */
export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvReadResult {
  records: CsvRecord[];
  delimiter: CsvDelimiter;
  /** Empty for well-formed text; the records are still the reader's best effort. */
  problems: CsvProblem[];
}

export interface CsvOptions {
  /** 'auto': from the header line (Vietnamese Excel writes `;`, since its decimal separator is the comma). */
  delimiter?: CsvDelimiter | 'auto';
}

export class CsvSyntaxError extends Error {
  constructor(readonly problems: CsvProblem[]) {
    super(problems.map((p) => t.lineProblem(p.line, p.message)).join('\n'));
    this.name = 'CsvSyntaxError';
  }
}

const DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t'];

/**
 * The delimiter the first line uses most outside quotes: `;`, `,` or tab (a tie goes to `;`, then `,`); `,` when the
 * line has none. An Excel `sep=;` first line names it outright.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const source = text.replace(/^\uFEFF/, '');
  const sep = /^sep=([;,\t])\r?(\n|$)/.exec(source);
  if (sep) return sep[1] as CsvDelimiter;
  const counts = new Map<string, number>();
  let quoted = false;
  for (const c of source) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/**
 * RFC 4180 with the tolerance people's files need: quoted fields may hold delimiters, doubled quotes and newlines;
 * CRLF, LF or a lone CR end a line; a BOM is ignored; spaces around a quoted field are dropped. A quote inside an
 * unquoted field, text after a closing quote and a quote never closed are problems naming their line (the quote is
 * kept as text, never silently dropped).
 */
export function readCsv(text: string, options: CsvOptions = {}): CsvReadResult {
  let source = text.replace(/^\uFEFF/, '');
  let line = 1;
  const requested = options.delimiter ?? ',';
  const delimiter = requested === 'auto' ? detectDelimiter(source) : requested;
  if (requested === 'auto') {
    const sep = /^sep=[;,\t]\r?(\n|$)/.exec(source);
    if (sep) {
      source = source.slice(sep[0].length);
      line = 2;
    }
  }
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let malformed = false;
  const problemAt = (at: number, message: string) => {
    malformed = true;
    if (!problems.some((p) => p.line === at && p.message === message)) problems.push({ line: at, message });
  };
  let fields: string[] = [];
  let field = '';
  /** 'start': nothing but spaces yet; 'plain': unquoted text; 'quoted': inside quotes; 'closed': after them. */
  let state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';
  let start = line;
  let pendingSpace = '';
  const isSpace = (c: string) => c === ' ' || (c === '\t' && delimiter !== '\t');
  const endField = () => {
    fields.push(state === 'start' ? pendingSpace : field);
    field = '';
    pendingSpace = '';
    state = 'start';
  };
  const endRecord = () => {
    endField();
    records.push(malformed ? { line: start, fields, malformed } : { line: start, fields });
    fields = [];
    malformed = false;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (state === 'quoted') {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') state = 'closed';
      else {
        if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === delimiter) {
      endField();
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
      continue;
    }
    if (state === 'start') {
      if (c === '"') {
        state = 'quoted';
        pendingSpace = '';
      } else if (isSpace(c)) pendingSpace += c;
      else {
        state = 'plain';
        field = pendingSpace + c;
        pendingSpace = '';
      }
    } else if (state === 'closed') {
      if (!isSpace(c)) {
        problemAt(line, t.csvAfterClosingQuote);
        field += c;
        state = 'plain';
      }
    } else {
      if (c === '"') {
        problemAt(line, t.csvStrayQuote);
      }
      field += c;
    }
  }
  if (state === 'quoted') problemAt(start, t.csvUnclosedQuote(start));
  if (state !== 'start' || pendingSpace !== '' || fields.length > 0) endRecord();
  problems.sort((a, b) => a.line - b.line);
  return { records, delimiter, problems };
}

/** The records of well-formed CSV (`,` unless told otherwise); throws CsvSyntaxError naming each bad line. */
export function parseCsv(text: string, options: CsvOptions = {}): CsvRecord[] {
  const { records, problems } = readCsv(text, options);
  if (problems.length) throw new CsvSyntaxError(problems);
  return records;
}

/**
 * CSV text for spreadsheets: CRLF line ends, a field quoted when it holds the delimiter, a quote, a line break or
 * edge spaces, and a UTF-8 BOM by default so Excel shows Vietnamese. Formula cells are the caller's concern.
 */
export function formatCsv(
  rows: readonly (readonly string[])[],
  options: { delimiter?: CsvDelimiter; bom?: boolean } = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const field = (value: string) =>
    value.includes(delimiter) || /["\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  const body = rows.map((row) => `${row.map(field).join(delimiter)}\r\n`).join('');
  return `${options.bom === false ? '' : '\uFEFF'}${body}`;
}

/**
 * A file's bytes as text: UTF-8 (with or without a BOM), or UTF-16 with its BOM (Excel's "Unicode Text"). Bytes
 * that are not UTF-8 (a file saved as "CSV" in the Windows code page) are a problem naming the first such line.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: CsvProblem } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const line = lossy.slice(0, Math.max(lossy.indexOf('\uFFFD'), 0)).split(/\r\n|\r|\n/).length;
    return { problem: { line, message: t.csvNotUtf8 } };
  }
}

const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

const under = (p: string, root: string) => p === root || p.startsWith(`${root}/`);

/**
 * Checks where a file is about to be written, before anything is computed or stored: the folder must exist and be
 * a real directory outside /proc, /sys and /dev (also through symbolic links), and the target must not be a
 * directory or anything but a regular file. Returns the absolute path, or a Vietnamese reason to refuse.
 */
export function checkOutputPath(out: string): { path: string } | { problem: string } {
  if (!out.trim()) return { problem: t.outNoName };
  const target = path.resolve(out);
  const dir = path.dirname(target);
  const dirStat = statSync(dir, { throwIfNoEntry: false });
  if (!dirStat) return { problem: t.outNoDir(dir) };
  if (!dirStat.isDirectory()) return { problem: t.outNotDir(dir) };
  let realDir: string;
  try {
    realDir = realpathSync(dir);
  } catch {
    return { problem: t.outUnreadableDir(dir) };
  }
  const system = SYSTEM_ROOTS.find((root) => under(target, root) || under(realDir, root));
  if (system) return { problem: t.outSystemDir(system) };
  const targetStat = statSync(target, { throwIfNoEntry: false });
  if (!targetStat && lstatSync(target, { throwIfNoEntry: false })) return { problem: t.outDanglingLink(out) };
  if (targetStat?.isDirectory()) return { problem: t.outIsDir(out, path.join(out, 'ten-tep.csv')) };
  if (targetStat && !targetStat.isFile()) return { problem: t.outNotFile(out) };
  if (targetStat) {
    const real = realpathSync(target);
    const root = SYSTEM_ROOTS.find((r) => under(real, r));
    if (root) return { problem: t.outSystemTarget(root) };
  }
  return { path: target };
}
