import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import * as q from './queries.ts';
import { Certificates } from './certificates.ts';
import { parseCsv, toCsv } from './csv.ts';
import { organiserMessageMail } from './mail-templates.ts';
import { Notifier } from './notify.ts';
import { titleIn } from './present.ts';

const invalidCsv = (message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path: 'body.csv', message }]);

/**
 * What organisers do around an event: check-in, webinar attendance import, the registration export and
 * messages to registrants. Attendance issues certificates (and un-marking revokes them).
 */
export class OrganiserTools {
  private readonly certificates: Certificates;
  private readonly notifier: Notifier;
  constructor(private readonly ctx: AppContext) {
    this.certificates = new Certificates(ctx);
    this.notifier = new Notifier(ctx);
  }

  private inTransaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.ctx.db.transaction(async (tx) => work(tx as unknown as Db));
  }

  async checkIn(
    principal: Principal,
    event: q.EventRow,
    registrationId: string,
    present: boolean,
    ip: string,
  ) {
    await this.inTransaction(async (tx) => {
      const reg = await q.findRegistration(tx, registrationId);
      if (!reg || reg.eventId !== event.id) throw notFound('This registration');
      if (reg.status !== 'confirmed')
        throw new AppError('CONFLICT', 'Only confirmed registrations can be checked in.');
      await q.updateRegistration(tx, reg.id, { checkedInAt: present ? new Date() : null, attended: present });
      if (present) await this.certificates.issue(tx, event, reg);
      else await this.certificates.revoke(tx, reg.id);
      await audit(tx, {
        action: present ? 'learning.check-in' : 'learning.check-in.undo',
        actor: principal,
        organizationId: event.organizerOrgId,
        targetType: 'learning_registration',
        targetId: reg.id,
        ip,
      });
    });
  }

  /**
   * Imports a webinar attendance report: a header row with an email column and a minutes/duration
   * column (several rows per person are added up, as webinar tools write one row per join). People at or
   * above the minimum are marked attended and get a certificate.
   */
  async importAttendance(
    principal: Principal,
    event: q.EventRow,
    csv: string,
    minimum: number | undefined,
    ip: string,
  ) {
    const minimumMinutes = minimum ?? event.minimumMinutes;
    if (!minimumMinutes)
      throw new AppError('VALIDATION_FAILED', 'Set the minimum minutes on the event or in this import.', [
        { path: 'body.minimumMinutes', message: 'is required when the event has none' },
      ]);
    const rows = parseCsv(csv);
    const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
    const emailAt = header.findIndex((h) => h.includes('email') || h.includes('correo'));
    const minutesAt = header.findIndex((h) => /minut|duration|duraci/.test(h));
    if (emailAt < 0 || minutesAt < 0)
      throw invalidCsv('The first row must name an email column and a minutes (or duration) column.');
    const minutes = new Map<string, number>();
    rows.slice(1).forEach((row, i) => {
      const email = (row[emailAt] ?? '').trim().toLowerCase();
      const value = Number((row[minutesAt] ?? '').trim());
      if (!email) return;
      if (!Number.isFinite(value) || value < 0)
        throw invalidCsv(`Line ${i + 2}: “${row[minutesAt] ?? ''}” is not a number of minutes.`);
      minutes.set(email, (minutes.get(email) ?? 0) + value);
    });
    return this.inTransaction(async (tx) => {
      const byEmail = await q.confirmedByEmail(tx, event.id);
      let attended = 0;
      let certificatesIssued = 0;
      const unmatched: string[] = [];
      for (const [email, total] of minutes) {
        const reg = byEmail.get(email);
        if (!reg) {
          unmatched.push(email);
          continue;
        }
        const ok = total >= minimumMinutes;
        await q.updateRegistration(tx, reg.id, { minutesAttended: Math.round(total), attended: ok });
        if (ok) {
          attended += 1;
          if (await this.certificates.issue(tx, event, reg)) certificatesIssued += 1;
        } else await this.certificates.revoke(tx, reg.id);
      }
      await audit(tx, {
        action: 'learning.attendance.import',
        actor: principal,
        organizationId: event.organizerOrgId,
        targetType: 'learning_event',
        targetId: event.id,
        ip,
        details: { rows: rows.length - 1, attended, minimumMinutes },
      });
      return { matched: minutes.size - unmatched.length, attended, unmatched, certificatesIssued };
    });
  }

  async registrationsCsv(event: q.EventRow) {
    const rows = await q.registrationsOf(this.ctx.db, event.id);
    return toCsv([
      [
        'name',
        'email',
        'library',
        'status',
        'registered_at',
        'price_category',
        'amount',
        'invoice_reference',
        'accommodation',
        'checked_in_at',
        'minutes_attended',
        'attended',
        'certificate',
      ],
      ...rows.map((r) => [
        r.personName,
        r.personEmail,
        r.organizationName,
        r.registration.status,
        r.registration.createdAt.toISOString(),
        r.registration.priceCategory,
        (r.registration.amountCents / 100).toFixed(2),
        r.registration.invoiceReference,
        r.registration.accommodation,
        r.registration.checkedInAt?.toISOString() ?? '',
        r.registration.minutesAttended,
        r.registration.attended ? 'yes' : 'no',
        r.certificateCode,
      ]),
    ]);
  }

  /** Writes one email per registrant (confirmed and offered; the waitlist only when asked). */
  async message(
    principal: Principal,
    event: q.EventRow,
    m: { subject: string; body: string; includeWaitlist: boolean },
  ) {
    const statuses: q.RegistrationRow['status'][] = m.includeWaitlist
      ? ['confirmed', 'offered', 'waitlisted']
      : ['confirmed', 'offered'];
    const ids = await this.inTransaction(async (tx) => {
      const rows = await q.registrationsOf(tx, event.id, statuses);
      const out: string[] = [];
      for (const r of rows) {
        const to = { name: r.personName, email: r.personEmail, locale: r.personLocale };
        const mail = organiserMessageMail(to.locale, {
          name: to.name,
          title: titleIn(event, to.locale),
          subject: m.subject,
          body: m.body,
          eventUrl: `${this.ctx.env.baseUrl}/learning/events/${event.id}`,
        });
        out.push(await this.notifier.raw(tx, to, 'learning.message', mail));
      }
      await q.insertMessage(tx, {
        eventId: event.id,
        sentBy: principal.userId,
        ...m,
        recipients: out.length,
      });
      return out;
    });
    await this.ctx.mailer.dispatch(ids);
    return { recipients: ids.length };
  }
}
