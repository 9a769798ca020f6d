import type { RecordPage } from '../../../shared/contracts/catalog-search.ts';
import { controlValue, dataFields, type DataField, type MarcRecord } from './marc/index.ts';

type Line = RecordPage['display'][number];
type Key = Line['key'];

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Trailing ISBD punctuation is for cards, not screens ("Austin, Tex. :" → "Austin, Tex."). */
const tidy = (s: string) => squash(s).replace(/\s*[/:;,=]$/, '');

function text(field: DataField, codes: string): string {
  return tidy(
    field.subfields
      .filter((sf) => codes.includes(sf.code))
      .map((sf) => sf.value)
      .join(' '),
  );
}

function subjectHeading(field: DataField): string {
  const main = tidy(
    field.subfields
      .filter((sf) => !'vxyz0123468'.includes(sf.code))
      .map((sf) => sf.value)
      .join(' '),
  ).replace(/\.$/, '');
  const subdivisions = field.subfields
    .filter((sf) => 'vxyz'.includes(sf.code))
    .map((sf) => tidy(sf.value).replace(/\.$/, ''));
  return [main, ...subdivisions].filter(Boolean).join(' -- ');
}

/** Only web addresses become links: a record's 856 can hold anything. */
const isWebAddress = (s: string) => /^https?:\/\/[^\s]+$/i.test(s);

/**
 * The record page's labelled lines, in the order discovery layers show them. Values keep the
 * cataloguer's wording; only card punctuation at the ends is dropped.
 */
export function displayLines(record: MarcRecord, format: string): Line[] {
  const lines = new Map<Key, string[]>();
  const add = (key: Key, value: string | undefined | null) => {
    const v = value ? squash(value) : '';
    if (!v) return;
    const list = lines.get(key) ?? [];
    if (!list.includes(v)) list.push(v);
    lines.set(key, list);
  };
  const each = (tag: string | RegExp, fn: (f: DataField) => void) => dataFields(record, tag).forEach(fn);

  each('245', (f) => add('title', text(f, 'abfgknps')));
  each(/^(130|240|246|730|740)$/, (f) =>
    add('otherTitles', text(f, f.tag === '246' ? 'abnp' : 'adfklmnoprs')),
  );
  each(/^(100|110|111|700|710|711)$/, (f) => add('authors', text(f, 'abcdegjnqu').replace(/[,.]$/, '')));
  each('250', (f) => add('edition', text(f, 'ab')));
  each(/^(260|264)$/, (f) => {
    if (f.tag === '264' && !['1', ' '].includes(f.ind2)) return;
    add('published', text(f, 'abc'));
  });
  each('300', (f) => add('description', text(f, 'abcefg')));
  each(/^(490|800|810|811|830)$/, (f) => add('series', text(f, 'alntv')));
  each(/^(500|501|502|504|506|508|511|518|530|538|546|586)$/, (f) => add('notes', text(f, 'a')));
  each('505', (f) => add('contents', text(f, 'agrt')));
  each('520', (f) => add('summary', text(f, 'ab')));
  each(/^(600|610|611|630|648|650|651|655)$/, (f) => add('subjects', subjectHeading(f)));
  each('020', (f) => add('isbn', text(f, 'aq')));
  each('022', (f) => add('issn', text(f, 'a')));
  each('035', (f) => {
    for (const sf of f.subfields) {
      const m = sf.code === 'a' ? /^\(OCoLC\)\s*(?:ocm|ocn|on)?0*(\d+)$/.exec(sf.value.trim()) : null;
      if (m) add('oclc', m[1]);
    }
  });
  each('010', (f) => add('lccn', text(f, 'a')));
  const lang = controlValue(record, '008')?.slice(35, 38).trim();
  if (lang && /^[a-z]{3}$/.test(lang)) add('language', lang);
  each('041', (f) => f.subfields.filter((sf) => sf.code === 'a').forEach((sf) => add('language', sf.value)));
  add('format', format);
  each(/^(050|090)$/, (f) => add('callNumbers', text(f, 'ab')));
  each('082', (f) => add('callNumbers', text(f, 'a')));
  each('856', (f) => {
    for (const sf of f.subfields)
      if (sf.code === 'u' && isWebAddress(sf.value.trim())) add('online', sf.value.trim());
  });

  const order: Key[] = [
    'title',
    'otherTitles',
    'authors',
    'edition',
    'published',
    'description',
    'series',
    'format',
    'language',
    'summary',
    'contents',
    'notes',
    'subjects',
    'isbn',
    'issn',
    'oclc',
    'lccn',
    'callNumbers',
    'online',
  ];
  return order.filter((k) => lines.has(k)).map((key) => ({ key, values: lines.get(key)! }));
}
