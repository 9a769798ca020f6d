import { dataFields, subfieldValues, type DataField, type MarcRecord } from './marc/index.ts';

/**
 * What a record contributes to search beyond its match features: the text fields a union catalog is
 * searched and faceted by. Kept per record (jsonb) so a cluster's search document is rebuilt from its
 * members without re-parsing MARC.
 */
export type RecordSearchFields = {
  titleAlt: string[];
  authors: string[];
  subjects: string[];
  publishers: string[];
  series: string[];
  notes: string[];
};

/** Notes are only searched as full text; a cap keeps one verbose record from dominating memory. */
const NOTES_LIMIT = 2000;
const LIST_LIMIT = 30;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** ISBD punctuation that ends a subfield ("Austin :", "Texas.", "1999,") is not part of the value. */
const trimPunctuation = (s: string) =>
  squash(s)
    .replace(/\s*[/:;,=+]+$/, '')
    .replace(/(?<!\b[A-Z])\.$/, '');

function unique(values: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const t = v ? trimPunctuation(v) : '';
    const key = t.toLowerCase();
    if (!t || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
    if (out.length === LIST_LIMIT) break;
  }
  return out;
}

const joined = (field: DataField, codes: string) => squash(subfieldValues(field, codes).join(' '));

/** A subject heading: the main part, then its subdivisions ($v form, $x general, $y period, $z place). */
function heading(field: DataField): string {
  const main = field.subfields
    .filter((sf) => !'vxyz0123468'.includes(sf.code))
    .map((sf) => sf.value)
    .join(' ');
  const subdivisions = field.subfields
    .filter((sf) => 'vxyz'.includes(sf.code))
    .map((sf) => trimPunctuation(sf.value));
  return [trimPunctuation(main), ...subdivisions].filter(Boolean).join(' -- ');
}

export function searchFieldsOf(record: MarcRecord): RecordSearchFields {
  const notes: string[] = [];
  let length = 0;
  for (const f of dataFields(record, /^(500|505|520)$/)) {
    const text = f.tag === '505' ? joined(f, 'agrt') : joined(f, 'a');
    if (!text || length >= NOTES_LIMIT) continue;
    const kept = text.slice(0, NOTES_LIMIT - length);
    notes.push(kept);
    length += kept.length;
  }
  return {
    titleAlt: unique(
      dataFields(record, /^(130|240|246|730|740)$/).map((f) => joined(f, f.tag === '246' ? 'abnp' : 'anp')),
    ),
    authors: unique(dataFields(record, /^(100|110|111|700|710|711)$/).map((f) => joined(f, 'abcdq'))),
    subjects: unique(dataFields(record, /^(600|610|611|630|650|651|655)$/).map(heading)),
    publishers: unique(dataFields(record, /^(260|264)$/).flatMap((f) => subfieldValues(f, 'b'))),
    series: unique(
      dataFields(record, /^(490|800|810|811|830)$/).map((f) => joined(f, f.tag === '800' ? 't' : 'a')),
    ),
    notes,
  };
}
