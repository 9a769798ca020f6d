import { sharingText, type SharingText } from '../../../../shared/contracts/sharing-texts.ts';
import { clusterSummary, clustersByIdentifier } from '../../catalog/index.ts';
import { Flow } from '../engine.ts';
import { itemKeyOf } from '../citation.ts';
import { requestNumber } from '../notify.ts';
import * as q from '../queries.ts';
import { DEFAULT_POLICY } from '../rota.ts';
import { agencyLabel, memberByAgencyId } from './agency.ts';
import type { InboundContext, InboundOutcome } from './handlers.ts';
import { termsOf, type PartnerTerms } from './lend-citation.ts';
import { organizationName, partnerRequest } from './lend-queries.ts';
import type { IsoRequest } from './messages.ts';

/**
 * An outside library's `request` to one of our members (the lending role). The request is created like a
 * member's, with the partner as the borrowing library and no patron (patronInfo is never read), and sent
 * straight to the member named as supplying agency: no rota, since the partner chose its lender.
 */

/** A timeline note in the reader's language, with the partner's own words after it when it sent some. */
const withTheirNote = (text: SharingText, note: string | undefined): SharingText[] =>
  note ? [text, sharingText('note.partner.their_note', { text: note })] : [text];

type Member = { id: string; symbol: string; name: string };

const error = (errorValue: string): InboundOutcome => ({
  outcome: 'error',
  errorType: 'UnrecognisedDataValue',
  errorValue,
});

export async function handleInboundRequest(c: InboundContext, m: IsoRequest): Promise<InboundOutcome> {
  if (!c.partner.borrows)
    return error(
      `requestingAgencyId: ${agencyLabel(m.header.requestingAgencyId)} is not set up to borrow from us`,
    );
  const member = await memberByAgencyId(c.tx, c.ctx.env, m.header.supplyingAgencyId);
  if (!member)
    return error(`supplyingAgencyId: ${agencyLabel(m.header.supplyingAgencyId)} is not one of our libraries`);
  const type = m.serviceInfo?.requestType ?? 'New';
  if (type === 'Reminder') return remind(c, m);
  if (type === 'Retry') {
    const retried = await retry(c, m, member);
    if (retried) return retried;
  }
  return create(c, m, member);
}

/** The catalog cluster the citation's identifiers name, when exactly one does (format and duplicates). */
async function clusterOf(c: InboundContext, terms: PartnerTerms) {
  const { isbn, issn, oclc } = terms.citation;
  if (!isbn && !issn && !oclc) return { clusterId: null, format: '' };
  const found = await clustersByIdentifier(c.tx, { isbn, issn, oclc });
  if (found.length !== 1) return { clusterId: null, format: '' };
  const cluster = await clusterSummary(c.tx, found[0]!.clusterId);
  return { clusterId: found[0]!.clusterId, format: cluster?.format ?? '' };
}

async function create(c: InboundContext, m: IsoRequest, member: Member): Promise<InboundOutcome> {
  const { tx, partner, now } = c;
  const externalId = m.header.requestingAgencyRequestId;
  // The same id with the same body was answered from the log already; with another body it is a clash.
  if (await partnerRequest(tx, partner.organizationId, externalId, false))
    return error(`requestingAgencyRequestId: duplicate requestingAgencyRequestId ${externalId}`);
  const terms = termsOf(m);
  if (!terms.citation.title) return error('bibliographicInfo: a title is needed');
  const { clusterId, format } = await clusterOf(c, terms);
  const req = await q.insertRequest(tx, {
    borrowerId: partner.organizationId,
    serviceType: terms.serviceType,
    clusterId,
    citation: terms.citation,
    title: terms.citation.title,
    author: terms.citation.author,
    isbn: terms.citation.isbn,
    issn: terms.citation.issn,
    oclc: terms.citation.oclc,
    format,
    itemKey: itemKeyOf(terms.citation, clusterId),
    needBefore: terms.needBefore,
    rush: terms.rush,
    source: 'partner',
    externalRequestId: externalId,
    createdAt: now,
    updatedAt: now,
  });
  const name =
    (await organizationName(tx, partner.organizationId))?.name ?? agencyLabel(m.header.requestingAgencyId);
  const flow = new Flow(tx, req, null, { userId: null, libraryId: partner.organizationId }, now);
  flow.note(
    'borrowing',
    'created',
    sharingText(terms.serviceType === 'copy' ? 'note.partner.copy_request' : 'note.partner.loan_request', {
      name,
      id: externalId,
    }),
  );
  flow.borrower('submit', 'system');
  await flow.sendTo(member.id, 1, 'send_to_lender');
  if (terms.note)
    flow.note('borrowing', 'partner_note', sharingText('note.partner.says', { name, text: terms.note }));
  const [policy] = await q.policiesOf(tx, [member.id]);
  if (!(policy ?? DEFAULT_POLICY).lending) {
    // Accepted (the message is fine) and answered at once: this member lends to no one now.
    flow.setAttempt({ reasonCode: 'PolicyProblem' });
    flow.lender('cannot_supply', 'staff', sharingText('note.partner.not_lending', { symbol: member.symbol }));
    flow.borrower('lender_unfilled', 'peer');
    await flow.route();
    // Nothing for the member's staff to do.
    flow.notices.splice(0, flow.notices.length);
  }
  await flow.save();
  await c.notify(flow);
  return {
    outcome: 'applied',
    requestId: req.id,
    attemptId: flow.attempt?.id ?? null,
    summary: `New ${terms.serviceType} request → ${member.symbol}: ${flow.attempt?.state ?? ''}`,
    supplyingAgencyRequestId: requestNumber(req.seq),
  };
}

/**
 * requestType Retry: the earlier request (ended with our RetryPossible) is asked again with the new terms,
 * as a new attempt at the same member. A Retry we cannot match to one is taken as a new request.
 */
async function retry(c: InboundContext, m: IsoRequest, member: Member): Promise<InboundOutcome | null> {
  const { tx, partner, now } = c;
  const newId = m.header.requestingAgencyRequestId;
  const previousId = m.serviceInfo?.requestingAgencyPreviousRequestId || newId;
  const req = await partnerRequest(tx, partner.organizationId, previousId);
  if (!req) return null;
  const attempt = req.currentAttemptId ? await q.findAttempt(tx, req.currentAttemptId) : null;
  if (req.state !== 'retry_review' || !attempt || attempt.lenderId !== member.id)
    return error(`requestingAgencyPreviousRequestId: ${previousId} cannot be retried now`);
  if (newId !== previousId && (await partnerRequest(tx, partner.organizationId, newId, false)))
    return error(`requestingAgencyRequestId: duplicate requestingAgencyRequestId ${newId}`);
  const terms = termsOf(m);
  if (!terms.citation.title) return error('bibliographicInfo: a title is needed');
  const flow = new Flow(tx, req, attempt, { userId: null, libraryId: partner.organizationId }, now);
  flow.setRequest({
    serviceType: terms.serviceType,
    citation: terms.citation,
    title: terms.citation.title,
    author: terms.citation.author,
    isbn: terms.citation.isbn,
    issn: terms.citation.issn,
    oclc: terms.citation.oclc,
    itemKey: itemKeyOf(terms.citation, req.clusterId),
    needBefore: terms.needBefore,
    rush: terms.rush,
    externalRequestId: newId,
    endedAt: null,
  });
  await flow.sendTo(member.id, attempt.position, 'retry_with_changes');
  flow.note(
    'borrowing',
    'partner_retry',
    withTheirNote(sharingText('note.partner.retry', { id: newId, previous: previousId }), terms.note),
  );
  await flow.save();
  await c.notify(flow);
  return {
    outcome: 'applied',
    requestId: req.id,
    attemptId: flow.attempt?.id ?? null,
    summary: `Retry → ${member.symbol}: received`,
    supplyingAgencyRequestId: requestNumber(req.seq),
  };
}

/** requestType Reminder: a note on the timeline and a notice to the member's staff. */
async function remind(c: InboundContext, m: IsoRequest): Promise<InboundOutcome> {
  const { tx, partner, now } = c;
  const externalId = m.header.requestingAgencyRequestId;
  const req = await partnerRequest(tx, partner.organizationId, externalId);
  if (!req) return error(`requestingAgencyRequestId: no request ${externalId} from this library`);
  const attempt = req.currentAttemptId ? await q.findAttempt(tx, req.currentAttemptId) : null;
  const flow = new Flow(tx, req, attempt, { userId: null, libraryId: partner.organizationId }, now);
  const note = m.serviceInfo?.note?.trim();
  flow.note('borrowing', 'partner_reminder', withTheirNote(sharingText('note.partner.reminder'), note));
  if (attempt)
    flow.notices.push({
      to: 'staff',
      libraryId: attempt.lenderId,
      kind: 'partner_reminder',
      requestId: req.id,
      state: attempt.state,
    });
  await flow.save();
  await c.notify(flow);
  return {
    outcome: 'applied',
    requestId: req.id,
    attemptId: attempt?.id ?? null,
    summary: 'Reminder noted',
    supplyingAgencyRequestId: requestNumber(req.seq),
  };
}
