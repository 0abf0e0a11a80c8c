import { actions } from '../actions.ts';
import type { Db } from '../db/client.ts';
import { listIncidentsDueForFollowUp } from '../db/queries/incidents.ts';
import { claimJob } from '../db/queries/job-runs.ts';
import { enqueueMessages, toEachChat } from '../db/queries/outbox.ts';
import { listReachableIdentities } from '../db/queries/people.ts';
import { incidentTitle } from '../features/incidents.ts';
import { t } from '../texts/index.ts';

/** Asks the reporter of each incident still open after a while, once, whether it has been fixed. */
export async function sendIncidentFollowUps(
  db: Db,
  params: { now: Date; afterMinutes: number },
): Promise<number> {
  const cutoff = new Date(params.now.getTime() - params.afterMinutes * 60_000);
  const due = await listIncidentsDueForFollowUp(db, cutoff, 500);
  let sent = 0;
  for (const incident of due) {
    if (!(await claimJob(db, `followup:inc:${incident.id}`))) continue;
    const targets = await listReachableIdentities(db, incident.openedBy);
    sent += await enqueueMessages(
      db,
      toEachChat(targets, `followup:inc:${incident.id}`, () => ({
        lane: 'bulk',
        text: t.followUp(incidentTitle(incident)),
        buttons: [
          { label: t.btnFixed, action: actions.incidentFixed(incident.id, true) },
          { label: t.btnNotFixed, action: actions.incidentFixed(incident.id, false) },
        ],
      })),
    );
  }
  return sent;
}
