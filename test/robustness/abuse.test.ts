/**
 * Holding under abuse, against the real service (webhook mode) and the fake Bot API: group chats are refused once and
 * change nothing, the wrong-code limit follows the person, a burst of incident reports is two staff alerts, a
 * stranger's questions cannot flood /cauhoi, and a report button shown for one enterprise never files for another.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq, sum } from 'drizzle-orm';
import type { Update } from 'telegraf/types';
import { parseTelegramUpdate } from '../../src/channels/telegram/parse.ts';
import { parseZaloEvent } from '../../src/channels/zalo/parse.ts';
import { fixedClock } from '../../src/clock.ts';
import { createBotConversation } from '../../src/conversation/index.ts';
import { MAX_STRANGER_QUESTIONS_PER_DAY } from '../../src/conversation/questions.ts';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createInvite, generateCode, hashCode } from '../../src/db/queries/invites.ts';
import { getMember } from '../../src/db/queries/people.ts';
import { incidents, invites, reports, unansweredQuestions } from '../../src/db/schema.ts';
import { ALERT_MERGE_MINUTES } from '../../src/features/incidents.ts';
import type { IncomingMessage } from '../../src/messages.ts';
import { t } from '../../src/texts/index.ts';
import { buttonsOf, settle, telegramUser } from '../helpers/chat.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { callbackUpdate, textUpdate } from '../helpers/telegram-updates.ts';

const SECRET = 'abuse-webhook-secret_7c2e9d41b6a0';
const CHAT = { officer: 9101, vnptOfficer: 9102, staff: 9103, mover: 9105, guesser: 9301, stranger: 9401 };
const GROUP = -1001234500001;
const OTHER_GROUP = -4005006;

describe('the chat type at the channel edge', () => {
  test('Telegram: only a "private" chat is private; groups, supergroups, channels and a missing type are not', () => {
    const cases: [unknown, 'private' | 'group'][] = [
      [{ id: 5, type: 'private' }, 'private'],
      [{ id: -5, type: 'group' }, 'group'],
      [{ id: -1005, type: 'supergroup' }, 'group'],
      [{ id: -1006, type: 'channel' }, 'group'],
      [{ id: 5 }, 'group'],
    ];
    for (const [chat, expected] of cases) {
      const message = textUpdate({ chatId: 5, text: '/dangky ABCD' });
      const parsed = parseTelegramUpdate({ ...message, message: { ...message.message, chat } } as Update);
      assert.equal(parsed?.message.chatType, expected, JSON.stringify(chat));
      const tap = callbackUpdate({ chatId: 5, data: 'rp:ok:1' });
      const q = tap.callback_query as Update.CallbackQueryUpdate['callback_query'] & { message: object };
      const tapped = parseTelegramUpdate({
        ...tap,
        callback_query: { ...q, message: { ...q.message, chat } },
      } as Update);
      assert.equal(tapped?.message.chatType, expected, `tap in ${JSON.stringify(chat)}`);
    }
  });

  test('Zalo: group chat events and the OA’s own echoes are ignored, never a message', () => {
    for (const event_name of ['user_send_group_text', 'user_send_group_image', 'user_send_group_sticker']) {
      const event = parseZaloEvent({
        event_name,
        sender: { id: 'u-1' },
        recipient: { id: 'group-1' },
        message: { msg_id: 'm1', text: 'dangky 7KQ2M9XA4TPBW3HD' },
        timestamp: '1707721200000',
      });
      assert.deepEqual(event, { kind: 'ignored', reason: 'group chat (private chats only)' });
    }
    const echo = parseZaloEvent({
      event_name: 'oa_send_text',
      sender: { id: 'oa-1' },
      recipient: { id: 'u-1' },
      message: { msg_id: 'm2', text: '#rp:ok:1' },
      timestamp: '1707721200000',
    });
    assert.deepEqual(echo, { kind: 'ignored', reason: 'sent by the OA' });
  });
});

describe('abuse: group chats, code guessing, alert floods, question floods, stale buttons', () => {
  // The business clock: a fixed Tuesday of Tết week, moved by the tests.
  const clock = fixedClock('2024-02-12T02:00:00Z');
  let fake: FakeTelegram;
  let svc: TestService;
  const db = () => svc.service.database.db;
  const ids: Record<string, number> = {};

  const deliver = async (update: Update) => {
    const res = await fetch(`http://127.0.0.1:${svc.service.port}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update),
    });
    assert.equal(res.status, 200);
  };
  const user = (chatId: number) => telegramUser({ fake, db, chatId, firstName: `Người ${chatId}`, deliver });
  const invite = async (role: 'officer' | 'staff', enterprise?: string) => {
    const { code } = await createInvite(db(), {
      role,
      enterpriseId: enterprise ? ids[enterprise]! : null,
      expiresAt: new Date(clock.now().getTime() + 7 * 86400_000),
      maxUses: 1,
    });
    return code;
  };
  const reportCount = async (enterprise: string) =>
    (await db().select({ n: count() }).from(reports).where(eq(reports.enterpriseId, ids[enterprise]!)))[0]!.n;
  const incidentCount = async (enterprise: string) =>
    (
      await db().select({ n: count() }).from(incidents).where(eq(incidents.enterpriseId, ids[enterprise]!))
    )[0]!.n;
  const texts = (chatId: number) => fake.sentTo(chatId).map((m) => m.text);

  /** An update from `userId` inside the group `groupId` (Telegram's shape: the chat is the group's). */
  const inGroup = (
    groupId: number,
    update: Update.MessageUpdate | Update.CallbackQueryUpdate,
    type: 'group' | 'supergroup' | 'channel' = 'supergroup',
  ): Update => {
    const chat = { id: groupId, type, title: 'Trực Tết liên ngành' };
    if ('message' in update) return { ...update, message: { ...update.message, chat } } as Update;
    const q = update.callback_query as Update.CallbackQueryUpdate['callback_query'] & { message: object };
    return { ...update, callback_query: { ...q, message: { ...q.message, chat } } } as Update;
  };
  /** Delivers updates that get no reply, and waits until they are processed. */
  const deliverSilently = async (...updates: Update[]) => {
    for (const u of updates) await deliver(u);
    await settle(db());
  };

  before(async () => {
    fake = await startFakeTelegram({ botUsername: 'tet_abuse_bot' });
    svc = await startTestService({
      env: {
        ...telegramEnv(fake),
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
      },
      clock,
    });
    for (const e of await insertEnterprises(db(), [
      { code: 'VTBG', name: 'Viettel Bắc Giang', sector: 'telecom' },
      { code: 'VNPBG', name: 'VNPT Bắc Giang', sector: 'telecom' },
      { code: 'GHNBG', name: 'Giao Hàng Nhanh Bắc Giang', sector: 'postal' },
    ]))
      ids[e.code] = e.id;
    assert.match(await user(CHAT.officer).sayText(`/dangky ${await invite('officer', 'VTBG')}`), /Viettel/);
    assert.match(await user(CHAT.vnptOfficer).sayText(`/dangky ${await invite('officer', 'VNPBG')}`), /VNPT/);
    assert.match(await user(CHAT.staff).sayText(`/dangky ${await invite('staff')}`), /cán bộ của Sở/);
  });

  after(async () => {
    await svc?.stop();
    await fake?.close();
  });

  describe('private chats only', () => {
    test('a group gets one polite refusal, and nothing said or tapped there registers, reports or answers', async () => {
      const code = await invite('officer', 'GHNBG');
      // A stranger pastes a valid invite code in the group.
      const before = fake.sentTo(GROUP).length;
      await deliver(inGroup(GROUP, textUpdate({ chatId: 9201, text: `/dangky ${code}` })));
      await fake.waitForSent((m) => m.chatId === GROUP, 10_000);
      await settle(db());
      assert.deepEqual(texts(GROUP).slice(before), [t.privateOnly]);
      assert.equal(await getMember(db(), 'telegram', '9201'), null, 'nobody registered');
      const [row] = await db()
        .select()
        .from(invites)
        .where(eq(invites.codeHash, hashCode(code)));
      assert.equal(row!.uses, 0, 'the code was not spent');

      // The registered officer writes and taps in the same group: no answer, no report, no incident.
      const reportsBefore = await reportCount('VTBG');
      const incidentsBefore = await incidentCount('VTBG');
      await deliverSilently(
        inGroup(GROUP, textUpdate({ chatId: CHAT.officer, text: '/baocao ok' })),
        inGroup(GROUP, textUpdate({ chatId: CHAT.officer, text: 'sự cố: mất sóng 3 trạm ở xã Bảo Sơn' })),
        inGroup(GROUP, textUpdate({ chatId: CHAT.officer, text: 'Bình thường' })),
        inGroup(GROUP, callbackUpdate({ chatId: CHAT.officer, data: `rp:ok:${ids.VTBG}` })),
        inGroup(GROUP, callbackUpdate({ chatId: CHAT.staff, data: 'st:VTBG' })),
        inGroup(GROUP, textUpdate({ chatId: CHAT.staff, text: '/status' })),
        inGroup(GROUP, textUpdate({ chatId: 9202, text: 'Hạn nộp báo cáo khi nào?' }), 'group'),
      );
      assert.deepEqual(texts(GROUP).slice(before), [t.privateOnly], 'one refusal per chat, ever');
      assert.equal(await reportCount('VTBG'), reportsBefore);
      assert.equal(await incidentCount('VTBG'), incidentsBefore);

      // Another group (a basic group this time) gets its own single refusal; a channel post-like chat too.
      await deliver(inGroup(OTHER_GROUP, textUpdate({ chatId: 9203, text: '/start' }), 'group'));
      await fake.waitForSent((m) => m.chatId === OTHER_GROUP, 10_000);
      await deliverSilently(inGroup(OTHER_GROUP, textUpdate({ chatId: 9203, text: '/help' }), 'group'));
      assert.deepEqual(texts(OTHER_GROUP), [t.privateOnly]);

      // The officer's private chat is untouched.
      assert.match(await user(CHAT.officer).sayText('/baocao ok'), /Đã ghi nhận báo cáo ngày .* của Viettel/);
    });
  });

  describe('the wrong-code limit belongs to the person', () => {
    test('wrong codes from several chats of one sender add up: the sixth try is refused in any chat', async () => {
      const conversation = createBotConversation({ clock });
      const send = (chatId: string, text: string) =>
        db().transaction((tx) =>
          conversation.handle(tx, {
            channel: 'telegram',
            chatId,
            userId: '777001',
            chatType: 'private',
            displayName: 'Người đoán mã',
            text,
          } satisfies IncomingMessage),
        );
      const right = await invite('officer', 'GHNBG');
      for (const chat of ['c-1', 'c-1', 'c-2', 'c-2', 'c-3']) {
        const [reply] = await send(chat, `/dangky ${generateCode()}`);
        assert.equal(reply!.text, t.codeUnknown);
      }
      for (const chat of ['c-1', 'c-4']) {
        const [reply] = await send(chat, `/dangky ${right}`);
        assert.match(reply!.text, /^Bạn đã nhập sai mã quá nhiều lần/, chat);
      }
      // Another person in the same chat is not blocked by them.
      const [other] = await db().transaction((tx) =>
        conversation.handle(tx, {
          channel: 'telegram',
          chatId: 'c-1',
          userId: '777002',
          displayName: 'Người khác',
          text: `/dangky ${generateCode()}`,
        }),
      );
      assert.equal(other!.text, t.codeUnknown);
      assert.equal(await getMember(db(), 'telegram', '777001'), null);
    });

    test('a redeemed /lienket code does not clear wrong invite codes', async () => {
      const guesser = user(CHAT.guesser);
      for (let i = 0; i < 4; i++)
        assert.equal(await guesser.sayText(`/dangky ${generateCode()}`), t.codeUnknown);
      const issued = /Mã liên kết của bạn: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(
        await user(CHAT.officer).sayText('/lienket'),
      )?.[1];
      assert.ok(issued, 'a link code');
      assert.match(await guesser.sayText(`/lienket ${issued}`), /Viettel Bắc Giang/);
      assert.equal(await guesser.sayText(`/dangky ${generateCode()}`), t.codeUnknown, 'the fifth wrong code');
      const right = await invite('officer', 'GHNBG');
      assert.match(await guesser.sayText(`/dangky ${right}`), /^Bạn đã nhập sai mã quá nhiều lần/);
      assert.equal((await getMember(db(), 'telegram', String(CHAT.guesser)))?.enterprise?.code, 'VTBG');
    });
  });

  describe('incident alert floods', () => {
    test('30 incident reports in a row: 30 incidents, one alert at once, one update when the window closes', async () => {
      const officer = user(CHAT.vnptOfficer);
      const start = new Date('2024-02-12T03:00:00Z');
      clock.set(start);
      const alertsBefore = texts(CHAT.staff).length;
      for (let i = 1; i <= 30; i++) {
        const receipt = await officer.sayText(`/baocao sự cố: mất sóng trạm BTS số ${i} ở xã Bảo Sơn`);
        assert.match(receipt, /Có sự cố/);
        clock.advance(10_000);
      }
      assert.equal(await incidentCount('VNPBG'), 30, 'every incident is recorded');
      const alerts = () => texts(CHAT.staff).slice(alertsBefore);
      assert.equal(alerts().filter((x) => x.startsWith('🚨 VNPT Bắc Giang')).length, 1, 'one alert at once');
      assert.equal(alerts().filter((x) => x.startsWith('🔄')).length, 0, 'the update waits for the window');

      clock.set(new Date(start.getTime() + ALERT_MERGE_MINUTES * 60_000 + 1_000));
      await svc.service.scheduler.tick();
      await settle(db());
      const updates = fake.sentTo(CHAT.staff).filter((m) => m.text.startsWith('🔄'));
      assert.equal(updates.length, 1);
      assert.match(
        updates[0]!.text,
        /^🔄 Cập nhật: VNPT Bắc Giang gửi thêm 29 báo cáo sự cố trong 10 phút sau cảnh báo lúc 10:00 12\/02\/2024\./,
      );
      assert.deepEqual(buttonsOf(updates[0]), ['st:VNPBG']);
      await svc.service.scheduler.tick();
      await settle(db());
      assert.equal(alerts().length, 2, 'two alerts for 30 reports');

      // A report after the window is alerted at once again.
      await officer.sayText('/baocao sự cố: nghẽn mạng khu công nghiệp Quang Châu');
      assert.equal(alerts().filter((x) => x.startsWith('🚨 VNPT Bắc Giang')).length, 2);
    });

    test('a window that closed before any scheduler tick is flushed by the next report, before its own alert', async () => {
      const officer = user(CHAT.vnptOfficer);
      const start = new Date('2024-02-12T05:00:00Z');
      clock.set(start);
      const before = texts(CHAT.staff).length;
      await officer.sayText('/baocao sự cố: mất điện trạm Lạng Giang');
      clock.set(new Date(start.getTime() + 60_000));
      await officer.sayText('/baocao sự cố: mất điện trạm Lục Nam');
      clock.set(new Date(start.getTime() + (ALERT_MERGE_MINUTES + 2) * 60_000));
      await officer.sayText('/baocao sự cố: mất điện trạm Yên Dũng');
      const got = texts(CHAT.staff).slice(before);
      assert.equal(got.length, 3, got.join('\n---\n'));
      assert.match(got[0]!, /^🚨 VNPT Bắc Giang báo cáo sự cố/);
      assert.match(got[1]!, /^🔄 Cập nhật: VNPT Bắc Giang gửi thêm 1 báo cáo sự cố/);
      assert.match(got[2]!, /^🚨 VNPT Bắc Giang báo cáo sự cố/);
    });
  });

  describe('question floods', () => {
    test(`a stranger's questions are all answered, but at most ${MAX_STRANGER_QUESTIONS_PER_DAY} a day are kept for /cauhoi`, async () => {
      clock.set('2024-02-12T08:00:00Z');
      const stored = async () =>
        Number(
          (
            await db()
              .select({ n: sum(unansweredQuestions.count) })
              .from(unansweredQuestions)
          )[0]!.n ?? 0,
        );
      const stranger = user(CHAT.stranger);
      const before = await stored();
      const question = (i: number) => `Cho hỏi quy định số ${i} về xe tải chở hàng qua cầu phao ${i} ra sao?`;
      for (let i = 1; i <= 25; i++) {
        const reply = await stranger.sayText(question(i));
        assert.ok(reply.trim().length > 0, `an answer to question ${i}`);
      }
      const kept = (await stored()) - before;
      assert.equal(kept, MAX_STRANGER_QUESTIONS_PER_DAY, 'only the first 20 are kept');

      // The next Vietnam day the stranger has a fresh allowance; registered people are never capped.
      clock.set('2024-02-13T08:00:00Z');
      await stranger.sayText(question(26));
      assert.equal((await stored()) - before, MAX_STRANGER_QUESTIONS_PER_DAY + 1);
      clock.set('2024-02-12T08:30:00Z');
      for (let i = 27; i <= 29; i++) await user(CHAT.staff).sayText(question(i));
      assert.equal((await stored()) - before, MAX_STRANGER_QUESTIONS_PER_DAY + 4);
    });
  });

  describe('stale report buttons', () => {
    const mover = () => user(CHAT.mover);
    const moveTo = async (enterprise: string, name: RegExp) =>
      assert.match(await mover().sayText(`/dangky ${await invite('officer', enterprise)}`), name);

    test('the report dialog’s buttons carry the enterprise and are refused after the officer moved', async () => {
      clock.set('2024-02-12T09:00:00Z');
      await moveTo('VTBG', /Đăng ký thành công.*Viettel Bắc Giang/s);
      const [ask] = await mover().say('/baocao');
      assert.deepEqual(buttonsOf(ask), [`rp:ok:${ids.VTBG}`, `rp:inc:${ids.VTBG}`]);
      await moveTo('GHNBG', /Đã cập nhật đăng ký của bạn: cán bộ trực của Giao Hàng Nhanh Bắc Giang/);
      const before = { VTBG: await reportCount('VTBG'), GHNBG: await reportCount('GHNBG') };
      assert.equal(await mover().tapText(`rp:ok:${ids.VTBG}`), t.expiredAction);
      assert.equal(
        await mover().tapText('rp:ok'),
        t.expiredAction,
        'the old form, in a dialog of the old enterprise',
      );
      assert.equal(await mover().tapText(`rp:inc:${ids.VTBG}`), t.expiredAction);
      assert.equal(await mover().tapText('rp:inc'), t.expiredAction);
      assert.deepEqual({ VTBG: await reportCount('VTBG'), GHNBG: await reportCount('GHNBG') }, before);
    });

    test('reminder buttons: only the current enterprise’s files; its old and bare forms are expired', async () => {
      const before = { VTBG: await reportCount('VTBG'), GHNBG: await reportCount('GHNBG') };
      for (const data of [
        `rm:ok:${ids.VTBG}`,
        `rm:form:${ids.VTBG}`,
        'rm:ok',
        'rm:form',
        `rm:ok:${ids.VTBG}x`,
      ]) {
        assert.equal(await mover().tapText(data), t.expiredAction, data);
      }
      assert.deepEqual({ VTBG: await reportCount('VTBG'), GHNBG: await reportCount('GHNBG') }, before);
      assert.match(
        await mover().tapText(`rm:ok:${ids.GHNBG}`),
        /Đã ghi nhận báo cáo ngày 12\/02\/2024 của Giao Hàng Nhanh Bắc Giang/,
      );
      assert.equal(await reportCount('GHNBG'), before.GHNBG + 1);
    });

    test('a confirmation and an incident form opened for one enterprise file nothing for the next', async () => {
      const all = async () => ({
        VTBG: await incidentCount('VTBG'),
        VNPBG: await incidentCount('VNPBG'),
        GHNBG: await incidentCount('GHNBG'),
      });
      const confirm = await mover().say('dồn ứ 300 bưu gửi tại kho Việt Yên');
      const buttons = buttonsOf(confirm.at(-1));
      assert.ok(buttons.includes(`rc:inc:${ids.GHNBG}`), buttons.join(' '));
      await moveTo('VTBG', /Đã cập nhật đăng ký của bạn: cán bộ trực của Viettel Bắc Giang/);
      const before = await all();
      assert.equal(await mover().tapText(`rc:inc:${ids.GHNBG}`), t.expiredAction);
      assert.equal(
        await mover().tapText('rc:inc'),
        t.expiredAction,
        'the old form, in a dialog of the old enterprise',
      );

      // The step-by-step form: a typed answer, then a tapped one, after a move.
      await mover().say('/baocao');
      assert.equal(await mover().tapText(`rp:inc:${ids.VTBG}`), t.askKind);
      await moveTo('VNPBG', /Đã cập nhật đăng ký của bạn: cán bộ trực của VNPT Bắc Giang/);
      assert.equal(await mover().sayText('mất sóng'), t.expiredAction);
      await mover().say('/baocao');
      assert.equal(await mover().tapText(`rp:inc:${ids.VNPBG}`), t.askKind);
      assert.match(await mover().tapText('ik:mat_lien_lac'), /^Phạm vi ảnh hưởng\?/);
      await moveTo('VTBG', /Đã cập nhật đăng ký của bạn: cán bộ trực của Viettel Bắc Giang/);
      assert.equal(await mover().tapText('ia:toan_tinh'), t.expiredAction);
      assert.deepEqual(await all(), before, 'no incident filed anywhere');
    });
  });
});
