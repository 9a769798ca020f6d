/**
 * Wall-clock times in an IANA time zone ⇄ instants, with the platform's Intl data only. Organisers type
 * local times ("10:00 in Denver"); we store instants, so a session keeps its local time across a DST change.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
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
  return f;
}

function wallParts(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at that instant, in milliseconds (e.g. −6 h for Chicago in winter). */
export function offsetAt(instant: Date, timeZone: string): number {
  const p = wallParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * "2026-03-08T10:00" in `timeZone` → the instant. A time skipped by the spring change (02:30) resolves to
 * the hour after; a repeated autumn time resolves to its first occurrence.
 */
export function zonedToInstant(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`Not a local date-time: ${local}`);
  const guess = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  const first = guess - offsetAt(new Date(guess), timeZone);
  const second = guess - offsetAt(new Date(first), timeZone);
  const exact = [first, second].filter((t) => instantToZoned(new Date(t), timeZone) === local);
  return new Date(exact.length ? Math.min(...exact) : Math.max(first, second));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant as "YYYY-MM-DDTHH:mm" on the wall clock of `timeZone`. */
export function instantToZoned(instant: Date, timeZone: string): string {
  const p = wallParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The calendar date (YYYY-MM-DD) of the instant in `timeZone`. */
export const zonedDate = (instant: Date, timeZone: string) => instantToZoned(instant, timeZone).slice(0, 10);
