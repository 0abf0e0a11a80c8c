/**
 * Property-based fuzzing of every parser that sees outside input, and of the running service: whatever arrives,
 * nothing throws, every result is well formed, and every update gets an answer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq, ne } from 'drizzle-orm';
import fc from 'fast-check';
import type { Update } from 'telegraf/types';
import { parseTelegramUpdate } from '../../src/channels/telegram/parse.ts';
import { MAX_INBOUND_TEXT, parseZaloEvent } from '../../src/channels/zalo/parse.ts';
import { COMMANDS, parseCommand } from '../../src/conversation/commands.ts';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createInvite } from '../../src/db/queries/invites.ts';
import { inboundEvents, reports, SECTORS } from '../../src/db/schema.ts';
import { parseEnterprisesCsv } from '../../src/features/enterprises-import.ts';
import { parseOneLine } from '../../src/features/reports.ts';
import { createQa, type QaResult } from '../../src/qa/index.ts';
import { t } from '../../src/texts/index.ts';
import { settle, telegramUser } from '../helpers/chat.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { callbackUpdate, textUpdate } from '../helpers/telegram-updates.ts';
import { anyText, commandLike, hugeText, jsonish, PROTOTYPE_WORDS, wellFormedText } from './arbitraries.ts';

const RUNS = { numRuns: 200 };

describe('parseOneLine (/baocao <one line>)', () => {
  test('never throws; an incident always carries a trimmed, non-empty note taken from the input', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(300), hugeText(10_000)), (args) => {
        const result = parseOneLine(args);
        assert.ok(['normal', 'incident', 'invalid'].includes(result.status));
        if (result.status === 'incident') {
          assert.ok(result.note.length > 0);
          assert.equal(result.note, result.note.trim());
          assert.ok(args.includes(result.note), 'the note is a piece of what was typed');
        }
      }),
      RUNS,
    );
  });

  const OK_WORDS = [
    'ok',
    'OK',
    'oke',
    'Okay',
    'bình thường',
    'Bình Thường',
    'binh thuong',
    'BT',
    'ổn',
    'ổn định',
    'tốt',
  ];
  test('every "normal" word is recognised, in any case and Unicode form, with surrounding spaces', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OK_WORDS),
        fc.constantFrom('', '.', '!', '.!'),
        fc.constantFrom('NFC', 'NFD') as fc.Arbitrary<'NFC' | 'NFD'>,
        fc.stringMatching(/^[ \t\n]{0,3}$/),
        (word, end, form, pad) => {
          assert.deepEqual(parseOneLine(`${pad}${word}${end}${pad}`.normalize(form)), { status: 'normal' });
        },
      ),
      RUNS,
    );
  });

  const KEYWORDS = ['sự cố', 'Sự Cố', 'su co', 'SỰ CỐ', 'suco', 'sc', 'SC', 'incident'];
  const note = fc
    .tuple(fc.constantFrom(...'aAmMđĐấẦưỮ0123456789('), wellFormedText(80))
    .map(([first, rest]) => `${first}${rest}`.trim());
  const incidentProperty = (form: 'NFC' | 'NFD') =>
    fc.property(
      fc.constantFrom(...KEYWORDS),
      fc.constantFrom(': ', ':', ' - ', ' – ', ' — ', ' ', '  :  '),
      note,
      (keyword, separator, text) => {
        const result = parseOneLine(`${keyword}${separator}${text}`.normalize(form));
        assert.equal(result.status, 'incident');
        assert.equal(result.status === 'incident' && result.note.normalize('NFC'), text.normalize('NFC'));
      },
    );

  test('"sự cố: <note>" keeps the note exactly (precomposed input)', () => {
    fc.assert(incidentProperty('NFC'), RUNS);
  });

  // Unikey's "Unicode tổ hợp" charset types decomposed letters: "sự cố" is 11 UTF-16 units, its folded
  // form "su co" 5; the note comes back whole, in NFC like everything the bot stores.
  test('"sự cố: <note>" keeps the note exactly (decomposed input, as Unikey "Unicode tổ hợp" types it)', () => {
    assert.deepEqual(parseOneLine('sự cố: mất sóng'.normalize('NFD')), {
      status: 'incident',
      note: 'mất sóng',
    });
    fc.assert(incidentProperty('NFD'), RUNS);
  });
});

describe('parseEnterprisesCsv', () => {
  const csvPiece = fc.oneof(
    { arbitrary: anyText(30), weight: 6 },
    {
      arbitrary: fc.constantFrom(',', '"', '""', '\n', '\r\n', '\r', '\uFEFF', ' ', ',,,', '"a,b"'),
      weight: 6,
    },
    {
      arbitrary: fc.constantFrom(
        'postal',
        'telecom',
        'both',
        'Bưu chính',
        'viễn thông',
        'cả hai',
        'VNPT',
        'V-1',
      ),
      weight: 3,
    },
    { arbitrary: hugeText(5_000), weight: 1 },
  );
  const header = fc.constantFrom(
    'name,sector',
    'name,sector,code',
    'Name, Sector, Code',
    '\uFEFFname,sector,code',
    '',
  );
  const csvish = fc
    .tuple(header, fc.constantFrom('\n', '\r\n'), fc.array(csvPiece, { maxLength: 40 }))
    .map(([h, nl, pieces]) => `${h}${nl}${pieces.join('')}`);
  const existing = fc.array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), anyText(5)), {
    maxLength: 5,
  });

  test('never throws; rows or problems, never both; every row is valid and its code unique', () => {
    fc.assert(
      fc.property(fc.oneof(csvish, anyText(500)), existing, (text, codes) => {
        const { rows, problems } = parseEnterprisesCsv(text, codes);
        assert.ok(rows.length === 0 || problems.length === 0, 'a file with problems imports nothing');
        assert.ok(rows.length > 0 || problems.length > 0, 'an empty result always says why');
        const lines = text.split(/\r\n|\r|\n/).length; // the reader ends a record at CRLF, LF or a lone CR
        for (const p of problems) {
          assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines, `line ${p.line} of ${lines}`);
          assert.ok(p.message.length > 0 && p.message.length < 400);
        }
        const taken = new Set(codes.map((c) => c.toUpperCase()));
        for (const row of rows) {
          assert.ok(row.name.length > 0 && row.name.length <= 200 && row.name === row.name.trim());
          assert.ok(![...row.name].some((c) => c < ' ' || c === '\u007f'), 'a name is one printable line');
          assert.ok(SECTORS.includes(row.sector));
          assert.match(row.code, /^[A-Z0-9_-]{1,20}$/);
          assert.ok(!taken.has(row.code), `code ${row.code} is unique`);
          taken.add(row.code);
        }
      }),
      RUNS,
    );
  });

  const quote = (field: string) => (/[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
  const validName = fc
    .tuple(
      fc.constantFrom(...'VBGTNHCAĐƯ'),
      fc.string({ unit: fc.constantFrom(...'abc xyzđươ,"\'-&.()'), maxLength: 60 }),
    )
    .map(([first, rest]) => `${first}${rest}`.trim());
  const validRow = fc.record({
    name: validName,
    sector: fc.constantFrom(
      ['postal', 'postal'],
      ['Bưu chính', 'postal'],
      ['TELECOM', 'telecom'],
      ['viễn thông', 'telecom'],
      ['both', 'both'],
      ['Cả hai', 'both'],
    ),
    // A hyphen keeps explicit codes apart from derived ones (letters and digits only): see the derived-codes test below.
    code: fc.option(fc.stringMatching(/^[A-Z0-9]{0,8}-[A-Z0-9_-]{0,10}$/), { nil: undefined }),
  });

  test('a well-formed file (quotes, commas, BOM, CRLF, blank lines) comes back exactly', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(validRow, { minLength: 1, maxLength: 15, selector: (r) => r.code ?? Symbol() }),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (rows, bom, nl, blankLines) => {
          const lines = [
            'name,sector,code',
            ...rows.map((r) => [quote(r.name), ` ${r.sector[0]} `, r.code ?? ''].join(',')),
          ];
          const text = `${bom ? '\uFEFF' : ''}${lines.join(blankLines ? `${nl}${nl}` : nl)}${nl}`;
          const { rows: parsed, problems } = parseEnterprisesCsv(text);
          assert.deepEqual(problems, []);
          assert.equal(parsed.length, rows.length);
          parsed.forEach((p, i) => {
            const row = rows[i]!;
            assert.equal(p.name, row.name);
            assert.equal(p.sector, row.sector[1]);
            if (row.code) assert.equal(p.code, row.code);
            else assert.match(p.code, /^[A-Z0-9]{1,20}$/, 'a derived code');
            assert.equal(p.line, blankLines ? 2 * i + 3 : i + 2);
          });
          assert.equal(new Set(parsed.map((p) => p.code)).size, parsed.length, 'codes are unique');
        },
      ),
      RUNS,
    );
  });

  test('a sector named like an Object.prototype member ("constructor", "__proto__") is a problem, not a row', {}, () => {
    for (const sector of ['constructor', '__proto__', 'Constructor']) {
      const { rows, problems } = parseEnterprisesCsv(`name,sector\nVNPT Bắc Giang,${sector}\n`);
      assert.deepEqual(rows, [], `sector ${sector}`);
      assert.equal(problems.length, 1);
    }
  });

  test('an explicit code wins over a code derived for an earlier row', {}, () => {
    // Line 2 has no code, so it gets "VPBG"; line 3 asks for "VPBG" explicitly and the whole file is refused.
    const { rows, problems } = parseEnterprisesCsv(
      'name,sector,code\nViettel Post Bắc Giang,postal,\nVNPost Bắc Giang,postal,VPBG\n',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(
      rows.map((r) => r.code),
      ['VPBG2', 'VPBG'],
    );
  });
});

describe('Q&A engine: ask and normalize', () => {
  const qa = createQa();
  const checkResult = (result: QaResult) => {
    assert.ok(['answer', 'suggest', 'out_of_scope'].includes(result.kind));
    assert.ok(typeof result.text === 'string' && result.text.trim().length > 0, 'always says something');
    assert.ok(Number.isFinite(result.confidence) && result.confidence >= 0 && result.confidence <= 1);
    if (result.kind === 'answer') assert.ok(result.id.length > 0);
    if (result.kind === 'suggest') {
      assert.ok(result.suggestions.length > 0);
      for (const s of result.suggestions) assert.ok(s.id.length > 0 && s.question.length > 0);
      assert.ok(
        result.suggestions.every((s) => Buffer.byteLength(`qa:${s.id}`) <= 64),
        'fits callback_data',
      );
    }
  };
  const checkNormalized = (normalized: string) => {
    assert.match(normalized, /^([a-z0-9_]+( [a-z0-9_]+)*)?$/, 'folded ASCII words separated by one space');
  };

  test('never throws and answers well-formed for any Unicode (NUL, lone surrogates, RTL override, marks)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(300), commandLike()), (question) => {
        checkResult(qa.ask(question));
        checkNormalized(qa.normalize(question));
      }),
      RUNS,
    );
  });

  test('10,000-character questions are handled too', () => {
    fc.assert(
      fc.property(hugeText(10_000), (question) => {
        checkResult(qa.ask(question));
        checkNormalized(qa.normalize(question));
      }),
      { numRuns: 8 },
    );
  });

  test('normalize does not depend on Unicode form, case or tone-mark placement', () => {
    fc.assert(
      fc.property(wellFormedText(100), (text) => {
        const n = qa.normalize(text.normalize('NFC'));
        assert.equal(qa.normalize(text.normalize('NFD')), n);
        assert.equal(
          qa.normalize(text.normalize('NFC').toUpperCase().toLowerCase()),
          qa.normalize(text.toLowerCase()),
        );
      }),
      RUNS,
    );
  });

  test('a question containing the word "constructor" is answered like any other', {}, () => {
    for (const question of ['constructor', 'Constructor là gì?', 'hỏi về CONSTRUCTOR của hạn báo cáo']) {
      checkResult(qa.ask(question));
      checkNormalized(qa.normalize(question));
    }
  });

  // The e-mail rewrite /[a-z0-9._%+-]+@.../g restarts at every character of a long run without '@': O(n²).
  test('normalize is linear: a 16,000-character word takes well under 150 ms', {}, () => {
    qa.normalize('warm up');
    const started = performance.now();
    qa.normalize('x'.repeat(16_000));
    const ms = performance.now() - started;
    assert.ok(ms < 150, `took ${ms.toFixed(0)} ms`);
  });
});

describe('parseCommand', () => {
  const names = new Set(Object.values(COMMANDS));
  test('never throws; a result is a known command with trimmed arguments, or an unknown /word', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(100), commandLike(), hugeText(10_000)), (text) => {
        const parsed = parseCommand(text);
        if (parsed === null) return;
        if ('unknown' in parsed) {
          assert.match(parsed.unknown, /^[A-Za-z_]{2,32}$/);
          assert.ok(text.trim().startsWith('/'), 'only a slash makes an unknown word a command');
          assert.ok(!Object.hasOwn(COMMANDS, parsed.unknown.toLowerCase()));
          return;
        }
        assert.ok(names.has(parsed.name));
        assert.equal(COMMANDS[parsed.word], parsed.name);
        assert.equal(parsed.args, parsed.args.trim());
      }),
      RUNS,
    );
  });

  test('every command word is recognised with any case, slash or not, @bot suffix and arguments', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(COMMANDS)),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.stringMatching(/^@[A-Za-z0-9_]{1,20}$/), { nil: '' }),
        fc.option(wellFormedText(80), { nil: undefined }),
        (word, slash, upper, bot, args) => {
          const typed = `${slash ? '/' : ''}${upper ? word.toUpperCase() : word}${bot}${args === undefined ? '' : ` ${args}`}`;
          const parsed = parseCommand(typed);
          assert.deepEqual(parsed, { name: COMMANDS[word], word, args: (args ?? '').trim() });
        },
      ),
      RUNS,
    );
  });

  test('a word naming an Object.prototype member is no command ("constructor" is free text, "/__proto__" unknown)', {}, () => {
    for (const word of PROTOTYPE_WORDS.filter((w) => /^[A-Za-z_]{2,32}$/.test(w))) {
      assert.equal(parseCommand(word), null, word);
      assert.equal(parseCommand(`${word} là gì?`), null, word);
      assert.deepEqual(parseCommand(`/${word}`), { unknown: word });
    }
  });
});

// Telegram only ever sends well-typed updates, so these shapes come from a forged webhook call (which needs the
// secret) or a Bot API change; the parser still must not throw, since a throw aborts the whole update handler.
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: arb, weight: 4 }, { arbitrary: jsonish, weight: 1 }, fc.constant(undefined));
const userShape = fc.record(
  {
    id: maybe(fc.integer()),
    is_bot: fc.boolean(),
    first_name: maybe(anyText(40)),
    last_name: maybe(anyText(40)),
    username: maybe(fc.stringMatching(/^[A-Za-z0-9_]{0,32}$/)),
  },
  { requiredKeys: [] },
);
const chatShape = fc.record(
  { id: maybe(fc.integer()), type: maybe(fc.constantFrom('private', 'group')) },
  {
    requiredKeys: [],
  },
);
const messageShape = fc.record(
  {
    message_id: maybe(fc.nat()),
    date: maybe(fc.nat()),
    chat: maybe(chatShape),
    from: maybe(userShape),
    text: maybe(fc.oneof(anyText(300), hugeText(9_000))),
  },
  { requiredKeys: [] },
);
const callbackShape = fc.record(
  {
    id: maybe(fc.string({ maxLength: 20 })),
    from: maybe(userShape),
    message: maybe(messageShape),
    chat_instance: maybe(fc.string({ maxLength: 20 })),
    data: maybe(anyText(100)),
  },
  { requiredKeys: [] },
);
const updateShape = fc.oneof(
  fc.record(
    { update_id: maybe(fc.nat()), message: maybe(messageShape), callback_query: maybe(callbackShape) },
    { requiredKeys: [] },
  ),
  fc.record(
    { update_id: fc.nat(), edited_message: messageShape, my_chat_member: jsonish },
    { requiredKeys: [] },
  ),
  jsonish,
);

/** Well typed, random content: the updates Telegram really sends. */
const realUser = fc.record({
  id: fc.integer({ min: 1, max: 2 ** 40 }),
  is_bot: fc.constant(false),
  first_name: anyText(80),
  last_name: fc.option(anyText(40), { nil: undefined }),
  username: fc.option(fc.stringMatching(/^[A-Za-z0-9_]{5,32}$/), { nil: undefined }),
});
const realUpdate = fc.oneof(
  fc.record({
    update_id: fc.nat(),
    message: fc.record({
      message_id: fc.nat(),
      date: fc.nat(),
      chat: fc.record({ id: fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), type: fc.constant('private') }),
      from: realUser,
      text: fc.option(fc.oneof(anyText(300), hugeText(9_000)), { nil: undefined }),
    }),
  }),
  fc.record({
    update_id: fc.nat(),
    callback_query: fc.record({
      id: fc.string({ minLength: 1, maxLength: 20 }),
      from: realUser,
      chat_instance: fc.string({ maxLength: 20 }),
      data: fc.option(anyText(100), { nil: undefined }),
    }),
  }),
);

function checkParsedUpdate(update: unknown, parsed: ReturnType<typeof parseTelegramUpdate>): void {
  if (parsed === null) return;
  assert.equal(typeof parsed.eventKey, 'string');
  const m = parsed.message;
  assert.equal(m.channel, 'telegram');
  assert.match(m.chatId, /^-?\d+$/, `chatId of ${JSON.stringify(update)?.slice(0, 300)}`);
  assert.match(m.userId, /^-?\d+$/);
  assert.ok(typeof m.displayName === 'string' && m.displayName.length > 0 && m.displayName.length <= 200);
  if (m.text !== undefined) assert.ok(typeof m.text === 'string' && m.text.length <= 8000);
  if (parsed.callbackQueryId !== undefined) {
    assert.ok(typeof m.action === 'string' && m.action.length > 0 && m.action.length <= 64);
  }
}

describe('parseTelegramUpdate (Telegram)', () => {
  test('real-shaped updates with random content parse into a well-formed message', () => {
    fc.assert(
      fc.property(realUpdate, (update) => {
        const parsed = parseTelegramUpdate(update as Update);
        assert.ok(parsed, 'a message or a button tap is never dropped');
        checkParsedUpdate(update, parsed);
        if ('message' in update) {
          const text = update.message.text;
          assert.equal(parsed.message.text, text === undefined ? undefined : text.slice(0, 8000));
          assert.equal(parsed.message.chatId, String(update.message.chat.id));
        } else {
          const data = update.callback_query.data;
          assert.equal(parsed.message.action, data ? data.slice(0, 64) : 'invalid');
          assert.equal(parsed.callbackQueryId, update.callback_query.id);
        }
      }),
      RUNS,
    );
  });

  test('malformed updates (wrong types, missing fields) never throw and yield null or a well-formed message', {}, () => {
    for (const bad of [
      { update_id: 1, callback_query: {} },
      { update_id: 2, callback_query: { id: 'q', from: { id: 1 }, message: {} } },
      { update_id: 3, message: { chat: { id: 1 }, from: { id: 1, username: 5 } } },
      { update_id: 4, message: { chat: true, from: true } },
    ]) {
      assert.doesNotThrow(
        () => checkParsedUpdate(bad, parseTelegramUpdate(bad as unknown as Update)),
        JSON.stringify(bad),
      );
    }
    fc.assert(
      fc.property(updateShape, (update) => checkParsedUpdate(update, parseTelegramUpdate(update as Update))),
      RUNS,
    );
  });
});

describe('parseZaloEvent', () => {
  const zaloShape = fc.record(
    {
      event_name: maybe(
        fc.constantFrom(
          'user_send_text',
          'user_send_image',
          'user_send_sticker',
          'follow',
          'unfollow',
          'oa_send_text',
        ),
      ),
      app_id: maybe(fc.string()),
      timestamp: maybe(fc.oneof(fc.nat().map(String), fc.nat())),
      sender: maybe(fc.record({ id: maybe(fc.string({ maxLength: 20 })) }, { requiredKeys: [] })),
      follower: maybe(fc.record({ id: maybe(fc.string({ maxLength: 20 })) }, { requiredKeys: [] })),
      message: maybe(
        fc.record(
          {
            msg_id: maybe(fc.string({ maxLength: 20 })),
            text: maybe(
              fc.oneof(
                anyText(300),
                hugeText(10_000),
                anyText(64).map((t) => `#${t}`),
              ),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  );

  test('never throws; a message, follow, unfollow or ignored event, each well formed', () => {
    fc.assert(
      fc.property(fc.oneof(zaloShape, jsonish), (body) => {
        const event = parseZaloEvent(body);
        switch (event.kind) {
          case 'message':
            assert.ok(event.key.length > 0 && event.userId.length > 0);
            assert.ok(event.text.length <= MAX_INBOUND_TEXT);
            assert.equal(event.text, event.text.trim());
            assert.doesNotMatch(event.text, /[\ud800-\udbff]$/, 'no half emoji at a cut');
            if (event.action !== undefined) assert.match(event.action, /^[\x20-\x7e]{1,64}$/);
            break;
          case 'follow':
          case 'unfollow':
            assert.match(event.key, /^[0-9a-f]{64}$/);
            assert.ok(event.userId.length > 0);
            break;
          case 'ignored':
            assert.ok(event.reason.length > 0 && event.reason.length <= 100);
            break;
          default:
            assert.fail(`unexpected kind ${JSON.stringify(event)}`);
        }
      }),
      RUNS,
    );
  });
});

describe('the running service under random input (Telegram polling)', () => {
  let fake: FakeTelegram;
  let svc: TestService;
  const db = () => svc.service.database.db;

  before(async () => {
    fake = await startFakeTelegram({ botUsername: 'tet_fuzz_bot' });
    svc = await startTestService({
      env: telegramEnv(fake),
    });
    const [enterprise] = await insertEnterprises(db(), [
      { code: 'VTBG', name: 'Viettel Bắc Giang', sector: 'telecom' },
    ]);
    const { code } = await createInvite(db(), {
      role: 'officer',
      enterpriseId: enterprise!.id,
      expiresAt: new Date(Date.now() + 86400_000),
      maxUses: 1,
    });
    assert.match(await users.officer.sayText(`/dangky ${code}`), /Đăng ký thành công/);
  });

  after(async () => {
    await svc?.stop();
    await fake?.close();
  });

  const users = {
    get officer() {
      return telegramUser({ fake, db, chatId: 7001, firstName: 'Cán bộ trực' });
    },
    get stranger() {
      return telegramUser({ fake, db, chatId: 7002, firstName: 'Khách' });
    },
  };

  // Report commands and the reminder's rm: buttons are left out: they are the legitimate ways to store a report.
  const REPORT_WORDS = new Set(Object.keys(COMMANDS).filter((w) => COMMANDS[w] === 'report'));
  const textArb = fc.oneof(
    { arbitrary: wellFormedText(300), weight: 5 },
    { arbitrary: commandLike(Object.keys(COMMANDS).filter((w) => !REPORT_WORDS.has(w))), weight: 4 },
    { arbitrary: fc.integer({ min: 0, max: 12 }).map(String), weight: 2 },
    { arbitrary: fc.integer({ min: 3_990, max: 4_500 }).map((n) => 'ư'.repeat(n)), weight: 1 },
  );
  const PREFIXES = ['rp', 'rm', 'ik', 'ia', 'if', 'io', 'in', 'st', 'fx', 'qa', 'vb', 'cancel', 'zz', ''];
  const dataArb = fc
    .oneof(
      fc.string({ unit: 'grapheme-ascii', maxLength: 64 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc
        .tuple(fc.constantFrom(...PREFIXES), fc.oneof(fc.string({ maxLength: 20 }), fc.nat().map(String)))
        .map(([p, rest]) => `${p}:${rest}`),
      fc.tuple(fc.nat({ max: 50 }), fc.constantFrom('0', '1', '2', '')).map(([id, a]) => `fx:${id}:${a}`),
    )
    // rm:form opens the report dialog, where a typed "1" means rp:ok.
    .filter((d) => !/^rm:(ok|form)(:\d+)?$/.test(d));
  const eventArb = fc.record({
    who: fc.constantFrom('officer', 'stranger') as fc.Arbitrary<'officer' | 'stranger'>,
    tap: fc.boolean(),
    text: textArb,
    data: dataArb,
  });

  test('~60 random messages and button taps: each gets a reply, none stays pending, no report is stored', async () => {
    let delivered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { minLength: 20, maxLength: 20 }), async (events) => {
        for (const e of events) {
          const user = users[e.who];
          const replies = e.tap ? await user.tap(e.data) : await user.say(e.text);
          delivered++;
          assert.ok(replies.length >= 1, `a reply to ${e.who} ${e.tap ? `tap ${e.data}` : `text ${e.text}`}`);
          assert.ok(
            replies.every((r) => r.text.trim().length > 0 && r.text !== t.internalError),
            'no empty message, no internal error',
          );
        }
      }),
      { numRuns: 3, endOnFailure: true },
    );
    assert.equal(delivered, 60);
    const [notDone] = await db()
      .select({ n: count() })
      .from(inboundEvents)
      .where(ne(inboundEvents.status, 'done'));
    assert.equal(notDone!.n, 0, 'every inbound event is done (none pending or failed)');
    const [stored] = await db().select({ n: count() }).from(reports);
    assert.equal(stored!.n, 0, 'random input stored no report');
  });

  // Telegram callback data can be forged with a modified client, and on Zalo any text "#<action>" is an action.
  test('button data and words naming Object.prototype members get an ordinary reply', {}, async () => {
    const chatId = 7002;
    const problems: string[] = [];
    const cases: [string, Update][] = [
      ...['toString', '__proto__', 'constructor:1', 'valueOf'].map((data): [string, Update] => [
        `tap ${data}`,
        callbackUpdate({ chatId, data }),
      ]),
      ['text "hỏi về constructor"', textUpdate({ chatId, text: 'hỏi về constructor' })],
    ];
    for (const [label, update] of cases) {
      const before = fake.sentTo(chatId).length;
      fake.pushUpdate(update);
      await fake
        .waitForSent((m) => m.chatId === chatId && fake.sentTo(chatId).length > before, 1_500)
        .catch(() => undefined);
      await settle(db());
      const replies = fake
        .sentTo(chatId)
        .slice(before)
        .map((m) => m.text);
      const [event] = await db()
        .select()
        .from(inboundEvents)
        .where(eq(inboundEvents.eventKey, String(update.update_id)));
      if (replies.length === 0) problems.push(`${label}: no reply`);
      else if (replies.some((r) => r === t.internalError)) problems.push(`${label}: internal error`);
      if (event?.status !== 'done') problems.push(`${label}: event ${event?.status} (${event?.lastError})`);
    }
    assert.deepEqual(problems, []);
  });
});
