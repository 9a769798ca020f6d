import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIso2709 } from './iso2709-stream.ts';
import { readMarcJson } from './marc-json.ts';
import { isControlField, isDataField, type MarcRecord, type ReadItem } from './record.ts';
import {
  MARC_DIR,
  YAZ_MISSING,
  chunked,
  collect,
  errors,
  fieldLines,
  random,
  records,
  yazInstalled,
} from './test-support.ts';

const read = async (text: string, options = {}) => collect(readMarcJson(Buffer.from(text, 'utf8'), options));

/** MARC-in-JSON for a record, written here independently of the reader. */
function toJson(record: MarcRecord): unknown {
  return {
    leader: record.leader,
    fields: record.fields.map((f) =>
      isControlField(f)
        ? { [f.tag]: f.value }
        : {
            [f.tag]: {
              ind1: f.ind1,
              ind2: f.ind2,
              subfields: f.subfields.map((s) => ({ [s.code]: s.value })),
            },
          },
    ),
  };
}

const REC = (id: string, more = '') =>
  `{"leader":"00000nam a2200000 a 4500","fields":[{"001":"${id}"},{"245":{"ind1":"1","ind2":"0","subfields":[{"a":"Title ${id}"}]}}${more}]}`;

function summary(items: ReadItem[]): string[] {
  return items.map((item) => {
    if (item.kind === 'error')
      return `E${item.problem.recordNumber}@${item.problem.byteOffset} ${item.problem.reason}`;
    const id = item.record.fields.find((f) => f.tag === '001');
    const warnings = item.warnings.map((w) => ` [${w.reason}]`).join('');
    return `R${item.recordNumber}@${item.byteOffset} ${id && isControlField(id) ? id.value : '?'}${warnings}`;
  });
}

describe('readMarcJson', () => {
  const samples = async () => {
    const all: MarcRecord[] = [];
    for (const name of fs.readdirSync(MARC_DIR).filter((f) => f.endsWith('.mrc'))) {
      all.push(...records(await collect(readIso2709(fs.readFileSync(path.join(MARC_DIR, name))))));
    }
    return all;
  };

  it('reads an array, NDJSON and a single record, giving the records written', async () => {
    const all = await samples();
    expect(all.length).toBe(78);
    const array = JSON.stringify(all.map(toJson), null, 2);
    expect(records(await read(array))).toEqual(all);
    const ndjson = all.map((r) => JSON.stringify(toJson(r))).join('\n') + '\n';
    expect(records(await read(ndjson))).toEqual(all);
    expect(records(await read(JSON.stringify(toJson(all[0]!))))).toEqual([all[0]]);
  });

  it('gives the same items whatever the chunk boundaries', async () => {
    const all = await samples();
    const bytes = Buffer.from(JSON.stringify(all.map(toJson)));
    const whole = await collect(readMarcJson(bytes));
    expect(await collect(readMarcJson(chunked(bytes, [1])))).toEqual(whole);
    const next = random(4);
    expect(await collect(readMarcJson(chunked(bytes, () => 1 + Math.floor(next() * 999))))).toEqual(whole);
  });

  it('reads what yaz-marcdump -o json writes (concatenated, pretty-printed objects)', async () => {
    if (!yazInstalled()) throw new Error(YAZ_MISSING);
    const file = path.join(MARC_DIR, 'yaz-marccol5-utf8.mrc');
    const json = execFileSync('yaz-marcdump', ['-o', 'json', file]);
    const fromJson = records(await collect(readMarcJson(json)));
    const fromIso = records(await collect(readIso2709(fs.readFileSync(file))));
    expect(fromJson.map(fieldLines)).toEqual(fromIso.map(fieldLines));
  });

  it.each([
    ['empty input', '', []],
    ['whitespace only', ' \n', ['E1@0 no MARC-in-JSON records found']],
    ['records with commas and blank lines', `[\n${REC('a')},\n\n${REC('b')}\n]`, ['R1@2 a', /^R2@\d+ b$/]],
    [
      'invalid JSON in one record',
      `${REC('a')}\n{"leader": oops}\n${REC('c')}`,
      ['R1@0 a', /^E2@\d+ invalid JSON/, /^R3@\d+ c$/],
    ],
    [
      'elements that are not records; neighbouring problems are reported together',
      `[${REC('a')}, 42, ${REC('c')}, "x", "y", ${REC('f')}]`,
      [
        'R1@1 a',
        /^E2@\d+ not a MARC-in-JSON record/,
        /^R3@\d+ c$/,
        /^E4@\d+ 2 unreadable stretches between offsets \d+ and \d+ skipped \(first: not a MARC-in-JSON record/,
        /^R5@\d+ f$/,
      ],
    ],
    ['a record without fields', '{"leader":"x"}', ['E1@0 record has no "fields" array']],
    [
      'bad pieces are dropped or repaired with warnings',
      REC('a', ',{"5":"x"},{"500":{"ind1":"!","subfields":[{"ab":"x"},{"a":"ok"}]}},{"650":7}'),
      [
        'R1@0 a [fields[2] is not an object with one 3-character tag: dropped] [field 500 has an invalid ind1 "!": set to blank] [field 500 has a malformed subfield {"ab":"x"}: dropped] [field 650 is neither a string nor an object: dropped]',
      ],
    ],
    [
      'a missing or short leader',
      '{"fields":[{"001":"a"}]} {"leader":"01234","fields":[{"001":"b"}]}',
      [
        'R1@0 a [record has no "leader" string: used a default one]',
        /^R2@\d+ b \[leader is 5 characters, not 24: padded or cut, non-ASCII replaced\]$/,
      ],
    ],
    [
      'a truncated array',
      `[${REC('a')}, ${REC('b').slice(0, 30)}`,
      ['R1@1 a', /^E2@\d+ the data ends inside a JSON value \(truncated\)$/],
    ],
    ['an unclosed array', `[${REC('a')}`, ['R1@1 a', /^E2@\d+ the JSON array is not closed$/]],
    [
      'data after the array',
      `[${REC('a')}] x`,
      ['R1@1 a', /^E2@\d+ unexpected data after the end of the JSON array/],
    ],
    [
      'junk between records is reported once',
      `${REC('a')} x]] 12 ${REC('b')} !!`,
      [
        'R1@0 a',
        /^E2@\d+ unreadable data, not a JSON object: skipped 6 byte\(s\) up to offset \d+$/,
        /^R3@\d+ b$/,
        /^E4@\d+ unreadable data, not a JSON object: skipped 2 byte/,
      ],
    ],
    ['strings with brackets and escapes', REC('a\\"]}{[', ''), ['R1@0 a"]}{[']],
    ['NFD text comes out as NFC', REC('Ko\\u0308nigin'), ['R1@0 Königin']],
  ] as [string, string, (string | RegExp)[]][])('%s', async (_name, text, expected) => {
    const got = summary(await read(text));
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => (typeof e === 'string' ? expect(got[i]).toBe(e) : expect(got[i]).toMatch(e)));
  });

  it('skips a record over the size limit and reads on', async () => {
    const big = REC('b', `,{"500":{"ind1":" ","ind2":" ","subfields":[{"a":"${'x'.repeat(5000)}"}]}}`);
    const text = `[${REC('a')},${big},${REC('c')}]`;
    for (const chunks of [[1 << 20], [100]]) {
      const items = await collect(readMarcJson(chunked(Buffer.from(text), chunks), { maxRecordBytes: 1024 }));
      expect(summary(items).map((s) => s.replace(/@\d+/, ''))).toEqual([
        'R1 a',
        'E2 record larger than the 1024-byte limit (maxRecordBytes): skipped',
        'R3 c',
      ]);
    }
    expect(errors(await read(`[${REC('a')}]`))).toEqual([]);
    expect(isDataField(records(await read(REC('a')))[0]!.fields[1]!)).toBe(true);
  });
});
