import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc } from 'drizzle-orm';
import { importAreas } from '../../src/db/queries/areas.ts';
import { createInvite } from '../../src/db/queries/invites.ts';
import { incidents, reports, unansweredQuestions } from '../../src/db/schema.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';
import { actionsOf, type Participant, type TestChat, testChat } from '../helpers/test-chat.ts';

const at = (local: string) => new Date(`${local}+07:00`);
const spaced = (code: string) => code.toLowerCase().replace(/(.{4})(?=.)/g, '$1 ');
const dashed = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');

/** Officers type as they do on a phone, with and without diacritics; nothing they meant to report is lost. */
describe('a Tết week typed in officers’ own words', () => {
  let database: OpenTestDatabase;
  let chat: TestChat;
  const db = () => chat.db;
  // Nobody is registered in advance: each registers with the code of their enterprise, in a chat of their own.
  const user = (name: string) => {
    let who: Participant | undefined;
    return () => {
      who ??= chat.stranger(name);
      return who;
    };
  };
  const viettel = user('An');
  const vnpt = user('Bình');
  const mobi = user('Cường');
  const post = user('Dung');
  const ghn = user('Giang');
  const staff = user('Hà');
  const stranger = user('Khách');
  const lastTo = async (who: () => Participant) => (await who().messages()).at(-1)!.text;
  const codes: Record<string, string> = {};

  before(async () => {
    database = await openTestDatabase();
    chat = await testChat(database, {
      at: at('2024-02-10T07:30:00'),
      env: { INCIDENT_FOLLOWUP_MINUTES: '600' },
      campaign: true,
      enterprises: [
        { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' },
        { code: 'VNPT', name: 'VNPT Bắc Giang', sector: 'telecom' },
        { code: 'MOBI', name: 'MobiFone Bắc Giang', sector: 'telecom' },
        { code: 'VNPOST', name: 'Bưu điện tỉnh Bắc Giang', sector: 'postal' },
        { code: 'GHN', name: 'Giao Hàng Nhanh Bắc Giang', sector: 'postal' },
      ],
      people: [],
    });
    const expiresAt = at('2024-03-01T00:00:00');
    for (const e of Object.values(chat.enterprises)) {
      codes[e.code] = (
        await createInvite(db(), { role: 'officer', enterpriseId: e.id, expiresAt, maxUses: 1 })
      ).code;
    }
    codes.staff = (
      await createInvite(db(), { role: 'staff', enterpriseId: null, expiresAt, maxUses: 1 })
    ).code;
    await importAreas(db(), [
      { name: 'Xã Tân Sơn', unitKind: 'xã' },
      { name: 'Xã Tân An', unitKind: 'xã' },
      { name: 'Xã Tân Yên', unitKind: 'xã' },
      { name: 'Phường Trần Phú', unitKind: 'phường' },
    ]);
  });

  after(async () => {
    await chat.close();
    await database.dispose();
  });

  test('registration: a bare pasted code, "đăng ký", "dang ky" with dashes, spaces and lower case', async () => {
    assert.match(await viettel().sayText(codes.VIETTEL!), /Đăng ký thành công.*Viettel Bắc Giang/s);
    assert.match(await vnpt().sayText(`đăng ký ${spaced(codes.VNPT!)}`), /Đăng ký thành công.*VNPT/s);
    assert.match(await mobi().sayText(`dang ky ${dashed(codes.MOBI!)}`), /Đăng ký thành công.*MobiFone/s);
    assert.match(await post().sayText(`Đăng ký: ${codes.VNPOST!.toLowerCase()}`), /Đăng ký thành công/);
    assert.match(await ghn().sayText(`/dangky ${spaced(codes.GHN!)}`), /Đăng ký thành công/);
    assert.match(await staff().sayText(`DANGKY ${codes.staff}`), /cán bộ của Sở/);
    // A question about registering is a question, not a wrong code.
    assert.doesNotMatch(await stranger().sayText('đăng ký thế nào vậy?'), /Mã mời không đúng/);
  });

  test('greetings and thanks get a short answer, and are not questions for /cauhoi', async () => {
    assert.match(await viettel().sayText('Xin chào'), /Xin chào An!.*bình thường/);
    assert.match(await vnpt().sayText('cam on ban nhe'), /cảm ơn bạn/);
    assert.match(await stranger().sayText('chào bot'), /Để đăng ký/);
  });

  test('mùng 1, 07:30: "Bình thường", "bao cao binh thuong", "bc ok" are reports', async () => {
    assert.match(await viettel().sayText('Bình thường'), /Đã ghi nhận báo cáo ngày 10\/02\/2024 của Viettel/);
    assert.match(
      await vnpt().sayText('bao cao binh thuong'),
      /Đã ghi nhận báo cáo ngày 10\/02\/2024 của VNPT/,
    );
    assert.match(await ghn().sayText('bc ok'), /Đã ghi nhận báo cáo ngày 10\/02\/2024 của Giao Hàng Nhanh/);
    // The same words again: already in, no copy.
    assert.match(await viettel().sayText('binh thuong a'), /đã được ghi nhận lúc 07:30/);
  });

  test('"ok" alone asks once; typing the button label works like a tap', async () => {
    const ask = await mobi().say('ok');
    assert.match(
      ask.at(-1)!.text,
      /báo cáo ngày 10\/02\/2024 của MobiFone Bắc Giang: mạng lưới, hoạt động bình thường\?/,
    );
    assert.deepEqual(
      actionsOf(ask.at(-1)).map((b) => b.replace(/:\d+$/, '')),
      ['rc:ok', 'rc:no'],
      'buttons bound to the enterprise (rc:ok:<id>)',
    );
    assert.ok(actionsOf(ask.at(-1)).every((b) => /^rc:(ok|no):\d+$/.test(b)));
    assert.match(
      await mobi().sayText('Đúng, bình thường'),
      /Đã ghi nhận báo cáo ngày 10\/02\/2024 của MobiFone/,
    );
    assert.match(await mobi().sayText('ok'), /Vâng ạ\. Báo cáo hôm nay của đơn vị đã được ghi nhận/);
  });

  test('after /baocao, typed labels and a typed count go through the incident form', async () => {
    chat.clock.set(at('2024-02-10T09:00:00'));
    await post().say('/baocao');
    assert.match(await post().sayText('có sự cố'), /Loại sự cố là gì\?/);
    assert.match(await post().sayText('Dồn ứ bưu gửi'), /Phạm vi ảnh hưởng\?/);
    assert.match(await post().sayText('một xã, phường'), /Xã, phường nào\?/);
    // Several communes start with "Tân": they are offered as buttons; typing the whole name picks one.
    const pick = await post().say('tan');
    assert.match(pick.at(-1)!.text, /Chọn xã, phường đúng với "tan"/);
    assert.equal(actionsOf(pick.at(-1)).length, 4);
    assert.match(await post().sayText('Tan Son'), /Quy mô ảnh hưởng\?/);
    // "3" is three hundred parcels' worth of nothing: it is the number typed, not the third button.
    assert.match(await post().sayText('300 bưu gửi'), /khắc phục chưa\?/);
    assert.match(await post().sayText('dang xu ly'), /Mô tả ngắn/);
    const receipt = await post().sayText('1');
    assert.match(receipt, /Có sự cố — Dồn ứ bưu gửi \(đang xử lý\)/);
    const [incident] = await db().select().from(incidents).orderBy(asc(incidents.id)).limit(1);
    assert.equal(incident!.area, 'Xã Tân Sơn');
    assert.equal(incident!.scaleCount, 300);
    assert.equal(incident!.scaleUnit, 'bưu gửi');
    assert.equal(incident!.description, '1');
    assert.match(await lastTo(staff), /🚨 Bưu điện tỉnh Bắc Giang báo cáo sự cố\nLoại: Dồn ứ bưu gửi/);
  });

  test('an incident in plain words is confirmed with one tap; a later "ok" the same day never hides it', async () => {
    chat.clock.set(at('2024-02-10T10:00:00'));
    const confirm = await viettel().say('Đứt cáp quang tuyến Lục Nam, mất liên lạc 12 trạm ở xã Bảo Sơn');
    assert.match(
      confirm.at(-1)!.text,
      /Loại: Mất liên lạc \/ mất sóng\n• Khu vực: xã Bảo Sơn\n• Quy mô: 12 trạm/,
    );
    assert.match(await viettel().tapText('rc:inc'), /Có sự cố — Mất liên lạc \/ mất sóng \(đang xử lý\)/);
    assert.match(await lastTo(staff), /🚨 Viettel Bắc Giang báo cáo sự cố/);

    chat.clock.set(at('2024-02-10T13:20:00'));
    const later = await viettel().say('/baocao ok');
    assert.match(later[0]!.text, /Đã ghi nhận báo cáo ngày 10\/02\/2024 của Viettel/);
    assert.match(
      later.at(-1)!.text,
      /Sự cố Mất liên lạc \/ mất sóng, xã Bảo Sơn \(báo lúc 10:00 10\/02\) đã khắc phục chưa\?/,
    );
    const [fixed] = actionsOf(later.at(-1));
    const status = await staff().sayText('/status');
    assert.match(
      status,
      /Viettel Bắc Giang: Mất liên lạc \/ mất sóng, xã Bảo Sơn, ảnh hưởng 12 trạm, ⏳ đang xử lý từ 10:00/,
    );

    assert.match(await viettel().tapText(fixed!), /đã được khắc phục \(sau 3 giờ 20 phút\)/);
    assert.match(
      await lastTo(staff),
      /✅ Đã khắc phục: Viettel Bắc Giang — Mất liên lạc \/ mất sóng, xã Bảo Sơn/,
    );
    assert.match(
      await staff().sayText('/status'),
      /Viettel Bắc Giang: .*✅ đã khắc phục lúc 13:20 10\/02\/2024 \(sau 3 giờ 20 phút\)/,
    );
  });

  test('"sự cố: …" records at once and reads the words; a second incident the same day is another record', async () => {
    chat.clock.set(at('2024-02-10T15:00:00'));
    assert.match(
      await vnpt().sayText('su co: nghen mang khu vuc phuong Tran Phu, da khac phuc'),
      /Có sự cố — Nghẽn mạng \(đã khắc phục\)/,
    );
    assert.match(
      await vnpt().sayText('sự cố: mất sóng 2 trạm BTS do mất điện'),
      /Mất liên lạc \/ mất sóng \(đang xử lý\)/,
    );
    const rows = await db().select().from(incidents).orderBy(asc(incidents.id));
    assert.equal(rows.length, 4);
    const status = await staff().sayText('/status');
    assert.match(status, /⚠️ Có sự cố \(4\)/);
    assert.match(status, /Đã báo cáo: 5\/5/);
  });

  test('mùng 2: a normal report keeps yesterday’s open backlog open and asks about it', async () => {
    chat.clock.set(at('2024-02-11T08:00:00'));
    const reply = await post().say('Hôm nay bình thường ạ');
    assert.match(reply[0]!.text, /Đã ghi nhận báo cáo ngày 11\/02\/2024/);
    assert.match(
      reply.at(-1)!.text,
      /Sự cố Dồn ứ bưu gửi, Xã Tân Sơn \(báo lúc 09:00 10\/02\) đã khắc phục chưa\?/,
    );
    assert.match(
      await staff().sayText('/status'),
      /Bưu điện tỉnh Bắc Giang: Dồn ứ bưu gửi, Xã Tân Sơn, ảnh hưởng 300 bưu gửi, ⏳ đang xử lý/,
    );
  });

  test('the draft lists every incident with its final state; no codes and no questions from greetings', async () => {
    chat.clock.set(at('2024-02-11T18:00:00'));
    const draft = await staff().sayText('/tonghop');
    assert.match(draft, /Tổng số 4 sự cố \(2 đã khắc phục, 2 đang xử lý\)/);
    assert.match(
      draft,
      /Viettel Bắc Giang: Mất liên lạc \/ mất sóng; khu vực: xã Bảo Sơn; quy mô ảnh hưởng: 12 trạm/,
    );
    assert.match(draft, /"nghen mang khu vuc phuong Tran Phu, da khac phuc" \(nguyên văn, không dấu\)/);
    assert.match(draft, /Bưu điện tỉnh Bắc Giang: Dồn ứ bưu gửi.*đến thời điểm báo cáo vẫn đang khắc phục/);
    assert.doesNotMatch(draft, /BC\d{6}|\((VIETTEL|VNPT|MOBI|VNPOST|GHN)\)/);

    const asked = await db().select().from(unansweredQuestions);
    for (const q of asked) assert.doesNotMatch(q.sample, /chào|cam on|bình thường|[0-9A-Z]{16}/i);
    const all = await db().select().from(reports);
    assert.equal(all.filter((r) => r.reportDay === '2024-02-10').length >= 6, true);
  });

  test('a code pasted inside a sentence never reaches /cauhoi in clear', async () => {
    await stranger().say(`ma ${codes.VNPOST} cua toi khong dung duoc thi lam sao`);
    const listed = await staff().sayText('/cauhoi');
    assert.doesNotMatch(listed, new RegExp(codes.VNPOST!, 'i'));
    // Nor any log line, whatever the level: every code of the week, as typed and as stored.
    for (const code of Object.values(codes)) {
      const typed = [code, spaced(code), dashed(code)].map((c) => c.toLowerCase());
      for (const line of chat.logs)
        for (const c of typed)
          assert.ok(!line.toLowerCase().includes(c), `a code in a log line: ${line.slice(0, 120)}`);
    }
  });
});
