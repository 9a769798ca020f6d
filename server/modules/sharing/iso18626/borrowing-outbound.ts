import type { Db } from '../../../platform/db/client.ts';
import type { Change, Flow } from '../engine.ts';
import * as q from '../queries.ts';
import { ourAgencyIdOf } from './agency.ts';
import { requestingLibrary, type PartnerRow } from './borrowing-queries.ts';
import {
  requestMessage,
  requestingMessage,
  type LenderContext,
  type RequestKind,
} from './borrowing-messages.ts';
import { buildMessage } from './codec.ts';
import type { IsoMessage } from './messages.ts';
import { isFromPartner } from './outbound.ts';
import { enqueueOutbound } from './outbox.ts';

/**
 * Our id for an attempt at a partner: the request id for the first attempt there, the attempt's own id for
 * later ones (a Retry must carry a new id and name the previous one).
 */
export function requestingIdOf(req: { id: string }, atPartner: readonly { id: string }[], attemptId: string) {
  const i = atPartner.findIndex((a) => a.id === attemptId);
  return i <= 0 ? req.id : attemptId;
}

/**
 * Queues what an outside lender must hear from this flow: a `request` when it is asked (New, or Retry after
 * retry_with_changes), and a requestingAgencyMessage for our borrower's actions toward it.
 */
export async function tellOutsideLender(tx: Db, flow: Flow, partners: ReadonlyMap<string, PartnerRow>) {
  const changes = flow.changes.filter(
    (c) => c.lenderId && partners.has(c.lenderId) && !isFromPartner(flow, c.attemptId),
  );
  if (!changes.length) return;
  const borrower = await requestingLibrary(tx, flow.req.borrowerId);
  if (!borrower) return;
  const attempts = await q.attemptsOf(tx, flow.req.id);
  for (const change of changes) {
    const partner = partners.get(change.lenderId!)!;
    const attempt = attempts.find((a) => a.id === change.attemptId);
    if (!attempt) continue;
    const atPartner = attempts.filter((a) => a.lenderId === partner.organizationId);
    const c: LenderContext = {
      version: partner.isoVersion,
      supplyingAgencyId: { agencyIdType: partner.agencyIdType, agencyIdValue: partner.agencyIdValue },
      requestingAgencyId: ourAgencyIdOf(borrower.symbol),
      requestingAgencyRequestId: requestingIdOf(flow.req, atPartner, attempt.id),
      supplyingAgencyRequestId: attempt.externalRequestId,
      authentication:
        partner.outboundAccountId || partner.outboundSecurityCode
          ? {
              ...(partner.outboundAccountId ? { accountId: partner.outboundAccountId } : {}),
              ...(partner.outboundSecurityCode ? { securityCode: partner.outboundSecurityCode } : {}),
            }
          : null,
      now: flow.now,
    };
    let out: { message: IsoMessage; summary: string } | null;
    if (change.action === 'request_received') {
      const kind = requestKind(flow.changes, change, flow.req, atPartner, attempt.id);
      out = {
        message: requestMessage(c, flow.req, borrower, kind),
        summary: kind.type === 'Retry' ? 'Request (Retry)' : 'Request (New)',
      };
    } else out = requestingMessage(c, change, attempt);
    if (!out) continue;
    await enqueueOutbound(tx, {
      requestId: flow.req.id,
      attemptId: attempt.id,
      partnerId: partner.organizationId,
      kind: out.message.kind,
      summary: out.summary,
      body: buildMessage(out.message, partner.isoVersion, {
        plainVersionAttribute: partner.quirks.plainVersionAttribute === true,
      }),
    });
  }
}

/** A Retry when staff retried with changes in this flow and the partner was asked before. */
function requestKind(
  changes: readonly Change[],
  change: Change,
  req: { id: string },
  atPartner: readonly { id: string }[],
  attemptId: string,
): RequestKind {
  const before = changes.slice(0, changes.indexOf(change));
  const i = atPartner.findIndex((a) => a.id === attemptId);
  if (i > 0 && before.some((c) => c.action === 'retry_with_changes'))
    return { type: 'Retry', previousRequestId: requestingIdOf(req, atPartner, atPartner[i - 1]!.id) };
  return { type: 'New' };
}
