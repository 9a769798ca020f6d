import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { anonymous, createTestApp, type TestApp } from '../../test/harness.ts';
import { seedDemo } from '../../seed/index.ts';
import { learningCertificates, learningEvents, learningRegistrations } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx.db);
});
afterAll(async () => {
  await t?.close();
});

describe('demo learning data', () => {
  it('has upcoming, full, past and draft events whose seats add up, and is idempotent', async () => {
    const count = async () => ({
      events: (await t.ctx.db.select().from(learningEvents)).length,
      registrations: (await t.ctx.db.select().from(learningRegistrations)).length,
    });
    const before = await count();
    await seedDemo(t.ctx.db);
    expect(await count()).toEqual(before);
    const rows = await t.ctx.db.execute<{
      status: string;
      capacity: number;
      seats_taken: number;
      confirmed: number;
      waitlisted: number;
    }>(sql`
      SELECT e.status, e.capacity, e.seats_taken,
             count(*) FILTER (WHERE r.status = 'confirmed')::int AS confirmed,
             count(*) FILTER (WHERE r.status = 'waitlisted')::int AS waitlisted
        FROM learning_events e LEFT JOIN learning_registrations r ON r.event_id = e.id
       GROUP BY e.id`);
    const events = (
      rows as unknown as {
        rows: {
          status: string;
          capacity: number;
          seats_taken: number;
          confirmed: number;
          waitlisted: number;
        }[];
      }
    ).rows;
    expect(events.length).toBeGreaterThanOrEqual(6);
    for (const e of events) {
      expect(e.seats_taken).toBe(e.confirmed);
      expect(e.confirmed).toBeLessThanOrEqual(e.capacity);
    }
    expect(events.some((e) => e.waitlisted > 0 && e.confirmed === e.capacity)).toBe(true);
    expect(events.some((e) => e.status === 'draft')).toBe(true);
    const upcoming = (await anonymous(t.app).get('/api/v1/learning/events')).json();
    expect(upcoming.total).toBeGreaterThanOrEqual(1); // the public leadership institute
  });

  it('issues certificates for past attendance that verify publicly', async () => {
    const certificates = await t.ctx.db.select().from(learningCertificates);
    expect(certificates.length).toBeGreaterThan(10);
    const r = await anonymous(t.app).get(`/api/v1/learning/certificates/${certificates[0]!.code}`);
    expect(r.json()).toMatchObject({ valid: true });
  });
});
