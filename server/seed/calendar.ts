/** Weekly hours and upcoming closures for the demo, relative to the day the seed runs. */

type Period = { weekday: number; opensAt: string; closesAt: string };
type Kind = 'consortium' | 'library' | 'partner';
type LibraryType = 'public' | 'academic' | 'school' | 'special' | null;

const days = (from: number, to: number, opensAt: string, closesAt: string): Period[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ weekday: from + i, opensAt, closesAt }));

/** Regular hours by type and size: big publics open seven days, special libraries close for lunch. */
export function weeklyHours(kind: Kind, type: LibraryType, size: number): Period[] {
  if (kind !== 'library') return days(1, 5, kind === 'consortium' ? '08:00' : '09:00', '17:00');
  switch (type) {
    case 'public':
      if (size > 100_000)
        return [
          ...days(1, 4, '09:00', '20:00'),
          ...days(5, 5, '09:00', '18:00'),
          ...days(6, 6, '10:00', '17:00'),
          ...days(0, 0, '13:00', '17:00'),
        ];
      if (size > 30_000) return [...days(1, 4, '10:00', '19:00'), ...days(5, 6, '10:00', '17:00')];
      return [...days(2, 5, '10:00', '18:00'), ...days(6, 6, '10:00', '14:00')];
    case 'academic':
      if (size > 5_000)
        return [
          ...days(1, 4, '07:30', '23:00'),
          ...days(5, 5, '07:30', '18:00'),
          ...days(6, 6, '10:00', '18:00'),
          ...days(0, 0, '13:00', '23:00'),
        ];
      return [
        ...days(1, 4, '08:00', '21:00'),
        ...days(5, 5, '08:00', '17:00'),
        ...days(0, 0, '14:00', '20:00'),
      ];
    case 'school':
      return days(1, 5, '07:30', '16:00');
    default:
      return [...days(1, 5, '08:30', '12:00'), ...days(1, 5, '13:00', '17:00')];
  }
}

type Closure = { startsOn: string; endsOn: string; reason: string };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** The n-th given weekday of a month (n = -1: the last one). */
function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  if (n > 0) {
    const first = utc(year, month, 1);
    return addDays(first, ((weekday - first.getUTCDay() + 7) % 7) + (n - 1) * 7);
  }
  const last = utc(year, month + 1, 0);
  return addDays(last, -((last.getUTCDay() - weekday + 7) % 7));
}

function holidays(year: number): Closure[] {
  const one = (d: Date, reason: string) => ({ startsOn: iso(d), endsOn: iso(d), reason });
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  return [
    one(utc(year, 1, 1), "New Year's Day"),
    one(nthWeekday(year, 1, 1, 3), 'Martin Luther King Jr. Day'),
    one(nthWeekday(year, 5, 1, -1), 'Memorial Day'),
    one(utc(year, 6, 19), 'Juneteenth'),
    one(utc(year, 7, 4), 'Independence Day'),
    one(nthWeekday(year, 9, 1, 1), 'Labor Day'),
    { startsOn: iso(thanksgiving), endsOn: iso(addDays(thanksgiving, 1)), reason: 'Thanksgiving' },
    { startsOn: iso(utc(year, 12, 24)), endsOn: iso(utc(year, 12, 25)), reason: 'Winter holidays' },
  ];
}

/** School calendars close the library for the breaks as well. */
function schoolBreaks(year: number): Closure[] {
  const springBreak = nthWeekday(year, 3, 1, 2);
  return [
    { startsOn: iso(springBreak), endsOn: iso(addDays(springBreak, 4)), reason: 'Spring break' },
    { startsOn: `${year}-06-06`, endsOn: `${year}-08-09`, reason: 'Summer break' },
    { startsOn: `${year}-12-20`, endsOn: `${year + 1}-01-04`, reason: 'Winter break' },
  ];
}

const HORIZON_DAYS = 150;

/** Closures that end today or later and start within the next five months. */
export function upcomingClosures(
  kind: Kind,
  type: LibraryType,
  index: number,
  today = new Date(),
): Closure[] {
  const start = iso(today);
  const horizon = iso(addDays(today, HORIZON_DAYS));
  const year = today.getUTCFullYear();
  const all = [...holidays(year), ...holidays(year + 1)];
  if (type === 'school')
    all.push(...schoolBreaks(year - 1), ...schoolBreaks(year), ...schoolBreaks(year + 1));
  // A few libraries have their own reasons to close, so the demo is not all federal holidays.
  if (kind === 'library' && index % 5 === 0) {
    const day = addDays(today, 12 + index);
    all.push({ startsOn: iso(day), endsOn: iso(day), reason: 'Staff development day' });
  }
  if (kind === 'library' && index % 9 === 4) {
    const from = addDays(today, 40 + index);
    all.push({
      startsOn: iso(from),
      endsOn: iso(addDays(from, 2)),
      reason: 'Carpet replacement — building closed',
    });
  }
  return all
    .filter((c) => c.endsOn >= start && c.startsOn <= horizon)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}
