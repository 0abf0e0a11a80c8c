import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nearDomainTopic } from '../../src/qa/off-topic.ts';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

const text = smallLetter(`
1. Trực 24/24 giờ từ ngày 04/02/2027 đến hết ngày 11/02/2027; mỗi ca trực có ít nhất 01 cán bộ lãnh đạo và 01 cán bộ kỹ thuật.

2. Tăng cường dung lượng tại khu vực hồ trung tâm, chợ Đêm và các địa điểm tổ chức festival hoa mùa Xuân; bảo đảm không nghẽn mạng vào đêm giao thừa.

3. Phối hợp với Công ty Điện lực tỉnh nắm lịch cắt điện để chủ động chạy máy phát điện.

4. Bảo đảm thông tin liên lạc tại các điểm bắn pháo hoa đêm giao thừa ở Quảng trường 19/8.

5. Báo cáo kết quả thực hiện gửi về Sở chậm nhất là 16h ngày 12/02/2027 qua hộp thư điện tử bcvt@backan.gov.vn.
`);

test('an event asked about by name is held only where a clause naming it says', () => {
  const engine = engineFor(text);
  assert.equal(engine.ask('có bắn pháo hoa ở hồ trung tâm không').kind, 'out_of_scope');
  const where = engine.ask('bắn pháo hoa ở đâu');
  assert.equal(where.kind, 'answer');
  assert.match(where.text, /Quảng trường 19\/8/);
});

test('the schedule of what a clause names only as an occasion is not given', () => {
  const engine = engineFor(text);
  assert.equal(engine.ask('lịch cắt điện Tết này ở huyện Ba Bể thế nào').kind, 'out_of_scope');
  assert.equal(engine.ask('lich chuong trinh festival hoa 2027').kind, 'out_of_scope');
  const who = engine.ask('phối hợp với ai để nắm lịch cắt điện');
  assert.equal(who.kind, 'answer');
  assert.match(who.text, /Điện lực/);
});

test('a count of a thing the clause never names is not given; people are counted by their roles', () => {
  const engine = engineFor(text);
  assert.equal(engine.ask('thành phố có bao nhiêu trạm bts').kind, 'out_of_scope');
  const people = engine.ask('mỗi ca trực cần bao nhiêu người');
  assert.equal(people.kind, 'answer');
  assert.match(people.text, /01 cán bộ lãnh đạo/);
});

test('a business’s own promotions are no topic of a letter naming promotions only as fakes to block', () => {
  const fakes = ' ngan chan tin nhan rac cuoc goi lua dao gia mao chuong trinh khuyen mai qua tet ';
  assert.equal(nearDomainTopic('vinaphone co khuyen mai tet ko', fakes), true);
  assert.equal(nearDomainTopic('khuyen mai gia mao thi bao ai', fakes), false);
});

test('a figure asked of a report form answers nothing: its lines are blanks to fill', () => {
  const engine = engineFor(
    smallLetter(`
1. Khi xảy ra sự cố, báo cáo nhanh theo mẫu tại Phụ lục kèm theo trong vòng 02 giờ.

2. Báo cáo kết quả thực hiện gửi về Sở chậm nhất là 16h ngày 12/02/2027 qua hộp thư điện tử bcvt@backan.gov.vn.`) +
      `
PHỤ LỤC: MẪU BÁO CÁO NHANH
1. Thời gian xảy ra sự cố: ..... giờ ..... phút
2. Địa điểm (xã, huyện): ..............................
3. Số trạm ảnh hưởng (BTS/thiết bị truy nhập): ..........
4. Số thuê bao bị ảnh hưởng (ước tính): ..........
`,
  );
  assert.equal(engine.ask('số trạm bts ở huyện Pác Nặm là bao nhiêu').kind, 'out_of_scope');
  assert.equal(engine.ask('mẫu báo cáo nhanh có mấy mục').kind, 'answer');
});
