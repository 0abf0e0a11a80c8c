import { tableRowText } from './table-rows.ts';

/**
 * The text of a .docx letter from mammoth's HTML, laid out as a department's letter reads on paper:
 * - a paragraph per block, a blank line after each, as mammoth's raw text gives them;
 * - Word's automatic numbering, which the raw text drops, written out ("1. ", "a) ", "- "), so numbered duties stay
 *   numbered parts;
 * - a table of data (a duty roster, a list of contacts: two rows or more, three columns or more) a paragraph per row,
 *   its first cell, then each other cell after its column's name ("Lê Quang Vinh; điện thoại: 0905 111 222; ngày
 *   trực: 07/02/2027"), so one person's name, phone and day stay together and say what they are; a layout table (the
 *   header's two
 *   columns, "Nơi nhận" beside the signature) cell after cell, as the raw text gives it.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

interface Cell {
  blocks: string[];
}
interface TableState {
  rows: Cell[][];
}
interface ListState {
  ordered: boolean;
  count: number;
}

const LETTERS = 'abcdefghiklmnopqrstuvxy';

function listMarker(lists: ListState[]): string {
  const list = lists.at(-1);
  if (!list) return '';
  if (!list.ordered) return lists.length > 1 ? '+ ' : '- ';
  if (lists.filter((l) => l.ordered).length >= 2) return `${LETTERS[(list.count - 1) % LETTERS.length]}) `;
  return `${list.count}. `;
}

const cellText = (cell: Cell | undefined): string =>
  (cell?.blocks ?? []).join(' ').replace(/\s+/g, ' ').trim();

function renderTable(table: TableState): string[] {
  const columns = Math.max(0, ...table.rows.map((r) => r.length));
  if (table.rows.length < 2 || columns < 3)
    return table.rows.flatMap((row) => row.flatMap((cell) => cell.blocks));
  const [head = [], ...body] = table.rows;
  const names = head.map(cellText);
  return body.flatMap((row) => tableRowText(names, row.map(cellText)) ?? []);
}

export function docxHtmlToText(html: string): string {
  const out: string[] = [];
  const tables: TableState[] = [];
  const lists: ListState[] = [];
  let current = '';
  // Word numbers one list across a table set inside it (mammoth closes the list before the table and opens another
  // after it): the top-level count goes on until a paragraph outside any list.
  let carried = 0;

  // An empty paragraph is a blank line, as in the raw text: it may be all that parts the columns of a layout.
  const emit = (block: string, keepEmpty = false, ofTable = false): void => {
    // Runs of spaces stay: "- Như trên;          PHÓ GIÁM ĐỐC" is two columns typed with spaces.
    const text = block.trim();
    if (!text && !keepEmpty) return;
    const table = tables.at(-1);
    const cell = table?.rows.at(-1)?.at(-1);
    if (cell) cell.blocks.push(text);
    else {
      if (text && lists.length === 0 && !ofTable) carried = 0;
      out.push(text);
    }
  };
  const flush = (keepEmpty = false): void => {
    emit(current, keepEmpty);
    current = '';
  };

  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/gi)) {
    const [, closing, rawTag, selfClosing, text] = m;
    if (text !== undefined) {
      current += decode(text);
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (tag === 'br') {
      current += '\n';
      continue;
    }
    if (closing) {
      if (/^(?:p|h[1-6]|li)$/.test(tag)) flush(tag === 'p');
      else if (tag === 'ol' || tag === 'ul') {
        flush();
        const list = lists.pop();
        if (list?.ordered && lists.length === 0 && tables.length === 0) carried = list.count;
      } else if (tag === 'td' || tag === 'th') flush();
      else if (tag === 'table') {
        flush();
        const table = tables.pop();
        if (table) for (const block of renderTable(table)) emit(block, false, true);
      }
      continue;
    }
    if (selfClosing) continue;
    // A paragraph inside a list item keeps the item's number.
    if (/^(?:p|h[1-6])$/.test(tag)) {
      if (!/^(?:\d+\. |[a-z]\) |[-+] )$/.test(current)) flush();
    } else if (tag === 'ol' || tag === 'ul') {
      flush();
      const top = lists.length === 0 && tables.length === 0;
      lists.push({ ordered: tag === 'ol', count: tag === 'ol' && top ? carried : 0 });
    } else if (tag === 'li') {
      flush();
      const list = lists.at(-1);
      if (list) list.count++;
      current = listMarker(lists);
    } else if (tag === 'table') {
      flush();
      tables.push({ rows: [] });
    } else if (tag === 'tr') tables.at(-1)?.rows.push([]);
    else if (tag === 'td' || tag === 'th') {
      flush();
      tables.at(-1)?.rows.at(-1)?.push({ blocks: [] });
    }
  }
  flush();
  while (tables.length > 0) for (const block of renderTable(tables.pop()!)) emit(block);
  return out.map((block) => `${block}\n\n`).join('');
}
