import type { Locale } from '../../platform/auth/principal.ts';
import type { EventRow, SessionRow, registrationsOf } from './queries.ts';
import { instantToZoned } from './time.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSummary(e: EventRow, organizerName: string, sessionCount: number) {
  return {
    id: e.id,
    organizer: { id: e.organizerOrgId, name: organizerName },
    titleEn: e.titleEn,
    titleEs: e.titleEs,
    format: e.format,
    language: e.language,
    timeZone: e.timeZone,
    topic: e.topic,
    competencyArea: e.competencyArea,
    contactHours: e.contactHours,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    sessionCount,
    capacity: e.capacity,
    seatsLeft: Math.max(0, e.capacity - e.seatsTaken),
    free: e.memberPriceCents === 0 && e.nonmemberPriceCents === 0,
    status: e.status,
    visibility: e.visibility,
  };
}

export function presentSession(s: SessionRow, timeZone: string) {
  return {
    id: s.id,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    localStart: instantToZoned(s.startsAt, timeZone),
    localEnd: instantToZoned(s.endsAt, timeZone),
  };
}

export function presentEventDetails(e: EventRow) {
  return {
    descriptionEn: e.descriptionEn,
    descriptionEs: e.descriptionEs,
    audience: e.audience,
    presenters: e.presenters,
    seatsTaken: e.seatsTaken,
    seatCapPerInstitution: e.seatCapPerInstitution,
    registrationOpensAt: e.registrationOpensAt.toISOString(),
    registrationClosesAt: e.registrationClosesAt.toISOString(),
    localRegistrationOpensAt: instantToZoned(e.registrationOpensAt, e.timeZone),
    localRegistrationClosesAt: instantToZoned(e.registrationClosesAt, e.timeZone),
    location: e.location,
    memberPriceCents: e.memberPriceCents,
    nonmemberPriceCents: e.nonmemberPriceCents,
    earlyBirdPriceCents: e.earlyBirdPriceCents,
    earlyBirdUntil: iso(e.earlyBirdUntil),
    localEarlyBirdUntil: e.earlyBirdUntil ? instantToZoned(e.earlyBirdUntil, e.timeZone) : null,
    promotionMode: e.promotionMode,
    offerHours: e.offerHours,
    minimumMinutes: e.minimumMinutes,
    reminderHoursBefore: e.reminderHoursBefore,
    reminderEn: e.reminderEn,
    reminderEs: e.reminderEs,
    materials: e.materials,
    version: e.version,
  };
}

/** "Tue, Mar 10, 2026, 10:00 AM – 11:30 AM MDT" in the reader's language, on the event's clock. */
export function sessionLabel(s: { startsAt: Date; endsAt: Date }, timeZone: string, locale: Locale) {
  const tag = locale === 'es' ? 'es-US' : 'en-US';
  const day = new Intl.DateTimeFormat(tag, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  }).format(s.startsAt);
  const time = (d: Date, zone: boolean) =>
    new Intl.DateTimeFormat(tag, {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
      ...(zone ? { timeZoneName: 'short' as const } : {}),
    }).format(d);
  return `${day}, ${time(s.startsAt, false)} – ${time(s.endsAt, true)}`;
}

export const money = (cents: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'es' ? 'es-US' : 'en-US', { style: 'currency', currency: 'USD' }).format(
    cents / 100,
  );

export const titleIn = (e: { titleEn: string; titleEs: string }, locale: Locale) =>
  locale === 'es' ? e.titleEs : e.titleEn;

/** "Tue, Mar 10, 2026, 10:00 AM MDT" in the reader's language, on the event's clock. */
export const instantLabel = (d: Date, timeZone: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(d);

type RegistrationListRow = Awaited<ReturnType<typeof registrationsOf>>[number];

/** One row of an organiser's registration list. */
export function presentRegistration(
  r: RegistrationListRow,
  eventId: string,
  waitlistPosition: number | null,
) {
  return {
    id: r.registration.id,
    eventId,
    status: r.registration.status,
    waitlistPosition,
    offerExpiresAt: r.registration.offerExpiresAt?.toISOString() ?? null,
    amountCents: r.registration.amountCents,
    priceCategory: r.registration.priceCategory,
    invoiceReference: r.registration.invoiceReference,
    certificateCode: r.certificateCode,
    person: { id: r.registration.userId, name: r.personName, email: r.personEmail },
    organization: { id: r.registration.organizationId, name: r.organizationName },
    accommodation: r.registration.accommodation,
    checkedInAt: r.registration.checkedInAt?.toISOString() ?? null,
    minutesAttended: r.registration.minutesAttended,
    attended: r.registration.attended,
    createdAt: r.registration.createdAt.toISOString(),
  };
}
