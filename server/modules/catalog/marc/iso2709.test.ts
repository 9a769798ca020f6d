import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { parseIso2709Record } from './iso2709.ts';
import type { ReadItem } from './record.ts';
import { fieldLines, handMade, rawRecord, utf8 } from './test-support.ts';
import { toIso2709 } from './writer.ts';

const UTF8_LEADER = '00000nam a2200000   4500';
const good = () =>
  rawRecord([
    ['001', 'rec1'],
    ['245', '10\x1faTitle\x1fbrest'],
    ['650', ' 0\x1faSubject'],
  ]);
const GOOD_LINES = ['001 rec1', '245 10 $aTitle$brest', '650  0 $aSubject'];

function patch(bytes: Buffer, at: number, text: string): Buffer {
  const copy = Buffer.from(bytes);
  copy.write(text, at, 'latin1');
  return copy;
}

type Case = {
  name: string;
  bytes: () => Uint8Array;
  lines?: string[];
  /** Expected warnings (each must match one warning), or none at all when omitted. */
  warnings?: RegExp[];
  /** Set when the record must be rejected. */
  error?: RegExp;
};

const cases: Case[] = [
  { name: 'a valid record', bytes: good, lines: GOOD_LINES },
  {
    name: 'leader record length larger than the record',
    bytes: () => patch(good(), 0, '00999'),
    lines: GOOD_LINES,
    warnings: [/leader says 999 bytes but the record terminator ends the record at \d+: used the terminator/],
  },
  {
    name: 'leader record length not numeric',
    bytes: () => patch(good(), 0, '0x1?3'),
    lines: GOOD_LINES,
    warnings: [/leader record length "0x1\?3" is not numeric/],
  },
  {
    name: 'base address pointing into the directory',
    bytes: () => patch(good(), 12, '00040'),
    lines: GOOD_LINES,
    warnings: [/base address 40; the directory ends at 60: used 61/],
  },
  {
    name: 'non-numeric directory length: fields read by their terminators',
    bytes: () => handMade(['001000500000', '245x01700005'], 'rec1\x1e10\x1faTitle\x1fbrest\x1e'),
    lines: ['001 rec1', '245 10 $aTitle$brest'],
    warnings: [/directory lengths\/offsets disagree with the field terminators: read the 2 fields/],
  },
  {
    name: 'directory entry pointing outside the record',
    bytes: () =>
      handMade(['001000500000', '245001700005', '650001299999'], 'rec1\x1e10\x1faTitle\x1fbrest\x1e'),
    lines: ['001 rec1', '245 10 $aTitle$brest'],
    warnings: [/directory entry 3 \("650"\) points outside the record \(start 99999/],
  },
  {
    name: 'directory length wrong, terminator right',
    bytes: () => handMade(['001000500000', '245009900005', '650000300099'], 'rec1\x1e10\x1faTitle\x1e'),
    lines: ['001 rec1', '245 10 $aTitle'],
    warnings: [
      /entry 2 \("245"\) says 99 bytes but its field terminator makes it 10/,
      /entry 3 .* points outside/,
    ],
  },
  {
    name: 'missing field terminator on the last field',
    bytes: () => handMade(['001000500000', '245001700005'], 'rec1\x1e10\x1faTitle\x1fbrest'),
    lines: ['001 rec1', '245 10 $aTitle$brest'],
    warnings: [/read the 2 fields by their terminators \(the last field has no terminator\)/],
  },
  {
    name: 'missing field terminator between fields',
    bytes: () => handMade(['001000400000', '245001700004'], 'rec110\x1faTitle\x1fbrest\x1e'),
    lines: ['001 rec1', '245 10 $aTitle$brest'],
    warnings: [/directory entry 1 \("001"\) has no field terminator/],
  },
  {
    name: 'directory not a multiple of 12 bytes',
    bytes: () => handMade(['001000500000', '2450017000'], 'rec1\x1e'),
    lines: ['001 rec1'],
    warnings: [/directory is 22 bytes, not a multiple of 12/],
  },
  {
    name: 'invalid indicators are repaired to blank',
    bytes: () =>
      rawRecord([
        ['245', '1\x01\x1faTitle'],
        ['650', 'X0\x1faSubject'],
      ]),
    lines: ['245 1  $aTitle', '650  0 $aSubject'],
    warnings: [
      /field 245 has invalid indicators "1\\u0001": set to blank/,
      /field 650 has invalid indicators "X0"/,
    ],
  },
  {
    name: 'missing indicators',
    bytes: () => rawRecord([['245', '\x1faTitle']]),
    lines: ['245    $aTitle'],
    warnings: [/field 245 is missing its indicators: set to blank/],
  },
  {
    name: 'empty subfield and stray bytes before the first subfield',
    bytes: () => rawRecord([['245', '10xy\x1f\x1faTitle']]),
    lines: ['245 10 $aTitle'],
    warnings: [/2 stray character\(s\) before the first subfield/, /empty subfield/],
  },
  {
    name: 'empty data field is dropped',
    bytes: () =>
      rawRecord([
        ['001', 'x'],
        ['245', ''],
      ]),
    lines: ['001 x'],
    warnings: [/field 245 is empty: dropped/],
  },
  {
    name: 'data field without subfield delimiters is dropped',
    bytes: () =>
      rawRecord([
        ['001', 'x'],
        ['245', '10 just text'],
      ]),
    lines: ['001 x'],
    warnings: [/field 245 has no subfields, only text "10 just text": field dropped/],
  },
  {
    name: 'non-alphanumeric tag',
    bytes: () =>
      rawRecord([
        ['001', 'x'],
        ['2\x014', '10\x1faT'],
      ]),
    lines: ['001 x'],
    warnings: [/invalid tag "2\\u00014": field dropped/],
  },
  {
    name: 'control field with subfields (danMARC style) is read as a data field',
    bytes: () => rawRecord([['001', '00\x1faD000015937']]),
    lines: ['001 00 $aD000015937'],
    warnings: [/control field 001 has indicators and subfields: read as a data field/],
  },
  {
    name: 'invalid UTF-8 is replaced with U+FFFD and reported',
    bytes: () => rawRecord([['245', Buffer.from([0x31, 0x30, 0x1f, 0x61, 0x43, 0xff, 0x65])]], UTF8_LEADER),
    lines: ['245 10 $aC\ufffde'],
    warnings: [/invalid UTF-8 in field 245: bad sequences replaced with U\+FFFD/],
  },
  {
    name: 'UTF-8 in a record whose leader says MARC-8',
    bytes: () => rawRecord([['245', utf8('10\x1faKönigin von Saba')]]),
    lines: ['245 10 $aKönigin von Saba'],
    warnings: [/leader\/09 says MARC-8 but the data is valid UTF-8: read as UTF-8/],
  },
  {
    name: 'Latin-1 in a record whose leader says MARC-8',
    bytes: () => rawRecord([['245', '10\x1faCaf\xe9 cr\xe8me']]),
    lines: ['245 10 $aCafé crème'],
    warnings: [/look like Latin-1\/Windows-1252: read as Windows-1252/],
  },
  {
    name: 'MARC-8 diacritics precede the letter and come out as NFC',
    bytes: () => rawRecord([['245', '10\x1faK\xe8onigin, \xe2ecole \xa2resund']]),
    lines: ['245 10 $aKönigin, école Øresund'],
  },
  {
    name: 'NFD UTF-8 is normalised; a mark after a subfield code is not composed with the code',
    bytes: () => rawRecord([['245', utf8('10\x1faKo\u0308nig\x1fb\u0301x')]], UTF8_LEADER),
    lines: ['245 10 $aKönig$b\u0301x'],
  },
  {
    name: 'leader with non-printable bytes',
    bytes: () => patch(good(), 6, '\x00'),
    lines: GOOD_LINES,
    warnings: [/leader has non-printable bytes, replaced with blanks/],
  },
  {
    name: 'record shorter than a leader',
    bytes: () => Buffer.from('00010nam\x1d'),
    error: /too short for a leader/,
  },
  {
    name: 'no directory terminator',
    bytes: () => Buffer.from('00040nam  2200025   4500001000500000rec1\x1d', 'latin1'),
    error: /no directory terminator/,
  },
  {
    name: 'nothing usable',
    bytes: () => handMade(['2\x01' + '4' + '0005' + '00000'], 'abcd\x1e'),
    error: /no usable fields \(directory has an invalid tag/,
  },
];

describe('parseIso2709Record — defects', () => {
  it.each(cases)('$name', ({ bytes, lines, warnings, error }) => {
    const item = parseIso2709Record(bytes(), { recordNumber: 7, byteOffset: 1234 });
    if (error) {
      expect(item.kind).toBe('error');
      const problem = (item as Extract<ReadItem, { kind: 'error' }>).problem;
      expect(problem).toMatchObject({ recordNumber: 7, byteOffset: 1234 });
      expect(problem.recovered).toBeUndefined();
      expect(problem.reason).toMatch(error);
      return;
    }
    if (item.kind !== 'record') throw new Error(`rejected: ${item.problem.reason}`);
    expect(fieldLines(item.record)).toEqual(lines);
    const reasons = item.warnings.map((w) => w.reason);
    if (!warnings) expect(reasons).toEqual([]);
    for (const pattern of warnings ?? [])
      expect(
        reasons.some((r) => pattern.test(r)),
        `${pattern} in ${reasons}`,
      ).toBe(true);
    for (const w of item.warnings)
      expect(w).toMatchObject({ recordNumber: 7, byteOffset: 1234, recovered: true });
  });
});

describe('parseIso2709Record — behaviour', () => {
  it('sets leader/09 to "a" since the text is Unicode, and keeps the rest of the leader', () => {
    const item = parseIso2709Record(good());
    expect(item.kind === 'record' && item.record.leader).toBe('00095nam a2200061   4500');
  });

  it('round-trips through toIso2709 (UTF-8, lengths recomputed)', () => {
    const item = parseIso2709Record(
      rawRecord(
        [
          ['001', 'x'],
          ['245', utf8('10\x1faΣοφία\x1fc李白')],
        ],
        UTF8_LEADER,
      ),
    );
    if (item.kind !== 'record') throw new Error('rejected');
    const again = parseIso2709Record(toIso2709(item.record));
    expect(again).toMatchObject({ kind: 'record', record: item.record, warnings: [] });
  });

  it('caps the warnings kept for one record', () => {
    const fields: [string, string][] = Array.from({ length: 60 }, () => ['245', '!!\x1faT']);
    const item = parseIso2709Record(rawRecord(fields));
    if (item.kind !== 'record') throw new Error('rejected');
    expect(item.warnings).toHaveLength(21);
    expect(item.warnings[20]?.reason).toBe('40 more warnings not shown');
  });

  it('can force an encoding', () => {
    const bytes = rawRecord([['245', '10\x1faCaf\xe9']], UTF8_LEADER);
    const item = parseIso2709Record(bytes, { encoding: 'windows-1252' });
    expect(item.kind === 'record' && fieldLines(item.record)).toEqual(['245 10 $aCafé']);
  });

  it('reads a field far longer than the directory can say (10 MB)', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const bytes = handMade(
      ['001000500000', '245999900005', '500001099999'],
      `rec1\x1e10\x1fa${big}\x1e 0\x1faNote\x1e`,
      {
        length: '99999',
      },
    );
    const item = parseIso2709Record(bytes);
    if (item.kind !== 'record') throw new Error(item.problem.reason);
    expect(item.record.fields.map((f) => f.tag)).toEqual(['001', '245', '500']);
    expect(fieldLines(item.record)[1]).toHaveLength(big.length + 9);
    expect(fieldLines(item.record)[2]).toBe('500  0 $aNote');
  });
});

describe('parseIso2709Record — a field terminator inside a field', () => {
  it('reads the field by its directory length, with its warnings once', () => {
    // 245 is 11 bytes by the directory and ends with 0x1E, but holds another 0x1E inside.
    const bytes = handMade(['001000500000', '245001100005'], 'rec1\x1e!!\x1faTi\x1etle\x1e');
    const item = parseIso2709Record(bytes);
    if (item.kind !== 'record') throw new Error(item.problem.reason);
    expect(fieldLines(item.record)).toEqual(['001 rec1', '245    $aTi\x1etle']);
    expect(item.warnings.map((w) => w.reason)).toEqual([
      'field 245 has invalid indicators "!!": set to blank',
    ]);
  });
});
