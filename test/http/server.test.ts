/**
 * The HTTP server on Hono keeps the contract the webhooks rely on: the exact raw body, 413 before a handler runs
 * (declared or chunked), 404/405, /healthz with 503 when unhealthy, 500 with a log line naming only the path.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createHttpServer, type HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logger.ts';

describe('HTTP server (Hono)', () => {
  let http: HttpServer;
  let base = '';
  let healthy = true;
  const bodies: Buffer[] = [];
  const logs: string[] = [];

  before(async () => {
    const logger = createLogger({
      level: 'info',
      destination: new Writable({
        write(chunk, _enc, cb) {
          logs.push(String(chunk));
          cb();
        },
      }),
    });
    http = createHttpServer({
      logger,
      maxBodyBytes: 2048,
      routes: {
        '/hook': async ({ headers, rawBody }) => {
          bodies.push(rawBody);
          return { status: 200, body: { ok: true, length: rawBody.length, sig: headers['x-sig'] ?? null } };
        },
        '/fails': async () => {
          throw new Error('boom');
        },
        '/teapot': async () => 418,
      },
      health: async () => ({ ok: healthy, database: { ok: healthy } }),
    });
    base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  });
  after(() => http.close());

  test('the handler gets the raw bytes and the headers as Node gives them', async () => {
    const raw = Buffer.from([0x7b, 0x20, 0x22, 0xc3, 0xa9, 0x22, 0x3a, 0x20, 0xff, 0x0a, 0x7d]);
    const res = await fetch(`${base}/hook?x=1`, { method: 'POST', body: raw, headers: { 'x-sig': 'abc' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(await res.json(), { ok: true, length: raw.length, sig: 'abc' });
    assert.ok(bodies.at(-1)!.equals(raw));
  });

  test('a declared body over the limit gets 413 and never reaches the handler', async () => {
    const before = bodies.length;
    const res = await fetch(`${base}/hook`, { method: 'POST', body: 'x'.repeat(3000) });
    assert.equal(res.status, 413);
    assert.deepEqual(await res.json(), { ok: false, error: 'payload too large' });
    assert.equal(bodies.length, before);
  });

  test('a chunked body that grows past the limit gets 413 and never reaches the handler', async () => {
    const before = bodies.length;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}/hook`, { method: 'POST', headers: { 'transfer-encoding': 'chunked' } });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 5; i++) req.write('y'.repeat(1000));
      req.end();
    });
    assert.equal(status, 413);
    assert.equal(bodies.length, before);
  });

  test('404 for an unknown path, 405 for another method, a bare status code as {ok}', async () => {
    const missing = await fetch(`${base}/nowhere`, { method: 'POST' });
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), { ok: false, error: 'not found' });
    const get = await fetch(`${base}/hook`);
    assert.equal(get.status, 405);
    assert.deepEqual(await get.json(), { ok: false, error: 'method not allowed' });
    const teapot = await fetch(`${base}/teapot`, { method: 'POST' });
    assert.equal(teapot.status, 418);
    assert.deepEqual(await teapot.json(), { ok: false });
    assert.equal((await fetch(`${base}/healthz`, { method: 'POST' })).status, 404);
  });

  test('/healthz: 200 when healthy, 503 when not; HEAD answers the same without a body', async () => {
    healthy = true;
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    healthy = false;
    const res = await fetch(`${base}/healthz`);
    assert.equal(res.status, 503);
    assert.deepEqual(await res.json(), { ok: false, database: { ok: false } });
    const head = await fetch(`${base}/healthz`, { method: 'HEAD' });
    assert.equal(head.status, 503);
    assert.equal(await head.text(), '');
    healthy = true;
  });

  test('a handler that throws gives 500 and one log line with the path, not the query', async () => {
    const res = await fetch(`${base}/fails?t=secret-token-value`, { method: 'POST', body: 'x' });
    assert.equal(res.status, 500);
    assert.deepEqual(await res.json(), { ok: false });
    const line = logs.find((l) => l.includes('http request failed'));
    assert.ok(line);
    assert.match(line, /"path":"\/fails"/);
    assert.doesNotMatch(logs.join(''), /secret-token-value/);
  });
});
