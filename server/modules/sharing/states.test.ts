import { describe, expect, it } from 'vitest';
import {
  BORROWER,
  ISO_STATUSES,
  LENDER,
  LENDER_STATES,
  LENDER_STATE_FOR_ISO,
  actionsFor,
  step,
  type Actor,
  type BorrowerAction,
  type Flags,
  type BorrowerState,
  type LenderAction,
  type LenderState,
  type ServiceType,
  type Step,
} from './states.ts';
import {
  BORROWER_STATE_VALUES,
  LENDER_STATE_VALUES,
  STAFF_ACTIONS,
} from '../../../shared/contracts/sharing.ts';

/**
 * The state machines checked against an independent, hand-written table of what each state allows for a
 * loan (every action not listed must be refused), then structurally (reachability, terminals, ISO cover),
 * then by walking whole flows on both sides in lockstep.
 */
const BORROWER_LOAN: Record<BorrowerState, BorrowerAction[]> = {
  new: ['submit', 'flag_duplicate', 'flag_patron_request', 'flag_held_locally', 'cancel'],
  duplicate_review: ['approve', 'cancel'],
  patron_review: ['approve', 'fill_locally', 'cancel'],
  local_review: ['approve', 'fill_locally', 'cancel'],
  sourcing: ['send_to_lender', 'rota_exhausted', 'cancel'],
  requested: [
    'lender_will_supply',
    'lender_conditions',
    'lender_unfilled',
    'lender_timed_out',
    'lender_retry_possible',
    'lender_unreachable',
    'request_cancel',
    'lender_shipped',
  ],
  expects_to_supply: [
    'lender_conditions',
    'lender_unfilled',
    'lender_timed_out',
    'lender_retry_possible',
    'request_cancel',
    'lender_shipped',
  ],
  conditional: ['accept_conditions', 'decline_conditions', 'lender_unfilled', 'request_cancel'],
  retry_review: ['retry_with_changes', 'skip_lender', 'cancel'],
  unable_to_contact: ['retry_contact', 'skip_lender', 'cancel'],
  end_of_rota: ['restart_rota', 'cancel'],
  cancel_pending: ['lender_cancelled', 'lender_refused_cancel', 'lender_shipped'],
  shipped: ['mark_received'],
  received: [
    'check_out_to_patron',
    'became_overdue',
    'lender_recalled',
    'check_in_from_patron',
    'lender_checked_in',
    'report_lost',
    'lender_marked_lost',
  ],
  checked_out: [
    'became_overdue',
    'lender_recalled',
    'request_renewal',
    'renewed',
    'lender_denied_renewal',
    'check_in_from_patron',
    'lender_checked_in',
    'report_lost',
    'lender_marked_lost',
  ],
  overdue: [
    'lender_recalled',
    'request_renewal',
    'renewed',
    'lender_denied_renewal',
    'check_in_from_patron',
    'lender_checked_in',
    'report_lost',
    'lender_marked_lost',
  ],
  recalled: ['check_in_from_patron', 'lender_checked_in', 'report_lost', 'lender_marked_lost'],
  awaiting_return_shipping: ['lender_held_return', 'ship_return', 'lender_checked_in', 'lender_marked_lost'],
  return_on_hold: ['lender_released_return'],
  return_shipped: ['lender_checked_in', 'lender_marked_lost'],
  copy_available: [],
  complete: [],
  completed_without_return: [],
  filled_locally: [],
  cancelled: [],
};

const LENDER_LOAN: Record<LenderState, LenderAction[]> = {
  received: [
    'will_supply',
    'expect_to_supply',
    'offer_conditions',
    'retry_possible',
    'cannot_supply',
    'timed_out',
    'cancel_asked',
    'withdrawn',
  ],
  expect_to_supply: [
    'will_supply',
    'offer_conditions',
    'retry_possible',
    'cannot_supply',
    'timed_out',
    'cancel_asked',
    'withdrawn',
  ],
  pending_conditions: ['conditions_accepted', 'conditions_declined', 'cancel_asked', 'withdrawn'],
  will_supply: ['cannot_supply', 'print_pull_slip', 'ship', 'cancel_asked'],
  pulling: ['cannot_supply', 'ship', 'cancel_asked'],
  cancel_requested: ['accept_cancel', 'refuse_cancel'],
  shipped: [
    'became_overdue',
    'recall',
    'renewal_asked',
    'approve_renewal',
    'deny_renewal',
    'hold_return',
    'return_shipped',
    'check_in',
    'mark_lost',
    'lost_reported',
  ],
  overdue: [
    'recall',
    'renewal_asked',
    'approve_renewal',
    'deny_renewal',
    'hold_return',
    'return_shipped',
    'check_in',
    'mark_lost',
    'lost_reported',
  ],
  recalled: ['hold_return', 'return_shipped', 'check_in', 'mark_lost', 'lost_reported'],
  return_on_hold: ['release_return', 'check_in'],
  return_in_transit: ['check_in', 'mark_lost', 'lost_reported'],
  complete: [],
  copy_delivered: [],
  completed_without_return: [],
  retry_possible: [],
  unfilled: [],
  cancelled: [],
};

const actors: Actor[] = ['staff', 'peer', 'system'];
const allowed = <S extends string, A extends string>(
  m: { states: Record<S, unknown>; actions: Record<A, unknown> },
  state: S,
  service: ServiceType,
  flags: Flags = {},
) => actors.flatMap((by) => actionsFor(m as never, state as never, service, by, flags) as A[]).sort();
/** The lender table lists the renewal answers, which exist only while a renewal is asked for. */
const renewalAsked: Flags = { renewalPending: true };

describe('borrower state machine (loans)', () => {
  const states = Object.keys(BORROWER_LOAN) as BorrowerState[];
  const actions = Object.keys(BORROWER.actions) as BorrowerAction[];
  it('declares exactly the states of the table', () => {
    expect(Object.keys(BORROWER.states).sort()).toEqual([...states].sort());
  });
  it.each(states)('%s allows exactly the listed actions', (state) => {
    expect(allowed(BORROWER, state, 'loan')).toEqual([...BORROWER_LOAN[state]].sort());
  });
  it.each(states.flatMap((s) => actions.map((a) => [s, a] as const)))(
    '%s + %s: allowed iff listed',
    (state, action) => {
      const result = step(BORROWER, state, action, 'loan');
      expect(result !== null).toBe(BORROWER_LOAN[state].includes(action));
    },
  );
});

describe('lender state machine (loans)', () => {
  const states = Object.keys(LENDER_LOAN) as LenderState[];
  const actions = Object.keys(LENDER.actions) as LenderAction[];
  it('declares exactly the states of the table', () => {
    expect(Object.keys(LENDER.states).sort()).toEqual([...states].sort());
  });
  it.each(states)('%s allows exactly the listed actions', (state) => {
    expect(allowed(LENDER, state, 'loan', renewalAsked)).toEqual([...LENDER_LOAN[state]].sort());
  });
  it.each(states.flatMap((s) => actions.map((a) => [s, a] as const)))(
    '%s + %s: allowed iff listed',
    (state, action) => {
      expect(step(LENDER, state, action, 'loan', null, renewalAsked) !== null).toBe(
        LENDER_LOAN[state].includes(action),
      );
    },
  );
});

describe('renewals', () => {
  it('offer the answer only while a renewal is asked for, and the asking only while none is', () => {
    expect(actionsFor(LENDER, 'shipped', 'loan', 'staff')).not.toContain('approve_renewal');
    expect(actionsFor(LENDER, 'shipped', 'loan', 'staff', renewalAsked)).toEqual(
      expect.arrayContaining(['approve_renewal', 'deny_renewal']),
    );
    expect(step(LENDER, 'overdue', 'deny_renewal', 'loan')).toBeNull();
    expect(actionsFor(BORROWER, 'checked_out', 'loan', 'staff')).toContain('request_renewal');
    expect(actionsFor(BORROWER, 'checked_out', 'loan', 'staff', renewalAsked)).not.toContain(
      'request_renewal',
    );
  });
});

describe('copies', () => {
  it('ship only loans and send only copies', () => {
    expect(step(LENDER, 'pulling', 'ship', 'copy')).toBeNull();
    expect(step(LENDER, 'pulling', 'send_copy', 'copy')).toEqual({ to: 'copy_delivered', remember: null });
    expect(step(LENDER, 'pulling', 'send_copy', 'loan')).toBeNull();
    expect(step(BORROWER, 'requested', 'lender_sent_copy', 'copy')?.to).toBe('copy_available');
    expect(step(BORROWER, 'copy_available', 'deliver_copy', 'copy')?.to).toBe('complete');
    expect(actionsFor(BORROWER, 'received', 'copy', 'staff')).toEqual([]);
  });
});

function reachable<S extends string, A extends string>(
  m: {
    states: Record<S, unknown>;
    actions: Record<A, { from: readonly S[]; to: S | 'previous'; only?: ServiceType }>;
  },
  start: S,
  service: ServiceType,
) {
  const seen = new Set<S>([start]);
  const queue = [start];
  while (queue.length) {
    const s = queue.shift()!;
    for (const t of Object.values(m.actions) as {
      from: readonly S[];
      to: S | 'previous';
      only?: ServiceType;
    }[]) {
      if (!t.from.includes(s) || (t.only && t.only !== service) || t.to === 'previous') continue;
      if (!seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return seen;
}

describe('structure', () => {
  it.each(['loan', 'copy'] as const)(
    'every borrower state used by a %s is reachable from new, and can end',
    (service) => {
      const fromNew = reachable(BORROWER, 'new', service);
      const loanOnly: BorrowerState[] = [
        'shipped',
        'received',
        'checked_out',
        'recalled',
        'awaiting_return_shipping',
        'return_on_hold',
        'return_shipped',
        'completed_without_return',
      ];
      const copyOnly: BorrowerState[] = ['copy_available'];
      const expected = (Object.keys(BORROWER.states) as BorrowerState[]).filter(
        (s) =>
          !(service === 'copy' ? loanOnly : copyOnly).includes(s) && !(service === 'copy' && s === 'overdue'),
      );
      expect([...fromNew].sort()).toEqual(expected.sort());
      for (const s of fromNew) {
        const ends = [...reachable(BORROWER, s, service)].some((r) => BORROWER.states[r].terminal === true);
        expect(ends, `${s} can reach an end`).toBe(true);
      }
    },
  );

  it('terminal states allow nothing, on either side', () => {
    for (const [s, info] of Object.entries(BORROWER.states) as [BorrowerState, { terminal?: boolean }][])
      if (info.terminal) for (const by of actors) expect(actionsFor(BORROWER, s, 'loan', by)).toEqual([]);
    for (const [s, info] of Object.entries(LENDER.states) as [LenderState, { terminal?: boolean }][])
      if (info.terminal) for (const by of actors) expect(actionsFor(LENDER, s, 'loan', by)).toEqual([]);
  });

  it('represents every ISO 18626 status, both ways', () => {
    const reported = new Set<string>(Object.values(LENDER_STATES).map((s) => s.iso));
    for (const status of ISO_STATUSES) {
      expect(reported.has(status) || LENDER_STATE_FOR_ISO[status] === 'previous', status).toBe(true);
      const mapped = LENDER_STATE_FOR_ISO[status];
      if (mapped !== 'previous') expect(LENDER_STATES[mapped].iso).toBe(status);
    }
  });

  it('returns to the remembered state when a cancel is refused or a held return released', () => {
    const asked = step(LENDER, 'pulling', 'cancel_asked', 'loan')!;
    expect(asked).toEqual({ to: 'cancel_requested', remember: 'pulling' });
    expect(step(LENDER, asked.to, 'refuse_cancel', 'loan', asked.remember)).toEqual({
      to: 'pulling',
      remember: null,
    });
    const held = step(LENDER, 'overdue', 'hold_return', 'loan')!;
    expect(step(LENDER, held.to, 'release_return', 'loan', held.remember)?.to).toBe('overdue');
    const pending = step(BORROWER, 'conditional', 'request_cancel', 'loan')!;
    expect(step(BORROWER, pending.to, 'lender_refused_cancel', 'loan', pending.remember)?.to).toBe(
      'conditional',
    );
  });
});

describe('flows, both sides in lockstep', () => {
  type Move = [
    side: 'B' | 'L',
    action: BorrowerAction | LenderAction,
    borrower: BorrowerState,
    lender: LenderState | null,
  ];
  const run = (service: ServiceType, moves: Move[]) => {
    let b: BorrowerState = 'new';
    let l: LenderState | null = null;
    let bMemory: BorrowerState | null = null;
    let lMemory: LenderState | null = null;
    const flags: Flags = { renewalPending: false };
    for (const [side, action, expectB, expectL] of moves) {
      if (side === 'B') {
        const next: Step<BorrowerState> | null = step(
          BORROWER,
          b,
          action as BorrowerAction,
          service,
          bMemory,
          flags,
        );
        expect(next, `borrower ${b} + ${action}`).not.toBeNull();
        b = next!.to;
        bMemory = next!.remember;
        if (action === 'send_to_lender') l = 'received';
      } else {
        const next: Step<LenderState> | null = step(
          LENDER,
          l!,
          action as LenderAction,
          service,
          lMemory,
          flags,
        );
        expect(next, `lender ${l} + ${action}`).not.toBeNull();
        l = next!.to;
        lMemory = next!.remember;
      }
      if (action === 'request_renewal') flags.renewalPending = true;
      if (action === 'approve_renewal' || action === 'deny_renewal') flags.renewalPending = false;
      expect([b, l]).toEqual([expectB, expectL]);
    }
  };

  it('a full loan: request → route → supply → ship → receive → return → check in → complete', () => {
    run('loan', [
      ['B', 'submit', 'sourcing', null],
      ['B', 'send_to_lender', 'requested', 'received'],
      ['L', 'will_supply', 'requested', 'will_supply'],
      ['B', 'lender_will_supply', 'expects_to_supply', 'will_supply'],
      ['L', 'print_pull_slip', 'expects_to_supply', 'pulling'],
      ['L', 'ship', 'expects_to_supply', 'shipped'],
      ['B', 'lender_shipped', 'shipped', 'shipped'],
      ['B', 'mark_received', 'received', 'shipped'],
      ['B', 'check_out_to_patron', 'checked_out', 'shipped'],
      ['B', 'request_renewal', 'checked_out', 'shipped'],
      ['L', 'renewal_asked', 'checked_out', 'shipped'],
      ['L', 'approve_renewal', 'checked_out', 'shipped'],
      ['B', 'renewed', 'checked_out', 'shipped'],
      ['B', 'check_in_from_patron', 'awaiting_return_shipping', 'shipped'],
      ['B', 'ship_return', 'return_shipped', 'shipped'],
      ['L', 'return_shipped', 'return_shipped', 'return_in_transit'],
      ['L', 'check_in', 'return_shipped', 'complete'],
      ['B', 'lender_checked_in', 'complete', 'complete'],
    ]);
  });

  it('an unfilled lender is skipped to the next, and a copy is delivered electronically', () => {
    run('copy', [
      ['B', 'submit', 'sourcing', null],
      ['B', 'send_to_lender', 'requested', 'received'],
      ['L', 'cannot_supply', 'requested', 'unfilled'],
      ['B', 'lender_unfilled', 'sourcing', 'unfilled'],
      ['B', 'send_to_lender', 'requested', 'received'],
      ['L', 'will_supply', 'requested', 'will_supply'],
      ['L', 'send_copy', 'requested', 'copy_delivered'],
      ['B', 'lender_sent_copy', 'copy_available', 'copy_delivered'],
      ['B', 'deliver_copy', 'complete', 'copy_delivered'],
    ]);
  });
});

describe('the shared contract', () => {
  it('names exactly the machines’ states and staff actions', () => {
    expect([...BORROWER_STATE_VALUES].sort()).toEqual(Object.keys(BORROWER.states).sort());
    expect([...LENDER_STATE_VALUES].sort()).toEqual(Object.keys(LENDER.states).sort());
    const staff = [
      ...(Object.entries(BORROWER.actions) as [string, { by: Actor }][]),
      ...(Object.entries(LENDER.actions) as [string, { by: Actor }][]),
    ]
      .filter(([, t]) => t.by === 'staff')
      .map(([a]) => a);
    expect([...STAFF_ACTIONS].sort()).toEqual(staff.sort());
  });
});
