import { readFileSync } from 'node:fs';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Clock } from '../../clock.ts';
import { vnTime } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import {
  createBoardSession,
  endBoardSession,
  getBoardSession,
  getBoardWatermark,
  isBoardLinkUsable,
  redeemBoardLink,
} from '../../db/queries/board.ts';
import type { Person } from '../../db/queries/people.ts';
import { buildBoardData, getReportDetail } from '../../features/board.ts';
import { getOrg } from '../../features/directive.ts';
import {
  buildExportData,
  CSV_MIME,
  exportCsv,
  exportDaysCsv,
  exportDaysFilename,
  exportFilename,
  exportXlsx,
  resolveRange,
  XLSX_MIME,
} from '../../features/export.ts';
import { buildSummaryDraft } from '../../features/summary.ts';
import type { Logger } from '../../logger.ts';
import { t } from '../../texts/index.ts';
import type { HttpEnv, HttpMount } from '../server.ts';
import { createLiveFeed } from './live.ts';
import { BOARD_PATHS, boardPage, liveSections, loginPage, messagePage, page, reportDetail } from './views.ts';

export const BOARD_SESSION_HOURS = 8;

export interface BoardDeps {
  db: Db;
  logger: Logger;
  clock: Clock;
  /** The public base URL: its scheme decides the cookie's Secure flag, its origin which form posts are accepted. */
  boardUrl: () => string;
  /** How often open boards look for changes (default 2 s). */
  pollMs?: number;
  /** How often an open board hears from the server when nothing changes (default 15 s). */
  pingMs?: number;
}

type BoardEnv = HttpEnv & { Variables: { person: Person; sessionId: number } };

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Session tokens are 32 random bytes in base64url: anything else is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const isStaffRole = (p: Person): boolean => p.role === 'staff' || p.role === 'admin';

/** The staff web board: sign-in from the chat's one-time link, the live page, its event stream and exports. */
export function createBoard(deps: BoardDeps): HttpMount {
  const { db, clock } = deps;
  const app = new Hono<BoardEnv>();
  const feed = createLiveFeed({ db, logger: deps.logger, intervalMs: deps.pollMs ?? 2000 });
  const pingMs = deps.pingMs ?? 15_000;
  const assets = {
    script: readFileSync(new URL('./static/board.js', import.meta.url), 'utf8'),
    style: readFileSync(new URL('./static/board.css', import.meta.url), 'utf8'),
  };
  const secure = () => deps.boardUrl().startsWith('https://');
  // The __Host- prefix makes the browser refuse the cookie unless Secure, Path=/ and no Domain: only over HTTPS.
  const cookieName = () => (secure() ? '__Host-board_session' : 'board_session');
  const closers = new Set<() => void>();

  const securityHeaders: MiddlewareHandler<BoardEnv> = async (c, next) => {
    await next();
    c.header('content-security-policy', CSP);
    c.header('x-content-type-options', 'nosniff');
    // Not no-referrer: with it, browsers send `Origin: null` on the board's own form posts.
    c.header('referrer-policy', 'same-origin');
    c.header('x-frame-options', 'DENY');
    c.header('cross-origin-opener-policy', 'same-origin');
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  };
  app.use('/board', securityHeaders);
  app.use('/board/*', securityHeaders);

  app.onError((err, c) => {
    deps.logger.error({ err, path: c.req.path }, 'board request failed');
    return c.html(messagePage(t.boardServerError, t.boardServerErrorLines), 500);
  });

  app.get(BOARD_PATHS.script, (c) =>
    c.body(assets.script, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
    }),
  );
  app.get(BOARD_PATHS.style, (c) =>
    c.body(assets.style, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }),
  );

  const notSignedIn = () => messagePage(t.boardNotSignedIn, t.boardNotSignedInLines);
  const forbidden = () => messagePage(t.boardForbidden, t.boardForbiddenLines);
  const wantsFragment = (c: { req: { header(name: string): string | undefined } }) =>
    c.req.header('x-board-fragment') === '1';

  /** Every board route but sign-in and the static files: a live session of a staff member or an admin. */
  const requireSession: MiddlewareHandler<BoardEnv> = async (c, next) => {
    const token = getCookie(c, cookieName());
    const session =
      token && TOKEN_SHAPE.test(token) ? await getBoardSession(db, { token, now: clock.now() }) : null;
    const fragment = wantsFragment(c) || c.req.path === BOARD_PATHS.events || c.req.path === BOARD_PATHS.live;
    if (!session) {
      if (token) deleteCookie(c, cookieName(), { path: '/', secure: secure() });
      return fragment ? c.text(t.boardNotSignedIn, 401) : c.html(notSignedIn(), 401);
    }
    // Checked on every request: a person demoted to officer loses the board at once, and sees nothing of it.
    if (!isStaffRole(session.person)) {
      return fragment ? c.text(t.boardForbidden, 403) : c.html(forbidden(), 403);
    }
    c.set('person', session.person);
    c.set('sessionId', session.sessionId);
    await next();
  };

  /**
   * Form posts must come from the board's own pages. The cookie's SameSite=Strict already keeps other sites'
   * posts signed out; this also refuses a forged sign-in form (someone else's link posted from another site).
   * Browsers say where a request comes from in Sec-Fetch-Site (older ones only in Origin, which another site can
   * make "null"); a client that sends neither is not a browser another site could drive.
   */
  const sameOrigin: MiddlewareHandler<BoardEnv> = async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const allowed = new Set([new URL(deps.boardUrl()).origin, new URL(c.req.url).origin]);
    const ok = site ? site === 'same-origin' : !origin || allowed.has(origin);
    if (!ok) return c.html(messagePage(t.boardCrossSite, t.boardCrossSiteLines), 403);
    await next();
  };

  const linkRefused = () => messagePage(t.boardLinkRefused, t.boardLinkRefusedLines);

  // Opening the link changes nothing (link previews and scanners may open it); the button's POST signs in.
  app.get(BOARD_PATHS.login, async (c) => {
    const token = c.req.query('t') ?? '';
    if (!TOKEN_SHAPE.test(token) || !(await isBoardLinkUsable(db, { token, now: clock.now() }))) {
      return c.html(linkRefused(), 403);
    }
    return c.html(loginPage(token));
  });

  app.post(
    BOARD_PATHS.login,
    bodyLimit({ maxSize: 4096, onError: (c) => c.text(t.boardTooLarge, 413) }),
    sameOrigin,
    async (c) => {
      const form = await c.req.parseBody();
      const token = typeof form.t === 'string' ? form.t : '';
      if (!TOKEN_SHAPE.test(token)) return c.html(linkRefused(), 403);
      const now = clock.now();
      const session = await db.transaction(async (tx) => {
        const link = await redeemBoardLink(tx, { token, now });
        if (!link) return null;
        return createBoardSession(tx, {
          personId: link.personId,
          now,
          ttlMs: BOARD_SESSION_HOURS * 3_600_000,
        });
      });
      if (!session) return c.html(linkRefused(), 403);
      setCookie(c, cookieName(), session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'Strict',
        secure: secure(),
        maxAge: BOARD_SESSION_HOURS * 3600,
      });
      return c.redirect(BOARD_PATHS.board, 303);
    },
  );

  app.post(BOARD_PATHS.logout, sameOrigin, requireSession, async (c) => {
    await endBoardSession(db, { sessionId: c.get('sessionId'), now: clock.now() });
    deleteCookie(c, cookieName(), { path: '/', secure: secure() });
    return c.html(messagePage(t.boardLoggedOut, t.boardLoggedOutLines));
  });

  const orgName = async (): Promise<string | undefined> => {
    try {
      return (await getOrg(db)).name || undefined;
    } catch {
      return undefined;
    }
  };

  app.get(BOARD_PATHS.board, requireSession, async (c) => {
    const now = clock.now();
    const [data, draft, org] = await Promise.all([
      buildBoardData(db, now),
      buildSummaryDraft(db, { now }),
      orgName(),
    ]);
    return c.html(boardPage({ data, draft, person: c.get('person'), org }));
  });

  app.get(BOARD_PATHS.live, requireSession, async (c) => {
    const now = clock.now();
    const [data, draft] = await Promise.all([buildBoardData(db, now), buildSummaryDraft(db, { now })]);
    return c.html(liveSections(data, draft));
  });

  app.get(
    '/board/report/:enterpriseId{[0-9]{1,9}}/:day{[0-9]{4}-[0-9]{2}-[0-9]{2}}',
    requireSession,
    async (c) => {
      const detail = await getReportDetail(db, Number(c.req.param('enterpriseId')), c.req.param('day'));
      if (!detail) return c.html(messagePage(t.boardNotFound, t.boardNoSuchEnterprise), 404);
      if (wantsFragment(c)) return c.html(reportDetail(detail, clock.now()));
      const body = reportDetail(detail, clock.now(), true);
      return c.html(
        page({ title: t.boardDetailPageTitle(detail.enterprise.name), body, person: c.get('person') }),
      );
    },
  );

  const downloads = [
    { path: BOARD_PATHS.xlsx, format: 'xlsx' },
    { path: BOARD_PATHS.csv, format: 'csv' },
    { path: BOARD_PATHS.daysCsv, format: 'days-csv' },
  ] as const;
  for (const { path, format } of downloads) {
    app.get(path, requireSession, async (c) => {
      const now = clock.now();
      const range = await resolveRange(db, { now });
      const data = await buildExportData(db, range, { now });
      const content =
        format === 'xlsx'
          ? await exportXlsx(data)
          : Buffer.from(format === 'csv' ? exportCsv(data) : exportDaysCsv(data), 'utf8');
      const filename = format === 'days-csv' ? exportDaysFilename(range) : exportFilename(range, format);
      return c.body(new Uint8Array(content), 200, {
        'content-type': format === 'xlsx' ? XLSX_MIME : `${CSV_MIME}; charset=utf-8`,
        'content-disposition': `attachment; filename="${filename}"`,
      });
    });
  }

  app.get(BOARD_PATHS.events, requireSession, async (c) => {
    const sessionId = c.get('sessionId');
    const token = getCookie(c, cookieName())!;
    const encoder = new TextEncoder();
    const stamp = () => vnTime(clock.now()).toFormat('HH:mm:ss');
    const hello = await getBoardWatermark(db);
    let cleanup = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        let open = true;
        const send = (event: string, data: Record<string, unknown>) => {
          if (open) controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
        };
        const finish = () => {
          if (!open) return;
          open = false;
          cleanup();
          controller.close();
        };
        const unsubscribe = feed.subscribe({
          change: (watermark) => send('change', { at: stamp(), watermark }),
          end: finish,
        });
        // Each ping checks the session again: `/web dangxuat` or an expiry closes boards already open.
        const ping = setInterval(async () => {
          try {
            const session = await getBoardSession(db, { token, now: clock.now() });
            if (!session || session.sessionId !== sessionId || !isStaffRole(session.person)) {
              send('ended', { at: stamp() });
              return finish();
            }
            send('ping', { at: stamp() });
          } catch {
            // The database is down: say nothing, the board shows how long it has not heard from the server.
          }
        }, pingMs);
        ping.unref();
        cleanup = () => {
          clearInterval(ping);
          unsubscribe();
          closers.delete(finish);
        };
        closers.add(finish);
        controller.enqueue(encoder.encode('retry: 3000\n\n'));
        send('hello', { at: stamp(), watermark: hello });
      },
      cancel() {
        cleanup();
      },
    });
    return c.body(stream, 200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // The connection goes with the stream, so a shutdown does not wait for a keep-alive socket.
      connection: 'close',
      'x-accel-buffering': 'no',
    });
  });

  return {
    // Mounted on a plain app: the server needs no knowledge of the board's own context variables.
    app: new Hono<HttpEnv>().route('/', app),
    async close() {
      for (const finish of [...closers]) finish();
      feed.close();
    },
  };
}
