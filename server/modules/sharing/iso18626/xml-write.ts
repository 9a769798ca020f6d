/**
 * Writes model objects as XML by walking the schema table of the target version, so elements come in exactly the
 * xs:sequence order and only the elements that version has are written. Everything written is escaped, and
 * characters XML 1.0 cannot carry are dropped. A model that cannot make a valid message (a mandatory part
 * missing, a closed-list value the version lacks) throws IsoBuildError: that is a bug in the caller, not input.
 */
import { isClosedValue, type ClosedLists } from './lists.ts';
import { readDateTime } from './xml-read.ts';
import { NOT_XML_CHARS } from './xml-tree.ts';
import { ISO_NS, type Field, type LeafType, type SchemaTable } from './schema.ts';
import type { IsoVersion } from './tables.ts';

export class IsoBuildError extends Error {}

/** What goes in the version attribute for each version. */
export const VERSION_ATTRIBUTE: Record<IsoVersion, string> = { '1.2': '1.2', '2021': '2021-2' };

export const escapeXml = (value: string): string =>
  value
    .replace(NOT_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');

export type WriteContext = { version: IsoVersion; table: SchemaTable };

export function writeDocument(
  messageElement: string,
  typeName: string,
  value: Record<string, unknown>,
  ctx: WriteContext,
  plainVersionAttribute = false,
): string {
  const version = VERSION_ATTRIBUTE[ctx.version];
  const attrs = plainVersionAttribute
    ? `xmlns="${ISO_NS}" version="${version}"`
    : `xmlns="${ISO_NS}" xmlns:ill="${ISO_NS}" ill:version="${version}"`;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n', `<ISO18626Message ${attrs}>`];
  writeElement(out, messageElement, value, `type:${typeName}`, messageElement, ctx);
  out.push('</ISO18626Message>\n');
  return out.join('');
}

function writeComplex(
  out: string[],
  value: Record<string, unknown>,
  typeName: string,
  path: string,
  ctx: WriteContext,
) {
  const fields = ctx.table[typeName];
  if (!fields) throw new IsoBuildError(`${path}: no type ${typeName}`);
  if (typeName === 'address' && Number(!!value.electronicAddress) + Number(!!value.physicalAddress) !== 1)
    throw new IsoBuildError(`${path}: needs exactly one of electronicAddress, physicalAddress`);
  for (const field of fields) {
    const values = valuesOf(value[field.key ?? field.xml], field);
    const childPath = `${path}/${field.xml}`;
    if (!values.length) {
      if (field.emptyOk) out.push(`<${field.xml}/>`);
      else if (field.required) throw new IsoBuildError(`missing ${childPath}`);
      continue;
    }
    for (const v of values) writeElement(out, field.xml, v, field.type, childPath, ctx);
  }
}

function valuesOf(raw: unknown, field: Field): unknown[] {
  const all = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== undefined && v !== null && v !== '');
  return all.slice(0, field.many ? (field.max ?? all.length) : 1);
}

function writeElement(
  out: string[],
  name: string,
  value: unknown,
  type: Field['type'],
  path: string,
  ctx: WriteContext,
) {
  if (type.startsWith('type:')) {
    if (typeof value !== 'object' || value === null || value instanceof Date)
      throw new IsoBuildError(`${path}: expected an object`);
    const start = out.length;
    out.push(`<${name}>`);
    writeComplex(out, value as Record<string, unknown>, type.slice(5), path, ctx);
    if (out.length === start + 1) out[start] = `<${name}/>`;
    else out.push(`</${name}>`);
    return;
  }
  out.push(`<${name}>${escapeXml(leafText(type, value, path, ctx.version))}</${name}>`);
}

function leafText(type: Field['type'], value: unknown, path: string, version: IsoVersion): string {
  if (type.startsWith('closed:')) {
    const text = String(value);
    if (!isClosedValue(version, type.slice(7) as keyof ClosedLists, text))
      throw new IsoBuildError(`${path}: ${text} is not a value of ISO 18626 ${version}`);
    return text;
  }
  switch (type as LeafType) {
    case 'string':
    case 'code':
      return String(value);
    case 'dateTime':
      return formatDateTime(value, path);
    case 'decimal': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new IsoBuildError(`${path}: not a number`);
      return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
    }
    case 'integer':
    case 'nonNegativeInteger':
      if (!Number.isSafeInteger(value) || (type === 'nonNegativeInteger' && (value as number) < 0))
        throw new IsoBuildError(`${path}: not a valid integer`);
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
  }
}

/** xs:dateTime in UTC, without milliseconds when there are none. */
export function formatDateTime(value: unknown, path = 'dateTime'): string {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string'
        ? (readDateTime(value) ?? new Date(value))
        : null;
  if (!date || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999)
    throw new IsoBuildError(`${path}: not a valid date`);
  return date.toISOString().replace('.000Z', 'Z');
}
