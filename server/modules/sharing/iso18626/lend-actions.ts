import { sharingText, type SharingText } from '../../../../shared/contracts/sharing-texts.ts';
import { Flow } from '../engine.ts';
import * as q from '../queries.ts';
import { agencyLabel, memberByAgencyId } from './agency.ts';
import type { InboundContext, InboundOutcome } from './handlers.ts';
import { CONDITIONS_ACCEPTED, ITEM_LOST } from './mapping.ts';
import { organizationName, partnerRequest } from './lend-queries.ts';
import { partnerSide, queueSams } from './lend-outbox.ts';
import { sam } from './lend-sam.ts';
import type { IsoRequestingAgencyMessage, MessageInfo } from './messages.ts';

/**
 * A requestingAgencyMessage from an outside borrower about its request to one of our members. Each action
 * is what the partner's staff did, applied to our mirror of its side (the borrower state) together with its
 * effect on our member's side, in one Flow — so the timeline, versions and notices work as for members.
 *
 * An action that does not fit the request now is answered OK (the message itself is fine; ISO 18626 has no
 * "wrong state" error) and logged `ignored`: a repeat of something already applied changes nothing, and an
 * action out of place leaves a note on the timeline for our member's staff. A Cancel or Renew that cannot
 * be granted is answered with a CancelResponse / RenewResponse "N" instead, as the standard expects.
 */

/** Where a cancel is for our member's staff to answer (before shipping, once they answered). */
const CANCELLABLE: readonly string[] = ['expect_to_supply', 'pending_conditions', 'will_supply', 'pulling'];

type Step = { outcome: 'applied' | 'ignored'; summary: string };

const error = (errorType: 'UnrecognisedDataValue' | 'UnsupportedActionType', errorValue: string) =>
  ({ outcome: 'error', errorType, errorValue }) as const;

export async function handleInboundRequestingMessage(
  c: InboundContext,
  m: IsoRequestingAgencyMessage,
): Promise<InboundOutcome> {
  const { tx, partner, now } = c;
  const externalId = m.header.requestingAgencyRequestId;
  const req = await partnerRequest(tx, partner.organizationId, externalId);
  if (!req)
    return error(
      'UnrecognisedDataValue',
      `requestingAgencyRequestId: no request ${externalId} from this library`,
    );
  const attempt = req.currentAttemptId ? await q.findAttempt(tx, req.currentAttemptId) : null;
  const member = await memberByAgencyId(tx, c.ctx.env, m.header.supplyingAgencyId);
  if (!attempt || !member || member.id !== attempt.lenderId)
    return error(
      'UnrecognisedDataValue',
      `supplyingAgencyId: ${agencyLabel(m.header.supplyingAgencyId)} does not hold request ${externalId}`,
    );
  if (m.action === 'ShippedForward')
    return error('UnsupportedActionType', 'ShippedForward: we do not forward loans to another library');
  const name = (await organizationName(tx, partner.organizationId))?.name ?? 'The requesting library';
  const flow = new Flow(tx, req, attempt, { userId: null, libraryId: partner.organizationId }, now);
  const result = await apply(c, flow, m, name);
  await flow.save();
  await c.notify(flow);
  return { ...result, requestId: req.id, attemptId: attempt.id };
}

/** A timeline note in the reader's language, followed by the partner's own words when it sent some. */
const withNote = (text: SharingText, note: string | undefined): SharingText[] =>
  note?.trim() ? [text, sharingText('note.partner.their_note', { text: note.trim() })] : [text];

/** Tells our member's staff (in-app and by mail) that the partner did something needing a look. */
function tellLender(flow: Flow, kind: string) {
  flow.notices.push({
    to: 'staff',
    libraryId: flow.attempt!.lenderId,
    kind,
    requestId: flow.req.id,
    state: flow.attempt!.state,
  });
}

/** An action that does not fit now: nothing changes but a note staff can see. */
function outOfPlace(flow: Flow, action: string, name: string): Step {
  flow.note(
    'borrowing',
    'partner_message_ignored',
    sharingText('note.partner.out_of_place', { name, action }),
  );
  return { outcome: 'ignored', summary: `${action} ignored (${flow.attempt!.state})` };
}

/** Brings our mirror of the partner's side to "has the item" when they skipped telling us it arrived. */
function mirrorReceived(flow: Flow) {
  if (flow.req.state === 'shipped') {
    flow.borrower('mark_received', 'staff');
    flow.setRequest({ receivedAt: flow.now });
  }
}

/** A reply that changes no state on our side (StatusRequestResponse, or a "no" to Cancel or Renew). */
async function reply(c: InboundContext, flow: Flow, info: MessageInfo) {
  const side = await partnerSide(c.tx, flow.req, flow.attempt, c.now);
  if (side) await queueSams(c.tx, flow.req, side, [sam(side.context, info)]);
}

async function apply(
  c: InboundContext,
  flow: Flow,
  m: IsoRequestingAgencyMessage,
  name: string,
): Promise<Step> {
  const attempt = flow.attempt!;
  const loan = flow.req.serviceType === 'loan';
  const note = m.note?.trim() || undefined;
  switch (m.action) {
    case 'StatusRequest':
      await reply(c, flow, { reasonForMessage: 'StatusRequestResponse' });
      return { outcome: 'applied', summary: 'StatusRequest answered' };

    case 'Received':
      if (flow.req.state === 'copy_available') {
        flow.borrower(
          'deliver_copy',
          'staff',
          withNote(sharingText('note.partner.received', { name }), note),
        );
        return { outcome: 'applied', summary: 'Received → copy delivered' };
      }
      if (!loan || flow.req.state !== 'shipped')
        return [
          'received',
          'checked_out',
          'overdue',
          'recalled',
          'awaiting_return_shipping',
          'return_shipped',
          'complete',
        ].includes(flow.req.state)
          ? { outcome: 'ignored', summary: 'Received already known' }
          : outOfPlace(flow, m.action, name);
      flow.borrower('mark_received', 'staff', withNote(sharingText('note.partner.received', { name }), note));
      flow.setRequest({ receivedAt: flow.now });
      return { outcome: 'applied', summary: 'Received → received' };

    case 'ShippedReturn': {
      if (['return_shipped', 'complete', 'completed_without_return'].includes(flow.req.state))
        return { outcome: 'ignored', summary: 'ShippedReturn already known' };
      if (!loan || !['shipped', 'overdue', 'recalled'].includes(attempt.state))
        return outOfPlace(flow, m.action, name);
      mirrorReceived(flow);
      if (flow.req.state !== 'awaiting_return_shipping') flow.borrower('check_in_from_patron', 'staff');
      flow.borrower('ship_return', 'staff', withNote(sharingText('note.partner.returned', { name }), note));
      flow.lender('return_shipped', 'peer');
      return { outcome: 'applied', summary: 'ShippedReturn → return in transit' };
    }

    case 'Cancel':
      if (attempt.state === 'cancel_requested')
        return { outcome: 'ignored', summary: 'Cancel already asked' };
      if (attempt.state === 'cancelled') return { outcome: 'ignored', summary: 'Already cancelled' };
      if (attempt.state === 'received') {
        // No answer given yet: withdrawn at once, and the partner is told yes.
        flow.borrower(
          'request_cancel',
          'staff',
          withNote(sharingText('note.partner.withdrew', { name }), note),
        );
        flow.lender('withdrawn', 'peer');
        flow.borrower('lender_cancelled', 'peer');
        return { outcome: 'applied', summary: 'Cancel → withdrawn' };
      }
      if (CANCELLABLE.includes(attempt.state)) {
        // Our member's staff decide; the partner hears yes or no from their answer.
        flow.borrower(
          'request_cancel',
          'staff',
          withNote(sharingText('note.partner.asks_cancel', { name }), note),
        );
        flow.lender('cancel_asked', 'peer');
        return { outcome: 'applied', summary: 'Cancel → cancel requested' };
      }
      flow.note(
        'borrowing',
        'partner_cancel_refused',
        withNote(sharingText('note.partner.cancel_too_late', { name }), note),
      );
      await reply(c, flow, {
        reasonForMessage: 'CancelResponse',
        answerYesNo: 'N',
        note: 'Too late to cancel.',
      });
      return { outcome: 'applied', summary: 'Cancel → answered no (too late)' };

    case 'Renew':
      if (attempt.renewalPending) return { outcome: 'ignored', summary: 'Renewal already asked' };
      if (!loan || !['shipped', 'overdue'].includes(attempt.state)) {
        flow.note(
          'borrowing',
          'partner_renew_refused',
          withNote(sharingText('note.partner.renew_refused', { name }), note),
        );
        await reply(c, flow, {
          reasonForMessage: 'RenewResponse',
          answerYesNo: 'N',
          note: 'A renewal is not possible now.',
        });
        return { outcome: 'applied', summary: 'Renew → answered no' };
      }
      mirrorReceived(flow);
      if (flow.req.state === 'received') flow.borrower('check_out_to_patron', 'staff');
      flow.borrower(
        'request_renewal',
        'staff',
        withNote(sharingText('note.partner.asks_renew', { name }), note),
      );
      flow.setAttempt({ renewalPending: true });
      flow.lender('renewal_asked', 'peer');
      tellLender(flow, 'renewal_asked');
      return { outcome: 'applied', summary: 'Renew → renewal pending' };

    case 'Lost':
      return lost(flow, name, note);

    case 'HoldReturn':
    case 'Notification': {
      if (m.action === 'Notification' && note?.startsWith(ITEM_LOST)) return lost(flow, name, note);
      if (attempt.state === 'pending_conditions' && accepts(note)) {
        flow.borrower(
          'accept_conditions',
          'staff',
          withNote(sharingText('note.partner.accepts_conditions', { name }), note),
        );
        flow.lender('conditions_accepted', 'peer');
        return { outcome: 'applied', summary: 'Conditions accepted → will supply' };
      }
      flow.note(
        'borrowing',
        'partner_note',
        m.action === 'HoldReturn'
          ? withNote(sharingText('note.partner.holds_return', { name }), note)
          : sharingText('note.partner.says', { name, text: note ?? '' }),
      );
      tellLender(flow, 'partner_note');
      return { outcome: 'applied', summary: `${m.action} noted` };
    }

    default:
      return outOfPlace(flow, m.action, name);
  }
}

/** Their answer to our conditions: our own wording, or the plain "accept"/"agree" other systems write. */
const accepts = (note: string | undefined) =>
  !!note &&
  (note.startsWith(CONDITIONS_ACCEPTED) ||
    (/\b(accept|agree)/i.test(note) && !/\b(not|decline|reject)/i.test(note)));

function lost(flow: Flow, name: string, note: string | undefined): Step {
  if (flow.req.serviceType !== 'loan') return outOfPlace(flow, 'Lost', name);
  if (['completed_without_return', 'complete'].includes(flow.req.state))
    return { outcome: 'ignored', summary: 'Lost already known' };
  mirrorReceived(flow);
  const text = withNote(sharingText('note.partner.lost', { name }), note);
  const mirrored = flow.borrower('report_lost', 'staff', text, true);
  const ours = flow.lender('lost_reported', 'peer', mirrored ? '' : text, true);
  if (!mirrored && !ours) return outOfPlace(flow, 'Lost', name);
  tellLender(flow, 'lost_reported');
  return { outcome: 'applied', summary: 'Lost → completed without return' };
}
