import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Logger } from '../logger.ts';

export interface HttpResult {
  status: number;
  body?: unknown;
}

export type RouteHandler = (req: {
  headers: IncomingMessage['headers'];
  rawBody: Buffer;
}) => Promise<HttpResult | number>;

export interface HttpServerDeps {
  logger: Logger;
  maxBodyBytes: number;
  /** POST routes, by exact path. */
  routes: Record<string, RouteHandler>;
  health: () => Promise<{ ok: boolean } & Record<string, unknown>>;
}

export interface HttpServer {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections and waits for requests in progress. */
  close(): Promise<void>;
}

class TooLarge extends Error {}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.destroy();
        reject(new TooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function createHttpServer(deps: HttpServerDeps): HttpServer {
  const server = createServer(async (req, res) => {
    const send = (status: number, body?: unknown) => {
      if (res.headersSent) return;
      const payload = JSON.stringify(body ?? { ok: status < 400 });
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(payload),
      });
      res.end(payload);
    };
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    try {
      if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
        const health = await deps.health();
        return send(health.ok ? 200 : 503, health);
      }
      const route = deps.routes[path];
      if (!route) return send(404, { ok: false, error: 'not found' });
      if (req.method !== 'POST') return send(405, { ok: false, error: 'method not allowed' });
      let rawBody: Buffer;
      try {
        rawBody = await readBody(req, deps.maxBodyBytes);
      } catch (err) {
        if (err instanceof TooLarge) {
          res.setHeader('connection', 'close');
          return send(413, { ok: false, error: 'payload too large' });
        }
        throw err;
      }
      const result = await route({ headers: req.headers, rawBody });
      const { status, body } = typeof result === 'number' ? { status: result, body: undefined } : result;
      send(status, body);
    } catch (err) {
      deps.logger.error({ err, path }, 'http request failed');
      send(500, { ok: false });
    }
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
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
