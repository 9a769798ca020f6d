import { both, type IsoStatus, type Machine, type StateInfo, type Transition } from './machine.ts';

/** The lending library's side of a request (one attempt), as data; each state names the ISO status it reports. */
export const LENDER_STATES = {
  received: { attention: true, iso: 'RequestReceived' },
  expect_to_supply: { attention: true, iso: 'ExpectToSupply' },
  pending_conditions: { iso: 'ExpectToSupply' },
  will_supply: { attention: true, iso: 'WillSupply' },
  pulling: { attention: true, iso: 'WillSupply' },
  cancel_requested: { attention: true, iso: 'WillSupply' },
  shipped: { iso: 'Loaned' },
  overdue: { attention: true, iso: 'Overdue' },
  recalled: { iso: 'Recalled' },
  return_on_hold: { iso: 'HoldReturn' },
  return_in_transit: { attention: true, iso: 'Loaned' },
  complete: { terminal: true, iso: 'LoanCompleted' },
  copy_delivered: { terminal: true, iso: 'CopyCompleted' },
  completed_without_return: { terminal: true, iso: 'CompletedWithoutReturn' },
  retry_possible: { terminal: true, iso: 'RetryPossible' },
  unfilled: { terminal: true, iso: 'Unfilled' },
  cancelled: { terminal: true, iso: 'Cancelled' },
} as const satisfies Record<string, StateInfo & { iso: IsoStatus }>;
export type LenderState = keyof typeof LENDER_STATES;

const LENDING = ['shipped', 'overdue', 'recalled'] as const;

export const LENDER_ACTIONS = {
  will_supply: both<LenderState>({ by: 'staff', from: ['received', 'expect_to_supply'], to: 'will_supply' }),
  expect_to_supply: both<LenderState>({ by: 'staff', from: ['received'], to: 'expect_to_supply' }),
  offer_conditions: both<LenderState>({
    by: 'staff',
    from: ['received', 'expect_to_supply'],
    to: 'pending_conditions',
  }),
  conditions_accepted: both<LenderState>({ by: 'peer', from: ['pending_conditions'], to: 'will_supply' }),
  conditions_declined: both<LenderState>({ by: 'peer', from: ['pending_conditions'], to: 'cancelled' }),
  retry_possible: both<LenderState>({
    by: 'staff',
    from: ['received', 'expect_to_supply'],
    to: 'retry_possible',
  }),
  cannot_supply: both<LenderState>({
    by: 'staff',
    from: ['received', 'expect_to_supply', 'will_supply', 'pulling'],
    to: 'unfilled',
  }),
  /** No answer within the lender's time: the borrower moves on and this side is closed. */
  timed_out: both<LenderState>({ by: 'system', from: ['received', 'expect_to_supply'], to: 'cancelled' }),
  /** The borrower moved on (skipped this lender, or cancelled) before it answered. */
  withdrawn: both<LenderState>({
    by: 'peer',
    from: ['received', 'expect_to_supply', 'pending_conditions'],
    to: 'cancelled',
  }),
  print_pull_slip: both<LenderState>({ by: 'staff', from: ['will_supply'], to: 'pulling' }),
  ship: both<LenderState>({ by: 'staff', from: ['will_supply', 'pulling'], to: 'shipped', only: 'loan' }),
  send_copy: both<LenderState>({
    by: 'staff',
    from: ['will_supply', 'pulling'],
    to: 'copy_delivered',
    only: 'copy',
  }),
  cancel_asked: both<LenderState>({
    by: 'peer',
    from: ['received', 'expect_to_supply', 'pending_conditions', 'will_supply', 'pulling'],
    to: 'cancel_requested',
    remember: true,
  }),
  accept_cancel: both<LenderState>({ by: 'staff', from: ['cancel_requested'], to: 'cancelled' }),
  refuse_cancel: both<LenderState>({ by: 'staff', from: ['cancel_requested'], to: 'previous' }),
  became_overdue: both<LenderState>({ by: 'system', from: ['shipped'], to: 'overdue', only: 'loan' }),
  recall: both<LenderState>({ by: 'staff', from: ['shipped', 'overdue'], to: 'recalled', only: 'loan' }),
  /** A renewal request arrives; the loan stays as it is (the request is flagged for attention). */
  renewal_asked: both<LenderState>({
    by: 'peer',
    from: ['shipped', 'overdue'],
    to: 'previous',
    only: 'loan',
  }),
  approve_renewal: both<LenderState>({
    by: 'staff',
    from: ['shipped', 'overdue'],
    to: 'shipped',
    only: 'loan',
    when: 'renewalPending',
  }),
  /** A refused renewal leaves the loan as it is; the borrower is told. */
  deny_renewal: both<LenderState>({
    by: 'staff',
    from: ['shipped', 'overdue'],
    to: 'previous',
    only: 'loan',
    when: 'renewalPending',
  }),
  hold_return: both<LenderState>({
    by: 'staff',
    from: LENDING,
    to: 'return_on_hold',
    only: 'loan',
    remember: true,
  }),
  release_return: both<LenderState>({ by: 'staff', from: ['return_on_hold'], to: 'previous', only: 'loan' }),
  return_shipped: both<LenderState>({ by: 'peer', from: LENDING, to: 'return_in_transit', only: 'loan' }),
  check_in: both<LenderState>({
    by: 'staff',
    from: ['return_in_transit', ...LENDING, 'return_on_hold'],
    to: 'complete',
    only: 'loan',
  }),
  mark_lost: both<LenderState>({
    by: 'staff',
    from: ['return_in_transit', ...LENDING],
    to: 'completed_without_return',
    only: 'loan',
  }),
  lost_reported: both<LenderState>({
    by: 'peer',
    from: [...LENDING, 'return_in_transit'],
    to: 'completed_without_return',
    only: 'loan',
  }),
} as const satisfies Record<string, Transition<LenderState>>;
export type LenderAction = keyof typeof LENDER_ACTIONS;

/** Inbound ISO 18626 status → the lender state it means on our side (for outside lenders). */
export const LENDER_STATE_FOR_ISO: Record<IsoStatus, LenderState | 'previous'> = {
  RequestReceived: 'received',
  ExpectToSupply: 'expect_to_supply',
  WillSupply: 'will_supply',
  Loaned: 'shipped',
  Overdue: 'overdue',
  Recalled: 'recalled',
  RetryPossible: 'retry_possible',
  Unfilled: 'unfilled',
  CopyCompleted: 'copy_delivered',
  LoanCompleted: 'complete',
  CompletedWithoutReturn: 'completed_without_return',
  Cancelled: 'cancelled',
  HoldReturn: 'return_on_hold',
  ReleaseHoldReturn: 'previous',
};

export const LENDER: Machine<LenderState, LenderAction> = { states: LENDER_STATES, actions: LENDER_ACTIONS };
