import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createInvite } from '../../src/db/queries/invites.ts';
import { getMember } from '../../src/db/queries/people.ts';
import { reports } from '../../src/db/schema.ts';
import { telegramUser } from '../helpers/chat.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type FakeTelegram, startFakeTelegram } from '../helpers/fake-telegram.ts';
import { type FakeZalo, startFakeZalo } from '../helpers/fake-zalo.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { randomSecret, zaloEnv, zaloUser } from './zalo-user.ts';

const LINK_CODE = /lienket ([0-9A-Z]{5}-[0-9A-Z]{5})/;

describe('/lienket joins a Telegram and a Zalo identity into one person', () => {
  const oaSecretKey = randomSecret('oa-secret');
  const codes: string[] = [];
  let telegram: FakeTelegram;
  let zalo: FakeZalo;
  let database: TestDatabase;
  let svc: TestService;
  const db = () => svc.service.database.db;
  const tgOfficer = () => telegramUser({ fake: telegram, db, chatId: 7001, firstName: 'An' });
  const zaloOf = (userId: string) =>
    zaloUser({ fake: zalo, oaSecretKey, userId, db, port: () => svc.service.port });
  const zaloOfficer = () => zaloOf('zu-an');
  const zaloOther = () => zaloOf('zu-separate');

  async function linkCode(): Promise<string> {
    const reply = await tgOfficer().sayText('/lienket');
    assert.match(reply, /Trên Zalo, gửi tin nhắn/);
    const code = LINK_CODE.exec(reply)?.[1];
    assert.ok(code, reply);
    codes.push(code);
    return code;
  }

  before(async () => {
    telegram = await startFakeTelegram();
    zalo = await startFakeZalo();
    database = await createTestDatabase();
    svc = await startTestService({
      env: {
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        ...zaloEnv(zalo, oaSecretKey),
      },
      database,
    });
    const [viettel, vnpt] = await insertEnterprises(db(), [
      { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' },
      { code: 'VNPT', name: 'VNPT Bắc Giang', sector: 'telecom' },
    ]);
    const expiresAt = new Date(Date.now() + 86400_000);
    const invite = async (enterpriseId: number) =>
      (await createInvite(db(), { role: 'officer', enterpriseId, expiresAt, maxUses: 1 })).code;
    codes.push(await invite(viettel!.id), await invite(vnpt!.id));
    assert.match(await tgOfficer().sayText(`/dangky ${codes[0]}`), /Đăng ký thành công/);
    assert.match(await zaloOther().sayText(`dangky ${codes[1]}`), /Đăng ký thành công.*VNPT/s);
  });

  after(async () => {
    await svc.stop();
    await database.drop();
    await telegram.close();
    await zalo.close();
  });

  test('an unregistered person asking for a code is told how linking works', async () => {
    assert.match(await zaloOf('zu-nobody').sayText('lienket'), /gửi \/lienket ở kênh đó/);
  });

  test('a code sent back from the same account is refused without being used up', async () => {
    const code = await linkCode();
    assert.match(await tgOfficer().sayText(`/lienket ${code}`), /chính tài khoản này/);
    assert.match(
      await zaloOfficer().sayText(`lienket ${code.toLowerCase()}`),
      /Đã liên kết.*Viettel Bắc Giang/s,
    );
    assert.match(await zaloOf('zu-late').sayText(`lienket ${code}`), /đã được dùng/);
  });

  test('reports from either channel count for the same person and enterprise', async () => {
    const tg = await getMember(db(), 'telegram', '7001');
    const za = await getMember(db(), 'zalo', 'zu-an');
    assert.equal(za?.person.id, tg?.person.id);
    const first = await zaloOfficer().sayText('baocao ok');
    assert.match(first, /Đã ghi nhận báo cáo.*Viettel Bắc Giang/s);
    const firstRef = /Số tham chiếu: (BC\d{6})/.exec(first)?.[1];
    assert.ok(firstRef, first);
    // The same person on the other channel files the day's second report, pointing at the first.
    assert.match(
      await tgOfficer().sayText('/baocao ok'),
      new RegExp(`Đây là báo cáo lần 2 trong ngày \\(trước đó: ${firstRef}\\)`),
    );
    const rows = await db().select().from(reports);
    assert.deepEqual(
      rows.map((r) => [r.reporterId, r.channel]),
      [
        [tg!.person.id, 'zalo'],
        [tg!.person.id, 'telegram'],
      ],
    );
  });

  test('an identity registered on its own is re-pointed to the person who issued the code', async () => {
    const before = await getMember(db(), 'zalo', 'zu-separate');
    assert.equal(before?.enterprise?.code, 'VNPT');
    const code = await linkCode();
    assert.match(await zaloOther().sayText(`lienket ${code}`), /Đã liên kết.*Viettel Bắc Giang/s);
    const after = await getMember(db(), 'zalo', 'zu-separate');
    assert.equal(after?.person.id, (await getMember(db(), 'telegram', '7001'))?.person.id);
  });

  test('wrong link codes count toward the same limit as invite codes', async () => {
    const guesser = zaloOf('zu-guesser');
    assert.match(await guesser.sayText('lienket AAAAA-BBBBB'), /Mã liên kết không đúng/);
    assert.match(await guesser.sayText(`lienket ${codes[0]}`), /mã mời, không phải mã liên kết/);
    for (let i = 0; i < 2; i++) await guesser.sayText('dangky ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    assert.match(await guesser.sayText('lienket CCCCC-DDDDD'), /Mã liên kết không đúng/);
    const fresh = await linkCode();
    assert.match(await guesser.sayText(`lienket ${fresh}`), /nhập sai mã quá nhiều lần/);
  });

  test('no link or invite code appears in any log line', () => {
    const secrets = [
      ...codes,
      ...codes.map((c) => c.replace('-', '')),
      ...zalo.issued,
      telegram.token,
      oaSecretKey,
    ];
    for (const line of svc.logs) {
      for (const secret of secrets) assert.ok(!line.includes(secret), `leaked into: ${line.slice(0, 200)}`);
    }
  });
});
