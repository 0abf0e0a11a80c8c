import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  activateDirectiveVersion,
  countDirectiveVersions,
  type DirectiveVersion,
  getActiveDirectiveStamp,
  getActiveDirectiveVersion,
  getOrgData,
  insertDirectiveVersion,
} from '../db/queries/directives.ts';
import { type Letter, letterSchema } from '../directive/letter.ts';
import { parseLetter } from '../directive/parse.ts';
import type { Logger } from '../logger.ts';
import { createEngine } from '../qa/engine.ts';
import { createQa, type QaEngine } from '../qa/index.ts';
import { knowledgeFromLetter } from '../qa/knowledge.ts';
import { pairsSchema } from '../qa/pairs.ts';
import { t } from '../texts/index.ts';

/** The letter shipped with the code: what a fresh installation answers from until an admin imports another. */
export const BUNDLED_LETTER = new URL('../../data/cong-van-tet-giap-thin-2024.txt', import.meta.url);

/** Parses and stores a letter as a new version; activates it when asked. Throws LetterError on a bad letter. */
export async function importLetter(
  db: Db,
  params: { sourceName: string; text: string; activate: boolean; at: Date },
): Promise<{ version: DirectiveVersion; letter: Letter; warnings: string[] }> {
  const { letter, warnings } = parseLetter(params.text);
  // Every replica will build its answers from this letter: build them once here, so a letter they could not load
  // fails the import and is never stored, let alone activated (the previous one keeps answering).
  createEngine({ knowledge: knowledgeFromLetter(letter) });
  const version = await db.transaction(async (tx) => {
    const row = await insertDirectiveVersion(tx, {
      sourceName: params.sourceName,
      sourceText: params.text,
      letter: letter as unknown as Record<string, unknown>,
      warnings,
    });
    if (params.activate) await activateDirectiveVersion(tx, row.id, params.at);
    return { ...row, active: params.activate };
  });
  return { version, letter, warnings };
}

/** The first start of an installation has no letter yet: it imports the bundled one, once across replicas. */
export async function ensureDirective(db: Db, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('directive-seed', 0))`);
    if ((await countDirectiveVersions(tx)) > 0) return;
    await importLetter(tx, {
      sourceName: 'cong-van-tet-giap-thin-2024.txt',
      text: readFileSync(BUNDLED_LETTER, 'utf8'),
      activate: true,
      at,
    });
  });
}

export function letterOf(version: Pick<DirectiveVersion, 'letter'>): Letter {
  return letterSchema.parse(version.letter);
}

/** The department as data: what the admin set, filled in from the active letter. */
export interface Org {
  name: string;
  shortName: string;
  parentBody: string;
  province: string;
  place: string;
  email: string;
  phone: string;
  reportingUnit: string;
  symbol: string;
  addressee: string;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
}

export const ORG_FIELDS: readonly (keyof Org)[] = [
  'name',
  'shortName',
  'parentBody',
  'province',
  'place',
  'email',
  'phone',
  'reportingUnit',
  'symbol',
  'addressee',
  'signerAuthority',
  'signerTitle',
  'signerName',
];

const upper = (s: string): string => s.toLocaleUpperCase('vi');

export function orgFromLetter(letter: Letter | null): Org {
  const province = letter?.province ?? '';
  const name = letter?.issuer ?? t.orgDefaultName;
  const shortName = upper(name.replace(/\s+(tỉnh|thành phố)\s+.*$/i, ''));
  const symbol = /\/([A-ZĐ]+)(?:-|$)/.exec(letter?.number ?? letter?.numberRaw ?? '')?.[1] ?? '';
  return {
    name,
    shortName,
    parentBody: province ? t.orgParentBody(upper(province)) : '',
    province,
    place: letter?.place ?? province,
    email: letter?.email ?? '',
    phone: letter?.hotline?.phone ?? '',
    reportingUnit: letter?.reportTo ?? name,
    symbol,
    addressee: t.orgAddressee(province),
    signerAuthority: letter?.signer ? upper(letter.signer.authority) : '',
    signerTitle: letter?.signer?.title ? upper(letter.signer.title) : '',
    signerName: letter?.signer?.name ?? '',
  };
}

export async function getActiveLetter(db: Db): Promise<Letter | null> {
  const active = await getActiveDirectiveVersion(db);
  return active ? letterOf(active) : null;
}

export async function getOrg(db: Db): Promise<Org> {
  const [active, stored] = await Promise.all([getActiveDirectiveVersion(db), getOrgData(db)]);
  const base = orgFromLetter(active ? letterOf(active) : null);
  const set = Object.fromEntries(ORG_FIELDS.flatMap((k) => (stored[k] ? [[k, stored[k]]] : [])));
  return { ...base, ...set };
}

/** What the bot answers from right now, and the letter behind it (null: the bundled data files). */
export interface QaSource {
  engine: QaEngine;
  letter(): Letter | null;
  /** Picks up a newly activated letter; true when the engine changed. */
  refresh(): Promise<boolean>;
  start(intervalMs: number): void;
  stop(): void;
}

/**
 * Every replica polls the active version's id (one indexed row) and rebuilds its engine when it changes, so a
 * letter activated from the CLI answers everywhere within one interval, without a restart.
 */
export function createQaSource(deps: { db: Db; logger: Logger; threshold?: number }): QaSource {
  // The bundled letter's engine is built only if no letter is active (most starts load the active one instead).
  let built: QaEngine | undefined;
  const bundled = () => createQa(deps.threshold !== undefined ? { threshold: deps.threshold } : {});
  const current = () => {
    built ??= bundled();
    return built;
  };
  let currentLetter: Letter | null = null;
  let stamp = '';
  let timer: NodeJS.Timeout | undefined;

  async function refresh(): Promise<boolean> {
    const active = await getActiveDirectiveStamp(deps.db);
    const next = active ? `${active.id}@${active.activatedAt?.toISOString() ?? ''}` : '';
    if (!active || next === stamp) return false;
    const version = await getActiveDirectiveVersion(deps.db);
    if (!version) return false;
    const letter = letterOf(version);
    const extras = version.extras ? pairsSchema.parse(version.extras) : [];
    built = createEngine({ knowledge: knowledgeFromLetter(letter, extras) });
    currentLetter = letter;
    stamp = next;
    deps.logger.info({ directiveVersion: version.id }, 'directive letter loaded');
    return true;
  }

  const engine: QaEngine = {
    ask: (q) => current().ask(q),
    answerById: (id) => current().answerById(id),
    outline: () => current().outline(),
    part: (id) => current().part(id),
    normalize: (text) => current().normalize(text),
  };

  return {
    engine,
    letter: () => currentLetter,
    refresh,
    start(intervalMs) {
      timer = setInterval(() => {
        refresh().catch((err: unknown) =>
          deps.logger.warn({ err: (err as Error).message }, 'directive refresh failed'),
        );
      }, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
