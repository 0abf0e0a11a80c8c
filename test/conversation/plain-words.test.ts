/**
 * What officers and staff type instead of a command: "đã khắc phục" closes the enterprise's open incident (as the
 * button does, staff alerted); "ai chưa báo cáo?" from staff is /status. Neither is answered as a question about
 * the letter.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { incidents } from '../../src/db/schema.ts';
import { t } from '../../src/texts/index.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';
import { type Participant, type TestChat, testChat } from '../helpers/test-chat.ts';

describe('plain words that mean a command', () => {
  let database: OpenTestDatabase;
  let chat: TestChat;
  let officer: Participant;
  let staff: Participant;

  before(async () => {
    database = await openTestDatabase();
    chat = await testChat(database);
    officer = chat.as('officer');
    staff = chat.as('staff');
  });

  after(async () => {
    await chat.close();
    await database.dispose();
  });

  const openIncidents = async () =>
    (
      await chat.db.select().from(incidents).where(eq(incidents.enterpriseId, chat.enterprises.VIETTEL!.id))
    ).filter((i) => i.resolvedAt === null);

  test('"đã khắc phục" with nothing open says so and records nothing', async () => {
    assert.equal(await officer.sayText('đã khắc phục'), t.noOpenIncident);
  });

  test('"da khac phuc xong" closes the one open incident, and staff are told', async () => {
    await officer.say('sự cố: mất sóng 3 trạm BTS xã Tân Sơn');
    assert.equal((await openIncidents()).length, 1);
    await staff.received();
    const reply = await officer.sayText('da khac phuc xong');
    assert.match(reply, /^✅ Đã ghi nhận: sự cố .* đã được khắc phục/);
    assert.equal((await openIncidents()).length, 0);
    const alerts = (await staff.received()).map((m) => m.text);
    assert.ok(
      alerts.some((a) => a.startsWith('✅ Đã khắc phục: Viettel')),
      alerts.join('\n---\n'),
    );
  });

  test('with two open, "xong rồi" asks which, and a button closes that one', async () => {
    await officer.say('sự cố: mất sóng 2 trạm');
    await officer.say('sự cố: nghẽn mạng khu trung tâm');
    assert.equal((await openIncidents()).length, 2);
    const asked = await officer.say('xong rồi');
    assert.equal(asked[0]!.text, t.whichIncidentFixed(2));
    assert.equal(asked.length, 3, 'one question with its buttons per open incident');
    assert.equal((await openIncidents()).length, 2, 'nothing closed before a tap');
    await officer.tap(asked[1]!.buttons![0]!.action);
    assert.equal((await openIncidents()).length, 1);
  });

  test('"đã khắc phục" under the preview of an incident just described marks that one fixed, still unsent', async () => {
    const before = (await openIncidents()).length;
    const [preview] = await officer.say('mat song 2 tram bts o xa tan son do mat dien');
    assert.match(preview!.text, /Tình trạng: đang xử lý/);
    const [again] = await officer.say('da khac phuc roi');
    assert.match(again!.text, /Tình trạng: đã khắc phục\nGửi báo cáo này cho Sở\?$/);
    assert.equal((await openIncidents()).length, before, 'nothing filed before the officer sends it');
    const [receipt] = await officer.tap(again!.buttons![0]!.action);
    assert.match(receipt!.text, /^✅ Đã ghi nhận/);
    assert.equal((await openIncidents()).length, before, 'filed as fixed: no incident left open');
    await staff.received();
  });

  test('the same incident sent twice within minutes (a resend on a patchy line) is filed and alerted once', async () => {
    const before = (await openIncidents()).length;
    const [receipt] = await officer.say('sự cố: mất sóng 4 trạm xã Đồng Sơn');
    assert.match(receipt!.text, /^✅ Đã ghi nhận/);
    const [again] = await officer.say('Sự cố: mất sóng 4 trạm xã Đồng Sơn.');
    assert.match(again!.text, /^Báo cáo hôm nay đã được ghi nhận lúc \d{2}:\d{2} \(BC\d+\)/);
    assert.equal((await openIncidents()).length, before + 1);
    // One incident row, so one alert (or one count in the merged update of this enterprise's busy ten minutes).
    const rows = await chat.db
      .select()
      .from(incidents)
      .where(eq(incidents.description, 'mất sóng 4 trạm xã Đồng Sơn'));
    assert.equal(rows.length, 1);
  });

  test('"đã khắc phục chưa?" is a question, not a closing', async () => {
    const before = (await openIncidents()).length;
    await officer.say('đã khắc phục chưa?');
    assert.equal((await openIncidents()).length, before);
  });

  test('"tôi muốn đăng ký" is told how to register, not who signed the letter ("ký")', async () => {
    const guest = chat.stranger('Cường');
    assert.equal(await guest.sayText('tôi muốn đăng ký'), t.codeMissing);
    assert.equal(await guest.sayText('dang ky the nao'), t.codeMissing);
    assert.doesNotMatch(await officer.sayText('lam sao de dang ky'), /ký \(ghi/);
    assert.match(await officer.sayText('ai ký công văn?'), /^Theo phần chữ ký/);
  });

  test('staff typing "ai chưa báo cáo?" get /status; an officer typing it does not', async () => {
    const [status] = await staff.say('ai chưa báo cáo?');
    assert.match(status!.text, /^📊 Tình hình báo cáo ngày/);
    assert.equal(await staff.sayText('don vi nao chua bao cao hom nay'), await staff.sayText('/status'));
    assert.doesNotMatch(await officer.sayText('ai chưa báo cáo?'), /^📊/);
  });

  test('staff typing "xuất báo cáo" get the export, "dự thảo báo cáo" the draft; an officer typing "tổng hợp" asks', async () => {
    const [exported] = await staff.say('xuất báo cáo');
    assert.ok(exported!.document, 'the spreadsheet');
    const [draft] = await staff.say('Dự thảo báo cáo');
    assert.match(draft!.text, /^BÁO CÁO\nTình hình đảm bảo thông tin liên lạc/);
    const asked = await officer.sayText('tổng hợp báo cáo');
    assert.notEqual(asked, t.staffOnly);
    assert.doesNotMatch(asked, /^BÁO CÁO/);
  });

  test('a "bình thường" after the day\'s incidents: the history still says the day had them', async () => {
    await officer.say('bình thường');
    const history = await staff.sayText('/status VIETTEL');
    assert.match(history, /: ✅ Bình thường \(sửa đổi \d+ lần; trước đó báo sự cố lúc \d{2}:\d{2}/);
  });

  test('staff asking "có sự cố nào không?" get /status, which lists the day\'s incidents', async () => {
    const status = await staff.sayText('có sự cố nào không?');
    assert.match(status, /^📊 Tình hình báo cáo ngày/);
    assert.match(status, /nghẽn mạng|mất sóng/i);
    assert.equal(await staff.sayText('su co hom nay'), status);
  });
});
