import { describe, expect, it } from 'vitest';
import { ISO_STATUSES, step } from './machine.ts';
import {
  LENDER,
  LENDER_STATES,
  LENDER_STATE_FOR_ISO,
  type LenderAction,
  type LenderState,
} from './lender.ts';
import { allowed, renewalAsked } from './machine.test-support.ts';

/**
 * The lender machine checked against an independent, hand-written table of what each state allows for a
 * loan (every action not listed must be refused), and its cover of the ISO 18626 statuses.
 */
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

describe('structure', () => {
  it('represents every ISO 18626 status, both ways', () => {
    const reported = new Set<string>(Object.values(LENDER_STATES).map((s) => s.iso));
    for (const status of ISO_STATUSES) {
      expect(reported.has(status) || LENDER_STATE_FOR_ISO[status] === 'previous', status).toBe(true);
      const mapped = LENDER_STATE_FOR_ISO[status];
      if (mapped !== 'previous') expect(LENDER_STATES[mapped].iso).toBe(status);
    }
  });
});
