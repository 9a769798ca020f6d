import { describe, expect, it } from 'vitest';
import { answerDeadline, localDate, zonedInstant } from './calendar.ts';
import { balanceScore, buildRota, DEFAULT_POLICY, type Candidate } from './rota.ts';
import { renderSharingText } from '../../../shared/contracts/sharing-texts.ts';

const lib = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  symbol: id.toUpperCase(),
  active: true,
  policy: DEFAULT_POLICY,
  locations: ['Stacks'],
  format: 'book',
  closedToday: false,
  activeLoans: 0,
  lent: 0,
  borrowed: 0,
  ...over,
});

describe('rota', () => {
  it('orders preferred partners, then balance (highest first), then symbol; last resort last', () => {
    const { entries } = buildRota({ id: 'me', preferredPartners: ['p'] }, [
      lib('z', { policy: { ...DEFAULT_POLICY, lenderOfLastResort: true }, borrowed: 50 }),
      lib('b', { lent: 10, borrowed: 2 }),
      lib('a', { lent: 2, borrowed: 10 }),
      lib('c', { lent: 2, borrowed: 10 }),
      lib('p', { lent: 40 }),
      lib('me'),
    ]);
    expect(entries.map((e) => e.libraryId)).toEqual(['p', 'a', 'c', 'b', 'z']);
    expect(entries[0]!.reasons[0]).toEqual({ code: 'rota.preferred_partner', params: {} });
    expect(entries[1]!.reasons).toContainEqual({ code: 'rota.tied', params: {} });
    expect(entries[4]!.reasons[0]!.code).toBe('rota.last_resort');
    // Balance: the figures as parameters; the English text renders them with the sign.
    expect(entries[1]!.reasons[0]).toEqual({
      code: 'rota.balance_below',
      params: { score: 8, borrowed: 10, lent: 2, goal: '1:1' },
    });
    expect(renderSharingText(entries[3]!.reasons[0]!)).toBe(
      'Balance -8 (borrowed 2, lent 10 in the last year, goal 1:1): lends more than its goal',
    );
  });

  it('scores borrowed × goal loans / goal borrows − lent', () => {
    expect(
      balanceScore({ policy: { ...DEFAULT_POLICY, goalLoans: 2, goalBorrows: 1 }, lent: 5, borrowed: 4 }),
    ).toBe(3);
    expect(balanceScore({ policy: DEFAULT_POLICY, lent: 5, borrowed: 4 })).toBe(-1);
  });

  it.each([
    [{ active: false }, 'Not an active member'],
    [{ policy: { ...DEFAULT_POLICY, lending: false } }, 'Lending is turned off'],
    [
      { policy: { ...DEFAULT_POLICY, formatsLent: ['book'] }, format: 'video' },
      'Does not lend this format (video)',
    ],
    [
      { policy: { ...DEFAULT_POLICY, nonLendingLocations: ['Reference '] }, locations: ['reference'] },
      'Held only in non-lending locations (reference)',
    ],
    [{ closedToday: true }, 'Closed today'],
    [
      { policy: { ...DEFAULT_POLICY, activeLoanLimit: 3 }, activeLoans: 3 },
      'At its active-loan limit (3 of 3)',
    ],
  ] as [Partial<Candidate>, string][])('skips with a reason: %j', (over, reason) => {
    const { entries, skipped } = buildRota({ id: 'me', preferredPartners: [] }, [lib('x', over)]);
    expect(entries).toEqual([]);
    expect(skipped.map((s) => ({ libraryId: s.libraryId, reason: renderSharingText(s.reason) }))).toEqual([
      { libraryId: 'x', reason },
    ]);
  });

  it('lends from a library with one lending location among non-lending ones', () => {
    const policy = { ...DEFAULT_POLICY, nonLendingLocations: ['Reference'] };
    expect(
      buildRota({ id: 'me', preferredPartners: [] }, [
        lib('x', { policy, locations: ['Reference', 'Stacks'] }),
      ]).entries,
    ).toHaveLength(1);
  });
});

describe('answer deadlines', () => {
  const denver = 'America/Denver';
  const policy = { days: 3, rushHours: 24, rush: false };
  it('counts business days in the lender’s zone, skipping the weekend', () => {
    // Thursday 2026-03-05 16:00 in Denver → Tuesday 2026-03-10 16:00 (DST starts on the 8th).
    const now = zonedInstant('2026-03-05', '16:00:00', denver);
    const due = answerDeadline(now, denver, [], policy);
    expect(localDate(due, denver)).toBe('2026-03-10');
    expect(due.toISOString()).toBe('2026-03-10T22:00:00.000Z');
  });
  it('skips closures', () => {
    const now = zonedInstant('2026-03-05', '16:00:00', denver);
    const due = answerDeadline(now, denver, [{ startsOn: '2026-03-09', endsOn: '2026-03-09' }], policy);
    expect(localDate(due, denver)).toBe('2026-03-11');
  });
  it('uses plain hours for rush requests', () => {
    const now = new Date('2026-03-06T20:00:00Z');
    expect(answerDeadline(now, denver, [], { ...policy, rush: true }).toISOString()).toBe(
      '2026-03-07T20:00:00.000Z',
    );
  });
  it('uses the lender’s local date late in the evening', () => {
    // 03:00 UTC Saturday is still Friday evening in Denver.
    expect(localDate(new Date('2026-03-07T03:00:00Z'), denver)).toBe('2026-03-06');
  });
});
