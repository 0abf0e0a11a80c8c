import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

const text = smallLetter(`
1. Tổ chức trực Tết 24/24 giờ; kiểm tra máy phát điện, ắc quy tại 100% trạm viễn thông loại 1 và các trạm phục vụ khu du lịch Ba Bể.

3. Tăng cường giám sát các lễ hội đầu xuân.

2. Báo cáo kết quả thực hiện (tình hình mạng lưới, sự cố phát sinh và biện pháp khắc phục, lưu lượng dịch vụ) gửi về Sở chậm nhất là 16h ngày 12/02/2027 qua hộp thư điện tử bcvt@backan.gov.vn để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
`);

describe('which things of a kind', () => {
  const engine = engineFor(text);

  test('a figure qualifying the kind ("100% trạm … loại 1") says which ones', () => {
    const r = engine.ask('kiem tra may phat dien o nhung tram nao');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /100% trạm viễn thông loại 1/);
  });

  test('a clause naming only the kind lists none of them', () => {
    assert.equal(engine.ask('le hoi dau xuan o tinh co nhung le hoi nao').kind, 'out_of_scope');
  });

  test('"phân công những ai trực" is answered by the clause naming the roles on duty', () => {
    const roles = engineFor(
      text.replace(
        'Tổ chức trực Tết 24/24 giờ;',
        'Tổ chức trực Tết; phân công lãnh đạo, kỹ thuật viên trực 24/24 giờ;',
      ),
    );
    const r = roles.ask('phân công những ai trực tết');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /lãnh đạo, kỹ thuật viên trực/);
  });
});
