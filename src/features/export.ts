import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { addDays, formatDay, formatVnDateTime, vnDay, vnInstant } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { getActiveCampaign } from '../db/queries/campaigns.ts';
import { type Enterprise, listEnterprises } from '../db/queries/enterprises.ts';
import {
  type IncidentUpdate,
  type IncidentWithEnterprise,
  listIncidentsDuring,
  listIncidentUpdates,
} from '../db/queries/incidents.ts';
import { type DayReport, getReportsInRange } from '../db/queries/reports.ts';
import { reportRef, t } from '../texts/index.ts';
import { kindLabel } from './incident-kinds.ts';
import { durationText, scaleText } from './incidents.ts';

export interface IncidentRecord extends IncidentWithEnterprise {
  updates: IncidentUpdate[];
}

export interface DayRange {
  fromDay: string;
  toDay: string;
}

export interface ExportData extends DayRange {
  /** Every day of the range, yyyy-mm-dd. */
  days: string[];
  /** All enterprises, by name. */
  enterprises: Enterprise[];
  /** Every revision in the range: by day, enterprise, revision. */
  revisions: DayReport[];
  /** The latest revision per enterprise and day, keyed by `latestKey`. */
  latest: Map<string, DayReport>;
  /** Every incident open at some time in the range, whatever was reported after it, oldest first. */
  incidents: IncidentRecord[];
  /** The Vietnam day the export was made (when known): later days of the range cannot have reports yet. */
  today?: string;
}

export type ExportErrorCode = 'reversed_range' | 'range_too_long' | 'bad_extension';

/** Messages are Vietnamese and safe to show to staff as they are. */
export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

/** A campaign spans about a week; a year keeps the matrix openable while allowing a whole-season export. */
export const MAX_RANGE_DAYS = 366;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv';

export const latestKey = (enterpriseId: number, day: string): string => `${enterpriseId}|${day}`;

export function daysBetween(fromDay: string, toDay: string): string[] {
  const days: string[] = [];
  for (let d = fromDay; d <= toDay && days.length <= MAX_RANGE_DAYS; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * The active campaign's days (only up to today while it is running: later days cannot have reports yet), else
 * the last 7 days up to today; a missing end is filled from that default.
 */
export async function resolveRange(
  db: Db,
  params: { now: Date; fromDay?: string; toDay?: string },
): Promise<DayRange> {
  const today = vnDay(params.now);
  const campaign = await getActiveCampaign(db);
  let def: DayRange = { fromDay: addDays(today, -6), toDay: today };
  if (campaign) {
    const running = today >= campaign.firstDay && today < campaign.lastDay;
    def = { fromDay: campaign.firstDay, toDay: running ? today : campaign.lastDay };
  }
  const { fromDay, toDay } = params;
  const range: DayRange =
    fromDay && toDay
      ? { fromDay, toDay }
      : fromDay
        ? { fromDay, toDay: [def.toDay, fromDay].sort()[1]! }
        : toDay
          ? { fromDay: [def.fromDay, toDay].sort()[0]!, toDay }
          : def;
  if (range.fromDay > range.toDay) {
    throw new ExportError(
      'reversed_range',
      t.exportReversedRange(formatDay(range.fromDay), formatDay(range.toDay)),
    );
  }
  if (daysBetween(range.fromDay, range.toDay).length > MAX_RANGE_DAYS) {
    throw new ExportError('range_too_long', t.exportRangeTooLong(MAX_RANGE_DAYS));
  }
  return range;
}

export async function buildExportData(
  db: Db,
  range: DayRange,
  options: { now?: Date } = {},
): Promise<ExportData> {
  const [enterprises, revisions, during] = await Promise.all([
    listEnterprises(db),
    getReportsInRange(db, range.fromDay, range.toDay),
    listIncidentsDuring(db, {
      from: vnInstant(range.fromDay, '00:00'),
      to: vnInstant(addDays(range.toDay, 1), '00:00'),
    }),
  ]);
  const latest = new Map<string, DayReport>();
  // Revisions come oldest first, so the last one written per key is the latest.
  for (const r of revisions) latest.set(latestKey(r.enterpriseId, r.reportDay), r);
  const updates = await listIncidentUpdates(
    db,
    during.rows.map((i) => i.id),
  );
  const incidents = during.rows
    .map((i) => ({ ...i, updates: updates.get(i.id) ?? [] }))
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id - b.id);
  return {
    ...range,
    days: daysBetween(range.fromDay, range.toDay),
    enterprises,
    revisions,
    latest,
    incidents,
    ...(options.now ? { today: vnDay(options.now) } : {}),
  };
}

const REPORT = t.sheetReportColumns;
export const REPORT_COLUMNS: readonly string[] = Object.values(REPORT);

const CHANNEL_LABELS: Record<string, string> = { telegram: 'Telegram', zalo: 'Zalo', console: 'Console' };

export type Cell = string | number;

/** One row of the "Báo cáo" sheet and of the CSV; "Lần sửa" is 0 for the first report of a day. */
export function reportRow(r: DayReport): Cell[] {
  const i = r.status === 'incident' ? r.incident : null;
  return [
    reportRef(r.id),
    formatDay(r.reportDay),
    r.enterpriseName,
    r.enterpriseCode,
    r.revision - 1,
    r.status === 'incident' ? t.sheetStatusIncident : t.sheetStatusNormal,
    i ? kindLabel(i.kind) : '',
    i?.area ?? '',
    i?.affected ?? '',
    i ? (i.ongoing ? t.sheetOngoing : t.sheetResolved) : '',
    r.note ?? '',
    r.reporterName,
    CHANNEL_LABELS[r.channel] ?? r.channel,
    formatVnDateTime(r.createdAt),
  ];
}

/** Spreadsheets run a cell starting with = + - @ (or a tab/CR that hides one) as a formula: make it plain text. */
export function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const safe = (cells: Cell[]): Cell[] => cells.map((c) => (typeof c === 'string' ? defuse(c) : c));

const FILLS = {
  normal: { bg: 'FFC6EFCE', fg: 'FF006100' },
  missing: { bg: 'FFD9D9D9', fg: 'FF404040' },
  incident: { bg: 'FFFFC7CE', fg: 'FF9C0006' },
} as const;

function styleHeader(ws: ExcelJS.Worksheet): void {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
}

function addReportSheet(wb: ExcelJS.Workbook, name: string, rows: DayReport[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = REPORT_COLUMNS.map((header) => ({
    header,
    width: header === REPORT.note ? 50 : header === REPORT.enterprise ? 30 : Math.max(12, header.length + 2),
  }));
  for (const r of rows) ws.addRow(safe(reportRow(r)));
  ws.getColumn(REPORT_COLUMNS.indexOf(REPORT.note) + 1).alignment = { wrapText: true, vertical: 'top' };
  styleHeader(ws);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REPORT_COLUMNS.length } };
}

const INCIDENT = t.sheetIncidentColumns;
export const INCIDENT_COLUMNS: readonly string[] = Object.values(INCIDENT);

export function incidentRow(i: IncidentRecord): Cell[] {
  return [
    i.enterpriseName,
    formatDay(i.reportDay),
    kindLabel(i.kind),
    i.area ?? '',
    scaleText(i) ?? '',
    i.description ?? '',
    formatVnDateTime(i.openedAt),
    i.resolvedAt ? t.sheetResolved : t.sheetOngoing,
    i.resolvedAt ? formatVnDateTime(i.resolvedAt) : '',
    i.resolvedAt ? durationText(i.openedAt, i.resolvedAt) : '',
    i.updates
      .map(
        (u) => `${formatVnDateTime(u.at)}: ${t.incidentUpdateKinds[u.kind]}${u.text ? ` (${u.text})` : ''}`,
      )
      .join('\n'),
  ];
}

function addIncidentSheet(wb: ExcelJS.Workbook, rows: IncidentRecord[]): void {
  const ws = wb.addWorksheet(t.sheetIncidents, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = INCIDENT_COLUMNS.map((header) => ({
    header,
    width:
      header === INCIDENT.note || header === INCIDENT.history ? 45 : header === INCIDENT.enterprise ? 30 : 16,
  }));
  for (const i of rows) ws.addRow(safe(incidentRow(i)));
  for (const name of [INCIDENT.note, INCIDENT.history])
    ws.getColumn(INCIDENT_COLUMNS.indexOf(name) + 1).alignment = { wrapText: true, vertical: 'top' };
  styleHeader(ws);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: INCIDENT_COLUMNS.length } };
}

/** How an enterprise stands on a day: an incident reported that day wins over any "normal" revision after it. */
export type DayState = 'normal' | 'incident' | 'missing';

export const DAY_STATE_LABELS: Record<DayState, string> = t.sheetDayStates;

export interface EnterpriseDay {
  day: string;
  enterprise: Enterprise;
  state: DayState;
  /** The day's revisions, first to last; none when the enterprise did not report. */
  revisions: DayReport[];
  /** The incidents reported for that day, oldest first (their own records: a later revision never hides one). */
  incidents: IncidentRecord[];
}

/**
 * One entry per enterprise and day, by day then enterprise name, every enterprise included: who did not report
 * shows as "missing". Days after `data.today` are left out (they cannot have reports yet).
 */
export function enterpriseDays(data: ExportData): EnterpriseDay[] {
  const revisions = new Map<string, DayReport[]>();
  for (const r of data.revisions) {
    const key = latestKey(r.enterpriseId, r.reportDay);
    revisions.set(key, [...(revisions.get(key) ?? []), r]);
  }
  const incidents = new Map<string, IncidentRecord[]>();
  for (const i of data.incidents) {
    const key = latestKey(i.enterpriseId, i.reportDay);
    incidents.set(key, [...(incidents.get(key) ?? []), i]);
  }
  const days = data.today ? data.days.filter((d) => d <= data.today!) : data.days;
  return days.flatMap((day) =>
    data.enterprises.map((enterprise) => {
      const key = latestKey(enterprise.id, day);
      const dayRevisions = revisions.get(key) ?? [];
      const dayIncidents = incidents.get(key) ?? [];
      const state: DayState =
        dayIncidents.length > 0 || dayRevisions.at(-1)?.status === 'incident'
          ? 'incident'
          : dayRevisions.length > 0
            ? 'normal'
            : 'missing';
      return { day, enterprise, state, revisions: dayRevisions, incidents: dayIncidents };
    }),
  );
}

const DAY = t.sheetDayColumns;
export const ENTERPRISE_DAY_COLUMNS: readonly string[] = Object.values(DAY);

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "Mất liên lạc / mất sóng, Huyện Lục Ngạn, 11–100 (đã khắc phục)". */
function incidentSummary(i: IncidentRecord): string {
  const parts = [kindLabel(i.kind), i.area, scaleText(i)].filter(Boolean);
  return t.sheetIncidentSummary(parts.join(', '), i.resolvedAt !== null);
}

/**
 * One row of the "Theo ngày" sheet and CSV: the time of the day's first report (was it on time?), who reported,
 * how many revisions and when the last one came, and the day's incidents.
 */
export function enterpriseDayRow(d: EnterpriseDay): Cell[] {
  const first = d.revisions[0];
  const last = d.revisions.at(-1);
  const reporters = [...new Set(d.revisions.map((r) => r.reporterName))];
  return [
    formatDay(d.day),
    d.enterprise.name,
    d.enterprise.code,
    capitalize(t.sectorNames[d.enterprise.sector]),
    DAY_STATE_LABELS[d.state],
    first ? formatVnDateTime(first.createdAt) : '',
    reporters.join(', '),
    d.revisions.length,
    last && d.revisions.length > 1 ? formatVnDateTime(last.createdAt) : '',
    d.incidents.length,
    d.incidents.map(incidentSummary).join('; '),
  ];
}

function addEnterpriseDaySheet(wb: ExcelJS.Workbook, rows: EnterpriseDay[]): void {
  const ws = wb.addWorksheet(t.sheetDays, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ENTERPRISE_DAY_COLUMNS.map((header) => ({
    header,
    width: header === DAY.incidents ? 50 : header === DAY.enterprise ? 30 : Math.max(12, header.length + 2),
  }));
  const stateColumn = ENTERPRISE_DAY_COLUMNS.indexOf(DAY.state) + 1;
  for (const d of rows) {
    const cell = ws.addRow(safe(enterpriseDayRow(d))).getCell(stateColumn);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[d.state].bg } };
    cell.font = { color: { argb: FILLS[d.state].fg } };
  }
  ws.getColumn(ENTERPRISE_DAY_COLUMNS.indexOf(DAY.incidents) + 1).alignment = {
    wrapText: true,
    vertical: 'top',
  };
  styleHeader(ws);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ENTERPRISE_DAY_COLUMNS.length } };
}

function addMatrixSheet(wb: ExcelJS.Workbook, data: ExportData): void {
  const ws = wb.addWorksheet(t.sheetMatrix, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  ws.columns = [
    { header: t.sheetMatrixColumns.enterprise, width: 32 },
    { header: t.sheetMatrixColumns.code, width: 14 },
    ...data.days.map((d) => ({ header: formatDay(d).slice(0, 5), width: 14 })),
  ];
  // A day with an incident stays an incident day, whatever was reported after it.
  const incidentDays = new Set(data.incidents.map((i) => latestKey(i.enterpriseId, i.reportDay)));
  for (const e of data.enterprises) {
    const row = ws.addRow(safe([e.name, e.code]));
    data.days.forEach((day, i) => {
      const r = data.latest.get(latestKey(e.id, day));
      const state = !r ? 'missing' : incidentDays.has(latestKey(e.id, day)) ? 'incident' : 'normal';
      const cell = row.getCell(i + 3);
      cell.value = t.sheetMatrixLabels[state];
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[state].bg } };
      cell.font = { color: { argb: FILLS[state].fg } };
      cell.alignment = { horizontal: 'center' };
    });
  }
  const totals = ws.addRow([
    t.sheetMatrixTotal,
    '',
    ...data.days.map((day) => {
      const n = data.enterprises.filter((e) => data.latest.has(latestKey(e.id, day))).length;
      return `${n}/${data.enterprises.length}`;
    }),
  ]);
  totals.font = { bold: true };
  totals.alignment = { horizontal: 'center' };
  totals.getCell(1).alignment = { horizontal: 'left' };
  styleHeader(ws);
}

export async function exportXlsx(data: ExportData): Promise<Buffer> {
  // Loaded on the first export: exceljs costs ~28 MB of memory that a bot which never exports need not carry.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = t.workbookCreator;
  addMatrixSheet(wb, data);
  addEnterpriseDaySheet(wb, enterpriseDays(data));
  addReportSheet(wb, t.sheetReports, data.revisions);
  addIncidentSheet(wb, data.incidents);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvField(value: Cell): string {
  const s = typeof value === 'number' ? String(value) : defuse(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A sheet as CSV: UTF-8 with a BOM (or Excel reads Vietnamese as ANSI), CRLF line ends. */
function toCsv(header: readonly string[], rows: Cell[][]): string {
  const lines = [[...header], ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The "Báo cáo" sheet as CSV: every revision. */
export function exportCsv(data: ExportData): string {
  return toCsv(REPORT_COLUMNS, data.revisions.map(reportRow));
}

/** The "Theo ngày" sheet as CSV: one row per enterprise and day, those that did not report included. */
export function exportDaysCsv(data: ExportData): string {
  return toCsv(ENTERPRISE_DAY_COLUMNS, enterpriseDays(data).map(enterpriseDayRow));
}

export function exportFilename(range: DayRange, format: 'xlsx' | 'csv'): string {
  return `bao-cao-tet-${range.fromDay}-${range.toDay}.${format}`;
}

/** The CSV beside exportFilename's: a CSV holds one table, so the per-enterprise and day view is its own file. */
export function exportDaysFilename(range: DayRange): string {
  return `bao-cao-tet-${range.fromDay}-${range.toDay}-theo-ngay.csv`;
}

/** "bc.csv" → "bc-theo-ngay.csv", in the same folder. */
export function daysCsvPath(out: string): string {
  const ext = path.extname(out);
  return `${out.slice(0, out.length - ext.length)}-theo-ngay${ext}`;
}

/**
 * The admin CLI's export: .xlsx or .csv by the extension of `out`; days are yyyy-mm-dd, defaults as `resolveRange`.
 * A CSV export writes two files, `out` (every report) and `daysCsvPath(out)` (every enterprise and day); `files`
 * lists what was written.
 */
export async function writeExportFile(
  db: Db,
  params: { out: string; fromDay?: string; toDay?: string; now?: Date },
): Promise<{ out: string; files: string[]; format: 'xlsx' | 'csv'; data: ExportData }> {
  const ext = path.extname(params.out).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') {
    throw new ExportError('bad_extension', t.fileNeedsExtension(params.out, ['.xlsx', '.csv']));
  }
  const format = ext === '.xlsx' ? 'xlsx' : 'csv';
  const now = params.now ?? new Date();
  const range = await resolveRange(db, {
    now,
    ...(params.fromDay ? { fromDay: params.fromDay } : {}),
    ...(params.toDay ? { toDay: params.toDay } : {}),
  });
  const data = await buildExportData(db, range, { now });
  const files: [string, string | Buffer][] =
    format === 'xlsx'
      ? [[params.out, await exportXlsx(data)]]
      : [
          [params.out, exportCsv(data)],
          [daysCsvPath(params.out), exportDaysCsv(data)],
        ];
  await mkdir(path.dirname(path.resolve(params.out)), { recursive: true });
  for (const [file, content] of files) await writeFile(file, content);
  return { out: params.out, files: files.map(([file]) => file), format, data };
}
