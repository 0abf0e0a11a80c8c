import { formatDay, formatVnDateTime, formatVnTime, vnDay } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { type Campaign, getActiveCampaign } from '../db/queries/campaigns.ts';
import type { Enterprise } from '../db/queries/enterprises.ts';
import type { Sector } from '../db/schema.ts';
import { lacksDiacritics } from '../fold.ts';
import { getActiveLetter, getOrg } from './directive.ts';
import { buildExportData, type ExportData, type IncidentRecord, latestKey, resolveRange } from './export.ts';
import { INCIDENT_KINDS, kindLabel } from './incident-kinds.ts';
import { durationText, scaleText } from './incidents.ts';
import type { ReportDocInput } from './report-docx.ts';
import { dailyDeadline, fold, inCampaign } from './reports.ts';

type Field = 'telecom' | 'postal';

/**
 * The sectors an incident concerns: the enterprise's own, or for an enterprise in both, the kind's when the kind
 * belongs to one sector only (a generic kind from such an enterprise is listed under both).
 */
function incidentFields(i: IncidentRecord, sector: Sector): Field[] {
  if (sector !== 'both') return [sector];
  const kind = INCIDENT_KINDS.find((k) => k.id === i.kind);
  const only = kind?.sectors.length === 1 ? kind.sectors[0] : undefined;
  return only === 'telecom' || only === 'postal' ? [only] : ['telecom', 'postal'];
}

/** "1 đã khắc phục, 2 đang xử lý", leaving out a zero. */
function handling(incidents: IncidentRecord[]): string {
  const resolved = incidents.filter((i) => i.resolvedAt !== null).length;
  const ongoing = incidents.length - resolved;
  return [resolved > 0 ? `${resolved} đã khắc phục` : '', ongoing > 0 ? `${ongoing} đang xử lý` : '']
    .filter(Boolean)
    .join(', ');
}

/** An officer's words as written; typed without diacritics, they are quoted as such and marked. */
export function quoted(text: string): string {
  const clean = text
    .replace(/\s+/g, ' ')
    .replace(/[\s.;]+$/, '')
    .trim();
  return lacksDiacritics(clean) ? `"${clean}" (nguyên văn, không dấu)` : `"${clean}"`;
}

const inField = (e: Enterprise, field: Field): boolean => e.sector === field || e.sector === 'both';

function title(campaign: Campaign | null): string {
  const base = 'Tình hình đảm bảo thông tin liên lạc dịp';
  if (!campaign) return `${base} Tết Nguyên đán`;
  const name = campaign.name.trim();
  const folded = fold(name);
  if (folded.startsWith('tet nguyen dan')) return `${base} ${name}`;
  // "Tết Giáp Thìn 2024" → "Tết Nguyên đán Giáp Thìn 2024"
  if (folded.startsWith('tet ')) return `${base} Tết Nguyên đán ${name.slice(4).trim()}`;
  return `${base} Tết Nguyên đán (${name})`;
}

function incidentDetail(i: IncidentRecord): string {
  const parts = [kindLabel(i.kind)];
  if (i.area) parts.push(`khu vực: ${i.area}`);
  const scale = scaleText(i);
  if (scale) parts.push(`quy mô ảnh hưởng: ${scale}`);
  if (i.description) parts.push(`mô tả: ${quoted(i.description)}`);
  const handled = i.resolvedAt
    ? `đã khắc phục lúc ${formatVnDateTime(i.resolvedAt)} (sau ${durationText(i.openedAt, i.resolvedAt)})`
    : 'đến thời điểm báo cáo vẫn đang khắc phục';
  return `${parts.join('; ')}. Xảy ra lúc ${formatVnDateTime(i.openedAt)}; ${handled}.`;
}

function fieldSection(
  data: ExportData,
  sectorOf: Map<number, Sector>,
  field: Field,
  heading: string,
  normalText: string,
): string[] {
  const lines = [heading];
  const members = data.enterprises.filter((e) => inField(e, field));
  const memberIds = new Set(members.map((e) => e.id));
  const label = field === 'telecom' ? 'viễn thông' : 'bưu chính';
  if (members.length === 0) return [...lines, `Danh sách theo dõi chưa có doanh nghiệp ${label}.`];
  const reports = [...data.latest.values()].filter((r) => memberIds.has(r.enterpriseId));
  const reporters = new Set(reports.map((r) => r.enterpriseId)).size;
  if (reports.length === 0) {
    return [
      ...lines,
      `Chưa nhận được báo cáo của doanh nghiệp ${label} nào (${members.length} doanh nghiệp).`,
    ];
  }
  const incidents = data.incidents.filter(
    (i) => memberIds.has(i.enterpriseId) && incidentFields(i, sectorOf.get(i.enterpriseId)!).includes(field),
  );
  const basis = `Theo báo cáo của ${reporters}/${members.length} doanh nghiệp ${label} (${reports.length} báo cáo ngày)`;
  if (incidents.length === 0) return [...lines, `${basis}, ${normalText}`];
  lines.push(
    `${basis}, ghi nhận ${incidents.length} sự cố (${handling(incidents)}):`,
    ...incidents.map(
      (i) =>
        `- Ngày ${formatDay(i.reportDay)}, ${i.enterpriseName}: ${kindLabel(i.kind)}` +
        `${i.resolvedAt ? ' (đã khắc phục)' : ' (đang xử lý)'}.`,
    ),
  );
  if (reports.some((r) => r.status === 'normal')) {
    lines.push('Ngoài các sự cố trên, các báo cáo còn lại cho biết tình hình hoạt động bình thường.');
  }
  return lines;
}

/**
 * A draft of the consolidated report for the department's report to the provincial People's Committee: every
 * number is counted from the reports; a day whose deadline has not passed yet is not counted as missed.
 */
export async function buildSummaryDraft(
  db: Db,
  params: { now: Date; fromDay?: string; toDay?: string },
): Promise<string> {
  const { now } = params;
  const campaign = await getActiveCampaign(db);
  const range = await resolveRange(db, params);
  const data = await buildExportData(db, range);
  const today = vnDay(now);
  const pending = (day: string): boolean =>
    campaign && inCampaign(campaign, day) ? now < dailyDeadline(campaign, day) : day > today;
  const dueDays = data.days.filter((d) => !pending(d));
  const total = data.enterprises.length;
  const sectorOf = new Map(data.enterprises.map((e) => [e.id, e.sector]));
  const reported = (e: Enterprise, day: string) => data.latest.has(latestKey(e.id, day));

  const lines = [
    'BÁO CÁO',
    title(campaign),
    `(Dự thảo tổng hợp từ báo cáo của doanh nghiệp, số liệu đến ${formatVnTime(now)} ngày ${formatDay(today)})`,
    '',
    `Thời gian tổng hợp: từ ngày ${formatDay(data.fromDay)} đến ngày ${formatDay(data.toDay)}.`,
    '',
    'I. TÌNH HÌNH CHUNG',
    '',
    '1. Công tác báo cáo của doanh nghiệp',
  ];
  if (total === 0) {
    lines.push('Danh sách theo dõi chưa có doanh nghiệp nào.');
  } else {
    const anyReport = data.enterprises.filter((e) => data.days.some((d) => reported(e, d))).length;
    const complete = data.enterprises.filter((e) => dueDays.every((d) => reported(e, d))).length;
    lines.push(
      `Có ${anyReport}/${total} doanh nghiệp bưu chính, viễn thông đã gửi báo cáo` +
        (dueDays.length > 0
          ? `; ${complete}/${total} doanh nghiệp báo cáo đầy đủ các ngày đã đến hạn.`
          : '.'),
    );
    for (const day of data.days) {
      const dayReports = data.enterprises.filter((e) => reported(e, day)).length;
      const dayIncidents = data.incidents.filter((i) => i.reportDay === day).length;
      const extra = [
        ...(dayIncidents > 0 ? [`ghi nhận ${dayIncidents} sự cố`] : []),
        ...(pending(day) ? ['chưa đến hạn báo cáo'] : []),
      ];
      lines.push(
        `- Ngày ${formatDay(day)}: ${dayReports}/${total} doanh nghiệp đã báo cáo${extra.length ? ` (${extra.join('; ')})` : ''}.`,
      );
    }
  }
  lines.push(
    '',
    ...fieldSection(
      data,
      sectorOf,
      'telecom',
      '2. Tình hình mạng viễn thông',
      'mạng lưới viễn thông, Internet hoạt động ổn định, thông suốt, không ghi nhận sự cố.',
    ),
    '',
    ...fieldSection(
      data,
      sectorOf,
      'postal',
      '3. Tình hình hoạt động bưu chính',
      'hoạt động bưu chính diễn ra bình thường, không ghi nhận sự cố.',
    ),
    '',
    'II. CÁC SỰ CỐ VÀ KẾT QUẢ XỬ LÝ',
  );
  if (data.incidents.length === 0)
    lines.push('Trong thời gian tổng hợp, không có doanh nghiệp nào báo cáo sự cố.');
  else {
    lines.push(
      `Tổng số ${data.incidents.length} sự cố (${handling(data.incidents)}):`,
      ...data.incidents.map(
        (i, n) => `${n + 1}. Ngày ${formatDay(i.reportDay)}, ${i.enterpriseName}: ${incidentDetail(i)}`,
      ),
    );
  }

  lines.push('', 'III. DOANH NGHIỆP CHƯA BÁO CÁO');
  const missing = data.enterprises
    .map((e) => ({ e, days: dueDays.filter((d) => !reported(e, d)) }))
    .filter((m) => m.days.length > 0);
  if (dueDays.length === 0) lines.push('Chưa có ngày nào đến hạn báo cáo.');
  else if (missing.length === 0) lines.push('Tất cả doanh nghiệp đã báo cáo đầy đủ các ngày đã đến hạn.');
  else {
    lines.push(`Có ${missing.length}/${total} doanh nghiệp chưa báo cáo đầy đủ:`);
    for (const { e, days } of missing) {
      const when =
        days.length === dueDays.length
          ? `chưa gửi báo cáo ngày nào (${dueDays.length} ngày đã đến hạn)`
          : `chưa báo cáo ${days.length}/${dueDays.length} ngày: ${days.map(formatDay).join(', ')}`;
      lines.push(`- ${e.name}: ${when}.`);
    }
  }

  lines.push('', 'IV. ĐỀ XUẤT, KIẾN NGHỊ', '[Bổ sung đề xuất, kiến nghị (nếu có).]');
  return lines.join('\n');
}

/** The figures of `/tonghop` in the shape of the administrative report (.docx): no codes, no internal references. */
export async function buildReportDocInput(
  db: Db,
  params: { now: Date; fromDay?: string; toDay?: string },
): Promise<ReportDocInput> {
  const { now } = params;
  const [campaign, org, range] = await Promise.all([
    getActiveCampaign(db),
    getOrg(db),
    resolveRange(db, params),
  ]);
  const data = await buildExportData(db, range);
  const letter = await getActiveLetter(db);
  const today = vnDay(now);
  const pending = (day: string): boolean =>
    campaign && inCampaign(campaign, day) ? now < dailyDeadline(campaign, day) : day > today;
  const tetFirst = letter?.holiday?.tetFirstDay ?? null;
  const label = (day: string): string => {
    const n = tetFirst ? Math.round((Date.parse(day) - Date.parse(tetFirst)) / 86_400_000) + 1 : 0;
    return n >= 1 && n <= 10 ? `Mùng ${n} Tết (${formatDay(day)})` : `Ngày ${formatDay(day)}`;
  };
  const basis = letter?.legalBasis[0];
  return {
    org: {
      parentBody: org.parentBody,
      name: org.name,
      shortName: org.shortName,
      symbol: org.symbol || 'S',
      place: org.place,
      ...(org.signerAuthority ? { signerAuthority: org.signerAuthority } : {}),
      ...(org.signerTitle ? { signerTitle: org.signerTitle } : {}),
      ...(org.signerName ? { signerName: org.signerName } : {}),
    },
    title: title(campaign),
    addressee: org.addressee,
    directive: basis
      ? {
          reference: basis.document ?? basis.text,
          ...(letter?.number ? { ownLetter: `Công văn số ${letter.number} của ${org.name}` } : {}),
        }
      : null,
    period: { from: range.fromDay, to: range.toDay },
    issuedAt: now,
    enterprises: data.enterprises.map((e) => ({ name: e.name, sector: e.sector })),
    days: data.days.map((day) => {
      const reported = data.enterprises.filter((e) => data.latest.has(latestKey(e.id, day)));
      return {
        day,
        label: label(day),
        expected: data.enterprises.length,
        reported: reported.length,
        incidents: data.incidents.filter((i) => i.reportDay === day).length,
        missing: pending(day)
          ? []
          : data.enterprises.filter((e) => !data.latest.has(latestKey(e.id, day))).map((e) => e.name),
      };
    }),
    incidents: data.incidents.map((i) => ({
      enterprise: i.enterpriseName,
      sector: i.sector,
      kind: kindLabel(i.kind),
      area: i.area,
      scale: scaleText(i),
      description: i.description,
      ...(i.description && lacksDiacritics(i.description) ? { descriptionWithoutDiacritics: true } : {}),
      openedAt: i.openedAt,
      resolvedAt: i.resolvedAt,
      updates: i.updates
        .filter((u) => u.kind === 'update' && u.text)
        .map((u) => ({ at: u.at, text: u.text! })),
    })),
  };
}
