import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { listEnterprises } from '../../src/db/queries/enterprises.ts';
import { rowsOf } from '../../src/db/raw.ts';
import { foldName, planEnterpriseImport, readEnterprisesCsv } from '../../src/features/enterprises-import.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { admin, removeTempDirs, tempDir, withDatabase } from './cli.ts';

const BOM = '\uFEFF';

/** What Vietnamese Excel writes with "CSV UTF-8": a BOM, `;`, CRLF, the headers as people type them. */
const EXCEL_CSV = `${BOM}${[
  'STT;Tên doanh nghiệp;Lĩnh vực;Mã DN',
  '1;Viettel Bắc Giang;Viễn thông;VIETTEL',
  '2;Bưu điện tỉnh Bắc Giang;bưu chính, viễn thông;',
  '3;"Giao Hàng Nhanh; chi nhánh Bắc Giang";Bưu chính;GHN',
  '4;J&T Express Bắc Giang;buu chinh;',
  '5;VNPT Bắc Giang;VIỄN THÔNG;vnpt',
].join('\r\n')}\r\n`;

/** The same list without codes, headers without diacritics, in another case. */
const NO_CODES_CSV = [
  'TEN DOANH NGHIEP;linh vuc',
  'MobiFone Bắc Giang;vien thong',
  'Viettel Post Bắc Giang;postal',
  'Bưu chính Viettel;cả hai',
].join('\n');

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('reading the enterprises file (no database)', () => {
  test('`;`, BOM, CRLF and Vietnamese headers with or without diacritics, in any case and order', () => {
    const { rows, problems } = readEnterprisesCsv(EXCEL_CSV);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      rows.map((r) => [r.line, r.name, r.sector, r.code]),
      [
        [2, 'Viettel Bắc Giang', 'telecom', 'VIETTEL'],
        [3, 'Bưu điện tỉnh Bắc Giang', 'both', ''],
        [4, 'Giao Hàng Nhanh; chi nhánh Bắc Giang', 'postal', 'GHN'],
        [5, 'J&T Express Bắc Giang', 'postal', ''],
        [6, 'VNPT Bắc Giang', 'telecom', 'VNPT'],
      ],
    );
    for (const header of [
      'Tên,Lĩnh vực,Mã',
      'name,sector,code',
      'NAME;SECTOR',
      'ten doanh nghiep,linh vuc,ma dn',
      'Mã DN;Lĩnh vực;Tên doanh nghiệp',
      'Lĩnh Vực\tTên',
    ]) {
      const delimiter = header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
      const cells: Record<string, string> = { name: 'Bưu điện tỉnh', sector: 'cả hai', code: 'BD' };
      const order = header.split(delimiter).map((h) => {
        const f = foldName(h);
        return f.startsWith('ma') || f === 'code'
          ? 'code'
          : f.startsWith('linh') || f === 'sector'
            ? 'sector'
            : 'name';
      });
      const { rows: parsed, problems: p } = readEnterprisesCsv(
        `${header}\n${order.map((c) => cells[c]).join(delimiter)}\n`,
      );
      assert.deepEqual(p, [], header);
      assert.equal(parsed[0]?.name, 'Bưu điện tỉnh', header);
      assert.equal(parsed[0]?.sector, 'both', header);
    }
  });

  test('every spelling of the sectors', () => {
    const cases: [string, string][] = [
      ['bưu chính', 'postal'],
      ['Buu Chinh', 'postal'],
      ['postal', 'postal'],
      ['viễn thông', 'telecom'],
      ['VIEN THONG', 'telecom'],
      ['telecom', 'telecom'],
      ['cả hai', 'both'],
      ['ca hai', 'both'],
      ['both', 'both'],
      ['"bưu chính, viễn thông"', 'both'],
      ['Bưu chính - Viễn thông', 'both'],
    ];
    const text = `name,sector\n${cases.map(([s], i) => `DN ${i},${s}`).join('\n')}\n`;
    const { rows, problems } = readEnterprisesCsv(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      rows.map((r) => r.sector),
      cases.map(([, s]) => s),
    );
  });

  test('a bad header names what it expects', () => {
    const { rows, problems } = readEnterprisesCsv('Doanh nghiep;Dia chi\nA;B\n');
    assert.deepEqual(rows, []);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 1);
    assert.match(problems[0]!.message, /không hiểu cột "Dia chi".*Tên doanh nghiệp; Lĩnh vực; Mã DN/);
    assert.match(readEnterprisesCsv('Tên;Mã\nA;B\n').problems[0]!.message, /thiếu cột Lĩnh vực/);
  });

  test('matching: by code first, then by folded name; a name twice in the file is a problem', () => {
    const existing = [
      { id: 1, code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' as const },
      { id: 2, code: 'BDT', name: 'Bưu Điện  tỉnh Bắc Giang', sector: 'postal' as const },
    ];
    const { rows } = readEnterprisesCsv(
      'Tên;Lĩnh vực;Mã\nViettel Bắc Giang (mới);viễn thông;viettel\nbuu dien tinh bac giang;cả hai;\nMới;bưu chính;\n',
    );
    const { plan, problems } = planEnterpriseImport(rows, existing);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      plan.updated.map((u) => [u.id, u.code, u.name, u.changes]),
      [
        [
          1,
          'VIETTEL',
          'Viettel Bắc Giang (mới)',
          { name: { from: 'Viettel Bắc Giang', to: 'Viettel Bắc Giang (mới)' } },
        ],
        // Matched by name: the stored spelling (with its diacritics) stays; only the sector changes.
        [2, 'BDT', 'Bưu Điện  tỉnh Bắc Giang', { sector: { from: 'postal', to: 'both' } }],
      ],
    );
    assert.deepEqual(
      plan.created.map((c) => [c.name, c.code]),
      [['Mới', 'MOI']],
    );
    const twice = planEnterpriseImport(
      readEnterprisesCsv('name,sector\nMới,postal\nMOI,telecom\n').rows,
      existing,
    );
    assert.deepEqual(twice.problems, [{ line: 3, message: 'tên "MOI" trùng với dòng 2' }]);
  });
});

describe('enterprises import through the CLI', () => {
  let database: TestDatabase;
  const dir = tempDir();
  const enterpriseRows = () => withDatabase(database, ({ db }) => listEnterprises(db));

  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.drop();
  });

  test('a `;` file with Vietnamese headers is imported, and the report says what was created', async () => {
    const run = await admin(database, ['enterprises', 'import', write(dir, 'excel.csv', EXCEL_CSV)]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Đã nhập xong: 5 doanh nghiệp mới, 0 cập nhật, 0 không đổi\./);
    assert.match(run.stdout, /Thêm mới \(5\):/);
    assert.match(run.stdout, /Giao Hàng Nhanh; chi nhánh Bắc Giang \(GHN\)/);
    const stored = await enterpriseRows();
    assert.deepEqual(stored.map((e) => [e.code, e.name, e.sector]).sort(), [
      ['BDTBG', 'Bưu điện tỉnh Bắc Giang', 'both'],
      ['GHN', 'Giao Hàng Nhanh; chi nhánh Bắc Giang', 'postal'],
      ['JTEBG', 'J&T Express Bắc Giang', 'postal'],
      ['VIETTEL', 'Viettel Bắc Giang', 'telecom'],
      ['VNPT', 'VNPT Bắc Giang', 'telecom'],
    ]);
  });

  test('importing a file without codes twice: the second time everything is unchanged, nothing duplicated', async () => {
    const file = write(dir, 'no-codes.csv', NO_CODES_CSV);
    const first = await admin(database, ['enterprises', 'import', file, '--json']);
    assert.equal(first.code, 0, first.stderr);
    const firstJson = JSON.parse(first.stdout);
    assert.deepEqual(firstJson.counts, { created: 3, updated: 0, unchanged: 0 });
    const count = (await enterpriseRows()).length;

    const second = await admin(database, ['enterprises', 'import', file, '--json']);
    assert.equal(second.code, 0, second.stderr);
    const json = JSON.parse(second.stdout);
    assert.equal(json.ok, true);
    assert.deepEqual(json.counts, { created: 0, updated: 0, unchanged: 3 });
    assert.deepEqual(
      json.unchanged.map((e: { name: string }) => e.name),
      ['MobiFone Bắc Giang', 'Viettel Post Bắc Giang', 'Bưu chính Viettel'],
    );
    assert.equal((await enterpriseRows()).length, count, 'no duplicates');

    // The same names typed without diacritics, in another case, with extra spaces: still the same enterprises.
    const sloppy = await admin(database, [
      'enterprises',
      'import',
      write(
        dir,
        'sloppy.csv',
        'ten;linh vuc\nmobifone  bac giang;viễn thông\nVIETTEL POST BAC GIANG;bưu chính\n',
      ),
    ]);
    assert.equal(sloppy.code, 0, sloppy.stderr);
    assert.match(sloppy.stdout, /0 doanh nghiệp mới, 0 cập nhật, 2 không đổi/);
    assert.equal((await enterpriseRows()).length, count, 'no duplicates');
    assert.ok(
      (await enterpriseRows()).some((e) => e.name === 'MobiFone Bắc Giang'),
      'diacritics kept',
    );
  });

  test('a changed sector is an update, named with what changed', async () => {
    const run = await admin(database, [
      'enterprises',
      'import',
      write(
        dir,
        'renamed.csv',
        'Tên doanh nghiệp;Lĩnh vực\nViettel Post Bắc Giang;cả hai\nMobiFone Bắc Giang;viễn thông\n',
      ),
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /0 doanh nghiệp mới, 1 cập nhật, 1 không đổi/);
    assert.match(
      run.stdout,
      /Cập nhật \(1\):\n {2}Viettel Post Bắc Giang \(VPBG\): lĩnh vực bưu chính → bưu chính, viễn thông/,
    );
    const vtpost = (await enterpriseRows()).find((e) => e.code === 'VPBG');
    assert.equal(vtpost?.sector, 'both');

    const json = JSON.parse(
      (
        await admin(database, [
          'enterprises',
          'import',
          write(dir, 'renamed2.csv', 'name;sector;code\nViettel Post Bắc Giang;bưu chính;VPBG\n'),
          '--json',
        ])
      ).stdout,
    );
    assert.deepEqual(json.updated, [
      {
        line: 2,
        code: 'VPBG',
        name: 'Viettel Post Bắc Giang',
        sector: 'postal',
        changes: { sector: { from: 'both', to: 'postal' } },
      },
    ]);
  });

  test('bad rows: nothing is imported and every bad line is named in Vietnamese', async () => {
    const before = await enterpriseRows();
    const text = [
      'Tên doanh nghiệp;Lĩnh vực;Mã DN',
      'Doanh nghiệp tốt;bưu chính;',
      ';viễn thông;',
      'Không rõ lĩnh vực;điện lực;',
      'Mã sai;cả hai;MÃ SAI',
      'Trùng mã 1;bưu chính;DUP',
      'Trùng mã 2;bưu chính;DUP',
      'Thiếu lĩnh vực;;',
    ].join('\n');
    const run = await admin(database, ['enterprises', 'import', write(dir, 'bad.csv', text)]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^Không nhập dòng nào\. Tệp có 5 lỗi:/);
    assert.match(run.stdout, /dòng 3: thiếu tên doanh nghiệp/);
    assert.match(run.stdout, /dòng 4: lĩnh vực không hợp lệ "điện lực"/);
    assert.match(run.stdout, /dòng 5: mã "MÃ SAI" chỉ được gồm chữ không dấu, số, _ và -/);
    assert.match(run.stdout, /dòng 7: mã "DUP" trùng với dòng 6/);
    assert.match(run.stdout, /dòng 8: thiếu lĩnh vực/);
    assert.doesNotMatch(run.stdout, /dòng 2:/);
    assert.deepEqual(await enterpriseRows(), before, 'nothing imported');

    const json = JSON.parse(
      (await admin(database, ['enterprises', 'import', path.join(dir, 'bad.csv'), '--json'])).stdout,
    );
    assert.equal(json.ok, false);
    assert.equal(json.imported, 0);
    assert.deepEqual(
      json.problems.map((p: { line: number }) => p.line),
      [3, 4, 5, 7, 8],
    );
  });

  test('a quote inside an unquoted field is an error naming its line, not dropped', async () => {
    const text =
      'name,sector\nCông ty "Sao Mai",postal\n"Đúng ""chuẩn""",telecom\nThiếu "đóng,postal\n"Mở mà không đóng,telecom\n';
    const run = await admin(database, ['enterprises', 'import', write(dir, 'quotes.csv', text)]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /dòng 2: có dấu ngoặc kép \("\) giữa ô không bọc trong ngoặc kép/);
    assert.match(run.stdout, /dòng 4: có dấu ngoặc kép/);
    assert.match(run.stdout, /dòng 5: dấu ngoặc kép mở ở dòng 5 không được đóng/);
    assert.doesNotMatch(run.stdout, /dòng 3:/, 'a properly quoted field with doubled quotes is fine');
    assert.ok(!(await enterpriseRows()).some((e) => e.name.includes('Sao Mai')));
  });

  test('a file that is not UTF-8, a missing file: a clear message', async () => {
    const file = path.join(dir, 'cp1258.csv');
    writeFileSync(file, Buffer.from([...Buffer.from('name,sector\n'), 0x42, 0xf5, 0x75, 0x2c, 0x70, 0x0a]));
    const run = await admin(database, ['enterprises', 'import', file]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /dòng 2: tệp không phải UTF-8.*CSV UTF-8/);
    const missing = await admin(database, ['enterprises', 'import', path.join(dir, 'khong-co.csv')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Không tìm thấy tệp ".*khong-co\.csv"\./);
  });

  test('a database error is told without the SQL or its parameters, and nothing is imported', async () => {
    await withDatabase(database, async ({ db }) => {
      await db.execute(sql`create function refuse_enterprise() returns trigger language plpgsql as $$
        begin raise exception 'refused %', new.name; end $$`);
      await db.execute(sql`create trigger refuse_enterprise before insert on enterprises
        for each row execute function refuse_enterprise()`);
    });
    try {
      const before = await enterpriseRows();
      const run = await admin(database, [
        'enterprises',
        'import',
        write(dir, 'db-error.csv', 'name;sector\nBí mật Một;postal\nBí mật Hai;telecom\n'),
      ]);
      assert.equal(run.code, 1);
      assert.match(
        run.stderr,
        /^Lỗi cơ sở dữ liệu khi nhập doanh nghiệp: lỗi cơ sở dữ liệu \(mã lỗi P0001\)\. Không doanh nghiệp nào được nhập hay thay đổi\.\n$/,
      );
      assert.doesNotMatch(run.stderr + run.stdout, /insert|params|Bí mật|refused/i);
      assert.deepEqual(await enterpriseRows(), before);
    } finally {
      await withDatabase(database, async ({ db }) => {
        await db.execute(sql`drop trigger refuse_enterprise on enterprises`);
        await db.execute(sql`drop function refuse_enterprise()`);
      });
    }
  });

  test('100,000 rows go in, in statements of at most 1,000 rows; a reimport changing them all updates them', async () => {
    const n = 100_000;
    const lines = ['Tên doanh nghiệp;Lĩnh vực'];
    for (let i = 1; i <= n; i++) lines.push(`Công ty Bưu chính số ${i};bưu chính`);
    const file = write(dir, 'big.csv', `${BOM}${lines.join('\r\n')}\r\n`);
    // A statement-level trigger records how many rows each INSERT and UPDATE statement carried.
    await withDatabase(database, async ({ db }) => {
      await db.execute(sql`create table statement_rows (op text, n integer)`);
      await db.execute(sql`create function log_statement_rows() returns trigger language plpgsql as $$
        begin insert into statement_rows select tg_op, count(*) from changed; return null; end $$`);
      for (const op of ['insert', 'update'])
        await db.execute(
          sql.raw(`create trigger log_${op} after ${op} on enterprises referencing new table as changed
            for each statement execute function log_statement_rows()`),
        );
    });
    const statements = () =>
      withDatabase(database, async ({ db }) => {
        const result = await db.execute(sql`select op, n from statement_rows where n > 0 order by op`);
        return rowsOf<{ op: string; n: number }>(result).map((r) => ({ op: r.op, n: Number(r.n) }));
      });
    const before = (await enterpriseRows()).length;
    const started = Date.now();
    const run = await admin(database, ['enterprises', 'import', file, '--json']);
    // Measured, not asserted (speed is the benchmark's business): printed with the test output.
    console.log(`# 100,000-row import: ${Date.now() - started} ms`);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(json.counts, { created: n, updated: 0, unchanged: 0 });
    assert.equal(new Set(json.created.map((e: { code: string }) => e.code)).size, n, 'unique codes');
    const stored = await enterpriseRows();
    assert.equal(stored.length, before + n);
    const inserts = (await statements()).filter((s) => s.op === 'INSERT');
    assert.equal(inserts.length, 100, '100 statements of 1,000 rows');
    assert.ok(inserts.every((s) => s.n <= 1000));

    const changed = write(
      dir,
      'big2.csv',
      lines.map((l, i) => (i ? l.replace('bưu chính', 'cả hai') : l)).join('\n'),
    );
    const again = await admin(database, ['enterprises', 'import', changed]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^Đã nhập xong: 0 doanh nghiệp mới, 100000 cập nhật, 0 không đổi\./);
    assert.match(again.stdout, /… và 99980 doanh nghiệp khác/);
    const after = await enterpriseRows();
    assert.equal(after.length, before + n);
    assert.equal(
      after.filter((e) => e.sector === 'both' && e.name.startsWith('Công ty Bưu chính số')).length,
      n,
    );
    const updates = (await statements()).filter((s) => s.op === 'UPDATE');
    assert.equal(
      updates.reduce((sum, s) => sum + s.n, 0),
      n,
    );
    assert.ok(updates.length === 100 && updates.every((s) => s.n <= 1000));
  });
});

after(removeTempDirs);
