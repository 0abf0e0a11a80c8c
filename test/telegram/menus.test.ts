import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { commandMenus } from '../../src/conversation/commands.ts';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createInvite } from '../../src/db/queries/invites.ts';
import { outbox } from '../../src/db/schema.ts';
import type { Envelope } from '../../src/messages.ts';
import { settle, telegramUser } from '../helpers/chat.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Telegram command menus: the default at start, a chat’s own with its registration', () => {
  const menus = commandMenus();
  const codes: Record<string, string> = {};
  let fake: FakeTelegram;
  let database: TestDatabase;
  let svc: TestService;
  const db = () => svc.service.database.db;
  const user = (chatId: number) => telegramUser({ fake, db, chatId, firstName: 'Lan' });
  const menuCalls = () => fake.calls.filter((m) => m === 'setMyCommands').length;

  before(async () => {
    fake = await startFakeTelegram();
    database = await createTestDatabase();
    svc = await startTestService({ env: telegramEnv(fake), database });
    const [viettel] = await insertEnterprises(db(), [
      { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' },
    ]);
    const expiresAt = new Date(Date.now() + 86400_000);
    const invite = async (role: 'officer' | 'staff', enterpriseId: number | null) =>
      (await createInvite(db(), { role, enterpriseId, expiresAt, maxUses: 1 })).code;
    codes.officer = await invite('officer', viettel!.id);
    codes.staff = await invite('staff', null);
    codes.staffAgain = await invite('staff', null);
  });

  after(async () => {
    await svc.stop();
    await database.drop();
    await fake.close();
  });

  test('the guest menu is the bot’s default, and no chat has its own before anyone registers', () => {
    assert.deepEqual(fake.commands.get('default'), menus.guest);
    assert.deepEqual(
      [...fake.commands.keys()].filter((scope) => scope.startsWith('chat:')),
      [],
    );
  });

  test('a staff registration sets the staff menu for that chat; an officer’s sets the officer menu', async () => {
    assert.match(await user(4001).sayText(`/dangky ${codes.staff}`), /cán bộ của Sở/);
    assert.deepEqual(fake.commands.get('chat:4001'), menus.staff);
    assert.match(await user(4002).sayText(`/dangky ${codes.officer}`), /Viettel Bắc Giang/);
    assert.deepEqual(fake.commands.get('chat:4002'), menus.officer);
    assert.notDeepEqual(menus.staff, menus.officer);
    // The menu rides on the reply through the outbox.
    const [row] = await db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.channel, 'telegram'), eq(outbox.chatId, '4001')));
    assert.equal((row!.payload as Envelope).menu, 'staff');
  });

  test('other answers leave the menu alone: a wrong code, /help, a report', async () => {
    const before = menuCalls();
    assert.match(await user(4003).sayText('/dangky SAIMA0000000000'), /Mã mời không đúng/);
    await user(4001).say('/help');
    await user(4002).say('/baocao ok');
    assert.equal(menuCalls(), before);
    assert.equal(fake.commands.has('chat:4003'), false);
  });

  test('a menu call that fails neither fails nor repeats the message', async () => {
    fake.failNext('setMyCommands', 1, { status: 500 });
    const before = menuCalls();
    const reply = await user(4004).say(`/dangky ${codes.staffAgain}`);
    await sleep(200);
    await settle(db());
    assert.equal(reply.length, 1);
    assert.equal(fake.sentTo(4004).length, 1, 'sent once');
    assert.equal(menuCalls(), before + 1, 'tried once');
    assert.equal(fake.commands.has('chat:4004'), false);
    const rows = await db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.channel, 'telegram'), eq(outbox.chatId, '4004')));
    assert.deepEqual(
      rows.map((r) => [r.status, r.attempts]),
      [['sent', 1]],
    );
  });
});
