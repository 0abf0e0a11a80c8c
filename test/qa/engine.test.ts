import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createQa, type QaResult } from '../../src/qa/index.ts';

const qa = createQa();
const EMAIL = 'so_tttt_vt@bacgiang.gov.vn';

function answered(result: QaResult, id: string): Extract<QaResult, { kind: 'answer' }> {
  assert.equal(result.kind, 'answer', JSON.stringify(result));
  assert.ok(result.kind === 'answer');
  assert.equal(result.id, id);
  return result;
}

test('the deadline answer gives the hour, date, lunar day and weekday', () => {
  for (const question of ['hạn nộp báo cáo khi nào?', 'han nop bc khi nao', 'bao gio het han gui bao cao']) {
    const { text, clause, questionType } = answered(qa.ask(question), 'han-bao-cao');
    assert.ok(text.includes('9h00') && text.includes('9 giờ'), text);
    for (const fact of ['13/02/2024', 'mùng 4 Tết', 'thứ Ba', EMAIL]) assert.ok(text.includes(fact), fact);
    assert.match(clause, /báo cáo kết quả/);
    assert.equal(questionType, 'time');
  }
});

test('the e-mail answer carries the exact address', () => {
  for (const question of ['gui bc qua mail nao', 'Địa chỉ email nhận báo cáo?', 'bao cao nop o dau']) {
    const { text } = answered(qa.ask(question), 'gui-bao-cao');
    assert.ok(text.includes(`e-mail: ${EMAIL}`), text);
  }
});

test('yes/no questions about the deadline get a verdict before the facts', () => {
  const verdict = (question: string) => answered(qa.ask(question), 'han-bao-cao').text.split('.')[0];
  assert.equal(verdict('hạn nộp là 15/2 phải không'), 'Không đúng');
  assert.equal(verdict('han nop bc la 9h ngay 13/2 dung ko'), 'Đúng');
  assert.equal(verdict('nop bc ngay 12/2 dc ko'), 'Được, như vậy vẫn kịp hạn');
  assert.equal(verdict('nop bc ngay 14/2 dc ko'), 'Không, như vậy là quá hạn');
});

test('informal questions reach the clause they rest on', () => {
  const postal = answered(qa.ask('doanh nghiệp bưu chính phải làm gì'), 'nhiem-vu-buu-chinh');
  assert.equal(postal.clause, 'mục 1');
  assert.match(postal.text, /^Theo mục 1 của công văn/);
  const duty = answered(qa.ask('co phai truc 24/7 ko'), 'che-do-truc');
  assert.match(duty.text, /^Có\. /);
  assert.equal(duty.questionType, 'yesno');
  assert.match(duty.clause, /mục 2, ý 3/);
  answered(qa.ask('ai ky cv nay'), 'nguoi-ky');
});

test('a yes/no question with a number the directive does not use is not affirmed', () => {
  const result = qa.ask('co phai truc 12/24 ko');
  assert.ok(result.kind !== 'answer' || !result.text.startsWith('Có.'), JSON.stringify(result));
});

test('out-of-scope questions get an honest reply with whom to contact', () => {
  for (const question of [
    'cước 4G bao nhiêu',
    'thời tiết Tết thế nào',
    'bóng đá',
    'ket qua bong da hom nay',
  ]) {
    const result = qa.ask(question);
    assert.equal(result.kind, 'out_of_scope', `${question}: ${JSON.stringify(result)}`);
    assert.match(result.text, /^Công văn không đề cập nội dung này\./);
    assert.ok(result.text.includes('phòng Bưu chính – Viễn thông') && result.text.includes(EMAIL));
  }
  assert.equal(qa.ask('').kind, 'out_of_scope');
  assert.equal(qa.ask('???').kind, 'out_of_scope');
});

test('below the threshold the engine suggests two or three curated questions', () => {
  const cautious = createQa({ threshold: 1 });
  const result = cautious.ask('han nop bc khi nao');
  assert.equal(result.kind, 'suggest');
  assert.ok(result.kind === 'suggest');
  assert.equal(result.text, 'Có phải bạn muốn hỏi:');
  assert.ok(result.suggestions.length >= 2 && result.suggestions.length <= 3);
  assert.equal(result.suggestions[0]?.id, 'han-bao-cao');
  for (const suggestion of result.suggestions) {
    assert.equal(cautious.answerById(suggestion.id)?.kind, 'answer');
  }
});

test('a tapped suggestion answers by id; an unknown id is null', () => {
  const result = answered(qa.answerById('gui-bao-cao')!, 'gui-bao-cao');
  assert.equal(result.confidence, 1);
  assert.equal(qa.answerById('khong-co'), null);
});

test('/vanban: an outline and one cite-ready part per button', () => {
  const { text, parts } = qa.outline();
  assert.match(text, /Sở Thông tin và Truyền thông tỉnh Bắc Giang/);
  assert.deepEqual(
    parts.map((part) => part.id),
    ['mo-dau', 'muc-1', 'muc-2', 'bao-cao', 'noi-nhan'],
  );
  const muc1 = qa.part('muc-1')!;
  assert.equal(muc1.title, 'Mục 1. Các doanh nghiệp bưu chính, chuyển phát');
  assert.match(muc1.text, /Ý 4\. Tăng cường kiểm tra nội dung gói, kiện hàng hóa/);
  assert.equal(qa.part('muc-9'), null);
});

test('every reply fits one Telegram message', () => {
  const texts = [qa.outline().text, ...qa.outline().parts.map((part) => part.text)];
  for (const part of qa.outline().parts) {
    const result = qa.part(part.id);
    if (result) texts.push(result.text);
  }
  for (const id of [
    'han-bao-cao',
    'nhiem-vu-buu-chinh',
    'nhiem-vu-vien-thong',
    'hang-cam-gui',
    'trich-yeu',
  ]) {
    const result = qa.answerById(id);
    if (result) texts.push(result.text);
  }
  for (const text of texts) assert.ok(text.length < 3500, text.slice(0, 60));
});

test('normalize gives the folded, expanded key for unanswered questions', () => {
  assert.equal(qa.normalize('Gửi BC qua mail nào?'), 'gui bao cao qua email nao');
  assert.equal(qa.normalize('GỬI bc  qua  MAIL nào'), qa.normalize('gửi báo cáo qua email nào'));
});

test('the engine stays pure: no network, database, bot library or environment', () => {
  const dir = new URL('../../src/qa/', import.meta.url);
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(new URL(file, dir), 'utf8');
    assert.doesNotMatch(
      source,
      /process\.env|from '(telegraf|axios|postgres|drizzle-orm[^']*|node:(http|https|net))'/,
      file,
    );
  }
});
