import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectIntent, redactCodes } from '../../src/conversation/intent.ts';
import { parseIncidentText } from '../../src/features/incident-text.ts';

test('normal reports, with and without diacritics', () => {
  for (const text of [
    'Bình thường',
    'binh thuong',
    'bc ok',
    'bao cao binh thuong',
    'Báo cáo: bình thường ạ',
    'không có sự cố',
    'ko co su co nhe',
    'Hôm nay bình thường ạ',
    'mạng lưới ổn định',
    'Mọi thứ ổn',
    'không có sự cố gì',
    'Mạng lưới hoạt động ổn định, không có sự cố',
    'ko phat sinh su co',
    'khong co gi bat thuong',
    'vẫn bình thường ạ',
    'đêm qua bình thường',
    'bình thường và thông suốt',
  ])
    assert.deepEqual(detectIntent(text), { type: 'normal', sure: true }, text);
  // Asking about the case is not saying it.
  for (const text of ['không có sự cố thì có phải báo cáo không', 'khong co su co co can bao cao ko'])
    assert.equal(detectIntent(text), null, text);
  for (const text of ['ok', 'OK!', 'ổn', 'oke'])
    assert.deepEqual(detectIntent(text), { type: 'normal', sure: false }, text);
});

test('incidents: explicit ones record, plain words are confirmed, questions stay questions', () => {
  assert.deepEqual(detectIntent('sự cố: mất sóng 3 trạm'), {
    type: 'incident',
    note: 'mất sóng 3 trạm',
    explicit: true,
  });
  assert.deepEqual(detectIntent('SC - dồn ứ bưu gửi'), {
    type: 'incident',
    note: 'dồn ứ bưu gửi',
    explicit: true,
  });
  assert.deepEqual(detectIntent('có sự cố'), { type: 'incident_form' });
  assert.equal(detectIntent('mat song 12 tram o xa Dong Son')?.type, 'incident');
  // A post office named first: "bưu cục … tồn đọng …" is the postal incident, offered for confirmation.
  assert.deepEqual(detectIntent('Bưu cục trung tâm tồn đọng 300 bưu gửi'), {
    type: 'incident',
    note: 'Bưu cục trung tâm tồn đọng 300 bưu gửi',
    explicit: false,
  });
  assert.equal(detectIntent('bưu cục tồn đọng bưu gửi thì báo ai?'), null);
  // "… email hay gọi điện": a choice asked, not an incident described.
  assert.equal(detectIntent('bc su co gui email hay goi dien'), null);
  assert.equal(detectIntent('sự cố: mất sóng hay chập chờn 3 trạm')?.type, 'incident');
  assert.equal(detectIntent('mất sóng thì báo cáo thế nào?'), null);
  assert.equal(detectIntent('sự cố thì báo ai'), null);
  assert.equal(detectIntent('su co mat dien thi lam sao?'), null);
  assert.equal(detectIntent('hạn nộp báo cáo khi nào?'), null);
  assert.deepEqual(detectIntent('báo cáo'), { type: 'report' });
});

test('greetings, thanks and acknowledgements', () => {
  assert.deepEqual(detectIntent('Xin chào'), { type: 'greeting' });
  assert.deepEqual(detectIntent('chào bot'), { type: 'greeting' });
  assert.deepEqual(detectIntent('cảm ơn ạ'), { type: 'thanks' });
  assert.deepEqual(detectIntent('thanks'), { type: 'thanks' });
  assert.deepEqual(detectIntent('vâng'), { type: 'ack' });
});

test('registration: a bare code, "đăng ký", "dang ky", "dangky" with spaces, dashes and lower case', () => {
  const code = '7KQ2M9XA4TPBW3HD';
  for (const text of [
    code,
    '7kq2 m9xa 4tpb w3hd',
    '7KQ2-M9XA-4TPB-W3HD',
    `đăng ký ${code}`,
    'dang ky 7kq2-m9xa-4tpb-w3hd',
    `Đăng ký: ${code}`,
    `DANGKY ${code}`,
  ])
    assert.equal((detectIntent(text) as { code: string }).code.toUpperCase(), code, text);
  // Asking how to register, without a code: the register command then says how.
  for (const text of [
    'đăng ký thế nào?',
    'Tôi muốn đăng ký',
    'lam sao de dang ky',
    'muốn đăng ký làm cán bộ trực',
  ])
    assert.deepEqual(detectIntent(text), { type: 'register', code: '' }, text);
  assert.equal(detectIntent('đăng ký sim 5g ở đâu'), null);
  assert.deepEqual(detectIntent('dang ky abcd'), { type: 'register', code: 'abcd' });
  assert.deepEqual(detectIntent('dang ky'), { type: 'register', code: '' });
});

test('codes never stored: a code inside a sentence is replaced, ordinary words are kept', () => {
  assert.equal(redactCodes('ma 7KQ2M9XA4TPBW3HD khong dung'), 'ma [mã] khong dung');
  assert.equal(redactCodes('mã 7kq2 m9xa 4tpb w3hd sai'), 'mã [mã] sai');
  assert.equal(redactCodes('tinh hinh ngay hom nay the nao'), 'tinh hinh ngay hom nay the nao');
  assert.equal(redactCodes('hạn 13/02/2024 lúc 9h00'), 'hạn 13/02/2024 lúc 9h00');
});

test('an incident in words: kind, area, scale with its unit, fixed or not', () => {
  const i = parseIncidentText(
    'Đứt cáp quang tuyến Lục Nam, mất liên lạc 12 trạm ở xã Bảo Sơn, đã khắc phục',
    'telecom',
  );
  assert.deepEqual(i, {
    kind: 'mat_lien_lac',
    area: 'xã Bảo Sơn',
    scaleCount: 12,
    scaleUnit: 'trạm',
    resolved: true,
  });
  const p = parseIncidentText('don u 3.000 buu gui tai phuong Tran Phu, dang xu ly', 'postal');
  assert.deepEqual(p, {
    kind: 'don_u',
    area: 'phuong Tran Phu',
    scaleCount: 3000,
    scaleUnit: 'buu gui',
    resolved: false,
  });
});

test('"đã khắc phục" in words is an officer saying it is fixed; asking whether it is, is not', () => {
  for (const text of [
    'Đã khắc phục',
    'da khac phuc xong',
    'đã khắc phục xong rồi ạ',
    'sự cố đã được xử lý',
    'xong rồi',
    'đã có sóng lại',
    'co song lai roi',
    'đã khôi phục',
  ])
    assert.deepEqual(detectIntent(text), { type: 'fixed' }, text);
  for (const text of [
    'đã khắc phục chưa?',
    'da khac phuc chua',
    'khắc phục sự cố thế nào',
    'sự cố đã khắc phục thì có phải báo lại không',
    'Theo công văn, sự cố đã được khắc phục thì báo cáo cho ai và qua đâu, trong bao lâu',
  ])
    assert.notDeepEqual(detectIntent(text), { type: 'fixed' }, text);
});

test('"ai chưa báo cáo?" and its kin ask for /status; questions about the letter do not', () => {
  for (const text of [
    'ai chưa báo cáo?',
    'ai chua bc',
    'Đơn vị nào chưa báo cáo hôm nay?',
    'cho em xem tình hình báo cáo',
    'tinh hinh bao cao hom nay the nao',
    'bao nhieu don vi da bao cao roi',
    'còn đơn vị nào chưa báo cáo không',
    'có sự cố nào không',
    'hnay co su co gi ko',
    'sự cố hôm nay',
    'đơn vị nào bị sự cố',
  ])
    assert.deepEqual(detectIntent(text), { type: 'status' }, text);
  for (const text of [
    'hạn báo cáo là khi nào?',
    'báo cáo gửi ai',
    'ai ký công văn',
    'sự cố nào phải báo ngay?',
    'có sự cố thì làm gì',
    'sự cố: mất sóng 2 trạm',
  ])
    assert.notDeepEqual(detectIntent(text), { type: 'status' }, text);
});

test('an officer asking what to do about an incident is asking, not reporting one (no incident, no alert)', () => {
  for (const text of [
    'su co thi goi so nao',
    'su co nghiem trong thi bao qua sdt nao',
    'mat song bao nhieu tram thi moi phai bc nhanh',
    'mất liên lạc bao lâu thì phải báo ngay',
    'sự cố thì 2 tiếng sau mới báo hả',
    'co su co mang thi bc kieu j, gui vb hay goi',
    'nghen mang thi uu tien dv j',
    'su co nghiem trong la nhung truong hop nao',
    'tram bts vung ngap thi phai lam j',
    'su co nao phai bc nhanh',
    'sự cố gì phải báo cáo đột xuất',
    // Which station is asked about, none is reported.
    'tram bts nao hay mat dien nhat',
    'xã nào hay mất sóng nhất',
  ])
    assert.equal(detectIntent(text), null, text);
  for (const text of [
    'mất sóng 3 trạm ở xã Tân Sơn, chưa khắc phục',
    'mat dien luoi 5 tram bts xa Yen The',
    'đứt cáp quang tuyến trục, mất liên lạc 12 trạm',
    'su co mat song 2 tram, dang xu ly',
    'trạm nào cũng mất điện, đang chạy máy phát',
  ])
    assert.equal(detectIntent(text)?.type, 'incident', text);
  assert.equal(detectIntent('đăng ký sim 5g ở đâu'), null, 'several words after "đăng ký" that are no code');
  assert.deepEqual(detectIntent('dang ky 7kq2 m9xa 4tpb w3hd'), {
    type: 'register',
    code: '7kq2m9xa4tpbw3hd',
  });
});
