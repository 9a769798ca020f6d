import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIso2709 } from './iso2709-stream.ts';
import { readMarcXml } from './marcxml.ts';
import { isControlField, type ReadItem } from './record.ts';
import {
  MARC_DIR,
  chunked,
  collect,
  errors,
  fieldLines,
  random,
  records,
  warningsOf,
} from './test-support.ts';
import { toMarcXmlCollection } from './writer.ts';

const NS = 'http://www.loc.gov/MARC21/slim';
const read = async (xml: string, options = {}) => collect(readMarcXml(Buffer.from(xml, 'utf8'), options));
const file = (name: string) => fs.readFileSync(path.join(MARC_DIR, name));

const RECORD = (id: string, extra = '') =>
  `<record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">${id}</controlfield>` +
  `<datafield tag="245" ind1="1" ind2="0"><subfield code="a">Title ${id}</subfield></datafield>${extra}</record>`;
const collection = (...records: string[]) =>
  `<?xml version="1.0"?><collection xmlns="${NS}">${records.join('')}</collection>`;

function summary(items: ReadItem[]): string[] {
  return items.map((item) => {
    if (item.kind === 'error') return `E${item.problem.recordNumber} ${item.problem.reason}`;
    const id = item.record.fields.find((f) => f.tag === '001');
    return `R${item.recordNumber} ${id && isControlField(id) ? id.value : '?'}${item.warnings.map((w) => ` [${w.reason}]`).join('')}`;
  });
}

describe('readMarcXml — the sample files', () => {
  it.each([
    ['opera-43.marcxml', 43],
    ['sandburg-1.marcxml', 1],
    ['collection-2.marcxml', 2],
    ['batch-10.marcxml', 10],
  ])('%s has %i records, read without problems', async (name, count) => {
    const items = await collect(readMarcXml(fs.createReadStream(path.join(MARC_DIR, name))));
    expect(errors(items)).toEqual([]);
    expect(warningsOf(items)).toEqual([]);
    expect(records(items)).toHaveLength(count);
  });

  it('opera-43 is stored as NFD and comes out as NFC', async () => {
    expect(file('opera-43.marcxml').toString('utf8')).toContain('Ko&#x308;nigin'); // NFD in the file
    const values = records(await collect(readMarcXml(file('opera-43.marcxml')))).flatMap((r) =>
      fieldLines(r),
    );
    expect(values.every((v) => v === v.normalize('NFC'))).toBe(true);
    expect(values.some((v) => v.includes('Königin von Saba'))).toBe(true);
  });

  it('collection-2 (marc: prefix) is read like an unprefixed file', async () => {
    const items = await collect(readMarcXml(file('collection-2.marcxml')));
    expect(records(items)[0]?.fields[0]).toEqual({ tag: '001', value: '5637241' });
  });

  it('batch-10.marcxml holds the same records as camel.mrc', async () => {
    const xml = records(await collect(readMarcXml(file('batch-10.marcxml')))).map(fieldLines);
    const iso = records(await collect(readIso2709(file('camel.mrc')))).map(fieldLines);
    expect(xml).toEqual(iso);
  });

  it('reads every ISO 2709 sample back from toMarcXml unchanged', async () => {
    for (const name of fs.readdirSync(MARC_DIR).filter((f) => f.endsWith('.mrc'))) {
      const original = records(await collect(readIso2709(file(name))));
      const again = records(await collect(readMarcXml(Buffer.from(toMarcXmlCollection(original)))));
      expect(again, name).toEqual(original);
    }
  });

  it('gives the same items whatever the chunk boundaries', async () => {
    const bytes = file('collection-2.marcxml');
    const whole = summary(await collect(readMarcXml(bytes)));
    expect(summary(await collect(readMarcXml(chunked(bytes, [1]))))).toEqual(whole);
    const opera = file('opera-43.marcxml');
    const operaWhole = await collect(readMarcXml(opera));
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      expect(await collect(readMarcXml(chunked(opera, () => 1 + Math.floor(next() * 3000))))).toEqual(
        operaWhole,
      );
    }
  });
});

type Case = { name: string; xml: string; expect: (string | RegExp)[]; maxRecordBytes?: number };

const cases: Case[] = [
  { name: 'an empty document', xml: '', expect: [] },
  {
    name: 'a bare record with the namespace',
    xml: RECORD('a').replace('<record>', `<record xmlns="${NS}">`),
    expect: ['R1 a'],
  },
  { name: 'a record in no namespace', xml: `<collection>${RECORD('a')}</collection>`, expect: ['R1 a'] },
  {
    name: 'records inside an OAI-PMH envelope',
    xml:
      '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record><header/><metadata>' +
      RECORD('a')
        .replace('<record>', `<marc:record xmlns:marc="${NS}">`)
        .replace(/<(\/?)(?!marc:)(\w)/g, '<$1marc:$2') +
      '</metadata></record></ListRecords></OAI-PMH>',
    expect: ['R1 a'],
  },
  {
    name: 'bad indicators are repaired to blank',
    xml: collection(RECORD('a').replace('ind1="1" ind2="0"', 'ind1="X" ind2="00"')),
    expect: [
      'R1 a [field 245 has an invalid "X" ind1: set to blank] [field 245 has an invalid "00" ind2: set to blank]',
    ],
  },
  {
    name: 'fields without tags and subfields without codes are dropped',
    xml: collection(
      RECORD('a', '<controlfield>x</controlfield><datafield tag="5" ind1=" " ind2=" "/>') +
        RECORD('b', '<datafield tag="500" ind1=" " ind2=" "><subfield>no code</subfield></datafield>'),
    ),
    expect: [
      'R1 a [controlfield with a missing or invalid tag null: dropped] [datafield with a missing or invalid tag "5": dropped]',
      'R2 b [field 500 has a subfield with a missing or invalid code: dropped] [field 500 has no subfields]',
    ],
  },
  {
    name: 'a short leader is padded, a missing one replaced',
    xml: collection(
      RECORD('a').replace('00000nam a2200000 a 4500', '00000nam'),
      RECORD('b').replace(/<leader>.*<\/leader>/, ''),
    ),
    expect: [
      'R1 a [leader is 8 characters, not 24: padded or cut, non-ASCII replaced]',
      'R2 b [record has no leader: used a default one]',
    ],
  },
  {
    name: 'malformed markup rejects that record only',
    xml: collection(
      RECORD('a'),
      RECORD('b').replace('<subfield code="a">', '<subfield code="a" <x>'),
      RECORD('c'),
    ),
    expect: ['R1 a', /^E2 XML error at byte \d+: malformed tag: '<' inside a tag$/, 'R3 c'],
  },
  {
    name: 'an undefined entity rejects that record only',
    xml: collection(RECORD('a'), RECORD('b').replace('Title b', 'Title &xxe;'), RECORD('c')),
    expect: ['R1 a', /^E2 XML error at byte \d+: undefined entity &xxe;/, 'R3 c'],
  },
  {
    name: 'a DOCTYPE rejects the document',
    xml: `<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x "y">]>${collection(RECORD('a'))}`,
    expect: [/^E1 XML error, document rejected: <!DOCTYPE declarations are not allowed/],
  },
  {
    name: 'a truncated document keeps the complete records',
    xml: collection(RECORD('a'), RECORD('b')).slice(0, -60),
    expect: ['R1 a', /^E2 XML error: document ends inside (a tag|<datafield>)$/],
  },
  {
    name: 'a record over the size limit',
    maxRecordBytes: 1024,
    xml: collection(
      RECORD('a'),
      RECORD(
        'b',
        `<datafield tag="500" ind1=" " ind2=" "><subfield code="a">${'x'.repeat(2000)}</subfield></datafield>`,
      ),
      RECORD('c'),
    ),
    // In one buffer the text node is whole (the record is too big); streamed, the node itself is too big.
    expect: [
      'R1 a',
      /^E2 (record element larger than the 1024-byte limit|XML error at byte \d+: a text node is larger)/,
      'R3 c',
    ],
  },
  {
    name: 'a record over the size limit, in many small text nodes',
    maxRecordBytes: 1024,
    xml: collection(
      RECORD('a'),
      RECORD(
        'b',
        `<datafield tag="500" ind1=" " ind2=" ">${'<subfield code="a">x</subfield>'.repeat(60)}</datafield>`,
      ),
      RECORD('c'),
    ),
    expect: ['R1 a', 'E2 record element larger than the 1024-byte limit (maxRecordBytes)', 'R3 c'],
  },
  {
    name: 'not MARCXML',
    xml: '<html><body>hello</body></html>',
    expect: ['E1 no MARCXML record elements found (root element <html>)'],
  },
  {
    name: 'text between fields is ignored with a warning',
    xml: collection(RECORD('a').replace('<datafield', 'stray<datafield')),
    expect: ['R1 a [text outside leader, controlfield or subfield: ignored]'],
  },
];

describe('readMarcXml — defects', () => {
  it.each(cases)('$name', async ({ xml, expect: expected, maxRecordBytes }) => {
    const got = summary(await read(xml, { maxRecordBytes }));
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => (typeof e === 'string' ? expect(got[i]).toBe(e) : expect(got[i]).toMatch(e)));
  });
});

describe('readMarcXml — defects, streamed in small chunks', () => {
  it.each(cases.filter((c) => !c.maxRecordBytes))('$name', async ({ xml }) => {
    const bytes = Buffer.from(xml, 'utf8');
    const whole = summary(await collect(readMarcXml(bytes)));
    expect(summary(await collect(readMarcXml(chunked(bytes, [1]))))).toEqual(whole);
    expect(summary(await collect(readMarcXml(chunked(bytes, [7, 13, 97]))))).toEqual(whole);
  });

  it('skips an oversized text node arriving in pieces and reads on', async () => {
    const xml = collection(
      RECORD('a'),
      RECORD(
        'b',
        `<datafield tag="500" ind1=" " ind2=" "><subfield code="a">${'x'.repeat(5000)}</subfield></datafield>`,
      ),
      RECORD('c'),
    );
    const got = summary(
      await collect(readMarcXml(chunked(Buffer.from(xml), [256]), { maxRecordBytes: 1024 })),
    );
    expect(got).toEqual([
      'R1 a',
      expect.stringMatching(/^E2 XML error at byte \d+: a text node is larger/),
      'R3 c',
    ]);
  });
});
