import { Buffer } from 'node:buffer';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isControlField, type MarcRecord, type ReadItem } from './record.ts';
import { assembleIso2709 } from './writer.ts';

/** Helpers for the MARC tests (not used by production code). */

const here = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.resolve(here, '../../../../../shared/data');
export const MARC_DIR = path.join(DATA_DIR, 'marc');

export async function collect(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export const records = (items: ReadItem[]) =>
  items.flatMap((item) => (item.kind === 'record' ? [item.record] : []));
export const errors = (items: ReadItem[]) =>
  items.flatMap((item) => (item.kind === 'error' ? [item.problem] : []));
export const warningsOf = (items: ReadItem[]) =>
  items.flatMap((item) => (item.kind === 'record' ? item.warnings : []));

/** Splits bytes into chunks of the given sizes (cycled), as an async iterable like a Node stream. */
export async function* chunked(
  bytes: Uint8Array,
  sizes: number[] | ((i: number) => number),
): AsyncGenerator<Buffer> {
  const size = typeof sizes === 'function' ? sizes : (i: number) => sizes[i % sizes.length]!;
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = Math.max(1, size(i));
    yield Buffer.from(bytes.subarray(at, at + n));
    at += n;
  }
}

/** Deterministic pseudo-random numbers (mulberry32) so failures reproduce. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type RawField = [tag: string, content: string | Uint8Array];

/**
 * An ISO 2709 record from raw field contents (without terminators). Strings are written as Latin-1 bytes, so
 * "\x1f" is a subfield delimiter and "\xe2" an ANSEL acute; pass a Uint8Array (e.g. utf8('é')) for UTF-8.
 */
export function rawRecord(fields: RawField[], leader = '00000nam  2200000   4500'): Buffer {
  return assembleIso2709(
    leader,
    fields.map(([tag, content]) => ({
      tag,
      data: typeof content === 'string' ? Buffer.from(content, 'latin1') : content,
    })),
  );
}

export const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** One line per field: "245 10 $aTitle$bRest", "001 value" — the shape both sides are compared in. */
export function fieldLines(record: MarcRecord): string[] {
  return record.fields.map((f) =>
    isControlField(f)
      ? `${f.tag} ${f.value}`
      : `${f.tag} ${f.ind1}${f.ind2} ${f.subfields.map((s) => `$${s.code}${s.value}`).join('')}`,
  );
}

export function yazInstalled(): boolean {
  return !spawnSync('yaz-marcdump', ['-V']).error;
}

export const YAZ_MISSING =
  'yaz-marcdump is not installed: the MARC oracle tests need it. Install the Debian package: apt-get install -y yaz';

/** Splits concatenated JSON objects (yaz-marcdump -o json writes one after another). */
export function splitJsonObjects(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' && depth++ === 0) start = i;
    else if (c === '}' && --depth === 0) out.push(JSON.parse(text.slice(start, i + 1)));
  }
  return out;
}

type YazJson = { leader: string; fields: Record<string, string | YazDataField>[] };
type YazDataField = { ind1: string; ind2: string; subfields: Record<string, string>[] };

/** Runs yaz-marcdump on a file and returns each record as field lines (NFC), like `fieldLines`. */
export function yazFieldLines(file: string, marc8: boolean): string[][] {
  const args = [...(marc8 ? ['-f', 'MARC-8', '-t', 'UTF-8'] : []), '-o', 'json', file];
  const output = execFileSync('yaz-marcdump', args, {
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return (splitJsonObjects(output.toString('utf8')) as YazJson[]).map((record) =>
    record.fields.map((field) => {
      const [tag, content] = Object.entries(field)[0]!;
      if (typeof content === 'string') return `${tag} ${content.normalize('NFC')}`;
      const subfields = content.subfields.map((s) => {
        const [code, value] = Object.entries(s)[0]!;
        return `$${code}${value.normalize('NFC')}`;
      });
      return `${tag} ${content.ind1}${content.ind2} ${subfields.join('')}`;
    }),
  );
}

/**
 * A hand-made ISO 2709 record: 12-character directory entries and the data area as given (Latin-1), so any
 * part can be wrong on purpose. Record length and base address are computed unless overridden.
 */
export function handMade(
  entries: string[],
  data: string,
  options: { length?: string; base?: string; leader?: string; terminator?: boolean } = {},
): Buffer {
  const directory = entries.join('') + '\x1e';
  const body = directory + data + (options.terminator === false ? '' : '\x1d');
  const total = 24 + body.length;
  const leader = options.leader ?? '00000nam  2200000   4500';
  const head =
    (options.length ?? String(total).padStart(5, '0')) +
    leader.slice(5, 12) +
    (options.base ?? String(24 + directory.length).padStart(5, '0')) +
    leader.slice(17, 24);
  return Buffer.from(head + body, 'latin1');
}
