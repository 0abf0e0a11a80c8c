import { formatVnDateTime } from '../clock.ts';
import { reportRef, tj } from '../conversation/texts.ts';
import type { Db } from '../db/client.ts';
import { enqueueMessages } from '../db/queries/outbox.ts';
import { listRecipients } from '../db/queries/people.ts';
import type { Report } from '../db/queries/reports.ts';
import type { Channel } from '../messages.ts';
import { kindLabel } from './incident-kinds.ts';

/**
 * Tells every staff member at once about an incident report (or an amendment that turns a day into an incident),
 * in the same transaction as the report, so an alert is never lost nor sent for a report that was rolled back.
 */
export async function alertStaff(
  db: Db,
  params: { report: Report; previous: Report | null; enterpriseName: string; enterpriseCode: string },
): Promise<number> {
  const { report, previous } = params;
  if (report.status !== 'incident' || !report.incident) return 0;
  const staff = await listRecipients(db, { roles: ['staff', 'admin'] });
  const text = tj.alert({
    enterprise: params.enterpriseName,
    kind: kindLabel(report.incident.kind),
    area: report.incident.area,
    affected: report.incident.affected,
    ongoing: report.incident.ongoing,
    note: report.note,
    ref: reportRef(report.id),
    at: formatVnDateTime(report.createdAt),
    amended: previous !== null,
  });
  return enqueueMessages(
    db,
    staff
      .filter((s) => !s.unreachable)
      .map((s) => ({
        channel: s.channel as Channel,
        chatId: s.chatId,
        text,
        buttons: [{ label: tj.btnHistory, action: `st:${params.enterpriseCode}` }],
        dedupeKey: `alert:${report.id}:${s.channel}:${s.chatId}`,
      })),
  );
}
