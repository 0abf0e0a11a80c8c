/**
 * Holding under abuse, against the real service (webhook mode) and the fake Bot API: group chats are refused once and
 * change nothing. The rest (the wrong-code limit, alert floods, question floods, stale buttons) is conversation, in
 * abuse-chat.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import type { Update } from 'telegraf/types';
import { parseTelegramUpdate } from '../../src/channels/telegram/parse.ts';
import { parseZaloEvent } from '../../src/channels/zalo/parse.ts';
import { fixedClock } from '../../src/clock.ts';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createInvite, hashCode } from '../../src/db/queries/invites.ts';
import { getMember } from '../../src/db/queries/people.ts';
import { incidents, invites, reports } from '../../src/db/schema.ts';
import { t } from '../../src/texts/index.ts';
import { settle, telegramUser } from '../helpers/chat.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { callbackUpdate, textUpdate } from '../helpers/telegram-updates.ts';

const SECRET = 'abuse-webhook-secret_7c2e9d41b6a0';
const CHAT = { officer: 9101, vnptOfficer: 9102, staff: 9103 };
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

describe('abuse: group chats', () => {
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
});
