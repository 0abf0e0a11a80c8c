import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createInvite } from '../../src/db/queries/invites.ts';
import { inboundEvents, incidents, incidentUpdates, reports } from '../../src/db/schema.ts';
import { reportRef } from '../../src/texts/index.ts';
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
  const ids: Record<string, number> = {};
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
    ids.viettel = viettel!.id;
    ids.vnpost = vnpost!.id;
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
  const incidentsOf = (enterpriseId: number) =>
    db().select().from(incidents).where(eq(incidents.enterpriseId, enterpriseId)).orderBy(asc(incidents.id));
  const reportsOf = (enterpriseId: number) =>
    db().select().from(reports).where(eq(reports.enterpriseId, enterpriseId)).orderBy(asc(reports.id));
  const updatesOf = async (incidentId: number) =>
    (
      await db()
        .select()
        .from(incidentUpdates)
        .where(eq(incidentUpdates.incidentId, incidentId))
        .orderBy(asc(incidentUpdates.id))
    ).map((u) => u.kind);

  test('/start alone explains the bot and how to register', async () => {
    const reply = await stranger().sayText('/start');
    assert.match(reply, /kênh liên lạc dịp Tết của Sở/);
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
    // The buttons carry the enterprise the dialog was opened for.
    const [ok, inc] = buttonsOf(ask);
    assert.match(ok!, /^rp:ok:\d+$/);
    assert.equal(inc, ok!.replace('rp:ok:', 'rp:inc:'));
    const receipt = await officer().tapText(ok!);
    assert.match(receipt, /Đã ghi nhận báo cáo ngày \d{2}\/\d{2}\/\d{4} của Viettel Bắc Giang/);
    assert.match(receipt, /Số tham chiếu: BC\d{6} · lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \(giờ Việt Nam\)/);
    assert.ok(fake.callbackAnswers.length >= 1, 'the callback query is answered');
  });

  test('an incident dialog asks kind, area (a typed commune), scale (a typed count), state and description', async () => {
    await postOfficer().say('/baocao');
    const [kinds] = await postOfficer().tap('rp:inc');
    assert.ok(buttonsOf(kinds).includes('ik:don_u'), 'postal kinds for a postal enterprise');
    assert.ok(buttonsOf(kinds).includes('ik:nghen_mang'), '"both" sector sees telecom kinds too');
    const [area] = await postOfficer().tap('ik:don_u');
    assert.match(area!.text, /^Phạm vi ảnh hưởng\?/);
    assert.deepEqual(buttonsOf(area), ['ia:toan_tinh', 'ia:nhieu_xa', 'ia:mot_xa', 'ia:mot_diem', 'cancel:']);
    assert.match(await postOfficer().tapText('ia:mot_xa'), /^Xã, phường nào\? Gõ tên/);
    assert.match(await postOfficer().sayText('xã Tân Sơn'), /^Quy mô ảnh hưởng\?/);
    assert.match(await postOfficer().sayText('nhiều lắm'), /gõ số kèm đơn vị/);
    assert.match(await postOfficer().sayText('1.250 bưu gửi'), /khắc phục chưa/);
    assert.match(await postOfficer().tapText('io:1'), /Mô tả ngắn/);
    const receipt = await postOfficer().sayText('Dồn ứ tại bưu cục trung tâm, đã tăng ca');
    assert.match(receipt, /Có sự cố — Dồn ứ bưu gửi \(đang xử lý\)/);
    const [row, ...more] = await reportsOf(ids.vnpost!);
    assert.equal(more.length, 0);
    assert.deepEqual(row!.incident, {
      kind: 'don_u',
      area: 'xã Tân Sơn',
      affected: '1.250 bưu gửi',
      ongoing: true,
    });
    assert.equal(row!.note, 'Dồn ứ tại bưu cục trung tâm, đã tăng ca');
    // The incident is its own record, open, tied to the report that opened it; the count keeps its unit.
    const [incident, ...others] = await incidentsOf(ids.vnpost!);
    assert.equal(others.length, 0);
    assert.equal(incident!.reportId, row!.id);
    assert.equal(incident!.kind, 'don_u');
    assert.equal(incident!.area, 'xã Tân Sơn');
    assert.equal(incident!.scaleCount, 1250);
    assert.equal(incident!.scaleUnit, 'bưu gửi');
    assert.equal(incident!.scaleBucket, null);
    assert.equal(incident!.description, 'Dồn ứ tại bưu cục trung tâm, đã tăng ca');
    assert.equal(incident!.resolvedAt, null);
    assert.deepEqual(await updatesOf(incident!.id), ['opened']);
    // Staff are alerted at once, without an internal reference.
    const alert = fake.sentTo(2001).at(-1)!.text;
    assert.match(
      alert,
      /^🚨 Bưu điện tỉnh Bắc Giang báo cáo sự cố\nLoại: Dồn ứ bưu gửi\nKhu vực: xã Tân Sơn\nQuy mô: 1\.250 bưu gửi\nTrạng thái: đang xử lý/,
    );
    assert.doesNotMatch(alert, /BC\d{6}/);
  });

  test('one-line forms; a second report the same day is another report, and never hides an open incident', async () => {
    const [first] = await reportsOf(ids.vnpost!);
    const [incident] = await incidentsOf(ids.vnpost!);
    const normal = await postOfficer().say('/baocao ok');
    assert.match(normal[0]!.text, /Tình hình: Bình thường/);
    assert.ok(
      normal[0]!.text.includes(
        `Đây là báo cáo lần 2 trong ngày (trước đó: ${reportRef(first!.id)}); các báo cáo và sự cố trước vẫn được lưu.`,
      ),
      normal[0]!.text,
    );
    // The normal report leaves the incident open and asks about it.
    assert.match(
      normal.at(-1)!.text,
      /^Sự cố Dồn ứ bưu gửi, xã Tân Sơn \(báo lúc \d{2}:\d{2} \d{2}\/\d{2}\) đã khắc phục chưa\?$/,
    );
    assert.deepEqual(buttonsOf(normal.at(-1)), [`ix:${incident!.id}:1`, `ix:${incident!.id}:0`]);
    assert.equal((await incidentsOf(ids.vnpost!))[0]!.resolvedAt, null, 'a normal report closes nothing');

    assert.match(await postOfficer().tapText(`ix:${incident!.id}:0`), /sự cố vẫn đang được xử lý/);
    assert.equal((await incidentsOf(ids.vnpost!))[0]!.resolvedAt, null);
    assert.match(
      await postOfficer().tapText(`ix:${incident!.id}:1`),
      /sự cố Dồn ứ bưu gửi, xã Tân Sơn \(báo lúc [^)]+\) đã được khắc phục \(sau [^)]+\)\. Sở đã được thông báo/,
    );
    assert.notEqual((await incidentsOf(ids.vnpost!))[0]!.resolvedAt, null);
    assert.deepEqual(await updatesOf(incident!.id), ['opened', 'update', 'resolved']);
    assert.match(
      fake.sentTo(2001).at(-1)!.text,
      /^✅ Đã khắc phục: Bưu điện tỉnh Bắc Giang — Dồn ứ bưu gửi, xã Tân Sơn\nBáo lúc .*, khắc phục lúc .* \(sau [^)]+\)\.$/,
    );
    assert.match(await postOfficer().tapText(`ix:${incident!.id}:1`), /đã được ghi nhận khắc phục lúc/);

    const [viettelFirst] = await reportsOf(ids.viettel!);
    const one = await officer().sayText(
      '/baocao sự cố: mất sóng 3 trạm BTS xã An Lạc do mất điện lưới, đang chạy máy phát',
    );
    assert.match(one, /Có sự cố — Mất liên lạc \/ mất sóng \(đang xử lý\)/);
    assert.ok(
      one.includes(`Đây là báo cáo lần 2 trong ngày (trước đó: ${reportRef(viettelFirst!.id)})`),
      one,
    );
    const [read] = await incidentsOf(ids.viettel!);
    assert.equal(read!.kind, 'mat_lien_lac');
    assert.equal(read!.area, 'xã An Lạc');
    assert.equal(read!.scaleCount, 3);
    assert.equal(read!.scaleUnit, 'trạm BTS');
    assert.equal(read!.resolvedAt, null);
    assert.match(await officer().sayText('/baocao linh tinh'), /Cách báo cáo nhanh/);
    assert.equal((await db().select().from(reports)).length, 4);
    assert.equal((await db().select().from(incidents)).length, 2);
  });

  test('/status shows counts, missing enterprises and incidents to staff only', async () => {
    const status = await staff().sayText('/status');
    assert.match(status, /Đã báo cáo: 2\/3/);
    assert.match(status, /Chưa báo cáo \(1\):\n• Giao Hàng Nhanh Bắc Giang \(GHN\) — chưa có cán bộ đăng ký/);
    assert.match(status, /⚠️ Có sự cố \(2\):/);
    assert.match(
      status,
      /• Viettel Bắc Giang: Mất liên lạc \/ mất sóng, xã An Lạc, ảnh hưởng 3 trạm BTS, ⏳ đang xử lý từ \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \([^)]+\)/,
    );
    // The day's latest report from Bưu điện is "Bình thường": its incident is still listed, with its final state.
    assert.match(
      status,
      /• Bưu điện tỉnh Bắc Giang: Dồn ứ bưu gửi, xã Tân Sơn, ảnh hưởng 1\.250 bưu gửi, ✅ đã khắc phục lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \(sau [^)]+\)/,
    );
    assert.doesNotMatch(status, /BC\d{6}/);
    const history = await staff().sayText('/status VIETTEL');
    assert.match(history, /Lịch sử báo cáo của Viettel Bắc Giang/);
    assert.match(history, /sửa đổi 1 lần/);
    assert.match(
      history,
      /Sự cố \(mới nhất trước\):\n• Viettel Bắc Giang: Mất liên lạc \/ mất sóng, xã An Lạc/,
    );
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
    assert.match(await officer().tapText('ia:mot_diem'), /^Điểm, trạm ở đâu\?/);
    await svc.stop();
    svc = await startTestService({ env: env(), database });
    // The name typed after the restart is still the answer to "which station", not a question for the Q&A.
    assert.match(await officer().sayText('Trạm BTS Sơn Động'), /^Quy mô ảnh hưởng\?/);
    await officer().tap('if:11-100');
    await officer().tap('io:0');
    const receipt = await officer().tapText('in:skip');
    assert.match(receipt, /Nghẽn mạng \(đã khắc phục\)/);
    assert.match(receipt, /Sự cố Mất liên lạc \/ mất sóng, xã An Lạc \(báo lúc [^)]+\) đã khắc phục chưa\?/);
    const latest = (await incidentsOf(ids.viettel!)).at(-1)!;
    assert.equal(latest.kind, 'nghen_mang');
    assert.equal(latest.area, 'Trạm BTS Sơn Động');
    assert.equal(latest.scaleBucket, '11–100');
    assert.equal(latest.scaleCount, null);
    assert.notEqual(latest.resolvedAt, null, 'fixed when reported: opened and closed at once');
  });

  test('a photo of the damage with words under it is read as those words; a photo alone gets a hint to type', async () => {
    const [preview] = await officer().sendPhoto('mất sóng 2 trạm BTS xã Tân Sơn do cây đổ');
    assert.match(preview!.text, /^Báo cáo sự cố của Viettel Bắc Giang:\n• Loại: Mất liên lạc/);
    assert.match(await officer().sayText('thôi'), /.+/);
    const [hint] = await officer().sendPhoto();
    assert.match(hint!.text, /^Bot chỉ đọc được chữ, chưa xem được ảnh/);
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
