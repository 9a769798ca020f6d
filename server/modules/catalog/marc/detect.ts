import { Buffer } from 'node:buffer';
import { readIso2709, isPlausibleLeader } from './iso2709-stream.ts';
import { readMarcJson } from './marc-json.ts';
import { readMarcXml } from './marcxml.ts';
import type { ReadOptions } from './options.ts';
import type { ReadItem } from './record.ts';
import { chunksOf, type MarcSource } from './source.ts';
import { showBytes } from './text.ts';

export type MarcFormat = 'iso2709' | 'marcxml' | 'marc-json';

/** How many leading bytes `readMarc` looks at to choose a reader. */
export const SNIFF_BYTES = 4096;

const isBlank = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x00;
const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

/**
 * Guesses the format from the first bytes of a file (a few KB is plenty). ISO 2709 is recognised even after
 * some leading junk, as long as a plausible leader appears in what was given.
 */
export function detectFormat(firstBytes: Uint8Array): MarcFormat | 'unknown' {
  let i = 0;
  if (firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf) i = 3;
  while (i < firstBytes.length && isBlank(firstBytes[i])) i++;
  if (i >= firstBytes.length) return 'unknown';
  const head = Buffer.from(firstBytes.buffer, firstBytes.byteOffset + i, firstBytes.length - i).toString(
    'latin1',
  );
  const first = firstBytes[i];
  if (first === 0x3c) {
    return /MARC21\/slim|<([\w.-]+:)?(record|collection)[\s>]/.test(head) ? 'marcxml' : 'unknown';
  }
  if (first === 0x7b || first === 0x5b) return /"(leader|fields)"\s*:/.test(head) ? 'marc-json' : 'unknown';
  if (isDigit(first) && firstBytes.length - i < 24) {
    return [0, 1, 2, 3, 4].every((k) => i + k >= firstBytes.length || isDigit(firstBytes[i + k]))
      ? 'iso2709'
      : 'unknown';
  }
  for (let at = i; at + 24 <= firstBytes.length; at++)
    if (isPlausibleLeader(firstBytes, at)) return 'iso2709';
  return 'unknown';
}

export function readerFor(format: MarcFormat) {
  return format === 'iso2709' ? readIso2709 : format === 'marcxml' ? readMarcXml : readMarcJson;
}

/**
 * The front door: reads any supported format, detected from the first bytes unless given. An unrecognised
 * input yields a single error item; an empty input yields nothing.
 */
export async function* readMarc(
  source: MarcSource,
  format?: MarcFormat,
  options?: ReadOptions,
): AsyncGenerator<ReadItem> {
  if (format) {
    yield* readerFor(format)(source, options);
    return;
  }
  const iterator = chunksOf(source)[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  if (size === 0) return;
  const sample = Buffer.concat(head);
  const detected = detectFormat(sample.subarray(0, Math.max(SNIFF_BYTES, 64)));
  if (detected === 'unknown') {
    const reason = `unrecognised format: not ISO 2709, MARCXML or MARC-in-JSON (starts with "${showBytes(sample, 0, sample.length, 24)}")`;
    yield { kind: 'error', problem: { recordNumber: 1, byteOffset: 0, reason } };
    await iterator.return?.(undefined);
    return;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      yield* head;
      if (done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      if (!done) await iterator.return?.(undefined); // the reader stopped early: release the source
    }
  }
  yield* readerFor(detected)(replay(), options);
}
