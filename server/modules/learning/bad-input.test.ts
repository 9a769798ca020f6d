import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { clientOf, eventBody, localIn, publishedEvent, staffAt } from './test-support.ts';

/** Bad event and registration input gets a clear 4xx naming the problem, and changes nothing. */
let t: TestApp;
let organiser: Client;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  organiser = await clientOf(t, t.fixtures.people.consortiumStaff.id);
  base = `/api/v1/libraries/${t.fixtures.consortium.id}/learning/events`;
});
afterAll(async () => {
  await t?.close();
});

const expectError = (
  r: { statusCode: number; body: string },
  status: number,
  code: string,
  path?: string,
) => {
  expect(r.statusCode, r.body).toBe(status);
  const { error } = JSON.parse(r.body);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
  if (path) expect(JSON.stringify(error.details)).toContain(path);
};

describe('bad event input', () => {
  it('refuses a session that ends before it starts', async () => {
    const r = await organiser.post(
      base,
      eventBody({ sessions: [{ startsAt: localIn(10, '11:00'), endsAt: localIn(10, '10:00') }] }),
    );
    expectError(r, 400, 'VALIDATION_FAILED', 'body.sessions.0.endsAt');
  });

  it('refuses registration closing after the event, or before it opens', async () => {
    const late = await organiser.post(base, eventBody({ registrationClosesAt: localIn(11, '09:00') }));
    expectError(late, 400, 'VALIDATION_FAILED', 'body.registrationClosesAt');
    expect(late.json().error.message).toContain('after the event has ended');
    const inverted = await organiser.post(
      base,
      eventBody({ registrationOpensAt: localIn(5, '09:00'), registrationClosesAt: localIn(4, '09:00') }),
    );
    expectError(inverted, 400, 'VALIDATION_FAILED', 'body.registrationClosesAt');
  });

  it('refuses malformed times, unknown zones, in-person events without a place and half an early bird', async () => {
    expectError(
      await organiser.post(base, eventBody({ registrationOpensAt: '2026-13-01 9am' })),
      400,
      'VALIDATION_FAILED',
      'registrationOpensAt',
    );
    expectError(
      await organiser.post(base, { ...eventBody(), timeZone: 'Mars/Olympus_Mons' }),
      400,
      'VALIDATION_FAILED',
      'timeZone',
    );
    expectError(
      await organiser.post(base, eventBody({ format: 'in_person' })),
      400,
      'VALIDATION_FAILED',
      'location',
    );
    expectError(
      await organiser.post(base, eventBody({ earlyBirdPriceCents: 1000 })),
      400,
      'VALIDATION_FAILED',
      'earlyBirdUntil',
    );
    expectError(
      await organiser.post(base, { ...eventBody(), capacity: 0 }),
      400,
      'VALIDATION_FAILED',
      'capacity',
    );
    expectError(
      await organiser.post(base, { ...eventBody(), sessions: [] }),
      400,
      'VALIDATION_FAILED',
      'sessions',
    );
  });

  it('refuses capacity below the seats already taken, keeping the event as it was', async () => {
    const id = await publishedEvent(t, organiser, { capacity: 3 });
    for (const p of await staffAt(t, t.fixtures.libraryA.id, 3))
      await p.client.post(`/api/v1/learning/events/${id}/registrations`, {});
    const before = (await organiser.get(`/api/v1/learning/events/${id}`)).json();
    const r = await organiser.patch(`${base}/${id}`, { capacity: 2, version: before.version });
    expectError(r, 409, 'CAPACITY_BELOW_REGISTRATIONS', 'body.capacity');
    const after = (await organiser.get(`/api/v1/learning/events/${id}`)).json();
    expect(after).toMatchObject({ capacity: 3, seatsTaken: 3, version: before.version });
    const stale = await organiser.patch(`${base}/${id}`, { capacity: 4, version: before.version - 1 });
    expectError(stale, 409, 'VERSION_CONFLICT');
  });

  it('raising the capacity promotes the waitlist at once', async () => {
    const id = await publishedEvent(t, organiser, { capacity: 1 });
    const [a, b] = await staffAt(t, t.fixtures.libraryA.id, 2);
    for (const p of [a, b]) await p!.client.post(`/api/v1/learning/events/${id}/registrations`, {});
    const { version } = (await organiser.get(`/api/v1/learning/events/${id}`)).json();
    const r = await organiser.patch(`${base}/${id}`, { capacity: 2, version });
    expect(r.json()).toMatchObject({ capacity: 2, seatsTaken: 2, waitlistCount: 0 });
  });

  it('answers unknown events and closed registration clearly', async () => {
    const unknown = crypto.randomUUID();
    expectError(await organiser.get(`/api/v1/learning/events/${unknown}`), 404, 'NOT_FOUND');
    expectError(await organiser.patch(`${base}/${unknown}`, { version: 1 }), 404, 'NOT_FOUND');
    expectError(
      await organiser.post(`/api/v1/learning/events/${unknown}/registrations`, {}),
      404,
      'NOT_FOUND',
    );
    expectError(await organiser.get('/api/v1/learning/events/nope'), 400, 'VALIDATION_FAILED');
    const notYet = await publishedEvent(t, organiser, { registrationOpensAt: localIn(2, '09:00') });
    expectError(
      await organiser.post(`/api/v1/learning/events/${notYet}/registrations`, {}),
      409,
      'REGISTRATION_CLOSED',
    );
  });

  it('cancelling an event cancels its registrations and tells the registrants', async () => {
    const id = await publishedEvent(t, organiser, { capacity: 1 });
    const [a, b] = await staffAt(t, t.fixtures.libraryB.id, 2);
    for (const p of [a, b]) await p!.client.post(`/api/v1/learning/events/${id}/registrations`, {});
    const { version } = (await organiser.get(`/api/v1/learning/events/${id}`)).json();
    const r = await organiser.patch(`${base}/${id}`, { status: 'cancelled', version });
    expect(r.json()).toMatchObject({ status: 'cancelled', seatsTaken: 0, waitlistCount: 0 });
    const back = await organiser.patch(`${base}/${id}`, { status: 'published', version: version + 1 });
    expectError(back, 409, 'CONFLICT');
    expectError(
      await a!.client.post(`/api/v1/learning/events/${id}/registrations`, {}),
      409,
      'REGISTRATION_CLOSED',
    );
  });
});
