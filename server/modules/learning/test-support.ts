import { eq } from 'drizzle-orm';
import type { EventCreate } from '../../../shared/contracts/learning.ts';
import { SessionStore } from '../accounts/sessions.ts';
import { clientFor, type Client, type TestApp } from '../../test/harness.ts';
import { insertUser } from '../../test/fixtures.ts';
import { mailOutbox } from '../../platform/tables.ts';
import { instantToZoned } from './time.ts';

const DAY = 86_400_000;

/** A wall-clock time `days` from now at hh:mm in the zone. */
export const localIn = (days: number, hhmm: string, timeZone = 'America/Chicago') =>
  `${instantToZoned(new Date(Date.now() + days * DAY), timeZone).slice(0, 10)}T${hhmm}`;

/** A valid event form: a 90-minute webinar in 10 days, registration open since yesterday. */
export function eventBody(overrides: Partial<EventCreate> = {}): EventCreate {
  return {
    titleEn: 'Accessible PDFs for library staff',
    titleEs: 'PDF accesibles para el personal de bibliotecas',
    descriptionEn: 'Tagging, reading order and alt text.',
    descriptionEs: 'Etiquetas, orden de lectura y texto alternativo.',
    format: 'online',
    language: 'bilingual',
    timeZone: 'America/Chicago',
    topic: 'accessibility',
    competencyArea: 'technology',
    audience: 'All staff',
    presenters: ['Accessibility librarian'],
    contactHours: 1.5,
    capacity: 2,
    seatCapPerInstitution: null,
    visibility: 'members',
    sessions: [{ startsAt: localIn(10, '10:00'), endsAt: localIn(10, '11:30') }],
    registrationOpensAt: localIn(-1, '09:00'),
    registrationClosesAt: localIn(9, '17:00'),
    location: '',
    joinUrl: 'https://meet.example/accessible-pdfs',
    memberPriceCents: 0,
    nonmemberPriceCents: 0,
    earlyBirdPriceCents: null,
    earlyBirdUntil: null,
    promotionMode: 'direct',
    offerHours: 24,
    minimumMinutes: 60,
    reminderHoursBefore: 24,
    reminderEn: 'Bring a PDF you made recently.',
    reminderEs: 'Traiga un PDF que haya hecho hace poco.',
    materials: [],
    ...overrides,
  };
}

/** A signed-in client without the slow password check. */
export async function clientOf(t: TestApp, userId: string): Promise<Client> {
  const session = await new SessionStore(t.ctx.db, t.ctx.secretKey, 1).create(t.ctx.db, userId, {});
  return clientFor(t.app, `amigos_session=${session.token}`, session.csrfToken);
}

let counter = 0;
/** Extra staff members at a library, each with a client. */
export async function staffAt(t: TestApp, organizationId: string, n: number, prefix = 'staff') {
  const people = [];
  for (let i = 0; i < n; i++) {
    counter += 1;
    const user = await insertUser(t.ctx.db, {
      email: `${prefix}${counter}@lib.example`,
      organizationId,
      role: 'library_staff',
      displayName: `Staff member ${counter}`,
    });
    people.push({ user, client: await clientOf(t, user.id) });
  }
  return people;
}

/** Creates and publishes an event as consortium staff; returns its id. */
export async function publishedEvent(t: TestApp, organiser: Client, overrides: Partial<EventCreate> = {}) {
  const orgId = t.fixtures.consortium.id;
  const created = await organiser.post(`/api/v1/libraries/${orgId}/learning/events`, eventBody(overrides));
  if (created.statusCode !== 201) throw new Error(created.body);
  const event = created.json();
  const published = await organiser.patch(`/api/v1/libraries/${orgId}/learning/events/${event.id}`, {
    status: 'published',
    version: event.version,
  });
  if (published.statusCode !== 200) throw new Error(published.body);
  return event.id as string;
}

export const mailsTo = (t: TestApp, email: string) =>
  t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));
