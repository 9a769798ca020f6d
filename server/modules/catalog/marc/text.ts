import { Buffer } from 'node:buffer';

/** Text helpers shared by the readers: cheap NFC, code units → string, byte views. */

/**
 * NFC without the cost of String.prototype.normalize on text that is already NFC. A character is "inert" when
 * NFC leaves it alone, it is not a combining mark, its decomposition starts with a non-mark and it is not a
 * Hangul jamo (the only non-mark second halves of canonical compositions); a string of inert characters is NFC
 * already. Every character below U+0300 is inert; the table for the rest of the BMP is built from the runtime's
 * own Unicode data on first use (about 20 ms); surrogates (astral characters) always take the slow path.
 */
let notInert: Uint8Array | undefined;

function buildTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const mark = /^\p{M}/u;
  for (let c = 0x300; c < 0x10000; c++) {
    const s = String.fromCharCode(c);
    if (
      (c >= 0xd800 && c <= 0xdfff) ||
      (c >= 0x1100 && c <= 0x11ff) ||
      mark.test(s) ||
      s.normalize('NFC') !== s ||
      mark.test(s.normalize('NFD'))
    ) {
      table[c] = 1;
    }
  }
  return table;
}

export function nfc(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x300 && (notInert ??= buildTable())[c] === 1) return value.normalize('NFC');
  }
  return value;
}

const utf16 = new TextDecoder('utf-16le');

export function unitsToString(units: Uint16Array, length: number): string {
  if (length === 0) return '';
  if (length <= 2048)
    return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  return utf16.decode(units.subarray(0, length));
}

/** A Buffer view of the same memory (no copy), for the fast native latin1/utf8 slicing. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A short printable rendering of bytes for problem reports. */
export function showBytes(bytes: Uint8Array, start: number, end: number, max = 16): string {
  const parts: string[] = [];
  for (let i = start; i < Math.min(end, start + max); i++) {
    const b = bytes[i] ?? 0;
    parts.push(b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`);
  }
  return parts.join('') + (end - start > max ? '…' : '');
}
