import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { count } from 'drizzle-orm';
import { readCsv } from '../../src/csv.ts';
import { insertEnterprises, listEnterprises } from '../../src/db/queries/enterprises.ts';
import { INVITE_CODE_LENGTH, redeemInvite } from '../../src/db/queries/invites.ts';
import { invites } from '../../src/db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { admin, removeTempDirs, tempDir, withDatabase } from './cli.ts';

const CODE = new RegExp(`^[0-9A-HJKMNP-TV-Z]{${INVITE_CODE_LENGTH}}$`);

describe('invite enterprise --all: one fresh code per enterprise, in a CSV for mail merge', () => {
  let database: TestDatabase;
  const dir = tempDir();
  const inviteCount = () =>
    withDatabase(database, async ({ db }) => (await db.select({ n: count() }).from(invites))[0]!.n);

  before(async () => {
    database = await createTestDatabase();
    await withDatabase(database, async ({ db }) => {
      await insertEnterprises(db, [
        { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' },
        { code: 'VNPOST', name: 'Bưu điện tỉnh Bắc Giang', sector: 'both' },
        { code: 'GHN', name: 'Giao Hàng Nhanh, chi nhánh Bắc Giang', sector: 'postal' },
        { code: 'EQ', name: '=HYPERLINK("x")', sector: 'postal' },
      ]);
    });
  });
  after(async () => {
    await database.drop();
  });

  test('the CSV has a BOM, one row per enterprise with a valid code; the terminal shows no code', async () => {
    const out = path.join(dir, 'ma-moi.csv');
    const run = await admin(
      database,
      ['invite', 'enterprise', '--all', '--out', out, '--uses', '2', '--days', '7'],
      {
        // The username lives in the Telegram settings, which exist once a token is set (as in any deployment).
        env: { TELEGRAM_BOT_TOKEN: '123456:fake-token-for-tests', TELEGRAM_BOT_USERNAME: 'so_tttt_tet_bot' },
      },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^Đã ghi 4 mã mời \(mỗi doanh nghiệp một mã, dùng được 2 lần, hết hạn .+\) vào tệp:\n/,
    );
    assert.ok(run.stdout.includes(out));
    assert.ok(!(run.stdout + run.stderr).includes('fake-token'), 'no secret printed');

    const text = readFileSync(out, 'utf8');
    assert.ok(text.startsWith('\uFEFF'), 'a BOM so that Excel shows Vietnamese');
    assert.equal(statSync(out).mode & 0o777, 0o600, 'only its owner can read the codes');
    const { records, problems } = readCsv(text, { delimiter: 'auto' });
    assert.deepEqual(problems, []);
    const [header, ...rows] = records.map((r) => r.fields);
    assert.deepEqual(header, [
      'Mã DN',
      'Tên doanh nghiệp',
      'Mã mời',
      'Đường dẫn Telegram',
      'Cú pháp Zalo',
      'Hết hạn',
    ]);
    const enterprises = await withDatabase(database, ({ db }) => listEnterprises(db));
    assert.equal(rows.length, enterprises.length);
    assert.deepEqual(rows.map((r) => r[0]).sort(), ['EQ', 'GHN', 'VIETTEL', 'VNPOST']);
    const codes = rows.map((r) => r[2]!);
    assert.equal(new Set(codes).size, codes.length, 'a fresh code each');
    for (const [enterpriseCode, name, code, link, zalo, expires] of rows) {
      assert.match(code!, CODE);
      assert.equal(link, `https://t.me/so_tttt_tet_bot?start=${code}`);
      assert.equal(zalo, `dangky ${code}`);
      assert.match(expires!, /^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
      assert.ok(!run.stdout.includes(code!) && !run.stderr.includes(code!), 'codes go to the file only');
      const enterprise = enterprises.find((e) => e.code === enterpriseCode);
      assert.ok(enterprise, `row for ${enterpriseCode}`);
      assert.equal(
        name,
        enterprise.name.startsWith('=') ? `'${enterprise.name}` : enterprise.name,
        'formulas defused',
      );
    }
    assert.equal(await inviteCount(), 4);

    // Any code of the file registers an officer of its enterprise, with the uses asked for.
    const [vnpostRow] = rows.filter((r) => r[0] === 'VNPOST');
    const redeemed = await withDatabase(database, ({ db }) =>
      redeemInvite(db, { code: vnpostRow![2]!, now: new Date(), kind: 'invite' }),
    );
    assert.ok(redeemed.ok);
    assert.equal(redeemed.invite.role, 'officer');
    assert.equal(redeemed.invite.enterpriseId, enterprises.find((e) => e.code === 'VNPOST')!.id);
    assert.equal(redeemed.invite.maxUses, 2);
  });

  test('without TELEGRAM_BOT_USERNAME there is no link column; without --out a dated file in the working folder', async () => {
    const cwd = tempDir();
    const run = await admin(database, ['invite', 'enterprise', '--all', '--json'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.equal(json.written, 4);
    assert.match(path.basename(json.out), /^ma-moi-doanh-nghiep-\d{4}-\d{2}-\d{2}-\d{6}\.csv$/);
    assert.equal(path.dirname(json.out), cwd);
    assert.ok(!('codes' in json) && !/[0-9A-Z]{16}/.test(run.stdout), 'no code in the JSON either');
    const [header] = readCsv(readFileSync(json.out, 'utf8'), { delimiter: 'auto' }).records;
    assert.deepEqual(header?.fields, ['Mã DN', 'Tên doanh nghiệp', 'Mã mời', 'Cú pháp Zalo', 'Hết hạn']);
  });

  test('paths are checked before any code is made: a directory, a missing folder, /proc, /sys, /dev', async () => {
    const before = await inviteCount();
    const existingDir = path.join(dir, 'thu-muc.csv');
    mkdirSync(existingDir);
    const file = path.join(dir, 'la-tep');
    writeFileSync(file, '');
    const cases: [string, RegExp][] = [
      [existingDir, /là một thư mục/],
      [dir, /là một thư mục/],
      [path.join(dir, 'khong-co', 'ma-moi.csv'), /Thư mục ".*khong-co" không tồn tại/],
      [path.join(file, 'ma-moi.csv'), /không phải là thư mục/],
      ['/proc/self/ma-moi.csv', /Không ghi tệp vào \/proc/],
      ['/sys/ma-moi.csv', /Không ghi tệp vào \/sys/],
      ['/dev/ma-moi.csv', /Không ghi tệp vào \/dev/],
      [path.join(dir, 'ma-moi.txt'), /phải có đuôi \.csv/],
    ];
    for (const [out, message] of cases) {
      const run = await admin(database, ['invite', 'enterprise', '--all', '--out', out]);
      assert.equal(run.code, 1, out);
      assert.match(run.stderr, message, out);
    }
    assert.equal(await inviteCount(), before, 'no code was made');
    const both = await admin(database, ['invite', 'enterprise', 'VIETTEL', '--all']);
    assert.equal(both.code, 1);
    assert.match(both.stderr, /Chọn một trong hai/);
  });

  test('export --out gets the same checks', async () => {
    const existingDir = path.join(dir, 'bao-cao.xlsx');
    mkdirSync(existingDir, { recursive: true });
    const cases: [string, RegExp][] = [
      [existingDir, /là một thư mục/],
      [path.join(dir, 'khong-co', 'bc.xlsx'), /không tồn tại/],
      ['/proc/self/bc.csv', /Không ghi tệp vào \/proc/],
      ['/dev/bc.csv', /Không ghi tệp vào \/dev/],
    ];
    for (const [out, message] of cases) {
      const run = await admin(database, ['export', '--out', out]);
      assert.equal(run.code, 1, out);
      assert.match(run.stderr, message, out);
    }
    const ok = await admin(database, ['export', '--out', path.join(dir, 'bc.csv')]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^Đã ghi .*bc\.csv và .*bc-theo-ngay\.csv \(csv, /);
    assert.ok(existsSync(path.join(dir, 'bc-theo-ngay.csv')), 'the per-enterprise and day CSV beside it');
  });
});

after(removeTempDirs);
