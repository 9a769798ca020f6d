/**
 * The in-memory MARC 21 record every reader produces and every writer consumes. Text is Unicode NFC
 * whatever the source encoding (MARC-8, UTF-8, NFD MARCXML).
 */
export type Subfield = { code: string; value: string };
export type ControlField = { tag: string; value: string };
export type DataField = { tag: string; ind1: string; ind2: string; subfields: Subfield[] };
export type Field = ControlField | DataField;

export type MarcRecord = {
  /** 24 characters; positions 00-04 and 12-16 are recomputed by writers. */
  leader: string;
  fields: Field[];
};

export const isControlField = (field: Field): field is ControlField => 'value' in field;
export const isDataField = (field: Field): field is DataField => 'subfields' in field;

/** Control fields are 001–009 (and 00X generally); everything else carries indicators and subfields. */
export const isControlTag = (tag: string) => tag < '010' && /^00[0-9A-Za-z]$/.test(tag);

export function controlValue(record: MarcRecord, tag: string): string | undefined {
  const field = record.fields.find((f) => f.tag === tag);
  return field && isControlField(field) ? field.value : undefined;
}

export function dataFields(record: MarcRecord, tag: string | RegExp): DataField[] {
  return record.fields.filter(
    (f): f is DataField => isDataField(f) && (typeof tag === 'string' ? f.tag === tag : tag.test(f.tag)),
  );
}

export function subfieldValues(field: DataField, codes: string): string[] {
  return field.subfields.filter((s) => codes.includes(s.code)).map((s) => s.value);
}

/** A problem with one record; the reader reports it and goes on with the next. */
export type RecordProblem = {
  /** 1-based position of the record in the file. */
  recordNumber: number;
  /** Byte offset of the record's start in the file (ISO 2709) or of its element (XML / JSON). */
  byteOffset: number;
  reason: string;
  /** Set when the record was still usable (e.g. a bad indicator repaired); absent when it was rejected. */
  recovered?: boolean;
};

export type ReadItem =
  | {
      kind: 'record';
      record: MarcRecord;
      recordNumber: number;
      byteOffset: number;
      warnings: RecordProblem[];
    }
  | { kind: 'error'; problem: RecordProblem };
