/**
 * A duty roster and a list of contacts written as tables in the letter: asked by the day ("mùng 2 ai trực",
 * "7/2 ai trực") or by the person ("sđt anh Vinh", "chị Mai trực ngày nào"), answered from the row.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

const text = smallLetter(`
1. Tổ chức trực Tết 24/24 giờ từ ngày 05/02/2027 đến hết ngày 10/02/2027.

2. Lịch trực của Sở
Cán bộ trực theo bảng sau:

STT | Họ và tên | Chức vụ | Điện thoại | Ngày trực
1 | Lê Quang Vinh | Chuyên viên | 0905 111 222 | 07/02/2027
2 | Trần Thị Mai | Trưởng phòng | 0987 654 321 | 05/02/2027; 09/02/2027
3 | Trần Văn Dục | Chuyên viên | 0912 000 111 | 08/02/2027

3. Đầu mối của các doanh nghiệp:

Đơn vị\tNgười đầu mối\tĐiện thoại
VNPT Bắc Kạn\tÔng Hà Văn Bình, Phó Giám đốc\t0913 222 333
Viettel Bắc Kạn\tBà Nông Thị Lan, Trưởng phòng kỹ thuật\t0988 444 555

4. Các doanh nghiệp gửi báo cáo về Sở trước 16 giờ 00 ngày 12/02/2027.
`);

describe('a duty roster typed as a table', () => {
  const engine = engineFor(text);

  test('a day of Tết asked by its lunar name finds the row of its solar date', () => {
    const r = engine.ask('mùng 2 ai trực');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Lê Quang Vinh/);
    assert.match(r.text, /0905 111 222/);
  });

  test('a solar date typed short, and the eve by its name', () => {
    assert.match(engine.ask('8/2 ai truc').text, /Trần Văn Dục/);
    assert.match(engine.ask('đêm giao thừa ai trực').text, /Trần Thị Mai/);
  });

  test('a person asked by the given name, with or without diacritics', () => {
    assert.match(engine.ask('sdt anh vinh').text, /0905 111 222/);
    assert.match(engine.ask('chị Mai trực ngày nào').text, /05\/02\/2027.*09\/02\/2027/);
    assert.match(engine.ask('anh Vinh chức vụ gì').text, /Chuyên viên/);
  });

  test('a name typed with other diacritics is someone else: "Đức" is not "Dục"', () => {
    assert.doesNotMatch(engine.ask('sđt anh Đức').text, /Trần Văn Dục/);
  });

  test('a day the roster does not hold is not answered from it', () => {
    const r = engine.ask('mùng 6 ai trực');
    assert.doesNotMatch(r.text, /Lê Quang Vinh|Trần Thị Mai|Trần Văn Dục/);
  });

  test('a contact table with tabs: the business named finds its person', () => {
    const r = engine.ask('đầu mối viettel là ai');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Nông Thị Lan/);
    assert.match(r.text, /0988 444 555/);
  });
});

describe('a roster of days, its people by role', () => {
  const engine = engineFor(
    smallLetter(`
1. Lịch trực Tết của Sở như sau:

Ngày\tLãnh đạo trực\tCán bộ trực
Mùng 1 Tết\tÔng Nguyễn Văn An\tBà Lý Thị Hồng
Mùng 2 Tết\tÔng Phạm Minh Châu\tÔng Đặng Văn Tâm

2. Các doanh nghiệp gửi báo cáo về Sở trước 16 giờ 00 ngày 12/02/2027.
`),
  );

  test('a solar date finds the day written as a day of Tết', () => {
    const r = engine.ask('ngày 7/2 lãnh đạo trực là ai');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Phạm Minh Châu/);
  });
});
