import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { EventCreate, EventUpdate } from '../../../shared/contracts/learning.ts';
import * as q from './queries.ts';
import { canManage, canSee } from './policy.ts';
import { presentEventDetails, presentSession, presentSummary } from './present.ts';
import { instantToZoned, zonedToInstant } from './time.ts';
import { eventCancelledMail } from './mail-templates.ts';
import { Notifier } from './notify.ts';
import type { Registrations } from './registrations.ts';

type Page = { page: number; pageSize: number };
const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path: `body.${path}`, message }]);

/**
 * Turns what an organiser typed (wall-clock times in the event's zone) into stored instants, and checks
 * the rules that span several fields.
 */
export function eventValues(input: EventCreate) {
  const tz = input.timeZone;
  const sessions = input.sessions
    .map((s) => ({ startsAt: zonedToInstant(s.startsAt, tz), endsAt: zonedToInstant(s.endsAt, tz) }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  sessions.forEach((s, i) => {
    if (s.endsAt <= s.startsAt) throw invalid(`sessions.${i}.endsAt`, 'A session must end after it starts.');
  });
  const startsAt = sessions[0]!.startsAt;
  const endsAt = new Date(Math.max(...sessions.map((s) => s.endsAt.getTime())));
  const opens = zonedToInstant(input.registrationOpensAt, tz);
  const closes = zonedToInstant(input.registrationClosesAt, tz);
  if (closes <= opens) throw invalid('registrationClosesAt', 'Registration must close after it opens.');
  if (closes > endsAt)
    throw invalid('registrationClosesAt', 'Registration cannot close after the event has ended.');
  if (input.format !== 'online' && !input.location)
    throw invalid('location', 'In-person and hybrid events need a location.');
  const earlyBirdUntil = input.earlyBirdUntil ? zonedToInstant(input.earlyBirdUntil, tz) : null;
  if ((input.earlyBirdPriceCents === null) !== (earlyBirdUntil === null))
    throw invalid('earlyBirdUntil', 'An early-bird price needs a deadline, and a deadline needs a price.');
  const {
    sessions: _s,
    registrationOpensAt: _o,
    registrationClosesAt: _c,
    earlyBirdUntil: _e,
    ...rest
  } = input;
  return {
    sessions,
    row: {
      ...rest,
      startsAt,
      endsAt,
      registrationOpensAt: opens,
      registrationClosesAt: closes,
      earlyBirdUntil,
    },
  };
}

/** The stored event as the organiser's form would send it (for partial updates). */
function asInput(e: q.EventRow, sessions: q.SessionRow[]): EventCreate {
  const local = (d: Date) => instantToZoned(d, e.timeZone);
  return {
    titleEn: e.titleEn,
    titleEs: e.titleEs,
    descriptionEn: e.descriptionEn,
    descriptionEs: e.descriptionEs,
    format: e.format,
    language: e.language,
    timeZone: e.timeZone as EventCreate['timeZone'],
    topic: e.topic as EventCreate['topic'],
    competencyArea: e.competencyArea as EventCreate['competencyArea'],
    audience: e.audience,
    presenters: e.presenters,
    contactHours: e.contactHours,
    capacity: e.capacity,
    seatCapPerInstitution: e.seatCapPerInstitution,
    visibility: e.visibility,
    sessions: sessions.map((s) => ({ startsAt: local(s.startsAt), endsAt: local(s.endsAt) })),
    registrationOpensAt: local(e.registrationOpensAt),
    registrationClosesAt: local(e.registrationClosesAt),
    location: e.location,
    joinUrl: e.joinUrl,
    memberPriceCents: e.memberPriceCents,
    nonmemberPriceCents: e.nonmemberPriceCents,
    earlyBirdPriceCents: e.earlyBirdPriceCents,
    earlyBirdUntil: e.earlyBirdUntil ? local(e.earlyBirdUntil) : null,
    promotionMode: e.promotionMode,
    offerHours: e.offerHours,
    minimumMinutes: e.minimumMinutes,
    reminderHoursBefore: e.reminderHoursBefore,
    reminderEn: e.reminderEn,
    reminderEs: e.reminderEs,
    materials: e.materials,
  };
}

const STATUS_MOVES: Record<q.EventRow['status'], q.EventRow['status'][]> = {
  draft: ['draft', 'published', 'cancelled'],
  published: ['published', 'cancelled'],
  cancelled: ['cancelled'],
};

/** Learning events: organising, browsing and the event page. */
export class LearningService {
  private readonly notifier: Notifier;
  constructor(
    private readonly ctx: AppContext,
    private readonly registrations: Registrations,
  ) {
    this.notifier = new Notifier(ctx);
  }

  private get db() {
    return this.ctx.db;
  }

  private inTransaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => work(tx as unknown as Db));
  }

  /** An event the caller may see (organisers: also drafts), or 404. */
  async visibleEvent(principal: Principal | null, id: string) {
    const event = await q.findEvent(this.db, id);
    if (!event || !canSee(principal, event)) throw notFound('This event');
    return event;
  }

  /** An event of the library in the path, managed by the caller (route access already checked the library). */
  async managedEvent(principal: Principal, libraryId: string, id: string) {
    const event = await q.findEvent(this.db, id);
    if (!event || event.organizerOrgId !== libraryId || !canManage(principal, event))
      throw notFound('This event');
    return event;
  }

  async create(principal: Principal, libraryId: string, input: EventCreate, ip: string) {
    const org = await q.organizationName(this.db, libraryId);
    if (!org || org.kind === 'partner') throw notFound('This library');
    const { row, sessions } = eventValues(input);
    const id = await this.inTransaction(async (tx) => {
      const event = await q.insertEvent(tx, {
        ...row,
        organizerOrgId: libraryId,
        createdBy: principal.userId,
      });
      await q.replaceSessions(tx, event.id, sessions);
      await audit(tx, {
        action: 'learning.event.create',
        actor: principal,
        organizationId: libraryId,
        targetType: 'learning_event',
        targetId: event.id,
        ip,
      });
      return event.id;
    });
    return this.detail(principal, id);
  }

  /**
   * Partial update with an optimistic version. Capacity cannot drop below the seats taken; a larger
   * capacity promotes from the waitlist at once; cancelling the event cancels every registration.
   */
  async update(principal: Principal, libraryId: string, id: string, patch: EventUpdate, ip: string) {
    const before = await this.managedEvent(principal, libraryId, id);
    const { version, status, ...fields } = patch;
    const next = status ?? before.status;
    if (!STATUS_MOVES[before.status].includes(next))
      throw new AppError('CONFLICT', `A ${before.status} event cannot become ${next}.`);
    const mailIds = await this.inTransaction(async (tx) => {
      const locked = (await q.lockEvent(tx, id))!;
      if (locked.version !== version) throw new AppError('VERSION_CONFLICT');
      const sessions = await q.sessionsOf(tx, [id]);
      const merged = { ...asInput(locked, sessions), ...fields };
      const values = eventValues(merged);
      if (values.row.capacity < locked.seatsTaken)
        throw new AppError(
          'CAPACITY_BELOW_REGISTRATIONS',
          `The capacity cannot be lower than the ${locked.seatsTaken} seats already taken. Cancel registrations first.`,
          [{ path: 'body.capacity', message: `must be at least ${locked.seatsTaken}` }],
        );
      const updated = await q.updateEvent(tx, id, version, { ...values.row, status: next });
      if (!updated) throw new AppError('VERSION_CONFLICT');
      if (fields.sessions) await q.replaceSessions(tx, id, values.sessions);
      await audit(tx, {
        action: next !== before.status ? `learning.event.${next}` : 'learning.event.update',
        actor: principal,
        organizationId: libraryId,
        targetType: 'learning_event',
        targetId: id,
        ip,
        details: { fields: Object.keys(fields) },
      });
      if (next === 'cancelled' && before.status !== 'cancelled') return this.cancelAll(tx, updated);
      if (next === 'published') return this.registrations.fillSeats(tx, updated);
      return [];
    });
    await this.ctx.mailer.dispatch(mailIds);
    return this.detail(principal, id);
  }

  private async cancelAll(tx: Db, event: q.EventRow) {
    const live = await q.registrationsOf(tx, event.id, ['confirmed', 'offered', 'waitlisted']);
    const ids: string[] = [];
    for (const r of live) {
      await q.updateRegistration(tx, r.registration.id, {
        status: 'cancelled',
        cancelledAt: new Date(),
        cancelReason: 'event_cancelled',
        offerExpiresAt: null,
      });
      const to = { name: r.personName, email: r.personEmail, locale: r.personLocale };
      const mail = eventCancelledMail(to.locale, {
        name: to.name,
        title: to.locale === 'es' ? event.titleEs : event.titleEn,
        eventUrl: `${this.ctx.env.baseUrl}/learning`,
      });
      ids.push(await this.notifier.raw(tx, to, 'learning.event-cancelled', mail));
    }
    await q.setSeatsTaken(tx, event.id, 0);
    return ids;
  }

  async browse(
    principal: Principal | null,
    f: Omit<q.EventFilter, 'publicOnly' | 'from' | 'to' | 'free'> & {
      from?: string;
      to?: string;
      free?: 'true' | 'false';
    } & Page,
  ) {
    const { page, pageSize, from, to, free, ...rest } = f;
    const { rows, total } = await q.listEvents(
      this.db,
      {
        ...rest,
        status: 'published',
        publicOnly: !principal || principal.organizationKind === 'partner',
        upcomingAfter: new Date(),
        from: from ? new Date(`${from}T00:00:00Z`) : undefined,
        to: to ? new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
        free: free === undefined ? undefined : free === 'true',
      },
      page,
      pageSize,
    );
    return {
      items: rows.map((r) => presentSummary(r.event, r.organizerName, r.sessionCount)),
      total,
      page,
      pageSize,
    };
  }

  async organiserList(libraryId: string, f: { status?: q.EventRow['status'] | undefined } & Page) {
    const { rows, total } = await q.listEvents(
      this.db,
      { organizerOrgId: libraryId, status: f.status, publicOnly: false },
      f.page,
      f.pageSize,
      true,
    );
    return {
      items: rows.map((r) => presentSummary(r.event, r.organizerName, r.sessionCount)),
      total,
      page: f.page,
      pageSize: f.pageSize,
    };
  }

  async detail(principal: Principal | null, id: string) {
    const event = await this.visibleEvent(principal, id);
    const [sessions, org, waitlistCount, my] = await Promise.all([
      q.sessionsOf(this.db, [id]),
      q.organizationName(this.db, event.organizerOrgId),
      q.waitlistCount(this.db, id),
      principal ? this.registrations.mine(principal.userId, event) : Promise.resolve(null),
    ]);
    const manage = canManage(principal, event);
    const now = new Date();
    const registrationOpen =
      event.status === 'published' && now >= event.registrationOpensAt && now <= event.registrationClosesAt;
    return {
      ...presentSummary(event, org?.name ?? '', sessions.length),
      ...presentEventDetails(event),
      sessions: sessions.map((s) => presentSession(s, event.timeZone)),
      waitlistCount,
      registrationOpen,
      joinUrl: manage || my?.status === 'confirmed' ? event.joinUrl : null,
      my,
      can: {
        manage,
        register:
          !!principal &&
          registrationOpen &&
          !my &&
          (event.visibility === 'public' || principal.organizationKind !== 'partner'),
      },
    };
  }
}
