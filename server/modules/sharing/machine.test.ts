import { describe, expect, it } from 'vitest';
import {
  BORROWER,
  LENDER,
  actionsFor,
  step,
  type Actor,
  type BorrowerAction,
  type BorrowerState,
  type Flags,
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
import { actors, renewalAsked } from './machine.test-support.ts';

/**
 * What both machines share: guards (renewals, loan-only and copy-only actions), terminals, remembered
 * states, whole flows on both sides in lockstep, and the shared contract's lists. Each machine's own table
 * is in borrower.test.ts and lender.test.ts.
 */
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

describe('structure', () => {
  it('terminal states allow nothing, on either side', () => {
    for (const [s, info] of Object.entries(BORROWER.states) as [BorrowerState, { terminal?: boolean }][])
      if (info.terminal) for (const by of actors) expect(actionsFor(BORROWER, s, 'loan', by)).toEqual([]);
    for (const [s, info] of Object.entries(LENDER.states) as [LenderState, { terminal?: boolean }][])
      if (info.terminal) for (const by of actors) expect(actionsFor(LENDER, s, 'loan', by)).toEqual([]);
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
