import { describe, expect, it } from 'vitest';
import { buildRota, DEFAULT_POLICY, type Candidate } from '../rota.ts';
import type { LenderState, ServiceType } from '../states.ts';
import { termsOf } from './borrowing-terms.ts';
import { isBehind, lenderPath, lenderTargetOf, requestingActionFor } from './mapping.ts';
import type { IsoSupplyingAgencyMessage } from './messages.ts';
import type { IsoStatus } from './lists.ts';

/** The ISO 18626 ↔ machine mapping, table-driven: paths over the lender machine, actions, terms, the rota. */
describe('lenderPath: the shortest run of the lender’s own actions', () => {
  const cases: [LenderState, LenderState | null, LenderState, ServiceType, string[] | null][] = [
    ['received', null, 'will_supply', 'loan', ['will_supply']],
    ['received', null, 'shipped', 'loan', ['will_supply', 'ship']],
    ['expect_to_supply', null, 'shipped', 'loan', ['will_supply', 'ship']],
    ['received', null, 'copy_delivered', 'copy', ['will_supply', 'send_copy']],
    ['received', null, 'shipped', 'copy', null],
    ['received', null, 'unfilled', 'loan', ['cannot_supply']],
    ['received', null, 'retry_possible', 'copy', ['retry_possible']],
    ['received', null, 'pending_conditions', 'loan', ['offer_conditions']],
    ['shipped', null, 'overdue', 'loan', ['became_overdue']],
    ['overdue', null, 'recalled', 'loan', ['recall']],
    ['return_in_transit', null, 'complete', 'loan', ['check_in']],
    ['shipped', null, 'complete', 'loan', ['check_in']],
    ['shipped', null, 'return_on_hold', 'loan', ['hold_return']],
    ['cancel_requested', 'will_supply', 'cancelled', 'loan', ['accept_cancel']],
    ['cancel_requested', 'will_supply', 'will_supply', 'loan', ['refuse_cancel']],
    ['cancel_requested', 'received', 'will_supply', 'loan', ['refuse_cancel', 'will_supply']],
    // Only a timer of theirs could have done it (their staff cannot cancel unasked).
    ['received', null, 'cancelled', 'loan', ['timed_out']],
    ['shipped', null, 'shipped', 'loan', []],
    ['shipped', null, 'expect_to_supply', 'loan', null],
    ['complete', null, 'shipped', 'loan', null],
    ['unfilled', null, 'will_supply', 'loan', null],
  ];
  it.each(cases)('%s (remembered %s) → %s, %s: %j', (from, remembered, to, service, path) => {
    expect(lenderPath(from, remembered, to, service)).toEqual(path);
  });

  it('tells a stale status (behind) from one no path reaches', () => {
    expect(isBehind('shipped', 'expect_to_supply', 'loan')).toBe(true);
    expect(isBehind('complete', 'shipped', 'loan')).toBe(true);
    expect(isBehind('copy_delivered', 'shipped', 'copy')).toBe(false);
  });
});

const sam = (status: IsoStatus, note?: string, more: Partial<IsoSupplyingAgencyMessage> = {}) =>
  ({
    kind: 'supplyingAgencyMessage',
    header: {} as never,
    messageInfo: { reasonForMessage: 'RequestResponse', ...(note ? { note } : {}) },
    statusInfo: { status, lastChange: new Date() },
    ...more,
  }) as IsoSupplyingAgencyMessage;

describe('partner quirks', () => {
  it('ExpectToSupply read as WillSupply for partners that mean it so', () => {
    expect(lenderTargetOf(sam('ExpectToSupply'), {}, false)).toBe('expect_to_supply');
    expect(lenderTargetOf(sam('ExpectToSupply'), { expectToSupplyAsWillSupply: true }, false)).toBe(
      'will_supply',
    );
    // Terms on offer outweigh the quirk: staff must see them.
    expect(lenderTargetOf(sam('ExpectToSupply'), { expectToSupplyAsWillSupply: true }, true)).toBe(
      'pending_conditions',
    );
    expect(lenderTargetOf(sam('ReleaseHoldReturn'), {}, false)).toBe('previous');
  });

  it('conditions and costs in the note, for partners with termsInNote', () => {
    const note = 'Library use only. Cost: $12.50 for postage.';
    expect(termsOf(sam('ExpectToSupply', note), {})).toEqual({
      offered: false,
      conditions: [],
      costCents: null,
    });
    expect(termsOf(sam('ExpectToSupply', note), { termsInNote: true })).toEqual({
      offered: true,
      conditions: ['LibraryUseOnly'],
      costCents: 1250,
    });
  });

  it('a known condition code in the note, and a cost in words', () => {
    const t = termsOf(sam('ExpectToSupply', 'Conditions: SignatureRequired; fee 8 USD'), {
      termsInNote: true,
    });
    expect(t).toEqual({ offered: true, conditions: ['SignatureRequired'], costCents: 800 });
    const vague = termsOf(sam('ExpectToSupply', 'Loan condition applies, see slip'), { termsInNote: true });
    expect(vague.offered).toBe(true);
    expect(vague.conditions).toHaveLength(1);
  });

  it('conditions and costs in their own elements', () => {
    const t = termsOf(
      sam('ExpectToSupply', undefined, {
        messageInfo: {
          reasonForMessage: 'RequestResponse',
          offeredCosts: { currencyCode: 'USD', monetaryValue: 3.2 },
        },
        deliveryInfo: { dateSent: new Date(), loanCondition: ['NoReproduction'] },
      }),
      {},
    );
    expect(t).toEqual({ offered: true, conditions: ['NoReproduction'], costCents: 320 });
  });
});

describe('requestingActionFor: our borrower’s actions as requesting-agency messages', () => {
  const change = (side: string, action: string, by = 'staff', note = '') => ({ side, action, by, note });
  const cases: [string, string, string, '1.2' | '2021', string | null][] = [
    ['borrowing', 'mark_received', 'staff', '2021', 'Received'],
    ['borrowing', 'ship_return', 'staff', '1.2', 'ShippedReturn'],
    ['borrowing', 'request_cancel', 'staff', '2021', 'Cancel'],
    ['borrowing', 'decline_conditions', 'staff', '2021', 'Cancel'],
    ['borrowing', 'request_renewal', 'staff', '1.2', 'Renew'],
    ['borrowing', 'report_lost', 'staff', '2021', 'Lost'],
    ['borrowing', 'report_lost', 'staff', '1.2', 'Notification'],
    ['borrowing', 'accept_conditions', 'staff', '2021', 'Notification'],
    ['lending', 'withdrawn', 'peer', '2021', 'Cancel'],
    ['lending', 'timed_out', 'system', '1.2', 'Cancel'],
    ['borrowing', 'check_out_to_patron', 'staff', '2021', null],
    ['borrowing', 'lender_shipped', 'peer', '2021', null],
    ['borrowing', 'lender_unreachable', 'system', '2021', null],
    ['lending', 'ship', 'staff', '2021', null],
  ];
  it.each(cases)('%s %s by %s (%s) → %s', (side, action, by, version, iso) => {
    expect(requestingActionFor(change(side, action, by), version, ['LibraryUseOnly'])?.action ?? null).toBe(
      iso,
    );
  });
  it('notes say what a Notification means', () => {
    expect(
      requestingActionFor(change('borrowing', 'accept_conditions'), '2021', ['LibraryUseOnly'])?.note,
    ).toBe('Conditions accepted: LibraryUseOnly.');
    expect(
      requestingActionFor(change('borrowing', 'report_lost', 'staff', 'Fell in the river'), '1.2', [])?.note,
    ).toContain('Fell in the river');
  });
});

describe('outside partners on the rota', () => {
  const member = (id: string, symbol: string, lastResort = false): Candidate => ({
    id,
    symbol,
    active: true,
    policy: { ...DEFAULT_POLICY, lenderOfLastResort: lastResort },
    locations: ['Stacks'],
    format: 'book',
    closedToday: false,
    activeLoans: 0,
    lent: 0,
    borrowed: 0,
  });
  const partner = (id: string, symbol: string, unreachableSince: Date | null = null) => ({
    id,
    symbol,
    isoVersion: '2021',
    unreachableSince,
    lastError: unreachableSince ? 'ECONNREFUSED' : null,
  });

  it('come after every member, lenders of last resort included, in symbol order; unreachable ones are skipped', () => {
    const rota = buildRota(
      { id: 'me', preferredPartners: [] },
      [member('l1', 'LAST', true), member('m1', 'MEMB')],
      [partner('p2', 'PZ'), partner('p1', 'PA'), partner('p3', 'PDOWN', new Date('2026-11-28T10:00:00Z'))],
    );
    expect(rota.entries.map((e) => e.libraryId)).toEqual(['m1', 'l1', 'p1', 'p2']);
    expect(rota.entries.map((e) => e.position)).toEqual([1, 2, 3, 4]);
    // Reasons are codes with parameters (shared/contracts/sharing-texts.ts), translated by the web app.
    expect(rota.entries[2]!.reasons).toEqual([{ code: 'rota.outside_partner', params: { version: '2021' } }]);
    expect(rota.skipped).toEqual([
      {
        libraryId: 'p3',
        reason: {
          code: 'rota.skip.partner_unreachable_error',
          params: { since: '2026-11-28T10:00:00.000Z', error: 'ECONNREFUSED' },
        },
      },
    ]);
  });

  it('never include the borrower itself', () => {
    const rota = buildRota({ id: 'p1', preferredPartners: [] }, [], [partner('p1', 'PA')]);
    expect(rota.entries).toEqual([]);
  });
});
