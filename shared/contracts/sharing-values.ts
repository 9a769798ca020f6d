/**
 * The value lists of resource sharing as plain constants, without zod: the contract builds its schemas
 * from them and the web app imports them directly, so the browser bundle carries no validation library.
 */
export const SERVICE_TYPES = ['loan', 'copy'] as const;
export const SIDES = ['borrowing', 'lending'] as const;
/** Queue orders: newest change (default), newest, oldest, soonest need-before date, title. */
export const QUEUE_SORTS = ['updated', 'created', 'oldest', 'needBefore', 'title'] as const;
export const BORROWER_STATE_VALUES = [
  'new',
  'duplicate_review',
  'patron_review',
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
export const LENDER_STATE_VALUES = [
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
/** Staff actions of either side (the server refuses, with 409, any not valid now). */
export const STAFF_ACTIONS = [
  // borrower
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
  // lender
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
/** ISO 18626 reasonUnfilled codes (open list: any other code up to 40 characters is kept). */
export const REASONS_UNFILLED = [
  'NonCirculating',
  'NotAvailableForILL',
  'NotHeld',
  'NotOnShelf',
  'PolicyProblem',
  'PoorCondition',
] as const;
/** ISO 18626 reasonRetry codes (open list as well). */
export const REASONS_RETRY = [
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
export const REASON_CODES = [...REASONS_UNFILLED, ...REASONS_RETRY] as const;
/** ISO 18626 loanCondition codes. */
export const LOAN_CONDITIONS = [
  'LibraryUseOnly',
  'NoReproduction',
  'SignatureRequired',
  'SpecCollSupervReq',
  'WatchLibraryUseOnly',
] as const;
export const SHIPPING_METHODS = ['courier', 'mail', 'email', 'url'] as const;
