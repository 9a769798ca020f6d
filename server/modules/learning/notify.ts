import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/auth/principal.ts';
import { constantTimeEqual } from '../../platform/auth/secrets.ts';
import type { RenderedMail } from '../../platform/mail/mailer.ts';
import type { EventRow, RegistrationRow, SessionRow } from './queries.ts';
import { buildCalendar, type IcsEvent } from './ics.ts';
import { instantLabel, money, sessionLabel, titleIn } from './present.ts';
import {
  confirmationMail,
  offerExpiredMail,
  offerMail,
  reminderMail,
  waitlistMail,
  type EventMailFacts,
} from './mail-templates.ts';

export type Recipient = { name: string; email: string; locale: Locale };

// ——— Cancellation links: the registration id, signed; no sign-in needed, nothing stored ———

const sign = (key: Buffer, id: string) =>
  crypto.createHmac('sha256', key).update(`learning-cancel:${id}`).digest('base64url').slice(0, 32);

export function cancelTokenFor(key: Buffer, registrationId: string) {
  const id = Buffer.from(registrationId.replace(/-/g, ''), 'hex').toString('base64url');
  return `${id}.${sign(key, registrationId)}`;
}

export function registrationOfToken(key: Buffer, token: string): string | null {
  const [id, mac] = token.split('.');
  if (!id || !mac || id.length !== 22) return null;
  const hex = Buffer.from(id, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return constantTimeEqual(mac, sign(key, uuid)) ? uuid : null;
}

// ——— Calendar entries ———

export function icsEventsOf(
  event: EventRow,
  sessions: SessionRow[],
  baseUrl: string,
  locale: Locale,
): IcsEvent[] {
  const title = titleIn(event, locale);
  const description = locale === 'es' ? event.descriptionEs : event.descriptionEn;
  const url = `${baseUrl}/learning/events/${event.id}`;
  return sessions.map((s, i) => ({
    uid: `${s.id}@learning.amigoscommons`,
    sequence: event.version,
    start: s.startsAt,
    end: s.endsAt,
    summary: sessions.length > 1 ? `${title} (${i + 1}/${sessions.length})` : title,
    description: [description, url].filter(Boolean).join('\n\n'),
    location: [event.location, event.format !== 'in_person' ? url : ''].filter(Boolean).join(' — '),
    url,
    status: event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    updated: event.updatedAt,
  }));
}

/** Writes the learning emails into the outbox inside the caller's transaction; returns their ids. */
export class Notifier {
  constructor(private readonly ctx: AppContext) {}

  facts(
    event: EventRow,
    sessions: SessionRow[],
    reg: RegistrationRow,
    to: Recipient,
    withJoin: boolean,
  ): EventMailFacts {
    const base = this.ctx.env.baseUrl;
    return {
      name: to.name,
      title: titleIn(event, to.locale),
      when: sessions.map((s) => sessionLabel(s, event.timeZone, to.locale)),
      where: event.format === 'online' ? '' : event.location,
      joinUrl: withJoin && event.joinUrl ? event.joinUrl : null,
      eventUrl: `${base}/learning/events/${event.id}`,
      cancelUrl: `${base}/learning/cancel/${cancelTokenFor(this.ctx.secretKey, reg.id)}`,
    };
  }

  private async queue(db: Db, to: Recipient, template: string, mail: RenderedMail, ics?: string) {
    return this.ctx.mailer.queue(db, {
      ...mail,
      to: to.email,
      locale: to.locale,
      template,
      ...(ics
        ? {
            attachments: [
              {
                filename: 'event.ics',
                contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
                contentBase64: Buffer.from(ics, 'utf8').toString('base64'),
              },
            ],
          }
        : {}),
    });
  }

  private ics(event: EventRow, sessions: SessionRow[], locale: Locale) {
    return buildCalendar(
      titleIn(event, locale),
      event.timeZone,
      icsEventsOf(event, sessions, this.ctx.env.baseUrl, locale),
    );
  }

  async placed(
    db: Db,
    event: EventRow,
    sessions: SessionRow[],
    reg: RegistrationRow,
    to: Recipient,
    position: number,
    promoted = false,
  ) {
    if (reg.status === 'waitlisted') {
      const f = this.facts(event, sessions, reg, to, false);
      return this.queue(db, to, 'learning.waitlisted', waitlistMail(to.locale, { ...f, position }));
    }
    if (reg.status === 'offered') {
      const f = this.facts(event, sessions, reg, to, false);
      const deadline = instantLabel(reg.offerExpiresAt!, event.timeZone, to.locale);
      return this.queue(db, to, 'learning.offer', offerMail(to.locale, { ...f, deadline }));
    }
    const f = this.facts(event, sessions, reg, to, true);
    const mail = confirmationMail(to.locale, {
      ...f,
      promoted,
      amount: reg.amountCents > 0 ? money(reg.amountCents, to.locale) : null,
      invoiceReference: reg.invoiceReference,
    });
    return this.queue(db, to, 'learning.confirmed', mail, this.ics(event, sessions, to.locale));
  }

  async offerExpired(db: Db, event: EventRow, sessions: SessionRow[], reg: RegistrationRow, to: Recipient) {
    const f = this.facts(event, sessions, reg, to, false);
    return this.queue(db, to, 'learning.offer-expired', offerExpiredMail(to.locale, f));
  }

  async reminder(
    db: Db,
    event: EventRow,
    sessions: SessionRow[],
    session: SessionRow,
    reg: RegistrationRow,
    to: Recipient,
  ) {
    const f = this.facts(event, sessions, reg, to, true);
    const wording =
      to.locale === 'es' ? event.reminderEs || event.reminderEn : event.reminderEn || event.reminderEs;
    const mail = reminderMail(to.locale, {
      ...f,
      session: sessionLabel(session, event.timeZone, to.locale),
      wording,
    });
    return this.queue(db, to, 'learning.reminder', mail, this.ics(event, sessions, to.locale));
  }

  async raw(db: Db, to: Recipient, template: string, mail: RenderedMail) {
    return this.queue(db, to, template, mail);
  }
}
