import { Buffer } from 'node:buffer';
import { isControlField, type MarcRecord } from './record.ts';

/** Writers: ISO 2709 (always UTF-8) and MARCXML. */

const RT = 0x1d;
const FT = 0x1e;
const SF = 0x1f;

export const MARCXML_NAMESPACE = 'http://www.loc.gov/MARC21/slim';

/** Assembles an ISO 2709 record from a leader and already-encoded field contents (without terminators). */
export function assembleIso2709(leader: string, fields: { tag: string; data: Uint8Array }[]): Buffer {
  const base = 24 + fields.length * 12 + 1;
  let dataLength = 0;
  for (const field of fields) dataLength += field.data.length + 1;
  const total = base + dataLength + 1;
  if (total > 99999) throw new RangeError(`record is ${total} bytes; ISO 2709 allows at most 99999`);
  const out = Buffer.alloc(total);
  const head = leader.padEnd(24, ' ').slice(0, 24);
  out.write(String(total).padStart(5, '0') + head.slice(5, 12) + String(base).padStart(5, '0'), 0, 'latin1');
  out.write(head.slice(17, 20) + '4500', 17, 'latin1');
  let at = base;
  fields.forEach((field, i) => {
    const length = field.data.length + 1;
    if (length > 9999)
      throw new RangeError(`field ${field.tag} is ${length} bytes; ISO 2709 allows at most 9999`);
    const entry = field.tag.padEnd(3, ' ').slice(0, 3) + String(length).padStart(4, '0');
    out.write(entry + String(at - base).padStart(5, '0'), 24 + i * 12, 'latin1');
    out.set(field.data, at);
    out[at + field.data.length] = FT;
    at += length;
  });
  out[base - 1] = FT;
  out[total - 1] = RT;
  return out;
}

const indicator = (value: string) => (/^[0-9a-z ]$/.test(value) ? value : ' ');

/** ISO 2709 in UTF-8: leader/09 = 'a', 10-11 = '22', 20-23 = '4500'; lengths and base address recomputed. */
export function toIso2709(record: MarcRecord): Buffer {
  const leader = record.leader.padEnd(24, ' ');
  const fields = record.fields.map((field) => {
    if (isControlField(field)) return { tag: field.tag, data: Buffer.from(field.value, 'utf8') };
    const parts: Buffer[] = [Buffer.from(indicator(field.ind1) + indicator(field.ind2), 'latin1')];
    for (const { code, value } of field.subfields) {
      parts.push(Buffer.from([SF]), Buffer.from(code.slice(0, 1) + value, 'utf8'));
    }
    return { tag: field.tag, data: Buffer.concat(parts) };
  });
  return assembleIso2709(`${leader.slice(0, 9)}a22${leader.slice(12)}`, fields);
}

/** XML 1.0 cannot carry most C0 controls at all: they are dropped. */
function escapeXml(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
  );
}

/** One MARCXML `record` element (with the MARC 21 slim namespace unless `namespace` is false). */
export function toMarcXml(
  record: MarcRecord,
  options: { namespace?: boolean; indent?: string } = {},
): string {
  const ns = options.namespace === false ? '' : ` xmlns="${MARCXML_NAMESPACE}"`;
  const i1 = options.indent ?? '  ';
  const i2 = i1 + i1;
  const lines = [`<record${ns}>`, `${i1}<leader>${escapeXml(record.leader)}</leader>`];
  for (const field of record.fields) {
    const tag = escapeXml(field.tag);
    if (isControlField(field)) {
      lines.push(`${i1}<controlfield tag="${tag}">${escapeXml(field.value)}</controlfield>`);
      continue;
    }
    lines.push(
      `${i1}<datafield tag="${tag}" ind1="${indicator(field.ind1)}" ind2="${indicator(field.ind2)}">`,
    );
    for (const { code, value } of field.subfields) {
      lines.push(`${i2}<subfield code="${escapeXml(code)}">${escapeXml(value)}</subfield>`);
    }
    lines.push(`${i1}</datafield>`);
  }
  lines.push('</record>');
  return lines.join('\n');
}

/** A whole MARCXML document: `<collection>` of records. */
export function toMarcXmlCollection(records: Iterable<MarcRecord>): string {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>', `<collection xmlns="${MARCXML_NAMESPACE}">`];
  for (const record of records) parts.push(toMarcXml(record, { namespace: false }));
  parts.push('</collection>', '');
  return parts.join('\n');
}
