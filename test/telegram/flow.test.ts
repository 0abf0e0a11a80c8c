import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createInvite } from '../../src/db/queries/invites.ts';
import { inboundEvents, reports } from '../../src/db/schema.ts';
import { buttonsOf, settle, telegramUser } from '../helpers/chat.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { textUpdate } from '../helpers/telegram-updates.ts';

describe('Telegram (polling): registration, reports, /status', () => {
  let fake: FakeTelegram;
  let database: TestDatabase;
  let svc: TestService;
  const codes: Record<string, string> = {};
  const db = () => svc.service.database.db;
  const env = () => telegramEnv(fake);

  before(async () => {
    fake = await startFakeTelegram({ botUsername: 'tet_bacgiang_bot' });
    database = await createTestDatabase();
    svc = await startTestService({ env: env(), database });
    const [viettel, vnpost] = await insertEnterprises(db(), [
      { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' },
      { code: 'VNPOST', name: 'Bưu điện tỉnh Bắc Giang', sector: 'both' },
      { code: 'GHN', name: 'Giao Hàng Nhanh Bắc Giang', sector: 'postal' },
    ]);
    const inAWeek = new Date(Date.now() + 7 * 86400_000);
    codes.viettel = (
      await createInvite(db(), { role: 'officer', enterpriseId: viettel!.id, expiresAt: inAWeek, maxUses: 2 })
    ).code;
    codes.vnpost = (
      await createInvite(db(), { role: 'officer', enterpriseId: vnpost!.id, expiresAt: inAWeek, maxUses: 1 })
    ).code;
    codes.staff = (
      await createInvite(db(), { role: 'staff', enterpriseId: null, expiresAt: inAWeek, maxUses: 1 })
    ).code;
    codes.expired = (
      await createInvite(db(), {
        role: 'officer',
        enterpriseId: viettel!.id,
        expiresAt: new Date(Date.now() - 1000),
        maxUses: 5,
      })
    ).code;
  });

  after(async () => {
    await svc.stop();
    await database.drop();
    await fake.close();
  });

  const officer = () => telegramUser({ fake, db, chatId: 1001, firstName: 'An' });
  const postOfficer = () => telegramUser({ fake, db, chatId: 1002, firstName: 'Hoa' });
  const staff = () => telegramUser({ fake, db, chatId: 2001, firstName: 'Bình' });
  const stranger = () => telegramUser({ fake, db, chatId: 3001, firstName: 'Khách' });

  test('/start alone explains the bot and how to register', async () => {
    const reply = await stranger().sayText('/start');
    assert.match(reply, /Sở Thông tin và Truyền thông/);
    assert.match(reply, /\/dangky <mã mời>/);
  });

  test('a wrong, an expired and a used-up code each get their reason and register nothing', async () => {
    assert.match(await stranger().sayText('/dangky ABCDEFGH12345678'), /Mã mời không đúng/);
    assert.match(await stranger().sayText(`/start ${codes.expired}`), /hết hạn/);
    assert.match(
      await postOfficer().sayText(`/start ${codes.vnpost}`),
      /Đăng ký thành công.*Bưu điện tỉnh Bắc Giang/s,
    );
    assert.match(await stranger().sayText(`/dangky ${codes.vnpost}`), /dùng hết/);
    assert.match(await stranger().sayText('/baocao'), /chưa đăng ký/);
  });

  test('deep link registers an officer; the code is typed loosely (lower case, dashes)', async () => {
    const loose = codes
      .viettel!.toLowerCase()
      .replace(/(.{4})/g, '$1-')
      .slice(0, -1);
    assert.match(await officer().sayText(`/dangky ${loose}`), /Đăng ký thành công.*Viettel Bắc Giang/s);
    assert.match(await staff().sayText(`/start ${codes.staff}`), /cán bộ của Sở/);
  });

  test('"Bình thường" is recorded in two taps with a receipt', async () => {
    const [ask] = await officer().say('/baocao');
    assert.match(ask!.text, /Tình hình hiện nay thế nào/);
    assert.deepEqual(buttonsOf(ask), ['rp:ok', 'rp:inc']);
    const receipt = await officer().tapText('rp:ok');
    assert.match(receipt, /Đã ghi nhận báo cáo ngày \d{2}\/\d{2}\/\d{4} của Viettel Bắc Giang/);
    assert.match(receipt, /Số tham chiếu: BC\d{6} · lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \(giờ Việt Nam\)/);
    assert.ok(fake.callbackAnswers.length >= 1, 'the callback query is answered');
  });

  test('an incident dialog asks kind, area, scale, state and description, then amends the day', async () => {
    await postOfficer().say('/baocao');
    const [kinds] = await postOfficer().tap('rp:inc');
    assert.ok(buttonsOf(kinds).includes('ik:don_u'), 'postal kinds for a postal enterprise');
    assert.ok(buttonsOf(kinds).includes('ik:nghen_mang'), '"both" sector sees telecom kinds too');
    assert.match(await postOfficer().tapText('ik:don_u'), /Phạm vi, khu vực/);
    assert.match(await postOfficer().sayText('huyện Lục Ngạn'), /Số trạm, điểm phục vụ/);
    assert.match(await postOfficer().sayText('nhiều lắm'), /gõ một số/);
    assert.match(await postOfficer().sayText('1.250'), /khắc phục chưa/);
    assert.match(await postOfficer().tapText('io:1'), /Mô tả ngắn/);
    const receipt = await postOfficer().sayText('Dồn ứ tại bưu cục trung tâm, đã tăng ca');
    assert.match(receipt, /Có sự cố — Dồn ứ bưu gửi \(đang xử lý\)/);
    const [row] = await db().select().from(reports).where(sql`${reports.incident} is not null`);
    assert.deepEqual(row!.incident, {
      kind: 'don_u',
      area: 'huyện Lục Ngạn',
      affected: '1250',
      ongoing: true,
    });
    assert.equal(row!.note, 'Dồn ứ tại bưu cục trung tâm, đã tăng ca');
  });

  test('one-line forms, and a second report the same day is an amendment with history kept', async () => {
    const normal = await postOfficer().sayText('/baocao ok');
    assert.match(normal, /bản sửa đổi lần 1/);
    const incident = await officer().sayText('/baocao sự cố: mất điện lưới, trạm BTS Sơn Động chạy máy phát');
    assert.match(incident, /Có sự cố — Sự cố khác/);
    assert.match(incident, /bản sửa đổi lần 1, thay cho báo cáo BC\d{6}/);
    assert.match(await officer().sayText('/baocao linh tinh'), /Cách báo cáo nhanh/);
    const all = await db().select().from(reports);
    assert.equal(all.length, 4);
  });

  test('/status shows counts, missing enterprises and incidents to staff only', async () => {
    const status = await staff().sayText('/status');
    assert.match(status, /Đã báo cáo: 2\/3/);
    assert.match(status, /Chưa báo cáo \(1\):\n• Giao Hàng Nhanh Bắc Giang \(GHN\) — chưa có cán bộ đăng ký/);
    assert.match(status, /Viettel Bắc Giang: Sự cố khác/);
    const history = await staff().sayText('/status VIETTEL');
    assert.match(history, /Lịch sử báo cáo của Viettel Bắc Giang/);
    assert.match(history, /sửa đổi 1 lần/);
    for (const who of [officer(), stranger()]) {
      const refusal = await who.sayText('/status');
      assert.doesNotMatch(refusal, /Viettel|Bưu điện|Giao Hàng|GHN/);
      assert.match(refusal, /chỉ dành cho cán bộ Sở|chưa đăng ký/);
    }
    assert.match(await staff().sayText('/status 31/02'), /Không hiểu yêu cầu/);
  });

  test('a redelivered update has no second effect', async () => {
    const updateId = 9_000_001;
    await officer().say('/baocao ok', updateId);
    const count = async () => (await db().select().from(reports)).length;
    const n = await count();
    fake.pushUpdate(textUpdate({ chatId: 1001, text: '/baocao ok', updateId }));
    await new Promise((r) => setTimeout(r, 300));
    await settle(db());
    assert.equal(await count(), n);
    const rows = await db()
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.eventKey, String(updateId)));
    assert.equal(rows.length, 1);
  });

  test('a restart in the middle of a report continues where it was', async () => {
    await officer().say('/baocao');
    await officer().tap('rp:inc');
    await officer().tap('ik:nghen_mang');
    await svc.stop();
    svc = await startTestService({ env: env(), database });
    assert.match(await officer().tapText('ia:tp'), /Số trạm/);
    await officer().tap('if:11-100');
    await officer().tap('io:0');
    const receipt = await officer().tapText('in:skip');
    assert.match(receipt, /Nghẽn mạng \(đã khắc phục\)/);
  });

  test('bad input gets a clear reply and stores nothing wrong', async () => {
    const n = (await db().select().from(reports)).length;
    assert.match(await officer().sayText('x'.repeat(5000)), /quá dài/);
    const sqlish = await stranger().sayText("'; DROP TABLE reports; --");
    assert.ok(sqlish.length > 0);
    const emoji = await stranger().sayText('🧧🎆 Chúc mừng năm mới 𝕋ết 2024 \u202e\u0000');
    assert.ok(emoji.length > 0);
    assert.match(await officer().tapText('ik:../../etc/passwd'), /không hợp lệ hoặc đã hết hạn/);
    assert.match(
      await officer().tapText('rp:ok'),
      /Báo cáo hôm nay đã được ghi nhận lúc \d{2}:\d{2} \(BC\d{6}\)/,
    );
    assert.match(await stranger().tapText('rp:ok'), /không hợp lệ hoặc đã hết hạn/);
    assert.match(await officer().tapText('zz:%00'), /không hợp lệ hoặc đã hết hạn/);
    assert.equal((await db().select().from(reports)).length, n);
  });
});
