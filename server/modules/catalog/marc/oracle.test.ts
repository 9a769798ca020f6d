import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SINGLE_BYTE_SETS } from './generated/marc8-tables.ts';
import { readIso2709 } from './iso2709-stream.ts';
import {
  DATA_DIR,
  MARC_DIR,
  YAZ_MISSING,
  collect,
  fieldLines,
  records,
  warningsOf,
  yazFieldLines,
  yazInstalled,
} from './test-support.ts';
import { assembleIso2709, toIso2709 } from './writer.ts';

/**
 * yaz-marcdump (Debian package yaz) is the oracle: the same files must give the same tags, indicators and
 * subfield values (compared after NFC). These tests fail — they are not skipped — when yaz is missing.
 */
function requireYaz(): void {
  if (!yazInstalled()) throw new Error(YAZ_MISSING);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'marc-oracle-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const FILES: [file: string, marc8: boolean, records: number][] = [
  ['camel.mrc', true, 10],
  ['lc-sample-marc8.mrc', true, 24],
  ['specials-marc8.mrc', true, 14],
  ['yaz-marccol1-utf8.mrc', false, 19],
  ['yaz-marccol5-utf8.mrc', false, 11],
];

async function ourLines(file: string): Promise<string[][]> {
  return records(await collect(readIso2709(fs.createReadStream(file)))).map(fieldLines);
}

describe('ISO 2709 files against yaz-marcdump', () => {
  it.each(FILES)('%s: every record yaz reads, field for field', async (file, marc8, count) => {
    requireYaz();
    const full = path.join(MARC_DIR, file);
    const ours = await ourLines(full);
    const theirs = yazFieldLines(full, marc8);
    expect(theirs).toHaveLength(count);
    expect(ours).toHaveLength(count);
    for (let i = 0; i < count; i++) expect(ours[i], `record ${i + 1}`).toEqual(theirs[i]);
  });

  it.each(FILES)('%s: yaz reads what toIso2709 writes back identically', async (file, _marc8, count) => {
    requireYaz();
    const items = await collect(readIso2709(fs.createReadStream(path.join(MARC_DIR, file))));
    const written = path.join(tmp, `rewritten-${file}`);
    fs.writeFileSync(written, Buffer.concat(records(items).map((record) => toIso2709(record))));
    const theirs = yazFieldLines(written, false);
    expect(theirs).toHaveLength(count);
    expect(theirs).toEqual(records(items).map(fieldLines));
  });
});

/** Every code of every MARC-8 character set, designated into G0 and G1, and all of EACC. */
function everyMarc8Code(): Buffer {
  const ESC = 0x1b;
  const leader = '00000nam  2200000   4500';
  const out: Buffer[] = [];
  for (const [key, set] of Object.entries(SINGLE_BYTE_SETS)) {
    const final = Number(key);
    if (final === 0x42) continue;
    const technique1 = final === 0x67 || final === 0x62 || final === 0x70;
    for (const g1 of technique1 ? [false] : [false, true]) {
      const designate = technique1
        ? [ESC, final]
        : final === 0x45
          ? g1
            ? []
            : [ESC, 0x28, 0x21, 0x45]
          : [ESC, g1 ? 0x29 : 0x28, final];
      const high = g1 ? 0x80 : 0;
      const base = set.table.findIndex((cp, i) => cp && cp !== 0xffff && !set.combining.includes(i + 0x21));
      const bytes = [0x20, 0x20];
      set.table.forEach((cp, i) => {
        if (!cp) return;
        bytes.push(0x1f, 0x61, ...designate, (i + 0x21) | high);
        if (set.combining.includes(i + 0x21)) bytes.push((base + 0x21) | high);
      });
      const id = Buffer.from(`${set.name} ${g1 ? 'G1' : 'G0'}`);
      out.push(
        assembleIso2709(leader, [
          { tag: '001', data: id },
          { tag: '245', data: Uint8Array.from(bytes) },
        ]),
      );
    }
  }
  const xml = fs.readFileSync(path.join(DATA_DIR, 'marc8', 'codetables.xml'), 'utf8');
  const eacc = [...xml.slice(xml.indexOf('ISOcode="31"')).matchAll(/<marc>([0-9A-F]{6})<\/marc>/g)].map((m) =>
    parseInt(m[1]!, 16),
  );
  expect(eacc.length).toBeGreaterThan(15_000);
  for (let i = 0; i < eacc.length; i += 3000) {
    const fields: { tag: string; data: Uint8Array }[] = [{ tag: '001', data: Buffer.from(`EACC ${i}`) }];
    for (let j = i; j < Math.min(eacc.length, i + 3000); j += 1000) {
      const bytes = [0x20, 0x20, 0x1f, 0x61, ESC, 0x24, 0x31];
      for (const code of eacc.slice(j, j + 1000)) bytes.push(code >> 16, (code >> 8) & 0xff, code & 0xff);
      fields.push({ tag: '880', data: Uint8Array.from(bytes) });
    }
    out.push(assembleIso2709(leader, fields));
  }
  return Buffer.concat(out);
}

describe('MARC-8 code tables against yaz-marcdump', () => {
  it('decodes every character of every set (G0 and G1) and all of EACC as yaz does', async () => {
    requireYaz();
    const file = path.join(tmp, 'every-marc8-code.mrc');
    fs.writeFileSync(file, everyMarc8Code());
    const items = await collect(readIso2709(fs.createReadStream(file)));
    expect(warningsOf(items)).toEqual([]);
    const ours = records(items).map(fieldLines);
    const theirs = yazFieldLines(file, true);
    expect(ours.length).toBe(23);
    expect(theirs.length).toBe(ours.length);
    for (let i = 0; i < ours.length; i++) expect(ours[i], theirs[i]?.[0]).toEqual(theirs[i]);
  });
});
