/**
 * The incident form's one runner, as officers use it on a phone: "quay lại" (typed or tapped) goes to the step
 * before and keeps what was answered; "hủy" typed ends the form with nothing filed; a button of a step already
 * passed is refused as expired; labels typed instead of tapped work at every step.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { incidents } from '../../src/db/schema.ts';
import { t } from '../../src/texts/index.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';
import { actionsOf, type Participant, type TestChat, testChat } from '../helpers/test-chat.ts';

describe('the incident form', () => {
  let database: OpenTestDatabase;
  let chat: TestChat;
  let officer: Participant;

  before(async () => {
    database = await openTestDatabase();
    chat = await testChat(database);
    officer = chat.as('officer');
  });

  after(async () => {
    await chat.close();
    await database.dispose();
  });

  const incidentCount = async () =>
    (await chat.db.select().from(incidents).where(eq(incidents.enterpriseId, chat.enterprises.VIETTEL!.id)))
      .length;

  test('"quay lại" goes back a step, typed or tapped, and the answers given so far stay', async () => {
    await officer.say('/baocao');
    assert.equal((await officer.press('⚠️ Có sự cố'))[0]!.text, t.askKind);
    assert.equal((await officer.say('Nghẽn mạng'))[0]!.text, t.askArea);
    // The first step has nowhere to go back to; later ones go to the step before.
    assert.equal((await officer.say('quay lại'))[0]!.text, t.askKind);
    assert.equal((await officer.say('mất sóng'))[0]!.text, t.askArea);
    assert.equal((await officer.press('Toàn tỉnh'))[0]!.text, t.askAffected);
    const [ongoing] = await officer.say('12 trạm');
    assert.equal(ongoing!.text, t.askOngoing);
    // Where the buttons leave room, the step offers the way back as a button too.
    assert.ok(actionsOf(ongoing).includes('ib:affected'), JSON.stringify(actionsOf(ongoing)));
    assert.equal((await officer.press(t.btnBack))[0]!.text, t.askAffected);
    assert.equal((await officer.say('Quay lai'))[0]!.text, t.askArea);
    assert.equal((await officer.press('Một xã, phường'))[0]!.text, t.askAreaName);
    assert.equal((await officer.say('Xã Bảo Sơn'))[0]!.text, t.askAffected);
    assert.equal((await officer.say('3.000 thuê bao'))[0]!.text, t.askOngoing);
    assert.equal((await officer.say('đang xử lý'))[0]!.text, t.askNote);
    const [receipt] = await officer.say('Đứt cáp quang, đang hàn nối');
    assert.match(receipt!.text, /Có sự cố — Mất liên lạc \/ mất sóng \(đang xử lý\)/);
    const [row] = await chat.db.select().from(incidents).orderBy(desc(incidents.id)).limit(1);
    assert.equal(row!.kind, 'mat_lien_lac');
    assert.equal(row!.area, 'Xã Bảo Sơn');
    assert.equal(row!.scaleCount, 3000);
    assert.equal(row!.scaleUnit, 'thuê bao');
    assert.equal(row!.description, 'Đứt cáp quang, đang hàn nối');
  });

  test('an answer the "fixed yet?" step does not understand says what to type; "ok" at the description skips it', async () => {
    await officer.say('có sự cố');
    await officer.say('mất sóng');
    await officer.press('Toàn tỉnh');
    await officer.say('5 trạm');
    const unclear = await officer.say('xa Tan Son mat dien luoi');
    assert.equal(unclear[0]!.text, t.pickOngoing);
    assert.ok(actionsOf(unclear[0]).includes('io:1'), 'asked again with its buttons');
    assert.equal((await officer.say('dang xu ly'))[0]!.text, t.askNote);
    await officer.say('ok');
    const [row] = await chat.db.select().from(incidents).orderBy(desc(incidents.id)).limit(1);
    assert.equal(row!.scaleCount, 5);
    assert.equal(row!.description, null);
  });

  test('"hủy" typed mid-form ends it with nothing filed; typed again, there is nothing to cancel', async () => {
    const before = await incidentCount();
    await officer.say('có sự cố');
    await officer.say('mất sóng');
    assert.equal(await officer.sayText('Hủy'), t.cancelled);
    assert.equal(await officer.sayText('huỷ'), t.nothingToCancel);
    assert.equal(await incidentCount(), before);
  });

  test('a number typed when no choice waits says so, instead of being asked of the letter', async () => {
    await officer.say('bình thường');
    await officer.say('1');
    assert.equal(await officer.sayText('2'), t.noChoiceWaiting('2'));
  });

  test('a button of a step already passed is expired, and the form goes on where it was', async () => {
    await officer.say('có sự cố');
    const [area] = await officer.say('mất sóng');
    const [affected] = await officer.tap(actionsOf(area).find((a) => a === 'ia:toan_tinh')!);
    assert.equal(affected!.text, t.askAffected);
    assert.equal(await officer.tapText('ia:nhieu_xa'), t.expiredAction);
    assert.equal(await officer.tapText('ib:kind'), t.expiredAction);
    assert.equal((await officer.say('2 trạm'))[0]!.text, t.askOngoing);
    assert.equal(await officer.sayText('/huy'), t.cancelled);
  });
});
