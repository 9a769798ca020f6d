import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { anonymous, createTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { learningEvents, learningRegistrations } from './tables.ts';
import { users } from '../members/tables.ts';
import { clientOf, eventBody, mailsTo, publishedEvent, staffAt } from './test-support.ts';
import { learningServices } from './index.ts';

let t: TestApp;
let organiser: Client;
beforeAll(async () => {
  t = await createTestApp();
  organiser = await clientOf(t, t.fixtures.people.consortiumStaff.id);
});
afterAll(async () => {
  await t?.close();
});

const seatsTaken = async (id: string) =>
  (await t.ctx.db.select().from(learningEvents).where(eq(learningEvents.id, id)))[0]!.seatsTaken;

describe('organising', () => {
  it('lets consortium staff and library admins create events, not staff without the learning capability', async () => {
    const libA = t.fixtures.libraryA.id;
    const admin = await clientOf(t, t.fixtures.people.libraryAAdmin.id);
    const staff = await clientOf(t, t.fixtures.people.libraryAStaff.id);
    const created = await admin.post(`/api/v1/libraries/${libA}/learning/events`, eventBody());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'draft', organizer: { id: libA }, can: { manage: true } });
    expect((await staff.post(`/api/v1/libraries/${libA}/learning/events`, eventBody())).statusCode).toBe(403);
    // A draft is invisible to everyone but organisers.
    expect((await staff.get(`/api/v1/learning/events/${created.json().id}`)).statusCode).toBe(404);
  });

  it('keeps the wall-clock time of every session of a series across the DST change', async () => {
    const body = eventBody({
      timeZone: 'America/Denver',
      sessions: [
        { startsAt: '2027-03-09T10:00', endsAt: '2027-03-09T11:00' },
        { startsAt: '2027-03-16T10:00', endsAt: '2027-03-16T11:00' },
      ],
      registrationOpensAt: '2026-01-01T09:00',
      registrationClosesAt: '2027-03-09T09:00',
    });
    const r = await organiser.post(`/api/v1/libraries/${t.fixtures.consortium.id}/learning/events`, body);
    expect(r.statusCode, r.body).toBe(201);
    const sessions = r.json().sessions;
    expect(sessions.map((s: { startsAt: string }) => s.startsAt)).toEqual([
      '2027-03-09T17:00:00.000Z', // MST, UTC−7
      '2027-03-16T16:00:00.000Z', // MDT, UTC−6 after 14 March
    ]);
    expect(sessions.map((s: { localStart: string }) => s.localStart)).toEqual([
      '2027-03-09T10:00',
      '2027-03-16T10:00',
    ]);
  });
});

describe('materials', () => {
  it('are attached afterwards and shown on the event page; a bad link is refused', async () => {
    const id = await publishedEvent(t, organiser);
    const base = `/api/v1/libraries/${t.fixtures.consortium.id}/learning/events/${id}`;
    const { version } = (await organiser.get(`/api/v1/learning/events/${id}`)).json();
    const recording = {
      title: 'Recording',
      url: 'https://media.example/r1',
      kind: 'recording',
      captioned: true,
    };
    const r = await organiser.patch(base, { materials: [recording], version });
    expect(r.statusCode, r.body).toBe(200);
    const staff = await clientOf(t, t.fixtures.people.libraryBStaff.id);
    expect((await staff.get(`/api/v1/learning/events/${id}`)).json().materials).toEqual([recording]);
    const bad = await organiser.patch(base, {
      materials: [{ ...recording, url: 'not a url' }],
      version: version + 1,
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('registration, waitlist and promotion', () => {
  it('confirms two, waitlists the third with a position, and promotes them when a seat frees', async () => {
    const id = await publishedEvent(t, organiser, { capacity: 2 });
    const [a, b, c] = await staffAt(t, t.fixtures.libraryA.id, 3);
    const ra = await a!.client.post(`/api/v1/learning/events/${id}/registrations`, {
      accommodation: 'Captions',
    });
    expect(ra.statusCode, ra.body).toBe(201);
    expect(ra.json()).toMatchObject({ status: 'confirmed', waitlistPosition: null, priceCategory: 'free' });
    expect((await b!.client.post(`/api/v1/learning/events/${id}/registrations`, {})).json().status).toBe(
      'confirmed',
    );
    const rc = await c!.client.post(`/api/v1/learning/events/${id}/registrations`, {});
    expect(rc.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await c!.client.get(`/api/v1/learning/events/${id}`)).json()).toMatchObject({
      seatsLeft: 0,
      waitlistCount: 1,
      joinUrl: null,
      my: { status: 'waitlisted', waitlistPosition: 1 },
    });
    // Registering twice is refused.
    const again = await a!.client.post(`/api/v1/learning/events/${id}/registrations`, {});
    expect(again.json().error.code).toBe('ALREADY_REGISTERED');

    const [confirmation] = await mailsTo(t, a!.user.email);
    expect(confirmation!.subject).toContain('Registration confirmed');
    expect(confirmation!.bodyText).toContain('https://meet.example/accessible-pdfs');
    expect(confirmation!.attachments![0]!.filename).toBe('event.ics');
    const [request] = (await mailsTo(t, 'staff@test.example')).filter(
      (m) => m.template === 'learning.accommodation',
    );
    expect(request!.bodyText).toContain('Captions');
    expect(request!.bodyText).toContain(a!.user.displayName);
    const [waitlisted] = await mailsTo(t, c!.user.email);
    expect(waitlisted!.subject).toContain('#1');
    expect(waitlisted!.bodyText).not.toContain('meet.example');

    // A cancels from the link in the email, without signing in.
    const token = /\/learning\/cancel\/([\w.-]+)/.exec(confirmation!.bodyText)![1]!;
    const info = await anonymous(t.app).get(`/api/v1/learning/cancellations/${token}`);
    expect(info.json()).toMatchObject({ status: 'confirmed' });
    const cancelled = await anonymous(t.app).post('/api/v1/learning/cancellations', { token });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await anonymous(t.app).post('/api/v1/learning/cancellations', { token })).statusCode).toBe(200);
    const tampered = await anonymous(t.app).post('/api/v1/learning/cancellations', { token: `${token}x` });
    expect(tampered.json().error.code).toBe('INVALID_TOKEN');

    expect((await c!.client.get(`/api/v1/learning/events/${id}`)).json()).toMatchObject({
      my: { status: 'confirmed' },
      joinUrl: 'https://meet.example/accessible-pdfs',
    });
    const promoted = await mailsTo(t, c!.user.email);
    expect(promoted.map((m) => m.subject)).toContain(
      'Registration confirmed: Accessible PDFs for library staff',
    );
    expect(promoted.find((m) => m.template === 'learning.confirmed')!.bodyText).toContain('A seat opened up');
    expect(await seatsTaken(id)).toBe(2);
  });

  it('offers a freed seat for N hours; an expired offer goes to the next person', async () => {
    const id = await publishedEvent(t, organiser, { capacity: 1, promotionMode: 'offer', offerHours: 12 });
    const [a, b, c] = await staffAt(t, t.fixtures.libraryB.id, 3);
    for (const p of [a, b, c]) await p!.client.post(`/api/v1/learning/events/${id}/registrations`, {});
    const regA = (await a!.client.get(`/api/v1/learning/events/${id}`)).json().my.id;
    expect((await a!.client.delete(`/api/v1/learning/registrations/${regA}`)).statusCode).toBe(200);
    const offered = (await b!.client.get(`/api/v1/learning/events/${id}`)).json().my;
    expect(offered.status).toBe('offered');
    expect(new Date(offered.offerExpiresAt).getTime() - Date.now()).toBeGreaterThan(11.9 * 3_600_000);
    expect((await mailsTo(t, b!.user.email)).some((m) => m.template === 'learning.offer')).toBe(true);

    // Thirteen hours later the offer has lapsed: C gets it.
    const { registrations } = learningServices(t.ctx);
    expect(await registrations.expireOffers(new Date(Date.now() + 13 * 3_600_000))).toBe(1);
    // C's new offer is still open: running the job again withdraws nothing.
    expect(await registrations.expireOffers()).toBe(0);
    expect((await b!.client.get(`/api/v1/learning/events/${id}`)).json().my).toBeNull();
    const regC = (await c!.client.get(`/api/v1/learning/events/${id}`)).json().my;
    expect(regC.status).toBe('offered');
    const accepted = await c!.client.post(`/api/v1/learning/registrations/${regC.id}/accept`);
    expect(accepted.json().status).toBe('confirmed');
    expect(await seatsTaken(id)).toBe(1);
  });

  it('lets a library admin register a colleague, not someone from another library', async () => {
    const id = await publishedEvent(t, organiser, { capacity: 5 });
    const admin = await clientOf(t, t.fixtures.people.libraryAAdmin.id);
    const ok = await admin.post(`/api/v1/learning/events/${id}/registrations`, {
      userId: t.fixtures.people.libraryAStaff.id,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const other = await admin.post(`/api/v1/learning/events/${id}/registrations`, {
      userId: t.fixtures.people.libraryBStaff.id,
    });
    expect(other.statusCode).toBe(403);
    const staff = await clientOf(t, t.fixtures.people.libraryAStaff.id);
    const byStaff = await staff.post(`/api/v1/learning/events/${id}/registrations`, {
      userId: t.fixtures.people.libraryAAdmin.id,
    });
    expect(byStaff.statusCode).toBe(403);
  });

  it('enforces seat caps per institution and prices members, early birds and non-members', async () => {
    const id = await publishedEvent(t, organiser, {
      capacity: 10,
      seatCapPerInstitution: 1,
      visibility: 'public',
      memberPriceCents: 4000,
      nonmemberPriceCents: 7500,
      earlyBirdPriceCents: 3000,
      earlyBirdUntil: eventBody().registrationClosesAt,
    });
    const [a, b] = await staffAt(t, t.fixtures.libraryA.id, 2);
    const first = await a!.client.post(`/api/v1/learning/events/${id}/registrations`, {});
    expect(first.json()).toMatchObject({ priceCategory: 'early_bird', amountCents: 3000 });
    expect(first.json().invoiceReference).toMatch(/^LRN-\d{6}-[0-9A-F]{8}$/);
    const capped = await b!.client.post(`/api/v1/learning/events/${id}/registrations`, {});
    expect(capped.json().error.code).toBe('SEAT_CAP_REACHED');
    const partner = await clientOf(t, t.fixtures.people.partnerStaff.id);
    const p = await partner.post(`/api/v1/learning/events/${id}/registrations`, {});
    expect(p.json()).toMatchObject({ priceCategory: 'nonmember', amountCents: 7500 });
  });
});

describe('reminders', () => {
  it('go to confirmed people once per session, never to the waitlist', async () => {
    const id = await publishedEvent(t, organiser, { capacity: 1, reminderHoursBefore: 240 + 12 });
    const [a, b] = await staffAt(t, t.fixtures.libraryA.id, 2);
    for (const p of [a, b]) await p!.client.post(`/api/v1/learning/events/${id}/registrations`, {});
    const { registrations } = learningServices(t.ctx);
    const first = await registrations.sendReminders();
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await registrations.sendReminders()).toBe(0);
    const toA = (await mailsTo(t, a!.user.email)).filter((m) => m.template === 'learning.reminder');
    expect(toA).toHaveLength(1);
    expect(toA[0]!.bodyText).toContain('Bring a PDF you made recently.');
    expect(toA[0]!.attachments?.[0]?.contentType).toContain('text/calendar');
    expect((await mailsTo(t, b!.user.email)).filter((m) => m.template === 'learning.reminder')).toEqual([]);
    // Saving the event form again (same sessions, new wording) sends nothing twice.
    const { version, sessions } = (await organiser.get(`/api/v1/learning/events/${id}`)).json();
    const same = sessions.map((s: { localStart: string; localEnd: string }) => ({
      startsAt: s.localStart,
      endsAt: s.localEnd,
    }));
    const saved = await organiser.patch(
      `/api/v1/libraries/${t.fixtures.consortium.id}/learning/events/${id}`,
      {
        sessions: same,
        reminderEn: 'New wording',
        version,
      },
    );
    expect(saved.json().sessions.map((s: { id: string }) => s.id)).toEqual(
      sessions.map((s: { id: string }) => s.id),
    );
    expect(await registrations.sendReminders()).toBe(0);
  });
});

describe('under concurrency', () => {
  it('never over-books the last seats when many register at once', async () => {
    const id = await publishedEvent(t, organiser, { capacity: 5 });
    const people = await staffAt(t, t.fixtures.libraryB.id, 24, 'race');
    const responses = await Promise.all(
      people.map((p) => p.client.post(`/api/v1/learning/events/${id}/registrations`, {})),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(people.map(() => 201));
    const statuses = responses.map((r) => r.json().status as string);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(19);
    const positions = responses.map((r) => r.json().waitlistPosition).filter((p) => p !== null);
    expect(new Set(positions).size).toBe(19);
    const rows = await t.ctx.db
      .select()
      .from(learningRegistrations)
      .where(eq(learningRegistrations.eventId, id));
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(5);
    expect(await seatsTaken(id)).toBe(5);
  });
});

describe('emails in Spanish', () => {
  it('follow the registrant’s language, with the Spanish title and the .ics in Spanish', async () => {
    const id = await publishedEvent(t, organiser, { capacity: 1 });
    const [a, b] = await staffAt(t, t.fixtures.libraryB.id, 2, 'es');
    for (const p of [a, b])
      await t.ctx.db.update(users).set({ locale: 'es' }).where(eq(users.id, p!.user.id));
    for (const p of [a, b]) await p!.client.post(`/api/v1/learning/events/${id}/registrations`, {});
    const [confirmed] = await mailsTo(t, a!.user.email);
    expect(confirmed!.subject).toBe('Inscripción confirmada: PDF accesibles para el personal de bibliotecas');
    expect(confirmed!.bodyHtml).toContain('lang="es"');
    const ics = Buffer.from(confirmed!.attachments![0]!.contentBase64, 'base64').toString('utf8');
    expect(ics).toContain('SUMMARY:PDF accesibles para el personal de bibliotecas');
    const [waitlisted] = await mailsTo(t, b!.user.email);
    expect(waitlisted!.subject).toBe(
      'En lista de espera (n.º 1): PDF accesibles para el personal de bibliotecas',
    );
  });
});
