import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Channel } from '../messages.ts';

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const SECTORS = ['postal', 'telecom', 'both'] as const;
export type Sector = (typeof SECTORS)[number];
export const ROLES = ['officer', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const enterprises = pgTable('enterprises', {
  id: serial().primaryKey(),
  code: text().notNull().unique(),
  name: text().notNull(),
  sector: text().$type<Sector>().notNull(),
  createdAt: createdAt(),
});

export const people = pgTable(
  'people',
  {
    id: serial().primaryKey(),
    displayName: text().notNull(),
    role: text().$type<Role>().notNull(),
    enterpriseId: integer().references(() => enterprises.id),
    /** Vietnam date (yyyy-mm-dd) for which the officer paused reminders. */
    remindersPausedOn: date({ mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [index('people_enterprise_role_idx').on(t.enterpriseId, t.role)],
);

export const identities = pgTable(
  'identities',
  {
    id: serial().primaryKey(),
    personId: integer()
      .notNull()
      .references(() => people.id),
    channel: text().$type<Channel>().notNull(),
    externalId: text().notNull(),
    chatId: text().notNull(),
    lastInboundAt: timestamp({ withTimezone: true }),
    unreachableAt: timestamp({ withTimezone: true }),
    unreachableReason: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('identities_channel_external_uq').on(t.channel, t.externalId),
    index('identities_person_idx').on(t.personId),
    index('identities_unreachable_idx').on(t.personId).where(sql`${t.unreachableAt} is not null`),
  ],
);

export const invites = pgTable('invites', {
  id: serial().primaryKey(),
  /** sha256 of the normalised code: the code itself is never stored. */
  codeHash: text().notNull().unique(),
  /** 'invite' registers a new person; 'link' attaches another channel's identity to `personId`. */
  kind: text().$type<'invite' | 'link'>().notNull().default('invite'),
  role: text().$type<Role>().notNull(),
  enterpriseId: integer().references(() => enterprises.id),
  personId: integer().references(() => people.id),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  maxUses: integer().notNull(),
  uses: integer().notNull().default(0),
  createdAt: createdAt(),
});

export const campaigns = pgTable('campaigns', {
  id: serial().primaryKey(),
  name: text().notNull(),
  directive: text().notNull(),
  timeZone: text().notNull().default('Asia/Ho_Chi_Minh'),
  firstDay: date({ mode: 'string' }).notNull(),
  lastDay: date({ mode: 'string' }).notNull(),
  /** Daily report deadline, local time "HH:mm". */
  dailyDeadline: text().notNull(),
  finalDeadline: timestamp({ withTimezone: true }).notNull(),
  finalDeadlineLabel: text().notNull(),
  active: boolean().notNull().default(false),
  createdAt: createdAt(),
});

export const REPORT_STATUSES = ['normal', 'incident'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface IncidentDetails {
  kind: string;
  area?: string;
  affected?: string;
  ongoing: boolean;
}

export const reports = pgTable(
  'reports',
  {
    id: serial().primaryKey(),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id),
    /** The Vietnam calendar day the report belongs to. */
    reportDay: date({ mode: 'string' }).notNull(),
    revision: integer().notNull(),
    status: text().$type<ReportStatus>().notNull(),
    incident: jsonb().$type<IncidentDetails>(),
    note: text(),
    reporterId: integer()
      .notNull()
      .references(() => people.id),
    channel: text().$type<Channel>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('reports_enterprise_day_revision_uq').on(t.enterpriseId, t.reportDay, t.revision),
    // /status: the latest revision of each enterprise for one day, straight from the index.
    index('reports_day_enterprise_idx').on(t.reportDay, t.enterpriseId, t.revision),
  ],
);

export const INCIDENT_UPDATE_KINDS = ['opened', 'update', 'resolved', 'reopened'] as const;
export type IncidentUpdateKind = (typeof INCIDENT_UPDATE_KINDS)[number];

/**
 * An incident is its own record: a later report of the day (normal or another incident) never hides it; it stays
 * open until someone says it is fixed, and its history is kept.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: serial().primaryKey(),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id),
    /** The report revision that opened it (its day is the incident's report day). */
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    reportDay: date({ mode: 'string' }).notNull(),
    kind: text().notNull(),
    area: text(),
    /** A typed count with its unit ("12 trạm"), or a tapped bucket ("101–1.000"). */
    scaleCount: integer(),
    scaleUnit: text(),
    scaleBucket: text(),
    description: text(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    openedBy: integer()
      .notNull()
      .references(() => people.id),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: integer().references(() => people.id),
  },
  (t) => [
    index('incidents_enterprise_open_idx').on(t.enterpriseId).where(sql`${t.resolvedAt} is null`),
    index('incidents_opened_idx').on(t.openedAt),
    index('incidents_report_idx').on(t.reportId),
  ],
);

export const incidentUpdates = pgTable(
  'incident_updates',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    incidentId: integer()
      .notNull()
      .references(() => incidents.id),
    kind: text().$type<IncidentUpdateKind>().notNull(),
    text: text(),
    personId: integer().references(() => people.id),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('incident_updates_incident_idx').on(t.incidentId, t.at)],
);

/** The province's administrative units (communes and wards since the 2025 reform), offered when picking an area. */
export const areas = pgTable(
  'areas',
  {
    id: serial().primaryKey(),
    name: text().notNull().unique(),
    /** "xã", "phường", "đặc khu"… as imported. */
    unitKind: text(),
    /** The name without its unit word, lower case, no diacritics: what a typed name is matched against. */
    folded: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('areas_folded_idx').on(t.folded)],
);

export const inboundEvents = pgTable(
  'inbound_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    channel: text().$type<Channel>().notNull(),
    /** Telegram update_id, Zalo msg_id or event hash. */
    eventKey: text().notNull(),
    chatId: text().notNull(),
    message: jsonb().notNull(),
    status: text().$type<'pending' | 'done' | 'failed'>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    receivedAt: createdAt(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('inbound_channel_key_uq').on(t.channel, t.eventKey),
    index('inbound_pending_idx').on(t.channel, t.chatId, t.id).where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * Lane -1: the answer to someone who just wrote, in their own chat; it may pass that chat's alerts and reminders
 * still waiting (a staff member's /status does not queue behind a burst of incident alerts), never another answer.
 * Lane 0: other messages caused by a turn or an event (incident alerts to staff). Lane 1: reminders, digests,
 * broadcasts. Lower lanes are claimed and sent first.
 */
export const LANE_ANSWER = -1;
export const LANE_REPLY = 0;
export const LANE_BULK = 1;

export const outbox = pgTable(
  'outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    channel: text().$type<Channel>().notNull(),
    chatId: text().notNull(),
    payload: jsonb().notNull(),
    lane: smallint().notNull().default(LANE_REPLY),
    status: text().$type<'pending' | 'sending' | 'sent' | 'failed'>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    /** Parts of a split message already delivered: a retry resumes after them instead of repeating them. */
    partsSent: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    /** Set for scheduled messages so two workers or a restart never send one twice. */
    dedupeKey: text().unique(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // In claim order, so a claim reads only as far as the first rows it can take.
    index('outbox_due_idx').on(t.lane, t.id).where(sql`${t.status} = 'pending'`),
    // Only unsent rows: the per-chat ordering check must not wade through a chat's whole history.
    index('outbox_chat_open_idx')
      .on(t.channel, t.chatId, t.id)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index('outbox_sending_idx').on(t.lockedUntil).where(sql`${t.status} = 'sending'`),
  ],
);

export const conversationState = pgTable(
  'conversation_state',
  {
    channel: text().$type<Channel>().notNull(),
    chatId: text().notNull(),
    state: text().notNull().default('idle'),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.chatId] })],
);

/** Questions the Q&A engine could not answer with confidence, so the curated set can grow. */
export const unansweredQuestions = pgTable('unanswered_questions', {
  id: serial().primaryKey(),
  normalized: text().notNull().unique(),
  sample: text().notNull(),
  count: integer().notNull().default(1),
  lastAskedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The Zalo OA token pair: one row, rotated on refresh. */
export const zaloTokens = pgTable('zalo_tokens', {
  id: smallint().primaryKey(),
  accessToken: text().notNull(),
  refreshToken: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One row per scheduled job occurrence (reminder wave, digest, follow-up): its unique key makes it run once. */
export const jobRuns = pgTable('job_runs', {
  key: text().primaryKey(),
  ranAt: createdAt(),
});

/** Every imported directive letter, kept as a version: its text, what the parser read, and whether it is active. */
export const directiveVersions = pgTable(
  'directive_versions',
  {
    id: serial().primaryKey(),
    sourceName: text().notNull(),
    sourceText: text().notNull(),
    /** The parsed letter (src/directive/letter.ts), validated again when read. */
    letter: jsonb().$type<Record<string, unknown>>().notNull(),
    warnings: jsonb().$type<string[]>().notNull().default([]),
    /** Optional curated question pairs kept beside the letter; never needed for a correct answer. */
    extras: jsonb().$type<unknown[]>(),
    active: boolean().notNull().default(false),
    importedAt: createdAt(),
    activatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('directive_versions_one_active_uq').on(t.active).where(sql`${t.active}`)],
);

/** The department as data (one row): name, province, e-mail, phone, signer — used by texts, drafts and exports. */
export const orgSettings = pgTable('org_settings', {
  id: smallint().primaryKey(),
  data: jsonb().$type<Record<string, string>>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One-time sign-in links to the web board, handed out in the chat by `/web`: only the token's sha256 is stored. */
export const boardLinks = pgTable('board_links', {
  id: serial().primaryKey(),
  tokenHash: text().notNull().unique(),
  personId: integer()
    .notNull()
    .references(() => people.id),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  /** Set when the link is spent: a link signs in once. */
  usedAt: timestamp({ withTimezone: true }),
  createdAt: createdAt(),
});

/** Web board sessions: the browser holds the token in an HTTP-only cookie, the database only its sha256. */
export const boardSessions = pgTable(
  'board_sessions',
  {
    id: serial().primaryKey(),
    tokenHash: text().notNull().unique(),
    personId: integer()
      .notNull()
      .references(() => people.id),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Signed out (the board's button, or `/web dangxuat` for every session of the person). */
    endedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('board_sessions_person_idx').on(t.personId)],
);

/**
 * Counters of the abuse limits, one row per key: wrong invite codes per sender (`code:<channel>:<user>`), questions
 * stored for /cauhoi per stranger and day (`questions:<channel>:<user>`), incident alerts merged per enterprise
 * (`incident-alerts:<enterprise id>`).
 */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull().default(0),
  blockedUntil: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
