import type { Locale } from '../../api/enums.ts';
import type { MessageKey } from '../../i18n/en.ts';
import {
  COMPETENCY_AREAS,
  EVENT_FORMATS,
  EVENT_LANGUAGES,
  EVENT_TIME_ZONES,
  TOPICS,
} from '../../../../shared/contracts/learning.ts';

type T = (key: MessageKey) => string;
const options = (values: readonly string[], prefix: string, t: T) =>
  values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));

export const topicOptions = (t: T) => options(TOPICS, 'learning.topic', t);
export const formatOptions = (t: T) => options(EVENT_FORMATS, 'learning.format', t);
export const languageOptions = (t: T) => options(EVENT_LANGUAGES, 'learning.language', t);
export const areaOptions = (t: T) => options(COMPETENCY_AREAS, 'learning.area', t);
export const zoneOptions = (t: T) => options(EVENT_TIME_ZONES, 'learning.zone', t);

const tag = (locale: Locale) => (locale === 'es' ? 'es-US' : 'en-US');

/** "Tue, Mar 10, 2026, 10:00 AM – 11:30 AM CDT", on the event's own clock. */
export function sessionText(locale: Locale, s: { startsAt: string; endsAt: string }, timeZone: string) {
  const day = new Intl.DateTimeFormat(tag(locale), {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  }).format(new Date(s.startsAt));
  const time = (iso: string, zone: boolean) =>
    new Intl.DateTimeFormat(tag(locale), {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
      ...(zone ? { timeZoneName: 'short' as const } : {}),
    }).format(new Date(iso));
  return `${day}, ${time(s.startsAt, false)} – ${time(s.endsAt, true)}`;
}

export const money = (locale: Locale, cents: number) =>
  new Intl.NumberFormat(tag(locale), { style: 'currency', currency: 'USD' }).format(cents / 100);

export const titleOf = (locale: Locale, e: { titleEn: string; titleEs: string }) =>
  locale === 'es' ? e.titleEs : e.titleEn;
