import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { telegramUser } from '../helpers/chat.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';

const run = promisify(execFile);
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** A new letter for next Tết, imported with the CLI, answers on a running service without a restart. */
// The CLI runs as its own process beside the service: that needs a server database (PGlite is one process's).
describe('directive import --activate on a running service', { skip: !process.env.DATABASE_URL }, () => {
  let fake: FakeTelegram;
  let svc: TestService;
  const db = () => svc.service.database.db;
  const officer = () => telegramUser({ fake, db, chatId: 41, firstName: 'Lan' });
  const admin = (...args: string[]) =>
    run('node', ['--import', 'tsx', 'scripts/admin.ts', ...args], {
      env: { ...process.env, DATABASE_URL: svc.database.url ?? '', LOG_LEVEL: 'silent' },
    });

  before(async () => {
    fake = await startFakeTelegram();
    svc = await startTestService({ env: telegramEnv(fake), directiveRefreshMs: 200 });
  });
  after(async () => {
    await svc.stop();
    await fake.close();
  });

  test('a fresh installation answers from the bundled 2024 letter', async () => {
    assert.match(await officer().sayText('han nop bao cao khi nao'), /13\/02\/2024/);
    assert.match(await officer().sayText('/vanban'), /Bắc Giang/);
  });

  test('a letter without a deadline is refused, nothing is activated, the old letter keeps answering', async () => {
    await assert.rejects(
      admin('directive', 'import', fixture('cong-van-khong-han.txt'), '--activate'),
      (err: Error & { stderr: string }) => {
        assert.match(err.stderr, /Không tìm thấy hạn báo cáo/);
        assert.match(err.stderr, /Chưa có gì thay đổi/);
        return true;
      },
    );
    assert.match(await officer().sayText('han nop bao cao khi nao'), /13\/02\/2024/);
  });

  test('import --activate: the new deadline is answered within seconds, /vanban shows the new letter', async () => {
    const { stdout } = await admin(
      'directive',
      'import',
      fixture('cong-van-quoc-hieu-la-ma.txt'),
      '--activate',
    );
    assert.match(stdout, /phiên bản #2 \(đang dùng\)/);
    assert.match(stdout, /Hạn báo cáo: +trước 10 giờ 00 thứ Tư, ngày 10\/02\/2027/);
    const started = Date.now();
    for (;;) {
      const answer = await officer().sayText('hạn nộp báo cáo là khi nào?');
      if (/10\/02\/2027/.test(answer)) break;
      assert.ok(Date.now() - started < 30_000, `still the old letter after 30 s: ${answer}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.match(await officer().sayText('/vanban'), /2027|Đinh Mùi/);
    const { stdout: list } = await admin('directive', 'list');
    assert.match(list, /#2 ✓ đang dùng/);
    await admin('directive', 'activate', '1');
    const back = Date.now();
    for (;;) {
      if (/13\/02\/2024/.test(await officer().sayText('han nop bao cao khi nao'))) break;
      assert.ok(Date.now() - back < 30_000, 'activate 1 did not bring the 2024 letter back');
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  test('org set: the department as data, filled in from the active letter', async () => {
    const { stdout } = await admin(
      'org',
      'set',
      '--email',
      'vanthu@sokhcn.example.gov.vn',
      '--phone',
      '0233 3 852 999',
    );
    assert.match(stdout, /E-mail nhận báo cáo +vanthu@sokhcn\.example\.gov\.vn/);
    assert.match(stdout, /Tên cơ quan +Sở Thông tin và Truyền thông tỉnh Bắc Giang/);
  });

  test('campaign create --tet 2027: mùng 1 from the lunar calendar, the final deadline from the active letter', async () => {
    await admin('directive', 'activate', '2');
    const { stdout } = await admin('campaign', 'create', '--tet', '2027', '--json');
    const campaign = JSON.parse(stdout) as {
      name: string;
      firstDay: string;
      lastDay: string;
      finalDeadline: string;
      dailyDeadline: string;
    };
    assert.equal(campaign.name, 'Tết Nguyên đán Đinh Mùi 2027');
    assert.equal(campaign.firstDay, '2027-02-04');
    assert.equal(new Date(campaign.finalDeadline).toISOString(), '2027-02-10T03:00:00.000Z');
    assert.equal(campaign.dailyDeadline, '16:00');
    const { stdout: preset } = await admin('campaign', 'create', '--preset', 'tet-2024');
    assert.match(preset, /Giáp Thìn 2024": 08\/02\/2024–14\/02\/2024/);
  });

  test('areas import: communes and wards from a ";" CSV with a Vietnamese header, no duplicates on a second import', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'areas-')), 'xa-phuong.csv');
    writeFileSync(file, '\uFEFFSTT;Tên\r\n1;Xã Tân Sơn\r\n2;Phường Đông Hà\r\n3;Đặc khu Cồn Cỏ\r\n');
    assert.match((await admin('areas', 'import', file)).stdout, /Đã đọc 3 đơn vị; thêm mới 3, 0 đã có/);
    assert.match((await admin('areas', 'import', file)).stdout, /thêm mới 0, 3 đã có/);
  });
});
