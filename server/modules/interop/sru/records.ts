import { toMarcXml } from '../../catalog/marc/index.ts';
import { toMods } from './mods.ts';
import { controlValue, dataFields, subfieldValues, type MarcRecord } from '../../catalog/marc/index.ts';

// XML 1.0 forbids most C0 controls even as character references, so they are dropped.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export const xml = (s: string) =>
  s
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

export type Holding = { symbol: string; location: string | null; callNumber: string | null };

export const SCHEMAS = {
  marcxml: { uri: 'info:srw/schema/1/marcxml-v1.1', title: 'MARCXML' },
  dc: { uri: 'info:srw/schema/1/dc-v1.1', title: 'Dublin Core' },
  mods: { uri: 'info:srw/schema/1/mods-v3.7', title: 'MODS 3.7' },
} as const;
export type SchemaName = keyof typeof SCHEMAS;

/** Short name or URI → our schema, or null (diagnostic 66). */
export function schemaFor(requested: string | undefined): SchemaName | null {
  const r = (requested ?? 'marcxml').trim();
  for (const [name, s] of Object.entries(SCHEMAS)) {
    if (r.toLowerCase() === name || r === s.uri) return name as SchemaName;
  }
  if (r === 'info:srw/schema/1/marcxml-v1.1-light' || r.toLowerCase() === 'marc21') return 'marcxml';
  // MODS clients name whichever 3.x they were written for; 3.7 answers all of them.
  if (/^info:srw\/schema\/1\/mods-v3\.\d$/.test(r) || r === 'http://www.loc.gov/mods/v3') return 'mods';
  return null;
}

/** The display record with an 852 per holding library: $a symbol, $b location, $h call number. */
export function withHoldings(record: MarcRecord, holdings: Holding[]): MarcRecord {
  const own = record.fields.filter((f) => f.tag !== '852');
  const seen = new Set<string>();
  const added = holdings.flatMap((h) => {
    const key = `${h.symbol}|${h.location ?? ''}|${h.callNumber ?? ''}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const subfields = [{ code: 'a', value: h.symbol }];
    if (h.location) subfields.push({ code: 'b', value: h.location });
    if (h.callNumber) subfields.push({ code: 'h', value: h.callNumber });
    return [{ tag: '852', ind1: ' ', ind2: ' ', subfields }];
  });
  return { leader: record.leader, fields: [...own, ...added] };
}

const trimPunct = (s: string) => s.replace(/\s*[/:;,.]\s*$/, '').trim();

/** Simple Dublin Core elements from MARC (the LoC MARC → DC crosswalk, core elements). */
export function dublinCoreElements(record: MarcRecord): string {
  const out: [string, string][] = [];
  const add = (el: string, values: string[]) => {
    for (const v of values) if (v.trim() !== '') out.push([el, trimPunct(v)]);
  };
  for (const f of dataFields(record, '245')) add('title', [subfieldValues(f, 'abnp').join(' ')]);
  for (const f of dataFields(record, /^(100|110|111|700|710|711)$/))
    add('creator', [subfieldValues(f, 'abcdq').join(' ')]);
  for (const f of dataFields(record, /^6\d\d$/)) add('subject', [subfieldValues(f, 'abcdvxyz').join(' -- ')]);
  for (const f of dataFields(record, /^(260|264)$/)) add('publisher', subfieldValues(f, 'b'));
  for (const f of dataFields(record, /^(260|264)$/)) add('date', subfieldValues(f, 'c'));
  for (const f of dataFields(record, '520')) add('description', subfieldValues(f, 'a'));
  const lang = controlValue(record, '008')?.slice(35, 38).trim();
  if (lang) out.push(['language', lang]);
  for (const f of dataFields(record, '020'))
    add(
      'identifier',
      subfieldValues(f, 'a').map((v) => `ISBN ${v}`),
    );
  for (const f of dataFields(record, '022'))
    add(
      'identifier',
      subfieldValues(f, 'a').map((v) => `ISSN ${v}`),
    );
  return out.map(([el, v]) => `<dc:${el}>${xml(v)}</dc:${el}>`).join('');
}

/** SRU's Dublin Core record. */
export function toDublinCore(record: MarcRecord): string {
  const body = dublinCoreElements(record);
  return (
    '<srw_dc:dc xmlns:srw_dc="info:srw/schema/1/dc-schema" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `${body}</srw_dc:dc>`
  );
}

export function renderRecord(record: MarcRecord, schema: SchemaName): string {
  if (schema === 'dc') return toDublinCore(record);
  if (schema === 'mods') return toMods(record);
  return toMarcXml(record, { indent: '' });
}
