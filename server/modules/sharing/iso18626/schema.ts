/**
 * The two XSDs (v1.2 and 2021-2) as data: for every complex type, its children in xs:sequence order with their
 * leaf type, occurrence, and the model key they map to. The reader and the writer both walk these tables, so the
 * order the writer uses is the order the schema demands, and the reader knows exactly which elements exist.
 */
import type { ClosedLists, OpenList } from './lists.ts';
import type { IsoVersion } from './tables.ts';

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

const agencyId: Field[] = [
  { xml: 'agencyIdType', type: 'code', required: true, open: 'agencyIdType' },
  { xml: 'agencyIdValue', type: 'string', required: true },
];
const costs: Field[] = [
  { xml: 'currencyCode', type: 'code', required: true },
  { xml: 'monetaryValue', type: 'decimal', required: true },
];
const address: Field[] = [
  { xml: 'electronicAddress', type: 'type:electronicAddress' },
  { xml: 'physicalAddress', type: 'type:physicalAddress' },
];
const electronicAddress: Field[] = [
  { xml: 'electronicAddressType', type: 'code', required: true },
  { xml: 'electronicAddressData', type: 'string', required: true },
];
const auth: Field[] = [
  { xml: 'accountId', type: 'string' },
  { xml: 'securityCode', type: 'string' },
];
const recordId: Field[] = [
  { xml: 'bibliographicRecordIdentifierCode', key: 'code', type: 'code', required: true },
  { xml: 'bibliographicRecordIdentifier', key: 'value', type: 'string', required: true },
];
const supplierInfo = (sortOrder: LeafType): Field[] => [
  { xml: 'sortOrder', type: sortOrder },
  { xml: 'supplierCode', type: 'type:agencyId' },
  { xml: 'supplierDescription', type: 'string' },
  { xml: 'bibliographicRecordId', type: 'type:bibliographicRecordId' },
  { xml: 'callNumber', type: 'string' },
  { xml: 'summaryHoldings', type: 'string' },
  { xml: 'availabilityNote', type: 'string' },
];
const statusInfo: Field[] = [
  { xml: 'status', type: 'closed:status', required: true },
  { xml: 'expectedDeliveryDate', type: 'dateTime' },
  { xml: 'dueDate', type: 'dateTime' },
  { xml: 'lastChange', type: 'dateTime', required: true },
];
const returnInfo: Field[] = [
  { xml: 'returnAgencyId', type: 'type:agencyId' },
  { xml: 'name', type: 'string' },
  { xml: 'physicalAddress', type: 'type:physicalAddress' },
];
const requestingAgencyInfo: Field[] = [
  { xml: 'name', type: 'string' },
  { xml: 'contactName', type: 'string' },
  { xml: 'address', type: 'type:address', many: true, list: true },
];
const patronInfo: Field[] = [
  { xml: 'patronId', type: 'string' },
  { xml: 'surname', type: 'string' },
  { xml: 'givenName', type: 'string' },
  { xml: 'patronType', type: 'code' },
  { xml: 'sendToPatron', type: 'closed:yesNo' },
  { xml: 'address', type: 'type:address', many: true, list: true },
];
const errorData: Field[] = [
  { xml: 'errorType', type: 'closed:errorType', required: true },
  { xml: 'errorValue', type: 'string' },
];
const confirmation = (echo: Field | null, manyErrors: boolean): Field[] => [
  { xml: 'confirmationHeader', type: 'type:confirmationHeader', required: true },
  ...(echo ? [echo] : []),
  { xml: 'errorData', type: 'type:errorData', many: manyErrors, list: true },
];
const requestTop = (serviceInfoRequired: boolean): Field[] => [
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
const ram: Field[] = [
  { xml: 'header', type: 'type:requestingAgencyMessageHeader', required: true },
  { xml: 'action', type: 'closed:action', required: true },
  { xml: 'note', type: 'string' },
];
const reasonEcho: Field = { xml: 'reasonForMessage', type: 'closed:reasonForMessage' };
const actionEcho: Field = { xml: 'action', type: 'closed:action' };

const v12Header: Field[] = [
  { xml: 'supplyingAgencyId', type: 'type:agencyId', required: true },
  { xml: 'requestingAgencyId', type: 'type:agencyId', required: true },
  { xml: 'multipleItemRequestId', type: 'string', required: true, emptyOk: true },
  { xml: 'timestamp', type: 'dateTime', required: true },
  { xml: 'requestingAgencyRequestId', type: 'string', required: true },
  { xml: 'supplyingAgencyRequestId', type: 'string' },
  { xml: 'requestingAgencyAuthentication', type: 'type:authentication' },
];

const V12: SchemaTable = {
  request: requestTop(false),
  supplyingAgencyMessage: [
    { xml: 'header', type: 'type:supplyingAgencyMessageHeader', required: true },
    { xml: 'messageInfo', type: 'type:messageInfo', required: true },
    { xml: 'statusInfo', type: 'type:statusInfo', required: true },
    { xml: 'deliveryInfo', type: 'type:deliveryInfo' },
    { xml: 'returnInfo', type: 'type:returnInfo' },
  ],
  requestingAgencyMessage: ram,
  requestConfirmation: confirmation(null, false),
  supplyingAgencyMessageConfirmation: confirmation(reasonEcho, false),
  requestingAgencyMessageConfirmation: confirmation(actionEcho, false),
  requestHeader: v12Header,
  supplyingAgencyMessageHeader: v12Header,
  requestingAgencyMessageHeader: v12Header,
  confirmationHeader: [
    { xml: 'supplyingAgencyId', type: 'type:agencyId' },
    { xml: 'requestingAgencyId', type: 'type:agencyId' },
    { xml: 'timestamp', type: 'dateTime', required: true },
    { xml: 'requestingAgencyRequestId', type: 'string' },
    { xml: 'multipleItemRequestId', type: 'string' },
    { xml: 'timestampReceived', type: 'dateTime', required: true },
    { xml: 'messageStatus', type: 'closed:messageStatus', required: true },
  ],
  errorData,
  agencyId,
  costs,
  address,
  electronicAddress,
  authentication: auth,
  physicalAddress: [
    { xml: 'line1', type: 'string' },
    { xml: 'line2', type: 'string' },
    { xml: 'locality', type: 'string' },
    { xml: 'postalCode', type: 'string' },
    { xml: 'region', type: 'code' },
    { xml: 'country', type: 'code' },
  ],
  bibliographicItemId: [
    { xml: 'bibliographicItemIdentifier', key: 'value', type: 'string', required: true },
    {
      xml: 'bibliographicItemIdentifierCode',
      key: 'code',
      type: 'code',
      required: true,
      open: 'bibliographicItemIdentifierCode',
    },
  ],
  bibliographicRecordId: recordId,
  bibliographicInfo: [
    { xml: 'supplierUniqueRecordId', type: 'string' },
    { xml: 'title', type: 'string' },
    { xml: 'author', type: 'string' },
    { xml: 'subtitle', type: 'string' },
    { xml: 'seriesTitle', type: 'string' },
    { xml: 'edition', type: 'string' },
    { xml: 'titleOfComponent', type: 'string' },
    { xml: 'authorOfComponent', type: 'string' },
    { xml: 'volume', type: 'string' },
    { xml: 'issue', type: 'string' },
    { xml: 'pagesRequested', type: 'string' },
    { xml: 'estimatedNoPages', type: 'string' },
    { xml: 'bibliographicItemId', type: 'type:bibliographicItemId', many: true, list: true },
    { xml: 'sponsor', type: 'string' },
    { xml: 'informationSource', type: 'string' },
    { xml: 'bibliographicRecordId', type: 'type:bibliographicRecordId', many: true, list: true },
  ],
  publicationInfo: [
    { xml: 'publisher', type: 'string' },
    { xml: 'publicationType', type: 'code' },
    { xml: 'publicationDate', type: 'string' },
    { xml: 'placeOfPublication', type: 'string' },
  ],
  serviceInfo: [
    { xml: 'requestType', type: 'closed:requestType' },
    { xml: 'requestSubType', type: 'closed:requestSubType', many: true, max: 3, list: true },
    { xml: 'requestingAgencyPreviousRequestId', type: 'string' },
    { xml: 'serviceType', type: 'closed:serviceType', required: true },
    { xml: 'serviceLevel', type: 'code', open: 'serviceLevel' },
    { xml: 'preferredFormat', key: 'itemFormat', type: 'code' },
    { xml: 'needBeforeDate', type: 'dateTime' },
    { xml: 'copyrightCompliance', type: 'code', open: 'copyrightCompliance' },
    { xml: 'anyEdition', type: 'closed:yesNo' },
    { xml: 'startDate', type: 'dateTime' },
    { xml: 'endDate', type: 'dateTime' },
    { xml: 'note', type: 'string' },
  ],
  supplierInfo: supplierInfo('integer'),
  requestedDeliveryInfo: [
    { xml: 'sortOrder', type: 'integer' },
    { xml: 'address', type: 'type:address' },
  ],
  requestingAgencyInfo,
  patronInfo,
  billingInfo: [
    { xml: 'paymentMethod', type: 'code' },
    { xml: 'maximumCosts', type: 'type:costs' },
    { xml: 'billingMethod', type: 'code' },
    { xml: 'billingName', type: 'string' },
    { xml: 'address', type: 'type:address' },
  ],
  messageInfo: [
    { xml: 'reasonForMessage', type: 'closed:reasonForMessage', required: true },
    { xml: 'answerYesNo', type: 'closed:yesNo' },
    { xml: 'note', type: 'string' },
    { xml: 'reasonUnfilled', type: 'code', open: 'reasonUnfilled' },
    { xml: 'reasonRetry', type: 'code', open: 'reasonRetry' },
    { xml: 'offeredCosts', type: 'type:costs' },
    { xml: 'retryAfter', type: 'dateTime' },
    { xml: 'retryBefore', type: 'dateTime' },
  ],
  statusInfo,
  deliveryInfo: [
    { xml: 'dateSent', type: 'dateTime', required: true },
    { xml: 'itemId', type: 'string' },
    { xml: 'sentVia', key: 'deliveryMethod', type: 'code', open: 'deliveryMethod' },
    { xml: 'sentToPatron', type: 'boolean' },
    { xml: 'loanCondition', type: 'code', list: true, open: 'loanCondition' },
    { xml: 'deliveredFormat', key: 'itemFormat', type: 'code' },
    { xml: 'deliveryCosts', type: 'type:costs' },
  ],
  returnInfo,
};

const V2021: SchemaTable = {
  request: requestTop(true),
  supplyingAgencyMessage: [
    { xml: 'header', type: 'type:supplyingAgencyMessageHeader', required: true },
    { xml: 'messageInfo', type: 'type:messageInfo', required: true },
    { xml: 'statusInfo', type: 'type:statusInfo', required: true },
    { xml: 'retryInfo', type: 'type:retryInfo' },
    { xml: 'deliveryInfo', type: 'type:deliveryInfo' },
    { xml: 'shippingInfo', type: 'type:shippingInfo' },
    { xml: 'returnInfo', type: 'type:returnInfo' },
  ],
  requestingAgencyMessage: ram,
  requestConfirmation: confirmation(null, true),
  supplyingAgencyMessageConfirmation: confirmation(reasonEcho, true),
  requestingAgencyMessageConfirmation: confirmation(actionEcho, true),
  requestHeader: [
    // Optional in 2021 (transfer requests); we route by it, so the reader insists on it (see codec notes).
    { xml: 'supplyingAgencyId', type: 'type:agencyId' },
    { xml: 'requestingAgencyId', type: 'type:agencyId', required: true },
    { xml: 'consortialId', type: 'type:agencyId' },
    { xml: 'multipleItemRequestId', type: 'string' },
    { xml: 'timestamp', type: 'dateTime', required: true },
    { xml: 'requestingAgencyRequestId', type: 'string', required: true },
    { xml: 'requestingAgencyAuthentication', type: 'type:authentication' },
  ],
  supplyingAgencyMessageHeader: [
    { xml: 'supplyingAgencyId', type: 'type:agencyId', required: true },
    { xml: 'requestingAgencyId', type: 'type:agencyId', required: true },
    { xml: 'timestamp', type: 'dateTime', required: true },
    { xml: 'requestingAgencyRequestId', type: 'string', required: true },
    { xml: 'supplyingAgencyRequestId', type: 'string' },
  ],
  requestingAgencyMessageHeader: [
    { xml: 'supplyingAgencyId', type: 'type:agencyId', required: true },
    { xml: 'requestingAgencyId', type: 'type:agencyId', required: true },
    { xml: 'consortialId', type: 'type:agencyId' },
    { xml: 'timestamp', type: 'dateTime', required: true },
    { xml: 'requestingAgencyRequestId', type: 'string', required: true },
    { xml: 'supplyingAgencyRequestId', type: 'string' },
    { xml: 'requestingAgencyAuthentication', type: 'type:authentication' },
  ],
  confirmationHeader: [
    { xml: 'supplyingAgencyId', type: 'type:agencyId' },
    { xml: 'requestingAgencyId', type: 'type:agencyId' },
    { xml: 'timestamp', type: 'dateTime', required: true },
    { xml: 'requestingAgencyRequestId', type: 'string' },
    { xml: 'timestampReceived', type: 'dateTime', required: true },
    { xml: 'messageStatus', type: 'closed:messageStatus', required: true },
  ],
  errorData,
  agencyId,
  costs,
  address,
  electronicAddress,
  authentication: auth,
  physicalAddress: [
    { xml: 'line1', type: 'string' },
    { xml: 'line2', type: 'string' },
    { xml: 'locality', type: 'string' },
    { xml: 'postalCode', type: 'string' },
    { xml: 'region', type: 'string' },
    { xml: 'country', type: 'code' },
  ],
  bibliographicItemId: [
    {
      xml: 'bibliographicItemIdentifierCode',
      key: 'code',
      type: 'code',
      required: true,
      open: 'bibliographicItemIdentifierCode',
    },
    { xml: 'bibliographicItemIdentifier', key: 'value', type: 'string', required: true },
  ],
  bibliographicRecordId: recordId,
  bibliographicInfo: [
    { xml: 'supplierUniqueRecordId', type: 'string' },
    { xml: 'title', type: 'string' },
    { xml: 'author', type: 'string' },
    { xml: 'authorId', type: 'string' },
    { xml: 'subtitle', type: 'string' },
    { xml: 'seriesTitle', type: 'string' },
    { xml: 'edition', type: 'string' },
    { xml: 'titleOfComponent', type: 'string' },
    { xml: 'authorOfComponent', type: 'string' },
    { xml: 'volume', type: 'string', many: true, join: '; ' },
    { xml: 'issue', type: 'string' },
    { xml: 'pagesRequested', type: 'string' },
    { xml: 'estimatedNoPages', type: 'string' },
    { xml: 'bibliographicItemId', type: 'type:bibliographicItemId', many: true, list: true },
    { xml: 'sponsor', type: 'string' },
    { xml: 'informationSource', type: 'string' },
    { xml: 'bibliographicRecordId', type: 'type:bibliographicRecordId', many: true, list: true },
  ],
  publicationInfo: [
    { xml: 'publisher', type: 'string' },
    { xml: 'publisherId', type: 'string' },
    { xml: 'publicationType', type: 'code' },
    { xml: 'publicationDate', type: 'string' },
    { xml: 'placeOfPublication', type: 'string' },
  ],
  serviceInfo: [
    { xml: 'requestType', type: 'closed:requestType' },
    { xml: 'requestSubType', type: 'closed:requestSubType', many: true, list: true },
    { xml: 'requestingAgencyPreviousRequestId', type: 'string' },
    { xml: 'serviceType', type: 'closed:serviceType', required: true },
    { xml: 'serviceLevel', type: 'code', open: 'serviceLevel' },
    { xml: 'itemFormat', type: 'code' },
    { xml: 'needBeforeDate', type: 'dateTime' },
    { xml: 'copyrightCompliance', type: 'code', open: 'copyrightCompliance' },
    { xml: 'anyEdition', type: 'closed:yesNo' },
    { xml: 'preferredEdition', type: 'closed:preferredEdition' },
    { xml: 'loanCondition', type: 'code', many: true, list: true, open: 'loanCondition' },
    { xml: 'startDate', type: 'dateTime' },
    { xml: 'endDate', type: 'dateTime' },
    { xml: 'note', type: 'string' },
  ],
  supplierInfo: supplierInfo('nonNegativeInteger'),
  requestedDeliveryInfo: [
    { xml: 'sortOrder', type: 'nonNegativeInteger' },
    { xml: 'address', type: 'type:address' },
    { xml: 'deliveryMethod', type: 'code', open: 'deliveryMethod' },
    { xml: 'courierName', type: 'code' },
  ],
  requestingAgencyInfo,
  patronInfo,
  billingInfo: [
    { xml: 'paymentMethod', type: 'code' },
    { xml: 'maximumCosts', type: 'type:costs' },
    { xml: 'billingMethod', type: 'code' },
    { xml: 'billingName', type: 'string' },
    { xml: 'address', type: 'type:address' },
  ],
  messageInfo: [
    { xml: 'reasonForMessage', type: 'closed:reasonForMessage', required: true },
    { xml: 'answerYesNo', type: 'closed:yesNo' },
    { xml: 'note', type: 'string' },
    { xml: 'reasonUnfilled', type: 'code', open: 'reasonUnfilled' },
    { xml: 'reasonRetry', type: 'code', open: 'reasonRetry' },
  ],
  statusInfo,
  retryInfo: [
    { xml: 'loanCondition', type: 'code', many: true, list: true, open: 'loanCondition' },
    { xml: 'edition', type: 'string', many: true },
    { xml: 'itemFormat', type: 'code', many: true },
    { xml: 'volume', type: 'string', many: true, join: '; ' },
    { xml: 'serviceType', type: 'closed:serviceType' },
    { xml: 'serviceLevel', type: 'code', many: true, open: 'serviceLevel' },
    { xml: 'deliveryMethod', type: 'code', many: true, open: 'deliveryMethod' },
    { xml: 'courierName', type: 'code', many: true },
    { xml: 'offeredCosts', type: 'type:costs', many: true },
    { xml: 'paymentMethod', type: 'code', many: true },
    { xml: 'retryBefore', type: 'dateTime' },
    { xml: 'retryAfter', type: 'dateTime' },
  ],
  deliveryInfo: [
    { xml: 'dateSent', type: 'dateTime', required: true },
    { xml: 'itemId', type: 'string', many: true, join: ', ' },
    { xml: 'URL', key: 'url', type: 'string' },
    { xml: 'deliveryMethod', type: 'code', open: 'deliveryMethod' },
    { xml: 'address', type: 'type:address' },
    { xml: 'sentToPatron', type: 'boolean' },
    { xml: 'loanCondition', type: 'code', many: true, list: true, open: 'loanCondition' },
    { xml: 'itemFormat', type: 'code' },
    { xml: 'serviceType', type: 'closed:serviceType' },
    { xml: 'deliveryCosts', type: 'type:costs', many: true },
    { xml: 'paymentMethod', type: 'code' },
  ],
  shippingInfo: [
    { xml: 'courierName', type: 'code' },
    { xml: 'trackingId', type: 'string', many: true, join: ', ' },
    { xml: 'insurance', type: 'closed:yesNo' },
    { xml: 'insuranceThirdParty', type: 'closed:yesNo' },
    { xml: 'thirdPartyName', type: 'string' },
    { xml: 'insuranceCosts', type: 'type:costs', many: true },
  ],
  returnInfo,
};

export const SCHEMAS: Record<IsoVersion, SchemaTable> = { '1.2': V12, '2021': V2021 };

/** The top-level message elements a root may hold. */
export const MESSAGE_ELEMENTS = [
  'request',
  'supplyingAgencyMessage',
  'requestingAgencyMessage',
  'requestConfirmation',
  'supplyingAgencyMessageConfirmation',
  'requestingAgencyMessageConfirmation',
] as const;
