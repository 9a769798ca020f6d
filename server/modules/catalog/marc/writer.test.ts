import { describe, expect, it } from 'vitest';
import { parseIso2709Record } from './iso2709.ts';
import type { MarcRecord } from './record.ts';
import { nfc } from './text.ts';
import { random } from './test-support.ts';
import { toIso2709, toMarcXml } from './writer.ts';

const record: MarcRecord = {
  leader: '99999cam  2299999 i 4500',
  fields: [
    { tag: '001', value: 'x1' },
    { tag: '245', ind1: '1', ind2: 'Z', subfields: [{ code: 'a', value: 'Königin <&> "Saba"' }] },
  ],
};

describe('toIso2709', () => {
  it('recomputes length and base address and writes UTF-8 with leader/09 = a', () => {
    const bytes = toIso2709(record);
    expect(bytes.toString('latin1', 0, 24)).toBe(
      `${String(bytes.length).padStart(5, '0')}cam a2200049 i 4500`,
    );
    expect(bytes.at(-1)).toBe(0x1d);
    const item = parseIso2709Record(bytes);
    expect(item).toMatchObject({ kind: 'record', warnings: [] });
    expect(item.kind === 'record' && item.record.fields[1]).toEqual({
      tag: '245',
      ind1: '1',
      ind2: ' ', // an invalid indicator is written as blank
      subfields: [{ code: 'a', value: 'Königin <&> "Saba"' }],
    });
  });

  it('refuses what ISO 2709 cannot express', () => {
    const long = {
      leader: record.leader,
      fields: [{ tag: '500', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: 'x'.repeat(10_000) }] }],
    };
    // 2 indicators + delimiter + code + 10000 + terminator
    expect(() => toIso2709(long)).toThrow(/field 500 is 10005 bytes; ISO 2709 allows at most 9999/);
    const many = {
      leader: record.leader,
      fields: Array.from({ length: 20 }, () => long.fields[0]!).map((f) => ({
        ...f,
        subfields: [{ code: 'a', value: 'x'.repeat(5000) }],
      })),
    };
    expect(() => toIso2709(many)).toThrow(/ISO 2709 allows at most 99999/);
  });
});

describe('toMarcXml', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    const xml = toMarcXml({
      ...record,
      fields: [
        ...record.fields,
        { tag: '500', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: 'a\x01b' }] },
      ],
    });
    expect(xml).toContain('<subfield code="a">Königin &lt;&amp;&gt; &quot;Saba&quot;</subfield>');
    expect(xml).toContain('<subfield code="a">ab</subfield>');
    expect(xml).toMatch(/^<record xmlns="http:\/\/www.loc.gov\/MARC21\/slim">/);
  });
});

describe('nfc (fast path)', () => {
  it('agrees with String.prototype.normalize on random text from many scripts', () => {
    const ranges = [
      [0x20, 0x7e],
      [0xa0, 0x24f],
      [0x300, 0x36f],
      [0x370, 0x3ff],
      [0x400, 0x4ff],
      [0x590, 0x5ff],
      [0x600, 0x6ff],
      [0x1100, 0x11ff],
      [0x1e00, 0x1fff],
      [0x3040, 0x30ff],
      [0x4e00, 0x4eff],
      [0xac00, 0xad00],
      [0xf900, 0xfaff],
      [0xfb1d, 0xfb4f],
    ];
    const next = random(11);
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      for (let j = 0; j < 8; j++) {
        const [lo, hi] = ranges[Math.floor(next() * ranges.length)]!;
        s += String.fromCharCode(lo! + Math.floor(next() * (hi! - lo! + 1)));
      }
      expect(nfc(s)).toBe(s.normalize('NFC'));
    }
  });
});
