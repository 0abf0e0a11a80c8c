import assert from 'node:assert/strict';
import { addDays, vnDay } from '../../src/clock.ts';
import type { Db } from '../../src/db/client.ts';
import { activateCampaign, createCampaign } from '../../src/db/queries/campaigns.ts';

/** The sign-in link in the bot's answer to `/web`. */
export function boardLinkOf(text: string): string {
  const m = /(https?:\/\/\S+\/board\/login\?t=[A-Za-z0-9_-]+)/.exec(text);
  assert.ok(m, `a board link in: ${text.slice(0, 80)}`);
  return m[1]!;
}

export const tokenOf = (link: string): string => new URL(link).searchParams.get('t') ?? '';

/** Posts the link's sign-in form as the page's button does; the response, unfollowed. */
export function postLogin(link: string, token = tokenOf(link), headers: Record<string, string> = {}) {
  return fetch(new URL('/board/login', link), {
    method: 'POST',
    body: new URLSearchParams({ t: token }),
    redirect: 'manual',
    headers,
  });
}

/** Signs in over HTTP with a link from `/web`: "name=value" of the session cookie. */
export async function signIn(link: string): Promise<string> {
  const res = await postLogin(link);
  assert.equal(res.status, 303);
  const cookie = res.headers.getSetCookie()[0];
  assert.ok(cookie, 'a session cookie');
  return cookie.split(';')[0]!;
}

/** An active campaign from two days ago to two days ahead, due each day at `deadline` (Vietnam time). */
export async function activeCampaignAroundToday(db: Db, now: Date, deadline = '23:59') {
  const today = vnDay(now);
  const campaign = await createCampaign(db, {
    name: 'Tết thử nghiệm',
    directive: 'Công văn thử',
    firstDay: addDays(today, -2),
    lastDay: addDays(today, 2),
    dailyDeadline: deadline,
    finalDeadline: new Date(now.getTime() + 3 * 86_400_000),
    finalDeadlineLabel: 'cuối đợt',
  });
  await activateCampaign(db, campaign.id);
  return campaign;
}

/** Reads server-sent events from a fetch response until `until` says stop (or the time runs out). */
export async function readEvents(
  res: Response,
  until: (events: { event: string; data: string }[]) => boolean,
  timeoutMs = 10_000,
): Promise<{ event: string; data: string }[]> {
  const events: { event: string; data: string }[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (!until(events)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such event within ${timeoutMs} ms: ${JSON.stringify(events)}`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out: ${JSON.stringify(events)}`)), left);
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
        if (event) events.push({ event, data });
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return events;
}
