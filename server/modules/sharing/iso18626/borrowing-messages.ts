/**
 * Our borrowing side, told to an outside lender: the ISO 18626 `request` when the Flow asks it, and a
 * requestingAgencyMessage for each of our borrower's actions it must hear about. Pure: the caller reads the
 * rows (outbound.ts) and queues the result. No patron data is ever put in a message (privacy): the lender
 * learns the borrowing library, its shipping address and the citation, nothing about who asked.
 */
import type { PostalAddress } from '../../members/tables.ts';
import type { AttemptRow, RequestRow } from '../queries.ts';
import type { Change } from '../engine.ts';
import { isoServiceType, requestingActionFor } from './mapping.ts';
import type {
  AgencyId,
  Authentication,
  BibliographicInfo,
  CodedId,
  IsoHeader,
  IsoRequest,
  IsoRequestingAgencyMessage,
} from './messages.ts';
import type { IsoVersion } from './tables.ts';

export type LenderContext = {
  version: IsoVersion;
  /** The partner (supplying agency) and our borrowing member (requesting agency). */
  supplyingAgencyId: AgencyId;
  requestingAgencyId: AgencyId;
  /** Our id for this attempt: the request id, or the attempt id for later attempts at the same partner. */
  requestingAgencyRequestId: string;
  /** Their id, once they told us. */
  supplyingAgencyRequestId: string | null;
  authentication: Authentication | null;
  now: Date;
};

export function header(c: LenderContext): IsoHeader {
  return {
    supplyingAgencyId: c.supplyingAgencyId,
    requestingAgencyId: c.requestingAgencyId,
    timestamp: c.now,
    requestingAgencyRequestId: c.requestingAgencyRequestId,
    ...(c.supplyingAgencyRequestId ? { supplyingAgencyRequestId: c.supplyingAgencyRequestId } : {}),
    ...(c.authentication ? { requestingAgencyAuthentication: c.authentication } : {}),
  };
}

const nonEmpty = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined && v !== null)) as T;

function bibliographic(req: RequestRow): BibliographicInfo {
  const c = req.citation;
  const items: CodedId[] = [];
  if (c.isbn || req.isbn) items.push({ code: 'ISBN', value: c.isbn || req.isbn });
  if (c.issn || req.issn) items.push({ code: 'ISSN', value: c.issn || req.issn });
  const records: CodedId[] = c.oclc || req.oclc ? [{ code: 'OCLC', value: c.oclc || req.oclc }] : [];
  return nonEmpty({
    title: c.title || req.title,
    author: c.author || req.author || undefined,
    edition: c.edition || undefined,
    titleOfComponent: c.articleTitle || undefined,
    authorOfComponent: c.articleAuthor || undefined,
    volume: c.volume || undefined,
    issue: c.issue || undefined,
    pagesRequested: c.pages || undefined,
    ...(items.length ? { bibliographicItemId: items } : {}),
    ...(records.length ? { bibliographicRecordId: records } : {}),
  });
}

const physical = (a: PostalAddress) =>
  nonEmpty({
    line1: a.line1,
    line2: a.line2,
    locality: a.city,
    region: a.state,
    postalCode: a.postalCode,
    country: 'US',
  });

export type RequestKind = { type: 'New' } | { type: 'Retry'; previousRequestId: string; note?: string };

/** The ISO request for an attempt at an outside lender (New, or Retry after changed terms). */
export function requestMessage(
  c: LenderContext,
  req: RequestRow,
  borrower: { name: string; shippingAddress: PostalAddress },
  kind: RequestKind,
): IsoRequest {
  const c2 = req.citation;
  return {
    kind: 'request',
    header: header({ ...c, supplyingAgencyRequestId: null }),
    bibliographicInfo: bibliographic(req),
    ...(c2.publisher || c2.year
      ? { publicationInfo: nonEmpty({ publisher: c2.publisher, publicationDate: c2.year }) }
      : {}),
    serviceInfo: {
      requestType: kind.type,
      ...(kind.type === 'Retry' ? { requestingAgencyPreviousRequestId: kind.previousRequestId } : {}),
      serviceType: isoServiceType(req.serviceType),
      serviceLevel: req.rush ? 'Rush' : 'Normal',
      ...(req.needBefore ? { needBeforeDate: new Date(`${req.needBefore}T23:59:59Z`) } : {}),
      ...(kind.type === 'Retry' && kind.note ? { note: kind.note } : {}),
    },
    requestingAgencyInfo: {
      name: borrower.name,
      address: [{ physicalAddress: physical(borrower.shippingAddress) }],
    },
  };
}

/** The requestingAgencyMessage for one of our changes, or null when the lender need not hear of it. */
export function requestingMessage(
  c: LenderContext,
  change: Change,
  attempt: Pick<AttemptRow, 'conditions'>,
): { message: IsoRequestingAgencyMessage; summary: string } | null {
  const plan = requestingActionFor(change, c.version, attempt.conditions);
  if (!plan) return null;
  return {
    message: {
      kind: 'requestingAgencyMessage',
      header: header(c),
      action: plan.action,
      ...(plan.note ? { note: plan.note } : {}),
    },
    summary: `${plan.action} (${change.action.replace(/_/g, ' ')})`,
  };
}
