/**
 * A letter typed in Word: the header and the signature sit in borderless tables, duties are numbered by Word, a duty
 * roster is a table. The import reads it as it reads on paper.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  BorderStyle,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { docxHtmlToText } from '../../src/directive/docx-text.ts';
import { parseLetter } from '../../src/directive/parse.ts';
import { readLetterFile } from '../../src/directive/read-file.ts';
import { createEngine } from '../../src/qa/engine.ts';
import { knowledgeFromLetter } from '../../src/qa/knowledge.ts';

describe('docxHtmlToText', () => {
  it('writes out Word numbering: 1. 2. at the top, a) b) below, dashes for bullets', () => {
    const html =
      '<ol><li>Trực 24/24 giờ.<ol><li>Lãnh đạo trực.</li><li>Kỹ thuật trực.</li></ol></li><li><p>Báo cáo hằng ngày.</p></li></ol><ul><li>Như trên;</li></ul>';
    assert.equal(
      docxHtmlToText(html),
      '1. Trực 24/24 giờ.\n\na) Lãnh đạo trực.\n\nb) Kỹ thuật trực.\n\n2. Báo cáo hằng ngày.\n\n- Như trên;\n\n',
    );
  });

  it('reads a data table a row per paragraph, each cell under its column, the running number left out', () => {
    const row = (cells: string[]) => `<tr>${cells.map((c) => `<td><p>${c}</p></td>`).join('')}</tr>`;
    const html = `<table>${row(['STT', 'Họ và tên', 'Điện thoại', 'Ngày trực'])}${row(['1', 'Lê Quang Vinh', '0905 111 222', '07/02/2027 (mùng 2 Tết)'])}</table>`;
    assert.equal(
      docxHtmlToText(html),
      'Lê Quang Vinh; điện thoại: 0905 111 222; ngày trực: 07/02/2027 (mùng 2 Tết).\n\n',
    );
  });

  it('reads a layout table cell after cell, keeps blank paragraphs and decodes entities', () => {
    const html =
      '<table><tr><td><p>SỞ KHOA HỌC VÀ CÔNG NGHỆ</p></td><td><p>CỘNG HÒA &amp; …</p></td></tr></table><p></p><p>A &lt;b&gt; &#273;&#x1EA1;</p>';
    assert.equal(docxHtmlToText(html), 'SỞ KHOA HỌC VÀ CÔNG NGHỆ\n\nCỘNG HÒA & …\n\n\n\nA <b> đạ\n\n');
  });
});

describe('a letter written in Word', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'docx-letter-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borderless = {
    top: none,
    bottom: none,
    left: none,
    right: none,
    insideHorizontal: none,
    insideVertical: none,
  };
  const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const numbered = (text: string) => new Paragraph({ text, numbering: { reference: 'duties', level: 0 } });
  const cell = (lines: string[]) => new TableCell({ children: lines.map(para) });
  const columns = (left: string[], right: string[]) =>
    new Table({
      borders: borderless,
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ children: [cell(left), cell(right)] })],
    });
  const roster = new Table({
    rows: [
      ['STT', 'Họ và tên', 'Chức vụ', 'Điện thoại', 'Ngày trực'],
      ['1', 'Nguyễn Văn Hùng', 'Phó Giám đốc', '0912 345 678', '05/02/2027 (29 tháng Chạp)'],
      ['2', 'Trần Thị Mai', 'Trưởng phòng Bưu chính, Viễn thông', '0987 654 321', '06/02/2027 (mùng 1 Tết)'],
    ].map((r) => new TableRow({ children: r.map((c) => cell([c])) })),
  });

  it('imports the header, Word-numbered duties, the roster and the signature beside "Nơi nhận"', async () => {
    const doc = new Document({
      numbering: {
        config: [{ reference: 'duties', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }],
      },
      sections: [
        {
          children: [
            columns(
              [
                'ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN',
                'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
                'Số: 45/SKHCN-BCVT',
                'V/v bảo đảm thông tin liên lạc dịp Tết Nguyên đán Đinh Mùi năm 2027',
              ],
              [
                'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
                'Độc lập - Tự do - Hạnh phúc',
                'Phú Yên, ngày 15 tháng 01 năm 2027',
              ],
            ),
            para('Kính gửi: Các doanh nghiệp bưu chính, viễn thông trên địa bàn tỉnh.'),
            para(
              'Thực hiện Công văn số 120/BKHCN-CVT ngày 05/01/2027 của Bộ Khoa học và Công nghệ, Sở Khoa học và Công nghệ đề nghị các doanh nghiệp thực hiện các nội dung sau:',
            ),
            numbered('Dự phòng máy phát điện, nhiên liệu cho các trạm phát sóng vùng sâu, vùng xa.'),
            numbered(
              'Tổ chức trực 24/24 giờ từ ngày 04/02/2027 đến hết ngày 11/02/2027. Lịch trực của Sở như sau:',
            ),
            roster,
            numbered(
              'Báo cáo tổng kết gửi về Sở trước 16 giờ 00 ngày 15/02/2027 (mùng 10 Tết) qua thư điện tử bcvt.skhcn@phuyen.gov.vn.',
            ),
            para(
              'Đầu mối liên hệ: bà Trần Thị Mai, Trưởng phòng Bưu chính, Viễn thông, điện thoại 0987 654 321.',
            ),
            columns(
              ['Nơi nhận:', '- Như trên;', '- UBND tỉnh (b/c);', '- Lưu: VT, BCVT.'],
              ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '(Đã ký)', 'Nguyễn Văn Hùng'],
            ),
          ],
        },
      ],
    });
    const path = join(tmp, 'cong-van-phu-yen.docx');
    writeFileSync(path, await Packer.toBuffer(doc));
    const { letter } = parseLetter(await readLetterFile(path));
    assert.equal(letter.number, '45/SKHCN-BCVT');
    assert.equal(letter.date, '2027-01-15');
    assert.deepEqual(
      letter.outline.filter((o) => /^Mục/.test(o.title)).map((o) => o.id),
      ['1', '2', '3'],
      'Word numbering makes the duties parts 1 to 3',
    );
    assert.equal(letter.deadline?.date, '15/02/2027');
    assert.deepEqual(letter.recipients, ['Như trên', 'UBND tỉnh (b/c)', 'Lưu: VT, BCVT']);
    assert.deepEqual(letter.signer, {
      authority: 'KT. Giám đốc',
      title: 'Phó Giám đốc',
      name: 'Nguyễn Văn Hùng',
    });
    assert.equal(letter.hotline?.phone, '0987 654 321', 'the contact, not the first row of the roster');
    const rows = letter.clauses.filter((c) => /; điện thoại: /.test(c.text)).map((c) => c.text);
    assert.deepEqual(rows, [
      'Nguyễn Văn Hùng; chức vụ: Phó Giám đốc; điện thoại: 0912 345 678; ngày trực: 05/02/2027 (29 tháng Chạp).',
      'Trần Thị Mai; chức vụ: Trưởng phòng Bưu chính, Viễn thông; điện thoại: 0987 654 321; ngày trực: 06/02/2027 (mùng 1 Tết).',
    ]);
    const engine = createEngine({ knowledge: knowledgeFromLetter(letter) });
    assert.match(engine.ask('han nop bao cao').text, /16 giờ 00 ngày 15\/02\/2027/);
  });
});
