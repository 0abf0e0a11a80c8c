import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CsvSyntaxError, decodeText, detectDelimiter, formatCsv, parseCsv, readCsv } from '../../src/csv.ts';

describe('csv reader', () => {
  test('the delimiter comes from the header line: `;` from Vietnamese Excel, `,`, tab; sep= names it', () => {
    assert.equal(detectDelimiter('Tên doanh nghiệp;Lĩnh vực;Mã DN\r\nA,b;c;d\r\n'), ';');
    assert.equal(detectDelimiter('\uFEFFname,sector,code\n'), ',');
    assert.equal(detectDelimiter('"Tên; có chấm phẩy",Lĩnh vực\n'), ',', 'quoted delimiters do not count');
    assert.equal(detectDelimiter('Tên\tLĩnh vực\n'), '\t');
    assert.equal(detectDelimiter('Tên\n'), ',');
    assert.equal(detectDelimiter('sep=;\nname,sector\n'), ';');
    const { records, delimiter } = readCsv('sep=;\r\nTên;Lĩnh vực\r\nA;b\r\n', { delimiter: 'auto' });
    assert.equal(delimiter, ';');
    assert.deepEqual(records, [
      { line: 2, fields: ['Tên', 'Lĩnh vực'] },
      { line: 3, fields: ['A', 'b'] },
    ]);
  });

  test('BOM, CRLF, quoted delimiters, doubled quotes and line breaks; spaces around a quoted field', () => {
    const { records, problems } = readCsv('\uFEFFa;b\r\n"x;y"; "say ""hi""" \r\n"two\r\nlines";z\r\n', {
      delimiter: ';',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(records, [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x;y', 'say "hi"'] },
      { line: 3, fields: ['two\r\nlines', 'z'] },
    ]);
  });

  test('a quote inside an unquoted field is a problem naming its line, and the quote is kept', () => {
    const { records, problems } = readCsv('name,sector\nCông ty "Sao Mai",postal\nok,telecom\n');
    assert.deepEqual(problems, [
      {
        line: 2,
        message:
          'có dấu ngoặc kép (") giữa ô không bọc trong ngoặc kép (bọc cả ô trong ngoặc kép, ngoặc kép bên trong viết "")',
      },
    ]);
    assert.deepEqual(records[1], { line: 2, fields: ['Công ty "Sao Mai"', 'postal'], malformed: true });
    assert.equal(records[2]?.malformed, undefined);
  });

  test('text after a closing quote, and a quote never closed, name their lines', () => {
    const after = readCsv('a,b\n"x"y,z\n');
    assert.equal(after.problems[0]?.line, 2);
    assert.match(after.problems[0]!.message, /ngay sau dấu ngoặc kép đóng/);
    const open = readCsv('a,b\nx,y\n"never closed,z\nmore\n');
    assert.deepEqual(
      open.problems.map((p) => [p.line, p.message]),
      [[3, 'dấu ngoặc kép mở ở dòng 3 không được đóng']],
    );
    assert.throws(
      () => parseCsv('a,b\nx"y,z\n'),
      (err: unknown) => {
        assert.ok(err instanceof CsvSyntaxError);
        assert.match(err.message, /^dòng 2: có dấu ngoặc kép/);
        return true;
      },
    );
  });

  test('formatCsv: BOM, CRLF and quoting that readCsv reads back exactly', () => {
    const rows = [
      ['Mã DN', 'Tên doanh nghiệp', 'Ghi chú'],
      ['VNPT', 'VNPT; Bắc Giang', 'có "ngoặc kép", dấu phẩy\nvà xuống dòng'],
      ['X', ' cách ở đầu', ''],
    ];
    for (const delimiter of [',', ';'] as const) {
      const text = formatCsv(rows, { delimiter });
      assert.ok(text.startsWith('\uFEFFMã DN'));
      assert.ok(text.endsWith('\r\n'));
      const back = readCsv(text, { delimiter: 'auto' });
      assert.deepEqual(back.problems, []);
      assert.equal(back.delimiter, delimiter);
      assert.deepEqual(
        back.records.map((r) => r.fields),
        rows,
      );
    }
  });

  test('decodeText: UTF-8 with or without BOM, UTF-16 with BOM; other bytes name the first bad line', () => {
    assert.deepEqual(decodeText(Buffer.from('Tên;Lĩnh vực\n', 'utf8')), { text: 'Tên;Lĩnh vực\n' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tên\tLĩnh vực\n', 'utf16le')]);
    assert.deepEqual(decodeText(utf16), { text: 'Tên\tLĩnh vực\n' });
    const cp1258 = Buffer.from([...Buffer.from('name,sector\nok,postal\n'), 0x42, 0xf5, 0x75, 0x0a]);
    const result = decodeText(cp1258);
    assert.ok('problem' in result);
    assert.equal(result.problem.line, 3);
  });
});
