/** fast-check generators of hostile input shared by the robustness tests. */
import fc from 'fast-check';
import { COMMANDS } from '../../src/conversation/commands.ts';

/** Characters that break naive text handling: NUL, C0 controls, bidi overrides, combining marks, BOM, emoji. */
const NASTY_CHARS = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ufffd',
  '\u0301',
  '\u0323',
  '\u0309',
  'đ',
  'Đ',
  'ư',
  'ơ',
  'ạ',
  'ễ',
  '🧧',
  '👨‍👩‍👧',
  '𝕋',
  '\r',
  '\n',
  '\t',
  ' ',
  '"',
  "'",
  ',',
  '/',
  '\\',
  ':',
  '#',
  '@',
  '%',
  '$',
  '{',
  '<',
];

/** One UTF-16 code unit of the surrogate range: on its own it is not valid Unicode. */
export const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** A text unit: printable ASCII, any code point, Vietnamese letters or a nasty character. */
const wellFormedUnit = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: fc.constantFrom(...'ăâêôơưđáàảãạấầẩẫậéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ'), weight: 2 },
  { arbitrary: fc.constantFrom(...NASTY_CHARS), weight: 2 },
);

/** Valid Unicode (no lone surrogates) with every kind of oddity. */
export const wellFormedText = (maxLength = 200) => fc.string({ unit: wellFormedUnit, maxLength });

/** Like wellFormedText, plus lone surrogates. */
export const anyText = (maxLength = 200) =>
  fc.string({ unit: fc.oneof({ arbitrary: wellFormedUnit, weight: 10 }, loneSurrogate), maxLength });

/** Very long strings built from a repeated chunk, up to `max` characters. */
export const hugeText = (max = 10_000) =>
  fc
    .tuple(anyText(20), fc.integer({ min: 1_000, max }))
    .map(([chunk, n]) => (chunk || 'x').repeat(Math.ceil(n / (chunk.length || 1))).slice(0, n));

const COMMAND_WORDS = Object.keys(COMMANDS);

/**
 * Names every plain object inherits ('constructor', '__proto__', 'toString'…). fast-check slips some of them into
 * generated strings on purpose; lookups like `TABLE[word]` mistake them for entries.
 */
export const PROTOTYPE_WORDS = Object.getOwnPropertyNames(Object.prototype);
const PROTOTYPE_LOWER = PROTOTYPE_WORDS.map((w) => w.toLowerCase());

/** True when a text contains one of PROTOTYPE_WORDS (any case): the generators of passing properties skip them. */
export const mentionsPrototype = (text: string): boolean => {
  const lower = text.toLowerCase();
  return PROTOTYPE_LOWER.some((w) => lower.includes(w));
};

/** Text that looks like a command: a known or unknown word, with or without slash, @bot and arguments. */
export const commandLike = (words: readonly string[] = COMMAND_WORDS) =>
  fc
    .tuple(
      fc.constantFrom('/', '', ' /', '/ '),
      fc.oneof(fc.constantFrom(...words), fc.stringMatching(/^[A-Za-z_]{1,34}$/)),
      fc.option(fc.stringMatching(/^@[A-Za-z0-9_]{0,20}$/), { nil: '' }),
      fc.option(fc.tuple(fc.constantFrom(' ', '\n', '\t', '  '), wellFormedText(60)), { nil: undefined }),
    )
    .map(([slash, word, bot, args]) => `${slash}${word}${bot}${args ? args.join('') : ''}`);

/** Arbitrary JSON-ish values, including the wrong types where a parser expects objects, numbers or strings. */
export const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, Number.NaN, Number.POSITIVE_INFINITY),
    anyText(30),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;
