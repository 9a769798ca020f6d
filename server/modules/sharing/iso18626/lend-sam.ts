import { LENDER_STATES, type IsoStatus, type LenderState } from '../states.ts';
import type { AttemptRow } from '../queries.ts';
import type { Change } from '../engine.ts';
import { isClosedValue } from './lists.ts';
import type {
  AgencyId,
  Costs,
  DeliveryInfo,
  IsoHeader,
  IsoSupplyingAgencyMessage,
  MessageInfo,
  StatusInfo,
} from './messages.ts';
import type { IsoVersion, PartnerQuirks } from './tables.ts';

/**
 * Our lending side, told to an outside borrower: each change our member's side makes becomes one
 * supplyingAgencyMessage in the partner's version. Pure: the caller reads the rows and queues the result.
 */
export type SamContext = {
  version: IsoVersion;
  quirks: PartnerQuirks;
  /** Our member (the supplying agency) and the partner (the requesting agency). */
  supplyingAgencyId: AgencyId;
  requestingAgencyId: AgencyId;
  /** The partner's id for the request, and ours (the request number). */
  requestingAgencyRequestId: string;
  supplyingAgencyRequestId: string;
  /** The attempt as it is after the change (due date, shipping, reasons, conditions). */
  attempt: AttemptRow;
  now: Date;
  /** The electronic copy's expiring link, when this change sent one. */
  copyUrl?: string | null;
};

export type QueuedSam = { message: IsoSupplyingAgencyMessage; summary: string };

const CURRENCY = 'USD';
const DELIVERY_METHOD: Record<string, string> = {
  courier: 'Courier',
  mail: 'Mail',
  email: 'Email',
  url: 'URL',
};

/** The status a lender state reports in this version (v1.2 has no HoldReturn: the loan's own status then). */
export function statusFor(
  state: LenderState,
  version: IsoVersion,
  remembered: LenderState | null,
): IsoStatus {
  const status = LENDER_STATES[state].iso;
  if (isClosedValue(version, 'status', status)) return status;
  return remembered ? LENDER_STATES[remembered].iso : 'Loaned';
}

const dueDateOf = (a: AttemptRow) => (a.dueDate ? new Date(`${a.dueDate}T23:59:59Z`) : undefined);
const costsOf = (a: AttemptRow): Costs | undefined =>
  a.costCents === null ? undefined : { currencyCode: CURRENCY, monetaryValue: a.costCents / 100 };
const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;

function header(c: SamContext): IsoHeader {
  return {
    supplyingAgencyId: c.supplyingAgencyId,
    requestingAgencyId: c.requestingAgencyId,
    timestamp: c.now,
    requestingAgencyRequestId: c.requestingAgencyRequestId,
    supplyingAgencyRequestId: c.supplyingAgencyRequestId,
  };
}

/** A supplyingAgencyMessage with the attempt's current status (or `status` when given). */
export function sam(
  c: SamContext,
  info: MessageInfo,
  status?: IsoStatus,
  extra: Partial<Pick<IsoSupplyingAgencyMessage, 'deliveryInfo' | 'shippingInfo'>> = {},
): QueuedSam {
  const a = c.attempt;
  const statusInfo: StatusInfo = {
    status: status ?? statusFor(a.state, c.version, a.rememberedState),
    lastChange: c.now,
  };
  const due = dueDateOf(a);
  if (due && ['Loaned', 'Overdue', 'Recalled', 'HoldReturn', 'ReleaseHoldReturn'].includes(statusInfo.status))
    statusInfo.dueDate = due;
  const message: IsoSupplyingAgencyMessage = {
    kind: 'supplyingAgencyMessage',
    header: header(c),
    messageInfo: info,
    statusInfo,
    ...extra,
  };
  const answer = info.answerYesNo ? ` ${info.answerYesNo}` : '';
  return { message, summary: `${info.reasonForMessage}${answer} · ${statusInfo.status}` };
}

/** Conditions and costs of an offer: structured, or as words in the note for partners that want that. */
function offer(c: SamContext, info: MessageInfo): QueuedSam {
  const a = c.attempt;
  if (c.quirks.termsInNote) {
    const cost = a.costCents === null ? '' : `Cost: ${(a.costCents / 100).toFixed(2)} ${CURRENCY}.`;
    const conditions = a.conditions.length ? `Conditions: ${a.conditions.join(', ')}.` : '';
    return sam(c, { ...info, note: join(conditions, cost, info.note) }, 'ExpectToSupply');
  }
  const costs = costsOf(a);
  if (costs) info.offeredCosts = costs;
  // deliveryInfo is the only place a supplier's loan conditions have in the schema; dateSent is mandatory there.
  const deliveryInfo: DeliveryInfo | undefined = a.conditions.length
    ? { dateSent: c.now, loanCondition: a.conditions }
    : undefined;
  return sam(c, info, 'ExpectToSupply', deliveryInfo ? { deliveryInfo } : {});
}

function shipped(c: SamContext, info: MessageInfo): QueuedSam {
  const a = c.attempt;
  const method = DELIVERY_METHOD[a.shippingMethod ?? 'courier'] ?? a.shippingMethod ?? undefined;
  const deliveryInfo: DeliveryInfo = { dateSent: a.shippedAt ?? c.now };
  if (method) deliveryInfo.deliveryMethod = method;
  if (a.conditions.length && !c.quirks.termsInNote) deliveryInfo.loanCondition = a.conditions;
  const extra: Partial<IsoSupplyingAgencyMessage> = { deliveryInfo };
  if (c.version === '2021' && (a.trackingId || a.shippingMethod === 'courier'))
    extra.shippingInfo = {
      ...(a.shippingMethod === 'courier' ? { courierName: 'Courier' } : {}),
      ...(a.trackingId ? { trackingId: a.trackingId } : {}),
    };
  // v1.2 has no shippingInfo: the tracking number goes in the note.
  const tracking = c.version === '1.2' && a.trackingId ? `Tracking: ${a.trackingId}.` : '';
  const terms = c.quirks.termsInNote && a.conditions.length ? `Conditions: ${a.conditions.join(', ')}.` : '';
  return sam(c, { ...info, note: join(tracking, terms, info.note) }, 'Loaned', extra);
}

function copySent(c: SamContext, info: MessageInfo): QueuedSam {
  const a = c.attempt;
  const url = c.copyUrl ?? null;
  const deliveryInfo: DeliveryInfo = {
    dateSent: a.shippedAt ?? c.now,
    deliveryMethod: url ? 'URL' : (DELIVERY_METHOD[a.shippingMethod ?? 'url'] ?? 'URL'),
  };
  // 2021 has deliveryInfo/URL; v1.2 does not, so the link goes in the note there.
  if (url && c.version === '2021') deliveryInfo.url = url;
  const note = url && c.version === '1.2' ? `Copy: ${url}` : undefined;
  return sam(c, { ...info, note: join(note, info.note) }, 'CopyCompleted', { deliveryInfo });
}

/** The message for one change of our lending side, or null when the partner need not be told. */
export function samForChange(change: Change, c: SamContext): QueuedSam | null {
  const note = change.note || undefined;
  // The first answer to their request is a RequestResponse; anything later a StatusChange.
  const answer = (): MessageInfo => ({
    reasonForMessage: change.from === 'received' ? 'RequestResponse' : 'StatusChange',
    ...(note ? { note } : {}),
  });
  const status = (): MessageInfo => ({ reasonForMessage: 'StatusChange', ...(note ? { note } : {}) });
  const reply = (reason: 'CancelResponse' | 'RenewResponse', yes: boolean): MessageInfo => ({
    reasonForMessage: reason,
    answerYesNo: yes ? 'Y' : 'N',
    ...(note ? { note } : {}),
  });
  const reason = c.attempt.reasonCode ?? undefined;
  const v2021 = c.version === '2021';
  switch (change.action) {
    case 'will_supply':
      return sam(c, answer(), 'WillSupply');
    case 'expect_to_supply':
      return sam(c, answer(), 'ExpectToSupply');
    case 'offer_conditions':
      return offer(c, answer());
    case 'retry_possible':
      return sam(c, { ...answer(), ...(reason ? { reasonRetry: reason } : {}) }, 'RetryPossible');
    case 'cannot_supply':
      return sam(c, { ...answer(), ...(reason ? { reasonUnfilled: reason } : {}) }, 'Unfilled');
    case 'timed_out':
      return sam(c, { ...answer(), note: 'No answer in time.' }, 'Unfilled');
    case 'conditions_accepted':
      return sam(c, status(), 'WillSupply');
    case 'conditions_declined':
    case 'withdrawn':
      return sam(c, reply('CancelResponse', true), 'Cancelled');
    case 'ship':
      return shipped(c, status());
    case 'send_copy':
      return copySent(c, status());
    case 'accept_cancel':
      return sam(c, reply('CancelResponse', true), 'Cancelled');
    case 'refuse_cancel':
      return sam(c, reply('CancelResponse', false));
    case 'became_overdue':
      return sam(c, status(), 'Overdue');
    case 'recall':
      return sam(c, status(), 'Recalled');
    case 'approve_renewal':
      return sam(c, reply('RenewResponse', true));
    case 'deny_renewal':
      return sam(c, reply('RenewResponse', false));
    case 'hold_return':
      return v2021
        ? sam(c, status(), 'HoldReturn')
        : sam(c, { reasonForMessage: 'Notification', note: join('Please hold the return for now.', note) });
    case 'release_return':
      return v2021
        ? sam(c, status(), 'ReleaseHoldReturn')
        : sam(c, { reasonForMessage: 'Notification', note: join('The return may be sent now.', note) });
    case 'check_in':
      return sam(c, status(), 'LoanCompleted');
    case 'mark_lost':
    case 'lost_reported':
      return sam(c, status(), 'CompletedWithoutReturn');
    default:
      // request_received (their request was confirmed), print_pull_slip (no change of status), and the
      // lender's side of their own messages (cancel_asked, renewal_asked, return_shipped): nothing to tell.
      return null;
  }
}
