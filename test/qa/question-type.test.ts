import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeTokens } from '../../src/qa/normalise.ts';
import {
  detectQuestionType,
  framePositions,
  isInterrogative,
  type QuestionType,
} from '../../src/qa/question-type.ts';

const CASES: Array<[string, QuestionType]> = [
  ['hạn nộp báo cáo khi nào?', 'time'],
  ['bc nop truoc may gio', 'time'],
  ['bao gio het han', 'time'],
  ['13/2 là thứ mấy', 'time'],
  ['gui bc qua mail nao', 'where'],
  ['báo cáo gửi về đâu', 'where'],
  ['nop bc cho ai', 'where'],
  ['ai ký công văn', 'who'],
  ['cơ quan nào ban hành', 'who'],
  ['người đầu mối tên gì', 'who'],
  ['ng lien he ten la gi', 'who'],
  ['số công văn là bao nhiêu', 'number'],
  ['cv có mấy mục', 'number'],
  ['phương án ứng cứu như thế nào', 'how'],
  ['mang bi nghen thi xu ly sao', 'how'],
  ['doanh nghiệp bưu chính phải làm gì', 'list'],
  ['hàng cấm gồm những gì', 'list'],
  ['co phai truc 24/7 ko', 'yesno'],
  ['có cần kiểm tra bưu gửi không', 'yesno'],
  ['hạn là 15/2 à', 'yesno'],
  ['chỉ thị 14 là gì', 'what'],
  ['công văn về việc gì', 'what'],
  ['email nhận báo cáo', 'where'],
  ['thời hạn báo cáo', 'time'],
];

for (const [question, expected] of CASES) {
  test(`"${question}" is a ${expected} question`, () => {
    assert.equal(detectQuestionType(normalizeTokens(question)), expected);
  });
}

test('interrogative terms are recognised, topic words are not', () => {
  for (const term of ['gi', 'khi_nao', 'lam_gi', 'bao_gio', 'o_dau', 'the_nao'])
    assert.ok(isInterrogative(term), term);
  for (const term of ['bao', 'bao_cao', 'han', 'email', 'lam', 'nhung_hang'])
    assert.ok(!isInterrogative(term), term);
});

test('"những loại … nào" frames the question; "trạm loại 1" in the letter is content', () => {
  const tokens = ['nhung', 'loai', 'truc', 'nao'];
  assert.ok(framePositions(tokens, () => false).has(1));
  const station = ['kiem', 'tra', 'tram', 'loai', '1'];
  assert.ok(!framePositions(station, (bigram) => bigram === 'tram_loai').has(3));
});

test('"xong" says when, not what: "tổng hợp xong thì gửi ai"', () => {
  assert.ok(framePositions(['tong', 'hop', 'xong', 'thi', 'gui', 'ai'], () => false).has(2));
});

test('"ở khu vực nào" asks the place, as "ở đâu": what is done there is the content', () => {
  const tokens = 'gia co cap treo o khu vuc nao'.split(' ');
  const frame = framePositions(tokens, () => false);
  for (const i of [5, 6, 7]) assert.ok(frame.has(i), tokens[i]);
  assert.ok(!frame.has(0));
});

test('"tất cả … đều" frames a claim: whether it holds for all is for the clause to say', () => {
  const tokens = 'tat ca buu cuc deu mo cua a'.split(' ');
  const frame = framePositions(tokens, () => false);
  for (const i of [0, 1, 4]) assert.ok(frame.has(i), tokens[i]);
  assert.ok(!frame.has(2));
});

test('"dịp Tết" frames a question on what to do for Tết: the whole letter is for it', () => {
  const frame = framePositions('viettel can chan nhung gi dip tet'.split(' '), () => false);
  assert.ok(frame.has(5) && frame.has(6));
  assert.ok(!frame.has(2));
});
