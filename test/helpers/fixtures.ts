import { vnInstant } from '../../src/clock.ts';
import type { Db } from '../../src/db/client.ts';
import type { Enterprise } from '../../src/db/queries/enterprises.ts';
import { createIncident } from '../../src/db/queries/incidents.ts';
import { type Report, recordReport } from '../../src/db/queries/reports.ts';
import type { IncidentDetails } from '../../src/db/schema.ts';
import type { Channel } from '../../src/messages.ts';

/**
 * Records one report revision at a Vietnam-time moment: `incident` null is a "Bình thường" report; an incident
 * also opens its incident record (resolved at once when `ongoing` is false), as a report from the chat does.
 */
export async function seedReport(
  db: Db,
  params: {
    enterprise: Enterprise;
    day: string;
    hhmm: string;
    incident: IncidentDetails | null;
    note?: string | null;
    reporterId: number;
    channel?: Channel;
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
  if (params.incident) {
    await createIncident(db, {
      enterpriseId: params.enterprise.id,
      reportId: report.id,
      reportDay: params.day,
      kind: params.incident.kind,
      area: params.incident.area ?? null,
      scaleCount: null,
      scaleUnit: null,
      scaleBucket: params.incident.affected ?? null,
      description: params.note ?? null,
      personId: params.reporterId,
      at: vnInstant(params.day, params.hhmm),
      resolved: !params.incident.ongoing,
    });
  }
  return report;
}
