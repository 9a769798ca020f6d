/**
 * The lending role with outside libraries: a partner (an organisation of kind `partner` with its ISO 18626
 * settings) borrows from one of our members. Its request becomes a request like a member's, with the
 * partner as the borrowing library, no patron and no rota; our member's staff work it in their lending queue.
 * The borrower state is our mirror of the partner's side: the partner's messages move it (lend-actions.ts),
 * and our member's changes are told to the partner as supplyingAgencyMessages (lend-sam.ts), queued in the
 * same transaction as the change.
 */
import type { Db } from '../../../platform/db/client.ts';
import { sharingText } from '../../../../shared/contracts/sharing-texts.ts';
import type { Flow } from '../engine.ts';
import { endQuietly } from './lend-queries.ts';
import type { PartnerRow } from './borrowing-queries.ts';
import { partnerSide, queueSams } from './lend-outbox.ts';
import { sam, samForChange, type QueuedSam } from './lend-sam.ts';
import type { AttemptRow, RequestRow } from '../queries.ts';

export { handleInboundRequest } from './lend-intake.ts';
export { handleInboundRequestingMessage } from './lend-actions.ts';

/**
 * Mirror states that wait on the partner, not on us: after our Unfilled or time-out the partner's own system
 * asks its next lender (we keep no rota for it), after RetryPossible it may send a Retry (which re-opens the
 * request), and a copy sent is done on our side. The request has ended for us there.
 */
const WAITING_ON_PARTNER: ReadonlySet<string> = new Set(['end_of_rota', 'retry_review', 'copy_available']);

/** The copy link of a `send_copy` in this flow (the service knows the key; the hook does not). */
const copyLinks = new WeakMap<Flow, string>();

export function rememberCopyLink(flow: Flow, url: string) {
  copyLinks.set(flow, url);
}

/**
 * Called for every saved Flow (from outbound.ts, in its transaction). For a partner's request: no notice goes
 * to the partner's "staff" or a patron (neither is ours to tell: the partner hears by message), a request
 * that now waits on the partner is marked ended, and each change of our member's side is queued as a
 * supplyingAgencyMessage. Returns what was queued (for tests and the log).
 */
export async function lendingSideMessages(tx: Db, flow: Flow, partner?: PartnerRow): Promise<QueuedSam[]> {
  const req = flow.req;
  if (req.source !== 'partner') return [];
  for (let i = flow.notices.length - 1; i >= 0; i--) {
    const n = flow.notices[i]!;
    if (n.to === 'patron' || n.libraryId === req.borrowerId) flow.notices.splice(i, 1);
  }
  if (WAITING_ON_PARTNER.has(req.state)) await endQuietly(tx, req.id, flow.now);
  const attempt = flow.attempt;
  const changes = flow.changes.filter((c) => c.side === 'lending' && c.attemptId === attempt?.id);
  if (!changes.length) return [];
  const side = await partnerSide(tx, req, attempt, flow.now, copyLinks.get(flow), partner);
  if (!side) return [];
  const sams = changes.flatMap((c) => samForChange(c, side.context) ?? []);
  await queueSams(tx, req, side, sams);
  return sams;
}

/** A note our member's staff wrote on a partner's request, sent as a Notification (in the note's transaction). */
export async function noteToPartner(tx: Db, req: RequestRow, attempt: AttemptRow | null, text: string) {
  const side = await partnerSide(tx, req, attempt, new Date());
  if (side)
    await queueSams(tx, req, side, [sam(side.context, { reasonForMessage: 'Notification', note: text })]);
}

/** Our lender's actions whose effect on the borrower's side needs the item to have arrived there. */
const NEEDS_RECEIPT: ReadonlySet<string> = new Set(['recall', 'check_in', 'mark_lost']);

/**
 * Before our member's staff act on a partner's request: many systems never send Received, so a loan the
 * partner did not confirm is taken as received on our mirror of its side when our lender recalls it, checks
 * it in or writes it off (a member borrower would have to mark it received first).
 */
export function mirrorBeforeLenderAction(flow: Flow, action: string) {
  if (flow.req.source !== 'partner' || flow.req.state !== 'shipped' || !NEEDS_RECEIPT.has(action)) return;
  flow.borrower('mark_received', 'staff', sharingText('note.partner.taken_as_received'));
}
