/**
 * A table typed as text (" | " between cells, or tabs) is read as a table in a .docx is: a paragraph per data row,
 * its first cell, then each other cell after its column's name, the running number left out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docxHtmlToText } from '../../src/directive/docx-text.ts';
import { parseLetter } from '../../src/directive/parse.ts';
import { textTablesAsRows } from '../../src/directive/table-rows.ts';
import { smallLetter } from '../helpers/small-letter.ts';

const ROW =
  'Lê Quang Vinh; chức vụ: Chuyên viên; điện thoại: 0905 111 222; ngày trực: 07/02/2027 (mùng 2 Tết).';

describe('textTablesAsRows', () => {
  it('writes a " | " table as a .docx table is written', () => {
    const lines = [
      'STT | Họ và tên | Chức vụ | Điện thoại | Ngày trực',
      '1 | Lê Quang Vinh | Chuyên viên | 0905 111 222 | 07/02/2027 (mùng 2 Tết)',
    ];
    const cells = (r: string[]) => `<tr>${r.map((c) => `<td><p>${c}</p></td>`).join('')}</tr>`;
    const docx = docxHtmlToText(`<table>${lines.map((l) => cells(l.split(' | '))).join('')}</table>`).trim();
    assert.deepEqual(textTablesAsRows(lines).filter(Boolean), [ROW]);
    assert.equal(docx, ROW);
  });

  it('reads tabs and a Markdown table, its rule line skipped', () => {
    assert.deepEqual(
      textTablesAsRows(['Đơn vị\tNgười đầu mối\tĐiện thoại', 'VNPT\tÔng Hà Văn Bình\t0913 222 333']).filter(
        Boolean,
      ),
      ['VNPT; người đầu mối: Ông Hà Văn Bình; điện thoại: 0913 222 333.'],
    );
    assert.deepEqual(
      textTablesAsRows([
        '| Ngày | Lãnh đạo | Cán bộ |',
        '|---|---|---|',
        '| Mùng 1 | Ông An | Bà Hồng |',
      ]).filter(Boolean),
      ['Mùng 1; lãnh đạo: Ông An; cán bộ: Bà Hồng.'],
    );
  });

  it('leaves alone two columns of a layout, a lone line, and rows under no header', () => {
    const layout = [
      'UBND TỈNH BẮC KẠN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ KHCN\tĐộc lập - Tự do - Hạnh phúc',
    ];
    assert.deepEqual(textTablesAsRows(layout), layout);
    const lone = ['Họ và tên | Chức vụ | Điện thoại'];
    assert.deepEqual(textTablesAsRows(lone), lone);
    const noHeader = ['1 | Lê Quang Vinh | 0905 111 222', '2 | Trần Thị Mai | 0987 654 321'];
    assert.deepEqual(textTablesAsRows(noHeader), noHeader);
  });
});

describe('a letter with a roster typed as a table', () => {
  it('makes each row a paragraph of its own, even after prose', () => {
    const { letter } = parseLetter(
      smallLetter(`
1. Lịch trực
Cán bộ trực Tết của Sở gồm những người sau, mỗi người trực một ngày

STT | Họ và tên | Chức vụ | Điện thoại | Ngày trực
1 | Lê Quang Vinh | Chuyên viên | 0905 111 222 | 07/02/2027 (mùng 2 Tết)
2 | Trần Thị Mai | Trưởng phòng | 0987 654 321 | 08/02/2027 (mùng 3 Tết)

2. Các doanh nghiệp gửi báo cáo về Sở trước 16 giờ 00 ngày 12/02/2027.
`),
    );
    const rows = letter.clauses.filter((c) => /; điện thoại: /.test(c.text)).map((c) => c.text);
    assert.deepEqual(rows, [
      ROW,
      'Trần Thị Mai; chức vụ: Trưởng phòng; điện thoại: 0987 654 321; ngày trực: 08/02/2027 (mùng 3 Tết).',
    ]);
  });
});
