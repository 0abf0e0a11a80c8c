/**
 * A bare typed number in the incident form: where a step asks for a value (how many affected, a description) it is
 * that value, never the n-th button shown with the question; where a step only offers choices it picks one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { incidents, reports } from '../../src/db/schema.ts';
import { AFFECTED_CHOICES, kindsForSector } from '../../src/features/incident-kinds.ts';
import { t } from '../../src/texts/index.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';
import { actionsOf, type Participant, type TestChat, testChat } from '../helpers/test-chat.ts';

describe('a typed small number inside the incident form', () => {
  let database: OpenTestDatabase;
  let chat: TestChat;

  before(async () => {
    database = await openTestDatabase();
    chat = await testChat(database, {
      enterprises: [
        { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' },
        { code: 'VNPT', name: 'VNPT Bắc Giang', sector: 'telecom' },
      ],
      people: [
        { name: 'An', role: 'officer', enterprise: 'VIETTEL' },
        { name: 'Chi', role: 'officer', enterprise: 'VNPT' },
        { name: 'Bình', role: 'staff' },
      ],
    });
  });

  after(async () => {
    await chat.close();
    await database.dispose();
  });

  const latestIncident = async (code: string) => {
    const [row] = await chat.db
      .select()
      .from(incidents)
      .where(eq(incidents.enterpriseId, chat.enterprises[code]!.id))
      .orderBy(desc(incidents.id))
      .limit(1);
    return row;
  };

  /** /baocao, "Có sự cố", then the form up to the "how many affected" question. */
  async function upToAffected(officer: Participant, kind: string) {
    const [ask] = await officer.say('/baocao');
    const incident = actionsOf(ask).find((a) => a.startsWith('rp:inc'));
    assert.ok(incident, `an incident button: ${JSON.stringify(actionsOf(ask))}`);
    const [kinds] = await officer.tap(incident);
    assert.equal(kinds!.text, t.askKind);
    // A step that only offers choices: the typed number picks the button with that number.
    const [area] = await officer.say(kind);
    assert.equal(area!.text, t.askArea);
    const [affected] = await officer.press('Toàn tỉnh');
    assert.equal(affected!.text, t.askAffected);
    return affected!;
  }

  test('"3" to "how many affected" records 3, not the third range; "1" as the description records "1"', async () => {
    const officer = chat.as('An');
    const affected = await upToAffected(officer, '3');
    // The question offers the ranges as buttons, so "3" could be mistaken for the third one ("101–1.000").
    assert.equal(affected.buttons?.[2]?.label, AFFECTED_CHOICES[2]!.label);
    const [ongoing] = await officer.say('3');
    assert.equal(ongoing!.text, t.askOngoing, 'the count is taken and the form goes on');
    // "1" here is a choice again: the first button, "still being handled".
    const [note] = await officer.say('1');
    assert.equal(note!.text, t.askNote);
    assert.ok(
      actionsOf(note).some((a) => a.endsWith(':skip')),
      'the description can be skipped by a button',
    );
    const receipt = await officer.sayText('1');
    assert.match(receipt, /Có sự cố — .* \(đang xử lý\)/);

    const incident = await latestIncident('VIETTEL');
    assert.ok(incident);
    assert.equal(
      incident.kind,
      kindsForSector('telecom')[2]!.id,
      '"3" at the kind step picks the third kind',
    );
    assert.equal(incident.area, 'Toàn tỉnh');
    assert.equal(incident.scaleCount, 3);
    assert.equal(incident.scaleBucket, null);
    assert.equal(incident.description, '1', 'the description typed, not "skip"');
    assert.equal(incident.resolvedAt, null);
    const [report] = await chat.db.select().from(reports).where(eq(reports.id, incident.reportId!));
    assert.equal(report!.note, '1');
  });

  test('"1" to "how many affected" is one, not the first range; "2" as the description is "2"', async () => {
    const officer = chat.as('Chi');
    await upToAffected(officer, '1');
    const [ongoing] = await officer.say('1');
    assert.equal(ongoing!.text, t.askOngoing);
    // "2": the second button, "resolved".
    const [note] = await officer.say('2');
    assert.equal(note!.text, t.askNote);
    assert.match(await officer.sayText('2'), /Có sự cố — .* \(đã khắc phục\)/);

    const incident = await latestIncident('VNPT');
    assert.ok(incident);
    assert.equal(incident.kind, kindsForSector('telecom')[0]!.id);
    assert.equal(incident.scaleCount, 1);
    assert.equal(incident.scaleBucket, null);
    assert.equal(incident.description, '2');
    assert.notEqual(incident.resolvedAt, null);
  });
});
