import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import * as q from './queries.ts';
import { assertCanRegisterFor, canCancel, canSee, priceFor } from './policy.ts';
import { Notifier, registrationOfToken, type Recipient } from './notify.ts';
import { presentRegistration, presentSummary, titleIn } from './present.ts';
import { accommodationMail } from './mail-templates.ts';

const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/** An invoice reference for paid registrations: the year, month and the registration id's first block. */
const invoiceReferenceFor = (id: string, now: Date) =>
  `LRN-${now.toISOString().slice(0, 7).replace('-', '')}-${id.slice(0, 8).toUpperCase()}`;

/**
 * Registrations, the waitlist and promotion. Every change to an event's seats runs in a transaction that
 * first locks the event row (SELECT … FOR UPDATE): concurrent sign-ups for the last seat queue behind
 * each other and the second one sees the first one's seat, so an event can never be over-booked, and a
 * freed seat is given to exactly one waitlisted person even when several app nodes race to do it.
 */
export class Registrations {
  private readonly notifier: Notifier;
  constructor(private readonly ctx: AppContext) {
    this.notifier = new Notifier(ctx);
  }

  private get db() {
    return this.ctx.db;
  }

  private inTransaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => work(tx as unknown as Db));
  }

  private async recipient(db: Db, userId: string): Promise<Recipient> {
    const p = (await q.person(db, userId))!;
    return { name: p.displayName, email: p.email, locale: p.locale };
  }

  async register(
    principal: Principal,
    eventId: string,
    body: { userId?: string | undefined; accommodation: string },
  ) {
    const targetId = body.userId ?? principal.userId;
    const target = await q.person(this.db, targetId);
    if (!target || target.status !== 'active') throw notFound('This person');
    assertCanRegisterFor(principal, target);
    const now = new Date();
    // Read before taking the lock: the lock is held only for what must be serialised.
    const sessions = await q.sessionsOf(this.db, [eventId]);
    const { reg, position, mailIds } = await this.inTransaction(async (tx) => {
      const event = await q.lockEvent(tx, eventId);
      if (!event || !canSee(principal, event) || event.status === 'draft') throw notFound('This event');
      if (event.status === 'cancelled')
        throw new AppError('REGISTRATION_CLOSED', 'This event has been cancelled.');
      if (event.visibility === 'members' && target.organizationKind === 'partner')
        throw new AppError('FORBIDDEN', 'This event is for member libraries only.');
      if (now < event.registrationOpensAt)
        throw new AppError(
          'REGISTRATION_CLOSED',
          `Registration opens on ${event.registrationOpensAt.toISOString()}.`,
        );
      if (now > event.registrationClosesAt)
        throw new AppError('REGISTRATION_CLOSED', 'Registration for this event has closed.');
      if (await q.liveRegistrationOf(tx, eventId, targetId)) throw new AppError('ALREADY_REGISTERED');
      const hasSeat = event.seatsTaken < event.capacity;
      if (
        hasSeat &&
        event.seatCapPerInstitution !== null &&
        (await q.seatsHeldBy(tx, eventId, target.organizationId)) >= event.seatCapPerInstitution
      )
        throw new AppError(
          'SEAT_CAP_REACHED',
          `Each library may take ${event.seatCapPerInstitution} seat(s) at this event; ${target.organizationName} already has them.`,
        );
      const price = priceFor(
        event,
        { kind: target.organizationKind, status: target.organizationStatus },
        now,
      );
      const id = crypto.randomUUID();
      const reg = await q.insertRegistration(tx, {
        id,
        eventId,
        userId: targetId,
        organizationId: target.organizationId,
        registeredBy: principal.userId,
        status: hasSeat ? 'confirmed' : 'waitlisted',
        confirmedAt: hasSeat ? now : null,
        ...price,
        invoiceReference: price.amountCents > 0 ? invoiceReferenceFor(id, now) : null,
        accommodation: body.accommodation,
      });
      if (hasSeat) await q.setSeatsTaken(tx, eventId, event.seatsTaken + 1);
      const position = hasSeat ? 0 : await q.waitlistPosition(tx, eventId, reg.waitlistSeq);
      const to = { name: target.displayName, email: target.email, locale: target.locale };
      const mailIds = [await this.notifier.placed(tx, event, sessions, reg, to, position)];
      if (body.accommodation && event.createdBy) {
        const organiser = await this.recipient(tx, event.createdBy);
        const mail = accommodationMail(organiser.locale, {
          name: organiser.name,
          title: titleIn(event, organiser.locale),
          person: target.displayName,
          library: target.organizationName,
          request: body.accommodation,
          url: `${this.ctx.env.baseUrl}/learning/organise/${event.id}`,
        });
        mailIds.push(await this.notifier.raw(tx, organiser, 'learning.accommodation', mail));
      }
      return { reg, position, mailIds };
    }).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('ALREADY_REGISTERED');
      throw error;
    });
    await this.ctx.mailer.dispatch(mailIds);
    return this.present(reg, position || null, null);
  }

  private present(reg: q.RegistrationRow, waitlistPosition: number | null, certificateCode: string | null) {
    return {
      id: reg.id,
      status: reg.status,
      waitlistPosition,
      offerExpiresAt: reg.offerExpiresAt?.toISOString() ?? null,
      amountCents: reg.amountCents,
      priceCategory: reg.priceCategory,
      invoiceReference: reg.invoiceReference,
      certificateCode,
    };
  }

  /**
   * Gives free seats to the waitlist in order (call with the event row locked). Direct enrolment confirms
   * at once; otherwise the seat is offered for `offerHours`. People whose library reached its seat cap are
   * skipped, keeping their place. Returns the ids of the emails written.
   */
  async fillSeats(tx: Db, event: q.EventRow, now = new Date()): Promise<string[]> {
    if (event.status !== 'published') return [];
    let taken = event.seatsTaken;
    if (taken >= event.capacity) return [];
    const mailIds: string[] = [];
    const sessions = await q.sessionsOf(tx, [event.id]);
    for (const next of await q.waitlist(tx, event.id)) {
      if (taken >= event.capacity) break;
      if (
        event.seatCapPerInstitution !== null &&
        (await q.seatsHeldBy(tx, event.id, next.organizationId)) >= event.seatCapPerInstitution
      )
        continue;
      const promoted = await q.updateRegistration(
        tx,
        next.id,
        event.promotionMode === 'direct'
          ? { status: 'confirmed', confirmedAt: now }
          : { status: 'offered', offerExpiresAt: new Date(now.getTime() + event.offerHours * 3_600_000) },
      );
      taken += 1;
      const to = await this.recipient(tx, promoted.userId);
      mailIds.push(await this.notifier.placed(tx, event, sessions, promoted, to, 0, true));
    }
    if (taken !== event.seatsTaken) await q.setSeatsTaken(tx, event.id, taken);
    return mailIds;
  }

  private async cancelLocked(tx: Db, reg: q.RegistrationRow, reason: 'self' | 'colleague' | 'organiser') {
    const event = (await q.lockEvent(tx, reg.eventId))!;
    const current = (await q.findRegistration(tx, reg.id))!;
    if (current.status === 'cancelled') return { event, mailIds: [] };
    await q.updateRegistration(tx, reg.id, {
      status: 'cancelled',
      cancelledAt: new Date(),
      cancelReason: reason,
      offerExpiresAt: null,
    });
    if (current.status === 'waitlisted') return { event, mailIds: [] };
    const freed = { ...event, seatsTaken: event.seatsTaken - 1 };
    await q.setSeatsTaken(tx, event.id, freed.seatsTaken);
    return { event: freed, mailIds: await this.fillSeats(tx, freed) };
  }

  async cancel(principal: Principal, registrationId: string) {
    const reg = await q.findRegistration(this.db, registrationId);
    const event = reg && (await q.findEvent(this.db, reg.eventId));
    if (!reg || !event || !canCancel(principal, reg, event)) throw notFound('This registration');
    const reason =
      reg.userId === principal.userId
        ? 'self'
        : reg.organizationId === principal.organizationId
          ? 'colleague'
          : 'organiser';
    const { mailIds } = await this.inTransaction((tx) => this.cancelLocked(tx, reg, reason));
    await this.ctx.mailer.dispatch(mailIds);
  }

  private async byToken(token: string) {
    const id = registrationOfToken(this.ctx.secretKey, token);
    const reg = id && (await q.findRegistration(this.db, id));
    if (!reg) throw new AppError('INVALID_TOKEN', 'This cancellation link is not valid.');
    const event = (await q.findEvent(this.db, reg.eventId))!;
    return { reg, event };
  }

  /** What a cancellation link points at (shown before the person confirms). */
  async tokenInfo(token: string) {
    const { reg, event } = await this.byToken(token);
    return { eventTitleEn: event.titleEn, eventTitleEs: event.titleEs, status: reg.status };
  }

  /** Cancels from the link in the email, without signing in; repeating it changes nothing. */
  async cancelByToken(token: string) {
    const { reg, event } = await this.byToken(token);
    if (event.startsAt <= new Date() && reg.status !== 'cancelled')
      throw new AppError('CONFLICT', 'This event has already started; contact the organisers.');
    const { mailIds } = await this.inTransaction((tx) => this.cancelLocked(tx, reg, 'self'));
    await this.ctx.mailer.dispatch(mailIds);
    return { eventTitleEn: event.titleEn, eventTitleEs: event.titleEs, status: 'cancelled' as const };
  }

  async accept(principal: Principal, registrationId: string) {
    const reg = await q.findRegistration(this.db, registrationId);
    if (!reg || reg.userId !== principal.userId) throw notFound('This registration');
    const mailIds = await this.inTransaction(async (tx) => {
      const event = (await q.lockEvent(tx, reg.eventId))!;
      const current = (await q.findRegistration(tx, reg.id))!;
      if (current.status === 'confirmed') return [];
      if (current.status !== 'offered' || !current.offerExpiresAt || current.offerExpiresAt < new Date())
        throw new AppError('CONFLICT', 'This offer is no longer open.');
      const confirmed = await q.updateRegistration(tx, reg.id, {
        status: 'confirmed',
        confirmedAt: new Date(),
        offerExpiresAt: null,
      });
      const sessions = await q.sessionsOf(tx, [event.id]);
      return [
        await this.notifier.placed(tx, event, sessions, confirmed, await this.recipient(tx, reg.userId), 0),
      ];
    });
    await this.ctx.mailer.dispatch(mailIds);
    return this.mine(principal.userId, { id: reg.eventId }, reg.id);
  }

  /** Job: withdraws expired offers and offers the seats to the next people. Safe on many nodes at once. */
  async expireOffers(now = new Date()) {
    let withdrawn = 0;
    for (const eventId of await q.eventsWithExpiredOffers(this.db, now)) {
      const mailIds = await this.inTransaction(async (tx) => {
        const event = (await q.lockEvent(tx, eventId))!;
        const expired = await q.withdrawExpiredOffers(tx, eventId, now);
        if (!expired.length) return [];
        withdrawn += expired.length;
        const freed = { ...event, seatsTaken: event.seatsTaken - expired.length };
        await q.setSeatsTaken(tx, eventId, freed.seatsTaken);
        const sessions = await q.sessionsOf(tx, [eventId]);
        const ids: string[] = [];
        for (const r of expired) {
          ids.push(
            await this.notifier.offerExpired(tx, event, sessions, r, await this.recipient(tx, r.userId)),
          );
        }
        return [...ids, ...(await this.fillSeats(tx, freed, now))];
      });
      await this.ctx.mailer.dispatch(mailIds);
    }
    return withdrawn;
  }

  /** Job: reminders for sessions inside each event's lead time, to confirmed people only, once each. */
  async sendReminders(now = new Date()) {
    let sent = 0;
    for (const { session, event } of await q.sessionsDueForReminder(this.db, now)) {
      const mailIds = await this.inTransaction(async (tx) => {
        const claimed = await q.claimReminders(tx, event.id, session.id);
        if (!claimed.length) return [];
        const sessions = await q.sessionsOf(tx, [event.id]);
        const ids: string[] = [];
        for (const r of claimed) {
          const to = { name: r.personName, email: r.personEmail, locale: r.personLocale };
          ids.push(await this.notifier.reminder(tx, event, sessions, session, r.registration, to));
        }
        return ids;
      });
      sent += mailIds.length;
      await this.ctx.mailer.dispatch(mailIds);
    }
    return sent;
  }

  /** The caller's live registration at an event, with their waitlist position. */
  async mine(userId: string, event: { id: string }, registrationId?: string) {
    const reg = registrationId
      ? await q.findRegistration(this.db, registrationId)
      : await q.liveRegistrationOf(this.db, event.id, userId);
    if (!reg || reg.status === 'cancelled') return null;
    const [position, certificate] = await Promise.all([
      reg.status === 'waitlisted' ? q.waitlistPosition(this.db, reg.eventId, reg.waitlistSeq) : null,
      q.certificateOfRegistration(this.db, reg.id),
    ]);
    return this.present(reg, position, certificate);
  }

  async myList(userId: string) {
    const rows = await q.registrationsOfUser(this.db, userId);
    const items = [];
    for (const r of rows) {
      const event = (await q.findEvent(this.db, r.registration.eventId))!;
      const [org, sessions, my] = await Promise.all([
        q.organizationName(this.db, event.organizerOrgId),
        q.sessionsOf(this.db, [event.id]),
        this.mine(userId, event, r.registration.id),
      ]);
      items.push({ ...my!, event: presentSummary(event, org?.name ?? '', sessions.length) });
    }
    return { items };
  }

  async list(eventId: string) {
    const rows = await q.registrationsOf(this.db, eventId);
    const positions = new Map(
      rows.filter((r) => r.registration.status === 'waitlisted').map((r, i) => [r.registration.id, i + 1]),
    );
    return {
      items: rows.map((r) => presentRegistration(r, eventId, positions.get(r.registration.id) ?? null)),
    };
  }
}
