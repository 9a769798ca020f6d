/**
 * We borrow from an outside lender: its supplyingAgencyMessages move our mirror of its side (the attempt's
 * lender state) and, through the peer table, our borrower's side — the same two-sided change a member
 * lender's staff action makes (see actions.ts). The lender state a status means is reached by the shortest
 * run of the lender's own actions, so steps a partner never reports (WillSupply before Loaned) are filled
 * in. Anything not matching this request at this partner is refused; stale or repeated news is ignored.
 */
import { Flow } from '../engine.ts';
import { LENDER_TO_BORROWER } from '../peers.ts';
import * as q from '../queries.ts';
import { BORROWER_ACTIONS, LENDER_ACTIONS, type LenderAction } from '../states.ts';
import { agencyLabel, ourAgencyIdOf, sameAgency } from './agency.ts';
import { lastAppliedInbound, requestingLibrary, resolveRequestingId } from './borrowing-queries.ts';
import { parseMessage } from './codec.ts';
import type { InboundContext, InboundOutcome } from './handlers.ts';
import { isBehind, lenderPath, lenderTargetOf } from './mapping.ts';
import type { IsoSupplyingAgencyMessage } from './messages.ts';
import { fromPartner } from './outbound.ts';
import { deliveryDetails, stampOf, termsOf, type Terms } from './borrowing-terms.ts';

const words = (state: string) => state.replace(/_/g, ' ');

const refused = (errorValue: string): InboundOutcome => ({
  outcome: 'error',
  errorType: 'UnrecognisedDataValue',
  errorValue,
});

/** Applies one supplyingAgencyMessage from `c.partner` to our request; never leaves a change on error. */
export async function handleSupplyingMessage(
  c: InboundContext,
  m: IsoSupplyingAgencyMessage,
): Promise<InboundOutcome> {
  const { tx, partner } = c;
  const ref = m.header.requestingAgencyRequestId?.trim() ?? '';
  const named = ref ? await resolveRequestingId(tx, ref) : null;
  if (!named) return refused(`requestingAgencyRequestId ${ref || '(empty)'} names no request of ours`);
  const req = await q.lockRequest(tx, named.requestId);
  if (!req) return refused(`requestingAgencyRequestId ${ref} names no request of ours`);
  const borrower = await requestingLibrary(tx, req.borrowerId);
  if (!borrower || !sameAgency(m.header.requestingAgencyId, ourAgencyIdOf(borrower.symbol)))
    return refused(`requestingAgencyId ${agencyLabel(m.header.requestingAgencyId)} did not send ${ref}`);
  const atPartner = (await q.attemptsOf(tx, req.id)).filter((a) => a.lenderId === partner.organizationId);
  // The first attempt at a partner goes by the request id, later ones (a Retry) by their own id.
  const attempt = named.attemptId
    ? atPartner.find((a, i) => a.id === named.attemptId && i > 0)
    : atPartner[0];
  if (!attempt) return refused(`request ${ref} is not with ${agencyLabel(m.header.supplyingAgencyId)}`);
  const base = { requestId: req.id, attemptId: attempt.id };
  const status = m.statusInfo.status;
  const label = `${m.messageInfo.reasonForMessage} ${status}`;
  if (req.currentAttemptId !== attempt.id)
    return { ...base, outcome: 'ignored', summary: `${label}: about an earlier attempt` };

  const stamp = stampOf(m.header.timestamp);
  const lastBody = await lastAppliedInbound(tx, attempt.id);
  const last = lastBody ? parseMessage(lastBody) : null;
  const lastStamp = last?.ok ? stampOf(last.message.header.timestamp) : null;
  if (stamp && lastStamp && stamp < lastStamp)
    return { ...base, outcome: 'ignored', summary: `${label}: older than the last message applied` };

  const flow = new Flow(tx, req, attempt, { userId: null, libraryId: partner.organizationId }, c.now);
  fromPartner(flow, attempt.id);
  const theirId = m.header.supplyingAgencyRequestId?.trim();
  if (theirId && !attempt.externalRequestId) flow.setAttempt({ externalRequestId: theirId.slice(0, 200) });
  const terms = termsOf(m, partner.quirks);
  const note = partnerNote(m, partner.agencyIdValue);

  const answers: LenderAction[] = [];
  const answer = m.messageInfo.answerYesNo;
  if (m.messageInfo.reasonForMessage === 'RenewResponse' && attempt.renewalPending && answer)
    answers.push(answer === 'Y' ? 'approve_renewal' : 'deny_renewal');
  if (m.messageInfo.reasonForMessage === 'CancelResponse' && attempt.state === 'cancel_requested' && answer)
    answers.push(answer === 'Y' ? 'accept_cancel' : 'refuse_cancel');
  for (const action of answers) apply(flow, action, m, terms, note);

  const now = flow.attempt!;
  const target = lenderTargetOf(m, partner.quirks, terms.offered);
  if (target === 'previous') {
    // ReleaseHoldReturn: back to where the loan was before the hold.
    if (now.state === 'return_on_hold') apply(flow, 'release_return', m, terms, note);
    else if (!answers.length) return { ...base, outcome: 'ignored', summary: `${label}: no hold to release` };
    return finish(c, flow, base, `${label}: ${attempt.state} → ${flow.attempt!.state}`);
  }
  const path =
    answers.length && now.state === target
      ? []
      : lenderPath(now.state, now.rememberedState, target, req.serviceType, {
          renewalPending: now.renewalPending,
        });
  if (path === null) {
    if (answers.length) return finish(c, flow, base, `${label}: answered`);
    if (isBehind(now.state, target, req.serviceType))
      return { ...base, outcome: 'ignored', summary: `${label}: behind ${now.state} (stale)` };
    // A status that does not follow from where we are: nothing changes, but staff should look.
    flow.note(
      'borrowing',
      'iso_unexpected_status',
      `${partner.agencyIdValue} reported ${status} (${words(target)}), which does not follow from ` +
        `${words(now.state)}; nothing was changed. Check with the lender.`,
      'borrowing',
    );
    await flow.save();
    return { ...base, outcome: 'ignored', summary: `${label}: no way from ${now.state} to ${target}` };
  }
  if (!path.length && !answers.length) {
    if (m.messageInfo.reasonForMessage !== 'Notification' || !m.messageInfo.note?.trim())
      return { ...base, outcome: 'ignored', summary: `${label}: already ${now.state}` };
    flow.note('lending', 'iso_note', note);
    return finish(c, flow, base, `${label}: note`);
  }
  for (const action of path) apply(flow, action, m, terms, note);
  await flow.route();
  return finish(
    c,
    flow,
    base,
    `${label}: ${attempt.state} → ${flow.attempt?.id === attempt.id ? flow.attempt.state : 'next lender'}`,
  );
}

async function finish(
  c: InboundContext,
  flow: Flow,
  base: { requestId: string; attemptId: string },
  summary: string,
): Promise<InboundOutcome> {
  await flow.save();
  await c.notify(flow);
  return { ...base, outcome: 'applied', summary };
}

function partnerNote(m: IsoSupplyingAgencyMessage, who: string) {
  const parts = [`ISO 18626 from ${who}: ${m.messageInfo.reasonForMessage} ${m.statusInfo.status}`];
  if (m.messageInfo.note?.trim()) parts.push(`“${m.messageInfo.note.trim().slice(0, 1000)}”`);
  return parts.join(' — ');
}

/** One lender action with what the message says about it, and its effect on our borrower's side. */
function apply(flow: Flow, action: LenderAction, m: IsoSupplyingAgencyMessage, terms: Terms, note: string) {
  flow.lender(action, LENDER_ACTIONS[action].by, note);
  const details = deliveryDetails(action, m, terms, flow.req.serviceType);
  if (Object.keys(details.attempt).length) flow.setAttempt(details.attempt);
  if (details.shipped) {
    flow.setAttempt({ shippedAt: flow.now });
    flow.setRequest({ shippedAt: flow.now, supplierId: flow.attempt!.lenderId });
  }
  if (action === 'send_copy') flow.setRequest({ receivedAt: flow.now });
  if (details.note) flow.note('lending', 'iso_details', details.note);
  const peer = LENDER_TO_BORROWER[action];
  if (!peer) return;
  const by = BORROWER_ACTIONS[peer.peer].by;
  // A partner's news cannot be refused: a peer step our borrower is not ready for is noted, not forced.
  if (!flow.borrower(peer.peer, by, note, true) && !peer.optional)
    flow.note(
      'borrowing',
      'iso_peer_skipped',
      `The lender is now “${words(flow.attempt!.state)}”; our side stays “${words(flow.req.state)}”.`,
      'borrowing',
    );
}
