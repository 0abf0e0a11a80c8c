import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../logger.ts';

export interface HttpResult {
  status: number;
  body?: unknown;
}

export type RouteHandler = (req: {
  headers: IncomingMessage['headers'];
  rawBody: Buffer;
}) => Promise<HttpResult | number>;

export type HttpEnv = { Bindings: HttpBindings };

/** A set of routes served beside the webhooks (the staff web board), with streams to end on shutdown. */
export interface HttpMount {
  app: Hono<HttpEnv>;
  /** Ends long-lived responses (event streams) so the server can close. */
  close(): Promise<void>;
}

export interface HttpServerDeps {
  logger: Logger;
  maxBodyBytes: number;
  /** POST routes, by exact path. */
  routes: Record<string, RouteHandler>;
  health: () => Promise<{ ok: boolean } & Record<string, unknown>>;
  /** The web board's routes (under /board). */
  board?: HttpMount;
}

export interface HttpServer {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections and waits for requests in progress. */
  close(): Promise<void>;
}

function sendJson(c: Context, status: number, body?: unknown): Response {
  return c.body(JSON.stringify(body ?? { ok: status < 400 }), status as ContentfulStatusCode, {
    'content-type': 'application/json; charset=utf-8',
  });
}

/** The webhooks, /healthz and the board on one Hono app; the webhook handlers get the raw body for signatures. */
export function createHttpApp(deps: HttpServerDeps): Hono<HttpEnv> {
  const app = new Hono<HttpEnv>();
  // GET also answers HEAD (Hono drops the body).
  app.get('/healthz', async (c) => {
    const health = await deps.health();
    return sendJson(c, health.ok ? 200 : 503, health);
  });
  // Refused from the declared length before a byte is read, or as soon as a chunked body grows past the limit.
  const limit = bodyLimit({
    maxSize: deps.maxBodyBytes,
    onError: (c) => {
      c.header('connection', 'close');
      return sendJson(c, 413, { ok: false, error: 'payload too large' });
    },
  });
  for (const [path, route] of Object.entries(deps.routes)) {
    app.post(path, limit, async (c) => {
      const rawBody = Buffer.from(await c.req.arrayBuffer());
      const result = await route({ headers: c.env.incoming.headers, rawBody });
      const { status, body } = typeof result === 'number' ? { status: result, body: undefined } : result;
      return sendJson(c, status, body);
    });
    app.all(path, (c) => sendJson(c, 405, { ok: false, error: 'method not allowed' }));
  }
  if (deps.board) app.route('/', deps.board.app);
  app.notFound((c) => sendJson(c, 404, { ok: false, error: 'not found' }));
  app.onError((err, c) => {
    deps.logger.error({ err, path: c.req.path }, 'http request failed');
    return sendJson(c, 500, { ok: false });
  });
  return app;
}

const PAYLOAD_TOO_LARGE = JSON.stringify({ ok: false, error: 'payload too large' });

/**
 * A webhook POST straight on Node's request and response: the same contract as the Hono route (raw body, 413 from
 * the declared length or as soon as the body grows past the limit, JSON answers, 500 with the path logged), without
 * building a web Request and Response for each update, which cost more than recording the update.
 */
function serveWebhook(
  deps: HttpServerDeps,
  route: RouteHandler,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const answer = (status: number, body: string, close = false) => {
    if (res.headersSent) return;
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      ...(close ? { connection: 'close' } : {}),
    });
    res.end(body);
  };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > deps.maxBodyBytes) {
    answer(413, PAYLOAD_TOO_LARGE, true);
    req.resume();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > deps.maxBodyBytes) {
      refused = true;
      chunks.length = 0;
      answer(413, PAYLOAD_TOO_LARGE, true);
      return;
    }
    chunks.push(chunk);
  });
  req.on('error', () => res.destroy());
  req.on('end', () => {
    if (refused) return;
    route({ headers: req.headers, rawBody: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }).then(
      (result) => {
        const { status, body } = typeof result === 'number' ? { status: result, body: undefined } : result;
        answer(status, JSON.stringify(body ?? { ok: status < 400 }));
      },
      (err: unknown) => {
        deps.logger.error({ err, path }, 'http request failed');
        answer(500, JSON.stringify({ ok: false }));
      },
    );
  });
}

export function createHttpServer(deps: HttpServerDeps): HttpServer {
  const app = createHttpApp(deps);
  // Hono's own Request/Response stay local to its requests: the rest of the process keeps Node's globals.
  const hono = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  const server = createServer((req, res) => {
    if (req.method === 'POST') {
      const path = req.url?.split('?', 1)[0] ?? '';
      const route = Object.hasOwn(deps.routes, path) ? deps.routes[path] : undefined;
      if (route) return serveWebhook(deps, route, path, req, res);
    }
    return hono(req, res);
  });
  server.keepAliveTimeout = 65_000;

  return {
    server,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Event streams never finish on their own; once ended, their connections close (they are sent with
      // `connection: close`).
      await deps.board?.close();
      server.closeIdleConnections();
      await closed;
    },
  };
}
