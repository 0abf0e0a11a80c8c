/**
 * Who may do what: every command and sensitive button × every role, against the real service (webhook mode) and
 * the fake Bot API. Then invite codes (entropy, hashing, expiry, the wrong-code limit) and a scan of every log line
 * the service wrote for secrets and message contents.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Update } from 'telegraf/types';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import {
  createInvite,
  generateCode,
  hashCode,
  INVITE_CODE_LENGTH,
  normalizeCode,
} from '../../src/db/queries/invites.ts';
import { getMember } from '../../src/db/queries/people.ts';
import { rowsOf } from '../../src/db/raw.ts';
import { incidents, incidentUpdates, invites, reports } from '../../src/db/schema.ts';
import { t } from '../../src/texts/index.ts';
import { buttonsOf, telegramUser } from '../helpers/chat.ts';
import {
  type FakeTelegram,
  type SentMessage,
  startFakeTelegram,
  telegramEnv,
} from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';

const SECRET = 'robustness-webhook-secret_4f1c9a7e2b';
const TOKEN = '7777777777:AAH-robustnessLogScanToken_9f8e7d6c5b4a';
const ROLES = ['unregistered', 'staff', 'admin', 'officer'] as const;
type Role = (typeof ROLES)[number];
const CHAT: Record<Role | 'otherOfficer', number> = {
  officer: 8001,
  otherOfficer: 8002,
  staff: 8003,
  admin: 8004,
  unregistered: 8005,
};
/** Nothing a refusal says may name an enterprise. */
const ENTERPRISE_NAMES = /Viettel|VNPT|Giao Hàng|VTBG|VNPBG|GHNBG/;

type Input = string | { tap: string };
type Cell = { refused: string } | { ok: RegExp; document?: true; buttons?: RegExp };
interface Row {
  label: string;
  input: Input | (() => Input);
  /** Sent first by every role (their replies are not checked), e.g. to open the report dialog. */
  setup?: Input[];
  cells: Record<Role, Cell>;
}

const refuse = (text: string): Cell => ({ refused: text });
const NOT_REGISTERED = refuse(t.notRegistered);
const OFFICERS_ONLY = refuse(t.officersOnly);
const STAFF_ONLY = refuse(t.staffOnly);
const ADMIN_ONLY = refuse(t.adminOnly);
const EXPIRED = refuse(t.expiredAction);
const staffOnly = (ok: Cell): Record<Role, Cell> => ({
  unregistered: NOT_REGISTERED,
  officer: STAFF_ONLY,
  staff: ok,
  admin: ok,
});
const officerOnly = (ok: Cell): Record<Role, Cell> => ({
  unregistered: NOT_REGISTERED,
  officer: ok,
  staff: OFFICERS_ONLY,
  admin: OFFICERS_ONLY,
});
const everyone = (ok: Cell): Record<Role, Cell> => ({ unregistered: ok, officer: ok, staff: ok, admin: ok });

describe('access control, invite codes and logs (webhook mode)', () => {
  let fake: FakeTelegram;
  let svc: TestService;
  let incidentId = 0;
  const db = () => svc.service.database.db;
  const enterpriseIds: Record<string, number> = {};
  /** Every code the test saw: invite codes it created and link codes the bot handed out. */
  const codes: string[] = [];
  /** Every text a user sent, for the log scan. */
  const typed: string[] = [];

  const deliver = async (update: Update) => {
    const res = await fetch(`http://127.0.0.1:${svc.service.port}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update),
    });
    assert.equal(res.status, 200);
  };
  const user = (chatId: number) => {
    const u = telegramUser({ fake, db, chatId, firstName: `Người ${chatId}`, deliver });
    return {
      send(input: Input): Promise<SentMessage[]> {
        if (typeof input === 'string') {
          typed.push(input);
          return u.say(input);
        }
        return u.tap(input.tap);
      },
      async text(input: Input): Promise<string> {
        return (await this.send(input)).map((m) => m.text).join('\n---\n');
      },
    };
  };
  const invite = async (
    role: 'officer' | 'staff' | 'admin',
    enterprise?: string,
    expiresInMs = 86400_000,
  ) => {
    const { code } = await createInvite(db(), {
      role,
      enterpriseId: enterprise ? enterpriseIds[enterprise]! : null,
      expiresAt: new Date(Date.now() + expiresInMs),
      maxUses: 1,
    });
    codes.push(code);
    return code;
  };

  before(async () => {
    fake = await startFakeTelegram({ token: TOKEN, botUsername: 'tet_access_bot' });
    svc = await startTestService({
      env: {
        LOG_LEVEL: 'debug',
        ...telegramEnv(fake),
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
      },
    });
    for (const e of await insertEnterprises(db(), [
      { code: 'VTBG', name: 'Viettel Bắc Giang', sector: 'telecom' },
      { code: 'VNPBG', name: 'VNPT Bắc Giang', sector: 'telecom' },
      { code: 'GHNBG', name: 'Giao Hàng Nhanh Bắc Giang', sector: 'postal' },
    ]))
      enterpriseIds[e.code] = e.id;
    const registrations: [number, string, RegExp][] = [
      [CHAT.officer, await invite('officer', 'VTBG'), /cán bộ trực của Viettel Bắc Giang/],
      [CHAT.otherOfficer, await invite('officer', 'VNPBG'), /cán bộ trực của VNPT Bắc Giang/],
      [CHAT.staff, await invite('staff'), /cán bộ của Sở/],
      [CHAT.admin, await invite('admin'), /có quyền quản trị/],
    ];
    for (const [chatId, code, expected] of registrations) {
      assert.match(await user(chatId).text(`/dangky ${code}`), expected);
    }
    const receipt = await user(CHAT.officer).text(
      '/baocao sự cố: mất sóng trạm BTS Lục Ngạn do đứt cáp quang',
    );
    assert.match(receipt, /Có sự cố — Mất liên lạc \/ mất sóng \(đang xử lý\)/);
    const [incident, ...others] = await db()
      .select()
      .from(incidents)
      .where(and(eq(incidents.enterpriseId, enterpriseIds.VTBG!), isNull(incidents.resolvedAt)));
    assert.equal(others.length, 0);
    incidentId = incident!.id;
  });

  after(async () => {
    await svc?.stop();
    await fake?.close();
  });

  const rows: Row[] = [
    {
      label: 'st:<code> (the alert button)',
      input: { tap: 'st:VTBG' },
      cells: staffOnly({ ok: /Lịch sử báo cáo của Viettel Bắc Giang \(VTBG\)/ }),
    },
    {
      label: 'ix:<incident>:1 (incident "fixed")',
      input: () => ({ tap: `ix:${incidentId}:1` }),
      cells: {
        unregistered: EXPIRED,
        staff: EXPIRED,
        admin: EXPIRED,
        // The officer comes last: the incident is still open when the others try.
        officer: {
          ok: /^✅ Đã ghi nhận: sự cố Mất liên lạc \/ mất sóng \(báo lúc \d{2}:\d{2} \d{2}\/\d{2}\) đã được khắc phục \(sau [^)]+\)\. Sở đã được thông báo\.$/,
        },
      },
    },
    {
      label: 'fx:<id>:1 (the follow-up button of old, gone)',
      input: () => ({ tap: `fx:${incidentId}:1` }),
      cells: everyone(EXPIRED),
    },
    {
      label: 'rp:ok outside the dialog',
      input: { tap: 'rp:ok' },
      cells: {
        unregistered: EXPIRED,
        staff: EXPIRED,
        admin: EXPIRED,
        officer: { ok: /^Báo cáo hôm nay đã được ghi nhận lúc/ },
      },
    },
    {
      label: 'rp:ok inside the dialog',
      setup: ['/baocao'],
      input: { tap: 'rp:ok' },
      cells: {
        unregistered: EXPIRED,
        staff: EXPIRED,
        admin: EXPIRED,
        officer: { ok: /Đã ghi nhận báo cáo ngày \d{2}\/\d{2}\/\d{4} của Viettel Bắc Giang/ },
      },
    },
    { label: 'ik:… outside the dialog', input: { tap: 'ik:mat_lien_lac' }, cells: everyone(EXPIRED) },
    {
      label: 'ik:… inside the dialog',
      setup: ['/baocao', { tap: 'rp:inc' }],
      input: { tap: 'ik:mat_lien_lac' },
      cells: {
        unregistered: EXPIRED,
        staff: EXPIRED,
        admin: EXPIRED,
        officer: { ok: /^Phạm vi ảnh hưởng\? Chọn bên dưới hoặc gõ tên xã, phường\.$/, buttons: /^ia:/ },
      },
    },
    {
      label: '/huy',
      input: '/huy',
      cells: {
        unregistered: { ok: /^Không có thao tác nào đang dở\.$/ },
        staff: { ok: /^Không có thao tác nào đang dở\.$/ },
        admin: { ok: /^Không có thao tác nào đang dở\.$/ },
        officer: { ok: /^Đã hủy\. Chưa có gì được ghi nhận\.$/ }, // closes the dialog the row above opened
      },
    },
    {
      label: '/start',
      input: '/start',
      cells: {
        unregistered: { ok: /Xin chào Người 8005!.*\/dangky <mã mời>/s },
        officer: { ok: /^Bạn đã đăng ký rồi \(cán bộ trực của Viettel Bắc Giang\)/ },
        staff: { ok: /^Bạn đã đăng ký rồi \(cán bộ Sở\)/ },
        admin: { ok: /^Bạn đã đăng ký rồi \(quản trị viên\)/ },
      },
    },
    {
      label: '/dangky (no code)',
      input: '/dangky',
      cells: {
        unregistered: { ok: /^Để đăng ký, hãy gửi mã mời/ },
        officer: { ok: /^Bạn đã đăng ký rồi/ },
        staff: { ok: /^Bạn đã đăng ký rồi/ },
        admin: { ok: /^Bạn đã đăng ký rồi/ },
      },
    },
    {
      label: '/baocao',
      input: '/baocao',
      cells: officerOnly({ ok: /Viettel Bắc Giang.*Tình hình hiện nay thế nào\?/s, buttons: /^rp:/ }),
    },
    {
      label: '/huy (again)',
      input: '/huy',
      cells: everyone({ ok: /^(Không có thao tác nào đang dở|Đã hủy)/ }),
    },
    {
      label: '/baocao ok',
      input: '/baocao ok',
      cells: officerOnly({
        ok: /Đã ghi nhận báo cáo ngày .* của Viettel Bắc Giang\.\nTình hình: Bình thường/,
      }),
    },
    {
      label: '/status',
      input: '/status',
      cells: staffOnly({ ok: /Tình hình báo cáo ngày \d{2}\/\d{2}\/\d{4}/ }),
    },
    {
      label: '/status <code>',
      input: '/status VTBG',
      cells: staffOnly({ ok: /Lịch sử báo cáo của Viettel Bắc Giang \(VTBG\)/ }),
    },
    {
      label: '/status dd/mm',
      input: '/status 10/02',
      cells: staffOnly({ ok: /Tình hình báo cáo ngày 10\/02\/\d{4}/ }),
    },
    {
      label: '/help',
      input: '/help',
      cells: {
        unregistered: { ok: /^Các lệnh:\n\/dangky <mã mời>/ },
        officer: { ok: /^Bạn là cán bộ trực của Viettel Bắc Giang\. Các lệnh:/ },
        staff: { ok: /^(?![\s\S]*\/thongbao)Bạn là cán bộ Sở\. Các lệnh:/ },
        admin: { ok: /^Bạn là cán bộ Sở\. Các lệnh:[\s\S]*\/thongbao/ },
      },
    },
    { label: '/vanban', input: '/vanban', cells: everyone({ ok: /\S/, buttons: /^vb:/ }) },
    {
      label: '/cauhoi',
      input: '/cauhoi',
      cells: staffOnly({ ok: /^(Chưa có câu hỏi nào|Các câu hỏi bot chưa trả lời)/ }),
    },
    { label: '/tamdung', input: '/tamdung', cells: officerOnly({ ok: /^Đã tạm dừng nhắc nhở ngày/ }) },
    {
      label: '/lienket',
      input: '/lienket',
      cells: {
        unregistered: refuse(t.linkNotRegistered),
        officer: { ok: /^Mã liên kết của bạn: [0-9A-Z]{5}-[0-9A-Z]{5}/ },
        staff: { ok: /^Mã liên kết của bạn: [0-9A-Z]{5}-[0-9A-Z]{5}/ },
        admin: { ok: /^Mã liên kết của bạn: [0-9A-Z]{5}-[0-9A-Z]{5}/ },
      },
    },
    {
      label: '/export',
      input: '/export',
      cells: staffOnly({ ok: /^📊 Báo cáo dịp Tết từ \d{2}\/\d{2}\/\d{4} đến/m, document: true }),
    },
    {
      label: '/tonghop',
      input: '/tonghop',
      cells: staffOnly({ ok: /📝 Dự thảo báo cáo gửi UBND tỉnh/, document: true }),
    },
    {
      label: '/thongbao x',
      input: '/thongbao Họp giao ban trực Tết lúc 8 giờ sáng mai',
      cells: {
        unregistered: NOT_REGISTERED,
        officer: ADMIN_ONLY,
        staff: ADMIN_ONLY,
        admin: { ok: /^Đã xếp hàng gửi thông báo tới 2 cán bộ trực/ },
      },
    },
  ];

  describe('every command and sensitive button × every role', () => {
    for (const row of rows) {
      for (const role of ROLES) {
        const cell = row.cells[role];
        const verdict = 'refused' in cell ? 'refused' : 'allowed';
        test(`${row.label} × ${role}: ${verdict}`, async () => {
          const who = user(CHAT[role]);
          for (const step of row.setup ?? []) await who.send(step);
          const sent = await who.send(typeof row.input === 'function' ? row.input() : row.input);
          const text = sent.map((m) => m.text).join('\n---\n');
          if ('refused' in cell) {
            assert.equal(text, cell.refused);
            assert.doesNotMatch(text, ENTERPRISE_NAMES);
            assert.ok(sent.every((m) => !m.document && buttonsOf(m).length === 0));
            return;
          }
          assert.match(text, cell.ok);
          if (cell.document)
            assert.ok(
              sent.some((m) => m.document && m.document.bytes.length > 0),
              'a file',
            );
          if (cell.buttons)
            assert.ok(
              buttonsOf(sent.at(-1)).some((b) => cell.buttons!.test(b)),
              'buttons',
            );
          for (const m of text.matchAll(/Mã liên kết của bạn: ([0-9A-Z]{5}-[0-9A-Z]{5})/g)) codes.push(m[1]!);
        });
      }
    }
  });

  describe("an officer and another enterprise's data", () => {
    const other = () => user(CHAT.otherOfficer);
    const count = async () =>
      (await db().select().from(reports).where(eq(reports.enterpriseId, enterpriseIds.VTBG!))).length;

    test('cannot see its reports: /status <code>, st:<code>, /export, /tonghop, /cauhoi are refused', async () => {
      for (const input of ['/status VTBG', { tap: 'st:VTBG' }, '/status', '/export', '/tonghop', '/cauhoi']) {
        const reply = await other().text(input);
        assert.equal(reply, t.staffOnly, JSON.stringify(input));
      }
    });

    test('cannot answer its incident question, either way, nor amend its report', async () => {
      const before = await count();
      const history = async () =>
        (await db().select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, incidentId))).length;
      const updatesBefore = await history();
      for (const answer of ['1', '0']) {
        assert.equal(await other().text({ tap: `ix:${incidentId}:${answer}` }), t.expiredAction);
      }
      assert.equal(await history(), updatesBefore, 'nothing added to the incident’s history');
      assert.match(await other().text('/baocao sự cố: thử báo cáo cho đơn vị khác'), /của VNPT Bắc Giang/);
      assert.equal(await count(), before, 'the other enterprise has no new revision');
      const own = await db().select().from(incidents).where(eq(incidents.enterpriseId, enterpriseIds.VTBG!));
      assert.deepEqual(
        own.map((i) => i.id),
        [incidentId],
        'the incident is filed under its own enterprise',
      );
    });

    test('nothing the bot ever sent to the other officer names the enterprise', () => {
      const sent = fake.sentTo(CHAT.otherOfficer);
      assert.ok(sent.length >= 8);
      for (const m of sent) assert.doesNotMatch(m.text, /Viettel|VTBG|Lục Ngạn/);
    });
  });

  describe('invite codes', () => {
    test('carry at least 64 bits: length × log2(alphabet), with every symbol equally likely', () => {
      const sample = Array.from({ length: 2000 }, () => generateCode());
      assert.equal(new Set(sample).size, sample.length, 'no repeats');
      const counts = new Map<string, number>();
      for (const c of sample.join('')) counts.set(c, (counts.get(c) ?? 0) + 1);
      const bits = INVITE_CODE_LENGTH * Math.log2(counts.size);
      assert.ok(bits >= 64, `${INVITE_CODE_LENGTH} × log2(${counts.size}) = ${bits} bits`);
      const expected = (sample.length * INVITE_CODE_LENGTH) / counts.size;
      for (const [symbol, n] of counts) {
        assert.ok(
          Math.abs(n - expected) < expected * 0.25,
          `symbol ${symbol}: ${n} times, ~${expected} expected`,
        );
      }
      // Look-alikes are folded when typed (O→0, I/L→1), so they must not be symbols of their own.
      for (const c of 'OIL') assert.ok(!counts.has(c), c);
      for (const code of codes.filter((c) => !c.includes('-'))) {
        assert.equal(code.length, INVITE_CODE_LENGTH);
        assert.ok(
          [...code].every((c) => counts.has(c)),
          code,
        );
      }
    });

    test('the invites table holds only hashes, never a code', async () => {
      const rows = await db().select().from(invites);
      assert.ok(rows.length >= codes.length);
      const dump = JSON.stringify(rows);
      for (const code of codes) {
        for (const form of [code, normalizeCode(code), code.toLowerCase(), code.replace('-', '')]) {
          assert.ok(!dump.includes(form), `${form} is stored in invites`);
        }
      }
      const hashes = new Set(rows.map((r) => r.codeHash));
      for (const code of codes) assert.ok(hashes.has(hashCode(code)), 'the sha256 of the normalised code');
      for (const r of rows) assert.match(r.codeHash, /^[0-9a-f]{64}$/);
    });

    test('inbound_events does not keep the codes people typed', {}, async () => {
      const result = await db().execute(sql`select message::text as m from inbound_events`);
      const dump = JSON.stringify(rowsOf(result));
      const leaked = codes.filter((c) => dump.includes(c) || dump.includes(normalizeCode(c)));
      assert.deepEqual(leaked, []);
    });

    test('an expired code is refused and registers nobody', async () => {
      const code = await invite('officer', 'GHNBG', -1000);
      const stranger = user(8011);
      assert.equal(await stranger.text(`/dangky ${code}`), t.codeExpired);
      assert.equal(await getMember(db(), 'telegram', '8011'), null);
      const [row] = await db()
        .select()
        .from(invites)
        .where(eq(invites.codeHash, hashCode(code)));
      assert.equal(row!.uses, 0);
    });

    test('after 5 wrong codes the 6th try is refused as "nhập sai mã quá nhiều lần", even the right code', async () => {
      const right = await invite('officer', 'GHNBG');
      const guesser = user(8012);
      for (let i = 0; i < 5; i++) {
        assert.equal(await guesser.text(`/dangky ${generateCode()}`), t.codeUnknown, `wrong code ${i + 1}`);
      }
      for (const attempt of [
        `/dangky ${right}`,
        `/start ${right}`,
        `/dangky ${generateCode()}`,
        '/lienket ABCDE-FGH12',
      ]) {
        assert.match(
          await guesser.text(attempt),
          /^Bạn đã nhập sai mã quá nhiều lần\. Vui lòng thử lại sau/,
          attempt,
        );
      }
      assert.equal(await getMember(db(), 'telegram', '8012'), null);
      const [row] = await db()
        .select()
        .from(invites)
        .where(eq(invites.codeHash, hashCode(right)));
      assert.equal(row!.uses, 0, 'the right code was not spent');
    });
  });

  describe('logs (LOG_LEVEL debug)', () => {
    test('a failed send is retried and logged', async () => {
      fake.failNext('sendMessage', 1, { status: 500 });
      const reply = await user(CHAT.otherOfficer).text(
        '/baocao sự cố: nghẽn mạng khu công nghiệp Quang Châu',
      );
      assert.match(reply, /Có sự cố/);
      assert.ok(svc.logs.some((l) => l.includes('send failed, will retry')));
    });

    test('no line holds the bot token, the webhook secret, a code or a message text', () => {
      const logs = svc.logs;
      assert.ok(
        logs.some((l) => l.includes('send failed, will retry')),
        'the scan covers a failed send',
      );
      const secrets = [TOKEN, TOKEN.split(':')[1]!, SECRET];
      const codeForms = codes.flatMap((c) => [c, normalizeCode(c), c.toLowerCase()]);
      const userTexts = typed.filter((x) => x.length >= 12);
      const botTexts = fake.sent
        .map((m) => m.text.split('\n')[0]!.trim())
        .filter((x) => x.length >= 20 && !/^\S+$/.test(x));
      assert.ok(codeForms.length >= 20, `${codeForms.length} code forms`);
      assert.ok(userTexts.length >= 10, `${userTexts.length} user texts`);
      assert.ok(botTexts.length >= 20, `${botTexts.length} bot texts`);
      const found: string[] = [];
      for (const line of logs) {
        for (const needle of [...secrets, ...codeForms, ...userTexts, ...botTexts]) {
          if (line.includes(needle))
            found.push(`${JSON.stringify(needle.slice(0, 40))} in ${line.slice(0, 200)}`);
        }
      }
      assert.deepEqual(found, []);
      assert.ok(
        logs.some((l) => l.includes('tet_access_bot')),
        'the scan reads the real lines (the bot name is logged)',
      );
    });
  });
});
