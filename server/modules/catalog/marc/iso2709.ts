import type { Buffer } from 'node:buffer';
import { FieldDecoder, chooseEncoding } from './charset.ts';
import { Warnings, type ReadOptions } from './options.ts';
import { isControlTag, type Field, type ReadItem, type Subfield } from './record.ts';
import { asBuffer, nfc, showBytes } from './text.ts';

/**
 * One ISO 2709 (MARC 21) record → MarcRecord, defensively. The directory is checked against the field and
 * record terminators, which are taken as the truth when the two disagree; anything repaired becomes a
 * `recovered` warning, anything unusable rejects the record with an error item. Never throws on bad input.
 */

const RT = 0x1d;
const FT = 0x1e;
const SF = 0x1f;

export type ParseContext = ReadOptions & {
  /** 1-based position in the file, for problem reports (default 1). */
  recordNumber?: number;
  /** Offset of the record's first byte in the file (default 0). */
  byteOffset?: number;
  /** Warnings already known for this record (e.g. from the stream framer). */
  warnings?: string[];
};

type Located = { tag: string; start: number; end: number };

function digits(buf: Buffer, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = (buf[i] ?? 0) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

const tagCache = new Map<number, string>();
/** Tags repeat endlessly: one string per distinct tag instead of one per field. */
function tagAt(buf: Buffer, at: number): string {
  const key = (buf[at]! << 16) | (buf[at + 1]! << 8) | buf[at + 2]!;
  let tag = tagCache.get(key);
  if (tag === undefined) {
    tag = buf.toString('latin1', at, at + 3);
    if (tagCache.size < 4096) tagCache.set(key, tag);
  }
  return tag;
}

const isTagByte = (b: number) =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const isIndicator = (b: number) => b === 0x20 || (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a);

function readLeader(buf: Buffer, warn: Warnings): string {
  let leader = buf.toString('latin1', 0, 24);
  if (/[^\x20-\x7e]/.test(leader)) {
    warn.add('leader has non-printable bytes, replaced with blanks');
    leader = leader.replace(/[^\x20-\x7e]/g, ' ');
  }
  if (leader[10] !== '2' || leader[11] !== '2') {
    warn.add(
      `leader/10-11 is '${leader.slice(10, 12)}', expected '22': read as MARC 21 (2 indicators, 1-char codes)`,
    );
  }
  if (leader[20] !== '4' || leader[21] !== '5' || leader[22] !== '0') {
    warn.add(
      `leader/20-22 is '${leader.slice(20, 23)}', expected '450': read as MARC 21 (12-byte directory entries)`,
    );
  }
  return leader;
}

function locateFields(buf: Buffer, dirEnd: number, base: number, end: number, warn: Warnings) {
  const count = Math.floor((dirEnd - 24) / 12);
  if ((dirEnd - 24) % 12)
    warn.add(`directory is ${dirEnd - 24} bytes, not a multiple of 12: ignored the last part`);
  const tags: string[] = [];
  const lengths: number[] = [];
  const starts: number[] = [];
  let consistent = true;
  for (let i = 0, at = 24; i < count; i++, at += 12) {
    tags.push(tagAt(buf, at));
    const length = digits(buf, at + 3, 4);
    const start = digits(buf, at + 7, 5);
    lengths.push(length);
    starts.push(start);
    if (length < 1 || start < 0 || base + start + length > end || buf[base + start + length - 1] !== FT) {
      consistent = false;
    }
  }
  const located: Located[] = [];
  if (consistent) {
    for (let i = 0; i < count; i++) {
      const start = base + starts[i]!;
      located.push({ tag: tags[i]!, start, end: start + lengths[i]! - 1 });
    }
    return located;
  }
  // The directory disagrees with the data. If the data area splits into exactly one piece per directory
  // entry, the field terminators are the truth: read the pieces in directory order (the order of the data in
  // practice; offsets in a broken directory are the least trustworthy part).
  const pieces: [number, number][] = [];
  for (let at = base; at < end;) {
    let t = buf.indexOf(FT, at);
    if (t < 0 || t >= end) t = end;
    pieces.push([at, t]);
    at = t + 1;
  }
  if (pieces.length === count && count > 0) {
    pieces.forEach(([start, stop], k) => located.push({ tag: tags[k]!, start, end: stop }));
    const unterminated = buf[end - 1] !== FT;
    warn.add(
      `directory lengths/offsets disagree with the field terminators: read the ${count} fields by their terminators` +
        (unterminated ? ' (the last field has no terminator)' : ''),
    );
    return located;
  }
  for (let i = 0; i < count; i++) {
    const tag = tags[i]!;
    const length = lengths[i]!;
    const offset = starts[i]!;
    const start = base + offset;
    const entry = `directory entry ${i + 1} (${JSON.stringify(tag)})`;
    if (offset < 0 || length < 0) {
      warn.add(`${entry} has a non-numeric length or start: field dropped`);
      continue;
    }
    if (start >= end) {
      warn.add(
        `${entry} points outside the record (start ${offset}, data area ${end - base} bytes): field dropped`,
      );
      continue;
    }
    if (start + length <= end && length > 0 && buf[start + length - 1] === FT) {
      located.push({ tag, start, end: start + length - 1 });
      continue;
    }
    let t = buf.indexOf(FT, start);
    if (t >= end) t = -1;
    if (start + length <= end && (t < 0 || t >= start + length) && starts[i + 1] === offset + length) {
      warn.add(`${entry} has no field terminator`);
      located.push({ tag, start, end: start + length });
    } else if (t >= 0) {
      warn.add(
        `${entry} says ${length} bytes but its field terminator makes it ${t - start + 1}: used the terminator`,
      );
      located.push({ tag, start, end: t });
    } else {
      warn.add(`${entry} has no field terminator: field runs to the end of the record`);
      located.push({ tag, start, end });
    }
  }
  return located;
}

const decoder = new FieldDecoder();

/** A data field from its decoded text (indicators, then subfields introduced by 0x1F). */
function dataField(text: string, tag: string, warn: Warnings): Field | null {
  const end = text.length;
  if (end === 0) {
    warn.add(`field ${tag} is empty: dropped`);
    return null;
  }
  let first = text.indexOf('\x1f');
  if (first < 0) first = end;
  let ind1 = ' ';
  let ind2 = ' ';
  if (first >= 2) {
    if (first === end && end > 2) {
      warn.add(
        `field ${tag} has no subfields, only text ${JSON.stringify(text.slice(0, 40))}: field dropped`,
      );
      return null;
    }
    const c1 = text.charCodeAt(0);
    const c2 = text.charCodeAt(1);
    if (isIndicator(c1)) ind1 = text[0]!;
    if (isIndicator(c2)) ind2 = text[1]!;
    if (!isIndicator(c1) || !isIndicator(c2)) {
      warn.add(`field ${tag} has invalid indicators ${JSON.stringify(text.slice(0, 2))}: set to blank`);
    }
    if (first > 2)
      warn.add(`field ${tag}: ${first - 2} stray character(s) before the first subfield ignored`);
  } else {
    warn.add(`field ${tag} is missing its indicators: set to blank`);
  }
  const subfields: Subfield[] = [];
  for (let at = first; at < end;) {
    let next = text.indexOf('\x1f', at + 1);
    if (next < 0) next = end;
    if (next === at + 1) {
      warn.add(`field ${tag} has an empty subfield (delimiter without a code): skipped`);
    } else {
      const code = text[at + 1]!;
      const c = code.charCodeAt(0);
      if (c <= 0x20 || c >= 0x7f)
        warn.add(`field ${tag} has a subfield with an invalid code ${JSON.stringify(code)}`);
      subfields.push({ code, value: nfc(text.slice(at + 2, next)) });
    }
    at = next;
  }
  if (subfields.length === 0) warn.add(`field ${tag} has no subfields`);
  return { tag, ind1, ind2, subfields };
}

/** Fields one after another, each ending where the next begins: the data area can be decoded in one go. */
function contiguous(located: Located[], base: number): boolean {
  let expected = base;
  for (const field of located) {
    if (field.start !== expected) return false;
    expected = field.end + 1;
  }
  return true;
}

function readFields(buf: Buffer, located: Located[], warn: Warnings): Field[] {
  const fields: Field[] = [];
  for (const { tag, start, end } of located) {
    if (!isTagByte(tag.charCodeAt(0)) || !isTagByte(tag.charCodeAt(1)) || !isTagByte(tag.charCodeAt(2))) {
      decoder.field(start, end, tag);
      warn.add(`directory has an invalid tag ${JSON.stringify(tag)}: field dropped`);
      continue;
    }
    const text = decoder.field(start, end, tag);
    const subfielded = end - start > 2 && buf[start + 2] === SF;
    if (isControlTag(tag) && !subfielded) fields.push({ tag, value: nfc(text) });
    else {
      if (isControlTag(tag))
        warn.add(`control field ${tag} has indicators and subfields: read as a data field`);
      const field = dataField(text, tag, warn);
      if (field) fields.push(field);
    }
  }
  return fields;
}

function rejected(recordNumber: number, byteOffset: number, reason: string): ReadItem {
  return { kind: 'error', problem: { recordNumber, byteOffset, reason } };
}

export function parseIso2709Record(bytes: Uint8Array, context: ParseContext = {}): ReadItem {
  const recordNumber = context.recordNumber ?? 1;
  const byteOffset = context.byteOffset ?? 0;
  const warn = new Warnings(recordNumber, byteOffset, context.maxWarningsPerRecord);
  for (const reason of context.warnings ?? []) warn.add(reason);
  const buf = asBuffer(bytes);
  const total = buf.length;
  const terminated = total > 0 && buf[total - 1] === RT;
  const end = terminated ? total - 1 : total;
  if (end < 24)
    return rejected(recordNumber, byteOffset, `record is ${total} byte(s), too short for a leader`);
  const declared = digits(buf, 0, 5);
  if (declared < 0) warn.add(`leader record length ${JSON.stringify(showBytes(buf, 0, 5))} is not numeric`);
  else if (declared !== total && terminated) {
    warn.add(
      `leader says ${declared} bytes but the record terminator ends the record at ${total}: used the terminator`,
    );
  }
  if (!terminated) warn.add('record terminator (0x1D) missing');
  const leader = readLeader(buf, warn);

  let dirEnd = buf.indexOf(FT, 24);
  if (dirEnd < 0 || dirEnd >= end)
    return rejected(recordNumber, byteOffset, 'no directory terminator (0x1E) found');
  let base = digits(buf, 12, 5);
  if (base - 1 > dirEnd && base <= end && buf[base - 1] === FT && (base - 25) % 12 === 0) {
    dirEnd = base - 1; // a 0x1E inside the directory: the leader's base address is consistent, trust it
  } else if (base !== dirEnd + 1) {
    warn.add(
      `leader base address ${base < 0 ? 'is not numeric' : base}; the directory ends at ${dirEnd}: used ${dirEnd + 1}`,
    );
    base = dirEnd + 1;
  }
  const located = locateFields(buf, dirEnd, base, end, warn);
  const choice = chooseEncoding(buf, base, end, leader[9] ?? ' ', context.encoding ?? 'auto');
  if (choice.note) warn.add(choice.note);
  const whole = contiguous(located, base);
  const known = warn.list.length;
  decoder.start(buf, base, end, choice, warn, whole);
  let fields = readFields(buf, located, warn);
  if (whole && !decoder.consistent()) {
    // A field terminator inside a field: decode field by field instead.
    warn.truncate(known);
    decoder.start(buf, base, end, choice, warn, false);
    fields = readFields(buf, located, warn);
  }
  if (fields.length === 0) {
    const why = warn.list.slice(0, 3).map((w) => w.reason);
    return rejected(recordNumber, byteOffset, `no usable fields${why.length ? ` (${why.join('; ')})` : ''}`);
  }
  // Text is Unicode now, whatever the source: leader/09 says so (as yaz-marcdump -t UTF-8 does).
  const record = { leader: `${leader.slice(0, 9)}a${leader.slice(10)}`, fields };
  return { kind: 'record', record, recordNumber, byteOffset, warnings: warn.done() };
}
