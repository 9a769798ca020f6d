import crypto from 'node:crypto';
import { controlValue, dataFields, subfieldValues, type DataField, type MarcRecord } from './marc/index.ts';
import { blockingKeys, extractFeatures, type MatchFeatures } from './dedup/index.ts';
import { searchFieldsOf, type RecordSearchFields } from './search-fields.ts';

/** What a load needs from one MARC record, computed once before any SQL (pure, no I/O). */
export type Extracted = {
  controlNumber: string;
  controlSource: string;
  contentHash: string;
  /** The record as stored (json), serialised once for both the hash and the insert. */
  marcJson: string;
  features: MatchFeatures;
  keys: string[];
  search: RecordSearchFields;
  title: string;
  author: string | null;
  year: number | null;
  language: string | null;
  holdings: {
    sourceTag: string | null;
    location: string | null;
    callNumber: string | null;
    copies: number;
  }[];
};

export class RecordRejected extends Error {}

const clean = (s: string | undefined) => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};
const joined = (field: DataField, codes: string) => clean(subfieldValues(field, codes).join(' '));

/** Display title keeps the cataloguer's case: 245 $a $b $n $p without the trailing ISBD punctuation. */
function displayTitle(record: MarcRecord): string {
  const f = dataFields(record, '245')[0];
  const t = f ? joined(f, 'abnp') : null;
  return (t ?? '').replace(/\s*[/:;,.=]\s*$/, '') || '[untitled]';
}

function displayAuthor(record: MarcRecord): string | null {
  const f = dataFields(record, /^(100|110|111)$/)[0] ?? dataFields(record, /^(700|710|711)$/)[0];
  return f ? (joined(f, 'abcdq')?.replace(/[,.]$/, '') ?? null) : null;
}

/** Copies from a numeric subfield (local tags often carry a count); one item per field otherwise. */
const copiesOf = (value: string | undefined) => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 0 && n < 10_000 ? n : 1;
};

/**
 * Holdings: 852 ($b location + $c shelving, $h/$i call number, $t copy number) and the library's local tag
 * (949 conventions vary; we read $l or $b as location, $a or $h+$i as call number, $c as copies). A record
 * without any holdings field still gets one record-level holding, so the library shows as holding it.
 */
export function holdingsOf(record: MarcRecord, localTag: string | null): Extracted['holdings'] {
  const out: Extracted['holdings'] = [];
  for (const f of dataFields(record, '852')) {
    out.push({ sourceTag: '852', location: joined(f, 'bc'), callNumber: joined(f, 'hi'), copies: 1 });
  }
  if (localTag && localTag !== '852') {
    for (const f of dataFields(record, localTag)) {
      const location = clean(subfieldValues(f, 'l')[0]) ?? clean(subfieldValues(f, 'b')[0]);
      const callNumber = clean(subfieldValues(f, 'a')[0]) ?? joined(f, 'hi');
      out.push({ sourceTag: localTag, location, callNumber, copies: copiesOf(subfieldValues(f, 'c')[0]) });
    }
  }
  if (out.length === 0) out.push({ sourceTag: null, location: null, callNumber: null, copies: 1 });
  return out;
}

/** Throws RecordRejected for a record the catalogue cannot identify; everything else is kept. */
export function extract(record: MarcRecord, localTag: string | null): Extracted {
  // Some exports (danMARC) carry 001 as a data field with the number in $a: still identifiable.
  const dataNumber = dataFields(record, '001')[0]?.subfields.find((sf) => sf.code === 'a')?.value;
  const controlNumber = clean(controlValue(record, '001') ?? dataNumber);
  if (!controlNumber)
    throw new RecordRejected('no control number (001): the record cannot be matched on reload');
  const features = extractFeatures(record);
  // The hash covers the record and the holdings configuration, so changing the local tag re-reads holdings.
  const marcJson = JSON.stringify(record);
  const contentHash = crypto
    .createHash('sha1')
    .update(marcJson)
    .update(`\u0000${localTag ?? ''}`)
    .digest('base64url');
  return {
    controlNumber,
    controlSource: clean(controlValue(record, '003')) ?? '',
    contentHash,
    marcJson,
    features,
    keys: blockingKeys(features),
    search: searchFieldsOf(record),
    title: displayTitle(record),
    author: displayAuthor(record),
    year: features.year !== undefined && Math.abs(features.year) < 32_000 ? features.year : null,
    language: features.language ?? null,
    holdings: holdingsOf(record, localTag),
  };
}
