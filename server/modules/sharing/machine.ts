/**
 * The machinery both sides of an interlibrary loan share: actors, transitions, and the two functions that
 * read a machine (`step` for the service, `actionsFor` for the UI and timers). The machines themselves are
 * data in `borrower.ts` and `lender.ts`; `states.ts` gathers all three.
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

export type StateInfo = {
  /** Staff must act (the "needs attention" queue). */
  attention?: boolean;
  terminal?: boolean;
  /** Counts as ended (statistics, purge) although staff may still reopen it. */
  ends?: boolean;
  /** Lender states: the ISO 18626 status reported to the borrower. */
  iso?: IsoStatus;
};

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

export const both = <S extends string>(t: Transition<S>) => t;

export type Machine<S extends string, A extends string> = {
  states: Record<S, StateInfo>;
  actions: Record<A, Transition<S>>;
};

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
