import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ASKS_ADDRESSED, businessNames } from '../../src/qa/business.ts';
import { normalizeTokens } from '../../src/qa/normalise.ts';

test('what a company calls itself after its name ("FPT Telecom") is still the company, not what is asked', () => {
  const named = businessNames('Công ty Cổ phần Viễn thông FPT - Chi nhánh Đà Nẵng; VNPT Đà Nẵng', 'Đà Nẵng');
  const tokens = normalizeTokens('FPT Telecom có phải báo cáo không');
  const { positions } = named(tokens);
  const telecom = tokens.indexOf('telecom');
  assert.ok(telecom >= 0 && positions.has(telecom));
  assert.ok(!positions.has(tokens.indexOf('bao')));
});

test('"có nằm trong danh sách nhận công văn không" asks whether the business is addressed', () => {
  for (const q of ['GHN có nằm trong danh sách nhận công văn không', 'vnpt co trong ds nhan k']) {
    assert.match(` ${normalizeTokens(q).join(' ')} `, ASKS_ADDRESSED, q);
  }
});
