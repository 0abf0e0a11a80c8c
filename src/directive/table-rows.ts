/**
 * A row of a data table (a duty roster, a list of contacts) written as one paragraph, the same whether the table
 * came from Word or was typed as text: its first cell, then each other cell after its column's name ("Lê Quang
 * Vinh; chức vụ: Chuyên viên; điện thoại: 0905 111 222; ngày trực: 07/02/2027 (mùng 2 Tết)."), so one person's
 * name, phone and day stay together and say what they are. The running number ("STT") says nothing and is left out.
 */

const ORDINAL_COLUMN = /^(?:stt|tt|số tt|số thứ tự|thứ tự|no\.?)$/iu;

/** One data row as a paragraph, or null when it holds nothing but its running number. */
export function tableRowText(names: readonly string[], cells: readonly string[]): string | null {
  const fields = cells.flatMap((cell, i) => {
    const value = cell.replace(/\s+/gu, ' ').trim();
    const name = (names[i] ?? '').replace(/\s+/gu, ' ').trim();
    return value && !ORDINAL_COLUMN.test(name) ? [{ name, value }] : [];
  });
  const [lead, ...rest] = fields;
  if (!lead) return null;
  const named = rest.map(({ name, value }) => (name ? `${name.toLocaleLowerCase('vi')}: ${value}` : value));
  return `${[lead.value, ...named].join('; ').replace(/[\s.;]+$/u, '')}.`;
}

/** Whether a paragraph is such a row: a first cell, then "; column name: value" at least once. */
export const TABLE_ROW_RE = /^[^;:\n]{1,120}; [\p{Ll}][\p{L}\d ./&()-]{0,40}: \S/u;

// The separators of a table typed as text: " | " between cells (a leading and a trailing one allowed), or tabs.
const PIPE_RE = /\s*\|\s*/u;
// "|---|:---:|": the line under a header in a table written as Markdown.
const RULE_RE = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/u;

function cellsOf(line: string): { cells: string[]; by: 'pipe' | 'tab' } | null {
  const trimmed = line.trim();
  if (trimmed.includes('|')) {
    const cells = trimmed
      .replace(/^\|/u, '')
      .replace(/\|$/u, '')
      .split(PIPE_RE)
      .map((c) => c.trim());
    return cells.length >= 3 ? { cells, by: 'pipe' } : null;
  }
  if (trimmed.includes('\t')) {
    const cells = trimmed.split(/\t+/u).map((c) => c.trim());
    return cells.length >= 3 ? { cells, by: 'tab' } : null;
  }
  return null;
}

// A header names columns: no figure, no date, no phone in it, every cell short and filled.
const isHeader = (cells: readonly string[]): boolean =>
  cells.every((c) => c.length > 0 && c.length <= 40 && !/\d{2}/u.test(c));

/**
 * Lines of a letter typed as text with its tables written out: a run of consecutive lines with the same number of
 * cells (three or more) between " | " or tabs, the first naming the columns, becomes a paragraph per data row, as a
 * table in a .docx does. Any other line is kept as it is.
 */
export function textTablesAsRows(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = cellsOf(lines[i]!);
    if (!head || !isHeader(head.cells)) {
      out.push(lines[i]!);
      continue;
    }
    const rows: string[][] = [];
    let j = i + 1;
    if (head.by === 'pipe' && RULE_RE.test(lines[j]?.trim() ?? '')) j++;
    for (; j < lines.length; j++) {
      const row = cellsOf(lines[j]!);
      if (!row || row.by !== head.by || row.cells.length !== head.cells.length) break;
      rows.push(row.cells);
    }
    if (rows.length === 0) {
      out.push(lines[i]!);
      continue;
    }
    for (const row of rows) {
      const text = tableRowText(head.cells, row);
      if (text) out.push('', text);
    }
    out.push('');
    i = j - 1;
  }
  return out;
}
