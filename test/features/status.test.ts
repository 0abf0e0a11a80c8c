import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { vnInstant } from '../../src/clock.ts';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createPerson } from '../../src/db/queries/people.ts';
import { renderDayStatus, STATUS_TEXT_BUDGET } from '../../src/features/status.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';
import { seedReport } from '../helpers/fixtures.ts';

/** /status on a phone: one message, whatever the province's size. */
describe('/status fits one message', () => {
  let handle: OpenTestDatabase;
  const day = '2027-02-06';
  const now = vnInstant(day, '08:30');

  before(async () => {
    handle = await openTestDatabase({ maxConnections: 2 });
  });
  after(() => handle.close());

  test('a small province: every missing enterprise is named', async () => {
    await insertEnterprises(
      handle.db,
      ['Viettel', 'VNPT', 'MobiFone'].map((name, i) => ({
        code: `DN${i}`,
        name,
        sector: 'telecom' as const,
      })),
    );
    const text = await renderDayStatus(handle.db, day, now);
    assert.match(text, /Chưa báo cáo \(3\)/);
    for (const name of ['Viettel', 'VNPT', 'MobiFone']) assert.match(text, new RegExp(name));
    assert.doesNotMatch(text, /doanh nghiệp khác/);
  });

  test('many long names: the list is shortened to fit, and says how many more and where to find them', async () => {
    await insertEnterprises(
      handle.db,
      Array.from({ length: 200 }, (_, i) => ({
        code: `BC${String(i).padStart(4, '0')}`,
        name: `Công ty Bưu chính Viễn thông số ${String(i).padStart(4, '0')} chi nhánh huyện miền núi phía Bắc`,
        sector: 'postal' as const,
      })),
    );
    const text = await renderDayStatus(handle.db, day, now);
    assert.ok(text.length <= STATUS_TEXT_BUDGET, `${text.length} characters`);
    assert.match(text, /Chưa báo cáo \(203\)/);
    const listed = text.split('\n').filter((l) => l.startsWith('•')).length;
    assert.ok(listed >= 20, `only ${listed} names`);
    assert.match(text, new RegExp(`… và ${203 - listed} doanh nghiệp khác \\(danh sách đầy đủ: /export\\)`));
  });

  test('more incidents than fit: all are counted, the first listed, the rest pointed to /export', async () => {
    const enterprises = await insertEnterprises(
      handle.db,
      Array.from({ length: 70 }, (_, i) => ({
        code: `SC${i}`,
        name: `Trạm ${i}`,
        sector: 'telecom' as const,
      })),
    );
    const officer = await createPerson(handle.db, { displayName: 'An', role: 'officer', enterpriseId: null });
    for (const enterprise of enterprises)
      await seedReport(handle.db, {
        enterprise,
        day,
        hhmm: '07:00',
        incident: { kind: 'mat_lien_lac', area: 'Yên Thế', ongoing: true },
        reporterId: officer.id,
      });
    const text = await renderDayStatus(handle.db, day, now);
    assert.ok(text.length <= STATUS_TEXT_BUDGET, `${text.length} characters`);
    assert.match(text, /Có sự cố \(70\)/);
    const section = text.split('\n\n').find((part) => part.startsWith('⚠️ Có sự cố'))!;
    const listed = section.split('\n').filter((l) => l.startsWith('•')).length;
    assert.ok(listed >= 3 && listed < 70, `${listed} incidents listed`);
    assert.match(text, new RegExp(`… và ${70 - listed} sự cố khác \\(danh sách đầy đủ: /export\\)`));
  });

  test('an enterprise that amended its report counts once; those with an officer are told apart', async () => {
    await handle.close();
    handle = await openTestDatabase({ maxConnections: 2 });
    const [a, b, c] = await insertEnterprises(
      handle.db,
      ['Bưu điện A', 'Viễn thông B', 'Chuyển phát C'].map((name, i) => ({
        code: `AM${i}`,
        name,
        sector: 'both' as const,
      })),
    );
    const officer = await createPerson(handle.db, {
      displayName: 'Bình',
      role: 'officer',
      enterpriseId: b!.id,
    });
    // A reports three times (an incident, then two amendments), the day before counts for nothing.
    for (const hhmm of ['06:00', '07:30', '08:10'])
      await seedReport(handle.db, { enterprise: a!, day, hhmm, incident: null, reporterId: officer.id });
    await seedReport(handle.db, {
      enterprise: c!,
      day: '2027-02-05',
      hhmm: '09:00',
      incident: null,
      reporterId: officer.id,
    });
    const text = await renderDayStatus(handle.db, day, now);
    assert.match(text, /Đã báo cáo: 1\/3/);
    assert.match(text, /Chưa báo cáo \(2\)/);
    assert.doesNotMatch(text, /Bưu điện A/);
    const lines = text.split('\n');
    assert.ok(
      lines.some((l) => l.startsWith('• Viễn thông B') && !/chưa có cán bộ/.test(l)),
      text,
    );
    assert.ok(
      lines.some((l) => l.startsWith('• Chuyển phát C') && /chưa có cán bộ/.test(l)),
      text,
    );
  });
});
