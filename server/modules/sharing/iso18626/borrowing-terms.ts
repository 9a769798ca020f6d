/**
 * What a supplying agency's message says beyond its status: offered conditions and costs (in their
 * elements, or in `note` for partners with the termsInNote quirk), due date, delivery and shipping, reasons.
 * Pure: borrowing-side.ts writes the result onto the attempt and the timeline.
 */
import type { AttemptRow } from '../queries.ts';
import type { LenderAction, ServiceType } from '../states.ts';
import { OPEN_LISTS } from './lists.ts';
import type { Costs, IsoDateTime, IsoSupplyingAgencyMessage } from './messages.ts';
import type { PartnerQuirks } from './tables.ts';

export type Terms = { offered: boolean; conditions: string[]; costCents: number | null };

export const stampOf = (value: IsoDateTime | undefined): number | null => {
  if (!value) return null;
  const t = (value instanceof Date ? value : new Date(value)).getTime();
  return Number.isNaN(t) ? null : t;
};

const dateOnly = (value: IsoDateTime | undefined): string | null => {
  if (!value) return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  const t = stampOf(value);
  return t === null ? null : new Date(t).toISOString().slice(0, 10);
};

const cents = (c: Costs | undefined) =>
  c && Number.isFinite(c.monetaryValue) ? Math.max(0, Math.round(c.monetaryValue * 100)) : null;

/** "12.50 USD", "USD 12.50", "$12.50": the first amount a note names, in cents. */
function costInNote(note: string): number | null {
  const m =
    /\$\s*(\d+(?:[.,]\d{1,2})?)/.exec(note) ??
    /(\d+(?:[.,]\d{1,2})?)\s*(?:USD|EUR|GBP|CAD|dollars?)\b/i.exec(note) ??
    /\b(?:USD|EUR|GBP|CAD)\s*(\d+(?:[.,]\d{1,2})?)/i.exec(note);
  return m ? Math.round(Number(m[1]!.replace(',', '.')) * 100) : null;
}

const SEE_NOTE = 'See the lender’s note';

/** The conditions and costs a message offers (ExpectToSupply with terms → "conditional" on our side). */
export function termsOf(m: IsoSupplyingAgencyMessage, quirks: PartnerQuirks): Terms {
  const conditions = [...(m.deliveryInfo?.loanCondition ?? m.retryInfo?.loanCondition ?? [])];
  let costCents = cents(m.messageInfo.offeredCosts);
  const note = m.messageInfo.note ?? '';
  if (quirks.termsInNote && note) {
    // "Library use only" and "LibraryUseOnly" both name the code.
    const letters = note.toLowerCase().replace(/[^a-z]/g, '');
    for (const code of OPEN_LISTS.loanCondition)
      if (letters.includes(code.toLowerCase()) && !conditions.includes(code)) conditions.push(code);
    if (!conditions.length && /condition/i.test(note)) conditions.push(SEE_NOTE);
    costCents ??= costInNote(note);
  }
  const offered = m.statusInfo.status === 'ExpectToSupply' && (conditions.length > 0 || costCents !== null);
  return { offered, conditions: conditions.map((c) => c.slice(0, 40)).slice(0, 10), costCents };
}

/** Our shipping methods (the contract's list) for a deliveryMethod / sentVia code; others kept as given. */
function methodOf(m: IsoSupplyingAgencyMessage): string | null {
  const given = m.deliveryInfo?.deliveryMethod?.trim();
  if (!given) return m.shippingInfo?.courierName ? 'courier' : m.deliveryInfo?.url ? 'url' : null;
  const known: Record<string, string> = { mail: 'mail', email: 'email', url: 'url', courier: 'courier' };
  return known[given.toLowerCase()] ?? given.slice(0, 40);
}

export type Details = { attempt: Partial<AttemptRow>; shipped: boolean; note: string };

/** What to keep on the attempt (and say on the timeline) for one lender action the message stands for. */
export function deliveryDetails(
  action: LenderAction,
  m: IsoSupplyingAgencyMessage,
  terms: Terms,
  service: ServiceType,
): Details {
  const d = m.deliveryInfo;
  const s = m.shippingInfo;
  const due = dateOnly(m.statusInfo.dueDate);
  const lines: string[] = [];
  const attempt: Partial<AttemptRow> = {};
  let shipped = false;
  switch (action) {
    case 'ship':
    case 'send_copy': {
      shipped = true;
      attempt.shippingMethod = methodOf(m) ?? (service === 'copy' ? 'url' : 'mail');
      // An electronic copy's address is its tracking reference (there is nothing else to track).
      attempt.trackingId = (s?.trackingId ?? d?.url ?? null)?.slice(0, 500) ?? null;
      if (action === 'ship') {
        attempt.dueDate = due;
        attempt.renewalPending = false;
      }
      if (d?.url) lines.push(`Copy at ${d.url}`);
      if (d?.itemId) lines.push(`Item ${d.itemId}`);
      if (s?.courierName) lines.push(`Courier ${s.courierName}`);
      if (s?.trackingId) lines.push(`Tracking ${s.trackingId}`);
      if (due) lines.push(`Due ${due}`);
      break;
    }
    case 'approve_renewal':
      attempt.renewalPending = false;
      if (due) {
        attempt.dueDate = due;
        lines.push(`Renewed: due ${due}`);
      }
      break;
    case 'deny_renewal':
      attempt.renewalPending = false;
      break;
    case 'recall':
    case 'became_overdue':
      if (due) attempt.dueDate = due;
      break;
    case 'cannot_supply':
      attempt.reasonCode = m.messageInfo.reasonUnfilled?.slice(0, 40) ?? null;
      break;
    case 'retry_possible': {
      attempt.reasonCode = m.messageInfo.reasonRetry?.slice(0, 40) ?? null;
      attempt.costCents = terms.costCents;
      const r = m.retryInfo;
      const after = dateOnly(m.messageInfo.retryAfter);
      const before = dateOnly(m.messageInfo.retryBefore);
      if (after) lines.push(`Retry after ${after}`);
      if (before) lines.push(`Retry before ${before}`);
      if (terms.costCents !== null) lines.push(`Cost ${(terms.costCents / 100).toFixed(2)}`);
      if (r?.serviceType) lines.push(`Service ${r.serviceType}`);
      if (r?.edition) lines.push(`Edition ${r.edition}`);
      if (r?.itemFormat) lines.push(`Format ${r.itemFormat}`);
      if (r?.loanCondition?.length) lines.push(`Conditions ${r.loanCondition.join(', ')}`);
      break;
    }
    case 'offer_conditions':
      attempt.conditions = terms.conditions;
      attempt.costCents = terms.costCents;
      break;
    case 'will_supply':
    case 'expect_to_supply': {
      const expected = dateOnly(m.statusInfo.expectedDeliveryDate);
      if (expected) lines.push(`Expected delivery ${expected}`);
      break;
    }
    default:
      break;
  }
  return { attempt, shipped, note: lines.join(' · ') };
}
