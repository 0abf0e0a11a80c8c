/**
 * Holding under abuse, in the conversation (the inbox's path, no HTTP): the wrong-code limit follows the person, and a
 * report button shown for one enterprise never files for another. Floods of reports and questions are in
 * floods.test.ts; group chats, refused at the channel's edge, are tested end to end over the webhook in abuse.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { createBotConversation } from '../../src/conversation/index.ts';
import { generateCode } from '../../src/db/queries/invites.ts';
import { getMember } from '../../src/db/queries/people.ts';
import { reports } from '../../src/db/schema.ts';
import type { IncomingMessage } from '../../src/messages.ts';
import { t } from '../../src/texts/index.ts';
import { type AbuseWorld, openAbuseWorld } from '../helpers/abuse-world.ts';
import { actionsOf, type TestChat } from '../helpers/test-chat.ts';

describe('abuse: code guessing, stale buttons', () => {
  let world: AbuseWorld<'mover' | 'guesser'>;
  // Set by before(), read by the tests: the world's chat, enterprise ids, people and helpers.
  let chat: TestChat;
  let ids: Record<string, number>;
  let people: AbuseWorld<'mover' | 'guesser'>['people'];
  let invite: AbuseWorld<string>['invite'];
  let incidentCount: AbuseWorld<string>['incidentCount'];
  const reportCount = async (enterprise: string) =>
    (await chat.db.select({ n: count() }).from(reports).where(eq(reports.enterpriseId, ids[enterprise]!)))[0]!
      .n;

  before(async () => {
    world = await openAbuseWorld(['mover', 'guesser'] as const);
    ({ chat, ids, people, invite, incidentCount } = world);
  });

  after(async () => {
    await world?.close();
  });

  describe('the wrong-code limit belongs to the person', () => {
    test('wrong codes from several chats of one sender add up: the sixth try is refused in any chat', async () => {
      const conversation = createBotConversation({ clock: chat.clock });
      const send = (chatId: string, text: string) =>
        chat.db.transaction((tx) =>
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
      const [other] = await chat.db.transaction((tx) =>
        conversation.handle(tx, {
          channel: 'telegram',
          chatId: 'c-1',
          userId: '777002',
          displayName: 'Người khác',
          text: `/dangky ${generateCode()}`,
        }),
      );
      assert.equal(other!.text, t.codeUnknown);
      assert.equal(await getMember(chat.db, 'telegram', '777001'), null);
    });

    test('a redeemed /lienket code does not clear wrong invite codes', async () => {
      const guesser = people.guesser;
      for (let i = 0; i < 4; i++)
        assert.equal(await guesser.sayText(`/dangky ${generateCode()}`), t.codeUnknown);
      const issued = /Mã liên kết của bạn: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(
        await people.officer.sayText('/lienket'),
      )?.[1];
      assert.ok(issued, 'a link code');
      assert.match(await guesser.sayText(`/lienket ${issued}`), /Viettel Bắc Giang/);
      assert.equal(await guesser.sayText(`/dangky ${generateCode()}`), t.codeUnknown, 'the fifth wrong code');
      const right = await invite('officer', 'GHNBG');
      assert.match(await guesser.sayText(`/dangky ${right}`), /^Bạn đã nhập sai mã quá nhiều lần/);
      assert.equal((await getMember(chat.db, 'telegram', guesser.userId))?.enterprise?.code, 'VTBG');
    });
  });

  describe('stale report buttons', () => {
    const mover = () => people.mover;
    const moveTo = async (enterprise: string, name: RegExp) =>
      assert.match(await mover().sayText(`/dangky ${await invite('officer', enterprise)}`), name);

    test('the report dialog’s buttons carry the enterprise and are refused after the officer moved', async () => {
      chat.clock.set('2024-02-12T09:00:00Z');
      await moveTo('VTBG', /Đăng ký thành công.*Viettel Bắc Giang/s);
      const [ask] = await mover().say('/baocao');
      assert.deepEqual(actionsOf(ask), [`rp:ok:${ids.VTBG}`, `rp:inc:${ids.VTBG}`]);
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
      const buttons = actionsOf(confirm.at(-1));
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
