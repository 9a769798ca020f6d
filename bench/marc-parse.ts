import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIso2709 } from '../server/modules/catalog/marc/iso2709-stream.ts';

/**
 * ISO 2709 parse rate: our streaming reader (framing, directory checks, MARC-8/UTF-8 decoding, NFC, record
 * objects) beside `yaz-marcdump` on the same file in the same run (line output to /dev/null): converting
 * MARC-8 → UTF-8, and for UTF-8 input both validating (-f UTF-8 -t UTF-8) and copying bytes unconverted.
 * Files are built by repeating the sample records in shared/data/marc.
 *
 *   npx tsx bench/marc-parse.ts [records=200000]
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.resolve(here, '../../shared/data/marc');
const target = Number(process.argv[2] ?? process.env.BENCH_MARC_RECORDS ?? 200_000);

function samples(files: string[]): Buffer[] {
  const records: Buffer[] = [];
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(dataDir, file));
    for (
      let start = 0, end = bytes.indexOf(0x1d);
      end >= 0;
      start = end + 1, end = bytes.indexOf(0x1d, start)
    ) {
      if (end - start > 24) records.push(bytes.subarray(start, end + 1));
    }
  }
  return records;
}

function build(name: string, records: Buffer[]): { file: string; count: number; bytes: number } {
  const file = path.join(os.tmpdir(), `amigos-bench-${name}.mrc`);
  const out = fs.openSync(file, 'w');
  let batch: Buffer[] = [];
  let bytes = 0;
  for (let i = 0; i < target; i++) {
    const record = records[i % records.length]!;
    batch.push(record);
    bytes += record.length;
    if (batch.length === 10_000) {
      fs.writeSync(out, Buffer.concat(batch));
      batch = [];
    }
  }
  fs.writeSync(out, Buffer.concat(batch));
  fs.closeSync(out);
  return { file, count: target, bytes };
}

export async function ours(file: string): Promise<{ seconds: number; records: number; errors: number }> {
  const started = process.hrtime.bigint();
  let records = 0;
  let errors = 0;
  for await (const item of readIso2709(fs.createReadStream(file, { highWaterMark: 1 << 20 }))) {
    if (item.kind === 'record') records++;
    else errors++;
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, records, errors };
}

export function yaz(file: string, conversion: string[]): number | null {
  if (spawnSync('yaz-marcdump', ['-V']).error) return null;
  const started = process.hrtime.bigint();
  execFileSync('yaz-marcdump', [...conversion, '-o', 'line', file], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export async function benchMarcParse() {
  const sets = [
    {
      name: 'marc8',
      files: ['camel.mrc', 'lc-sample-marc8.mrc', 'specials-marc8.mrc'],
      yaz: [{ label: '-f MARC-8 -t UTF-8', args: ['-f', 'MARC-8', '-t', 'UTF-8'] }],
    },
    {
      name: 'utf8',
      files: ['yaz-marccol1-utf8.mrc', 'yaz-marccol5-utf8.mrc'],
      yaz: [
        { label: '-f UTF-8 -t UTF-8', args: ['-f', 'UTF-8', '-t', 'UTF-8'] },
        { label: '(no conversion)', args: [] },
      ],
    },
  ];
  console.log(`\nMARC ISO 2709 parse — ${target} records per file`);
  for (const set of sets) {
    const { file, count, bytes } = build(set.name, samples(set.files));
    try {
      await ours(file); // warm-up
      const run = await ours(file);
      const rate = (n: number, s: number) =>
        `${Math.round(n / s)
          .toLocaleString('en-US')
          .padStart(9)} records/s`;
      const mb = (bytes / 1024 / 1024).toFixed(0);
      console.log(`  ${set.name} (${mb} MB)`);
      const ourRate = rate(run.records, run.seconds);
      console.log(
        `    ours                            ${ourRate}  (${run.seconds.toFixed(2)} s, ${run.errors} errors)`,
      );
      for (const variant of set.yaz) {
        const seconds = yaz(file, variant.args);
        const label = `yaz-marcdump ${variant.label}`.padEnd(32);
        if (seconds === null) console.log(`    ${label}not installed (apt-get install yaz)`);
        else {
          const ratio = (seconds / run.seconds).toFixed(2);
          console.log(`    ${label}${rate(count, seconds)}  (${seconds.toFixed(2)} s)  ours = ${ratio}× yaz`);
        }
      }
    } finally {
      fs.rmSync(file, { force: true });
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await benchMarcParse();
