import { describe, expect, it } from 'vitest';
import { BORROWER, type BorrowerAction, type BorrowerState } from './borrower.ts';
import { step } from './machine.ts';
import { allowed, reachable } from './machine.test-support.ts';

/**
 * The borrower machine checked against an independent, hand-written table of what each state allows for a
 * loan (every action not listed must be refused), then for reachability. Shared checks: machine.test.ts.
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
});
