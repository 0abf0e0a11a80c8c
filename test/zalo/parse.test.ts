import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseZaloEvent } from '../../src/channels/zalo/parse.ts';
import { zaloFollowEvent, zaloTextEvent } from '../helpers/fake-zalo.ts';

test('a text message keeps its msg_id as key, sender as user and trimmed text', () => {
  const event = parseZaloEvent(
    zaloTextEvent({ userId: 'u1', text: '  Mạng lưới bình thường \n', msgId: 'm1' }),
  );
  assert.deepEqual(event, { kind: 'message', key: 'm1', userId: 'u1', text: 'Mạng lưới bình thường' });
});

test('a button payload becomes an action and keeps its text', () => {
  const event = parseZaloEvent(zaloTextEvent({ userId: 'u1', text: '#baocao_binhthuong', msgId: 'm2' }));
  assert.deepEqual(event, {
    kind: 'message',
    key: 'm2',
    userId: 'u1',
    text: '#baocao_binhthuong',
    action: 'baocao_binhthuong',
  });
});

test('only # followed by 1 to 64 printable ASCII characters is an action', () => {
  const action = (text: string) => {
    const event = parseZaloEvent(zaloTextEvent({ userId: 'u1', text }));
    return event.kind === 'message' ? event.action : 'not a message';
  };
  assert.equal(action(`#${'a'.repeat(64)}`), 'a'.repeat(64));
  assert.equal(action(`#${'a'.repeat(65)}`), undefined);
  assert.equal(action('#'), undefined);
  assert.equal(action('#sự_cố'), undefined);
  assert.equal(action('báo cáo #1'), undefined);
});

test('text is capped at 4,000 characters', () => {
  const event = parseZaloEvent(zaloTextEvent({ userId: 'u1', text: 'ạ'.repeat(5000) }));
  assert.equal(event.kind === 'message' && event.text.length, 4000);
});

test('blank text is ignored', () => {
  assert.equal(parseZaloEvent(zaloTextEvent({ userId: 'u1', text: '  \n ' })).kind, 'ignored');
});

test('follow and unfollow carry the follower and a stable hash key', () => {
  const follow = parseZaloEvent(zaloFollowEvent({ userId: 'f1', timestamp: '1724921862647' }));
  const again = parseZaloEvent(zaloFollowEvent({ userId: 'f1', timestamp: '1724921862647' }));
  const unfollow = parseZaloEvent(
    zaloFollowEvent({ userId: 'f1', event: 'unfollow', timestamp: '1724921862647' }),
  );
  assert.equal(follow.kind, 'follow');
  assert.equal(unfollow.kind, 'unfollow');
  assert.deepEqual(follow, again);
  assert.ok(follow.kind === 'follow' && unfollow.kind === 'unfollow');
  assert.equal(follow.userId, 'f1');
  assert.match(follow.key, /^[0-9a-f]{64}$/);
  assert.notEqual(follow.key, unfollow.key);
});

test('unknown events are ignored with a reason', () => {
  const event = parseZaloEvent({
    ...zaloTextEvent({ userId: 'u1', text: 'x' }),
    event_name: 'user_received_message',
  });
  assert.deepEqual(event, { kind: 'ignored', reason: 'unsupported event user_received_message' });
});

test('an image, sticker or file is a message without text, so the bot can say it reads text only', () => {
  const image = {
    ...zaloTextEvent({ userId: 'u1', text: 'x', msgId: 'img1' }),
    event_name: 'user_send_image',
    message: {
      msg_id: 'img1',
      attachments: [{ type: 'image', payload: { url: 'https://example.com/a.jpg' } }],
    },
  };
  assert.deepEqual(parseZaloEvent(image), { kind: 'message', key: 'img1', userId: 'u1', text: '' });
  assert.equal(parseZaloEvent({ ...image, message: { attachments: [] } }).kind, 'ignored');
  const captioned = { ...image, message: { ...image.message, text: ' mất sóng 2 trạm xã Tân Sơn ' } };
  assert.deepEqual(parseZaloEvent(captioned), {
    kind: 'message',
    key: 'img1',
    userId: 'u1',
    text: 'mất sóng 2 trạm xã Tân Sơn',
  });
});

test('missing fields and wrong types are ignored, never thrown', () => {
  const text = zaloTextEvent({ userId: 'u1', text: 'x' });
  const follow = zaloFollowEvent({ userId: 'f1' });
  const bodies: unknown[] = [
    null,
    'user_send_text',
    [],
    {},
    { event_name: 42 },
    { ...text, sender: undefined },
    { ...text, sender: { id: 123 } },
    { ...text, sender: { id: '' } },
    { ...text, message: { text: 'x' } },
    { ...text, message: { text: 7, msg_id: 'm' } },
    { ...text, message: 'x' },
    { ...follow, follower: undefined },
    { ...follow, follower: { id: 5 } },
    { ...follow, timestamp: undefined },
    { ...follow, timestamp: { at: 1 } },
  ];
  for (const body of bodies) assert.equal(parseZaloEvent(body).kind, 'ignored', JSON.stringify(body));
});

test('any input parses without throwing', () => {
  fc.assert(
    fc.property(fc.anything(), (body) => {
      parseZaloEvent(body);
    }),
  );
});
