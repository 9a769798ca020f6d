/**
 * The ISO 18626 message model: one version-neutral shape for v1.2 (2017) and 2021-2. The codec (codec.ts) maps it
 * to and from the XML of either version; parts that exist in one version only are optional here and are dropped
 * when writing the other version (see notes per field).
 *
 * Names follow the 2021 schema where the versions differ: `deliveryMethod` (v1.2 `sentVia`), `itemFormat`
 * (v1.2 `deliveredFormat` in deliveryInfo, `preferredFormat` in serviceInfo). Retry terms `offeredCosts`,
 * `retryAfter` and `retryBefore` live in `messageInfo` (their v1.2 place); in 2021 the codec moves them into
 * `retryInfo`. Scheme/value pairs (codes such as agencyIdType, reasonUnfilled) are plain strings: the optional
 * `scheme` attribute is not kept.
 */
import type { IsoVersion } from './tables.ts';
import type {
  IsoAction,
  IsoErrorType,
  IsoReasonForMessage,
  IsoRequestSubType,
  IsoRequestType,
  IsoServiceType,
  IsoStatus,
} from './lists.ts';

export type { IsoVersion };
export type {
  IsoAction,
  IsoErrorType,
  IsoReasonForMessage,
  IsoRequestSubType,
  IsoRequestType,
  IsoServiceType,
  IsoStatus,
};

/** Written as xs:dateTime; parsing always yields a Date (a value without a time zone is read as UTC). */
export type IsoDateTime = Date | string;
export type YesNo = 'Y' | 'N';

export type AgencyId = { agencyIdType: string; agencyIdValue: string };
export type Costs = { currencyCode: string; monetaryValue: number };

export type PhysicalAddress = {
  line1?: string;
  line2?: string;
  locality?: string;
  postalCode?: string;
  region?: string;
  country?: string;
};
export type ElectronicAddress = { electronicAddressType: string; electronicAddressData: string };
/** Exactly one of the two. */
export type Address = { electronicAddress?: ElectronicAddress; physicalAddress?: PhysicalAddress };

export type Authentication = { accountId?: string; securityCode?: string };

/**
 * The message header. What each version and message kind carries:
 * - v1.2: one header for all; `multipleItemRequestId` is mandatory there (written empty when absent).
 * - 2021 request: no supplyingAgencyRequestId; consortialId, multipleItemRequestId optional.
 * - 2021 supplyingAgencyMessage: no consortialId, multipleItemRequestId or authentication.
 * - 2021 requestingAgencyMessage: no multipleItemRequestId.
 * Fields a version/kind does not have are dropped when writing it.
 */
export type IsoHeader = {
  supplyingAgencyId: AgencyId;
  requestingAgencyId: AgencyId;
  /** 2021 only (request, requestingAgencyMessage). */
  consortialId?: AgencyId;
  multipleItemRequestId?: string;
  timestamp: IsoDateTime;
  requestingAgencyRequestId: string;
  supplyingAgencyRequestId?: string;
  requestingAgencyAuthentication?: Authentication;
};

/** A code with its identifier, e.g. { code: 'ISBN', value: '9780…' } or { code: 'OCLC', value: '12345' }. */
export type CodedId = { code: string; value: string };

export type BibliographicInfo = {
  supplierUniqueRecordId?: string;
  title?: string;
  author?: string;
  /** 2021 only (an ISNI). */
  authorId?: string;
  subtitle?: string;
  seriesTitle?: string;
  edition?: string;
  titleOfComponent?: string;
  authorOfComponent?: string;
  /** 2021 allows several volume elements: they are read joined with "; ". */
  volume?: string;
  issue?: string;
  pagesRequested?: string;
  estimatedNoPages?: string;
  bibliographicItemId?: CodedId[];
  sponsor?: string;
  informationSource?: string;
  bibliographicRecordId?: CodedId[];
};

export type PublicationInfo = {
  publisher?: string;
  /** 2021 only. */
  publisherId?: string;
  publicationType?: string;
  publicationDate?: string;
  placeOfPublication?: string;
};

export type ServiceInfo = {
  requestType?: IsoRequestType;
  requestSubType?: IsoRequestSubType[];
  requestingAgencyPreviousRequestId?: string;
  serviceType: IsoServiceType;
  serviceLevel?: string;
  /** v1.2 `preferredFormat`. */
  itemFormat?: string;
  needBeforeDate?: IsoDateTime;
  copyrightCompliance?: string;
  anyEdition?: YesNo;
  /** 2021 only: MostRecentEdition | ThisEdition | AnyEdition. */
  preferredEdition?: 'MostRecentEdition' | 'ThisEdition' | 'AnyEdition';
  /** 2021 only. */
  loanCondition?: string[];
  startDate?: IsoDateTime;
  endDate?: IsoDateTime;
  note?: string;
};

export type SupplierInfo = {
  sortOrder?: number;
  supplierCode?: AgencyId;
  supplierDescription?: string;
  bibliographicRecordId?: CodedId;
  callNumber?: string;
  summaryHoldings?: string;
  availabilityNote?: string;
};

export type RequestedDeliveryInfo = {
  sortOrder?: number;
  address?: Address;
  /** 2021 only. */
  deliveryMethod?: string;
  /** 2021 only. */
  courierName?: string;
};

export type RequestingAgencyInfo = { name?: string; contactName?: string; address?: Address[] };

export type PatronInfo = {
  patronId?: string;
  surname?: string;
  givenName?: string;
  patronType?: string;
  sendToPatron?: YesNo;
  address?: Address[];
};

export type BillingInfo = {
  paymentMethod?: string;
  maximumCosts?: Costs;
  billingMethod?: string;
  billingName?: string;
  address?: Address;
};

export type IsoRequest = {
  kind: 'request';
  header: IsoHeader;
  bibliographicInfo: BibliographicInfo;
  publicationInfo?: PublicationInfo;
  /** Mandatory in 2021. */
  serviceInfo?: ServiceInfo;
  supplierInfo?: SupplierInfo[];
  requestedDeliveryInfo?: RequestedDeliveryInfo[];
  requestingAgencyInfo?: RequestingAgencyInfo;
  patronInfo?: PatronInfo;
  billingInfo?: BillingInfo;
};

export type MessageInfo = {
  reasonForMessage: IsoReasonForMessage;
  answerYesNo?: YesNo;
  note?: string;
  reasonUnfilled?: string;
  reasonRetry?: string;
  /** In 2021 written to/read from retryInfo. */
  offeredCosts?: Costs;
  /** In 2021 written to/read from retryInfo. */
  retryAfter?: IsoDateTime;
  /** In 2021 written to/read from retryInfo. */
  retryBefore?: IsoDateTime;
};

export type StatusInfo = {
  status: IsoStatus;
  expectedDeliveryDate?: IsoDateTime;
  dueDate?: IsoDateTime;
  lastChange: IsoDateTime;
};

/** 2021 only: the changed terms a RetryPossible offers (besides offeredCosts/retry dates in messageInfo). */
export type RetryInfo = {
  loanCondition?: string[];
  edition?: string;
  itemFormat?: string;
  volume?: string;
  serviceType?: IsoServiceType;
  serviceLevel?: string;
  deliveryMethod?: string;
  courierName?: string;
  paymentMethod?: string;
};

export type DeliveryInfo = {
  dateSent: IsoDateTime;
  /** 2021 allows several: they are read joined with ", ". */
  itemId?: string;
  /** 2021 only (`URL`). */
  url?: string;
  /** v1.2 `sentVia`. */
  deliveryMethod?: string;
  /** 2021 only. */
  address?: Address;
  sentToPatron?: boolean;
  /** v1.2 carries one: the first is written. */
  loanCondition?: string[];
  /** v1.2 `deliveredFormat`. */
  itemFormat?: string;
  /** 2021 only. */
  serviceType?: IsoServiceType;
  deliveryCosts?: Costs;
  /** 2021 only. */
  paymentMethod?: string;
};

/** 2021 only. */
export type ShippingInfo = {
  courierName?: string;
  /** 2021 allows several: they are read joined with ", ". */
  trackingId?: string;
  insurance?: YesNo;
  insuranceThirdParty?: YesNo;
  thirdPartyName?: string;
  insuranceCosts?: Costs;
};

export type ReturnInfo = { returnAgencyId?: AgencyId; name?: string; physicalAddress?: PhysicalAddress };

export type IsoSupplyingAgencyMessage = {
  kind: 'supplyingAgencyMessage';
  header: IsoHeader;
  messageInfo: MessageInfo;
  statusInfo: StatusInfo;
  retryInfo?: RetryInfo;
  deliveryInfo?: DeliveryInfo;
  shippingInfo?: ShippingInfo;
  returnInfo?: ReturnInfo;
};

export type IsoRequestingAgencyMessage = {
  kind: 'requestingAgencyMessage';
  header: IsoHeader;
  action: IsoAction;
  note?: string;
};

export type IsoMessage = IsoRequest | IsoSupplyingAgencyMessage | IsoRequestingAgencyMessage;
export type IsoMessageKind = IsoMessage['kind'];

export type ConfirmationKind =
  'requestConfirmation' | 'supplyingAgencyMessageConfirmation' | 'requestingAgencyMessageConfirmation';

/** What a confirmation echoes of the message it answers (whatever could be read of it). */
export type ConfirmationEcho = {
  supplyingAgencyId?: AgencyId;
  requestingAgencyId?: AgencyId;
  requestingAgencyRequestId?: string;
  /** v1.2 only. */
  multipleItemRequestId?: string;
  /** The confirmed message's own timestamp, written as timestampReceived (now when unknown). */
  timestamp?: IsoDateTime;
};

export type ConfirmationExtras = {
  /** Echo in a supplyingAgencyMessageConfirmation. */
  reasonForMessage?: IsoReasonForMessage;
  /** Echo in a requestingAgencyMessageConfirmation. */
  action?: IsoAction;
  /** The confirmation's own timestamp (default: now). */
  now?: Date;
};

export type IsoError = { errorType: IsoErrorType; errorValue: string };

export type UnknownCode = { path: string; value: string };

export type ParsedMessage =
  | { ok: true; version: IsoVersion; kind: IsoMessageKind; message: IsoMessage; unknownCodes: UnknownCode[] }
  | ({
      ok: false;
      kind?: IsoMessageKind;
      version?: IsoVersion;
      /** Whatever of the header could be read, for the confirmation's echo. */
      header?: ConfirmationEcho & { supplyingAgencyRequestId?: string };
    } & IsoError);

export type ParsedConfirmation =
  | {
      ok: true;
      kind: ConfirmationKind;
      version: IsoVersion;
      status: 'OK' | 'ERROR';
      errorType?: IsoErrorType;
      errorValue?: string;
      header: ConfirmationEcho & { timestampReceived?: Date };
    }
  | { ok: false; reason: string };
