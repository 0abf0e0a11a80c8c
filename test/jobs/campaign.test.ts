import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc } from 'drizzle-orm';
import { createInvite } from '../../src/db/queries/invites.ts';
import { incidents, reports } from '../../src/db/schema.ts';
import { createScheduler } from '../../src/jobs/scheduler.ts';
import { createLogger } from '../../src/logger.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';
import { actionsOf, type Participant, type TestChat, testChat } from '../helpers/test-chat.ts';

// Tết Giáp Thìn: the campaign runs 08/02–14/02/2024, daily deadline 17:00, final report before 9:00 on 13/02.
const at = (local: string) => new Date(`${local}+07:00`);

describe('a campaign run day by day with a frozen clock', () => {
  let database: OpenTestDatabase;
  let chat: TestChat;
  const db = () => chat.db;
  const people: Record<string, Participant> = {};
  const users = {
    viettel: () => people.viettel!,
    vnpt: () => people.vnpt!,
    ghn: () => people.ghn!,
    staff: () => people.staff!,
    staff2: () => people.staff2!,
  };
  const messagesTo = (who: () => Participant) => who().messages();
  const sentTo = async (who: () => Participant) => (await messagesTo(who)).map((m) => m.text);
  const tick = () => chat.tick();

  before(async () => {
    database = await openTestDatabase();
    chat = await testChat(database, {
      at: at('2024-02-09T08:00:00'),
      env: {
        REMINDER_OFFSETS: '180,120,30',
        REMINDER_MAX_PER_DAY: '2',
        DIGEST_TIME: '20:00',
        INCIDENT_FOLLOWUP_MINUTES: '120',
      },
      campaign: true,
      enterprises: [
        { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' },
        { code: 'VNPT', name: 'VNPT Bắc Giang', sector: 'telecom' },
        { code: 'GHN', name: 'Giao Hàng Nhanh Bắc Giang', sector: 'postal' },
      ],
      people: [],
    });
    // Everyone registers with an invite code, as in the chat.
    const expiresAt = at('2024-03-01T00:00:00');
    for (const [key, code, name] of [
      ['viettel', 'VIETTEL', 'Viettel'],
      ['vnpt', 'VNPT', 'VNPT'],
      ['ghn', 'GHN', 'GHN'],
    ] as const) {
      const invite = await createInvite(db(), {
        role: 'officer',
        enterpriseId: chat.enterprises[code]!.id,
        expiresAt,
        maxUses: 1,
      });
      people[key] = chat.stranger(name);
      assert.match(await people[key].sayText(`/start ${invite.code}`), /Đăng ký thành công/);
    }
    for (const [key, name] of [
      ['staff', 'Sở'],
      ['staff2', 'Sở 2'],
    ] as const) {
      const invite = await createInvite(db(), { role: 'staff', enterpriseId: null, expiresAt, maxUses: 1 });
      people[key] = chat.stranger(name);
      assert.match(await people[key].sayText(`/start ${invite.code}`), /cán bộ của Sở/);
    }
  });

  after(async () => {
    await chat.close();
    await database.dispose();
  });

  test('nothing is due before the first reminder time', async () => {
    assert.match(
      await users.viettel().sayText('/baocao ok'),
      /Hạn báo cáo hằng ngày: 17:00 ngày 09\/02\/2024/,
    );
    assert.equal(await tick(), 0);
  });

  test('reminders go only to enterprises that have not reported, not to paused officers, capped per day', async () => {
    assert.match(await users.ghn().sayText('/tamdung'), /tạm dừng nhắc nhở ngày 09\/02\/2024/);
    chat.clock.set(at('2024-02-09T14:00:00'));
    await tick();
    const first = (await sentTo(users.vnpt)).filter((t) => t.startsWith('⏰'));
    assert.equal(first.length, 1);
    assert.match(
      first[0]!,
      /VNPT Bắc Giang chưa gửi báo cáo ngày 09\/02\/2024\. Hạn báo cáo là 17:00 09\/02\/2024 \(còn khoảng 3 giờ\)/,
    );
    assert.equal(
      (await sentTo(users.viettel)).filter((t) => t.startsWith('⏰')).length,
      0,
      'Viettel reported',
    );
    assert.equal((await sentTo(users.ghn)).filter((t) => t.startsWith('⏰')).length, 0, 'GHN paused');
    assert.equal(await tick(), 0, 'a second tick resends nothing');
    chat.clock.set(at('2024-02-09T15:05:00'));
    await tick();
    chat.clock.set(at('2024-02-09T16:45:00'));
    await tick();
    assert.equal(
      (await sentTo(users.vnpt)).filter((t) => t.startsWith('⏰')).length,
      2,
      'the cap of two a day holds',
    );
  });

  test('two schedulers (two replicas) send each reminder exactly once', async () => {
    chat.clock.set(at('2024-02-10T14:00:00'));
    const logger = createLogger({ level: 'silent' });
    const other = createScheduler({
      database,
      clock: chat.clock,
      logger,
      schedule: {
        reminderOffsetsMinutes: [180, 120, 30],
        reminderMaxPerDay: 2,
        finalReminderTime: '07:00',
        digestTime: '20:00',
        incidentFollowupMinutes: 120,
        tickSeconds: 30,
      },
    });
    const officers = [users.viettel, users.vnpt, users.ghn];
    const sentFor10 = async () =>
      Promise.all(
        officers.map(async (who) => (await sentTo(who)).filter((t) => t.includes('ngày 10/02/2024')).length),
      );
    const counts = await sentFor10();
    await Promise.all([chat.tick(), other.tick(), chat.tick(), other.tick()]);
    const now = await sentFor10();
    assert.deepEqual(
      now.map((n, i) => n - counts[i]!),
      [1, 1, 1],
    );
  });

  test('a reminder tap reports in one touch', async () => {
    // The reminder's button carries the enterprise it was sent for (rm:ok:<id>); the old bare rm:ok is expired.
    const reminder = (await messagesTo(users.vnpt)).findLast((m) => m.text.startsWith('⏰'));
    const [ok, form] = actionsOf(reminder);
    assert.match(ok!, /^rm:ok:\d+$/);
    assert.match(form!, /^rm:form:\d+$/);
    const receipt = await users.vnpt().tapText(ok!);
    assert.match(receipt, /Đã ghi nhận báo cáo ngày 10\/02\/2024 của VNPT Bắc Giang/);
  });

  test('an incident alerts every staff member at once, with a button to the history', async () => {
    chat.clock.set(at('2024-02-10T15:00:00'));
    await users.ghn().sayText('/baocao sự cố: dồn ứ 300 bưu gửi tại kho Việt Yên');
    for (const who of [users.staff, users.staff2]) {
      const alert = (await messagesTo(who)).at(-1)!;
      assert.match(alert.text, /🚨 Giao Hàng Nhanh Bắc Giang báo cáo sự cố/);
      assert.match(alert.text, /Mô tả: dồn ứ 300 bưu gửi tại kho Việt Yên/);
      assert.deepEqual(actionsOf(alert), ['st:GHN']);
    }
    assert.match(await users.staff().tapText('st:GHN'), /Lịch sử báo cáo của Giao Hàng Nhanh Bắc Giang/);
    assert.match(await users.viettel().tapText('st:GHN'), /chỉ dành cho cán bộ Sở/);
  });

  test('an ongoing incident is followed up once; "fixed" closes the incident and tells staff', async () => {
    chat.clock.set(at('2024-02-10T16:00:00'));
    await tick();
    assert.equal(
      (await sentTo(users.ghn)).filter((t) => t.includes('đã khắc phục chưa')).length,
      0,
      'not before the configured time',
    );
    chat.clock.set(at('2024-02-10T17:01:00'));
    await tick();
    await tick();
    const asks = (await messagesTo(users.ghn)).filter((m) => m.text.includes('đã khắc phục chưa'));
    assert.equal(asks.length, 1);
    const [fixed] = actionsOf(asks[0]);
    assert.match(await users.vnpt().tapText(fixed!), /không hợp lệ/, 'another enterprise cannot answer');
    assert.match(
      await users.ghn().tapText(fixed!),
      /sự cố Dồn ứ bưu gửi .* đã được khắc phục \(sau 2 giờ 1 phút\)/,
    );
    const [incident] = await db().select().from(incidents).orderBy(desc(incidents.id)).limit(1);
    assert.equal(incident!.resolvedAt?.toISOString(), at('2024-02-10T17:01:00').toISOString());
    for (const who of [users.staff, users.staff2]) {
      assert.match((await sentTo(who)).at(-1)!, /✅ Đã khắc phục: Giao Hàng Nhanh Bắc Giang — Dồn ứ bưu gửi/);
    }
    const [latest] = await db().select().from(reports).orderBy(desc(reports.id)).limit(1);
    assert.equal(latest!.revision, 1, 'closing an incident files no new report');
    assert.match(await users.ghn().tapText(fixed!), /đã được ghi nhận khắc phục lúc 17:01/);
  });

  test('the daily digest reaches staff once, "tính đến 20:00"', async () => {
    chat.clock.set(at('2024-02-10T20:00:00'));
    await tick();
    await tick();
    const digests = (await sentTo(users.staff)).filter((t) => t.startsWith('📰'));
    assert.equal(digests.length, 1);
    assert.match(digests[0]!, /ngày 10\/02\/2024 \(tính đến 20:00\)/);
    assert.match(digests[0]!, /Đã báo cáo: 2\/3/);
    assert.match(digests[0]!, /Chưa báo cáo \(1\):\n• Viettel Bắc Giang/);
    assert.match(
      digests[0]!,
      /Giao Hàng Nhanh Bắc Giang: Dồn ứ bưu gửi, ảnh hưởng 300 bưu gửi, ✅ đã khắc phục/,
    );
  });

  test('on the final morning every officer is reminded of the 9:00 deadline and the e-mail', async () => {
    chat.clock.set(at('2024-02-13T07:00:00'));
    await tick();
    for (const who of [users.viettel, users.vnpt, users.ghn]) {
      const final = (await sentTo(who)).filter((t) => t.startsWith('📌'));
      assert.equal(final.length, 1);
      assert.match(final[0]!, /trước 09:00 13\/02\/2024 \(mùng 4 Tết\).*so_tttt_vt@bacgiang\.gov\.vn/s);
    }
    chat.clock.set(at('2024-02-13T10:00:00'));
    await tick();
    assert.equal((await sentTo(users.viettel)).filter((t) => t.startsWith('📌')).length, 1);
  });

  test('/thongbao is for admins only', async () => {
    assert.match(await users.staff().sayText('/thongbao Họp giao ban lúc 8h'), /chỉ dành cho quản trị viên/);
  });
});
