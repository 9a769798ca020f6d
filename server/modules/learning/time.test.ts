import { describe, expect, it } from 'vitest';
import { instantToZoned, zonedDate, zonedToInstant } from './time.ts';

describe('wall-clock times in the region’s zones', () => {
  it('convert both ways around the spring and autumn changes', () => {
    expect(zonedToInstant('2027-03-13T10:00', 'America/Chicago').toISOString()).toBe(
      '2027-03-13T16:00:00.000Z',
    );
    expect(zonedToInstant('2027-03-15T10:00', 'America/Chicago').toISOString()).toBe(
      '2027-03-15T15:00:00.000Z',
    );
    expect(zonedToInstant('2026-11-02T10:00', 'America/Denver').toISOString()).toBe(
      '2026-11-02T17:00:00.000Z',
    );
    // Arizona keeps standard time all year.
    expect(zonedToInstant('2026-07-01T10:00', 'America/Phoenix').toISOString()).toBe(
      '2026-07-01T17:00:00.000Z',
    );
    for (const local of ['2027-03-13T23:59', '2027-03-14T03:00', '2026-11-01T00:30', '2026-11-01T02:00']) {
      expect(instantToZoned(zonedToInstant(local, 'America/Chicago'), 'America/Chicago')).toBe(local);
    }
  });

  it('resolves a skipped time forward and a repeated time to its first occurrence', () => {
    // 02:30 does not exist on 14 March 2027 in Chicago: it becomes 03:30 CDT.
    expect(zonedToInstant('2027-03-14T02:30', 'America/Chicago').toISOString()).toBe(
      '2027-03-14T08:30:00.000Z',
    );
    // 01:30 happens twice on 1 November 2026: the first (CDT) is taken.
    expect(zonedToInstant('2026-11-01T01:30', 'America/Chicago').toISOString()).toBe(
      '2026-11-01T06:30:00.000Z',
    );
  });

  it('gives the local calendar date', () => {
    expect(zonedDate(new Date('2026-12-01T04:30:00Z'), 'America/Denver')).toBe('2026-11-30');
  });
});
