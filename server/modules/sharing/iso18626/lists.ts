/**
 * ISO 18626 code lists. Closed lists are enumerations in the XSD: a value outside them makes a message invalid
 * (UnrecognisedDataValue). Open lists are the standard's published codes; partners may send others, which we
 * accept and record. Lists differ per version only where noted.
 */
import {
  LOAN_CONDITIONS,
  REASONS_RETRY,
  REASONS_UNFILLED,
} from '../../../../shared/contracts/sharing-values.ts';
import { ISO_STATUSES, type IsoStatus } from '../machine.ts';
import type { IsoVersion } from './tables.ts';

// Statuses live with the machines (each lender state names the one it reports).
export { ISO_STATUSES, type IsoStatus } from '../machine.ts';

export const ISO_ACTIONS = [
  'StatusRequest',
  'Received',
  'Cancel',
  'Renew',
  'HoldReturn',
  'ShippedReturn',
  'ShippedForward',
  'Notification',
  'Lost',
] as const;
export type IsoAction = (typeof ISO_ACTIONS)[number];

export const ISO_REASONS_FOR_MESSAGE = [
  'RequestResponse',
  'StatusRequestResponse',
  'RenewResponse',
  'CancelResponse',
  'StatusChange',
  'Notification',
] as const;
export type IsoReasonForMessage = (typeof ISO_REASONS_FOR_MESSAGE)[number];

export const ISO_REQUEST_TYPES = ['New', 'Retry', 'Reminder'] as const;
export type IsoRequestType = (typeof ISO_REQUEST_TYPES)[number];

export const ISO_REQUEST_SUB_TYPES = [
  'BookingRequest',
  'MultipleItemRequest',
  'PatronRequest',
  'TransferRequest',
  'SupplyingLibrarysChoice',
] as const;
export type IsoRequestSubType = (typeof ISO_REQUEST_SUB_TYPES)[number];

export const ISO_SERVICE_TYPES = ['Copy', 'Loan', 'CopyOrLoan'] as const;
export type IsoServiceType = (typeof ISO_SERVICE_TYPES)[number];

export const ISO_ERROR_TYPES = [
  'UnsupportedActionType',
  'UnsupportedReasonForMessageType',
  'UnrecognisedDataElement',
  'UnrecognisedDataValue',
  'BadlyFormedMessage',
] as const;
export type IsoErrorType = (typeof ISO_ERROR_TYPES)[number];

export const ISO_MESSAGE_STATUSES = ['OK', 'ERROR'] as const;
export const ISO_YES_NO = ['Y', 'N'] as const;
export const ISO_PREFERRED_EDITIONS = ['MostRecentEdition', 'ThisEdition', 'AnyEdition'] as const;

/** Closed lists as each version's XSD has them. */
export type ClosedLists = {
  status: readonly IsoStatus[];
  action: readonly IsoAction[];
  reasonForMessage: readonly IsoReasonForMessage[];
  requestType: readonly IsoRequestType[];
  requestSubType: readonly IsoRequestSubType[];
  serviceType: readonly IsoServiceType[];
  errorType: readonly IsoErrorType[];
  messageStatus: readonly string[];
  yesNo: readonly string[];
  preferredEdition: readonly string[];
};

const NOT_IN_V12 = new Set<string>(['HoldReturn', 'ReleaseHoldReturn', 'Lost']);

export const CLOSED_LISTS: Record<IsoVersion, ClosedLists> = {
  '1.2': {
    status: ISO_STATUSES.filter((s) => !NOT_IN_V12.has(s)),
    action: ISO_ACTIONS.filter((a) => !NOT_IN_V12.has(a)),
    reasonForMessage: ISO_REASONS_FOR_MESSAGE,
    requestType: ISO_REQUEST_TYPES,
    requestSubType: ISO_REQUEST_SUB_TYPES,
    serviceType: ISO_SERVICE_TYPES,
    errorType: ISO_ERROR_TYPES,
    messageStatus: ISO_MESSAGE_STATUSES,
    yesNo: ISO_YES_NO,
    preferredEdition: [],
  },
  '2021': {
    status: ISO_STATUSES,
    action: ISO_ACTIONS,
    reasonForMessage: ISO_REASONS_FOR_MESSAGE,
    requestType: ISO_REQUEST_TYPES,
    requestSubType: ISO_REQUEST_SUB_TYPES,
    serviceType: ISO_SERVICE_TYPES,
    errorType: ISO_ERROR_TYPES,
    messageStatus: ISO_MESSAGE_STATUSES,
    yesNo: ISO_YES_NO,
    preferredEdition: ISO_PREFERRED_EDITIONS,
  },
};

/** Published open-list codes (2017 lists; 2021 keeps them). Unknown values are accepted and recorded. */
export const OPEN_LISTS = {
  agencyIdType: ['ISIL', 'OCLC', 'DNUCNI', 'ICOLC', 'RESHARE'],
  reasonUnfilled: REASONS_UNFILLED,
  reasonRetry: REASONS_RETRY,
  loanCondition: LOAN_CONDITIONS,
  copyrightCompliance: ['US-CCG', 'US-CCL'],
  serviceLevel: ['Express', 'Normal', 'Rush', 'SecondaryMail', 'Standard', 'Urgent'],
  deliveryMethod: ['Mail', 'Email', 'URL', 'FTP', 'ArticleExchange', 'Odyssey'],
  bibliographicItemIdentifierCode: ['ISBN', 'ISSN', 'ISMN', 'DOI', 'PMID'],
  bibliographicRecordIdentifierCode: [
    'OCLC',
    'LCCN',
    'AMICUS',
    'BL',
    'FMI',
    'JNB',
    'KNB',
    'LA',
    'MEDLINE',
    'NCID',
  ],
} as const satisfies Record<string, readonly string[]>;
export type OpenList = keyof typeof OPEN_LISTS;

export const isClosedValue = (version: IsoVersion, list: keyof ClosedLists, value: string): boolean =>
  (CLOSED_LISTS[version][list] as readonly string[]).includes(value);

export const isKnownOpenCode = (list: OpenList, value: string): boolean =>
  (OPEN_LISTS[list] as readonly string[]).includes(value);
