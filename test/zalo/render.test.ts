import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { renderZaloMessages } from '../../src/channels/zalo/render.ts';
import type { Button } from '../../src/messages.ts';

const buttons = (n: number): Button[] =>
  Array.from({ length: n }, (_, i) => ({ label: `Lựa chọn ${i + 1}`, action: `act_${i + 1}` }));

test('a short text is one message without attachment', () => {
  assert.deepEqual(renderZaloMessages({ chatId: 'u1', text: ' Xin chào ' }), [{ text: 'Xin chào' }]);
});

test('long text splits at 2,000 characters on word boundaries', () => {
  const words = Array.from({ length: 900 }, (_, i) => `từ${i}`).join(' ');
  const messages = renderZaloMessages({ chatId: 'u1', text: words });
  assert.ok(messages.length >= 3);
  for (const m of messages) assert.ok(m.text.length <= 2000 && m.text.length > 0);
  assert.equal(messages.map((m) => m.text).join(' '), words);
});

test('long text prefers line boundaries', () => {
  const line = 'Mạng lưới viễn thông hoạt động bình thường.';
  const text = Array.from({ length: 100 }, () => line).join('\n');
  const messages = renderZaloMessages({ chatId: 'u1', text });
  assert.equal(messages.length, 3);
  for (const m of messages) assert.ok(m.text.endsWith(line) && m.text.startsWith(line));
  assert.equal(messages.map((m) => m.text).join('\n'), text);
});

test('a text without spaces is cut hard at 2,000', () => {
  const messages = renderZaloMessages({ chatId: 'u1', text: 'a'.repeat(4500) });
  assert.deepEqual(
    messages.map((m) => m.text.length),
    [2000, 2000, 500],
  );
});

test('up to 5 buttons become oa.query.hide buttons on the last chunk', () => {
  const messages = renderZaloMessages({ chatId: 'u1', text: 'x '.repeat(1500), buttons: buttons(5) });
  assert.equal(messages.length, 2);
  assert.equal(messages[0]?.attachment, undefined);
  assert.deepEqual(messages[1]?.attachment, {
    type: 'template',
    payload: {
      buttons: buttons(5).map((b) => ({ title: b.label, type: 'oa.query.hide', payload: `#${b.action}` })),
    },
  });
});

test('button titles are cut to 100 characters', () => {
  const [message] = renderZaloMessages({
    chatId: 'u1',
    text: 'Chọn',
    buttons: [{ label: 'ạ'.repeat(150), action: 'a' }],
  });
  const title = message?.attachment?.payload.buttons[0]?.title ?? '';
  assert.equal(title.length, 100);
  assert.ok(title.endsWith('…'));
});

test('more than 5 buttons become numbered lines on the last chunk', () => {
  const messages = renderZaloMessages({ chatId: 'u1', text: 'Chọn doanh nghiệp:', buttons: buttons(7) });
  assert.equal(messages.length, 1);
  assert.equal(messages[0]?.attachment, undefined);
  const lines = (messages[0]?.text ?? '').split('\n');
  assert.equal(lines[0], 'Chọn doanh nghiệp:');
  assert.deepEqual(lines.slice(2), [
    ...buttons(7).map((b, i) => `${i + 1}. ${b.label}`),
    'Trả lời bằng số thứ tự để chọn.',
  ]);
});

test('a numbered list that does not fit goes into its own chunk', () => {
  const messages = renderZaloMessages({ chatId: 'u1', text: 'x'.repeat(1990), buttons: buttons(6) });
  assert.equal(messages.length, 2);
  assert.ok(messages[1]?.text.startsWith('1. Lựa chọn 1'));
});

test('buttons without text get a short prompt', () => {
  const [message] = renderZaloMessages({ chatId: 'u1', text: '', buttons: buttons(2) });
  assert.equal(message?.text, 'Chọn một mục:');
  assert.equal(message?.attachment?.payload.buttons.length, 2);
});

test('a document becomes a notice pointing to Telegram or the admin CLI', () => {
  const messages = renderZaloMessages({
    chatId: 'u1',
    text: 'Báo cáo tổng hợp ngày mùng 4 Tết',
    document: { filename: 'bao-cao.xlsx', mimeType: 'application/vnd.ms-excel', contentBase64: 'AAAA' },
  });
  assert.equal(messages.length, 1);
  const text = messages[0]?.text ?? '';
  assert.ok(text.startsWith('Báo cáo tổng hợp ngày mùng 4 Tết\n\n'));
  assert.match(text, /"bao-cao\.xlsx" không gửi được qua Zalo/);
  assert.match(text, /Telegram/);
  assert.match(text, /admin CLI/);
  assert.doesNotMatch(text, /AAAA/);
});

test('chunks are never empty, never longer than 2,000 and never split a surrogate pair', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', 'ạ', ' ', '\n', '😀'), maxLength: 6000 }), (text) => {
      for (const m of renderZaloMessages({ chatId: 'u1', text })) {
        assert.ok(m.text.length > 0 && m.text.length <= 2000);
        assert.doesNotMatch(m.text, /[\ud800-\udbff]$|^[\udc00-\udfff]/);
      }
    }),
  );
});
