import { vnDay } from '../clock.ts';
import type { Db } from '../db/client.ts';
import {
  getBoardWatermark,
  getLatestReportTimes,
  listDayRevisions,
  listUnreachableOfficers,
  type Revision,
  type UnreachableOfficer,
} from '../db/queries/board.ts';
import { type Campaign, getActiveCampaign } from '../db/queries/campaigns.ts';
import { type Enterprise, getEnterpriseById } from '../db/queries/enterprises.ts';
import { listIncidentsOfEnterprise, listIncidentUpdates } from '../db/queries/incidents.ts';
import { type DayReport, getReportsInRange } from '../db/queries/reports.ts';
import { buildExportData, type ExportData, type IncidentRecord, latestKey, resolveRange } from './export.ts';
import { dailyDeadline, inCampaign } from './reports.ts';
import { type DayStatus, getDayStatus } from './status.ts';

/** Names per list on the board: a province has tens of enterprises; the full registers are in the export. */
export const BOARD_LIST_LIMIT = 500;

export type CellState = 'normal' | 'incident' | 'missing' | 'pending';

export interface GridCell {
  state: CellState;
  /** The day's report was amended (more than one revision). */
  amended: boolean;
  report: DayReport | null;
}

export interface DayFigures {
  day: string;
  reported: number;
  /** Enterprises whose first report of the day came by its deadline (null: no deadline for that day). */
  onTime: number | null;
  deadline: Date | null;
  /** The deadline (or the day) is still ahead: not reporting yet is not late. */
  pending: boolean;
}

export interface BoardData {
  now: Date;
  today: string;
  campaign: Campaign | null;
  /** Today's deadline when today is a campaign day. */
  deadline: Date | null;
  status: DayStatus;
  /** Today's latest revision per enterprise, by enterprise name. */
  reportedToday: DayReport[];
  /** Latest report (any day) of the enterprises listed as missing or unreachable. */
  latestTimes: Map<number, Date>;
  unreachable: UnreachableOfficer[];
  /** The grid's days: the active campaign's, else the last 7 days. */
  grid: ExportData;
  cells: Map<string, GridCell>;
  figures: DayFigures[];
  /** Open incidents first, then the latest opened. */
  incidents: IncidentRecord[];
  watermark: string;
}

/** Everything the board shows, read in one go. */
export async function buildBoardData(db: Db, now: Date): Promise<BoardData> {
  // Read first: a change landing while the rest is read makes the next poll refresh again rather than be missed.
  const watermark = await getBoardWatermark(db);
  const today = vnDay(now);
  const campaign = await getActiveCampaign(db);
  const range = campaign
    ? { fromDay: campaign.firstDay, toDay: campaign.lastDay }
    : await resolveRange(db, { now });
  const [status, todays, grid, unreachable] = await Promise.all([
    getDayStatus(db, today, BOARD_LIST_LIMIT),
    getReportsInRange(db, today, today),
    buildExportData(db, range),
    listUnreachableOfficers(db, BOARD_LIST_LIMIT),
  ]);
  const latestToday = new Map<number, DayReport>();
  for (const r of todays) latestToday.set(r.enterpriseId, r);
  const reportedToday = [...latestToday.values()].sort((a, b) =>
    a.enterpriseName.localeCompare(b.enterpriseName, 'vi'),
  );
  const listed = new Set([...status.missing.map((e) => e.id), ...unreachable.map((u) => u.enterpriseId)]);
  const latestTimes = await getLatestReportTimes(db, [...listed]);
  const deadlineOf = (day: string): Date | null =>
    campaign && inCampaign(campaign, day) ? dailyDeadline(campaign, day) : null;

  const incidentKeys = new Set(grid.incidents.map((i) => latestKey(i.enterpriseId, i.reportDay)));
  const cells = new Map<string, GridCell>();
  for (const e of grid.enterprises) {
    for (const day of grid.days) {
      const key = latestKey(e.id, day);
      const report = grid.latest.get(key) ?? null;
      const state: CellState = report
        ? incidentKeys.has(key)
          ? 'incident'
          : 'normal'
        : day > today
          ? 'pending'
          : 'missing';
      cells.set(key, { state, amended: (report?.revision ?? 1) > 1, report });
    }
  }

  const firstAt = new Map<string, Date>();
  for (const r of grid.revisions) {
    if (r.revision === 1) firstAt.set(latestKey(r.enterpriseId, r.reportDay), r.createdAt);
  }
  const figures: DayFigures[] = grid.days.map((day) => {
    const deadline = deadlineOf(day);
    let reported = 0;
    let onTime = 0;
    for (const e of grid.enterprises) {
      const key = latestKey(e.id, day);
      if (!grid.latest.has(key)) continue;
      reported++;
      const first = firstAt.get(key);
      if (deadline && first && first <= deadline) onTime++;
    }
    return {
      day,
      reported,
      onTime: deadline ? onTime : null,
      deadline,
      pending: day > today || (deadline !== null && now < deadline && day === today),
    };
  });

  const incidents = [...grid.incidents].sort(
    (a, b) =>
      Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) ||
      b.openedAt.getTime() - a.openedAt.getTime() ||
      b.id - a.id,
  );

  return {
    now,
    today,
    campaign,
    deadline: deadlineOf(today),
    status,
    reportedToday,
    latestTimes,
    unreachable,
    grid,
    cells,
    figures,
    incidents,
    watermark,
  };
}

export interface ReportDetail {
  enterprise: Enterprise;
  day: string;
  revisions: Revision[];
  /** Incidents reported for this day, with their history. */
  incidents: IncidentRecord[];
}

/** One grid cell opened: the day's report of one enterprise with every revision, and that day's incidents. */
export async function getReportDetail(
  db: Db,
  enterpriseId: number,
  day: string,
): Promise<ReportDetail | null> {
  const enterprise = await getEnterpriseById(db, enterpriseId);
  if (!enterprise) return null;
  const [revisions, incidents] = await Promise.all([
    listDayRevisions(db, enterpriseId, day),
    listIncidentsOfEnterprise(db, enterpriseId, 200),
  ]);
  const ofDay = incidents.filter((i) => i.reportDay === day).reverse();
  const updates = await listIncidentUpdates(
    db,
    ofDay.map((i) => i.id),
  );
  return {
    enterprise,
    day,
    revisions,
    incidents: ofDay.map((i) => ({ ...i, updates: updates.get(i.id) ?? [] })),
  };
}
