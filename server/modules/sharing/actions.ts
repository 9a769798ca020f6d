import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { ActionInput } from '../../../shared/contracts/sharing.ts';
import { addDays, localDate } from './calendar.ts';
import type { Flow } from './engine.ts';
import { BORROWER_TO_LENDER, LENDER_TO_BORROWER } from './peers.ts';
import { DEFAULT_POLICY } from './rota.ts';
import { journalOf } from './citation.ts';
import * as q from './queries.ts';
import { loanTerms } from './rota-queries.ts';
import { partnersAmong } from './iso18626/borrowing-queries.ts';
import { resendFailed } from './iso18626/outbox.ts';
import { BORROWER_ACTIONS, LENDER_ACTIONS, type BorrowerAction, type LenderAction } from './states.ts';

/** The borrower's staff action, its peer on the lender's side, and what follows (routing, rota rebuild). */
export async function borrowerAction(
  tx: Db,
  flow: Flow,
  input: ActionInput,
  now: Date,
  rebuildRota: () => Promise<void>,
) {
  const action = input.action as BorrowerAction;
  if (!(action in BORROWER_ACTIONS) || BORROWER_ACTIONS[action].by !== 'staff')
    throw new AppError('INVALID_ACTION', `“${input.action}” is an action of the lending library.`);
  const note = input.note ?? '';
  if (action === 'retry_contact' && (await partnersAmong(tx, [flow.attempt!.lenderId])).size) {
    // An outside lender: the same attempt, its undelivered messages sent again (in their order).
    flow.borrower(action, 'staff', note);
    await resendFailed(tx, flow.req.id);
    return;
  }
  if (action === 'retry_with_changes' || action === 'retry_contact') {
    // A new attempt; for an outside lender after retry_with_changes, a Retry request (iso18626/outbound.ts).
    const last = flow.attempt!;
    await flow.sendTo(last.lenderId, last.position, action);
    return;
  }
  flow.borrower(action, 'staff', note);
  const peer = BORROWER_TO_LENDER[action];
  if (peer) flow.lender(peer.peer, 'peer', note, peer.optional);
  if (action === 'mark_received') flow.setRequest({ receivedAt: now });
  if (action === 'request_renewal') flow.setAttempt({ renewalPending: true });
  if (action === 'restart_rota') {
    await rebuildRota();
    flow.restartCursor();
  }
  await flow.route();
}

/** The lender's staff action with its payload (due date, shipping, reasons, conditions), and its peer. */
export async function lenderAction(tx: Db, flow: Flow, input: ActionInput, now: Date) {
  const action = input.action as LenderAction;
  if (!(action in LENDER_ACTIONS) || LENDER_ACTIONS[action].by !== 'staff')
    throw new AppError('INVALID_ACTION', `“${input.action}” is an action of the borrowing library.`);
  const note = input.note ?? '';
  const attempt = flow.attempt!;
  flow.lender(action, 'staff', note);
  if (action === 'ship' || action === 'approve_renewal') {
    const terms = await loanTerms(tx, attempt.lenderId);
    const period = terms?.loanPeriodDays ?? DEFAULT_POLICY.loanPeriodDays;
    const base =
      action === 'ship' || !attempt.dueDate ? localDate(now, terms?.timeZone ?? 'UTC') : attempt.dueDate;
    const dueDate = input.dueDate ?? addDays(base, period);
    flow.setAttempt({ dueDate, renewalPending: false });
  }
  if (action === 'ship' || action === 'send_copy') {
    flow.setAttempt({
      shippedAt: now,
      shippingMethod: input.shippingMethod ?? (action === 'ship' ? 'courier' : 'url'),
      trackingId: input.trackingId ?? null,
    });
    flow.setRequest({ shippedAt: now, supplierId: attempt.lenderId });
  }
  if (action === 'send_copy') {
    const journal = journalOf(flow.req.citation);
    if (journal) await q.bumpContu(tx, flow.req.borrowerId, journal, now.getUTCFullYear());
  }
  if (action === 'cannot_supply' || action === 'retry_possible')
    flow.setAttempt({ reasonCode: input.reasonCode ?? null });
  if (action === 'offer_conditions')
    flow.setAttempt({ conditions: input.conditions ?? [], costCents: input.costCents ?? null });
  if (action === 'deny_renewal') flow.setAttempt({ renewalPending: false });
  const peer = LENDER_TO_BORROWER[action];
  if (peer) flow.borrower(peer.peer, 'peer', note, peer.optional);
  // An electronic copy is received the moment it is sent (time to receipt 0).
  if (action === 'send_copy') flow.setRequest({ receivedAt: now });
  await flow.route();
}
