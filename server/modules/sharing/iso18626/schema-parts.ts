/** The field description used by both schema tables, and the parts the two versions share. */
import type { ClosedLists, OpenList } from './lists.ts';

export const ISO_NS = 'http://illtransactions.org/2013/iso18626';

export type LeafType =
  | 'string'
  | 'dateTime'
  | 'decimal'
  | 'integer'
  | 'nonNegativeInteger'
  | 'boolean'
  /** A scheme/value pair: read and written as its text (the scheme attribute is ignored). */
  | 'code';

export type Field = {
  /** Element name. */
  xml: string;
  /** Model key (default: the element name). */
  key?: string;
  /** A leaf type, or the name of a complex type in the same table. */
  type: LeafType | `closed:${keyof ClosedLists}` | `type:${string}`;
  /** Mandatory in the schema. */
  required?: boolean;
  /** A mandatory element that may be empty (v1.2 multipleItemRequestId). */
  emptyOk?: boolean;
  /** The schema lets it repeat (maxOccurs > 1); `max` caps it where the schema does. */
  many?: boolean;
  max?: number;
  /** The model holds an array (even where this version's schema allows one element). */
  list?: boolean;
  /** Repeated elements read into one model string are joined with this (else only the first is kept). */
  join?: string;
  /** Open code list: unknown values are accepted and recorded. */
  open?: OpenList;
};

export type SchemaTable = Record<string, Field[]>;

export const agencyId: Field[] = [
  { xml: 'agencyIdType', type: 'code', required: true, open: 'agencyIdType' },
  { xml: 'agencyIdValue', type: 'string', required: true },
];
export const costs: Field[] = [
  { xml: 'currencyCode', type: 'code', required: true },
  { xml: 'monetaryValue', type: 'decimal', required: true },
];
export const address: Field[] = [
  { xml: 'electronicAddress', type: 'type:electronicAddress' },
  { xml: 'physicalAddress', type: 'type:physicalAddress' },
];
export const electronicAddress: Field[] = [
  { xml: 'electronicAddressType', type: 'code', required: true },
  { xml: 'electronicAddressData', type: 'string', required: true },
];
export const auth: Field[] = [
  { xml: 'accountId', type: 'string' },
  { xml: 'securityCode', type: 'string' },
];
export const recordId: Field[] = [
  { xml: 'bibliographicRecordIdentifierCode', key: 'code', type: 'code', required: true },
  { xml: 'bibliographicRecordIdentifier', key: 'value', type: 'string', required: true },
];
export const supplierInfo = (sortOrder: LeafType): Field[] => [
  { xml: 'sortOrder', type: sortOrder },
  { xml: 'supplierCode', type: 'type:agencyId' },
  { xml: 'supplierDescription', type: 'string' },
  { xml: 'bibliographicRecordId', type: 'type:bibliographicRecordId' },
  { xml: 'callNumber', type: 'string' },
  { xml: 'summaryHoldings', type: 'string' },
  { xml: 'availabilityNote', type: 'string' },
];
export const statusInfo: Field[] = [
  { xml: 'status', type: 'closed:status', required: true },
  { xml: 'expectedDeliveryDate', type: 'dateTime' },
  { xml: 'dueDate', type: 'dateTime' },
  { xml: 'lastChange', type: 'dateTime', required: true },
];
export const returnInfo: Field[] = [
  { xml: 'returnAgencyId', type: 'type:agencyId' },
  { xml: 'name', type: 'string' },
  { xml: 'physicalAddress', type: 'type:physicalAddress' },
];
export const requestingAgencyInfo: Field[] = [
  { xml: 'name', type: 'string' },
  { xml: 'contactName', type: 'string' },
  { xml: 'address', type: 'type:address', many: true, list: true },
];
export const patronInfo: Field[] = [
  { xml: 'patronId', type: 'string' },
  { xml: 'surname', type: 'string' },
  { xml: 'givenName', type: 'string' },
  { xml: 'patronType', type: 'code' },
  { xml: 'sendToPatron', type: 'closed:yesNo' },
  { xml: 'address', type: 'type:address', many: true, list: true },
];
export const errorData: Field[] = [
  { xml: 'errorType', type: 'closed:errorType', required: true },
  { xml: 'errorValue', type: 'string' },
];
export const confirmation = (echo: Field | null, manyErrors: boolean): Field[] => [
  { xml: 'confirmationHeader', type: 'type:confirmationHeader', required: true },
  ...(echo ? [echo] : []),
  { xml: 'errorData', type: 'type:errorData', many: manyErrors, list: true },
];
export const requestTop = (serviceInfoRequired: boolean): Field[] => [
  { xml: 'header', type: 'type:requestHeader', required: true },
  { xml: 'bibliographicInfo', type: 'type:bibliographicInfo', required: true },
  { xml: 'publicationInfo', type: 'type:publicationInfo' },
  { xml: 'serviceInfo', type: 'type:serviceInfo', required: serviceInfoRequired },
  { xml: 'supplierInfo', type: 'type:supplierInfo', many: true, list: true },
  { xml: 'requestedDeliveryInfo', type: 'type:requestedDeliveryInfo', many: true, list: true },
  { xml: 'requestingAgencyInfo', type: 'type:requestingAgencyInfo' },
  { xml: 'patronInfo', type: 'type:patronInfo' },
  { xml: 'billingInfo', type: 'type:billingInfo' },
];
export const ram: Field[] = [
  { xml: 'header', type: 'type:requestingAgencyMessageHeader', required: true },
  { xml: 'action', type: 'closed:action', required: true },
  { xml: 'note', type: 'string' },
];
export const reasonEcho: Field = { xml: 'reasonForMessage', type: 'closed:reasonForMessage' };
export const actionEcho: Field = { xml: 'action', type: 'closed:action' };
