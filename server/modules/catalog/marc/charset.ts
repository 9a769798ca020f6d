import { isAscii, isUtf8, type Buffer } from 'node:buffer';
import type { Warnings } from './options.ts';
import { Marc8Decoder, isAnselCombining, isUndefinedAnsel } from './marc8.ts';

/**
 * Choosing and applying a record's character set. Leader/09 'a' means UTF-8 and blank means MARC-8, but real
 * files lie: "MARC-8" records often carry UTF-8 or Latin-1 / Windows-1252 bytes. The choice is made once per
 * record from its bytes and reported as a recovered warning whenever it overrides the leader.
 *
 * Invalid UTF-8 is REPLACED, not rejected: each bad sequence becomes U+FFFD and the record gets a warning naming
 * the field, so one bad byte does not cost the whole record.
 */
export type Encoding = 'utf-8' | 'marc-8' | 'windows-1252';
export type EncodingOption = 'auto' | Encoding;

const ESC = 0x1b;
const windows1252 = new TextDecoder('windows-1252');
const marc8 = new Marc8Decoder();

function isLetter(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || (byte >= 0xa1 && byte <= 0xc8);
}

/**
 * Does a record without escape sequences that claims MARC-8 read better as Windows-1252? MARC-8 combining
 * marks (0xE0–0xFE) precede a letter; Latin-1 accented letters (the same bytes) often end a word, and Latin-1
 * uses bytes ANSEL leaves undefined (0xC9–0xDF: capital accented letters, 0xA0, …). A mark before a letter
 * fits both, so it is weak evidence: one clear Latin-1 sign outweighs up to four of them.
 */
function looksLikeLatin1(bytes: Uint8Array, start: number, end: number): boolean {
  let latin = 0;
  let marc = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if (isUndefinedAnsel(b)) latin++;
    else if (isAnselCombining(b)) {
      const next = i + 1 < end ? bytes[i + 1]! : 0x20;
      if (isLetter(next) || isAnselCombining(next)) marc++;
      else latin++;
    }
  }
  return latin > 0 && latin * 4 >= marc;
}

export type EncodingChoice = { encoding: Encoding; note?: string; ascii: boolean };

export function chooseEncoding(
  bytes: Buffer,
  start: number,
  end: number,
  leader09: string,
  option: EncodingOption,
): EncodingChoice {
  const body = bytes.subarray(start, end);
  const hasEscape = body.indexOf(ESC) >= 0;
  // Pure ASCII without escape sequences reads the same in every one of these encodings: the fast path.
  const ascii = !hasEscape && isAscii(body);
  if (option !== 'auto') return { encoding: option, ascii };
  if (leader09 === 'a') return { encoding: 'utf-8', ascii };
  const odd = leader09 === ' ' ? '' : `leader/09 is '${leader09}' (neither blank nor 'a'); `;
  if (ascii) {
    return odd
      ? { encoding: 'utf-8', ascii, note: `${odd}the data is plain ASCII` }
      : { encoding: 'marc-8', ascii };
  }
  if (!hasEscape && isUtf8(body)) {
    return {
      encoding: 'utf-8',
      ascii,
      note: `${odd || 'leader/09 says MARC-8 but '}the data is valid UTF-8: read as UTF-8`,
    };
  }
  if (!hasEscape && looksLikeLatin1(bytes, start, end)) {
    return {
      encoding: 'windows-1252',
      ascii,
      note: `${odd || 'leader/09 says MARC-8 but '}the bytes look like Latin-1/Windows-1252: read as Windows-1252`,
    };
  }
  return odd ? { encoding: 'marc-8', ascii, note: `${odd}read as MARC-8` } : { encoding: 'marc-8', ascii };
}

/**
 * Decodes the fields of one record to (not yet normalised) strings, delimiters included. When the fields lie
 * one after another, the whole data area is decoded in one call and fields are sliced from it (much cheaper
 * than a native call per field); otherwise, and always for MARC-8 text, field by field.
 */
export class FieldDecoder {
  private bytes!: Buffer;
  private encoding: Encoding = 'utf-8';
  private ascii = true;
  private invalidUtf8 = false;
  private report: Warnings | null = null;
  private whole: string | null = null;
  private cursor = 0;

  start(bytes: Buffer, base: number, end: number, choice: EncodingChoice, report: Warnings, whole: boolean) {
    this.bytes = bytes;
    this.encoding = choice.encoding;
    this.ascii = choice.ascii;
    this.report = report;
    this.invalidUtf8 = choice.encoding === 'utf-8' && !choice.ascii && !isUtf8(bytes.subarray(base, end));
    this.whole = null;
    this.cursor = 0;
    marc8.takeIssues();
    if (whole && !this.invalidUtf8 && (this.ascii || this.encoding !== 'marc-8')) {
      this.whole = this.decode(base, end);
    }
  }

  /** In whole mode: did the fields account for the whole data area (no stray field terminators)? */
  consistent(): boolean {
    return this.whole === null || this.cursor >= this.whole.length;
  }

  private decode(start: number, end: number): string {
    if (this.ascii) return this.bytes.toString('latin1', start, end);
    if (this.encoding === 'utf-8') return this.bytes.toString('utf8', start, end);
    if (this.encoding === 'windows-1252') return windows1252.decode(this.bytes.subarray(start, end));
    marc8.reset(); // designations return to the defaults at the start of each field
    return marc8.decode(this.bytes, start, end);
  }

  field(start: number, end: number, tag: string): string {
    if (this.whole !== null) {
      let stop = this.whole.indexOf('\x1e', this.cursor);
      if (stop < 0) stop = this.whole.length;
      const text = this.whole.slice(this.cursor, stop);
      this.cursor = stop + 1;
      return text;
    }
    if (start >= end) return '';
    const text = this.decode(start, end);
    if (this.invalidUtf8 && this.encoding === 'utf-8' && !isUtf8(this.bytes.subarray(start, end))) {
      this.report?.add(`invalid UTF-8 in field ${tag}: bad sequences replaced with U+FFFD`);
    }
    if (this.encoding === 'marc-8' && !this.ascii) {
      const issues = marc8.takeIssues();
      const first = issues[0];
      if (first) {
        const what = first.kind === 'escape' ? 'unknown escape sequence' : 'unmapped MARC-8 byte';
        const more = issues.length > 1 ? ` (${issues.length} problems in all)` : '';
        const fix = first.kind === 'unmapped' ? 'replaced with U+FFFD' : 'ignored';
        this.report?.add(
          `${what} 0x${first.byte.toString(16).padStart(2, '0')} in field ${tag}${more}: ${fix}`,
        );
      }
    }
    return text;
  }
}
