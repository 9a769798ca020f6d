import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { Locale } from '../../platform/auth/principal.ts';
import * as q from './queries.ts';
import { zonedDate } from './time.ts';
import { certificatePdf } from './certificate-pdf.ts';
import { areaLabel } from './labels.ts';

/** Unambiguous letters and digits (no 0/O, 1/I/L): codes are read aloud and typed from paper. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function certificateCode() {
  const bytes = crypto.randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `AC-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** Certificates of attendance: issued when attendance is recorded; anyone can verify one by its code. */
export class Certificates {
  constructor(private readonly ctx: AppContext) {}

  /** Issues (once) the certificate of a registration marked attended. Returns true when a new one was made. */
  async issue(tx: Db, event: q.EventRow, reg: q.RegistrationRow) {
    const person = (await q.person(tx, reg.userId))!;
    const made = await q.insertCertificate(tx, {
      code: certificateCode(),
      registrationId: reg.id,
      userId: reg.userId,
      eventId: event.id,
      recipientName: person.displayName,
      organizationName: person.organizationName,
      titleEn: event.titleEn,
      titleEs: event.titleEs,
      contactHours: event.contactHours,
      competencyArea: event.competencyArea,
      completedOn: zonedDate(event.endsAt, event.timeZone),
    });
    if (!made) await q.setCertificateRevoked(tx, reg.id, null);
    return made !== null;
  }

  async revoke(tx: Db, registrationId: string) {
    await q.setCertificateRevoked(tx, registrationId, new Date());
  }

  verifyUrl(code: string) {
    return `${this.ctx.env.baseUrl}/learning/certificates/${code}`;
  }

  async verify(code: string) {
    const c = await q.findCertificate(this.ctx.db, code);
    if (!c) throw notFound('This certificate');
    return {
      code: c.code,
      valid: c.revokedAt === null,
      recipientName: c.recipientName,
      organizationName: c.organizationName,
      titleEn: c.titleEn,
      titleEs: c.titleEs,
      contactHours: c.contactHours,
      competencyArea: c.competencyArea,
      completedOn: c.completedOn,
      issuedAt: c.issuedAt.toISOString(),
    };
  }

  async pdf(code: string, locale: Locale) {
    const c = await this.verify(code);
    if (!c.valid) throw notFound('This certificate');
    return certificatePdf(
      { ...c, title: locale === 'es' ? c.titleEs : c.titleEn, verifyUrl: this.verifyUrl(c.code) },
      locale,
      areaLabel(c.competencyArea, locale),
    );
  }
}
