import { and, eq, sql } from 'drizzle-orm';
import { formatDay } from '../clock.ts';
import { reportRef, tj } from '../conversation/texts.ts';
import type { Db } from '../db/client.ts';
import { enqueueMessages } from '../db/queries/outbox.ts';
import { identities, reports } from '../db/schema.ts';
import { kindLabel } from '../features/incident-kinds.ts';
import type { Channel } from '../messages.ts';
import { claimJob } from './run-once.ts';

/** Asks the reporter of each still-ongoing incident, once, whether it has been fixed. */
export async function sendIncidentFollowUps(
  db: Db,
  params: { now: Date; afterMinutes: number },
): Promise<number> {
  const cutoff = new Date(params.now.getTime() - params.afterMinutes * 60_000).toISOString();
  // The latest revision of each enterprise-day that is an ongoing incident older than the cutoff.
  const due = await db
    .select()
    .from(reports)
    .where(
      and(
        eq(reports.status, 'incident'),
        sql`(${reports.incident} ->> 'ongoing')::boolean is true`,
        sql`${reports.createdAt} <= ${cutoff}`,
        sql`${reports.createdAt} > ${cutoff}::timestamptz - interval '3 days'`,
        sql`not exists (select 1 from reports r2 where r2.enterprise_id = ${reports.enterpriseId}
          and r2.report_day = ${reports.reportDay} and r2.revision > ${reports.revision})`,
      ),
    )
    .limit(500);
  let sent = 0;
  for (const report of due) {
    if (!(await claimJob(db, `followup:${report.id}`))) continue;
    const targets = await db.select().from(identities).where(eq(identities.personId, report.reporterId));
    sent += await enqueueMessages(
      db,
      targets
        .filter((i) => !i.unreachableAt)
        .map((i) => ({
          channel: i.channel as Channel,
          chatId: i.chatId,
          lane: 'bulk' as const,
          dedupeKey: `followup:${report.id}:${i.channel}:${i.chatId}`,
          text: tj.followUp({
            kind: kindLabel(report.incident?.kind ?? 'khac'),
            day: formatDay(report.reportDay),
            ref: reportRef(report.id),
          }),
          buttons: [
            { label: tj.btnFixed, action: `fx:${report.id}:1` },
            { label: tj.btnNotFixed, action: `fx:${report.id}:0` },
          ],
        })),
    );
  }
  return sent;
}
