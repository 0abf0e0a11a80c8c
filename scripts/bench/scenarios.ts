/** The chats' scripts: what each simulated person sends, in order, and what the reply should look like. */
import { readFileSync } from 'node:fs';
import type { Sector } from '../../src/db/schema.ts';
import { t } from '../../src/texts/index.ts';
import { callbackUpdate, textUpdate } from '../../test/helpers/telegram-updates.ts';
import type { ChatScript, Step } from './load.ts';

export interface SimChat {
  chatId: number;
  role: 'officer' | 'staff';
  sector?: Sector;
}

/** A small deterministic PRNG (mulberry32), so two runs send the same mix. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWith = (s: string) => new RegExp(`^${escapeRegExp(s)}`);
export const RECEIPT = /^✅ Đã ghi nhận báo cáo/;
const STATUS_TITLE = /^📊 Tình hình báo cáo/;
/**
 * After a report, an officer is also asked about each open incident of the enterprise ("Sự cố … đã khắc phục
 * chưa?"): those follow the receipt and are not the reply to anything the chat sends next.
 */
const NOT_A_FOLLOW_UP = /^(?!Sự cố .* đã khắc phục chưa\?$)/s;

const FIXED_QUESTIONS = ['hạn nộp báo cáo khi nào?', 'gui bc qua mail nao'];

/** The questions of data/qa-eval.tsv (both halves) after the two the brief names. */
export function loadQuestions(): string[] {
  const file = new URL('../../data/qa-eval.tsv', import.meta.url);
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[2]?.trim() ?? '')
    .filter(Boolean);
  return [...FIXED_QUESTIONS, ...rows.filter((q) => !FIXED_QUESTIONS.includes(q))];
}

export const reportOk = (chatId: number): Step => ({
  kind: 'report',
  update: textUpdate({ chatId, text: '/baocao ok' }),
  match: RECEIPT,
});

/** `/baocao` → ⚠️ → kind → area → affected → ongoing → note skipped: seven updates, seven replies. */
export function incidentDialog(chatId: number, sector: Sector): Step[] {
  const tap = (data: string) => callbackUpdate({ chatId, data });
  const kind = sector === 'postal' ? 'don_u' : 'mat_lien_lac';
  const steps: Step[] = [
    {
      kind: 'incident',
      update: textUpdate({ chatId, text: '/baocao' }),
      expect: /Tình hình hiện nay thế nào\?$/,
    },
    { kind: 'incident', update: tap('rp:inc'), expect: startsWith(t.askKind) },
    { kind: 'incident', update: tap(`ik:${kind}`), expect: startsWith(t.askArea) },
    { kind: 'incident', update: tap('ia:nhieu_xa'), expect: startsWith(t.askAffected) },
    { kind: 'incident', update: tap('if:1-10'), expect: startsWith(t.askOngoing) },
    { kind: 'incident', update: tap('io:1'), expect: startsWith(t.askNote) },
    { kind: 'incident', update: tap('in:skip'), expect: RECEIPT },
  ];
  return steps.map((s) => ({ ...s, match: NOT_A_FOLLOW_UP }));
}

export const question = (chatId: number, text: string): Step => ({
  kind: 'question',
  update: textUpdate({ chatId, text }),
  match: NOT_A_FOLLOW_UP,
});

export const status = (chatId: number): Step => ({
  kind: 'status',
  update: textUpdate({ chatId, text: '/status' }),
  match: STATUS_TITLE,
});

/**
 * `total` quick reports spread over the officers (amendments after the first: same Vietnam day). `redeliverEvery`:
 * every n-th update is posted a second time once answered (a Telegram redelivery).
 */
export function reportsOnly(
  officers: SimChat[],
  total: number,
  options: { redeliverEvery?: number } = {},
): ChatScript[] {
  const scripts = officers.map((o) => ({ chatId: o.chatId, steps: [] as Step[] }));
  for (let i = 0; i < total; i++) {
    const s = scripts[i % scripts.length]!;
    const step = reportOk(s.chatId);
    s.steps.push(
      options.redeliverEvery && i % options.redeliverEvery === 0 ? { ...step, redeliver: true } : step,
    );
  }
  return scripts;
}

/**
 * About `total` updates: officers' sessions drawn 55% quick report, 5% incident dialog (7 updates),
 * 40% question; plus staff `/status` for ~1% of the updates, spread over the staff chats.
 */
export function mixed(
  chats: SimChat[],
  total: number,
  questions: string[],
  seed: number,
): { scripts: ChatScript[]; counts: Record<string, number> } {
  const random = rng(seed);
  const officers = chats.filter((c) => c.role === 'officer');
  const staff = chats.filter((c) => c.role === 'staff');
  const scripts = new Map<number, ChatScript>(chats.map((c) => [c.chatId, { chatId: c.chatId, steps: [] }]));
  const counts: Record<string, number> = { report: 0, incident: 0, question: 0, status: 0 };
  const statusEvery = staff.length ? 100 : Number.POSITIVE_INFINITY;
  let updates = 0;
  let q = 0;
  for (let i = 0; updates < total; i++) {
    if (updates >= statusEvery * (counts.status! + 1)) {
      const s = staff[counts.status! % staff.length]!;
      scripts.get(s.chatId)!.steps.push(status(s.chatId));
      counts.status!++;
      updates++;
      continue;
    }
    const o = officers[i % officers.length]!;
    const steps = scripts.get(o.chatId)!.steps;
    const draw = random();
    let session: Step[];
    if (draw < 0.55) session = [reportOk(o.chatId)];
    else if (draw < 0.6) session = incidentDialog(o.chatId, o.sector ?? 'telecom');
    else session = [question(o.chatId, questions[q++ % questions.length]!)];
    steps.push(...session);
    counts[session[0]!.kind]! += session.length;
    updates += session.length;
  }
  return { scripts: [...scripts.values()], counts };
}

/** The echo bot's load: plain texts, one reply each, like the reports-only phase. */
export function echo(chatIds: number[], total: number): ChatScript[] {
  const scripts = chatIds.map((chatId) => ({ chatId, steps: [] as Step[] }));
  for (let i = 0; i < total; i++) {
    const s = scripts[i % scripts.length]!;
    s.steps.push({ kind: 'echo', update: textUpdate({ chatId: s.chatId, text: '/baocao ok' }) });
  }
  return scripts;
}
