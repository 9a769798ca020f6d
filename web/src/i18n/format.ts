import type { Locale } from '../api/enums.ts';
import { intlLocale } from './core.ts';

/** Dates and numbers through Intl with the active locale. Date-only values (YYYY-MM-DD) are not shifted. */
export function createFormatters(language: Locale) {
  const locale = intlLocale[language];
  const number = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });

  const dayOnly = (iso: string) => {
    const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
    return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  };
  const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

  return {
    number: (value: number) => number.format(value),
    /** A calendar date such as a closure day: `2026-12-24` → "Dec 24, 2026" / "24 dic 2026". */
    date: (iso: string) => date.format(dayOnly(iso)),
    /** A moment (timestamps from the server), in the reader's own time zone. */
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** A wall-clock time `HH:MM` (opening hours): "9:00 AM" / "9:00 a.m.". */
    time: (hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number);
      return time.format(new Date(Date.UTC(2000, 0, 1, h ?? 0, m ?? 0)));
    },
    /** 0 = Sunday … 6 = Saturday, capitalised for use as a label. */
    weekday: (day: number) => capitalize(weekday.format(new Date(Date.UTC(2023, 0, 1 + day)))),
    list: (items: string[]) => list.format(items),
    /** The long name of a time zone in this locale, e.g. "Central Standard Time" / "hora estándar central". */
    timeZoneName: (timeZone: string) => {
      try {
        const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(
          new Date(),
        );
        return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
      } catch {
        return timeZone;
      }
    },
  };
}

export type Formatters = ReturnType<typeof createFormatters>;
