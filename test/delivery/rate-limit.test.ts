import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenBucket } from '../../src/delivery/rate-limit.ts';

test('a chat’s token bucket serves an answer before the alerts already waiting, alerts in their order', async () => {
  const bucket = new TokenBucket(50, 1);
  const order: string[] = [];
  const waits = ['alert-1', 'alert-2', 'alert-3'].map((name) => bucket.take(0).then(() => order.push(name)));
  const answer = bucket.take(-1).then(() => order.push('answer'));
  await Promise.all([...waits, answer]);
  // alert-1 had the one token there was; the answer goes next, then the other alerts in turn.
  assert.deepEqual(order, ['alert-1', 'answer', 'alert-2', 'alert-3']);
});
