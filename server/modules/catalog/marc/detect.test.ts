import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, readMarc } from './detect.ts';
import { MARC_DIR, chunked, collect, errors, rawRecord, records } from './test-support.ts';

const file = (name: string) => fs.readFileSync(path.join(MARC_DIR, name));

/** Every sample file with the counts its README gives. */
const FILES: [name: string, format: string, records: number, errors: number][] = [
  ['lc-sample-marc8.mrc', 'iso2709', 24, 2],
  ['specials-marc8.mrc', 'iso2709', 14, 0],
  ['camel.mrc', 'iso2709', 10, 0],
  ['yaz-marccol1-utf8.mrc', 'iso2709', 19, 0],
  ['yaz-marccol5-utf8.mrc', 'iso2709', 11, 0],
  ['opera-43.marcxml', 'marcxml', 43, 0],
  ['sandburg-1.marcxml', 'marcxml', 1, 0],
  ['collection-2.marcxml', 'marcxml', 2, 0],
  ['batch-10.marcxml', 'marcxml', 10, 0],
];

describe('detectFormat', () => {
  it.each(FILES)('%s is %s', (name, format) => {
    expect(detectFormat(file(name).subarray(0, 4096))).toBe(format);
  });

  it.each([
    ['MARC-in-JSON array', '[{"leader":"00000nam a2200000 a 4500","fields":[]}]', 'marc-json'],
    [
      'MARC-in-JSON object after a BOM and blank lines',
      '\xef\xbb\xbf\n\n{ "fields" : [], "leader": "x" }',
      'marc-json',
    ],
    ['ISO 2709 after newlines', `\r\n${rawRecord([['001', 'x']]).toString('latin1')}`, 'iso2709'],
    ['ISO 2709 after some junk', `junk!${rawRecord([['001', 'x']]).toString('latin1')}`, 'iso2709'],
    ['the start of an ISO 2709 record', '0012', 'iso2709'],
    ['MARCXML with a prefix', '<?xml version="1.0"?><marc:collection xmlns:marc="x">', 'marcxml'],
    ['a bare record element', '<record>', 'marcxml'],
    ['empty', '', 'unknown'],
    ['blank', ' \n\t', 'unknown'],
    ['HTML', '<!DOCTYPE html><html><body>', 'unknown'],
    ['other JSON', '{"title": "not MARC"}', 'unknown'],
    ['a PDF', '%PDF-1.7\n%âãÏÓ', 'unknown'],
    ['digits that are no leader', '12345678901234567890123456789 hello', 'unknown'],
  ])('%s → %s', (_name, text, format) => {
    expect(detectFormat(Buffer.from(text, 'latin1'))).toBe(format);
  });
});

describe('readMarc', () => {
  it.each(FILES)('%s: %s, %i records and %i errors', async (name, _format, recordCount, errorCount) => {
    const items = await collect(readMarc(fs.createReadStream(path.join(MARC_DIR, name))));
    expect(records(items)).toHaveLength(recordCount);
    expect(errors(items)).toHaveLength(errorCount);
  });

  it('detects the format even when the first chunks are tiny', async () => {
    const items = await collect(readMarc(chunked(file('collection-2.marcxml'), [1, 2, 3])));
    expect(records(items)).toHaveLength(2);
  });

  it('reports the two malformed records of lc-sample-marc8.mrc with their positions', async () => {
    const items = await collect(readMarc(file('lc-sample-marc8.mrc')));
    expect(errors(items)).toEqual([
      {
        recordNumber: 25,
        byteOffset: 23705,
        reason: 'empty record: a record terminator (0x1D) with no record before it',
      },
      {
        recordNumber: 26,
        byteOffset: 23706,
        reason:
          'empty record: a record terminator (0x1D) with no record before it; followed by 1 byte(s) at offsets ' +
          '23707–23707 of padding at the end of the file (ignored)',
      },
    ]);
  });

  it('reads MARC-in-JSON, and uses a given format without sniffing', async () => {
    const json = Buffer.from('[{"leader":"00000nam a2200000 a 4500","fields":[{"001":"x"}]}]');
    expect(records(await collect(readMarc(json)))).toHaveLength(1);
    expect(records(await collect(readMarc(file('camel.mrc'), 'iso2709')))).toHaveLength(10);
    expect(errors(await collect(readMarc(file('camel.mrc'), 'marcxml')))[0]?.reason).toMatch(
      /no MARCXML record/,
    );
  });

  it('yields one error for an unrecognised format and nothing for empty input', async () => {
    expect(await collect(readMarc(Buffer.from('%PDF-1.7 and so on')))).toEqual([
      {
        kind: 'error',
        problem: {
          recordNumber: 1,
          byteOffset: 0,
          reason:
            'unrecognised format: not ISO 2709, MARCXML or MARC-in-JSON (starts with "%PDF-1.7 and so on")',
        },
      },
    ]);
    expect(await collect(readMarc(new Uint8Array(0)))).toEqual([]);
    expect(await collect(readMarc(chunked(new Uint8Array(0), [1])))).toEqual([]);
  });
});

describe('readMarc — stopping early', () => {
  it('releases the source stream when the reader stops', async () => {
    const stream = fs.createReadStream(path.join(MARC_DIR, 'yaz-marccol1-utf8.mrc'), { highWaterMark: 1024 });
    for await (const item of readMarc(stream)) {
      expect(item.kind).toBe('record');
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.destroyed).toBe(true);
  });
});
