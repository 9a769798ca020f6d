/** Field-level helpers of feature extraction: subfield access, names, record type, extent, ids. */
import type { DataField } from '../marc/record.ts';
import type { Author, RecordType } from './features.ts';
import { EMPTY, fold, numberOfToken } from './normalize.ts';

const PAGES =
  /(\d+)\s*\]?\s*(?:pages?\b|p\b|pp\b|pag\b|páginas|paginas|pagine|seiten|S\.|sider|sivua|stron|str\.|s\.|leaves|leaf|l\.|f\.|ff\.|feuillets|h\.|hojas|bl\.)/gi;
export const YEAR = /(?:^|\D)(1[0-9]\d\d|20\d\d)(?!\d)/;
const PUBLISHER_NOISE = new Set(
  (
    'the and of for et und y e de del la le les du des der die das s n sn inc incorporated ltd limited co company corp corporation publisher publishers ' +
    'publishing pub publ press books book verlag verlage editions edition editorial editores editora edizioni ' +
    'gmbh ag sa llc plc group media house kg bv ab as oy'
  ).split(' '),
);

export function first(field: DataField, code: string): string | undefined {
  for (const s of field.subfields) if (s.code === code) return s.value;
  return undefined;
}

export function joined(field: DataField, codes: string): string {
  let out = '';
  for (const s of field.subfields) if (codes.includes(s.code)) out = out ? out + ' ' + s.value : s.value;
  return out;
}

export function push<T>(list: T[], value: T | undefined): T[] {
  if (value === undefined) return list;
  if (list === (EMPTY as unknown[])) return [value];
  if (!list.includes(value)) list.push(value);
  return list;
}

export function author(field: DataField, main: boolean): Author | undefined {
  const personal = field.tag.endsWith('00');
  const raw = personal ? first(field, 'a') : joined(field, field.tag.endsWith('10') ? 'ab' : 'a');
  if (!raw) return undefined;
  const cleaned = raw.includes('[') ? raw.replace(/\[from old catalog\]/i, '') : raw;
  if (!personal) {
    const name = fold(cleaned);
    return name
      ? { name, surname: name.split(' ', 1)[0]!, given: '', personal, main, words: sortedWords(name) }
      : undefined;
  }
  const comma = cleaned.indexOf(',');
  let surname: string;
  let given: string;
  if (comma > 0) {
    surname = fold(cleaned.slice(0, comma));
    given = fold(cleaned.slice(comma + 1));
  } else {
    const words = fold(cleaned);
    const space = words.lastIndexOf(' ');
    // "Jack Collins" catalogued without inversion: surname last, unless the indicator says forename.
    surname = field.ind1 !== '0' && space > 0 ? words.slice(space + 1) : words;
    given = field.ind1 !== '0' && space > 0 ? words.slice(0, space) : '';
  }
  if (!surname) return undefined;
  const name = given ? surname + ' ' + given : surname;
  return { name, surname, given, personal, main, words: sortedWords(name) };
}

/** The words of a name in alphabetical order: "garcia marquez gabriel" → "gabriel garcia marquez". */
export function sortedWords(name: string): string {
  return name.indexOf(' ') < 0 ? name : name.split(' ').sort().join(' ');
}

export function recordTypeOf(type: string, level: string, f008: string): RecordType {
  switch (type) {
    case 'a':
    case 't':
      return level === 's' || level === 'i' ? 'serial' : level === 'a' || level === 'b' ? 'article' : 'book';
    case 'c':
    case 'd':
      return 'score';
    case 'e':
    case 'f':
      return 'map';
    case 'g':
      return 'fst'.includes(f008[33] ?? ' ') && f008[33] !== ' ' ? 'image' : 'video';
    case 'i':
      return 'audio';
    case 'j':
      return 'music';
    case 'k':
      return 'image';
    case 'm':
      return f008[26] === 'd' ? (level === 's' || level === 'i' ? 'serial' : 'book') : 'software';
    case 'o':
      return 'kit';
    case 'p':
      return 'mixed';
    case 'r':
      return 'object';
    default:
      return 'book';
  }
}

export const VIDEO_007: Record<string, string> = { v: 'dvd', s: 'bluray', b: 'vhs' };
export const AUDIO_338: Record<string, string> = {
  sd: 'audiodisc',
  ss: 'cassette',
  vd: 'videodisc',
  vf: 'videocassette',
};

export function pagesOf(extent: string): number | undefined {
  let best: number | undefined;
  PAGES.lastIndex = 0;
  for (let m = PAGES.exec(extent); m; m = PAGES.exec(extent)) {
    const n = Number(m[1]);
    if (n > 0 && (best === undefined || n > best)) best = n;
  }
  return best;
}

/** Extracts everything the matcher, the blocking keys and the display-record choice need, in one pass. */
const PRELIMINARIES = /(?:^|[\s([])([ivxlc]+)\s*,\s*\[?\d/;

export function preliminaries(extent: string, pages: number): number | undefined {
  const m = PRELIMINARIES.exec(extent);
  if (!m) return undefined;
  const roman = numberOfToken(m[1]!, true);
  return roman !== undefined && roman !== pages ? pages + roman : undefined;
}

export function idValue(prefix: string, raw: string): string | undefined {
  const v = raw
    .replace(/[\s-]+/g, '')
    .replace(/\(.*$/, '')
    .toUpperCase();
  return v ? `${prefix}:${v}` : undefined;
}

export function publisherKey(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const folded = fold(raw);
  let out = '';
  for (let start = 0; start < folded.length;) {
    let end = folded.indexOf(' ', start);
    if (end < 0) end = folded.length;
    const word = folded.slice(start, end);
    if (!PUBLISHER_NOISE.has(word)) out = out ? out + ' ' + word : word;
    start = end + 1;
  }
  return out || undefined;
}
