import { both, type Machine, type StateInfo, type Transition } from './machine.ts';

/** The borrowing library's side of a request, as data (see `machine.ts` for how it is read). */
export const BORROWER_STATES = {
  new: {},
  duplicate_review: { attention: true },
  /** Submitted on the library's public page: staff check the patron and the citation first. */
  patron_review: { attention: true },
  local_review: { attention: true },
  sourcing: {},
  requested: {},
  expects_to_supply: {},
  conditional: { attention: true },
  retry_review: { attention: true },
  unable_to_contact: { attention: true },
  end_of_rota: { attention: true, ends: true },
  cancel_pending: {},
  shipped: {},
  received: { attention: true },
  checked_out: {},
  overdue: { attention: true },
  recalled: { attention: true },
  awaiting_return_shipping: { attention: true },
  return_on_hold: {},
  return_shipped: {},
  copy_available: { attention: true },
  complete: { terminal: true },
  completed_without_return: { terminal: true },
  filled_locally: { terminal: true },
  cancelled: { terminal: true },
} as const satisfies Record<string, StateInfo>;
export type BorrowerState = keyof typeof BORROWER_STATES;

const BEFORE_SHIPPING = ['requested', 'expects_to_supply', 'conditional'] as const;
const ON_LOAN = ['received', 'checked_out', 'overdue', 'recalled'] as const;

export const BORROWER_ACTIONS = {
  // Intake: a new request is checked, then routed.
  submit: both<BorrowerState>({ by: 'system', from: ['new'], to: 'sourcing' }),
  flag_duplicate: both<BorrowerState>({ by: 'system', from: ['new'], to: 'duplicate_review' }),
  flag_patron_request: both<BorrowerState>({ by: 'system', from: ['new'], to: 'patron_review' }),
  flag_held_locally: both<BorrowerState>({ by: 'system', from: ['new'], to: 'local_review' }),
  approve: both<BorrowerState>({
    by: 'staff',
    from: ['duplicate_review', 'local_review', 'patron_review'],
    to: 'sourcing',
  }),
  fill_locally: both<BorrowerState>({
    by: 'staff',
    from: ['local_review', 'patron_review'],
    to: 'filled_locally',
  }),
  // Routing down the rota.
  send_to_lender: both<BorrowerState>({ by: 'system', from: ['sourcing'], to: 'requested' }),
  rota_exhausted: both<BorrowerState>({ by: 'system', from: ['sourcing'], to: 'end_of_rota' }),
  restart_rota: both<BorrowerState>({ by: 'staff', from: ['end_of_rota'], to: 'sourcing' }),
  lender_will_supply: both<BorrowerState>({ by: 'peer', from: ['requested'], to: 'expects_to_supply' }),
  lender_conditions: both<BorrowerState>({
    by: 'peer',
    from: ['requested', 'expects_to_supply'],
    to: 'conditional',
  }),
  accept_conditions: both<BorrowerState>({ by: 'staff', from: ['conditional'], to: 'expects_to_supply' }),
  decline_conditions: both<BorrowerState>({ by: 'staff', from: ['conditional'], to: 'sourcing' }),
  lender_unfilled: both<BorrowerState>({ by: 'peer', from: BEFORE_SHIPPING, to: 'sourcing' }),
  /** The lender's answer time ran out — also while we could not reach it: the next lender is asked. */
  lender_timed_out: both<BorrowerState>({
    by: 'system',
    from: ['requested', 'expects_to_supply', 'unable_to_contact'],
    to: 'sourcing',
  }),
  lender_retry_possible: both<BorrowerState>({
    by: 'peer',
    from: ['requested', 'expects_to_supply'],
    to: 'retry_review',
  }),
  retry_with_changes: both<BorrowerState>({ by: 'staff', from: ['retry_review'], to: 'requested' }),
  lender_unreachable: both<BorrowerState>({ by: 'system', from: ['requested'], to: 'unable_to_contact' }),
  retry_contact: both<BorrowerState>({ by: 'staff', from: ['unable_to_contact'], to: 'requested' }),
  skip_lender: both<BorrowerState>({
    by: 'staff',
    from: ['retry_review', 'unable_to_contact'],
    to: 'sourcing',
  }),
  // Cancelling: at once while no lender holds it, otherwise the lender is asked.
  cancel: both<BorrowerState>({
    by: 'staff',
    from: [
      'new',
      'duplicate_review',
      'patron_review',
      'local_review',
      'sourcing',
      'end_of_rota',
      'retry_review',
      'unable_to_contact',
    ],
    to: 'cancelled',
  }),
  request_cancel: both<BorrowerState>({
    by: 'staff',
    from: BEFORE_SHIPPING,
    to: 'cancel_pending',
    remember: true,
  }),
  lender_cancelled: both<BorrowerState>({ by: 'peer', from: ['cancel_pending'], to: 'cancelled' }),
  lender_refused_cancel: both<BorrowerState>({ by: 'peer', from: ['cancel_pending'], to: 'previous' }),
  // The loan itself.
  lender_shipped: both<BorrowerState>({
    by: 'peer',
    from: ['requested', 'expects_to_supply', 'cancel_pending'],
    to: 'shipped',
    only: 'loan',
  }),
  mark_received: both<BorrowerState>({ by: 'staff', from: ['shipped'], to: 'received', only: 'loan' }),
  check_out_to_patron: both<BorrowerState>({
    by: 'staff',
    from: ['received'],
    to: 'checked_out',
    only: 'loan',
  }),
  became_overdue: both<BorrowerState>({ by: 'system', from: ['received', 'checked_out'], to: 'overdue' }),
  lender_recalled: both<BorrowerState>({
    by: 'peer',
    from: ['received', 'checked_out', 'overdue'],
    to: 'recalled',
    only: 'loan',
  }),
  /** Asks the lender for more time; the loan stays as it is until the lender answers. */
  request_renewal: both<BorrowerState>({
    by: 'staff',
    from: ['checked_out', 'overdue'],
    to: 'previous',
    only: 'loan',
    when: 'noRenewalPending',
  }),
  renewed: both<BorrowerState>({
    by: 'peer',
    from: ['checked_out', 'overdue'],
    to: 'checked_out',
    only: 'loan',
  }),
  lender_denied_renewal: both<BorrowerState>({
    by: 'peer',
    from: ['checked_out', 'overdue'],
    to: 'previous',
    only: 'loan',
  }),
  check_in_from_patron: both<BorrowerState>({
    by: 'staff',
    from: ['received', 'checked_out', 'overdue', 'recalled'],
    to: 'awaiting_return_shipping',
    only: 'loan',
  }),
  lender_held_return: both<BorrowerState>({
    by: 'peer',
    from: ['awaiting_return_shipping'],
    to: 'return_on_hold',
    only: 'loan',
  }),
  lender_released_return: both<BorrowerState>({
    by: 'peer',
    from: ['return_on_hold'],
    to: 'awaiting_return_shipping',
    only: 'loan',
  }),
  ship_return: both<BorrowerState>({
    by: 'staff',
    from: ['awaiting_return_shipping'],
    to: 'return_shipped',
    only: 'loan',
  }),
  lender_checked_in: both<BorrowerState>({
    by: 'peer',
    from: ['return_shipped', 'awaiting_return_shipping', ...ON_LOAN],
    to: 'complete',
    only: 'loan',
  }),
  report_lost: both<BorrowerState>({
    by: 'staff',
    from: ON_LOAN,
    to: 'completed_without_return',
    only: 'loan',
  }),
  /** The lender wrote the item off (lost in transit or never returned). */
  lender_marked_lost: both<BorrowerState>({
    by: 'peer',
    from: [...ON_LOAN, 'awaiting_return_shipping', 'return_shipped'],
    to: 'completed_without_return',
    only: 'loan',
  }),
  // Copies (non-returnables).
  lender_sent_copy: both<BorrowerState>({
    by: 'peer',
    from: ['requested', 'expects_to_supply', 'cancel_pending'],
    to: 'copy_available',
    only: 'copy',
  }),
  deliver_copy: both<BorrowerState>({ by: 'staff', from: ['copy_available'], to: 'complete', only: 'copy' }),
} as const satisfies Record<string, Transition<BorrowerState>>;
export type BorrowerAction = keyof typeof BORROWER_ACTIONS;

export const BORROWER: Machine<BorrowerState, BorrowerAction> = {
  states: BORROWER_STATES,
  actions: BORROWER_ACTIONS,
};
