import { formatDay, formatVnDateTime, formatVnTime, vnDay } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { type Campaign, getActiveCampaign } from '../db/queries/campaigns.ts';
import type { Enterprise } from '../db/queries/enterprises.ts';
import type { Sector } from '../db/schema.ts';
import { lacksDiacritics } from '../fold.ts';
import { t } from '../texts/index.ts';
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
  return [resolved > 0 ? t.draftResolvedCount(resolved) : '', ongoing > 0 ? t.draftOngoingCount(ongoing) : '']
    .filter(Boolean)
    .join(', ');
}

/** An officer's words as written; typed without diacritics, they are quoted as such and marked. */
export function quoted(text: string): string {
  const clean = text
    .replace(/\s+/g, ' ')
    .replace(/[\s.;]+$/, '')
    .trim();
  return t.draftQuoted(clean, lacksDiacritics(clean));
}

const inField = (e: Enterprise, field: Field): boolean => e.sector === field || e.sector === 'both';

function title(campaign: Campaign | null): string {
  if (!campaign) return t.reportTitle(t.tetHoliday);
  const name = campaign.name.trim();
  const folded = fold(name);
  if (folded.startsWith('tet nguyen dan')) return t.reportTitle(name);
  // "Tết Giáp Thìn 2024" → "Tết Nguyên đán Giáp Thìn 2024"
  if (folded.startsWith('tet ')) return t.reportTitle(t.tetHolidayOf(name.slice(4).trim()));
  return t.reportTitle(t.tetHolidayAside(name));
}

function incidentDetail(i: IncidentRecord): string {
  const parts = [kindLabel(i.kind)];
  if (i.area) parts.push(t.draftArea(i.area));
  const scale = scaleText(i);
  if (scale) parts.push(t.draftScale(scale));
  if (i.description) parts.push(t.draftDescription(quoted(i.description)));
  const handled = i.resolvedAt
    ? t.draftResolvedAt(formatVnDateTime(i.resolvedAt), durationText(i.openedAt, i.resolvedAt))
    : t.draftStillOngoing;
  return t.draftIncidentDetail(parts.join('; '), formatVnDateTime(i.openedAt), handled);
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
  const label = t.sectorNames[field];
  if (members.length === 0) return [...lines, t.draftFieldNoEnterprises(label)];
  const reports = [...data.latest.values()].filter((r) => memberIds.has(r.enterpriseId));
  const reporters = new Set(reports.map((r) => r.enterpriseId)).size;
  if (reports.length === 0) {
    return [...lines, t.draftFieldNoReports(label, members.length)];
  }
  const incidents = data.incidents.filter(
    (i) => memberIds.has(i.enterpriseId) && incidentFields(i, sectorOf.get(i.enterpriseId)!).includes(field),
  );
  const basis = t.draftFieldBasis(reporters, members.length, label, reports.length);
  if (incidents.length === 0) return [...lines, t.draftFieldNormal(basis, normalText)];
  lines.push(
    t.draftFieldIncidents(basis, incidents.length, handling(incidents)),
    ...incidents.map((i) =>
      t.draftFieldIncident(
        formatDay(i.reportDay),
        i.enterpriseName,
        kindLabel(i.kind),
        i.resolvedAt !== null,
      ),
    ),
  );
  if (reports.some((r) => r.status === 'normal')) lines.push(t.draftFieldOthersNormal);
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
    t.reportHeading,
    title(campaign),
    t.draftSubtitle(formatVnTime(now), formatDay(today)),
    '',
    t.draftPeriod(formatDay(data.fromDay), formatDay(data.toDay)),
    '',
    t.reportPartGeneral,
    '',
    t.draftReportingHeading,
  ];
  if (total === 0) {
    lines.push(t.draftNoEnterprises);
  } else {
    const anyReport = data.enterprises.filter((e) => data.days.some((d) => reported(e, d))).length;
    const complete = data.enterprises.filter((e) => dueDays.every((d) => reported(e, d))).length;
    lines.push(t.draftReported(anyReport, total, dueDays.length > 0 ? complete : null));
    for (const day of data.days) {
      const dayReports = data.enterprises.filter((e) => reported(e, day)).length;
      const dayIncidents = data.incidents.filter((i) => i.reportDay === day).length;
      const extra = [
        ...(dayIncidents > 0 ? [t.draftDayIncidents(dayIncidents)] : []),
        ...(pending(day) ? [t.draftDayNotDue] : []),
      ];
      lines.push(t.draftDay(formatDay(day), dayReports, total, extra));
    }
  }
  lines.push(
    '',
    ...fieldSection(data, sectorOf, 'telecom', t.draftTelecomHeading, t.draftTelecomNormal),
    '',
    ...fieldSection(data, sectorOf, 'postal', t.draftPostalHeading, t.draftPostalNormal),
    '',
    t.draftIncidentsHeading,
  );
  if (data.incidents.length === 0) lines.push(t.draftNoIncidents);
  else {
    lines.push(
      t.draftIncidentTotal(data.incidents.length, handling(data.incidents)),
      ...data.incidents.map((i, n) =>
        t.draftIncident(n + 1, formatDay(i.reportDay), i.enterpriseName, incidentDetail(i)),
      ),
    );
  }

  lines.push('', t.draftMissingHeading);
  const missing = data.enterprises
    .map((e) => ({ e, days: dueDays.filter((d) => !reported(e, d)) }))
    .filter((m) => m.days.length > 0);
  if (dueDays.length === 0) lines.push(t.draftNothingDue);
  else if (missing.length === 0) lines.push(t.draftNoneMissing);
  else {
    lines.push(t.draftMissingCount(missing.length, total));
    for (const { e, days } of missing) {
      const when =
        days.length === dueDays.length
          ? t.draftMissingAllDays(dueDays.length)
          : t.draftMissingSomeDays(days.length, dueDays.length, days.map(formatDay).join(', '));
      lines.push(t.draftMissingLine(e.name, when));
    }
  }

  lines.push('', t.reportPartProposals, t.draftProposalsPlaceholder);
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
    return n >= 1 && n <= 10 ? t.reportDayOfTet(n, formatDay(day)) : t.reportDay(formatDay(day));
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
          ...(letter?.number ? { ownLetter: t.reportOwnLetter(letter.number, org.name) } : {}),
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
