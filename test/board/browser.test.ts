/**
 * The web board in a real browser (headless Chromium from Debian, driven by puppeteer-core): sign in through the
 * link `/web` gives over the fake Telegram, read the counts, watch reports, an amendment and an incident arrive
 * without a reload, open a cell, download the Excel file and read it back, sign out; refused links and a missing
 * cookie. Skipped, with the reason, when /usr/bin/chromium is not installed.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { formatDay, vnDay } from '../../src/clock.ts';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createInvite } from '../../src/db/queries/invites.ts';
import { boardLinks } from '../../src/db/schema.ts';
import { activeCampaignAroundToday, boardLinkOf, tokenOf } from '../helpers/board.ts';
import { telegramUser } from '../helpers/chat.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is not installed (apt-get install -y chromium): the browser test cannot run`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForFile(dir: string, ext: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const done = readdirSync(dir).find((f) => f.endsWith(ext));
    if (done) return path.join(dir, done);
    if (Date.now() > deadline) throw new Error(`no ${ext} in ${dir}: ${readdirSync(dir).join(', ')}`);
    await sleep(100);
  }
}

describe('web board in Chromium', { skip }, () => {
  let fake: FakeTelegram;
  let database: TestDatabase;
  let svc: TestService;
  let browser: Browser;
  let page: Page;
  let profile: string;
  let downloads: string;
  const problems: string[] = [];
  const db = () => svc.service.database.db;
  const today = vnDay(new Date());

  const staff = () => telegramUser({ fake, db, chatId: 9001, firstName: 'Nguyễn Văn Sở' });
  const viettel = () => telegramUser({ fake, db, chatId: 9002, firstName: 'Trực Viettel' });
  const vnpt = () => telegramUser({ fake, db, chatId: 9003, firstName: 'Trực VNPT' });
  const post = () => telegramUser({ fake, db, chatId: 9004, firstName: 'Trực Bưu điện' });
  const text = (selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

  before(async () => {
    fake = await startFakeTelegram();
    database = await createTestDatabase();
    svc = await startTestService({ env: telegramEnv(fake), database });
    await activeCampaignAroundToday(db(), new Date());
    const [vt, vn, bd] = await insertEnterprises(db(), [
      { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' },
      { code: 'VNPT', name: 'VNPT Bắc Giang', sector: 'telecom' },
      { code: 'BDT', name: 'Bưu điện tỉnh Bắc Giang', sector: 'postal' },
    ]);
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    const invite = async (role: 'officer' | 'staff', enterpriseId: number | null) =>
      (await createInvite(db(), { role, enterpriseId, expiresAt: inAWeek, maxUses: 1 })).code;
    await staff().say(`/dangky ${await invite('staff', null)}`);
    await viettel().say(`/dangky ${await invite('officer', vt!.id)}`);
    await vnpt().say(`/dangky ${await invite('officer', vn!.id)}`);
    await post().say(`/dangky ${await invite('officer', bd!.id)}`);
    await viettel().say('/baocao ok');

    profile = mkdtempSync(path.join(tmpdir(), 'board-chromium-'));
    downloads = mkdtempSync(path.join(tmpdir(), 'board-downloads-'));
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
      ],
      downloadBehavior: { policy: 'allow', downloadPath: downloads },
      defaultViewport: { width: 1280, height: 900 },
    });
    page = await browser.newPage();
    page.on('pageerror', (err) => problems.push(`page error: ${String(err)}`));
    page.on('console', (msg) => {
      // The refusals this test asks for (401, 403) are logged by Chromium too: they are not problems.
      if (msg.type() === 'error' && !/status of 40[13] /.test(msg.text()))
        problems.push(`console: ${msg.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await svc?.stop();
    await database?.drop();
    await fake?.close();
    for (const dir of [profile, downloads]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  let firstLink = '';

  test('signs in through the link from /web and shows today at the top', async () => {
    firstLink = boardLinkOf(await staff().sayText('/web'));
    const res = await page.goto(firstLink);
    assert.equal(res?.status(), 200);
    await Promise.all([page.waitForNavigation(), page.click('button.primary')]);
    assert.equal(new URL(page.url()).pathname, '/board');
    assert.equal(await text('#reported-count'), 'Đã báo cáo 1/3');
    assert.match(await text('#today'), /Chưa báo cáo \(2\)/);
    assert.match(await text('#missing-list'), /VNPT Bắc Giang.*chưa báo cáo lần nào/s);
    assert.match(await text('#today-title'), new RegExp(`Hôm nay, ${formatDay(today)}`));
    const cookies = await browser.defaultBrowserContext().cookies();
    const session = cookies.find((c) => c.name === 'board_session');
    assert.ok(session?.httpOnly, 'HttpOnly');
    assert.equal(session?.sameSite, 'Strict');
    assert.equal(await page.evaluate('document.cookie'), '', 'the script cannot read the cookie');
  });

  test('hears from the server and shows when', async () => {
    await page.waitForFunction("document.querySelector('#live-status')?.dataset.state === 'ok'", {
      timeout: 10_000,
    });
    assert.match(await text('#live-status'), /Trực tiếp · tin gần nhất từ máy chủ lúc \d{2}:\d{2}:\d{2}/);
  });

  test('a report, an amendment and an incident appear without a reload', async () => {
    await page.evaluate('window.__sameDocument = true');
    await vnpt().say('/baocao ok');
    await page.waitForFunction(
      "document.querySelector('#reported-count')?.textContent === 'Đã báo cáo 2/3'",
      { timeout: 10_000 },
    );
    await post().say('/baocao sự cố: dồn ứ 300 bưu gửi tại bưu cục trung tâm');
    await page.waitForFunction(
      "document.querySelector('#reported-count')?.textContent === 'Đã báo cáo 3/3'",
      {
        timeout: 10_000,
      },
    );
    await page.waitForFunction("document.querySelector('#incidents')?.textContent.includes('Đang xử lý')", {
      timeout: 10_000,
    });
    await viettel().say('/baocao sự cố: mất sóng 12 trạm ở xã Bảo Sơn');
    await page.waitForFunction("document.querySelector('#grid td.cell-amended a')?.textContent === '⚠✎'", {
      timeout: 10_000,
    });
    assert.equal(await page.evaluate('window.__sameDocument'), true, 'the page was not reloaded');
    assert.match(await text('#today'), /Tất cả doanh nghiệp đã báo cáo/);
    assert.match(await text('#incidents'), /Bưu điện tỉnh Bắc Giang/);
    assert.match(await text('#chart'), /3\/3/);
    assert.match(await text('#live-status'), /Trực tiếp/);
  });

  test('a cell opens that report with its revisions', async () => {
    await page.click('#grid td.cell-amended a');
    await page.waitForSelector('dialog#detail[open] .detail', { timeout: 10_000 });
    const detail = await text('dialog#detail');
    assert.match(detail, new RegExp(`Viettel Bắc Giang — ngày ${formatDay(today)}`));
    assert.match(detail, /Báo cáo · BC\d{6}/);
    assert.match(detail, /Bản sửa lần 1 · BC\d{6}/);
    assert.match(detail, /Trực Viettel \(Telegram\)/);
    assert.match(detail, /Sự cố báo trong ngày/);
    await page.click('dialog#detail form[method="dialog"] button');
    await page.waitForFunction("!document.querySelector('dialog#detail').open");
  });

  test('"Tải Excel" downloads the export, which reads back', async () => {
    await page.click('#download-xlsx');
    const file = await waitForFile(downloads, '.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const matrix = wb.getWorksheet('Tổng hợp')!;
    const names = matrix.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    assert.ok(names.includes('Viettel Bắc Giang') && names.includes('VNPT Bắc Giang'));
    const reports = wb.getWorksheet('Báo cáo')!;
    assert.equal(reports.rowCount, 1 + 4, 'a header and four revisions');
    assert.equal(wb.getWorksheet('Sự cố')!.rowCount, 1 + 2);
  });

  test('the draft of /tonghop is there to copy', async () => {
    const draft = await page.$eval('#draft', (el) => (el as unknown as { value: string }).value);
    assert.match(draft, /^BÁO CÁO\n/);
    assert.match(draft, /Tình hình đảm bảo thông tin liên lạc/);
  });

  test('on a phone the page fits the width (the grid scrolls in its own box)', async () => {
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    await page.reload();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(Number(overflow) <= 0, `overflows by ${String(overflow)} px`);
    assert.equal(await text('#reported-count'), 'Đã báo cáo 3/3');
    await page.setViewport({ width: 1280, height: 900 });
  });

  test('a reused, an expired and a forged link, and a missing cookie, are refused', async () => {
    const fresh = await browser.createBrowserContext();
    try {
      const other = await fresh.newPage();
      const noCookie = await other.goto(new URL('/board', firstLink).toString());
      assert.equal(noCookie?.status(), 401);
      assert.match(await other.$eval('main', (el) => el.textContent ?? ''), /Chưa đăng nhập.*\/web/s);

      const reused = await other.goto(firstLink);
      assert.equal(reused?.status(), 403);
      assert.match(await other.$eval('main', (el) => el.textContent ?? ''), /không dùng được/);

      const forged = await other.goto(`${new URL('/board/login', firstLink)}?t=${'A'.repeat(43)}`);
      assert.equal(forged?.status(), 403);

      const link = boardLinkOf(await staff().sayText('/web'));
      const page2 = await other.goto(link);
      assert.equal(page2?.status(), 200);
      // Ten minutes pass while the page is open.
      await db()
        .update(boardLinks)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(
          eq(
            boardLinks.tokenHash,
            (await import('node:crypto')).createHash('sha256').update(tokenOf(link)).digest('hex'),
          ),
        );
      const [refused] = await Promise.all([other.waitForNavigation(), other.click('button.primary')]);
      assert.equal(refused?.status(), 403);
      assert.equal((await fresh.cookies()).length, 0, 'no cookie was set');
      const stillOut = await other.goto(new URL('/board', firstLink).toString());
      assert.equal(stillOut?.status(), 401);
    } finally {
      await fresh.close();
    }
  });

  test('"Đăng xuất" ends the session', async () => {
    await Promise.all([page.waitForNavigation(), page.click('form[action="/board/logout"] button')]);
    assert.match(await text('main'), /Bạn đã đăng xuất/);
    const again = await page.goto(new URL('/board', firstLink).toString());
    assert.equal(again?.status(), 401);
  });

  test('no script error and no Content-Security-Policy violation on any page', () => {
    assert.deepEqual(problems, []);
  });
});
