/**
 * Dates in a library's own time zone, with the platform's Intl data only: "today" for a lender in Denver,
 * and answer deadlines counted in its business days (weekends and its closures skipped).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function parts(instant: Date, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
}

/** The calendar date (YYYY-MM-DD) at that instant in the zone. */
export const localDate = (instant: Date, timeZone: string) => parts(instant, timeZone).date;

/** Adds calendar days to an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
export const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

export type Closure = { startsOn: string; endsOn: string };
export const isClosedOn = (date: string, closures: readonly Closure[]) =>
  closures.some((c) => c.startsOn <= date && date <= c.endsOn);

/** The instant of a wall-clock date and time in the zone (the first one, when autumn repeats an hour). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}Z`);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const p = parts(new Date(guess), timeZone);
    const seen = Date.parse(`${p.date}T${p.time}Z`);
    if (seen === wall) return new Date(guess);
    guess += wall - seen;
  }
  return new Date(guess);
}

/**
 * When a lender must answer by: `days` business days after now, at the same local time — a business day
 * being a weekday on which the library is not closed. Rush requests get `rushHours` plain hours instead.
 */
export function answerDeadline(
  now: Date,
  timeZone: string,
  closures: readonly Closure[],
  policy: { days: number; rushHours: number; rush: boolean },
): Date {
  if (policy.rush) return new Date(now.getTime() + policy.rushHours * 3_600_000);
  const here = parts(now, timeZone);
  let date = here.date;
  let counted = 0;
  while (counted < policy.days) {
    date = addDays(date, 1);
    if (!isWeekend(date) && !isClosedOn(date, closures)) counted++;
  }
  return zonedInstant(date, here.time, timeZone);
}
