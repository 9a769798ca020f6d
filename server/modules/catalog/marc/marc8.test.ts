import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { parseIso2709Record } from './iso2709.ts';
import { Marc8Decoder } from './marc8.ts';
import { fieldLines, rawRecord } from './test-support.ts';

const ESC = '\x1b';

function decode(text: string): { value: string; issues: string[] } {
  const decoder = new Marc8Decoder();
  const bytes = Buffer.from(text, 'latin1');
  const value = decoder.decode(bytes, 0, bytes.length);
  return { value, issues: decoder.takeIssues().map((i) => `${i.kind} 0x${i.byte.toString(16)}`) };
}

const cases: [name: string, marc8: string, unicode: string][] = [
  ['plain ASCII', 'Hello, world', 'Hello, world'],
  ['ANSEL special letters', '\xa1\xa2\xb1\xb2\xb5\xc3\xc7', 'ŁØłøæ©ß'],
  ['a combining mark precedes its letter in MARC-8 and follows it in Unicode', 'caf\xe2e', 'cafe\u0301'],
  ['two marks on one letter keep their order', '\xe3\xe2a', 'a\u0302\u0301'],
  ['ligature halves: only the first maps to Unicode', '\xebt\xecs', 't\u0361s'],
  ['double tilde halves', '\xfan\xfbg', 'n\u0360g'],
  ['C1 non-sort markers', '\x88The \x89Title', '\u0098The \u009cTitle'],
  ['Greek in G0 (ESC ( S), back to ASCII', `${ESC}(S\x61\x62${ESC}(B abc`, 'αβ abc'],
  ['basic Cyrillic in G1 (ESC ) N)', `${ESC})N\xe0\xe2\xe1`, 'ЮБА'],
  ['basic Cyrillic in G0', `${ESC}(N\x4d\x49\x52${ESC}(B!`, 'мир!'],
  ['extended Cyrillic in G1 (ESC ) Q)', `${ESC})Q\xc0`, 'ґ'],
  ['Hebrew in G0: vowel points precede the letter', `${ESC}(2\x40\x60${ESC}(B`, '\u05d0\u05b7'],
  ['basic Arabic in G0', `${ESC}(3\x47\x48${ESC}(B`, 'اب'],
  ['extended Arabic in G1 (ESC ) 4)', `${ESC})4\xa1`, '\u06fd'],
  ['EACC (ESC $ 1), three bytes per character', `${ESC}$1\x21\x30\x21\x21\x30\x22${ESC}(B.`, '一丁.'],
  ['EACC with a space between characters', `${ESC}$1\x21\x30\x21 \x21\x30\x22`, '一 丁'],
  ['subscripts (ESC b … ESC s)', `H${ESC}b2${ESC}sO`, 'H₂O'],
  ['superscripts (ESC p … ESC s)', `x${ESC}p2${ESC}s`, 'x²'],
  ['Greek symbols (ESC g … ESC s)', `${ESC}gabc${ESC}s`, 'αβγ'],
  [
    'ANSEL designated into G0 (ESC ( ! E); a mark waits across an escape',
    `${ESC}(!E\x62${ESC}(Be`,
    'e\u0301',
  ],
  ['a mark with no letter after it stays at the end', 'abc\xe2', 'abc\u0301'],
];

describe('Marc8Decoder', () => {
  it.each(cases)('%s', (_name, marc8, unicode) => {
    expect(decode(marc8)).toEqual({ value: unicode, issues: [] });
  });

  it('replaces an unmapped byte with U+FFFD and reports it', () => {
    expect(decode('a\xc9b')).toEqual({ value: 'a\ufffdb', issues: ['unmapped 0xc9'] });
  });

  it('reports an unknown escape sequence and skips it', () => {
    expect(decode(`a${ESC}(Zb`)).toEqual({ value: 'ab', issues: ['escape 0x5a'] });
    expect(decode(`a${ESC}Qb`).issues).toEqual(['escape 0x51']);
  });

  it('a truncated EACC character at the end is reported', () => {
    expect(decode(`${ESC}$1\x21\x30`)).toEqual({ value: '\ufffd', issues: ['unmapped 0x21'] });
  });

  it('keeps subfield delimiters and codes as they are, and marks inside their subfield', () => {
    expect(decode(`a\xe2\x1fb${ESC}$1\x21\x30\x21\x1fc\x21\x30\x22`)).toEqual({
      value: 'a\u0301\x1fb一\x1fc丁',
      issues: [],
    });
  });
});

describe('MARC-8 in records', () => {
  it('designations carry across subfields of a field and reset at the next field', () => {
    const item = parseIso2709Record(
      rawRecord([
        ['245', `10\x1fa${ESC}(N\x4d\x49\x52\x1fb\x4d\x49\x52`],
        ['246', '1 \x1famir'],
      ]),
    );
    expect(item.kind === 'record' && fieldLines(item.record)).toEqual(['245 10 $aмир$bмир', '246 1  $amir']);
  });

  it('normalises to NFC and reports unmapped bytes per field', () => {
    // Five marks before letters outweigh one byte ANSEL leaves undefined: still MARC-8, not Latin-1.
    const item = parseIso2709Record(rawRecord([['245', '10\x1fa\xe2ecole \xe8uber \xe1a \xe2e \xe3o\xc9']]));
    if (item.kind !== 'record') throw new Error('rejected');
    expect(fieldLines(item.record)).toEqual(['245 10 $aécole über à é ô\ufffd']);
    expect(item.warnings.map((w) => w.reason)).toEqual([
      'unmapped MARC-8 byte 0xc9 in field 245: replaced with U+FFFD',
    ]);
  });
});
