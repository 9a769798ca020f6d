import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIso2709 } from './iso2709-stream.ts';
import { isControlField, type ReadItem } from './record.ts';
import { MARC_DIR, chunked, collect, handMade, random, rawRecord } from './test-support.ts';

const rec = (id: string) =>
  rawRecord([
    ['001', id],
    ['245', `10\x1faTitle ${id}`],
  ]);
const bytesOf = (...parts: (Uint8Array | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
const noise = (size: number, seed: number) => {
  const next = random(seed);
  return Buffer.from(Array.from({ length: size }, () => Math.floor(next() * 256)));
};

/** A compact, comparable view of what a read produced: "R1 a" (record 1, 001 "a") or "E2 <reason>". */
function summary(items: ReadItem[]): string[] {
  return items.map((item) => {
    if (item.kind === 'error') return `E${item.problem.recordNumber} ${item.problem.reason}`;
    const id = item.record.fields.find((f) => f.tag === '001');
    const warnings = item.warnings.map((w) => ` [${w.reason}]`).join('');
    return `R${item.recordNumber}@${item.byteOffset} ${id && isControlField(id) ? id.value : '?'}${warnings}`;
  });
}

const A = rec('a');
const B = rec('b');
const bigField = 'x'.repeat(10 * 1024 * 1024);
const tenMegabytes = () =>
  handMade(['001000200000', '245999900002'], `c\x1e10\x1fa${bigField}\x1e`, { length: '99999' });

type Case = { name: string; bytes: () => Uint8Array; expect: (string | RegExp)[]; maxRecordBytes?: number };

const cases: Case[] = [
  { name: 'an empty file', bytes: () => new Uint8Array(0), expect: [] },
  { name: 'two good records', bytes: () => bytesOf(A, B), expect: ['R1@0 a', `R2@${A.length} b`] },
  {
    name: 'newlines between and after records',
    bytes: () => bytesOf(A, '\r\n', B, '\n'),
    expect: [
      'R1@0 a',
      new RegExp(
        `^R2@${A.length + 2} b \\[skipped 2 byte\\(s\\) at offsets ${A.length}–${A.length + 1} of padding .* before this record\\] \\[skipped 1 byte\\(s\\) at offsets ${A.length * 2 + 2}–${A.length * 2 + 2} of padding after this record at the end of the file\\]$`,
      ),
    ],
  },
  {
    name: 'garbage bytes between records',
    bytes: () => bytesOf(A, 'GARBAGE!', B),
    expect: [
      'R1@0 a',
      `E2 unreadable data before the next record, no valid leader: skipped 8 byte(s) at offsets ${A.length}–${A.length + 7} (GARBAGE!)`,
      `R3@${A.length + 8} b`,
    ],
  },
  {
    name: 'binary junk before, between and after records',
    bytes: () => bytesOf(noise(5000, 1), A, noise(100_000, 2), B, noise(300, 3)),
    expect: [
      /^E1 unreadable data before the next record, no valid leader: skipped 5000 byte\(s\) at offsets 0–4999/,
      'R2@5000 a',
      /^E3 unreadable data before the next record, no valid leader: skipped 100000 byte\(s\)/,
      /^R4@\d+ b$/,
      /^E5 unreadable data at the end of the file, no valid leader: skipped 300 byte\(s\)/,
    ],
  },
  {
    name: 'lone record terminators (as in lc-sample-marc8.mrc)',
    bytes: () => bytesOf(A, '\x1d\x1d', B),
    expect: ['R1@0 a', /^E2 empty record/, /^E3 empty record/, `R4@${A.length + 2} b`],
  },
  {
    name: 'a truncated last record',
    bytes: () => bytesOf(A, B.subarray(0, 40)),
    expect: ['R1@0 a', `E2 truncated record: the file ends after 40 byte(s); its leader says ${B.length}`],
  },
  {
    name: 'a record that lost its terminator, followed by another',
    bytes: () => bytesOf(A.subarray(0, A.length - 1), B),
    expect: ['R1@0 a [record terminator (0x1D) missing]', `R2@${A.length - 1} b`],
  },
  {
    name: 'the last record lost its terminator',
    bytes: () => bytesOf(A, B.subarray(0, B.length - 1)),
    expect: ['R1@0 a', `R2@${A.length} b [record terminator (0x1D) missing]`],
  },
  {
    name: 'leader record length that lies',
    bytes: () => bytesOf(Buffer.from('00020' + A.toString('latin1', 5), 'latin1'), B),
    expect: [/^R1@0 a \[leader says 20 bytes but the record terminator ends the record at \d+/, /^R2@\d+ b$/],
  },
  {
    name: 'a file of padding only',
    bytes: () => bytesOf('\n\n\x00'),
    expect: ['E1 no records: the file holds only 3 byte(s) at offsets 0–2 of padding'],
  },
  {
    name: 'a record over the size limit, with its terminator',
    maxRecordBytes: 1024,
    bytes: () =>
      bytesOf(
        A,
        rawRecord([
          ['001', 'big'],
          ['500', ` 0\x1fa${'y'.repeat(2000)}`],
        ]),
        B,
      ),
    expect: [
      'R1@0 a',
      /^E2 record larger than the 1024-byte limit \(maxRecordBytes\): skipped$/,
      /^R3@\d+ b$/,
    ],
  },
  {
    name: 'a record over the size limit without a terminator',
    maxRecordBytes: 1024,
    bytes: () =>
      bytesOf(
        A,
        rawRecord([
          ['001', 'big'],
          ['500', ` 0\x1fa${'y'.repeat(3000)}`],
        ]).subarray(0, -1),
        B,
      ),
    expect: ['R1@0 a', /^E2 record larger than the 1024-byte limit/, /^R3@\d+ b$/],
  },
  {
    name: 'a 10 MB field over the default limit',
    bytes: () => bytesOf(A, tenMegabytes(), B),
    expect: ['R1@0 a', /^E2 record larger than the 1048576-byte limit/, /^R3@\d+ b$/],
  },
  {
    name: 'a 10 MB field within a 16 MiB limit',
    maxRecordBytes: 16 * 1024 * 1024,
    bytes: () => bytesOf(A, tenMegabytes(), B),
    expect: [
      'R1@0 a',
      /^R2@\d+ c \[leader says 99999 bytes .*\] \[directory lengths\/offsets disagree/,
      /^R3@\d+ b$/,
    ],
  },
];

describe('readIso2709 — stream defects', () => {
  it.each(cases)('$name', async ({ bytes, expect: expected, maxRecordBytes }) => {
    const data = bytes();
    const items = await collect(readIso2709(chunked(data, [65536]), { maxRecordBytes }));
    const got = summary(items);
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => (typeof e === 'string' ? expect(got[i]).toBe(e) : expect(got[i]).toMatch(e)));
  });

  it('rejects string chunks with a clear message', async () => {
    await expect(collect(readIso2709(['00024'] as unknown as Uint8Array[]))).rejects.toThrow(/need bytes/);
  });
});

describe('readIso2709 — chunk boundaries', () => {
  const files = fs.readdirSync(MARC_DIR).filter((f) => f.endsWith('.mrc'));
  const defects = () =>
    bytesOf(...cases.filter((c) => !c.name.includes('10 MB') && !c.maxRecordBytes).map((c) => c.bytes()));
  const inputs: [string, () => Uint8Array][] = [
    ...files.map((f): [string, () => Uint8Array] => [f, () => fs.readFileSync(path.join(MARC_DIR, f))]),
    ['every defect above, concatenated', defects],
  ];

  it.each(inputs)('%s: same items with 1-byte and random chunks as in one piece', async (_name, load) => {
    const data = load();
    const whole = summary(await collect(readIso2709(data)));
    expect(whole.length).toBeGreaterThan(0);
    expect(summary(await collect(readIso2709(chunked(data, [1]))))).toEqual(whole);
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      const sizes = (i: number) => (i % 7 === 0 ? 1 : Math.floor(next() * (seed * 300)));
      expect(summary(await collect(readIso2709(chunked(data, sizes))))).toEqual(whole);
    }
  });
});

describe('readIso2709 — bounded memory', () => {
  it('streams ~200 MB of records with bounded heap growth', async () => {
    const template = Buffer.concat(
      Array.from({ length: 64 }, (_, i) =>
        rawRecord([
          ['001', `r${i}`],
          ['245', `10\x1faA title that is long enough to matter ${i}\x1fbsubtitle\x1fcby someone`],
          ['500', ` 0\x1fa${'note '.repeat(100)}`],
          ['650', ' 0\x1faSubject\x1fxSubdivision'],
        ]),
      ),
    );
    const target = 200 * 1024 * 1024;
    async function* source() {
      // Chunks not aligned with records: 64 KiB slices of a repeating run of records.
      const run = Buffer.concat(
        Array.from({ length: Math.ceil((1 << 20) / template.length) + 1 }, () => template),
      );
      for (let sent = 0; sent < target;) {
        const offset = sent % template.length;
        const chunk = run.subarray(offset, offset + 65536);
        sent += chunk.length;
        yield chunk;
      }
    }
    const used = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const before = used();
    let peak = 0;
    let records = 0;
    for await (const item of readIso2709(source())) {
      if (item.kind === 'record') records++;
      if ((records & 0x3fff) === 0) peak = Math.max(peak, used() - before);
    }
    expect(records).toBeGreaterThan(200_000);
    // Holding the records (or the bytes) would take far more than 200 MB.
    expect(peak).toBeLessThan(48 * 1024 * 1024); // measured: under 10 MiB
  }, 60_000); // about 2 s on an idle machine; the margin is for loaded CI runners
});
