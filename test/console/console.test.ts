import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestService, type TestService } from '../helpers/service.ts';

describe('local console (nothing configured)', () => {
  let svc: TestService;
  const output = () => svc.console!.output.join('');

  async function type(line: string, expect: RegExp): Promise<string> {
    const start = output().length;
    svc.console!.input.write(`${line}\n`);
    const deadline = Date.now() + 10_000;
    while (!expect.test(output().slice(start))) {
      if (Date.now() > deadline) throw new Error(`no ${expect} after "${line}":\n${output().slice(start)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return output().slice(start);
  }

  before(async () => {
    svc = await startTestService({ env: { CONSOLE: 'auto' } });
  });
  after(() => svc.stop());

  test('seeds demo data and prints a demo invite code', () => {
    assert.match(output(), /Mã mời thử cho người dùng mới \(cán bộ trực VNPT Bắc Giang\): [0-9A-Z]{16}/);
  });

  test('the demo officer reports with numbered choices, the staff member sees it in /status', async () => {
    await type('/baocao', /1\) ✅ Bình thường/);
    await type('2', /Loại sự cố là gì\?/);
    await type('1', /Phạm vi ảnh hưởng/);
    await type('xã Yên Thế', /Quy mô ảnh hưởng/);
    // The step asks for a number: a typed 3 is three stations, not the third button.
    await type('3', /khắc phục chưa/);
    await type('2', /Mô tả ngắn/);
    await type(
      'Mất sóng 3 trạm do mất điện, đã chạy máy phát',
      /Đã ghi nhận báo cáo .* của Viettel Bắc Giang/,
    );
    await type(':so', /cán bộ Sở/);
    const status = await type('/status', /Đã báo cáo: 1\/14/);
    assert.match(
      status,
      /Viettel Bắc Giang: Mất liên lạc \/ mất sóng, xã Yên Thế, ảnh hưởng 3, ✅ đã khắc phục lúc/,
    );
  });

  test('a new user registers with the demo code', async () => {
    const code = /\(cán bộ trực VNPT Bắc Giang\): ([0-9A-Z]{16})/.exec(output())![1]!;
    await type(':moi', /người dùng mới/);
    await type(`/dangky ${code}`, /Đăng ký thành công.*VNPT Bắc Giang/s);
    await type('/baocao ok', /Đã ghi nhận báo cáo/);
  });
});
