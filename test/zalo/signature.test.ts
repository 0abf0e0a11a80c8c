import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { computeZaloSignature, verifyZaloSignature } from '../../src/channels/zalo/signature.ts';
import { signedZaloRequest, zaloTextEvent } from '../helpers/fake-zalo.ts';

const appId = '360846524940903967';
const oaSecretKey = 'oa-secret-key-for-tests';
const body = zaloTextEvent({ userId: '246845883529197922', text: 'Xin chào', timestamp: '1543908534740' });
const rawBody = JSON.stringify(body);
const expected = createHash('sha256').update(`${appId}${rawBody}1543908534740${oaSecretKey}`).digest('hex');

const verify = (header: string | string[] | undefined, raw: string | Buffer = rawBody) =>
  verifyZaloSignature({ header, rawBody: raw, appId, oaSecretKey });

test('computes plain sha256 of appId + body + timestamp + secret', () => {
  assert.equal(computeZaloSignature(appId, rawBody, '1543908534740', oaSecretKey), expected);
});

test('accepts a valid signature with or without mac=, in any hex case', () => {
  assert.equal(verify(`mac=${expected}`), true);
  assert.equal(verify(expected), true);
  assert.equal(verify(` mac=${expected.toUpperCase()} `), true);
  assert.equal(verify(`mac=${expected}`, Buffer.from(rawBody)), true);
});

test('signedZaloRequest produces headers the verifier accepts', () => {
  const signed = signedZaloRequest({ appId, oaSecretKey, body });
  assert.equal(signed.rawBody, rawBody);
  assert.equal(verify(signed.headers['x-zevent-signature'], signed.rawBody), true);
});

test('rejects a wrong signature, secret, app id or a tampered body', () => {
  const other = createHash('sha256').update('something else').digest('hex');
  assert.equal(verify(`mac=${other}`), false);
  assert.equal(verifyZaloSignature({ header: expected, rawBody, appId, oaSecretKey: 'wrong' }), false);
  assert.equal(verifyZaloSignature({ header: expected, rawBody, appId: '1', oaSecretKey }), false);
  assert.equal(verify(expected, rawBody.replace('Xin chào', 'Xin chao')), false);
});

test('rejects a missing or malformed header', () => {
  for (const header of [
    undefined,
    '',
    'mac=',
    'mac=xyz',
    expected.slice(0, 63),
    `${expected}00`,
    [expected],
  ]) {
    assert.equal(verify(header), false, String(header));
  }
});

test('rejects bodies that are not JSON objects with a timestamp', () => {
  const sign = (raw: string, ts: string) => computeZaloSignature(appId, raw, ts, oaSecretKey);
  assert.equal(verify(sign('not json', ''), 'not json'), false);
  assert.equal(verify(sign('[]', ''), '[]'), false);
  assert.equal(verify(sign('{"a":1}', ''), '{"a":1}'), false);
  assert.equal(verify(sign('{"timestamp":{}}', '[object Object]'), '{"timestamp":{}}'), false);
  assert.equal(verify(sign('{"timestamp":""}', ''), '{"timestamp":""}'), false);
});

test('accepts a numeric timestamp as Zalo would print it', () => {
  const raw = '{"timestamp":1543908534740}';
  assert.equal(verify(computeZaloSignature(appId, raw, '1543908534740', oaSecretKey), raw), true);
});
