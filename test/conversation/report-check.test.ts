/**
 * An officer on a patchy line asks whether the report got through ("em báo cáo rồi chưa?"): the answer is what the
 * department has from the enterprise today, or the report buttons. An incident typed in lower case on a phone names
 * its commune as the department's list spells it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { importAreas } from '../../src/db/queries/areas.ts';
import { incidents, incidentUpdates } from '../../src/db/schema.ts';
import { t } from '../../src/texts/index.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';
import { type Participant, type TestChat, type TestChatOptions, testChat } from '../helpers/test-chat.ts';

/** A fresh chat for one describe block: an officer of Viettel and a staff member, closed after the block. */
function freshChat(options?: TestChatOptions, prepare?: (chat: TestChat) => Promise<unknown>) {
  const ctx = {} as { chat: TestChat; officer: Participant; staff: Participant };
  let database: OpenTestDatabase;
  before(async () => {
    database = await openTestDatabase();
    ctx.chat = await testChat(database, options);
    ctx.officer = ctx.chat.as('officer');
    ctx.staff = ctx.chat.as('staff');
    await prepare?.(ctx.chat);
  });
  after(async () => {
    await ctx.chat.close();
    await database.dispose();
  });
  return ctx;
}

describe('"did my report get through?"', () => {
  const ctx = freshChat(undefined, (chat) =>
    importAreas(chat.db, [
      { name: 'Xã Tân Yên', unitKind: 'xã' },
      { name: 'Xã Tân Sơn', unitKind: 'xã' },
      { name: 'Phường Yên Dũng', unitKind: 'phường' },
    ]),
  );

  test('before any report: says none came, with the two report buttons', async () => {
    const [reply] = await ctx.officer.say('em bao cao roi chua?');
    assert.match(reply!.text, /^Chưa có báo cáo ngày \d{2}\/\d{2}\/\d{4} của Viettel/);
    assert.deepEqual(
      reply!.buttons?.map((b) => b.label),
      [t.btnNormal, t.btnIncident],
    );
    const [receipt] = await ctx.officer.tap(reply!.buttons![0]!.action);
    assert.match(receipt!.text, /^✅ Đã ghi nhận báo cáo ngày/);
  });

  test('after a report: the time, what it said and its reference; nothing new is recorded', async () => {
    for (const asked of [
      'sở nhận được bc của em chưa ạ',
      'hom nay minh bao roi dung k',
      'bc gửi được chưa',
    ]) {
      const reply = await ctx.officer.sayText(asked);
      assert.match(reply, /^✅ Sở đã nhận báo cáo ngày .* lúc \d{2}:\d{2}, bình thường \(BC\d+\)\./, asked);
    }
    await ctx.officer.say('sự cố: mất sóng 2 trạm xã Tân Sơn');
    const reply = await ctx.officer.sayText('đã ghi nhận chưa ạ');
    assert.match(reply, /có sự cố — mất liên lạc \/ mất sóng \(đang xử lý\)/);
    assert.match(reply, /Hôm nay đơn vị đã gửi 2 báo cáo/);
  });

  test('questions about reporting stay questions', async () => {
    for (const asked of ['bc gui qua email nao', 'hạn báo cáo chưa rõ', 'báo cáo gửi đi đâu']) {
      assert.doesNotMatch(await ctx.officer.sayText(asked), /^(✅ Sở đã nhận|Chưa có báo cáo ngày)/, asked);
    }
  });

  test('staff asking "đã báo cáo chưa" get /status', async () => {
    assert.match(await ctx.staff.sayText('đã báo cáo chưa'), /^📊 Tình hình báo cáo ngày/);
  });

  test('an incident typed in lower case names the commune as the list spells it', async () => {
    const [preview] = await ctx.officer.say('mat song 4 tram o xa tan yen');
    assert.match(preview!.text, /• Khu vực: Xã Tân Yên\n/);
    await ctx.officer.say('thôi');
    const [again] = await ctx.officer.say('mất sóng 3 trạm ở Yên Dũng do mất điện');
    assert.match(again!.text, /• Khu vực: Phường Yên Dũng\n/);
    await ctx.officer.say('thôi');
    const [unknown] = await ctx.officer.say('mat song 4 tram o xa Hop Thinh');
    assert.match(unknown!.text, /• Khu vực: xa Hop Thinh\n/, 'a commune not in the list is kept as typed');
  });
});

describe('staff asking about one enterprise in words', () => {
  const ctx = freshChat({
    enterprises: [
      { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' },
      { code: 'VTPOST', name: 'Viettel Post Bắc Giang', sector: 'postal' },
      { code: 'VNPOST', name: 'Bưu điện tỉnh Bắc Giang', sector: 'postal' },
    ],
  });

  test('"viettel báo cáo chưa?" is that enterprise\'s history, as /status VIETTEL', async () => {
    await ctx.officer.say('bình thường');
    const history = await ctx.staff.sayText('viettel bao cao chua?');
    assert.match(history, /^📁 Lịch sử báo cáo của Viettel/);
    assert.equal(history, await ctx.staff.sayText('/status VIETTEL'));
  });

  test('a name typed without diacritics finds the enterprise, for the words and for /status', async () => {
    const expected =
      /^📁 Lịch sử báo cáo của Bưu điện tỉnh Bắc Giang|^Bưu điện tỉnh Bắc Giang chưa có báo cáo nào/;
    assert.match(await ctx.staff.sayText('buu dien da gui bc chua'), expected);
    assert.match(await ctx.staff.sayText('/status buu dien'), expected);
    assert.match(
      await ctx.staff.sayText('viettel post bc chưa'),
      /^Viettel Post Bắc Giang chưa có báo cáo nào/,
    );
  });

  test('"ai báo cáo chưa" is /status; a name that is no enterprise is a question', async () => {
    assert.match(await ctx.staff.sayText('ai bao cao chua'), /^📊 Tình hình báo cáo ngày/);
    assert.doesNotMatch(await ctx.staff.sayText('gia lai bao cao chua'), /^(📁|📊)/);
  });
});

describe("how an open incident is going, in the officer's words", () => {
  const ctx = freshChat();

  const open = async () =>
    (
      await ctx.chat.db
        .select()
        .from(incidents)
        .where(eq(incidents.enterpriseId, ctx.chat.enterprises.VIETTEL!.id))
    ).filter((i) => i.resolvedAt === null);

  test('with nothing open, progress words say there is no open incident', async () => {
    assert.equal(await ctx.officer.sayText('vẫn chưa khắc phục xong'), t.noOpenIncident);
  });

  test('"đã khôi phục được 8/12 trạm" keeps the incident open, goes in its history, and staff are told', async () => {
    await ctx.officer.say('sự cố: mất sóng 12 trạm xã Tân Sơn do mất điện lưới');
    await ctx.staff.received();
    const reply = await ctx.officer.sayText('đã khôi phục được 8/12 trạm');
    assert.match(reply, /^Đã ghi nhận diễn biến của sự cố Mất liên lạc \/ mất sóng, xã Tân Sơn/);
    const [incident] = await open();
    assert.ok(incident, 'still open');
    const notes = await ctx.chat.db
      .select()
      .from(incidentUpdates)
      .where(eq(incidentUpdates.incidentId, incident.id));
    assert.ok(notes.some((u) => u.kind === 'update' && u.text === 'đã khôi phục được 8/12 trạm'));
    const alerts = (await ctx.staff.received()).map((m) => m.text);
    assert.ok(
      alerts.some(
        (a) =>
          a.startsWith('🔄 Viettel Bắc Giang — Mất liên lạc / mất sóng, xã Tân Sơn') && /8\/12 trạm/.test(a),
      ),
      alerts.join('\n---\n'),
    );
    assert.match(await ctx.officer.sayText('vẫn chưa khắc phục xong'), /^Đã ghi nhận diễn biến/);
    assert.equal((await open()).length, 1);
  });

  test('"đã khắc phục xong 12/12 trạm" closes it', async () => {
    assert.match(
      await ctx.officer.sayText('đã khắc phục xong 12/12 trạm'),
      /^✅ Đã ghi nhận: sự cố .* đã được khắc phục/,
    );
    assert.equal((await open()).length, 0);
  });
});
