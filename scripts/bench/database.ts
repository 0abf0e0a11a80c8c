/** Throwaway PostgreSQL databases and the data the benchmark puts in them. */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { vnDay } from '../../src/clock.ts';
import type { Db } from '../../src/db/client.ts';
import { connectPostgres } from '../../src/db/client.ts';
import { activateCampaign, createCampaign } from '../../src/db/queries/campaigns.ts';
import { type Enterprise, insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { attachIdentity, createPerson } from '../../src/db/queries/people.ts';
import { recordReport } from '../../src/db/queries/reports.ts';
import { rowsOf } from '../../src/db/raw.ts';
import { SECTORS } from '../../src/db/schema.ts';
import type { SimChat } from './scenarios.ts';

/**
 * The local server as a deployment on this machine would reach it: through its Unix socket when there is one
 * (cheaper per statement than TCP loopback, see src/db/client.ts), else over TCP.
 */
export const DEFAULT_DATABASE_URL = existsSync('/var/run/postgresql/.s.PGSQL.5432')
  ? 'postgres://postgres@localhost/postgres?host=/var/run/postgresql'
  : 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ThrowawayDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Like test/helpers/db.ts, on the server of `base`: a fresh database, dropped (forcefully) by drop(). */
export async function createThrowawayDatabase(base: string): Promise<ThrowawayDatabase> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const admin = connectPostgres(base, { max: 1 });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    async drop() {
      if (dropped || process.env.BENCH_KEEP_DB) return;
      dropped = true;
      const a = connectPostgres(base, { max: 1 });
      try {
        await a.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

export async function serverVersion(base: string): Promise<string> {
  const client = connectPostgres(base, { max: 1 });
  try {
    const [row] = await client<{ server_version: string }[]>`show server_version`;
    return row?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

const OFFICER_CHAT_BASE = 700_000_000;
const STAFF_CHAT_BASE = 600_000_000;

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/**
 * Registers N enterprises, M officers (officer i at enterprise i mod N) and `staff` staff members through the
 * query functions, with Telegram identities; an active campaign around today; and yesterday's report of every
 * enterprise, so /status and the receipts have history to read.
 */
export async function seedService(
  db: Db,
  params: { enterprises: number; officers: number; staff: number; now: Date },
): Promise<SimChat[]> {
  const { now } = params;
  const rows = Array.from({ length: params.enterprises }, (_, i) => ({
    code: `DN${String(i + 1).padStart(5, '0')}`,
    name: `Công ty Bưu chính Viễn thông ${String(i + 1).padStart(5, '0')} chi nhánh Bắc Giang`,
    sector: SECTORS[i % SECTORS.length]!,
  }));
  const enterprises: Enterprise[] = [];
  for (let i = 0; i < rows.length; i += 1000)
    enterprises.push(...(await insertEnterprises(db, rows.slice(i, i + 1000))));

  const chats: SimChat[] = [];
  const officerIds: number[] = [];
  await inBatches(
    Array.from({ length: params.officers }, (_, i) => i),
    20,
    async (i) => {
      const enterprise = enterprises[i % enterprises.length]!;
      const person = await createPerson(db, {
        displayName: `Cán bộ trực ${i + 1}`,
        role: 'officer',
        enterpriseId: enterprise.id,
      });
      const chatId = OFFICER_CHAT_BASE + i;
      await attachIdentity(db, {
        personId: person.id,
        channel: 'telegram',
        externalId: String(chatId),
        chatId: String(chatId),
        at: now,
      });
      officerIds[i] = person.id;
      chats[i] = { chatId, role: 'officer', sector: enterprise.sector };
    },
  );
  for (let i = 0; i < params.staff; i++) {
    const person = await createPerson(db, {
      displayName: `Cán bộ Sở ${i + 1}`,
      role: 'staff',
      enterpriseId: null,
    });
    const chatId = STAFF_CHAT_BASE + i;
    await attachIdentity(db, {
      personId: person.id,
      channel: 'telegram',
      externalId: String(chatId),
      chatId: String(chatId),
      at: now,
    });
    chats.push({ chatId, role: 'staff' });
  }

  const day = (offset: number) => vnDay(new Date(now.getTime() + offset * 86_400_000));
  const campaign = await createCampaign(db, {
    name: 'Tết Nguyên đán (benchmark)',
    directive: 'Công văn số 01/STTTT-BCVT',
    firstDay: day(-10),
    lastDay: day(10),
    dailyDeadline: '16:00',
    finalDeadline: new Date(now.getTime() + 11 * 86_400_000),
    finalDeadlineLabel: '16:00 ngày cuối đợt',
  });
  await activateCampaign(db, campaign.id);

  const yesterday = day(-1);
  await inBatches(
    enterprises.map((e, i) => ({ e, i })),
    20,
    ({ e, i }) =>
      db.transaction((tx) =>
        recordReport(tx, {
          enterpriseId: e.id,
          reportDay: yesterday,
          status: i % 20 === 0 ? 'incident' : 'normal',
          incident: i % 20 === 0 ? { kind: 'khac', ongoing: false } : null,
          note: null,
          reporterId: officerIds[i % officerIds.length] ?? officerIds[0]!,
          channel: 'telegram',
          at: new Date(now.getTime() - 86_400_000),
        }),
      ),
  );
  return chats;
}

/**
 * The /status data set, generated inside PostgreSQL: `enterprises` enterprises with one officer (and
 * Telegram identity) each, and `days` days of reports ending `lastDay`: ~97% of enterprise-days reported
 * (90% on the last day, so the missing list is long), ~4% incidents, ~5% amended once.
 */
export async function seedStatus(
  db: Db,
  params: { enterprises: number; days: number; lastDay: string },
): Promise<{ reports: number }> {
  const { enterprises: n, days, lastDay } = params;
  await db.execute(sql`
    insert into enterprises (code, name, sector)
    select 'DN' || lpad(g::text, 5, '0'),
           'Công ty Bưu chính Viễn thông ' || lpad(g::text, 5, '0') || ' chi nhánh Bắc Giang',
           (array['postal', 'telecom', 'both'])[1 + g % 3]
    from generate_series(1, ${n}::int) g`);
  await db.execute(sql`
    insert into people (display_name, role, enterprise_id)
    select 'Cán bộ trực ' || e.id, 'officer', e.id from enterprises e`);
  await db.execute(sql`
    insert into identities (person_id, channel, external_id, chat_id, last_inbound_at)
    select p.id, 'telegram', (700000000 + p.id)::text, (700000000 + p.id)::text, now() from people p`);
  // One statement per day keeps each insert at ~n rows (multi-row inserts in chunks, generated server-side).
  for (let d = days - 1; d >= 0; d--) {
    const last = d === 0;
    await db.execute(sql`
      insert into reports
        (enterprise_id, report_day, revision, status, incident, note, reporter_id, channel, created_at)
      select e.id, x.day, r.revision,
             case when inc then 'incident' else 'normal' end,
             case when inc then jsonb_build_object('kind', 'mat_lien_lac', 'area', 'TP Bắc Giang',
                                                   'affected', '1–10', 'ongoing', true) end,
             case when inc then 'Đứt cáp quang tuyến trục, đang khắc phục' end,
             p.id, 'telegram', x.day::timestamp + interval '8 hours' + r.revision * interval '1 hour'
      from enterprises e
      join people p on p.enterprise_id = e.id
      cross join lateral (select (${lastDay}::date - ${d}::int) as day,
                                 (e.id * 7919 + ${d} * 104729) % 100 as h) x
      cross join lateral (select (x.h % 33 = 0) as inc) i
      cross join lateral generate_series(1, case when x.h % 20 = 1 then 2 else 1 end) r(revision)
      where x.h >= ${last ? 10 : 3}`);
  }
  await db.execute(sql`analyze`);
  const result = await db.execute(sql`select count(*)::int as n from reports`);
  return { reports: rowsOf<{ n: number }>(result)[0]?.n ?? 0 };
}
