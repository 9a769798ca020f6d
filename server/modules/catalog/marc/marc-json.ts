import { Warnings, maxRecordBytes, type ReadOptions } from './options.ts';
import type { Field, ReadItem, Subfield } from './record.ts';
import { ByteWindow, pump, type MarcSource } from './source.ts';
import { asBuffer, nfc } from './text.ts';

/**
 * MARC-in-JSON: `{"leader": "…", "fields": [{"001": "…"}, {"245": {"ind1": " ", "ind2": "0", "subfields":
 * [{"a": "…"}]}}]}` — one record, an array of records, or a sequence of records (newline-delimited or simply
 * concatenated, as yaz-marcdump writes them). Streaming: a byte-level scanner finds each top-level record and
 * only that record is handed to JSON.parse, so memory is bounded by one record (maxRecordBytes).
 */

const TAG = /^[0-9A-Za-z]{3}$/;
const INDICATOR = /^[0-9a-z ]$/;
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Converts one parsed MARC-in-JSON record; problems become warnings, or an error when nothing is usable. */
export function marcJsonToRecord(
  value: Json,
  recordNumber = 1,
  byteOffset = 0,
  options: ReadOptions = {},
): ReadItem {
  const reject = (reason: string): ReadItem => ({
    kind: 'error',
    problem: { recordNumber, byteOffset, reason },
  });
  if (!isObject(value))
    return reject('not a MARC-in-JSON record: expected an object with "leader" and "fields"');
  if (!Array.isArray(value.fields)) return reject('record has no "fields" array');
  const warnings = new Warnings(recordNumber, byteOffset, options.maxWarningsPerRecord);
  const warn = (reason: string) => warnings.add(reason);
  let leader = typeof value.leader === 'string' ? value.leader : null;
  if (leader === null) {
    warn('record has no "leader" string: used a default one');
    leader = '00000nam a2200000 i 4500';
  } else if (leader.length !== 24 || /[^\x20-\x7e]/.test(leader)) {
    warn(`leader is ${leader.length} characters, not 24: padded or cut, non-ASCII replaced`);
    leader = leader
      .replace(/[^\x20-\x7e]/g, ' ')
      .padEnd(24, ' ')
      .slice(0, 24);
  }
  const fields: Field[] = [];
  value.fields.forEach((entry: Json, i: number) => {
    const keys = isObject(entry) ? Object.keys(entry) : [];
    const tag = keys[0];
    if (keys.length !== 1 || tag === undefined || !TAG.test(tag)) {
      return warn(`fields[${i}] is not an object with one 3-character tag: dropped`);
    }
    const content = (entry as Record<string, Json>)[tag];
    if (typeof content === 'string') return void fields.push({ tag, value: nfc(content) });
    if (!isObject(content)) return warn(`field ${tag} is neither a string nor an object: dropped`);
    const indicator = (name: 'ind1' | 'ind2') => {
      const v = content[name];
      if (typeof v === 'string' && INDICATOR.test(v)) return v;
      if (v !== undefined) warn(`field ${tag} has an invalid ${name} ${JSON.stringify(v)}: set to blank`);
      return ' ';
    };
    const ind1 = indicator('ind1');
    const ind2 = indicator('ind2');
    const subfields: Subfield[] = [];
    const list = Array.isArray(content.subfields) ? content.subfields : [];
    if (!Array.isArray(content.subfields)) warn(`field ${tag} has no "subfields" array`);
    for (const sub of list) {
      const codes = isObject(sub) ? Object.keys(sub) : [];
      const code = codes[0];
      const text = code === undefined ? undefined : (sub as Record<string, Json>)[code];
      if (codes.length !== 1 || code === undefined || code.length !== 1 || typeof text !== 'string') {
        warn(`field ${tag} has a malformed subfield ${JSON.stringify(sub)?.slice(0, 40)}: dropped`);
      } else subfields.push({ code, value: nfc(text) });
    }
    fields.push({ tag, ind1, ind2, subfields });
  });
  if (fields.length === 0) return reject('record has no usable fields');
  leader = `${leader.slice(0, 9)}a${leader.slice(10)}`; // the text is Unicode
  return { kind: 'record', record: { leader, fields }, recordNumber, byteOffset, warnings: warnings.done() };
}

/** Splits a JSON byte stream into top-level records (array elements or a sequence of values). */
export class MarcJsonParser {
  private readonly window = new ByteWindow();
  private readonly cap: number;
  private mode: 'start' | 'array' | 'sequence' | 'done' = 'start';
  private recordNumber = 0;
  /** Scanner state inside the current value. */
  private pos = 0;
  private start = -1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private oversized = false;
  private trailing = false;
  private bad: { offset: number; count: number; reason: string } | null = null;
  private junkStart = -1;
  private junkEnd = -1;

  constructor(private readonly options: ReadOptions = {}) {
    this.cap = maxRecordBytes(options);
  }

  feed(chunk: Uint8Array): ReadItem[] {
    this.window.append(chunk);
    return this.scan(false);
  }

  end(): ReadItem[] {
    return this.scan(true);
  }

  private flushJunk(out: ReadItem[]): void {
    if (this.junkStart < 0) return;
    const size = this.junkEnd - this.junkStart;
    this.error(
      out,
      this.junkStart,
      `unreadable data, not a JSON object: skipped ${size} byte(s) up to offset ${this.junkEnd}`,
    );
    this.junkStart = -1;
  }

  /** Problems with no good record between them are reported as one, so junk cannot flood the report. */
  private error(_out: ReadItem[], offset: number, reason: string): void {
    if (this.bad) this.bad.count++;
    else this.bad = { offset, count: 1, reason };
  }

  private flushBad(out: ReadItem[], before: number): void {
    const bad = this.bad;
    if (!bad) return;
    this.bad = null;
    const reason =
      bad.count === 1
        ? bad.reason
        : `${bad.count} unreadable stretches between offsets ${bad.offset} and ${before} skipped (first: ${bad.reason})`;
    out.push({
      kind: 'error',
      problem: { recordNumber: ++this.recordNumber, byteOffset: bad.offset, reason },
    });
  }

  private scan(final: boolean): ReadItem[] {
    const out: ReadItem[] = [];
    const bytes = asBuffer(this.window.view());
    const origin = this.window.origin;
    let i = this.pos;
    while (i < bytes.length) {
      const b = bytes[i]!;
      if (this.start < 0) {
        // Between values.
        if (isSpace(b) || (this.mode === 'array' && b === 0x2c)) i++;
        else if (this.mode === 'start') {
          if (b === 0x5b) i++;
          this.mode = b === 0x5b ? 'array' : 'sequence';
        } else if (this.mode === 'done') {
          if (!this.trailing)
            this.error(out, origin + i, 'unexpected data after the end of the JSON array: ignored');
          this.trailing = true;
          i = bytes.length;
        } else if (this.mode === 'array' && b === 0x5d) {
          this.mode = 'done';
          i++;
        } else if (this.mode === 'sequence' && b !== 0x7b) {
          // Not the start of a record: junk up to the next '{', reported once.
          if (this.junkStart < 0) this.junkStart = origin + i;
          this.junkEnd = origin + i + 1;
          i++;
        } else {
          this.flushJunk(out);
          this.start = i;
          this.depth = 0;
        }
        continue;
      }
      // Inside a value: find its end, tracking strings and nesting.
      let stop = -1;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (b === 0x5c) this.escaped = true;
        else if (b === 0x22) {
          this.inString = false;
          if (this.depth === 0) stop = i + 1;
        }
      } else if (b === 0x22) this.inString = true;
      else if (b === 0x7b || b === 0x5b) this.depth++;
      else if (b === 0x7d || b === 0x5d) {
        if (this.depth === 0)
          stop = i; // a bare value ended by the enclosing bracket
        else if (--this.depth === 0) stop = i + 1;
      } else if (this.depth === 0 && i > this.start && (b === 0x2c || isSpace(b))) stop = i;
      if (stop >= 0) {
        if (stop <= this.start) stop = this.start + 1; // a stray ']' or '}': an invalid one-byte value
        this.finishValue(out, bytes, stop, origin);
        i = stop;
        continue;
      }
      i++;
      if (!this.oversized && i - this.start > this.cap) {
        this.error(
          out,
          origin + this.start,
          `record larger than the ${this.cap}-byte limit (maxRecordBytes): skipped`,
        );
        this.oversized = true;
      }
    }
    if (final) {
      this.flushJunk(out);
      if (this.start >= 0 && this.depth === 0 && !this.inString)
        this.finishValue(out, bytes, bytes.length, origin);
      else if (this.start >= 0) {
        if (!this.oversized)
          this.error(out, origin + this.start, 'the data ends inside a JSON value (truncated)');
        this.start = -1;
        this.oversized = false;
      } else if (this.mode === 'array')
        this.error(out, origin + bytes.length, 'the JSON array is not closed');
      if (this.recordNumber === 0 && !this.bad && origin + bytes.length > 0) {
        this.error(out, 0, 'no MARC-in-JSON records found');
      }
      this.flushBad(out, origin + bytes.length);
      i = bytes.length;
    }
    // Keep the current value in the window (unless it is being skipped); drop everything before it.
    const keep = this.start >= 0 && !this.oversized ? this.start : i;
    this.window.consume(keep);
    this.pos = i - keep;
    if (this.start >= 0) this.start = Math.max(0, this.start - keep);
    return out;
  }

  private finishValue(out: ReadItem[], bytes: Buffer, stop: number, origin: number): void {
    const start = this.start;
    this.start = -1;
    if (this.oversized) {
      this.oversized = false;
      this.start = -1;
      return;
    }
    let value: Json;
    try {
      value = JSON.parse(bytes.toString('utf8', start, stop));
    } catch (error) {
      this.error(out, origin + start, `invalid JSON: ${(error as Error).message}`);
      return;
    }
    // The pending problems (if any) will take the next number, the record the one after.
    const recordNumber = this.recordNumber + (this.bad ? 2 : 1);
    const item = marcJsonToRecord(value, recordNumber, origin + start, this.options);
    if (item.kind === 'error') return this.error(out, origin + start, item.problem.reason);
    this.flushBad(out, origin + start);
    this.recordNumber = recordNumber;
    out.push(item);
  }
}

type Buffer = ReturnType<typeof asBuffer>;

export function readMarcJson(source: MarcSource, options?: ReadOptions): AsyncGenerator<ReadItem> {
  return pump(source, new MarcJsonParser(options));
}
