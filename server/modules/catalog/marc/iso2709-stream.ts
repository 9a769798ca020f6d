import { parseIso2709Record, type ParseContext } from './iso2709.ts';
import { maxRecordBytes, type ReadOptions } from './options.ts';
import type { ReadItem } from './record.ts';
import { ByteWindow, pump, type MarcSource } from './source.ts';
import { showBytes } from './text.ts';

/**
 * Streaming ISO 2709: splits a byte stream into records and parses each one. Memory is bounded by one record
 * (capped by maxRecordBytes) plus one input slice, however large the file.
 *
 * Framing rules, in order, at each record boundary:
 * - a plausible leader (digits in 00-04 and 12-16, letters or blanks in 05-07, printable elsewhere) starts a
 *   record, which ends at the next record terminator (0x1D) — the terminator is the truth when the leader's
 *   length disagrees; but when the leader's length ends exactly at a field terminator followed by another
 *   plausible leader, the record lost its terminator and ends there;
 * - a lone 0x1D is an empty (malformed) record;
 * - anything else is junk, skipped up to the next plausible leader. Junk made only of padding (newlines,
 *   blanks, NUL, ^Z) becomes a recovered warning on the next record (or on the last one, at the end of the
 *   file); other junk is reported as an unreadable record of its own.
 * - a record larger than maxRecordBytes is reported and skipped: to its terminator if one is in sight, else
 *   to the next plausible leader; a record cut short by the end of the file is reported as truncated.
 */

const RT = 0x1d;
const FT = 0x1e;

const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;
const isLetter = (b: number | undefined) =>
  b !== undefined && ((b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a));
const isPrintable = (b: number | undefined) => b !== undefined && b >= 0x20 && b <= 0x7e;
const isPadding = (b: number) =>
  b === 0x0a || b === 0x0d || b === 0x20 || b === 0x09 || b === 0x00 || b === 0x1a;

export function isPlausibleLeader(bytes: Uint8Array, at: number): boolean {
  if (at + 24 > bytes.length) return false;
  for (let i = 0; i < 24; i++) {
    const b = bytes[at + i];
    if (i < 5 || (i >= 12 && i < 17)) {
      if (!isDigit(b)) return false;
    } else if (i >= 5 && i <= 7) {
      if (!isLetter(b) && b !== 0x20) return false;
    } else if (i === 10 || i === 11) {
      if (!isDigit(b) && b !== 0x20) return false;
    } else if (!isPrintable(b)) return false;
  }
  return true;
}

type Junk = { start: number; end: number; padding: boolean; head: number[] };

export class Iso2709Framer {
  private readonly window = new ByteWindow();
  private readonly cap: number;
  private recordNumber = 0;
  private junk: Junk | null = null;
  private skipping = false;
  private pendingWarnings: string[] = [];
  private held: ReadItem | null = null;
  /** File offset before which the current partial record is known to hold no record terminator. */
  private searchedTo = 0;

  private readonly context: ParseContext;

  constructor(options: ReadOptions = {}) {
    this.cap = maxRecordBytes(options);
    this.context = { ...options };
  }

  /**
   * Leftover bytes are completed from the head of the new chunk in the window; the rest of the chunk is
   * framed in place, and only its unfinished tail is copied — so most bytes are never copied at all.
   */
  feed(chunk: Uint8Array): ReadItem[] {
    const out: ReadItem[] = [];
    const window = this.window;
    let rest = chunk;
    if (window.length > 0) {
      const t = chunk.indexOf(RT);
      const head = t < 0 || this.junk || this.skipping ? chunk.length : t + 1;
      window.append(chunk.subarray(0, head));
      window.consume(this.scan(window.view(), window.origin, false, out));
      if (window.length > 0) {
        window.append(chunk.subarray(head));
        window.consume(this.scan(window.view(), window.origin, false, out));
        return out;
      }
      rest = chunk.subarray(head);
    }
    const consumed = this.scan(rest, window.origin, false, out);
    window.origin += consumed;
    window.append(rest.subarray(consumed));
    return out;
  }

  end(): ReadItem[] {
    const out: ReadItem[] = [];
    this.window.consume(this.scan(this.window.view(), this.window.origin, true, out));
    this.endJunk(out, true);
    if (this.held) out.push(this.held);
    this.held = null;
    return out;
  }

  private emit(out: ReadItem[], item: ReadItem): void {
    if (this.held) out.push(this.held);
    this.held = item;
  }

  private error(out: ReadItem[], byteOffset: number, reason: string): void {
    this.emit(out, { kind: 'error', problem: { recordNumber: ++this.recordNumber, byteOffset, reason } });
  }

  private addJunk(bytes: Uint8Array, from: number, to: number): void {
    if (from >= to) return;
    const origin = this.origin;
    let padding = true;
    for (let i = from; i < to && padding; i++) padding = isPadding(bytes[i]!);
    const junk = (this.junk ??= { start: origin + from, end: origin + to, padding, head: [] });
    junk.end = origin + to;
    junk.padding &&= padding;
    for (let i = from; i < to && junk.head.length < 16; i++) junk.head.push(bytes[i]!);
  }

  private endJunk(out: ReadItem[], atEnd: boolean): void {
    const junk = this.junk;
    if (!junk) return;
    this.junk = null;
    const size = junk.end - junk.start;
    const range = `${size} byte(s) at offsets ${junk.start}–${junk.end - 1}`;
    if (!junk.padding) {
      const where = atEnd ? 'at the end of the file' : 'before the next record';
      this.error(
        out,
        junk.start,
        `unreadable data ${where}, no valid leader: skipped ${range} (${showBytes(Uint8Array.from(junk.head), 0, junk.head.length)}${size > 16 ? '…' : ''})`,
      );
    } else if (!atEnd) {
      this.pendingWarnings.push(`skipped ${range} of padding (newlines, blanks or NULs) before this record`);
    } else if (this.held?.kind === 'record') {
      this.held.warnings.push({
        recordNumber: this.held.recordNumber,
        byteOffset: this.held.byteOffset,
        reason: `skipped ${range} of padding after this record at the end of the file`,
        recovered: true,
      });
    } else if (this.held) {
      this.held.problem.reason += `; followed by ${range} of padding at the end of the file (ignored)`;
    } else {
      this.error(out, junk.start, `no records: the file holds only ${range} of padding`);
    }
  }

  /** File offset of bytes[0] in the current scan. */
  private origin = 0;

  /** Frames as many items as `bytes` allows; returns the number of bytes consumed. */
  private scan(bytes: Uint8Array, origin: number, final: boolean, out: ReadItem[]): number {
    this.origin = origin;
    const length = bytes.length;
    let p = 0;
    while (p < length) {
      if (this.skipping) {
        // After a record too large to hold: discard up to the next plausible leader.
        let q = p;
        const limit = final ? length : length - 23;
        while (q < limit && !isPlausibleLeader(bytes, q)) q++;
        if (q >= limit) return final ? length : q;
        this.skipping = false;
        p = q;
        continue;
      }
      if (!this.junk && bytes[p] === RT) {
        this.error(out, origin + p, 'empty record: a record terminator (0x1D) with no record before it');
        p++;
        continue;
      }
      if (length - p < 24 && !final) return p;
      if (this.junk || !isPlausibleLeader(bytes, p)) {
        let q = p;
        const limit = final ? length : length - 23;
        while (q < limit && !isPlausibleLeader(bytes, q)) q++;
        this.addJunk(bytes, p, q);
        p = q;
        if (q >= limit) return final ? length : p;
        this.endJunk(out, false);
      }
      const framed = this.frame(bytes, p, final, out);
      if (framed < 0) return p;
      p = framed;
    }
    return p;
  }

  /** Frames the record at `p`; returns the offset after it, or -1 when more data is needed. */
  private frame(bytes: Uint8Array, p: number, final: boolean, out: ReadItem[]): number {
    const origin = this.origin;
    const length = bytes.length;
    let declared = 0;
    for (let i = p; i < p + 5; i++) declared = declared * 10 + bytes[i]! - 0x30;
    const t = bytes.indexOf(RT, Math.max(p, this.searchedTo - origin));
    let end = t < 0 ? -1 : t + 1;
    const limit = t < 0 ? length : t;
    // A record that lost its terminator: its leader length (which counts the terminator) ends at a field
    // terminator with another plausible leader right after it.
    const lost = declared - 1;
    if (declared >= 26 && end !== p + declared && p + lost < limit && bytes[p + lost - 1] === FT) {
      if (isPlausibleLeader(bytes, p + lost)) end = p + lost;
    } else if (end < 0 && final && p + lost === length && bytes[length - 1] === FT) {
      end = length; // the last record lost its terminator
    }
    if (end < 0 || end - p > this.cap) {
      if (end < 0 && length - p <= this.cap && !final) {
        this.searchedTo = origin + length;
        return -1;
      }
      this.searchedTo = 0;
      const warnings = this.pendingWarnings.splice(0);
      const context = warnings.length ? ` (${warnings.join('; ')})` : '';
      if (end < 0 && final && length - p <= this.cap) {
        const note = declared ? `; its leader says ${declared}` : '';
        this.error(
          out,
          origin + p,
          `truncated record: the file ends after ${length - p} byte(s)${note}${context}`,
        );
        return length;
      }
      this.error(
        out,
        origin + p,
        `record larger than the ${this.cap}-byte limit (maxRecordBytes): skipped${context}`,
      );
      if (end < 0) this.skipping = true;
      return end < 0 ? length : end;
    }
    this.searchedTo = 0;
    const context = this.context;
    context.recordNumber = ++this.recordNumber;
    context.byteOffset = origin + p;
    context.warnings = this.pendingWarnings.length ? this.pendingWarnings.splice(0) : undefined;
    const item = parseIso2709Record(bytes.subarray(p, end), context);
    this.emit(out, item);
    return end;
  }
}

/** Reads ISO 2709 records from a stream, one ReadItem per record (or per unreadable stretch). */
export function readIso2709(source: MarcSource, options?: ReadOptions): AsyncGenerator<ReadItem> {
  return pump(source, new Iso2709Framer(options));
}
