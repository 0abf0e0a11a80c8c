import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DateTime } from 'luxon';
import { loadDirective, loadPairs } from '../../src/qa/data.ts';
import { itemsById } from '../../src/qa/directive.ts';

const directive = loadDirective();
const pairs = loadPairs(directive);
const { dispatch } = directive;

test('the dispatch facts match the directive', () => {
  assert.equal(dispatch.issuer, 'Sở Thông tin và Truyền thông tỉnh Bắc Giang');
  assert.match(
    dispatch.implements,
    /^Chỉ thị số 14\/CT-UBND ngày 22\/12\/2023 của Chủ tịch UBND tỉnh Bắc Giang/,
  );
  assert.deepEqual(dispatch.signer, {
    authority: 'KT. Giám đốc',
    title: 'Phó Giám đốc',
    name: 'Nguyễn Gia Phong',
  });
  assert.equal(dispatch.report.email, 'so_tttt_vt@bacgiang.gov.vn');
  const reportClause = itemsById(directive).get('bao-cao')!.text;
  assert.ok(reportClause.includes(dispatch.report.email));
  assert.ok(
    reportClause.includes(`trước ${dispatch.report.deadline.time} ngày ${dispatch.report.deadline.date}`),
  );
});

test('the deadline is 9:00 on Tuesday 13/02/2024, the fourth day of Tết Giáp Thìn', () => {
  const { deadline } = dispatch.report;
  const moment = DateTime.fromISO(deadline.iso, { setZone: true });
  assert.equal(moment.toFormat('HH:mm dd/MM/yyyy'), `09:00 ${deadline.date}`);
  assert.equal(moment.weekday, 2); // luxon: 1 = Monday, so 2 = thứ Ba
  assert.equal(deadline.weekday, 'thứ Ba');
  const tetFirstDay = DateTime.fromISO(deadline.tetFirstDay, { zone: 'Asia/Ho_Chi_Minh' });
  assert.equal(moment.startOf('day').diff(tetFirstDay.startOf('day'), 'days').days + 1, deadline.lunarDay);
  assert.equal(deadline.lunar, 'mùng 4 Tết');
});

test('parts and bullet points have stable ids', () => {
  assert.deepEqual(
    directive.parts.map((part) => part.id),
    ['mo-dau', 'muc-1', 'muc-2', 'bao-cao', 'noi-nhan'],
  );
  const muc1 = directive.parts.find((part) => part.id === 'muc-1')!;
  assert.deepEqual(
    muc1.items.map((item) => [item.id, item.label]),
    [
      ['muc-1-y-1', 'mục 1, ý 1'],
      ['muc-1-y-2', 'mục 1, ý 2'],
      ['muc-1-y-3', 'mục 1, ý 3'],
      ['muc-1-y-4', 'mục 1, ý 4'],
    ],
  );
});

test('pair ids fit a button action and every pair cites existing clauses', () => {
  const items = itemsById(directive);
  for (const pair of pairs) {
    assert.match(pair.id, /^[a-z0-9-]+$/);
    assert.ok(Buffer.byteLength(`qa:${pair.id}`) <= 64 && pair.id.length <= 40, pair.id);
    for (const ref of pair.refs) assert.ok(items.has(ref), `${pair.id} → ${ref}`);
    assert.ok(pair.phrasings.length >= 3, pair.id);
    // Suggestion buttons show the question: keep it readable on a phone.
    assert.ok(pair.question.length <= 64, pair.question);
  }
});

test('the pairs cover what officers ask about', () => {
  const ids = new Set(pairs.map((pair) => pair.id));
  for (const id of [
    'han-bao-cao',
    'gui-bao-cao',
    'nhiem-vu-buu-chinh',
    'nhiem-vu-vien-thong',
    'hang-cam-gui',
    'che-do-truc',
    'ung-cuu-su-co',
    'an-toan-thong-tin',
    'kiem-tra-buu-gui',
    'nguoi-ky',
    'can-cu',
    'dip-tet',
    'doi-tuong',
    'noi-dung-bao-cao',
  ]) {
    assert.ok(ids.has(id), id);
  }
  const facts = new Map(pairs.map((pair) => [pair.id, pair.facts]));
  assert.equal(facts.get('han-bao-cao'), 'deadline');
  assert.equal(facts.get('gui-bao-cao'), 'email');
});
