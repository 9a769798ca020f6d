import type { Locale } from '../../platform/auth/principal.ts';
import { renderMail } from '../../platform/mail/render.ts';
import type { RenderedMail } from '../../platform/mail/mailer.ts';

const footer: Record<Locale, string> = {
  en: 'Amigos Commons — libraries sharing collections, services and opportunities.',
  es: 'Amigos Commons — bibliotecas que comparten colecciones, servicios y oportunidades.',
};
const greeting = (locale: Locale, name: string) => (locale === 'es' ? `Hola, ${name}:` : `Hello ${name},`);

/** What every learning email knows about the event, already in the reader's language. */
export type EventMailFacts = {
  name: string;
  title: string;
  /** e.g. "Tue, Mar 10, 2026, 10:00 AM – 11:30 AM MDT" (one line per session). */
  when: string[];
  where: string;
  joinUrl: string | null;
  eventUrl: string;
  cancelUrl: string;
};

function whenLines(locale: Locale, f: EventMailFacts): string[] {
  const label = locale === 'es' ? 'Cuándo' : 'When';
  const where = locale === 'es' ? 'Dónde' : 'Where';
  const join = locale === 'es' ? 'Enlace para unirse' : 'Join link';
  return [
    `${label}: ${f.when.join('; ')}`,
    ...(f.where ? [`${where}: ${f.where}`] : []),
    ...(f.joinUrl ? [`${join}: ${f.joinUrl}`] : []),
  ];
}

const cancelLine = (locale: Locale, f: EventMailFacts) =>
  locale === 'es'
    ? `¿No puede asistir? Cancele su lugar para que lo use otra persona: ${f.cancelUrl}`
    : `Can't make it? Cancel your place so someone else can have it: ${f.cancelUrl}`;

export function confirmationMail(
  locale: Locale,
  f: EventMailFacts & { promoted: boolean; amount: string | null; invoiceReference: string | null },
): RenderedMail {
  const es = locale === 'es';
  const lead = f.promoted
    ? es
      ? `Se liberó un lugar: ya está inscrito(a) en «${f.title}».`
      : `A seat opened up: you are now registered for “${f.title}”.`
    : es
      ? `Su inscripción en «${f.title}» está confirmada.`
      : `Your registration for “${f.title}” is confirmed.`;
  const price = f.amount
    ? es
      ? `Importe: ${f.amount}. Referencia de factura: ${f.invoiceReference}. Las cancelaciones antes del inicio no tienen costo.`
      : `Amount: ${f.amount}. Invoice reference: ${f.invoiceReference}. Cancellations before the start are not charged.`
    : null;
  return renderMail(locale, {
    subject: es ? `Inscripción confirmada: ${f.title}` : `Registration confirmed: ${f.title}`,
    greeting: greeting(locale, f.name),
    paragraphs: [
      lead,
      ...whenLines(locale, f),
      ...(price ? [price] : []),
      es
        ? 'El archivo adjunto (.ics) agrega el evento a su calendario.'
        : 'The attached .ics file adds the event to your calendar.',
      cancelLine(locale, f),
    ],
    action: { label: es ? 'Ver el evento' : 'View the event', url: f.eventUrl },
    footer: footer[locale],
  });
}

export function waitlistMail(locale: Locale, f: EventMailFacts & { position: number }): RenderedMail {
  const es = locale === 'es';
  return renderMail(locale, {
    subject: es
      ? `En lista de espera (n.º ${f.position}): ${f.title}`
      : `Waitlisted (#${f.position}): ${f.title}`,
    greeting: greeting(locale, f.name),
    paragraphs: [
      es
        ? `«${f.title}» está lleno. Está en la lista de espera en el puesto ${f.position}.`
        : `“${f.title}” is full. You are number ${f.position} on the waitlist.`,
      es
        ? 'Si se libera un lugar le escribiremos de inmediato. Hasta entonces no recibirá recordatorios.'
        : 'If a seat opens up we will write to you right away. Until then you will not get reminders.',
      es ? `Para salir de la lista de espera: ${f.cancelUrl}` : `To leave the waitlist: ${f.cancelUrl}`,
    ],
    action: { label: es ? 'Ver el evento' : 'View the event', url: f.eventUrl },
    footer: footer[locale],
  });
}

export function offerMail(locale: Locale, f: EventMailFacts & { deadline: string }): RenderedMail {
  const es = locale === 'es';
  return renderMail(locale, {
    subject: es ? `Hay un lugar para usted: ${f.title}` : `A seat is yours if you want it: ${f.title}`,
    greeting: greeting(locale, f.name),
    paragraphs: [
      es
        ? `Se liberó un lugar en «${f.title}». Acéptelo antes de: ${f.deadline}. Después pasará a la siguiente persona.`
        : `A seat opened up at “${f.title}”. Accept it before ${f.deadline}; after that it goes to the next person.`,
      ...whenLines(locale, { ...f, joinUrl: null }),
      cancelLine(locale, f),
    ],
    action: { label: es ? 'Aceptar el lugar' : 'Accept the seat', url: f.eventUrl },
    footer: footer[locale],
  });
}

export function offerExpiredMail(locale: Locale, f: EventMailFacts): RenderedMail {
  const es = locale === 'es';
  return renderMail(locale, {
    subject: es ? `La oferta venció: ${f.title}` : `Your offer expired: ${f.title}`,
    greeting: greeting(locale, f.name),
    paragraphs: [
      es
        ? `El plazo para aceptar el lugar en «${f.title}» terminó y el lugar pasó a la siguiente persona.`
        : `The time to accept the seat at “${f.title}” has passed and it went to the next person.`,
    ],
    action: { label: es ? 'Ver el evento' : 'View the event', url: f.eventUrl },
    footer: footer[locale],
  });
}

/** Reminders carry the organiser's own wording first (identical subjects get ignored). */
export function reminderMail(
  locale: Locale,
  f: EventMailFacts & { session: string; wording: string },
): RenderedMail {
  const es = locale === 'es';
  return renderMail(locale, {
    subject: es ? `Recordatorio: ${f.title} — ${f.session}` : `Reminder: ${f.title} — ${f.session}`,
    greeting: greeting(locale, f.name),
    paragraphs: [
      ...(f.wording ? [f.wording] : []),
      es ? `«${f.title}» empieza pronto: ${f.session}.` : `“${f.title}” starts soon: ${f.session}.`,
      ...whenLines(locale, f),
      cancelLine(locale, f),
    ],
    action: { label: es ? 'Ver el evento' : 'View the event', url: f.eventUrl },
    footer: footer[locale],
  });
}

export function organiserMessageMail(
  locale: Locale,
  f: { name: string; title: string; subject: string; body: string; eventUrl: string },
): RenderedMail {
  const es = locale === 'es';
  return renderMail(locale, {
    subject: `${f.subject} — ${f.title}`,
    greeting: greeting(locale, f.name),
    paragraphs: [
      ...f.body.split(/\n{2,}/),
      es ? `Mensaje de quienes organizan «${f.title}».` : `A message from the organisers of “${f.title}”.`,
    ],
    action: { label: es ? 'Ver el evento' : 'View the event', url: f.eventUrl },
    footer: footer[locale],
  });
}

export function eventCancelledMail(locale: Locale, f: { name: string; title: string; eventUrl: string }) {
  const es = locale === 'es';
  return renderMail(locale, {
    subject: es ? `Evento cancelado: ${f.title}` : `Event cancelled: ${f.title}`,
    greeting: greeting(locale, f.name),
    paragraphs: [
      es
        ? `Lamentamos avisarle que «${f.title}» se canceló. Su inscripción quedó anulada y no se cobrará nada.`
        : `We are sorry: “${f.title}” has been cancelled. Your registration is void and nothing will be charged.`,
    ],
    action: { label: es ? 'Ver otros eventos' : 'See other events', url: f.eventUrl },
    footer: footer[locale],
  });
}

/** Accommodation requests go to the organiser who created the event, as soon as they are made. */
export function accommodationMail(
  locale: Locale,
  f: { name: string; title: string; person: string; library: string; request: string; url: string },
): RenderedMail {
  const es = locale === 'es';
  return renderMail(locale, {
    subject: es ? `Solicitud de adaptación: ${f.title}` : `Accommodation request: ${f.title}`,
    greeting: greeting(locale, f.name),
    paragraphs: [
      es
        ? `${f.person} (${f.library}) se inscribió en «${f.title}» y pide:`
        : `${f.person} (${f.library}) registered for “${f.title}” and asks for:`,
      f.request,
    ],
    action: { label: es ? 'Ver las inscripciones' : 'See the registrations', url: f.url },
    footer: footer[locale],
  });
}
