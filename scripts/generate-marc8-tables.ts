/**
 * Generates server/modules/catalog/marc/generated/marc8-tables.ts from the Library of Congress MARC-8 code
 * tables (codetables.xml). Run: `npx tsx scripts/generate-marc8-tables.ts [path/to/codetables.xml]`.
 *
 * The input is a fixed, trusted file with a flat, regular layout (<characterSet ISOcode="…"> holding
 * <code><marc>hex</marc><ucs>hex</ucs>[<isCombining>true</isCombining>]</code>), so plain pattern matching is
 * enough here; the project's streaming XML reader is for untrusted input.
 *
 * Output layout:
 * - single-byte sets: for each ISO final byte, a 94-entry table of code points for the 7-bit positions
 *   0x21–0x7E (0 = not defined) plus the list of combining positions. Sets whose codes live in the G1 range
 *   (ANSEL: 0xA1–0xFE) are folded to 7 bits; ANSEL's C1 codes (0x88, 0x89, 0x8D, 0x8E) are emitted apart.
 * - EACC (3-byte CJK set): entries sorted by code, packed into one string of base-32 varints (key delta, then
 *   zig-zag value delta), which keeps the file near 100 KB instead of a 15,000-entry object literal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const here = path.dirname(fileURLToPath(import.meta.url));
const input = process.argv[2] ?? path.resolve(here, '../../shared/data/marc8/codetables.xml');
const output = path.resolve(here, '../server/modules/catalog/marc/generated/marc8-tables.ts');

type Code = { marc: number; ucs: number; combining: boolean };
type CharacterSet = { name: string; iso: number; codes: Code[] };

function parseSets(xml: string): CharacterSet[] {
  const sets: CharacterSet[] = [];
  const setPattern =
    /<characterSet\s+name="([^"]*)"[^>]*?ISOcode="([0-9A-Fa-f]+)"[^>]*>([\s\S]*?)<\/characterSet>/g;
  for (const match of xml.matchAll(setPattern)) {
    const [, name = '', iso = '', body = ''] = match;
    const codes: Code[] = [];
    for (const code of body.matchAll(/<code>([\s\S]*?)<\/code>/g)) {
      const text = code[1] ?? '';
      const marc = /<marc>\s*([0-9A-Fa-f]+)\s*<\/marc>/.exec(text)?.[1];
      const ucs = /<ucs>\s*([0-9A-Fa-f]*)\s*<\/ucs>/.exec(text)?.[1] ?? '';
      if (!marc) throw new Error(`code without <marc> in ${name}`);
      codes.push({
        marc: parseInt(marc, 16),
        // An empty <ucs> (the second halves of ANSEL's double-width ligature and tilde) maps to nothing.
        ucs: ucs === '' ? 0 : parseInt(ucs, 16),
        combining: /<isCombining>\s*true\s*<\/isCombining>/.test(text),
      });
    }
    sets.push({ name, iso: parseInt(iso, 16), codes });
  }
  return sets;
}

const hex = (n: number) => `0x${n.toString(16).toUpperCase()}`;

function singleByteSet(set: CharacterSet) {
  const table = new Array<number>(94).fill(0);
  const combining: number[] = [];
  const c1: [number, number][] = [];
  for (const { marc, ucs, combining: isCombining } of set.codes) {
    if (marc < 0x20 || marc === 0x20 || marc === 0x7f) continue; // controls and space are handled by the decoder
    if (marc >= 0x80 && marc < 0xa0) {
      c1.push([marc, ucs]);
      continue;
    }
    const position = (marc & 0x7f) - 0x21;
    if (position < 0 || position >= 94) throw new Error(`${set.name}: code ${hex(marc)} out of range`);
    // 0xFFFF marks "defined, maps to nothing" (kept distinct from 0 = undefined).
    table[position] = ucs === 0 ? 0xffff : ucs;
    if (isCombining) combining.push(position + 0x21);
  }
  return { table, combining, c1 };
}

const BASE32 = '0123456789abcdefghijklmnopqrstuv';
const CONTINUE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*';

/** Unsigned varint: low 5-bit groups first; every group but the last uses the CONTINUE alphabet. */
function varint(value: number): string {
  let out = '';
  let v = value;
  while (v >= 32) {
    out += CONTINUE[v & 31];
    v = Math.floor(v / 32);
  }
  return out + BASE32[v];
}

function packEacc(set: CharacterSet): string {
  const codes = [...set.codes].sort((a, b) => a.marc - b.marc);
  let previousKey = 0;
  let previousValue = 0;
  let out = '';
  for (const { marc, ucs } of codes) {
    if (ucs === 0) continue;
    const delta = ucs - previousValue;
    out += varint(marc - previousKey) + varint(delta < 0 ? -delta * 2 - 1 : delta * 2);
    previousKey = marc;
    previousValue = ucs;
  }
  return out;
}

function generate(xml: string): string {
  const sets = parseSets(xml);
  const lines: string[] = [
    '// GENERATED FILE — do not edit. Produced by scripts/generate-marc8-tables.ts from the Library of',
    '// Congress MARC-8 code tables (codetables.xml). See that script for the layout of the data below.',
    '',
    'export type SingleByteSet = {',
    '  name: string;',
    '  /** Code points for 7-bit positions 0x21–0x7E (index = byte - 0x21); 0 = undefined, 0xFFFF = maps to nothing. */',
    '  table: readonly number[];',
    '  /** 7-bit positions (0x21–0x7E) of combining characters, which precede their base letter in MARC-8. */',
    '  combining: readonly number[];',
    '};',
    '',
    '/** Keyed by the ISO 2022 final byte of the escape sequence that designates the set. */',
    'export const SINGLE_BYTE_SETS: Record<number, SingleByteSet> = {',
  ];
  let eacc = '';
  let c1: [number, number][] = [];
  for (const set of sets) {
    if (set.iso === 0x31) {
      eacc = packEacc(set);
      continue;
    }
    const built = singleByteSet(set);
    c1 = c1.concat(built.c1);
    lines.push(`  ${hex(set.iso)}: {`, `    name: ${JSON.stringify(set.name)},`, '    table: [');
    for (let i = 0; i < 94; i += 12)
      lines.push(
        `      ${built.table
          .slice(i, i + 12)
          .map(hex)
          .join(', ')},`,
      );
    lines.push('    ],', `    combining: [${built.combining.map(hex).join(', ')}],`, '  },');
  }
  lines.push('};', '');
  lines.push('/** ANSEL codes in the C1 range (0x80–0x9F), meaningful whatever set is designated. */');
  lines.push(
    `export const C1_CODES: Record<number, number> = { ${c1.map(([k, v]) => `${hex(k)}: ${hex(v)}`).join(', ')} };`,
  );
  lines.push('');
  lines.push(
    '/** EACC (ISO final 0x31): sorted entries as base-32 varints (key delta, zig-zag code point delta). */',
  );
  lines.push(`export const EACC_PACKED_DIGITS = ${JSON.stringify(BASE32)};`);
  lines.push(`export const EACC_PACKED_CONTINUE = ${JSON.stringify(CONTINUE)};`);
  lines.push('export const EACC_PACKED =');
  for (let i = 0; i < eacc.length; i += 100) {
    lines.push(`  ${JSON.stringify(eacc.slice(i, i + 100))}${i + 100 < eacc.length ? ' +' : ';'}`);
  }
  lines.push('');
  return lines.join('\n');
}

fs.mkdirSync(path.dirname(output), { recursive: true });
// Formatted with the project's Prettier settings so that `npm run format:check` accepts the generated file.
const options = (await prettier.resolveConfig(output)) ?? {};
const source = await prettier.format(generate(fs.readFileSync(input, 'utf8')), {
  ...options,
  filepath: output,
});
fs.writeFileSync(output, source);
console.log(`wrote ${path.relative(process.cwd(), output)} (${fs.statSync(output).size} bytes)`);
