/**
 * Holding under floods, in the conversation (the inbox's path, no HTTP): a burst of incident reports is two staff
 * alerts, and a stranger's questions are all answered but cannot flood /cauhoi.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sum } from 'drizzle-orm';
import { MAX_STRANGER_QUESTIONS_PER_DAY } from '../../src/conversation/questions.ts';
import { unansweredQuestions } from '../../src/db/schema.ts';
import { ALERT_MERGE_MINUTES } from '../../src/features/incidents.ts';
import { type AbuseWorld, openAbuseWorld } from '../helpers/abuse-world.ts';
import { actionsOf, type Participant, type TestChat } from '../helpers/test-chat.ts';

describe('abuse: alert floods, question floods', () => {
  let world: AbuseWorld<'stranger'>;
  // Set by before(), read by the tests: the world's chat, people and incident count.
  let chat: TestChat;
  let people: AbuseWorld<'stranger'>['people'];
  let incidentCount: AbuseWorld<string>['incidentCount'];
  const texts = async (who: Participant) => (await who.messages()).map((m) => m.text);

  before(async () => {
    world = await openAbuseWorld(['stranger'] as const);
    ({ chat, people, incidentCount } = world);
  });

  after(async () => {
    await world?.close();
  });

  describe('incident alert floods', () => {
    test('30 incident reports in a row: 30 incidents, one alert at once, one update when the window closes', async () => {
      const officer = people.vnptOfficer;
      const start = new Date('2024-02-12T03:00:00Z');
      chat.clock.set(start);
      const alertsBefore = (await texts(people.staff)).length;
      for (let i = 1; i <= 30; i++) {
        const receipt = await officer.sayText(`/baocao sự cố: mất sóng trạm BTS số ${i} ở xã Bảo Sơn`);
        assert.match(receipt, /Có sự cố/);
        chat.clock.advance(10_000);
      }
      assert.equal(await incidentCount('VNPBG'), 30, 'every incident is recorded');
      const alerts = async () => (await texts(people.staff)).slice(alertsBefore);
      assert.equal(
        (await alerts()).filter((x) => x.startsWith('🚨 VNPT Bắc Giang')).length,
        1,
        'one alert at once',
      );
      assert.equal(
        (await alerts()).filter((x) => x.startsWith('🔄')).length,
        0,
        'the update waits for the window',
      );

      chat.clock.set(new Date(start.getTime() + ALERT_MERGE_MINUTES * 60_000 + 1_000));
      await chat.tick();
      const updates = (await people.staff.messages()).filter((m) => m.text.startsWith('🔄'));
      assert.equal(updates.length, 1);
      assert.match(
        updates[0]!.text,
        /^🔄 Cập nhật: VNPT Bắc Giang gửi thêm 29 báo cáo sự cố trong 10 phút sau cảnh báo lúc 10:00 12\/02\/2024\./,
      );
      assert.deepEqual(actionsOf(updates[0]), ['st:VNPBG']);
      await chat.tick();
      assert.equal((await alerts()).length, 2, 'two alerts for 30 reports');

      // A report after the window is alerted at once again.
      await officer.sayText('/baocao sự cố: nghẽn mạng khu công nghiệp Quang Châu');
      assert.equal((await alerts()).filter((x) => x.startsWith('🚨 VNPT Bắc Giang')).length, 2);
    });

    test('a window that closed before any scheduler tick is flushed by the next report, before its own alert', async () => {
      const officer = people.vnptOfficer;
      const start = new Date('2024-02-12T05:00:00Z');
      chat.clock.set(start);
      const before = (await texts(people.staff)).length;
      await officer.sayText('/baocao sự cố: mất điện trạm Lạng Giang');
      chat.clock.set(new Date(start.getTime() + 60_000));
      await officer.sayText('/baocao sự cố: mất điện trạm Lục Nam');
      chat.clock.set(new Date(start.getTime() + (ALERT_MERGE_MINUTES + 2) * 60_000));
      await officer.sayText('/baocao sự cố: mất điện trạm Yên Dũng');
      const got = (await texts(people.staff)).slice(before);
      assert.equal(got.length, 3, got.join('\n---\n'));
      assert.match(got[0]!, /^🚨 VNPT Bắc Giang báo cáo sự cố/);
      assert.match(got[1]!, /^🔄 Cập nhật: VNPT Bắc Giang gửi thêm 1 báo cáo sự cố/);
      assert.match(got[2]!, /^🚨 VNPT Bắc Giang báo cáo sự cố/);
    });
  });

  describe('question floods', () => {
    test(`a stranger's questions are all answered, but at most ${MAX_STRANGER_QUESTIONS_PER_DAY} a day are kept for /cauhoi`, async () => {
      chat.clock.set('2024-02-12T08:00:00Z');
      const stored = async () =>
        Number(
          (await chat.db.select({ n: sum(unansweredQuestions.count) }).from(unansweredQuestions))[0]!.n ?? 0,
        );
      const stranger = people.stranger;
      const before = await stored();
      const question = (i: number) => `Cho hỏi quy định số ${i} về xe tải chở hàng qua cầu phao ${i} ra sao?`;
      for (let i = 1; i <= 25; i++) {
        const reply = await stranger.sayText(question(i));
        assert.ok(reply.trim().length > 0, `an answer to question ${i}`);
      }
      const kept = (await stored()) - before;
      assert.equal(kept, MAX_STRANGER_QUESTIONS_PER_DAY, 'only the first 20 are kept');

      // The next Vietnam day the stranger has a fresh allowance; registered people are never capped.
      chat.clock.set('2024-02-13T08:00:00Z');
      await stranger.sayText(question(26));
      assert.equal((await stored()) - before, MAX_STRANGER_QUESTIONS_PER_DAY + 1);
      chat.clock.set('2024-02-12T08:30:00Z');
      for (let i = 27; i <= 29; i++) await people.staff.sayText(question(i));
      assert.equal((await stored()) - before, MAX_STRANGER_QUESTIONS_PER_DAY + 4);
    });
  });
});
