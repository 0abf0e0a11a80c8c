import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asksDutyPeriod, dutyThroughHoliday, setsDutyPeriod, setsHolidayPeriod } from '../../src/qa/duty.ts';
import { normalizeTokens } from '../../src/qa/normalise.ts';
import { detectQuestionType } from '../../src/qa/question-type.ts';

const asks = (q: string): boolean => {
  const tokens = normalizeTokens(q);
  return asksDutyPeriod(tokens, detectQuestionType(tokens));
};

test('questions about when duty starts, ends or how long it lasts', () => {
  for (const q of ['trực Tết kết thúc lúc mấy giờ', 'truc bat dau tu ngay nao', 'trực kéo dài bao lâu'])
    assert.ok(asks(q), q);
  for (const q of [
    'gửi danh sách cán bộ trực trước ngày nào',
    'hạn nộp lịch trực',
    'ai trực lãnh đạo mùng 1',
    'số điện thoại trực ban',
    'ký trực tiếp khi nào',
    // "trục" the backbone folds like "trực".
    'đứt cáp quang trục thì khắc phục trong mấy giờ',
    'sự cố tuyến trục xử lý lúc nào',
    // How many hours a day: "24/24 giờ" answers it, not the period.
    'trực Tết mấy tiếng',
    // What is kept during the duty, not when.
    'trong thời gian trực cần duy trì tổ gì',
  ])
    assert.ok(!asks(q), q);
});

test('a clause sets the duty period when it names duty and a span of dates in one sentence', () => {
  assert.ok(setsDutyPeriod('Bố trí cán bộ trực 24/24 giờ từ ngày 04/02/2027 đến hết ngày 11/02/2027.'));
  assert.ok(
    setsDutyPeriod('Bố trí lịch trực 24/24 giờ, từ 07 giờ 00 ngày 30/01/2030 đến 17 giờ 00 ngày 08/02/2030'),
  );
  // The hour written "07h00", the date followed by its lunar day.
  assert.ok(
    setsDutyPeriod(
      'Trực 24/24 giờ từ 07h00 ngày 10/02/2029 (tức ngày 27 tháng Chạp năm Mậu Thân) đến 17h00 ngày 18/02/2029.',
    ),
  );
  assert.ok(setsDutyPeriod('Trực 24/24 giờ từ 7h ngày 10/02/2029 đến 17h ngày 18/02/2029.'));
  // In lunar days: a second duty period, for one kind of duty, which a question naming it asks about.
  assert.ok(
    setsDutyPeriod('Bố trí 01 nhân viên kỹ thuật trực tại chỗ ở vùng sâu từ 29 tháng Chạp đến mùng 4 Tết.'),
  );
  assert.ok(!setsDutyPeriod('Sẵn sàng trực 24/7 phối hợp xử lý khi có tấn công mạng.'));
  assert.ok(
    !setsDutyPeriod('Gửi lịch trực về Sở trước ngày 25/01/2030. Nghỉ Tết từ ngày 28/01 đến ngày 02/02.'),
  );
});

test('hours a day are how long each day, not the duty period', () => {
  assert.equal(asks('trực mấy giờ một ngày'), false);
  assert.equal(asks('truc bao nhieu tieng moi ngay'), false);
  assert.equal(asks('trực đến mấy giờ'), true);
});

test("duty kept through the holiday takes its period from the clause setting the holiday's dates", () => {
  assert.ok(
    dutyThroughHoliday(
      'Bố trí lực lượng trực 24/24 giờ, có lãnh đạo trực chỉ huy trong suốt thời gian nghỉ Tết.',
    ),
  );
  assert.ok(!dutyThroughHoliday('Bố trí lực lượng trực 24/24 giờ.'));
  assert.ok(
    setsHolidayPeriod(
      'trọng tâm là thời gian nghỉ Tết từ ngày 14/02/2026 (tức ngày 27 tháng Chạp năm Ất Tỵ) đến hết ngày 22/02/2026.',
    ),
  );
  assert.ok(!setsHolidayPeriod('Gửi danh sách trực về Sở trước ngày 10/02/2026.'));
});
