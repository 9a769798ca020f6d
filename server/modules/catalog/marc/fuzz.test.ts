import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIso2709 } from './iso2709-stream.ts';
import { readMarcJson } from './marc-json.ts';
import { readMarcXml } from './marcxml.ts';
import { isControlField, type ReadItem } from './record.ts';
import type { MarcSource } from './source.ts';
import { MARC_DIR, chunked, collect, random } from './test-support.ts';

/**
 * Damaged input must never throw, must always produce well-formed items, and must give the same items
 * whatever the chunk boundaries.
 */
function mutate(bytes: Buffer, seed: number, rate: number): Buffer {
  const next = random(seed);
  const out = Buffer.alloc(bytes.length * 2);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const r = next();
    if (r < rate) continue; // delete
    if (r < rate * 2) out[n++] = Math.floor(next() * 256); // insert
    if (r < rate * 3) out[n++] = [0x1d, 0x1e, 0x1f, 0x1b, 0x3c, 0x26, 0x22, 0x0a][Math.floor(next() * 8)]!;
    else out[n++] = bytes[i]!;
  }
  return out.subarray(0, n);
}

/** Well-formed items: increasing numbers, reasons given, 24-character leaders, valid tags and indicators. */
function checkItems(items: ReadItem[]): void {
  const bad: string[] = [];
  let last = 0;
  for (const item of items) {
    const n = item.kind === 'record' ? item.recordNumber : item.problem.recordNumber;
    if (n <= last) bad.push(`record number ${n} after ${last}`);
    last = n;
    if (item.kind === 'error') {
      if (!item.problem.reason) bad.push(`error ${n} without a reason`);
      continue;
    }
    if (item.record.leader.length !== 24)
      bad.push(`record ${n}: leader ${JSON.stringify(item.record.leader)}`);
    if (item.record.fields.length === 0) bad.push(`record ${n}: no fields`);
    for (const field of item.record.fields) {
      if (!/^[0-9A-Za-z]{3}$/.test(field.tag)) bad.push(`record ${n}: tag ${JSON.stringify(field.tag)}`);
      if (isControlField(field)) {
        if (typeof field.value !== 'string') bad.push(`record ${n}: ${field.tag} value`);
      } else {
        if (!/^[0-9a-z ]$/.test(field.ind1) || !/^[0-9a-z ]$/.test(field.ind2)) {
          bad.push(`record ${n}: ${field.tag} indicators ${JSON.stringify(field.ind1 + field.ind2)}`);
        }
        for (const s of field.subfields) if (s.code.length !== 1) bad.push(`record ${n}: code ${s.code}`);
      }
    }
    for (const w of item.warnings) if (w.recovered !== true) bad.push(`record ${n}: warning not recovered`);
  }
  expect(bad).toEqual([]);
}

async function check(read: (source: MarcSource) => AsyncIterable<ReadItem>, bytes: Buffer, seed: number) {
  const whole = await collect(read(bytes));
  checkItems(whole);
  const next = random(seed * 7);
  expect(await collect(read(chunked(bytes, () => 1 + Math.floor(next() * 1500))))).toEqual(whole);
  return whole;
}

const load = (...names: string[]) => Buffer.concat(names.map((n) => fs.readFileSync(path.join(MARC_DIR, n))));

describe('damaged input', () => {
  it('pure binary junk gives a handful of errors, not one per byte', async () => {
    const junk = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919 + (i >> 3)) & 0xff));
    for (const read of [readIso2709, readMarcXml, readMarcJson]) {
      const items = await check(read, junk, 3);
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThan(25);
      expect(items.every((i) => i.kind === 'error')).toBe(true);
    }
  });

  it('ISO 2709: 24 randomly damaged copies of the sample files', async () => {
    const original = load('lc-sample-marc8.mrc', 'camel.mrc', 'yaz-marccol5-utf8.mrc', 'specials-marc8.mrc');
    let records = 0;
    for (let seed = 1; seed <= 24; seed++) {
      const items = await check(readIso2709, mutate(original, seed, seed % 2 ? 0.0005 : 0.005), seed);
      records += items.filter((i) => i.kind === 'record').length;
    }
    expect(records).toBeGreaterThan(24 * 20); // most records survive light damage
  }, 60_000);

  it('MARCXML: 20 randomly damaged copies', async () => {
    const original = load('collection-2.marcxml', 'sandburg-1.marcxml');
    for (let seed = 1; seed <= 20; seed++) await check(readMarcXml, mutate(original, seed, 0.001), seed);
  });

  it('MARC-in-JSON: 20 randomly damaged copies', async () => {
    const records = (await collect(readMarcXml(load('batch-10.marcxml')))).flatMap((i) =>
      i.kind === 'record' ? [i.record] : [],
    );
    const json = Buffer.from(
      records
        .map((r) =>
          JSON.stringify({
            leader: r.leader,
            fields: r.fields.map((f) => ({
              [f.tag]: isControlField(f) ? f.value : { ...f, tag: undefined },
            })),
          }),
        )
        .join('\n'),
    );
    for (let seed = 1; seed <= 20; seed++) await check(readMarcJson, mutate(json, seed, 0.001), seed);
  });
});

describe('tiny chunks', () => {
  it('a 150 KB record in 1-byte chunks takes linear time in every reader', async () => {
    const value = 'x'.repeat(150_000);
    const iso = Buffer.from(
      `00000nam  2200037   4500245${'0'.repeat(4)}00000\x1e10\x1fa${value}\x1e\x1d`,
      'latin1',
    );
    const xml = Buffer.from(
      `<record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">${value}</controlfield></record>`,
    );
    const json = Buffer.from(`{"leader":"00000nam a2200000 a 4500","fields":[{"001":"${value}"}]}`);
    const started = Date.now();
    for (const [read, bytes] of [
      [readIso2709, iso],
      [readMarcXml, xml],
      [readMarcJson, json],
    ] as const) {
      const items = await collect(read(chunked(bytes, [1])));
      expect(items.map((i) => i.kind)).toEqual(['record']);
    }
    expect(Date.now() - started).toBeLessThan(20_000); // about 2 s on an idle machine
  }, 60_000);
});
