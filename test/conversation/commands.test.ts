import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actions, decodeBound, decodeIncidentFixed, REPORT_CHOICES, splitAction } from '../../src/actions.ts';
import { COMMAND_TABLE, commandMenus, parseCommand, refusal } from '../../src/conversation/commands.ts';
import { FORM_STEP_IDS } from '../../src/conversation/dialog.ts';
import { FORM } from '../../src/conversation/report-form.ts';
import type { Member } from '../../src/db/queries/people.ts';
import { COMMAND_TEXTS, t } from '../../src/texts/index.ts';

const member = (
  role: 'officer' | 'staff' | 'admin',
  enterprise = role === 'officer',
): { member: Member } => ({
  member: {
    person: { id: 1, role, displayName: 'A', enterpriseId: enterprise ? 1 : null },
    enterprise: enterprise ? { id: 1, code: 'VT', name: 'Viettel', sector: 'telecom' } : null,
    identity: { id: 1 },
  } as unknown as Member,
});

describe('the command table', () => {
  test('every command has one name, words no other command uses, and its menu and help texts', () => {
    const names = COMMAND_TABLE.map((c) => c.name);
    assert.equal(new Set(names).size, names.length);
    const words = COMMAND_TABLE.flatMap((c) => c.words);
    assert.equal(new Set(words).size, words.length);
    for (const spec of COMMAND_TABLE) {
      for (const w of spec.words) assert.match(w, /^[a-z_]{2,32}$/, `${spec.name}: Telegram-compatible word`);
      if (spec.name !== 'start') assert.ok(COMMAND_TEXTS[spec.name]?.help?.length, `${spec.name} has help`);
    }
    for (const name of Object.keys(COMMAND_TEXTS))
      assert.ok(names.includes(name), `texts for unknown ${name}`);
  });

  test('words and phrases, with or without slash, diacritics or case', () => {
    assert.deepEqual(parseCommand('/baocao@tet_bot ok'), { name: 'report', word: 'baocao', args: 'ok' });
    assert.deepEqual(parseCommand('BAOCAO'), { name: 'report', word: 'baocao', args: '' });
    assert.equal((parseCommand('Hủy') as { name: string }).name, 'cancel');
    assert.equal((parseCommand('huỷ bỏ') as { name: string }).name, 'cancel');
    assert.equal((parseCommand('Trợ giúp') as { name: string }).name, 'help');
    assert.equal((parseCommand('tro giup!') as { name: string }).name, 'help');
    assert.equal((parseCommand('tạm dừng') as { name: string }).name, 'pause');
    assert.deepEqual(parseCommand('/khongco'), { unknown: 'khongco' });
    // Words inside a sentence are not commands: "hủy báo cáo thế nào?" is a question.
    assert.equal(parseCommand('hủy báo cáo thế nào?'), null);
    assert.equal(parseCommand('trợ giúp tôi với hạn báo cáo'), null);
  });

  test('the role check happens once, with one refusal per case', () => {
    const report = COMMAND_TABLE.find((c) => c.name === 'report')!;
    const status = COMMAND_TABLE.find((c) => c.name === 'status')!;
    const broadcast = COMMAND_TABLE.find((c) => c.name === 'broadcast')!;
    assert.equal(refusal(report.who, { member: null }), t.notRegistered);
    assert.equal(refusal(report.who, member('staff')), t.officersOnly);
    assert.equal(refusal(report.who, member('officer')), null);
    assert.equal(refusal(status.who, member('officer')), t.staffOnly);
    assert.equal(refusal(status.who, member('admin')), null);
    assert.equal(refusal(broadcast.who, member('staff')), t.adminOnly);
    assert.equal(refusal(broadcast.who, member('admin')), null);
    // An officer whose enterprise was removed is not an officer for reports.
    assert.equal(refusal(report.who, member('officer', false)), t.officersOnly);
  });

  test('menus per role come from the table: /thongbao for admins only, /dangky for guests only', () => {
    const menus = commandMenus();
    const words = (role: keyof typeof menus) => menus[role].map((m) => m.command);
    assert.deepEqual(words('guest'), ['dangky', 'vanban', 'help']);
    assert.ok(words('officer').includes('baocao') && !words('officer').includes('status'));
    assert.ok(words('staff').includes('status') && words('staff').includes('web'));
    assert.ok(!words('staff').includes('thongbao') && words('admin').includes('thongbao'));
    assert.ok(!words('officer').includes('dangky'));
    for (const entries of Object.values(menus))
      for (const e of entries) assert.ok(e.description.length > 0 && e.description.length <= 256);
  });
});

describe('button actions', () => {
  test('encoders and decoders agree; foreign or malformed payloads are refused', () => {
    const { prefix, payload } = splitAction(actions.reportChoice('inc', 12));
    assert.equal(prefix, 'rp');
    assert.deepEqual(decodeBound(payload, REPORT_CHOICES), { choice: 'inc', enterpriseId: 12 });
    assert.deepEqual(decodeBound('ok', REPORT_CHOICES), { choice: 'ok', enterpriseId: null });
    assert.equal(decodeBound('form:12', REPORT_CHOICES), null);
    assert.equal(decodeBound('ok:12:3', REPORT_CHOICES), null);
    assert.deepEqual(decodeIncidentFixed(splitAction(actions.incidentFixed(7, true)).payload), {
      incidentId: 7,
      fixed: true,
    });
    assert.equal(decodeIncidentFixed('7:2'), null);
    for (const a of [actions.reportChoice('ok', 999_999_999), actions.history('X'.repeat(40))])
      assert.ok(Buffer.byteLength(a) <= 64);
  });
});

describe('the incident form table', () => {
  test('every step is in the dialog union once; steps sharing a prefix are the area steps', () => {
    assert.deepEqual(
      FORM.map((s) => s.id),
      [...FORM_STEP_IDS],
    );
    for (const s of FORM) if (s.back) assert.ok(FORM_STEP_IDS.includes(s.back));
    const prefixes = FORM.map((s) => s.prefix);
    assert.deepEqual(
      prefixes.filter((p, i) => prefixes.indexOf(p) !== i),
      ['ia'],
    );
    // Steps that take a typed number as an answer: the name of a place, a count, a description.
    assert.deepEqual(
      FORM.filter((s) => s.typedNumbers === 'value').map((s) => s.id),
      ['area-name', 'affected', 'note'],
    );
  });
});
