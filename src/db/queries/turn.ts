import type { Channel } from '../../messages.ts';
import type { Db } from '../client.ts';
import { runRaw, toChannel } from '../raw.ts';
import type { ConversationRow } from './conversation-state.ts';
import type { InboundEvent } from './inbox.ts';
import type { Incident } from './incidents.ts';
import type { Enterprise, Identity, Member, Person } from './people.ts';

/** Everything one turn of a chat starts from, read in one statement. */
export interface TurnContext {
  /** The chat's oldest pending event (row-locked), and whether another one waits behind it. */
  event: Pick<InboundEvent, 'id' | 'message'>;
  more: boolean;
  /** The chat's dialog state (a fresh idle one when the chat has none yet). */
  conv: ConversationRow;
  /** Who wrote it, by the event's userId; null for someone not registered. */
  member: Member | null;
  /** The open incidents of the member's enterprise, oldest first (none without an enterprise). */
  openIncidents: Incident[];
}

type Json = Record<string, unknown>;
const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

// Written out once (see raw.ts): every update's turn starts with it.
const TURN_CONTEXT = `
  with ev as (
    select e.id, e.message from inbound_events e
    where e.channel = $1::text and e.chat_id = $2::text and e.status = 'pending'
    order by e.id
    limit 2
    for update skip locked
  ), head as (select id, message from ev order by id limit 1)
  select h.id, h.message, (select count(*) from ev)::int as pending,
    (select to_jsonb(s) from conversation_state s where s.channel = $1::text and s.chat_id = $2::text) as conv,
    to_jsonb(i) as identity, to_jsonb(p) as person, to_jsonb(en) as enterprise,
    case when en.id is null then '[]'::jsonb else coalesce(
      (select jsonb_agg(to_jsonb(x) order by x.opened_at, x.id) from incidents x
       where x.enterprise_id = en.id and x.resolved_at is null), '[]'::jsonb) end as open_incidents
  from head h
  left join identities i on i.channel = $1::text and i.external_id = h.message->>'userId'
  left join people p on p.id = i.person_id
  left join enterprises en on en.id = p.enterprise_id`;

// The same for several chats at once (a batch of turns): one row per chat that has a pending event, numbered by
// the chat's place in the $1 array of [channel, chatId] pairs. The window count is taken before the head is picked.
// The sender is looked up in a lateral subquery kept apart by its LIMIT, so each chat costs index probes: as a plain
// join (or a lateral one the planner flattens) the planner, which guesses 100 array elements, hashes the whole
// identities, people and enterprises tables (1 ms a batch with 1,000 officers, growing with them).
const TURN_CONTEXTS = `
  select c.n, h.id, h.message, h.pending,
    (select to_jsonb(s) from conversation_state s where s.channel = c.chat->>0 and s.chat_id = c.chat->>1) as conv,
    m.identity, m.person, m.enterprise, m.open_incidents
  from jsonb_array_elements($1::jsonb) with ordinality as c(chat, n)
  cross join lateral (
    select e.id, e.message, count(*) over ()::int as pending from (
      select e.id, e.message from inbound_events e
      where e.channel = c.chat->>0 and e.chat_id = c.chat->>1 and e.status = 'pending'
      order by e.id
      limit 2
      for update skip locked
    ) e
    order by e.id
    limit 1
  ) h
  left join lateral (
    select to_jsonb(i) as identity, to_jsonb(p) as person, to_jsonb(en) as enterprise,
      case when en.id is null then '[]'::jsonb else coalesce(
        (select jsonb_agg(to_jsonb(x) order by x.opened_at, x.id) from incidents x
         where x.enterprise_id = en.id and x.resolved_at is null), '[]'::jsonb) end as open_incidents
    from identities i
    join people p on p.id = i.person_id
    left join enterprises en on en.id = p.enterprise_id
    where i.channel = c.chat->>0 and i.external_id = h.message->>'userId'
    limit 1
  ) m on true`;

/**
 * The next event of a chat with its dialog state, its sender (identity, person, enterprise) and the enterprise's
 * open incidents. The caller holds the chat's lock (taken by the statement before this one, so this one sees
 * everything committed before the lock was granted). Events locked by someone else are skipped, as before.
 */
export async function loadTurnContext(db: Db, channel: Channel, chatId: string): Promise<TurnContext | null> {
  const rows = await runRaw(db, TURN_CONTEXT, [channel, chatId]);
  return rows[0] ? contextOf(rows[0], channel, chatId) : null;
}

/**
 * loadTurnContext for several chats in one statement (a batch of turns): the contexts in the chats' order, null for
 * a chat with no pending event it can lock. The caller holds every chat's lock.
 */
export async function loadTurnContexts(
  db: Db,
  chats: { channel: Channel; chatId: string }[],
): Promise<(TurnContext | null)[]> {
  const rows = await runRaw(db, TURN_CONTEXTS, [JSON.stringify(chats.map((c) => [c.channel, c.chatId]))]);
  const contexts: (TurnContext | null)[] = chats.map(() => null);
  for (const row of rows) {
    const i = Number(row.n) - 1;
    const chat = chats[i];
    if (chat) contexts[i] = contextOf(row, chat.channel, chat.chatId);
  }
  return contexts;
}

function contextOf(row: Record<string, unknown>, channel: Channel, chatId: string): TurnContext {
  const parse = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);
  const message = parse(row.message);
  const conv = parse(row.conv) as Json | null;
  const identity = parse(row.identity) as Json | null;
  const person = parse(row.person) as Json | null;
  const enterprise = parse(row.enterprise) as Json | null;
  return {
    event: { id: Number(row.id), message },
    more: Number(row.pending) > 1,
    conv: conv
      ? {
          channel: toChannel(conv.channel),
          chatId: String(conv.chat_id),
          state: String(conv.state),
          data: (conv.data ?? {}) as Record<string, unknown>,
          updatedAt: date(conv.updated_at)!,
        }
      : {
          channel,
          chatId,
          state: 'idle',
          data: {},
          updatedAt: new Date(0),
        },
    member:
      identity && person
        ? {
            identity: identityOf(identity),
            person: personOf(person),
            enterprise: enterprise ? enterpriseOf(enterprise) : null,
          }
        : null,
    openIncidents: ((parse(row.open_incidents) ?? []) as Json[]).map(incidentOf),
  };
}

function identityOf(r: Json): Identity {
  return {
    id: Number(r.id),
    personId: Number(r.person_id),
    channel: toChannel(r.channel),
    externalId: String(r.external_id),
    chatId: String(r.chat_id),
    lastInboundAt: date(r.last_inbound_at),
    unreachableAt: date(r.unreachable_at),
    unreachableReason: (r.unreachable_reason as string | null) ?? null,
    createdAt: date(r.created_at)!,
  };
}

function personOf(r: Json): Person {
  return {
    id: Number(r.id),
    displayName: String(r.display_name),
    role: r.role as Person['role'],
    enterpriseId: r.enterprise_id === null ? null : Number(r.enterprise_id),
    remindersPausedOn: (r.reminders_paused_on as string | null) ?? null,
    createdAt: date(r.created_at)!,
  };
}

function enterpriseOf(r: Json): Enterprise {
  return {
    id: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    sector: r.sector as Enterprise['sector'],
    createdAt: date(r.created_at)!,
  };
}

function incidentOf(r: Json): Incident {
  const int = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: Number(r.id),
    enterpriseId: Number(r.enterprise_id),
    reportId: Number(r.report_id),
    reportDay: String(r.report_day),
    kind: String(r.kind),
    area: str(r.area),
    scaleCount: int(r.scale_count),
    scaleUnit: str(r.scale_unit),
    scaleBucket: str(r.scale_bucket),
    description: str(r.description),
    openedAt: date(r.opened_at)!,
    openedBy: Number(r.opened_by),
    resolvedAt: date(r.resolved_at),
    resolvedBy: int(r.resolved_by),
  };
}
