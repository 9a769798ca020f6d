import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { openDatabase, type Database } from '../../platform/db/client.ts';
import { clientFor, createTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { mailOutbox } from '../../platform/tables.ts';
import { learningEvents, learningRegistrations } from './tables.ts';
import { learningServices } from './index.ts';
import { clientOf, publishedEvent, staffAt } from './test-support.ts';

/**
 * Two app nodes on one database (on the PostgreSQL server each with its own pool, as two processes
 * would have): sign-ups through both never over-book, and expired offers are passed on exactly once when
 * both nodes run the offer job at the same moment.
 */
let t: TestApp;
let secondDatabase: Database | undefined;
let second: FastifyInstance;
let organiser: Client;

beforeAll(async () => {
  t = await createTestApp();
  if (t.ctx.database.kind === 'postgres') {
    secondDatabase = await openDatabase({
      databaseUrl: t.ctx.database.connectionString,
      dataDir: '',
      poolSize: 8,
    });
  }
  const database = secondDatabase ?? t.ctx.database;
  second = await buildApp({ ...t.ctx, database, db: database.db }, { serveWeb: false });
  organiser = await clientOf(t, t.fixtures.people.consortiumStaff.id);
});
afterAll(async () => {
  await second?.close();
  await secondDatabase?.close();
  await t?.close();
});

const onSecond = (c: Client) => clientFor(second, c.cookie, c.csrfToken);

describe('learning on two app nodes', () => {
  it('does not over-book when sign-ups arrive through both nodes at once', async () => {
    const id = await publishedEvent(t, organiser, { capacity: 7 });
    const people = await staffAt(t, t.fixtures.libraryA.id, 20, 'twonodes');
    const responses = await Promise.all(
      people.map((p, i) =>
        (i % 2 ? onSecond(p.client) : p.client).post(`/api/v1/learning/events/${id}/registrations`, {}),
      ),
    );
    const statuses = responses.map((r) => r.json().status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(7);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(13);
    const [event] = await t.ctx.db.select().from(learningEvents).where(eq(learningEvents.id, id));
    expect(event!.seatsTaken).toBe(7);
  });

  it('passes each expired offer on exactly once when both nodes run the job together', async () => {
    const id = await publishedEvent(t, organiser, { capacity: 3, promotionMode: 'offer', offerHours: 2 });
    const people = await staffAt(t, t.fixtures.libraryB.id, 9, 'offers');
    for (const p of people) await p.client.post(`/api/v1/learning/events/${id}/registrations`, {});
    // The three seat holders cancel: waitlisted #1–#3 get offers.
    for (const p of people.slice(0, 3)) {
      const my = (await p.client.get(`/api/v1/learning/events/${id}`)).json().my;
      await p.client.delete(`/api/v1/learning/registrations/${my.id}`);
    }
    const later = new Date(Date.now() + 3 * 3_600_000);
    const firstNode = learningServices(t.ctx).registrations;
    const database = secondDatabase ?? t.ctx.database;
    const secondNode = learningServices({ ...t.ctx, database, db: database.db }).registrations;
    const withdrawn = await Promise.all([
      firstNode.expireOffers(later),
      secondNode.expireOffers(later),
      firstNode.expireOffers(later),
      secondNode.expireOffers(later),
    ]);
    expect(withdrawn.reduce((a, b) => a + b, 0)).toBe(3);

    const rows = await t.ctx.db
      .select()
      .from(learningRegistrations)
      .where(eq(learningRegistrations.eventId, id));
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    const status = people.map((p) => byUser.get(p.user.id)!.status);
    expect(status).toEqual([
      'cancelled',
      'cancelled',
      'cancelled', // left
      'cancelled',
      'cancelled',
      'cancelled', // offers lapsed
      'offered',
      'offered',
      'offered', // next three, once each
    ]);
    for (const p of people.slice(6)) {
      const offers = await t.ctx.db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.toAddress, p.user.email), eq(mailOutbox.template, 'learning.offer')));
      expect(offers).toHaveLength(1);
    }
    const [event] = await t.ctx.db.select().from(learningEvents).where(eq(learningEvents.id, id));
    expect(event!.seatsTaken).toBe(3);
  });
});
