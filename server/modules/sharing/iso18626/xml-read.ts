/**
 * Reads an element tree into the model by walking the schema table of the message's version. Children may come
 * in any order (senders get xs:sequence order wrong, and v1.2 and 2021 order bibliographicItemId differently);
 * everything else is checked: unknown elements, missing mandatory ones, repeats, closed-list values, dates and
 * numbers. The first fault found is thrown as an IsoFault, which the codec turns into the ERROR confirmation.
 */
import { ISO_ACTIONS, isClosedValue, isKnownOpenCode, type ClosedLists, type IsoErrorType } from './lists.ts';
import type { ConfirmationEcho, UnknownCode } from './messages.ts';
import { ISO_NS, type Field, type LeafType, type SchemaTable } from './schema.ts';
import type { IsoVersion } from './tables.ts';
import type { XmlNode } from './xml-tree.ts';

export class IsoFault extends Error {
  constructor(
    readonly errorType: IsoErrorType,
    readonly errorValue: string,
  ) {
    super(`${errorType}: ${errorValue}`);
  }
}

export type ReadContext = { version: IsoVersion; table: SchemaTable; unknownCodes: UnknownCode[] };

/** A value quoted in an errorValue: short, one line. */
export const quote = (value: string): string => {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
};

const join = (path: string, name: string) => (path ? `${path}/${name}` : name);

export function readComplex(
  node: XmlNode,
  typeName: string,
  path: string,
  ctx: ReadContext,
): Record<string, unknown> {
  const fields = ctx.table[typeName];
  if (!fields) throw new IsoFault('UnrecognisedDataElement', path);
  if (node.text.trim()) throw new IsoFault('BadlyFormedMessage', `${path}: text where elements belong`);
  const found = new Map<Field, unknown[]>();
  for (const child of node.children) {
    const childPath = join(path, child.local);
    const field = child.ns === ISO_NS ? fields.find((f) => f.xml === child.local) : undefined;
    if (!field) throw new IsoFault('UnrecognisedDataElement', join(path, child.qname));
    const values = found.get(field) ?? [];
    if (values.length && !field.many) throw new IsoFault('BadlyFormedMessage', `${childPath}: repeated`);
    if (field.max && values.length >= field.max)
      throw new IsoFault('BadlyFormedMessage', `${childPath}: more than ${field.max}`);
    values.push(readField(child, field, childPath, ctx));
    found.set(field, values);
  }
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const all = found.get(field);
    const childPath = join(path, field.xml);
    if (!all) {
      if (field.required) throw new IsoFault('BadlyFormedMessage', `missing ${childPath}`);
      continue;
    }
    const values = all.filter((v) => v !== undefined);
    if (!values.length) {
      if (field.required && !field.emptyOk)
        throw new IsoFault('UnrecognisedDataValue', `${childPath}: empty`);
      continue;
    }
    const key = field.key ?? field.xml;
    if (field.list) out[key] = values;
    else if (field.join && values.length > 1) out[key] = values.join(field.join);
    else out[key] = values[0];
  }
  if (typeName === 'address' && Object.keys(out).length !== 1)
    throw new IsoFault(
      'BadlyFormedMessage',
      `${path}: needs exactly one of electronicAddress, physicalAddress`,
    );
  return out;
}

function readField(node: XmlNode, field: Field, path: string, ctx: ReadContext): unknown {
  if (field.type.startsWith('type:')) return readComplex(node, field.type.slice(5), path, ctx);
  const child = node.children[0];
  if (child) throw new IsoFault('UnrecognisedDataElement', join(path, child.qname));
  const text = node.text.trim();
  if (!text) return undefined;
  if (field.type.startsWith('closed:')) {
    return closedValue(field.type.slice(7) as keyof ClosedLists, text, path, ctx.version);
  }
  const value = readLeaf(field.type as LeafType, text);
  if (value === undefined) throw new IsoFault('UnrecognisedDataValue', `${path}: ${quote(text)}`);
  if (field.open && !isKnownOpenCode(field.open, text)) ctx.unknownCodes.push({ path, value: text });
  return value;
}

function closedValue(list: keyof ClosedLists, text: string, path: string, version: IsoVersion): string {
  if (isClosedValue(version, list, text)) return text;
  if (list === 'action' && (ISO_ACTIONS as readonly string[]).includes(text))
    throw new IsoFault('UnsupportedActionType', `${path}: ${text} (not an action of ISO 18626 ${version})`);
  throw new IsoFault('UnrecognisedDataValue', `${path}: ${quote(text)}`);
}

export function readLeaf(type: LeafType, text: string): unknown {
  switch (type) {
    case 'string':
    case 'code':
      return text;
    case 'dateTime':
      return readDateTime(text);
    case 'decimal':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) && text.length <= 40 ? Number(text) : undefined;
    case 'integer':
    case 'nonNegativeInteger': {
      if (!/^[+-]?\d{1,15}$/.test(text)) return undefined;
      const n = Number(text);
      return type === 'nonNegativeInteger' && n < 0 ? undefined : n;
    }
    case 'boolean':
      return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : undefined;
  }
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;

/**
 * xs:dateTime to a Date; undefined if invalid. A value without a zone is read as UTC. A bare date
 * (YYYY-MM-DD) is tolerated as midnight UTC: some senders write needBeforeDate that way.
 */
export function readDateTime(text: string): Date | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((v) => Number(v ?? 0));
  if (year! < 1 || month! < 1 || month! > 12 || day! < 1 || day! > 31) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetH = Number(m[9] ?? 0);
  const offsetM = Number(m[10] ?? 0);
  if (offsetH > 14 || offsetM > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  if (date.getUTCDate() !== day) return undefined; // 31 April and the like
  const ms = Math.floor(Number(m[7] ?? 0) * 1000);
  const sign = m[8]?.startsWith('-') ? -1 : 1;
  date.setUTCHours(hour, minute, second, ms);
  return new Date(date.getTime() - sign * (offsetH * 60 + offsetM) * 60_000);
}

/** The ISO namespace children of a node with this local name. */
export const childrenNamed = (node: XmlNode, local: string): XmlNode[] =>
  node.children.filter((c) => c.ns === ISO_NS && c.local === local);

const textOf = (node: XmlNode | undefined, local: string): string | undefined => {
  const child = node && childrenNamed(node, local)[0];
  const text = child?.text.trim();
  return text ? text.slice(0, 200) : undefined;
};

/**
 * Whatever ids a message's (or confirmation's) header carries, read without any checks, so that even an ERROR
 * confirmation can say which request it is about.
 */
export function readEcho(
  message: XmlNode,
  headerName = 'header',
): ConfirmationEcho & { supplyingAgencyRequestId?: string; timestampReceived?: Date } {
  const header = childrenNamed(message, headerName)[0];
  if (!header) return {};
  const echo: ConfirmationEcho & { supplyingAgencyRequestId?: string; timestampReceived?: Date } = {};
  for (const key of ['supplyingAgencyId', 'requestingAgencyId'] as const) {
    const node = childrenNamed(header, key)[0];
    const agencyIdType = textOf(node, 'agencyIdType');
    const agencyIdValue = textOf(node, 'agencyIdValue');
    if (agencyIdType && agencyIdValue) echo[key] = { agencyIdType, agencyIdValue };
  }
  for (const key of [
    'requestingAgencyRequestId',
    'supplyingAgencyRequestId',
    'multipleItemRequestId',
  ] as const) {
    const value = textOf(header, key);
    if (value) echo[key] = value;
  }
  const timestamp = textOf(header, 'timestamp');
  const date = timestamp ? readDateTime(timestamp) : undefined;
  if (date) echo.timestamp = date;
  const received = textOf(header, 'timestampReceived');
  const receivedDate = received ? readDateTime(received) : undefined;
  if (receivedDate) echo.timestampReceived = receivedDate;
  return echo;
}
