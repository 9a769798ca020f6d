import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import { organizations, users } from '../modules/members/tables.ts';
import {
  learningCeRules,
  learningCertificates,
  learningEvents,
  learningOutsideTraining,
  learningRegistrations,
  learningSessions,
} from '../modules/learning/tables.ts';
import { certificateCode } from '../modules/learning/certificates.ts';
import { instantToZoned, zonedDate, zonedToInstant } from '../modules/learning/time.ts';

const DAY = 86_400_000;
/** `days` from today at hh:mm on the wall clock of the zone. */
const at = (days: number, hhmm: string, zone: string) =>
  zonedToInstant(`${instantToZoned(new Date(Date.now() + days * DAY), zone).slice(0, 10)}T${hhmm}`, zone);

type Person = {
  id: string;
  email: string;
  displayName: string;
  organizationId: string;
  organizationName: string;
};
type EventSeed = Omit<
  typeof learningEvents.$inferInsert,
  'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt'
> & {
  sessions: { days: number; from: string; to: string }[];
  registrants: number;
  /** Past events: how many of the confirmed attended (and get a certificate). */
  attended?: number;
};

/**
 * Demo learning data: upcoming webinars, a paid series that is full with a waitlist, an in-person event
 * hosted by a member library, past events with attendance and certificates, a draft, two example
 * continuing-education rules and a self-reported training. Idempotent: nothing is added once any event
 * exists, so edits made in the demo are never undone.
 */
export async function seedLearning(db: Db) {
  if ((await db.select({ id: learningEvents.id }).from(learningEvents).limit(1)).length) return;
  const [office] = await db.select().from(organizations).where(eq(organizations.kind, 'consortium'));
  const people: Person[] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      organizationId: users.organizationId,
      organizationName: organizations.name,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(inArray(users.role, ['library_staff', 'library_admin']))
    .orderBy(asc(users.email));
  const director = people.find((p) => p.email === 'director@cedarhollow.example');
  if (!office || !director || people.length < 30) return;
  const cedarHollow = director.organizationId;
  // Cedar Hollow's own people first, so the demo logins have registrations to show.
  const ordered = [
    ...people.filter((p) => p.organizationId === cedarHollow),
    ...people.filter((p) => p.organizationId !== cedarHollow),
  ];
  const staffId =
    (await db.select({ id: users.id }).from(users).where(eq(users.email, 'staff@amigoscommons.example')))[0]
      ?.id ?? null;

  const common = {
    organizerOrgId: office.id,
    createdBy: staffId,
    status: 'published' as const,
    timeZone: 'America/Chicago',
  };
  const events: EventSeed[] = [
    {
      ...common,
      titleEn: 'Accessible PDFs and documents',
      titleEs: 'PDF y documentos accesibles',
      descriptionEn:
        'Tags, reading order, alternative text and checking your work with free tools. Captions provided.',
      descriptionEs:
        'Etiquetas, orden de lectura, texto alternativo y cómo revisar su trabajo con herramientas gratuitas. Con subtítulos.',
      format: 'online',
      language: 'bilingual',
      topic: 'accessibility',
      competencyArea: 'technology',
      audience: 'All library staff',
      presenters: ['Accessibility coordinator, Amigos Commons Office'],
      contactHours: 1.5,
      capacity: 100,
      joinUrl: 'https://meet.example/amigos-accessible-pdfs',
      minimumMinutes: 60,
      reminderEn: 'Bring a PDF from your library website; we will fix one together.',
      reminderEs: 'Traiga un PDF del sitio web de su biblioteca; arreglaremos uno juntos.',
      sessions: [{ days: 12, from: '10:00', to: '11:30' }],
      registrants: 25,
    },
    {
      ...common,
      timeZone: 'America/Denver',
      titleEn: 'Cataloging with RDA: a four-part series',
      titleEs: 'Catalogación con RDA: serie de cuatro sesiones',
      descriptionEn: 'One registration covers all four sessions. Recordings are shared after each session.',
      descriptionEs:
        'Una sola inscripción cubre las cuatro sesiones. Las grabaciones se comparten después de cada sesión.',
      format: 'online',
      language: 'en',
      topic: 'cataloging',
      competencyArea: 'organization_of_information',
      audience: 'Catalogers and technical services staff',
      presenters: ['Metadata librarian, partner university'],
      contactHours: 6,
      capacity: 30,
      joinUrl: 'https://meet.example/amigos-rda-series',
      memberPriceCents: 4000,
      nonmemberPriceCents: 7500,
      earlyBirdPriceCents: 3000,
      earlyBirdUntil: at(10, '23:59', 'America/Denver'),
      promotionMode: 'offer',
      offerHours: 24,
      minimumMinutes: 300,
      reminderEn: 'This week: authorized access points. Have a recent record open.',
      reminderEs: 'Esta semana: puntos de acceso autorizados. Tenga abierto un registro reciente.',
      sessions: [20, 27, 34, 41].map((days) => ({ days, from: '13:00', to: '14:30' })),
      registrants: 34,
    },
    {
      ...common,
      organizerOrgId: cedarHollow,
      createdBy: director.id,
      titleEn: 'Bilingual storytime: songs, rhymes and early literacy',
      titleEs: 'Hora del cuento bilingüe: canciones, rimas y alfabetización temprana',
      descriptionEn:
        'A hands-on morning at Cedar Hollow Public Library for youth services staff. Two seats per library.',
      descriptionEs:
        'Una mañana práctica en la Biblioteca Pública de Cedar Hollow para personal de servicios juveniles. Dos lugares por biblioteca.',
      format: 'in_person',
      language: 'es',
      topic: 'youth_services',
      competencyArea: 'reference_and_user_services',
      audience: 'Youth services staff',
      presenters: ['Children’s librarian, Cedar Hollow Public Library'],
      contactHours: 3,
      capacity: 20,
      seatCapPerInstitution: 2,
      location: 'Cedar Hollow Public Library, community room',
      sessions: [{ days: 16, from: '09:30', to: '12:30' }],
      registrants: 8,
    },
    {
      ...common,
      titleEn: 'Library leadership institute: budgets and boards',
      titleEs: 'Instituto de liderazgo: presupuestos y juntas directivas',
      format: 'hybrid',
      language: 'en',
      topic: 'leadership',
      competencyArea: 'administration_and_management',
      audience: 'Directors, trustees and aspiring managers',
      presenters: ['Consortium executive director', 'Library trustee'],
      contactHours: 6,
      capacity: 60,
      visibility: 'public',
      location: 'Amigos Commons Office, training room',
      joinUrl: 'https://meet.example/amigos-leadership',
      memberPriceCents: 2500,
      nonmemberPriceCents: 6000,
      sessions: [{ days: 45, from: '09:00', to: '16:00' }],
      registrants: 12,
    },
    {
      ...common,
      titleEn: 'Customer service at the front desk',
      titleEs: 'Atención al público en el mostrador',
      format: 'online',
      language: 'bilingual',
      topic: 'reference',
      competencyArea: 'reference_and_user_services',
      contactHours: 1.5,
      capacity: 50,
      minimumMinutes: 60,
      joinUrl: 'https://meet.example/amigos-front-desk',
      materials: [
        {
          title: 'Recording (captioned)',
          url: 'https://media.example/amigos/front-desk',
          kind: 'recording',
          captioned: true,
        },
      ],
      sessions: [{ days: -30, from: '14:00', to: '15:30' }],
      registrants: 14,
      attended: 11,
    },
    {
      ...common,
      titleEn: 'Disaster preparedness for small libraries',
      titleEs: 'Preparación ante desastres para bibliotecas pequeñas',
      format: 'in_person',
      language: 'en',
      topic: 'collections',
      competencyArea: 'administration_and_management',
      contactHours: 4,
      capacity: 25,
      location: 'Amigos Commons Office, training room',
      sessions: [{ days: -60, from: '09:00', to: '13:00' }],
      registrants: 10,
      attended: 9,
    },
    {
      ...common,
      status: 'draft',
      titleEn: 'Grant writing basics',
      titleEs: 'Conceptos básicos para solicitar subvenciones',
      format: 'online',
      language: 'en',
      topic: 'leadership',
      competencyArea: 'administration_and_management',
      contactHours: 2,
      capacity: 40,
      sessions: [{ days: 70, from: '10:00', to: '12:00' }],
      registrants: 0,
    },
  ];

  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    for (const { sessions, registrants, attended = 0, ...e } of events) {
      const zone = e.timeZone;
      const times = sessions.map((s) => ({
        startsAt: at(s.days, s.from, zone),
        endsAt: at(s.days, s.to, zone),
      }));
      const first = times[0]!;
      const last = times[times.length - 1]!;
      const past = last.endsAt.getTime() < Date.now();
      const seats = Math.min(registrants, e.capacity);
      const [event] = await tx
        .insert(learningEvents)
        .values({
          ...e,
          startsAt: first.startsAt,
          endsAt: last.endsAt,
          registrationOpensAt: new Date(first.startsAt.getTime() - 40 * DAY),
          registrationClosesAt: new Date(first.startsAt.getTime() - (past ? 0 : DAY)),
          seatsTaken: seats,
        })
        .returning();
      await tx.insert(learningSessions).values(times.map((t) => ({ ...t, eventId: event!.id })));
      const perLibrary = new Map<string, number>();
      const chosen = ordered.filter((p) => {
        const n = perLibrary.get(p.organizationId) ?? 0;
        if (e.seatCapPerInstitution && n >= e.seatCapPerInstitution) return false;
        perLibrary.set(p.organizationId, n + 1);
        return true;
      });
      for (const [i, p] of chosen.slice(0, registrants).entries()) {
        const confirmed = i < seats;
        const paid = confirmed && e.memberPriceCents ? (e.earlyBirdPriceCents ?? e.memberPriceCents) : 0;
        const present = past && i < attended;
        const [reg] = await tx
          .insert(learningRegistrations)
          .values({
            eventId: event!.id,
            userId: p.id,
            organizationId: p.organizationId,
            registeredBy: p.id,
            status: confirmed ? 'confirmed' : 'waitlisted',
            confirmedAt: confirmed ? new Date(first.startsAt.getTime() - 20 * DAY) : null,
            priceCategory: paid ? 'early_bird' : 'free',
            amountCents: paid,
            invoiceReference: paid ? `LRN-DEMO-${String(i + 1).padStart(4, '0')}` : null,
            accommodation:
              i % 9 === 3 ? 'Live captions, please.' : i % 11 === 5 ? 'Subtítulos en español.' : '',
            attended: present,
            checkedInAt: present && e.format !== 'online' ? first.startsAt : null,
            minutesAttended: past && e.format === 'online' ? (present ? 80 + (i % 10) : 20 + i) : null,
          })
          .returning();
        if (present)
          await tx.insert(learningCertificates).values({
            code: certificateCode(),
            registrationId: reg!.id,
            userId: p.id,
            eventId: event!.id,
            recipientName: p.displayName,
            organizationName: p.organizationName,
            titleEn: e.titleEn,
            titleEs: e.titleEs,
            contactHours: e.contactHours,
            competencyArea: e.competencyArea,
            completedOn: zonedDate(last.endsAt, zone),
          });
      }
    }
    await tx
      .insert(learningCeRules)
      .values([
        {
          code: 'RENEWAL-60-5',
          nameEn: 'Certification renewal: 60 hours in 5 years (example rule)',
          nameEs: 'Renovación de la certificación: 60 horas en 5 años (regla de ejemplo)',
          periodYears: 5,
          hoursRequired: 60,
          categoryMinimums: { administration_and_management: 10, technology: 10 },
          hoursPerCeu: 10,
        },
        {
          code: 'ANNUAL-10',
          nameEn: 'Annual staff development: 10 hours a year (example rule)',
          nameEs: 'Desarrollo profesional anual: 10 horas al año (regla de ejemplo)',
          periodYears: 1,
          hoursRequired: 10,
          categoryMinimums: {},
          hoursPerCeu: 10,
        },
      ])
      .onConflictDoNothing();
    await tx.insert(learningOutsideTraining).values({
      userId: director.id,
      title: 'State library association annual conference',
      provider: 'State library association',
      completedOn: new Date(Date.now() - 90 * DAY).toISOString().slice(0, 10),
      contactHours: 8,
      competencyArea: 'lifelong_learning',
    });
  });
}
