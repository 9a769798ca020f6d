import type {
  BORROWER_STATE_VALUES as B,
  LENDER_STATE_VALUES as L,
  LOAN_CONDITIONS as C,
  REASON_CODES as R,
  SHIPPING_METHODS as S,
  STAFF_ACTIONS as A,
} from '../../../../shared/contracts/sharing.ts';
import type { Me } from '../../api/accounts.ts';
import { isConsortiumStaff } from '../../api/enums.ts';

/**
 * The contract's value lists, repeated so the browser bundle does not carry zod (as api/enums.ts does);
 * the check below makes any drift a compile error.
 */
export const BORROWER_STATES = [
  'new',
  'duplicate_review',
  'local_review',
  'sourcing',
  'requested',
  'expects_to_supply',
  'conditional',
  'retry_review',
  'unable_to_contact',
  'end_of_rota',
  'cancel_pending',
  'shipped',
  'received',
  'checked_out',
  'overdue',
  'recalled',
  'awaiting_return_shipping',
  'return_on_hold',
  'return_shipped',
  'copy_available',
  'complete',
  'completed_without_return',
  'filled_locally',
  'cancelled',
] as const;
export const LENDER_STATES = [
  'received',
  'expect_to_supply',
  'pending_conditions',
  'will_supply',
  'pulling',
  'cancel_requested',
  'shipped',
  'overdue',
  'recalled',
  'return_on_hold',
  'return_in_transit',
  'complete',
  'copy_delivered',
  'completed_without_return',
  'retry_possible',
  'unfilled',
  'cancelled',
] as const;
export const STAFF_ACTION_LIST = [
  'approve',
  'fill_locally',
  'restart_rota',
  'accept_conditions',
  'decline_conditions',
  'retry_with_changes',
  'retry_contact',
  'skip_lender',
  'cancel',
  'request_cancel',
  'mark_received',
  'check_out_to_patron',
  'request_renewal',
  'check_in_from_patron',
  'ship_return',
  'report_lost',
  'deliver_copy',
  'will_supply',
  'expect_to_supply',
  'offer_conditions',
  'retry_possible',
  'cannot_supply',
  'print_pull_slip',
  'ship',
  'send_copy',
  'accept_cancel',
  'refuse_cancel',
  'recall',
  'approve_renewal',
  'deny_renewal',
  'hold_return',
  'release_return',
  'check_in',
  'mark_lost',
] as const;
export const REASON_CODE_LIST = [
  'NonCirculating',
  'NotAvailableForILL',
  'NotHeld',
  'NotOnShelf',
  'PolicyProblem',
  'PoorCondition',
  'AtBindery',
  'CostExceedsMaxCost',
  'LoanPossible',
  'NotCurrentAvailableForILL',
  'NotFoundAsCited',
  'OnLoan',
  'OnOrder',
  'ReqDelDateNotPossible',
  'ReqDelMethodNotSupp',
] as const;
/** Reason codes of "cannot supply" (ISO 18626 reasonUnfilled) and of "retry possible" (reasonRetry). */
export const UNFILLED_REASONS = REASON_CODE_LIST.slice(0, 6);
export const RETRY_REASONS = REASON_CODE_LIST.slice(6);
export const LOAN_CONDITION_LIST = [
  'LibraryUseOnly',
  'NoReproduction',
  'SignatureRequired',
  'SpecCollSupervReq',
  'WatchLibraryUseOnly',
] as const;
export const SHIPPING_METHOD_LIST = ['courier', 'mail', 'email', 'url'] as const;

type Same<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false;
type Item<T extends readonly unknown[]> = T[number];
const sameLists: [
  Same<Item<typeof BORROWER_STATES>, Item<typeof B>>,
  Same<Item<typeof LENDER_STATES>, Item<typeof L>>,
  Same<Item<typeof STAFF_ACTION_LIST>, Item<typeof A>>,
  Same<Item<typeof REASON_CODE_LIST>, Item<typeof R>>,
  Same<Item<typeof LOAN_CONDITION_LIST>, Item<typeof C>>,
  Same<Item<typeof SHIPPING_METHOD_LIST>, Item<typeof S>>,
] = [true, true, true, true, true, true];
void sameLists;

/** Mirrors the server's "ownLibrary + sharing" rule: a member library's admins and its ILL staff. */
export const canUseSharing = (user: Me | null): boolean =>
  !!user &&
  user.organization.kind === 'library' &&
  (user.role === 'library_admin' || user.capabilities.includes('sharing'));

/** Library admins change their lending policy. */
export const canEditPolicy = (user: Me | null): boolean =>
  !!user && user.organization.kind === 'library' && user.role === 'library_admin';

/** Analytics: staff of a member library (their own figures) and consortium staff (everyone's). */
export const canSeeAnalytics = (user: Me | null): boolean =>
  !!user && (canUseSharing(user) || isConsortiumStaff(user.role));
