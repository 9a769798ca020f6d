import type { Side } from '../../api/sharing.ts';
import type { MessageKey } from '../../i18n/en.ts';
import type { I18n } from '../../i18n/context.tsx';
import {
  BORROWER_STATES as BORROWER_STATE_VALUES,
  LENDER_STATES as LENDER_STATE_VALUES,
  LOAN_CONDITION_LIST as LOAN_CONDITIONS,
  REASON_CODE_LIST as REASON_CODES,
  SHIPPING_METHOD_LIST as SHIPPING_METHODS,
  STAFF_ACTION_LIST as STAFF_ACTIONS,
} from './values.ts';

type T = I18n['t'];
type TP = I18n['tp'];

const has = (list: readonly string[], value: string) => list.includes(value);

/** "snake_case" → "Snake case": a readable fallback for a name the dictionary does not know (yet). */
export const humanize = (name: string) => {
  const text = name.replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** The readable name of a state: borrower states on the borrowing side, attempt states on the lending side. */
export function stateLabel(t: T, side: Side, state: string): string {
  if (side === 'borrowing' && has(BORROWER_STATE_VALUES, state))
    return t(`ill.bstate.${state}` as MessageKey);
  if (side === 'lending' && has(LENDER_STATE_VALUES, state)) return t(`ill.lstate.${state}` as MessageKey);
  return humanize(state);
}

/** One sentence saying what the state means and who acts next. */
export function stateHelp(t: T, side: Side, state: string): string {
  if (side === 'borrowing' && has(BORROWER_STATE_VALUES, state)) return t(`ill.bhelp.${state}` as MessageKey);
  if (side === 'lending' && has(LENDER_STATE_VALUES, state)) return t(`ill.lhelp.${state}` as MessageKey);
  return '';
}

/** A staff action's button text, or a timeline entry (staff, peer and system actions alike). */
export function actionLabel(t: T, action: string): string {
  if (ACTION_NAMES.has(action)) return t(`ill.action.${action}` as MessageKey);
  if (EVENT_NAMES.has(action)) return t(`ill.event.${action}` as MessageKey);
  return humanize(action);
}

export const ACTION_NAMES: ReadonlySet<string> = new Set(STAFF_ACTIONS);

export const EVENT_NAMES: ReadonlySet<string> = new Set([
  'submit',
  'flag_duplicate',
  'flag_held_locally',
  'send_to_lender',
  'rota_exhausted',
  'lender_will_supply',
  'lender_conditions',
  'lender_unfilled',
  'lender_timed_out',
  'lender_retry_possible',
  'lender_unreachable',
  'lender_cancelled',
  'lender_refused_cancel',
  'lender_shipped',
  'became_overdue',
  'lender_recalled',
  'renewed',
  'lender_denied_renewal',
  'lender_held_return',
  'lender_released_return',
  'lender_checked_in',
  'lender_marked_lost',
  'lender_sent_copy',
  'conditions_accepted',
  'conditions_declined',
  'timed_out',
  'withdrawn',
  'cancel_asked',
  'renewal_asked',
  'return_shipped',
  'lost_reported',
  'created',
  'request_received',
  'due_soon_notice',
]);

export const reasonLabel = (t: T, code: string) =>
  has(REASON_CODES, code) ? t(`ill.reason.${code}` as MessageKey) : code;
export const conditionLabel = (t: T, code: string) =>
  has(LOAN_CONDITIONS, code) ? t(`ill.condition.${code}` as MessageKey) : code;
export const shippingLabel = (t: T, method: string) =>
  has(SHIPPING_METHODS, method) ? t(`ill.shipping.${method}` as MessageKey) : method;

/** How long ago something changed, in words ("3 days ago"). */
export function ageText(tp: TP, t: T, iso: string, now = Date.now()): string {
  const hours = Math.floor((now - new Date(iso).getTime()) / 3_600_000);
  if (hours < 1) return t('ill.age.minutes');
  if (hours < 48) return tp('ill.age.hours', hours);
  return tp('ill.age.days', Math.floor(hours / 24));
}

/**
 * The usual next staff step for a queue row, as a hint only: the request page offers exactly the actions the
 * server says are valid. States that need attention name their usual step; others wait on the other library.
 */
const NEXT_STEP: Record<Side, Record<string, string>> = {
  borrowing: {
    duplicate_review: 'approve',
    patron_review: 'approve',
    local_review: 'fill_locally',
    conditional: 'accept_conditions',
    retry_review: 'retry_with_changes',
    unable_to_contact: 'retry_contact',
    end_of_rota: 'restart_rota',
    shipped: 'mark_received',
    received: 'check_out_to_patron',
    checked_out: 'check_in_from_patron',
    overdue: 'request_renewal',
    recalled: 'check_in_from_patron',
    awaiting_return_shipping: 'ship_return',
    copy_available: 'deliver_copy',
  },
  lending: {
    received: 'will_supply',
    expect_to_supply: 'will_supply',
    will_supply: 'print_pull_slip',
    pulling: 'ship',
    cancel_requested: 'accept_cancel',
    overdue: 'recall',
    return_in_transit: 'check_in',
    return_on_hold: 'release_return',
  },
};
const TERMINAL = new Set([
  'complete',
  'completed_without_return',
  'filled_locally',
  'cancelled',
  'copy_delivered',
  'retry_possible',
  'unfilled',
]);

export function nextStep(t: T, side: Side, state: string, serviceType: 'loan' | 'copy'): string {
  if (TERMINAL.has(state) && !(side === 'borrowing' && state === 'retry_possible'))
    return t('ill.queue.closed');
  let step = NEXT_STEP[side][state];
  if (step === 'ship' && serviceType === 'copy') step = 'send_copy';
  return step ? actionLabel(t, step) : t('ill.queue.waiting');
}

/** "$12.50" from cents, in the reader's locale. */
export const money = (locale: string, cents: number) =>
  new Intl.NumberFormat(locale === 'es' ? 'es-US' : 'en-US', { style: 'currency', currency: 'USD' }).format(
    cents / 100,
  );
