import type { Locale } from '../../platform/auth/principal.ts';
import { renderMail } from '../../platform/mail/render.ts';
import type { RenderedMail } from '../../platform/mail/mailer.ts';

/** Patron notices (English and Spanish) and the staff email; they name the item, never other patrons. */
const footer: Record<Locale, string> = {
  en: 'Amigos Commons — interlibrary loan between member libraries.',
  es: 'Amigos Commons — préstamo interbibliotecario entre bibliotecas miembro.',
};

export type PatronTemplate = 'arrived' | 'overdue' | 'cancelled' | 'due_soon';
type Vars = {
  name: string;
  title: string;
  library: string;
  pickup: string;
  dueDate: string | null;
  copy: boolean;
};

const en: Record<PatronTemplate, (v: Vars) => { subject: string; paragraphs: string[] }> = {
  arrived: (v) => ({
    subject: `Your interlibrary loan has arrived: ${v.title}`,
    paragraphs: v.copy
      ? [`The copy you asked for (“${v.title}”) has arrived at ${v.library}. Ask library staff for it.`]
      : [
          `“${v.title}” has arrived at ${v.library}${v.pickup ? ` and is waiting for you at ${v.pickup}` : ''}.`,
          'Please pick it up soon: the lending library expects it back by its due date.',
        ],
  }),
  due_soon: (v) => ({
    subject: `Due soon: ${v.title}`,
    paragraphs: [
      `“${v.title}” is due back at ${v.library} on ${v.dueDate}. Return it on time so the lending library can lend again.`,
    ],
  }),
  overdue: (v) => ({
    subject: `Overdue: ${v.title}`,
    paragraphs: [
      `“${v.title}” was due on ${v.dueDate}. Please return it to ${v.library} as soon as possible; it belongs to another library.`,
    ],
  }),
  cancelled: (v) => ({
    subject: `Your interlibrary loan request was cancelled: ${v.title}`,
    paragraphs: [
      `Your request for “${v.title}” at ${v.library} was cancelled. Ask library staff if you have questions or want to try again.`,
    ],
  }),
};

const es: Record<PatronTemplate, (v: Vars) => { subject: string; paragraphs: string[] }> = {
  arrived: (v) => ({
    subject: `Llegó su préstamo interbibliotecario: ${v.title}`,
    paragraphs: v.copy
      ? [`La copia que pidió («${v.title}») llegó a ${v.library}. Pídala al personal de la biblioteca.`]
      : [
          `«${v.title}» llegó a ${v.library}${v.pickup ? ` y le espera en ${v.pickup}` : ''}.`,
          'Recójalo pronto: la biblioteca que lo presta lo espera de vuelta en la fecha de devolución.',
        ],
  }),
  due_soon: (v) => ({
    subject: `Vence pronto: ${v.title}`,
    paragraphs: [
      `«${v.title}» debe devolverse a ${v.library} el ${v.dueDate}. Devuélvalo a tiempo para que la biblioteca que lo presta pueda prestarlo otra vez.`,
    ],
  }),
  overdue: (v) => ({
    subject: `Vencido: ${v.title}`,
    paragraphs: [
      `«${v.title}» vencía el ${v.dueDate}. Devuélvalo a ${v.library} lo antes posible: pertenece a otra biblioteca.`,
    ],
  }),
  cancelled: (v) => ({
    subject: `Se canceló su solicitud de préstamo interbibliotecario: ${v.title}`,
    paragraphs: [
      `Su solicitud de «${v.title}» en ${v.library} se canceló. Consulte al personal de la biblioteca si tiene preguntas o quiere intentarlo de nuevo.`,
    ],
  }),
};

export function patronMail(locale: Locale, template: PatronTemplate, v: Vars): RenderedMail {
  const c = (locale === 'es' ? es : en)[template](v);
  return renderMail(locale, {
    subject: c.subject,
    greeting: locale === 'es' ? `Hola, ${v.name}:` : `Hello ${v.name},`,
    paragraphs: c.paragraphs,
    footer: footer[locale],
  });
}

export function staffMail(
  locale: Locale,
  v: { number: string; title: string; state: string; url: string },
): RenderedMail {
  return locale === 'es'
    ? renderMail('es', {
        subject: `Préstamo interbibliotecario ${v.number}: requiere su atención`,
        greeting: 'Hola:',
        paragraphs: [
          `La solicitud ${v.number} («${v.title}») está ahora en «${v.state.replace(/_/g, ' ')}» y requiere una acción.`,
        ],
        action: { label: 'Abrir la solicitud', url: v.url },
        footer: footer.es,
      })
    : renderMail('en', {
        subject: `Interlibrary loan ${v.number} needs your attention`,
        greeting: 'Hello,',
        paragraphs: [
          `Request ${v.number} (“${v.title}”) is now “${v.state.replace(/_/g, ' ')}” and needs an action.`,
        ],
        action: { label: 'Open the request', url: v.url },
        footer: footer.en,
      });
}

/**
 * The patron's confirmation after asking on a library's request page: the reference to quote, and that
 * staff review it first. It repeats neither the card number nor anything else the patron typed but the title.
 */
export function patronSubmittedMail(
  locale: Locale,
  v: { name: string; title: string; library: string; reference: string; retentionDays: number },
): RenderedMail {
  return locale === 'es'
    ? renderMail('es', {
        subject: `Recibimos su solicitud ${v.reference}: ${v.title}`,
        greeting: `Hola, ${v.name}:`,
        paragraphs: [
          `${v.library} recibió su solicitud de préstamo interbibliotecario de «${v.title}». Su número de referencia es ${v.reference}.`,
          'El personal de la biblioteca la revisará antes de pedirla a otra biblioteca. Le escribiremos cuando llegue o si no se puede conseguir.',
          `Guardamos su nombre, número de tarjeta y correo solo para esta solicitud, y los borramos ${v.retentionDays} días después de que termine.`,
        ],
        footer: footer.es,
      })
    : renderMail('en', {
        subject: `We received your request ${v.reference}: ${v.title}`,
        greeting: `Hello ${v.name},`,
        paragraphs: [
          `${v.library} received your interlibrary loan request for “${v.title}”. Your reference number is ${v.reference}.`,
          'Library staff will review it before asking another library for it. We will write to you when it arrives or if it cannot be found.',
          `We keep your name, card number and email for this request only, and delete them ${v.retentionDays} days after it ends.`,
        ],
        footer: footer.en,
      });
}
