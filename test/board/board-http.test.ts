/**
 * The web board over plain HTTP: `/web` links from the fake Telegram, sign-in, refusals (expired, reused, forged
 * links; no cookie; an officer's cookie; other sites' posts), escaping of user text, the event stream, exports,
 * sign-out, and that no link or cookie reaches a log line.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { vnDay } from '../../src/clock.ts';
import { createBoardSession } from '../../src/db/queries/board.ts';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createInvite } from '../../src/db/queries/invites.ts';
import { boardLinks, boardSessions, identities, outbox } from '../../src/db/schema.ts';
import { t } from '../../src/texts/index.ts';
import {
  activeCampaignAroundToday,
  boardLinkOf,
  postLogin,
  readEvents,
  signIn,
  tokenOf,
} from '../helpers/board.ts';
import { telegramUser } from '../helpers/chat.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const XSS_NAME = '<script>alert("dn")</script> Bưu chính Xuyên Á';
const XSS_OFFICER = '<img src=x onerror=alert(1)>';
const XSS_NOTE = "<script>alert('mô tả')</script> mất sóng 3 trạm";

describe('web board over HTTP', () => {
  let fake: FakeTelegram;
  let database: TestDatabase;
  let svc: TestService;
  const db = () => svc.service.database.db;
  const base = () => `http://127.0.0.1:${svc.service.port}`;
  /** Every link and cookie value handed out: none may appear in a log line. */
  const secrets: string[] = [];

  const staff = () => telegramUser({ fake, db, chatId: 5001, firstName: 'Cán bộ Sở' });
  const admin = () => telegramUser({ fake, db, chatId: 5002, firstName: 'Quản trị' });
  const officer = () => telegramUser({ fake, db, chatId: 5003, firstName: 'Cán bộ Viettel' });
  const xssOfficer = () => telegramUser({ fake, db, chatId: 5004, firstName: XSS_OFFICER });
  const stranger = () => telegramUser({ fake, db, chatId: 5005, firstName: 'Khách' });

  async function linkFor(user: ReturnType<typeof staff>): Promise<string> {
    const link = boardLinkOf(await user.sayText('/web'));
    secrets.push(tokenOf(link));
    return link;
  }
  async function cookieFor(user: ReturnType<typeof staff>): Promise<string> {
    const cookie = await signIn(await linkFor(user));
    secrets.push(cookie.split('=')[1]!);
    return cookie;
  }
  const get = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
    fetch(`${base()}${path}`, { headers: { ...(cookie ? { cookie } : {}), ...headers }, redirect: 'manual' });

  before(async () => {
    fake = await startFakeTelegram();
    database = await createTestDatabase();
    svc = await startTestService({ env: telegramEnv(fake), database });
    const now = new Date();
    await activeCampaignAroundToday(db(), now);
    const [viettel, xss] = await insertEnterprises(db(), [
      { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' },
      { code: 'XSS', name: XSS_NAME, sector: 'postal' },
      { code: 'VNPT', name: 'VNPT Bắc Giang', sector: 'telecom' },
    ]);
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    const invite = async (role: 'officer' | 'staff' | 'admin', enterpriseId: number | null) =>
      (await createInvite(db(), { role, enterpriseId, expiresAt: inAWeek, maxUses: 1 })).code;
    await staff().say(`/dangky ${await invite('staff', null)}`);
    await admin().say(`/dangky ${await invite('admin', null)}`);
    await officer().say(`/dangky ${await invite('officer', viettel!.id)}`);
    await xssOfficer().say(`/dangky ${await invite('officer', xss!.id)}`);
    await xssOfficer().say(`/baocao sự cố: ${XSS_NOTE}`);
  });

  after(async () => {
    await svc.stop();
    await database.drop();
    await fake.close();
  });

  test('/web gives staff and admins a one-time link (256 bits, stored as its sha256, 10 minutes)', async () => {
    const link = await linkFor(staff());
    assert.match(
      link,
      new RegExp(`^http://localhost:${svc.service.port}/board/login\\?t=[A-Za-z0-9_-]{43}$`),
    );
    const token = tokenOf(link);
    const rows = await db()
      .select()
      .from(boardLinks)
      .where(eq(boardLinks.tokenHash, sha256(token)));
    assert.equal(rows.length, 1, 'the hash is stored');
    const row = rows[0]!;
    assert.equal(row.expiresAt.getTime() - row.createdAt.getTime(), 10 * 60_000);
    const dump = JSON.stringify(await db().execute(sql`select * from board_links`));
    assert.ok(!dump.includes(token), 'the token itself is nowhere in the table');
    const sent = JSON.stringify(await db().select({ payload: outbox.payload }).from(outbox));
    assert.ok(!sent.includes(token), 'the delivered message is erased from the outbox');
    assert.match(await admin().sayText('/web'), /\/board\/login\?t=/);
  });

  test('officers and strangers get the usual refusal and no link', async () => {
    const before = (await db().select().from(boardLinks)).length;
    assert.equal(await officer().sayText('/web'), t.staffOnly);
    assert.equal(await stranger().sayText('/web'), t.notRegistered);
    assert.equal(await officer().sayText('web'), t.staffOnly);
    assert.equal((await db().select().from(boardLinks)).length, before);
  });

  test('opening the link changes nothing; its button signs in once with an HttpOnly SameSite=Strict cookie', async () => {
    const link = await linkFor(staff());
    for (let i = 0; i < 2; i++) {
      const page = await fetch(link);
      assert.equal(page.status, 200, 'a link preview does not spend the link');
      assert.match(await page.text(), /Vào bảng theo dõi/);
    }
    const res = await postLogin(link);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/board');
    const setCookie = res.headers.getSetCookie()[0]!;
    assert.match(setCookie, /^board_session=[A-Za-z0-9_-]{43};/);
    assert.match(setCookie, /; HttpOnly/);
    assert.match(setCookie, /; SameSite=Strict/);
    assert.match(setCookie, /; Max-Age=28800/);
    assert.doesNotMatch(setCookie, /Secure/, 'plain http on localhost: not Secure');
    const cookie = setCookie.split(';')[0]!;
    const value = cookie.split('=')[1]!;
    secrets.push(value);
    const [session] = await db()
      .select()
      .from(boardSessions)
      .where(eq(boardSessions.tokenHash, sha256(value)));
    assert.ok(session, 'the session is stored by its hash');
    assert.equal(session.expiresAt.getTime() - session.createdAt.getTime(), 8 * 3_600_000);

    const board = await get('/board', cookie);
    assert.equal(board.status, 200);
    const body = await board.text();
    assert.match(body, /Đã báo cáo 1\/3/);
    assert.match(body, /Chưa báo cáo \(2\)/);
    assert.match(body, /VNPT Bắc Giang/);

    assert.equal((await postLogin(link)).status, 403, 'a spent link signs in no more');
    assert.equal((await fetch(link)).status, 403);
  });

  test('an expired link, a forged one and a malformed one are refused', async () => {
    const link = await linkFor(staff());
    await db()
      .update(boardLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(boardLinks.tokenHash, sha256(tokenOf(link))));
    assert.equal((await fetch(link)).status, 403);
    const expired = await postLogin(link);
    assert.equal(expired.status, 403);
    assert.match(await expired.text(), /hết hạn.*đã được dùng.*không đúng/s);
    assert.equal(expired.headers.getSetCookie().length, 0);

    const forged = randomBytes(32).toString('base64url');
    assert.equal((await fetch(`${base()}/board/login?t=${forged}`)).status, 403);
    assert.equal((await postLogin(link, forged)).status, 403);
    assert.equal((await postLogin(link, 'x'.repeat(5000))).status, 413);
    assert.equal((await postLogin(link, '../../etc')).status, 403);
  });

  test('without a live session cookie every board route answers 401 and shows nothing', async () => {
    const forged = `board_session=${randomBytes(32).toString('base64url')}`;
    for (const cookie of [undefined, forged, 'board_session=abc']) {
      for (const path of [
        '/board',
        '/board/live',
        '/board/events',
        '/board/export.xlsx',
        '/board/export.csv',
        '/board/export-theo-ngay.csv',
        '/board/report/1/2024-02-10',
      ]) {
        const res = await get(path, cookie);
        assert.equal(res.status, 401, `${path} with ${cookie ?? 'no cookie'}`);
        assert.doesNotMatch(await res.text(), /Viettel|VNPT|Xuyên/);
      }
    }
  });

  test("an officer's session cookie cannot read the board: 403 without any enterprise data", async () => {
    const [row] = await db()
      .select({ personId: identities.personId })
      .from(identities)
      .where(eq(identities.chatId, '5003'));
    const session = await createBoardSession(db(), {
      personId: row!.personId,
      now: new Date(),
      ttlMs: 3_600_000,
    });
    const cookie = `board_session=${session.token}`;
    secrets.push(session.token);
    for (const path of [
      '/board',
      '/board/live',
      '/board/events',
      '/board/export.xlsx',
      '/board/report/1/2024-02-10',
    ]) {
      const res = await get(path, cookie);
      assert.equal(res.status, 403, path);
      assert.doesNotMatch(await res.text(), /Viettel|VNPT|Xuyên|Đã báo cáo/);
    }
  });

  test('user text with <script> is escaped on the board and in a report; no inline script; a strict CSP', async () => {
    const cookie = await cookieFor(staff());
    const res = await get('/board', cookie);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = await res.text();
    assert.ok(body.includes('&lt;script&gt;alert(&quot;dn&quot;)&lt;/script&gt; Bưu chính Xuyên Á'));
    assert.ok(body.includes('&lt;script&gt;alert(&#39;mô tả&#39;)&lt;/script&gt; mất sóng'));
    assert.doesNotMatch(body, /<script>alert|<img src=x/);
    const scripts = body.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script src="/board/static/board.js" defer>']);
    assert.doesNotMatch(body, /\son[a-z]+=/i, 'no inline event handlers');
    assert.doesNotMatch(body, /\sstyle=/i, 'no inline styles');

    const id = /href="\/board\/report\/(\d+)\/[0-9-]+"[^>]*title="&lt;script&gt;/.exec(body)?.[1];
    assert.ok(id, 'a cell of the enterprise with the script in its name');
    const detail = await get(`/board/report/${id}/${vnDay(new Date())}`, cookie, { 'x-board-fragment': '1' });
    assert.equal(detail.status, 200);
    const fragment = await detail.text();
    assert.ok(fragment.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the reporter name, escaped');
    assert.ok(fragment.includes('&lt;script&gt;alert(&#39;mô tả&#39;)&lt;/script&gt;'));
    assert.doesNotMatch(fragment, /<script|<img/);
  });

  test('form posts from another site are refused and change nothing', async () => {
    const link = await linkFor(staff());
    const res = await postLogin(link, tokenOf(link), { origin: 'https://evil.example' });
    assert.equal(res.status, 403);
    assert.equal((await postLogin(link, tokenOf(link), { origin: 'null' })).status, 403);
    assert.equal((await postLogin(link, tokenOf(link), { 'sec-fetch-site': 'cross-site' })).status, 403);
    assert.equal((await fetch(link)).status, 200, 'the link is not spent');
    const cookie = await signIn(link);
    secrets.push(cookie.split('=')[1]!);
    const out = await fetch(`${base()}/board/logout`, {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(out.status, 403);
    assert.equal((await get('/board', cookie)).status, 200, 'still signed in');
    const get405 = await get('/board/logout', cookie);
    assert.equal(get405.status, 404, 'signing out is not a GET');
    assert.equal((await get('/board', cookie)).status, 200);
  });

  test('the event stream says hello, then announces a report sent from the chat', async () => {
    const cookie = await cookieFor(staff());
    const res = await get('/board/events', cookie);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    const seen = await readEvents(res, (events) => {
      if (events.length === 1 && events[0]!.event === 'hello') void officer().say('/baocao ok');
      return events.some((e) => e.event === 'change');
    });
    assert.equal(seen[0]!.event, 'hello');
    assert.match(JSON.parse(seen[0]!.data).at, /^\d{2}:\d{2}:\d{2}$/);
    const board = await (await get('/board', cookie)).text();
    assert.match(board, /Đã báo cáo 2\/3/);
  });

  test('Excel and CSV downloads are the /export files', async () => {
    const cookie = await cookieFor(staff());
    const xlsx = await get('/board/export.xlsx', cookie);
    assert.equal(xlsx.status, 200);
    assert.match(
      xlsx.headers.get('content-disposition') ?? '',
      /attachment; filename="bao-cao-tet-.*\.xlsx"/,
    );
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    const csv = await get('/board/export.csv', cookie);
    const text = await csv.text();
    assert.ok(text.includes('Số tham chiếu'));
    assert.ok(text.includes('Viettel Bắc Giang'));
    const days = await get('/board/export-theo-ngay.csv', cookie);
    assert.match(days.headers.get('content-disposition') ?? '', /filename="bao-cao-tet-.*-theo-ngay\.csv"/);
    const daysText = Buffer.from(await days.arrayBuffer()).toString('utf8');
    assert.ok(daysText.startsWith('\uFEFFNgày,Doanh nghiệp,Mã,Lĩnh vực,Tình trạng'));
    assert.ok(daysText.includes('Chưa báo cáo'));
  });

  test("sign-out: the board's button ends that session; /web dangxuat ends every one of the person", async () => {
    const a = await cookieFor(staff());
    const b = await cookieFor(staff());
    const out = await fetch(`${base()}/board/logout`, { method: 'POST', headers: { cookie: a } });
    assert.equal(out.status, 200);
    assert.match(await out.text(), /Bạn đã đăng xuất/);
    assert.match(out.headers.getSetCookie()[0] ?? '', /^board_session=;.*Max-Age=0/);
    assert.equal((await get('/board', a)).status, 401);
    assert.equal((await get('/board', b)).status, 200);
    assert.match(await staff().sayText('/web dangxuat'), /Đã đăng xuất bảng theo dõi trên \d+ trình duyệt/);
    assert.equal((await get('/board', b)).status, 401);
    assert.match(await staff().sayText('/web đăng xuất'), /không có phiên đăng nhập/);
  });

  test('no sign-in link and no session cookie appears in any log line', () => {
    assert.ok(secrets.length >= 8);
    const logs = svc.logs.join('\n');
    for (const s of secrets) assert.ok(!logs.includes(s), 'a secret in the logs');
    assert.doesNotMatch(logs, /board\/login\?t=/);
  });

  test('stopping the service ends open event streams at once', async () => {
    const cookie = await cookieFor(staff());
    const res = await get('/board/events', cookie);
    const reading = readEvents(res, () => false, 8000).catch((err: Error) => err);
    const started = Date.now();
    await svc.stop();
    assert.ok(Date.now() - started < 3000, `stopped in ${Date.now() - started} ms`);
    const result = await reading;
    assert.ok(Array.isArray(result), `the stream ended cleanly: ${String(result)}`);
  });
});

describe('web board behind HTTPS (BOARD_URL)', () => {
  let fake: FakeTelegram;
  let svc: TestService;
  const db = () => svc.service.database.db;

  before(async () => {
    fake = await startFakeTelegram();
    svc = await startTestService({
      env: { ...telegramEnv(fake), BOARD_URL: 'https://bang.so-tttt.example.gov.vn/' },
    });
  });
  after(async () => {
    await svc.stop();
    await fake.close();
  });

  test('links use the public URL; the cookie is Secure with the __Host- prefix', async () => {
    const code = (
      await createInvite(db(), {
        role: 'staff',
        enterpriseId: null,
        expiresAt: new Date(Date.now() + 86_400_000),
        maxUses: 1,
      })
    ).code;
    const user = telegramUser({ fake, db, chatId: 6001, firstName: 'Sở' });
    await user.say(`/dangky ${code}`);
    const link = boardLinkOf(await user.sayText('/web'));
    assert.match(link, /^https:\/\/bang\.so-tttt\.example\.gov\.vn\/board\/login\?t=/);
    const local = `http://127.0.0.1:${svc.service.port}/board/login?t=${tokenOf(link)}`;
    const res = await postLogin(local, tokenOf(link), { origin: 'https://bang.so-tttt.example.gov.vn' });
    assert.equal(res.status, 303);
    const setCookie = res.headers.getSetCookie()[0] ?? '';
    assert.match(setCookie, /^__Host-board_session=[A-Za-z0-9_-]{43};/);
    assert.match(setCookie, /; Secure/);
    assert.match(setCookie, /; Path=\//);
  });
});
