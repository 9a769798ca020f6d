import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Locale, Principal } from '../../platform/auth/principal.ts';
import { randomToken } from '../../platform/auth/secrets.ts';
import { TOPICS } from '../../../shared/contracts/learning.ts';
import * as q from './queries.ts';
import { canSee } from './policy.ts';
import { buildCalendar } from './ics.ts';
import { icsEventsOf } from './notify.ts';
import { titleIn } from './present.ts';

/** iCalendar files: one event, a person's own schedule (secret address) and a topic's public events. */
export class CalendarService {
  constructor(private readonly ctx: AppContext) {}

  private async render(name: string, timeZone: string | null, events: q.EventRow[], locale: Locale) {
    const sessions = await q.sessionsOf(
      this.ctx.db,
      events.map((e) => e.id),
    );
    const entries = events.flatMap((e) =>
      icsEventsOf(
        e,
        sessions.filter((s) => s.eventId === e.id),
        this.ctx.env.baseUrl,
        locale,
      ),
    );
    return buildCalendar(name, timeZone, entries);
  }

  async eventFile(principal: Principal | null, eventId: string, locale: Locale) {
    const event = await q.findEvent(this.ctx.db, eventId);
    if (!event || !canSee(principal, event)) throw notFound('This event');
    return this.render(titleIn(event, locale), event.timeZone, [event], locale);
  }

  async personFeed(file: string) {
    const token = file.replace(/\.ics$/, '');
    const userId = await q.userOfFeedToken(this.ctx.db, token);
    if (!userId) throw notFound('This calendar feed');
    const person = (await q.person(this.ctx.db, userId))!;
    const events = await q.feedEvents(this.ctx.db, {
      eventIds: await q.eventIdsOfPerson(this.ctx.db, userId),
      publicOnly: false,
    });
    const name =
      person.locale === 'es' ? 'Mis capacitaciones — Amigos Commons' : 'My training — Amigos Commons';
    return this.render(name, null, events, person.locale);
  }

  async topicFeed(file: string, locale: Locale) {
    const topic = file.replace(/\.ics$/, '');
    if (!(TOPICS as readonly string[]).includes(topic))
      throw new AppError('NOT_FOUND', `There is no topic “${topic}”. Topics: ${TOPICS.join(', ')}.`);
    const events = await q.feedEvents(this.ctx.db, { topic, publicOnly: true });
    return this.render(`Amigos Commons — ${topic.replace(/_/g, ' ')}`, null, events, locale);
  }

  /** The person's feed address, created on first use; `rotate` replaces it (the old one stops working). */
  async feedAddress(principal: Principal, rotate: boolean) {
    let token = rotate ? null : await q.feedTokenOf(this.ctx.db, principal.userId);
    if (!token) {
      token = randomToken(24);
      await q.setFeedToken(this.ctx.db, principal.userId, token);
    }
    const path = `/api/v1/learning/feeds/people/${token}.ics`;
    return { path, url: `${this.ctx.env.baseUrl}${path}` };
  }
}
