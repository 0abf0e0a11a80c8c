import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ADMIN, removeTempDirs, runNode, tempDir } from './cli.ts';

const help = (args: string[]) => runNode(ADMIN, args, { cwd: tempDir() });

/** English that commander prints unless told otherwise. */
const ENGLISH =
  /Usage:|Options:|Commands:|Arguments:|display help|default:|\[options\]|\[command\]|in JSON|error:/;

describe('admin CLI help and errors in Vietnamese', () => {
  test('--help: what the tool does, its commands, in Vietnamese', async () => {
    const run = await help(['--help']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Cách dùng: npm run admin -- \[tùy chọn\] \[lệnh\]\n/);
    assert.match(run.stdout, /Quản trị bot liên lạc dịp Tết/);
    assert.match(run.stdout, /Tùy chọn:\n {2}-h, --help +Hiện hướng dẫn/);
    assert.match(run.stdout, /Lệnh:\n/);
    for (const name of ['enterprises', 'invite', 'campaign', 'zalo-tokens', 'export', 'help \\[lệnh\\]'])
      assert.match(run.stdout, new RegExp(`\\n {2}${name}`), name);
    assert.match(run.stdout, /help \[lệnh\] +Hiện hướng dẫn của một lệnh/);
    assert.doesNotMatch(run.stdout, ENGLISH);
  });

  const subcommands = [
    ['enterprises'],
    ['enterprises', 'import'],
    ['enterprises', 'list'],
    ['invite'],
    ['invite', 'enterprise'],
    ['invite', 'staff'],
    ['invite', 'admin'],
    ['campaign'],
    ['campaign', 'create'],
    ['campaign', 'list'],
    ['campaign', 'activate'],
    ['zalo-tokens'],
    ['export'],
  ];
  test('every command has its own help in Vietnamese, with a description', async () => {
    const runs = await Promise.all(subcommands.map((args) => help([...args, '--help'])));
    runs.forEach((run, i) => {
      const name = subcommands[i]!.join(' ');
      assert.equal(run.code, 0, `${name}: ${run.stderr}`);
      assert.match(run.stdout, new RegExp(`^Cách dùng: npm run admin -- ${name} `), name);
      assert.doesNotMatch(run.stdout, ENGLISH, name);
      const description = run.stdout.split('\n')[2] ?? '';
      assert.match(
        description,
        /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i,
        name,
      );
    });
    const importHelp = runs[1]!.stdout;
    assert.match(importHelp, /Tên doanh nghiệp;Lĩnh vực;Mã DN/);
    assert.match(runs[4]!.stdout, /--uses <n> +số lần dùng được của mỗi mã \(mặc định: 3\)/);
    assert.deepEqual(
      (await help(['help', 'export'])).stdout,
      runs[12]!.stdout,
      '`help <lệnh>` is the same help',
    );
  });

  test('unknown commands and options, missing values: the error in Vietnamese, then how to get help', async () => {
    const cases: [string[], RegExp][] = [
      [['khong-co'], /^Lỗi: không có lệnh 'khong-co'\n\(gõ --help để xem hướng dẫn\)\n$/],
      [['enterprises', 'imprt'], /^Lỗi: không có lệnh 'imprt'\n\(Có phải ý bạn là import\?\)\n/],
      [['enterprises', 'list', '--jsn'], /^Lỗi: không có tùy chọn '--jsn'\n\(Có phải ý bạn là --json\?\)\n/],
      [['enterprises', 'import'], /^Lỗi: thiếu tham số 'tệp'\n/],
      [['export'], /^Lỗi: cần có tùy chọn '--out <tệp>'\n/],
      [['export', '--out'], /^Lỗi: tùy chọn '--out <tệp>' cần một giá trị\n/],
      [
        ['invite', 'staff', '--uses', '0'],
        /^Lỗi: giá trị '0' của tùy chọn '--uses <n>' không hợp lệ: phải là số nguyên dương\.\n/,
      ],
      [
        ['campaign', 'activate', 'x'],
        /^Lỗi: giá trị 'x' của tham số 'số-đợt' không hợp lệ: phải là số nguyên dương\.\n/,
      ],
      [['campaign', 'activate', '1', '2'], /^Lỗi: lệnh 'activate' nhận 1 tham số, nhưng được cho 2\.\n/],
    ];
    const runs = await Promise.all(cases.map(([args]) => help(args)));
    runs.forEach((run, i) => {
      const [args, message] = cases[i]!;
      assert.equal(run.code, 1, args.join(' '));
      assert.match(run.stderr, message, args.join(' '));
      assert.match(run.stderr, /\(gõ --help để xem hướng dẫn\)\n$/, args.join(' '));
      assert.doesNotMatch(run.stderr, ENGLISH, args.join(' '));
    });
  });
});

after(removeTempDirs);
