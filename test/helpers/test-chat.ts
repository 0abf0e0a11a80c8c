/**
 * Conversations driven straight through the inbox, with no channel, HTTP server or delivery worker: a message is
 * recorded and processed as a webhook's would be (the inbox's own path: sanitised, recorded under its key, the chat
 * locked, the turn run in one transaction with its replies written to the outbox), and the replies are read back
 * from the outbox. Messages to other people (alerts, reminders) stay in the outbox, where each participant reads
 * their own. Time is a frozen clock the test moves.
 *
 *   const chat = await testChat(database, { at: '2024-02-10T08:00' });
 *   const officer = chat.as('officer');
 *   const [ask] = await officer.say('/baocao');
 *   await officer.press('✅ Bình thường');           // or officer.tap(ask.buttons[0].action)
 *   const [alert] = await chat.as('staff').received();
 */
import assert from 'node:assert/strict';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { fixedClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database, Db } from '../../src/db/client.ts';
import { activateCampaign, createCampaign } from '../../src/db/queries/campaigns.ts';
import { type Enterprise, insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { attachIdentity, createPerson } from '../../src/db/queries/people.ts';
import { LANE_ANSWER, LANE_REPLY, outbox, type Role, type Sector } from '../../src/db/schema.ts';
import { tet2024 } from '../../src/features/campaign-presets.ts';
import { createInbox } from '../../src/inbox/processor.ts';
import { createScheduler } from '../../src/jobs/scheduler.ts';
import type { Button, Channel, IncomingMessage, OutgoingMessage } from '../../src/messages.ts';
import { startConversation } from '../../src/service.ts';
import { memoryLogger } from './memory-logger.ts';

/** A message the bot queued for a chat, as the delivery worker would send it. */
export interface Sent extends OutgoingMessage {
  /** The outbox row's id: the order messages were queued in. */
  id: number;
  /** 'answer': to someone who just wrote, in their chat; 'reply': alerts a turn caused; 'bulk': reminders, digests. */
  lane: 'answer' | 'reply' | 'bulk';
}

export interface Participant {
  readonly channel: Channel;
  readonly chatId: string;
  readonly userId: string;
  readonly name: string;
  /** The seeded person behind this chat (undefined for someone not registered in advance). */
  readonly personId?: number;
  /** Sends text; resolves with what the bot queued for this chat while handling it. */
  say(text: string, options?: { eventKey?: string }): Promise<Sent[]>;
  /** Taps a button by its action (any string: a stale or forged one too). */
  tap(action: string, options?: { eventKey?: string }): Promise<Sent[]>;
  /** Taps the button labelled so on the latest message of this chat that has buttons; fails if there is none. */
  press(label: string): Promise<Sent[]>;
  /** The texts of say/tap, joined as one string (for a quick match). */
  sayText(text: string): Promise<string>;
  tapText(action: string): Promise<string>;
  /** A message with no text and no action (a sticker, a photo). */
  send(message: Partial<Pick<IncomingMessage, 'text' | 'action' | 'event' | 'chatType'>>): Promise<Sent[]>;
  /** Everything queued for this chat so far, oldest first. */
  messages(): Promise<Sent[]>;
  /** What was queued for this chat since the previous received() (or since this participant was made). */
  received(): Promise<Sent[]>;
}

export interface SeedPerson {
  name: string;
  role: Role;
  /** Code of a seeded enterprise (officers). */
  enterprise?: string;
  channel?: Channel;
}

export interface TestChatOptions {
  /** The frozen time the chat starts at: a Date, or Vietnam wall time 'yyyy-mm-ddTHH:mm[:ss]'. Default mùng 1 Tết 2024, 08:00. */
  at?: Date | string;
  /** Enterprises to seed (default: Viettel Bắc Giang, telecom). */
  enterprises?: { code: string; name: string; sector: Sector }[];
  /**
   * People registered in advance (default: officer "An" of the first enterprise, staff member "Bình"). The first
   * officer and the first staff member are chat.as('officer') and chat.as('staff').
   */
  people?: SeedPerson[];
  /** Creates and activates the Tết Giáp Thìn 2024 campaign (08–14/02/2024, deadline 17:00). */
  campaign?: boolean;
  /** The channel of participants that do not name one (default telegram). */
  channel?: Channel;
  /** Settings as the service reads them from the environment (REMINDER_OFFSETS, INCIDENT_FOLLOWUP_MINUTES…). */
  env?: Record<string, string>;
}

export interface TestChat {
  db: Db;
  clock: ReturnType<typeof fixedClock>;
  /** The seeded enterprises by code. */
  enterprises: Record<string, Enterprise>;
  /** Every log line written while the chat ran (level debug). */
  logs: string[];
  /** A seeded person: 'officer' and 'staff' are the first of each role, any other name is that person's. */
  as(who: 'officer' | 'staff' | string): Participant;
  /** Someone not registered yet, in a chat of their own. */
  stranger(name?: string, channel?: Channel): Participant;
  /** Registers one more person in advance (as the admin CLI would). */
  seed(person: SeedPerson): Promise<Participant>;
  /** Runs the clock-driven jobs due at the frozen time (reminders, follow-ups, merged alerts); messages queued. */
  tick(): Promise<number>;
  /** Every message queued so far, to anyone, oldest first. */
  outbox(): Promise<(Sent & { channel: Channel })[]>;
  /** The inbox's counts of batched turns (group commit). */
  inboxStats(): { batches: number; batchedTurns: number };
  /** Stops the inbox (waits for work in progress); the database stays open. */
  close(): Promise<void>;
}

const DEFAULT_ENTERPRISES = [{ code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' as const }];

/** A Date from Vietnam wall time ('2024-02-10T08:00'), or the Date itself. */
export function vnAt(at: Date | string): Date {
  if (at instanceof Date) return at;
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(at) ? at : `${at}+07:00`);
}

/** The actions of a message's buttons, in order. */
export const actionsOf = (message: Sent | undefined): string[] =>
  (message?.buttons ?? []).map((b: Button) => b.action);

export const labelsOf = (message: Sent | undefined): string[] =>
  (message?.buttons ?? []).map((b: Button) => b.label);

const texts = (sent: Sent[]) => sent.map((m) => m.text).join('\n---\n');

export async function testChat(database: Database, options: TestChatOptions = {}): Promise<TestChat> {
  const { db } = database;
  const clock = fixedClock(vnAt(options.at ?? '2024-02-10T08:00'));
  const config = loadConfig({ PGLITE_DIR: 'memory://', LOG_LEVEL: 'debug', ...options.env });
  const { logger, lines: logs } = memoryLogger();

  // As the service starts: the bundled letter, the Q&A built from it, the conversation, the inbox.
  const { qaSource, conversation } = await startConversation({
    db,
    clock,
    logger,
    qaThreshold: config.qaThreshold,
    boardUrl: () => 'http://board.test',
  });
  const inbox = createInbox({ db, conversation, clock, logger });
  const scheduler = createScheduler({
    database,
    clock,
    logger,
    schedule: config.schedule,
    retention: config.retention,
  });

  if (options.campaign) await activateCampaign(db, (await createCampaign(db, tet2024())).id);
  const list = await insertEnterprises(db, options.enterprises ?? DEFAULT_ENTERPRISES);
  const enterprises = Object.fromEntries(list.map((e) => [e.code, e]));
  const defaultChannel = options.channel ?? 'telegram';

  let nextChat = 1000;
  let nextEvent = 0;
  const people = new Map<string, Participant>();
  const byRole: Partial<Record<Role, Participant>> = {};

  async function queuedFor(channel: Channel, chatId: string, afterId: number): Promise<Sent[]> {
    const rows = await db
      .select({ id: outbox.id, lane: outbox.lane, payload: outbox.payload })
      .from(outbox)
      .where(and(eq(outbox.channel, channel), eq(outbox.chatId, chatId), gt(outbox.id, afterId)))
      .orderBy(asc(outbox.id));
    return rows.map(toSent);
  }

  async function lastOutboxId(): Promise<number> {
    const [row] = await db.select({ id: sql<number>`coalesce(max(${outbox.id}), 0)::int` }).from(outbox);
    return Number(row?.id ?? 0);
  }

  function participant(p: { channel: Channel; name: string; personId?: number }): Participant {
    const chatId = String(++nextChat);
    const userId = chatId;
    let readUpTo: Promise<number> = lastOutboxId();

    async function send(
      message: Partial<Pick<IncomingMessage, 'text' | 'action' | 'event' | 'chatType'>>,
      eventKey?: string,
    ): Promise<Sent[]> {
      const before = await lastOutboxId();
      const incoming: IncomingMessage = {
        channel: p.channel,
        chatId,
        userId,
        displayName: p.name,
        ...message,
      };
      const logged = logs.length;
      // The same path as a webhook: record under a unique key (a redelivery is refused here), then process.
      const fresh = await inbox.accept(eventKey ?? `test-${++nextEvent}`, incoming);
      if (fresh) await inbox.drain(p.channel, chatId);
      // A turn that threw is retried and then answered with an apology: a test must not mistake that for a reply.
      const failed = logs.slice(logged).find((line) => line.includes('"level":"error"'));
      if (failed) throw new Error(`the turn failed: ${failed}`);
      return queuedFor(p.channel, chatId, before);
    }

    const self: Participant = {
      channel: p.channel,
      chatId,
      userId,
      name: p.name,
      ...(p.personId !== undefined ? { personId: p.personId } : {}),
      say: (text, o) => send({ text }, o?.eventKey),
      tap: (action, o) => send({ action }, o?.eventKey),
      async press(label) {
        const withButtons = (await self.messages()).filter((m) => m.buttons?.length).at(-1);
        const button = withButtons?.buttons?.find((b) => b.label === label);
        assert.ok(
          button,
          `no button "${label}" on the latest message with buttons: ${JSON.stringify(labelsOf(withButtons))}`,
        );
        return self.tap(button.action);
      },
      sayText: async (text) => texts(await self.say(text)),
      tapText: async (action) => texts(await self.tap(action)),
      send: (message) => send(message),
      messages: () => queuedFor(p.channel, chatId, 0),
      async received() {
        const since = await readUpTo;
        const sent = await queuedFor(p.channel, chatId, since);
        readUpTo = Promise.resolve(sent.at(-1)?.id ?? since);
        return sent;
      },
    };
    return self;
  }

  async function seed(person: SeedPerson): Promise<Participant> {
    assert.ok(!people.has(person.name), `two seeded people named ${person.name}`);
    const enterprise = person.enterprise ? enterprises[person.enterprise] : undefined;
    assert.ok(!person.enterprise || enterprise, `no seeded enterprise ${person.enterprise}`);
    const row = await createPerson(db, {
      displayName: person.name,
      role: person.role,
      enterpriseId: enterprise?.id ?? null,
    });
    const p = participant({ channel: person.channel ?? defaultChannel, name: person.name, personId: row.id });
    await attachIdentity(db, {
      personId: row.id,
      channel: p.channel,
      externalId: p.userId,
      chatId: p.chatId,
      at: clock.now(),
    });
    people.set(person.name, p);
    byRole[person.role] ??= p;
    return p;
  }

  const first = list[0]?.code;
  for (const person of options.people ?? [
    ...(first ? [{ name: 'An', role: 'officer' as const, enterprise: first }] : []),
    { name: 'Bình', role: 'staff' as const },
  ])
    await seed(person);

  return {
    db,
    clock,
    enterprises,
    logs,
    as(who) {
      const p = who === 'officer' || who === 'staff' ? byRole[who] : people.get(who);
      assert.ok(p, `no seeded ${who}`);
      return p;
    },
    stranger: (name = 'Khách', channel = defaultChannel) => participant({ channel, name }),
    seed,
    tick: () => scheduler.tick(),
    inboxStats: () => ({ ...inbox.stats }),
    async outbox() {
      const rows = await db
        .select({ id: outbox.id, lane: outbox.lane, payload: outbox.payload, channel: outbox.channel })
        .from(outbox)
        .orderBy(asc(outbox.id));
      return rows.map((r) => ({ ...toSent(r), channel: r.channel as Channel }));
    },
    async close() {
      await inbox.stop();
      qaSource.stop();
    },
  };
}

function toSent(row: { id: number; lane: number; payload: unknown }): Sent {
  const { channel: _channel, ...message } = row.payload as OutgoingMessage & { channel?: Channel };
  const lane = row.lane === LANE_ANSWER ? 'answer' : row.lane === LANE_REPLY ? 'reply' : 'bulk';
  return { ...message, id: row.id, lane };
}
