import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createInvite } from '../../src/db/queries/invites.ts';
import { getMember } from '../../src/db/queries/people.ts';
import { identities, inboundEvents, incidents, outbox, reports } from '../../src/db/schema.ts';
import { settle } from '../helpers/chat.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import {
  type FakeZalo,
  signedZaloRequest,
  startFakeZalo,
  zaloFollowEvent,
  zaloTextEvent,
} from '../helpers/fake-zalo.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { payloadsOf, postZalo, randomSecret, zaloEnv, zaloUser } from './zalo-user.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe('Zalo OA end to end: webhook, registration, reports, delivery failures', () => {
  const oaSecretKey = randomSecret('oa-secret');
  const codes: Record<string, string> = {};
  let fake: FakeZalo;
  let database: TestDatabase;
  let svc: TestService;
  const db = () => svc.service.database.db;
  const user = (userId: string) => zaloUser({ fake, oaSecretKey, userId, db, port: () => svc.service.port });
  const officer = () => user('zu-officer-viettel');
  const vnptOfficer = () => user('zu-officer-vnpt');
  const staff = () => user('zu-staff');
  const stranger = () => user('zu-stranger');

  const inboundCount = async () =>
    (await db().select().from(inboundEvents).where(eq(inboundEvents.channel, 'zalo'))).length;
  const unreachable = async (userId: string) => {
    const [row] = await db()
      .select()
      .from(identities)
      .where(and(eq(identities.channel, 'zalo'), eq(identities.externalId, userId)));
    return row?.unreachableAt != null;
  };

  before(async () => {
    fake = await startFakeZalo();
    fake.profiles.set('zu-officer-viettel', 'Nguyễn Văn An');
    fake.profiles.set('zu-staff', 'Trần Thị Bình');
    database = await createTestDatabase();
    svc = await startTestService({ env: zaloEnv(fake, oaSecretKey), database });
    const [viettel, vnpt] = await insertEnterprises(db(), [
      { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' },
      { code: 'VNPT', name: 'VNPT Bắc Giang', sector: 'telecom' },
      { code: 'VNPOST', name: 'Bưu điện tỉnh Bắc Giang', sector: 'both' },
    ]);
    const inAWeek = new Date(Date.now() + 7 * 86400_000);
    const invite = async (role: 'officer' | 'staff', enterpriseId: number | null) =>
      (await createInvite(db(), { role, enterpriseId, expiresAt: inAWeek, maxUses: 1 })).code;
    codes.viettel = await invite('officer', viettel!.id);
    codes.vnpt = await invite('officer', vnpt!.id);
    codes.staff = await invite('staff', null);
  });

  after(async () => {
    await svc.stop();
    await database.drop();
    await fake.close();
  });

  test('a signed text message is answered through the OA API', async () => {
    const reply = await stranger().sayText('help');
    assert.match(reply, /dangky <mã mời>/);
    assert.equal(svc.service.zalo?.health().ok, true);
  });

  test('a follow gets a short welcome explaining dangky; its redelivery has no second effect', async () => {
    const user = 'zu-follower';
    const body = zaloFollowEvent({ userId: user, timestamp: '1707800000000' });
    const { rawBody, headers } = signedZaloRequest({ appId: fake.appId, oaSecretKey, body });
    assert.equal(await postZalo(svc.service.port, rawBody, headers), 200);
    const [welcome] = await fake.waitForSentTo(user, 0);
    assert.match(welcome!.message.text, /quan tâm Official Account/);
    assert.match(welcome!.message.text, /dangky <mã mời>/);
    assert.equal(await postZalo(svc.service.port, rawBody, headers), 200);
    await sleep(200);
    await settle(db());
    assert.equal(fake.sentTo(user).length, 1);
  });

  test('unsigned, wrongly signed, tampered and malformed requests are refused and store nothing', async () => {
    const before = await inboundCount();
    const sentBefore = fake.sent.length;
    const body = zaloTextEvent({ userId: 'zu-attacker', text: 'dangky 1234' });
    const signed = signedZaloRequest({ appId: fake.appId, oaSecretKey, body });
    const wrong = signedZaloRequest({ appId: fake.appId, oaSecretKey: 'not-the-key', body });
    const json = { 'content-type': 'application/json' };
    const cases: [string, string, Record<string, string>][] = [
      ['no signature', signed.rawBody, json],
      ['wrong key', wrong.rawBody, wrong.headers],
      ['tampered body', signed.rawBody.replace('dangky 1234', 'dangky 9999'), signed.headers],
      ['garbage signature', signed.rawBody, { ...json, 'x-zevent-signature': 'mac=zzz' }],
      ['malformed JSON', '{"event_name": "user_send_text", ', signed.headers],
      ['empty body', '', signed.headers],
    ];
    for (const [name, rawBody, headers] of cases) {
      const status = await postZalo(svc.service.port, rawBody, headers);
      assert.ok(status >= 400 && status < 500, `${name}: ${status}`);
    }
    await sleep(100);
    assert.equal(await inboundCount(), before);
    assert.equal(fake.sent.length, sentBefore);
  });

  test('an unknown event is answered 200 and has no effect', async () => {
    const before = await inboundCount();
    const sentBefore = fake.sent.length;
    const body = {
      ...zaloTextEvent({ userId: 'zu-stranger', text: 'x' }),
      event_name: 'user_received_message',
    };
    assert.equal(await stranger().post(body), 200);
    await sleep(100);
    assert.equal(await inboundCount(), before);
    assert.equal(fake.sent.length, sentBefore);
  });

  test('a photo is answered with a hint that the bot reads text', async () => {
    const sentBefore = fake.sentTo('zu-stranger').length;
    const image = {
      ...zaloTextEvent({ userId: 'zu-stranger', text: 'x' }),
      event_name: 'user_send_image',
      message: {
        msg_id: 'img-1',
        attachments: [{ type: 'image', payload: { url: 'https://example.com/a.jpg' } }],
      },
    };
    assert.equal(await stranger().post(image), 200);
    const [reply] = await fake.waitForSentTo('zu-stranger', sentBefore);
    assert.match(reply!.message.text, /chỉ đọc được chữ, chưa xem được ảnh/);
  });

  test('an officer registers by text with the Zalo profile name and reports "normal" with two taps', async () => {
    const registered = await officer().sayText(`dangky ${codes.viettel}`);
    assert.match(registered, /Đăng ký thành công.*Viettel Bắc Giang/s);
    const member = await getMember(db(), 'zalo', 'zu-officer-viettel');
    assert.equal(member?.person.displayName, 'Nguyễn Văn An');

    const [ask] = await officer().say('baocao');
    assert.match(ask!.message.text, /Tình hình hiện nay thế nào/);
    // The buttons carry the enterprise the dialog was opened for.
    const [ok, inc] = payloadsOf(ask);
    assert.match(ok!, /^#rp:ok:\d+$/);
    assert.equal(inc, ok!.replace('#rp:ok:', '#rp:inc:'));
    assert.ok(ask!.message.attachment?.payload.buttons.every((b) => b.type === 'oa.query.hide'));
    const receipt = await officer().sayText(ok!);
    assert.match(receipt, /Đã ghi nhận báo cáo ngày \d{2}\/\d{2}\/\d{4} của Viettel Bắc Giang/);
    assert.match(receipt, /Số tham chiếu: BC\d{6}/);
  });

  test('a replayed msg_id has one effect', async () => {
    const count = async () => (await db().select().from(reports)).length;
    const [receipt] = await officer().say('baocao ok', 'replayed-msg-1');
    assert.match(receipt!.message.text, /Đã ghi nhận/);
    const reportsBefore = await count();
    const sentBefore = fake.sentTo('zu-officer-viettel').length;
    assert.equal(await officer().send('baocao ok', 'replayed-msg-1'), 200);
    await sleep(300);
    await settle(db());
    assert.equal(await count(), reportsBefore);
    assert.equal(fake.sentTo('zu-officer-viettel').length, sentBefore);
    const rows = await db().select().from(inboundEvents).where(eq(inboundEvents.eventKey, 'replayed-msg-1'));
    assert.equal(rows.length, 1);
  });

  test('an incident dialog works with buttons, typed numbers and a typed count (more than 5 choices become a list)', async () => {
    assert.match(await vnptOfficer().sayText(`dangky ${codes.vnpt}`), /Đăng ký thành công.*VNPT/s);
    await vnptOfficer().say('baocao');
    const [kinds] = await vnptOfficer().say('#rp:inc');
    assert.equal(kinds!.message.attachment, undefined, 'six choices do not fit in Zalo buttons');
    assert.match(kinds!.message.text, /1\. Mất liên lạc \/ mất sóng\n2\. Nghẽn mạng/);
    assert.match(kinds!.message.text, /Trả lời bằng số thứ tự/);
    const [area] = await vnptOfficer().say('2');
    assert.match(area!.message.text, /^Phạm vi ảnh hưởng\?/);
    assert.deepEqual(payloadsOf(area), [
      '#ia:toan_tinh',
      '#ia:nhieu_xa',
      '#ia:mot_xa',
      '#ia:mot_diem',
      '#cancel:',
    ]);
    assert.match(await vnptOfficer().sayText('#ia:mot_xa'), /^Xã, phường nào\?/);
    assert.match(await vnptOfficer().sayText('phường Đa Mai'), /^Quy mô ảnh hưởng\?/);
    // At the scale step a typed number is a count, not the third button ("101–1.000").
    assert.match(await vnptOfficer().sayText('3'), /khắc phục chưa/);
    assert.match(await vnptOfficer().sayText('đã khắc phục'), /Mô tả ngắn/);
    const receipt = await vnptOfficer().sayText('Mất điện lưới, đã chạy máy phát');
    assert.match(receipt, /Có sự cố — Nghẽn mạng \(đã khắc phục\)/);
    const [row] = await db()
      .select()
      .from(reports)
      .where(sql`${reports.incident} is not null and ${reports.channel} = 'zalo'`);
    assert.deepEqual(row!.incident, {
      kind: 'nghen_mang',
      area: 'phường Đa Mai',
      affected: '3',
      ongoing: false,
    });
    const [incident, ...others] = await db().select().from(incidents).where(eq(incidents.reportId, row!.id));
    assert.equal(others.length, 0);
    assert.equal(incident!.scaleCount, 3);
    assert.equal(incident!.scaleUnit, null);
    assert.equal(incident!.scaleBucket, null);
    assert.equal(incident!.description, 'Mất điện lưới, đã chạy máy phát');
    assert.notEqual(incident!.resolvedAt, null, 'fixed when reported: opened and closed at once');
  });

  test('staff registered on Zalo see the reports with status', async () => {
    assert.match(await staff().sayText(`dangky ${codes.staff}`), /cán bộ của Sở/);
    const status = await staff().sayText('status');
    assert.match(status, /Đã báo cáo: 2\/3/);
    assert.match(
      status,
      /• VNPT Bắc Giang: Nghẽn mạng, phường Đa Mai, ảnh hưởng 3, ✅ đã khắc phục lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \(sau [^)]+\)/,
    );
    assert.match(status, /Bưu điện tỉnh Bắc Giang \(VNPOST\)/);
    assert.match(await officer().sayText('status'), /chỉ dành cho cán bộ Sở/);
  });

  test('a token rejected mid-dialog is refreshed and the reply delivered once', async () => {
    await officer().say('baocao');
    const refreshes = fake.refreshCalls;
    fake.failNext(1, { error: -216 });
    const replies = await officer().say('#rp:inc');
    assert.equal(replies.length, 1);
    assert.match(replies[0]!.message.text, /Loại sự cố/);
    assert.equal(fake.refreshCalls, refreshes + 1);
    fake.expireAccessToken();
    assert.equal((await officer().say('1')).length, 1, 'an expired token (-220) is refreshed too');
    assert.equal(fake.refreshCalls, refreshes + 2);
    assert.match(await officer().sayText('huy'), /Đã hủy/);
  });

  test('-230 on a send marks the officer unreachable and status says so', async () => {
    fake.failNext(1, { error: -230 });
    assert.equal(await vnptOfficer().send('baocao'), 200);
    await eventually(() => unreachable('zu-officer-vnpt'), 'the identity to be marked unreachable');
    const [failed] = await db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.chatId, 'zu-officer-vnpt'), eq(outbox.status, 'failed')));
    assert.match(failed!.lastError ?? '', /^unreachable: .*-230/);
    const status = await staff().sayText('status');
    assert.match(status, /Không liên lạc được[^\n]*\n• VNPT Bắc Giang \(VNPT\)/);
    // Writing again reopens the window.
    assert.match(await vnptOfficer().sayText('huy'), /Đã hủy|Không có thao tác/);
    assert.equal(await unreachable('zu-officer-vnpt'), false);
  });

  test('unfollow marks the identity unreachable; following again welcomes back', async () => {
    assert.equal(await officer().unfollow(), 200);
    await eventually(() => unreachable('zu-officer-viettel'), 'unfollow to mark the identity unreachable');
    assert.match(await staff().sayText('status'), /Không liên lạc được[^\n]*\n• Viettel Bắc Giang/);
    const [back] = await officer().follow();
    assert.match(back!.message.text, /quay lại.*Viettel Bắc Giang/s);
    assert.equal(await unreachable('zu-officer-viettel'), false);
  });

  test('no token, secret or invite code appears in any log line', async () => {
    const secrets = [...fake.issued, fake.appSecret, oaSecretKey, ...Object.values(codes)];
    assert.ok(svc.logs.length > 5);
    for (const line of svc.logs) {
      for (const secret of secrets)
        assert.ok(!line.includes(secret), `a secret leaked into: ${line.slice(0, 200)}`);
    }
    const errors = await db().select({ e: outbox.lastError }).from(outbox);
    for (const { e } of errors) for (const secret of secrets) assert.ok(!e?.includes(secret));
  });
});
