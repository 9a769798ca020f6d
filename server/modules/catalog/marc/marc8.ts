import {
  C1_CODES,
  EACC_PACKED,
  EACC_PACKED_CONTINUE,
  EACC_PACKED_DIGITS,
  SINGLE_BYTE_SETS,
} from './generated/marc8-tables.ts';
import { unitsToString } from './text.ts';

/**
 * MARC-8 → Unicode. MARC-8 is an ISO 2022-style 7/8-bit code: G0 (bytes 0x21–0x7E) starts as ASCII and G1
 * (0xA1–0xFE) as ANSEL (extended Latin); escape sequences designate other sets into G0 or G1:
 *   ESC ( F / ESC , F   → G0 ← single-byte set F        ESC ) F / ESC - F   → G1 ← single-byte set F
 *   ESC $ F / ESC $ ( F / ESC $ , F → G0 ← multi-byte (EACC, F = '1')     ESC $ ) F / ESC $ - F → G1 ← EACC
 *   ESC g / ESC b / ESC p → G0 ← Greek symbols / subscripts / superscripts;  ESC s → G0 ← ASCII
 * where F is 'B' ASCII, '!E' (or 'E') ANSEL, '2' Hebrew, 'N' / 'Q' Cyrillic basic / extended, '3' / '4' Arabic
 * basic / extended, 'S' Greek, '1' CJK (EACC, three bytes per character).
 * Combining marks precede their base character in MARC-8 and follow it in Unicode: they are held back and
 * written after the next base character. Callers normalise the result to NFC.
 */

const ESC = 0x1b;
const FINAL_ASCII = 0x42;
const FINAL_ANSEL = 0x45;
const FINAL_EACC = 0x31;
/** Sets that only define a handful of positions; other bytes fall back to ASCII, as readers expect. */
const PARTIAL_SETS = new Set([0x67, 0x62, 0x70]);

type SingleSet = { kind: 'single'; final: number; map: Int32Array; combining: Uint8Array; partial: boolean };
type GraphicSet = SingleSet | { kind: 'eacc'; final: number };

const singleSets = new Map<number, SingleSet>();
for (const [key, set] of Object.entries(SINGLE_BYTE_SETS)) {
  const final = Number(key);
  const map = new Int32Array(128);
  const combining = new Uint8Array(128);
  set.table.forEach((cp, i) => (map[i + 0x21] = cp));
  for (const position of set.combining) combining[position] = 1;
  singleSets.set(final, { kind: 'single', final, map, combining, partial: PARTIAL_SETS.has(final) });
}
const EACC: GraphicSet = { kind: 'eacc', final: FINAL_EACC };
const ASCII = singleSets.get(FINAL_ASCII)!;
const ANSEL = singleSets.get(FINAL_ANSEL)!;

let eaccMap: Map<number, number> | undefined;
/** Unpacks the EACC table on first use (about 15,700 entries, a few milliseconds). */
function eaccTable(): Map<number, number> {
  if (eaccMap) return eaccMap;
  const map = new Map<number, number>();
  const digit = new Int8Array(128).fill(-1);
  const more = new Int8Array(128).fill(-1);
  for (let i = 0; i < 32; i++) {
    digit[EACC_PACKED_DIGITS.charCodeAt(i)] = i;
    more[EACC_PACKED_CONTINUE.charCodeAt(i)] = i;
  }
  let pos = 0;
  const next = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const c = EACC_PACKED.charCodeAt(pos++);
      const m = more[c] ?? -1;
      if (m >= 0) {
        value += m * scale;
        scale *= 32;
        continue;
      }
      return value + (digit[c] ?? 0) * scale;
    }
  };
  let key = 0;
  let value = 0;
  while (pos < EACC_PACKED.length) {
    key += next();
    const zigzag = next();
    value += zigzag % 2 === 1 ? -(zigzag + 1) / 2 : zigzag / 2;
    map.set(key, value);
  }
  eaccMap = map;
  return map;
}

export type Marc8Issue = { kind: 'unmapped' | 'escape'; byte: number; index: number };

/**
 * A MARC-8 decoder with designation state. State carries from one `decode` call to the next (subfields of one
 * field); call `reset()` at the start of each field, where the defaults (ASCII, ANSEL) apply again.
 */
export class Marc8Decoder {
  private g0: GraphicSet = ASCII;
  private g1: GraphicSet = ANSEL;
  private units = new Uint16Array(256);
  private n = 0;
  private pending: number[] = [];
  /** Problems met since the last `takeIssues()`; unmapped bytes become U+FFFD. */
  issues: Marc8Issue[] = [];

  reset(): void {
    this.g0 = ASCII;
    this.g1 = ANSEL;
  }

  takeIssues(): Marc8Issue[] {
    const issues = this.issues;
    if (issues.length) this.issues = [];
    return issues;
  }

  private push(cp: number): void {
    if (this.n + 2 > this.units.length) {
      const bigger = new Uint16Array(this.units.length * 2);
      bigger.set(this.units);
      this.units = bigger;
    }
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      this.units[this.n++] = 0xd800 + (v >> 10);
      this.units[this.n++] = 0xdc00 + (v & 0x3ff);
    } else {
      this.units[this.n++] = cp;
    }
  }

  /** Writes a base character followed by any combining marks that preceded it. */
  private base(cp: number): void {
    this.push(cp);
    if (this.pending.length) {
      for (const mark of this.pending) this.push(mark);
      this.pending.length = 0;
    }
  }

  private unmapped(byte: number, index: number): void {
    this.issues.push({ kind: 'unmapped', byte, index });
    this.base(0xfffd);
  }

  private single(set: SingleSet, byte: number, index: number): void {
    const b = byte & 0x7f;
    let cp = set.map[b] ?? 0;
    if (cp === 0) {
      if (set.partial && b >= 0x21 && b <= 0x7e) cp = b;
      else return this.unmapped(byte, index);
    }
    if (cp === 0xffff) return; // second half of a double-width mark: Unicode has no separate character
    if (set.combining[b]) this.pending.push(cp);
    else this.base(cp);
  }

  /** Returns the index after the escape sequence at `i`, updating the designations. */
  private escape(bytes: Uint8Array, i: number, end: number): number {
    const at = (k: number) => (i + k < end ? (bytes[i + k] ?? -1) : -1);
    let b = at(1);
    if (b === 0x67 || b === 0x62 || b === 0x70 || b === 0x73) {
      this.g0 = b === 0x73 ? ASCII : singleSets.get(b)!;
      return i + 2;
    }
    let k = 2;
    let multi = false;
    if (b === 0x24) {
      multi = true;
      b = at(2);
      if (b === 0x28 || b === 0x2c || b === 0x29 || b === 0x2d) k = 3;
      else b = 0x28; // ESC $ F designates G0
    } else if (!(b === 0x28 || b === 0x2c || b === 0x29 || b === 0x2d)) {
      this.issues.push({ kind: 'escape', byte: b, index: i });
      return i + 1;
    }
    let final = at(k);
    if (final === 0x21) final = at(++k); // ANSEL is designated as '!E'
    const set: GraphicSet | undefined =
      final === FINAL_EACC ? EACC : multi ? undefined : singleSets.get(final);
    if (!set) {
      this.issues.push({ kind: 'escape', byte: final, index: i });
      return Math.min(i + k + 1, end);
    }
    if (b === 0x28 || b === 0x2c) this.g0 = set;
    else this.g1 = set;
    return i + k + 1;
  }

  private eacc(bytes: Uint8Array, i: number, end: number): number {
    if (i + 3 > end) {
      this.unmapped(bytes[i] ?? 0, i);
      return end;
    }
    const key =
      (((bytes[i] ?? 0) & 0x7f) << 16) | (((bytes[i + 1] ?? 0) & 0x7f) << 8) | ((bytes[i + 2] ?? 0) & 0x7f);
    const cp = eaccTable().get(key);
    if (cp === undefined) this.unmapped(bytes[i] ?? 0, i);
    else this.base(cp);
    return i + 3;
  }

  private flush(): void {
    if (this.pending.length) {
      for (const mark of this.pending) this.push(mark);
      this.pending.length = 0;
    }
  }

  /**
   * Decodes bytes[start, end). A whole data field may be passed: subfield delimiters (0x1F) and the code byte
   * after each are copied as they are, and combining marks never cross a delimiter (a mark left at the end of
   * a subfield stays there).
   */
  decode(bytes: Uint8Array, start: number, end: number): string {
    this.n = 0;
    let i = start;
    while (i < end) {
      const byte = bytes[i]!;
      if (byte >= 0x21 && byte <= 0x7e) {
        if (this.g0.kind === 'eacc') {
          i = this.eacc(bytes, i, end);
          continue;
        }
        this.single(this.g0, byte, i);
        i++;
      } else if (byte === ESC) {
        i = this.escape(bytes, i, end);
      } else if (byte >= 0xa1 && byte <= 0xfe) {
        if (this.g1.kind === 'eacc') {
          i = this.eacc(bytes, i, end);
          continue;
        }
        this.single(this.g1, byte, i);
        i++;
      } else if (byte === 0x20) {
        this.base(byte);
        i++;
      } else if (byte < 0x80) {
        // C0 controls and DEL pass through; pending marks stay before them.
        this.flush();
        this.push(byte);
        if (byte === 0x1f && i + 1 < end) this.push(bytes[++i]!);
        i++;
      } else {
        const cp = C1_CODES[byte];
        if (cp === undefined) this.unmapped(byte, i);
        else this.base(cp);
        i++;
      }
    }
    this.flush(); // marks with nothing after them stay at the end
    return unitsToString(this.units, this.n);
  }
}

/** ANSEL G1 bytes (0xA1–0xFE) that MARC-8 leaves undefined: a strong sign of Latin-1 / Windows-1252 text. */
export function isUndefinedAnsel(byte: number): boolean {
  if (byte >= 0xa1 && byte <= 0xfe) return (ANSEL.map[byte & 0x7f] ?? 0) === 0;
  return byte >= 0x80 && C1_CODES[byte] === undefined;
}

/** True for ANSEL combining diacritics (0xE0–0xFE range, as designated by default in G1). */
export function isAnselCombining(byte: number): boolean {
  return byte >= 0xa1 && byte <= 0xfe && ANSEL.combining[byte & 0x7f] === 1;
}
