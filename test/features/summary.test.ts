import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { vnInstant } from '../../src/clock.ts';
import { activateCampaign, createCampaign } from '../../src/db/queries/campaigns.ts';
import { type Enterprise, insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createPerson } from '../../src/db/queries/people.ts';
import type { Report } from '../../src/db/queries/reports.ts';
import type { IncidentDetails } from '../../src/db/schema.ts';
import { tet2024 } from '../../src/features/campaign-presets.ts';
import { buildSummaryDraft } from '../../src/features/summary.ts';
import { reportRef } from '../../src/texts/index.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';
import { seedReport } from '../helpers/fixtures.ts';

/** The lines of one numbered section, up to the next heading. */
function section(draft: string, heading: string): string {
  const start = draft.indexOf(heading);
  assert.ok(start >= 0, `missing ${heading}`);
  const rest = draft.slice(start + heading.length);
  const end = rest.search(/\n\n(?:[IV]+\.|\d\.) /);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('summary: the consolidated report draft', () => {
  let handle: OpenTestDatabase;
  let officerId: number;
  let viettelIncident: Report;
  const db = () => handle.db;
  const at = (day: string, hhmm: string) => vnInstant(day, hhmm);

  const report = (
    e: Enterprise,
    day: string,
    hhmm: string,
    incident: IncidentDetails | null,
    note?: string,
  ) => seedReport(db(), { enterprise: e, day, hhmm, incident, note, reporterId: officerId, channel: 'zalo' });

  before(async () => {
    handle = await openTestDatabase({ maxConnections: 2 });
    const [viettel, vnpt, vnpost, ghn] = (await insertEnterprises(db(), [
      { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' },
      { code: 'VNPT', name: 'VNPT Bắc Giang', sector: 'telecom' },
      { code: 'VNPOST', name: 'Bưu điện tỉnh Bắc Giang', sector: 'both' },
      { code: 'GHN', name: 'Giao Hàng Nhanh Bắc Giang', sector: 'postal' },
    ])) as [Enterprise, Enterprise, Enterprise, Enterprise];
    officerId = (
      await createPerson(db(), { displayName: 'Lê Văn Cường', role: 'officer', enterpriseId: viettel.id })
    ).id;
    const campaign = await createCampaign(db(), tet2024());
    await activateCampaign(db(), campaign.id);

    for (const e of [viettel, vnpt, vnpost, ghn]) await report(e, '2024-02-08', '16:00', null);
    // Viettel first says normal, then amends to an incident: one report for the day, the amendment counts.
    await report(viettel, '2024-02-09', '08:00', null);
    viettelIncident = await report(
      viettel,
      '2024-02-09',
      '11:00',
      { kind: 'mat_lien_lac', area: 'Huyện Lục Ngạn', affected: '11–100', ongoing: false },
      'Mất sóng 3 trạm BTS do mất điện lưới, đã chạy máy phát',
    );
    await report(vnpt, '2024-02-09', '15:00', null);
    await report(
      vnpost,
      '2024-02-09',
      '16:00',
      { kind: 'don_u', area: 'TP Bắc Giang', ongoing: true },
      'Dồn ứ bưu gửi',
    );
    await report(viettel, '2024-02-10', '09:00', null);
  });

  after(async () => {
    await handle.dispose();
  });

  test('during the campaign: heading, period up to today, counts per day, both sectors, incidents, missing', async () => {
    const draft = await buildSummaryDraft(db(), { now: at('2024-02-10', '12:00') });
    assert.match(draft, /^BÁO CÁO\nTình hình đảm bảo thông tin liên lạc dịp Tết Nguyên đán Giáp Thìn 2024\n/);
    assert.match(draft, /số liệu đến 12:00 ngày 10\/02\/2024/);
    assert.match(draft, /Thời gian tổng hợp: từ ngày 08\/02\/2024 đến ngày 10\/02\/2024\./);

    const reporting = section(draft, '1. Công tác báo cáo của doanh nghiệp');
    assert.match(
      reporting,
      /Có 4\/4 doanh nghiệp bưu chính, viễn thông đã gửi báo cáo; 3\/4 doanh nghiệp báo cáo đầy đủ/,
    );
    assert.match(reporting, /- Ngày 08\/02\/2024: 4\/4 doanh nghiệp đã báo cáo\./);
    assert.match(reporting, /- Ngày 09\/02\/2024: 3\/4 doanh nghiệp đã báo cáo \(ghi nhận 2 sự cố\)\./);
    // The 17:00 deadline of the 10th has not passed at noon.
    assert.match(reporting, /- Ngày 10\/02\/2024: 1\/4 doanh nghiệp đã báo cáo \(chưa đến hạn báo cáo\)\./);

    const telecom = section(draft, '2. Tình hình mạng viễn thông');
    assert.match(
      telecom,
      /Theo báo cáo của 3\/3 doanh nghiệp viễn thông \(7 báo cáo ngày\), ghi nhận 1 sự cố \(1 đã khắc phục\):/,
    );
    assert.match(
      telecom,
      /- Ngày 09\/02\/2024, Viettel Bắc Giang: Mất liên lạc \/ mất sóng \(đã khắc phục\)\./,
    );
    assert.doesNotMatch(telecom, /Dồn ứ/);

    const postal = section(draft, '3. Tình hình hoạt động bưu chính');
    assert.match(
      postal,
      /Theo báo cáo của 2\/2 doanh nghiệp bưu chính \(3 báo cáo ngày\), ghi nhận 1 sự cố \(1 đang xử lý\):/,
    );
    assert.match(postal, /Bưu điện tỉnh Bắc Giang: Dồn ứ bưu gửi \(đang xử lý\)/);

    const incidents = section(draft, 'II. CÁC SỰ CỐ VÀ KẾT QUẢ XỬ LÝ');
    assert.match(incidents, /Tổng số 2 sự cố \(1 đã khắc phục, 1 đang xử lý\):/);
    assert.match(
      incidents,
      /\d\. Ngày 09\/02\/2024, Viettel Bắc Giang: Mất liên lạc \/ mất sóng; khu vực: Huyện Lục Ngạn; quy mô ảnh hưởng: 11–100; mô tả: "Mất sóng 3 trạm BTS do mất điện lưới, đã chạy máy phát"\. Xảy ra lúc 11:00 09\/02\/2024; đã khắc phục lúc 11:00 09\/02\/2024/,
    );
    assert.match(
      incidents,
      /Bưu điện tỉnh Bắc Giang: Dồn ứ bưu gửi; khu vực: TP Bắc Giang; mô tả: "Dồn ứ bưu gửi"\. Xảy ra lúc 16:00 09\/02\/2024; đến thời điểm báo cáo vẫn đang khắc phục\./,
    );
    assert.doesNotMatch(
      draft,
      new RegExp(`${reportRef(viettelIncident.id)}|\\((VIETTEL|VNPOST|GHN|VNPT)\\)`),
    );

    const missing = section(draft, 'III. DOANH NGHIỆP CHƯA BÁO CÁO');
    assert.match(
      missing,
      /Có 1\/4 doanh nghiệp chưa báo cáo đầy đủ:\n- Giao Hàng Nhanh Bắc Giang: chưa báo cáo 1\/2 ngày: 09\/02\/2024\./,
    );
    assert.doesNotMatch(missing, /VNPT|10\/02/);
    assert.match(draft, /IV\. ĐỀ XUẤT, KIẾN NGHỊ\n\[Bổ sung đề xuất, kiến nghị \(nếu có\)\.\]$/);
  });

  test('after the deadlines every missed day counts; an enterprise that never reported says so', async () => {
    const draft = await buildSummaryDraft(db(), {
      now: at('2024-02-15', '09:00'),
      fromDay: '2024-02-09',
      toDay: '2024-02-10',
    });
    const missing = section(draft, 'III. DOANH NGHIỆP CHƯA BÁO CÁO');
    assert.match(missing, /Có 3\/4 doanh nghiệp chưa báo cáo đầy đủ:/);
    assert.match(missing, /- Giao Hàng Nhanh Bắc Giang: chưa gửi báo cáo ngày nào \(2 ngày đã đến hạn\)\./);
    assert.match(missing, /- VNPT Bắc Giang: chưa báo cáo 1\/2 ngày: 10\/02\/2024\./);
    assert.match(missing, /- Bưu điện tỉnh Bắc Giang: chưa báo cáo 1\/2 ngày: 10\/02\/2024\./);
    assert.doesNotMatch(missing, /Viettel/);
    assert.match(
      draft,
      /Có 3\/4 doanh nghiệp bưu chính, viễn thông đã gửi báo cáo; 1\/4 doanh nghiệp báo cáo đầy đủ/,
    );
  });

  test('a day without incidents: both networks normal, everyone reported', async () => {
    const draft = await buildSummaryDraft(db(), {
      now: at('2024-02-15', '09:00'),
      fromDay: '2024-02-08',
      toDay: '2024-02-08',
    });
    assert.match(
      draft,
      /Theo báo cáo của 3\/3 doanh nghiệp viễn thông \(3 báo cáo ngày\), mạng lưới viễn thông, Internet hoạt động ổn định, thông suốt, không ghi nhận sự cố\./,
    );
    assert.match(
      draft,
      /Theo báo cáo của 2\/2 doanh nghiệp bưu chính \(2 báo cáo ngày\), hoạt động bưu chính diễn ra bình thường, không ghi nhận sự cố\./,
    );
    assert.match(draft, /không có doanh nghiệp nào báo cáo sự cố\./);
    assert.match(draft, /Tất cả doanh nghiệp đã báo cáo đầy đủ các ngày đã đến hạn\./);
  });
});
