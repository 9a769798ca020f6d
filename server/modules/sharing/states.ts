/**
 * The two sides of an interlibrary loan, declared as data: states, who acts, and what each action does.
 * The service looks an action up here (never in if-chains), the API answers 409 for anything not listed,
 * and the UI shows exactly the actions `actionsFor` returns. ISO 18626 statuses are the lender's; each
 * lender state names the one it reports, and inbound statuses map back through `LENDER_STATE_FOR_ISO`.
 */

export const SERVICE_TYPES = ['loan', 'copy'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Who performs an action: staff of that side, the other library's action arriving, or a timer/job. */
export type Actor = 'staff' | 'peer' | 'system';

export const ISO_STATUSES = [
  'RequestReceived',
  'ExpectToSupply',
  'WillSupply',
  'Loaned',
  'Overdue',
  'Recalled',
  'RetryPossible',
  'Unfilled',
  'CopyCompleted',
  'LoanCompleted',
  'CompletedWithoutReturn',
  'Cancelled',
  'HoldReturn',
  'ReleaseHoldReturn',
] as const;
export type IsoStatus = (typeof ISO_STATUSES)[number];

type StateInfo = {
  /** Staff must act (the "needs attention" queue). */
  attention?: boolean;
  terminal?: boolean;
  /** Lender states: the ISO 18626 status reported to the borrower. */
  iso?: IsoStatus;
};

export const BORROWER_STATES = {
  new: {},
  duplicate_review: { attention: true },
  local_review: { attention: true },
  sourcing: {},
  requested: {},
  expects_to_supply: {},
  conditional: { attention: true },
  retry_review: { attention: true },
  unable_to_contact: { attention: true },
  end_of_rota: { attention: true },
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

/** `previous`: back to where the request was before a cancel or hold was asked for. */
type Target<S> = S | 'previous';

export type Transition<S extends string> = {
  by: Actor;
  from: readonly S[];
  to: Target<S>;
  /** Only for these services (default both). */
  only?: ServiceType;
  /** Set when the action leaves a state it may have to return to (cancel asked, return held). */
  remember?: boolean;
  /** Only while a renewal has been asked for and not yet answered (or only while none has). */
  when?: 'renewalPending' | 'noRenewalPending';
};

/** Facts about a request beyond its state that some actions depend on. */
export type Flags = { renewalPending?: boolean };

const guardHolds = (t: { when?: Transition<string>['when'] }, flags: Flags) =>
  t.when === undefined || (t.when === 'renewalPending') === (flags.renewalPending === true);

const both = <S extends string>(t: Transition<S>) => t;

const BEFORE_SHIPPING = ['requested', 'expects_to_supply', 'conditional'] as const;
const ON_LOAN = ['received', 'checked_out', 'overdue', 'recalled'] as const;

export const BORROWER_ACTIONS = {
  // Intake: a new request is checked, then routed.
  submit: both<BorrowerState>({ by: 'system', from: ['new'], to: 'sourcing' }),
  flag_duplicate: both<BorrowerState>({ by: 'system', from: ['new'], to: 'duplicate_review' }),
  flag_held_locally: both<BorrowerState>({ by: 'system', from: ['new'], to: 'local_review' }),
  approve: both<BorrowerState>({ by: 'staff', from: ['duplicate_review', 'local_review'], to: 'sourcing' }),
  fill_locally: both<BorrowerState>({ by: 'staff', from: ['local_review'], to: 'filled_locally' }),
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
  lender_timed_out: both<BorrowerState>({
    by: 'system',
    from: ['requested', 'expects_to_supply'],
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

type Machine<S extends string, A extends string> = {
  states: Record<S, StateInfo>;
  actions: Record<A, Transition<S>>;
};
export const BORROWER: Machine<BorrowerState, BorrowerAction> = {
  states: BORROWER_STATES,
  actions: BORROWER_ACTIONS,
};
export const LENDER: Machine<LenderState, LenderAction> = { states: LENDER_STATES, actions: LENDER_ACTIONS };

export type Step<S> = { to: S; remember: S | null };

/**
 * The state an action leads to, or null when it is not allowed now. `remembered` is the state saved by the
 * last `remember` action (where `previous` returns to).
 */
export function step<S extends string, A extends string>(
  machine: Machine<S, A>,
  state: S,
  action: A,
  service: ServiceType,
  remembered: S | null = null,
  flags: Flags = {},
): Step<S> | null {
  const t = machine.actions[action];
  if (!t || !t.from.includes(state) || (t.only && t.only !== service) || !guardHolds(t, flags)) return null;
  if (t.to === 'previous')
    return remembered ? { to: remembered, remember: null } : { to: state, remember: null };
  return { to: t.to, remember: t.remember ? state : remembered };
}

/** Actions the given actor may take now: what the UI offers (staff) and what timers look for (system). */
export function actionsFor<S extends string, A extends string>(
  machine: Machine<S, A>,
  state: S,
  service: ServiceType,
  by: Actor,
  flags: Flags = {},
): A[] {
  return (Object.keys(machine.actions) as A[]).filter((a) => {
    const t = machine.actions[a];
    return t.by === by && t.from.includes(state) && (!t.only || t.only === service) && guardHolds(t, flags);
  });
}
