import { vnInstant } from '../../src/clock.ts';
import type { Db } from '../../src/db/client.ts';
import type { Enterprise } from '../../src/db/queries/enterprises.ts';
import { type Report, recordReport } from '../../src/db/queries/reports.ts';
import type { IncidentDetails } from '../../src/db/schema.ts';

/** Records one report revision at a Vietnam-time moment: `incident` null is a "Bình thường" report. */
export async function seedReport(
  db: Db,
  params: {
    enterprise: Enterprise;
    day: string;
    hhmm: string;
    incident: IncidentDetails | null;
    note?: string | null;
    reporterId: number;
    channel?: string;
  },
): Promise<Report> {
  const { report } = await recordReport(db, {
    enterpriseId: params.enterprise.id,
    reportDay: params.day,
    status: params.incident ? 'incident' : 'normal',
    incident: params.incident,
    note: params.note ?? null,
    reporterId: params.reporterId,
    channel: params.channel ?? 'telegram',
    at: vnInstant(params.day, params.hhmm),
  });
  return report;
}
