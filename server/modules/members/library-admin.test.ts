import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { anonymous, createTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts';
import { auditLog } from '../../platform/tables.ts';
import type { LibraryProfile } from '../../../shared/contracts/members.ts';

/** Editing a library: own library vs another, optimistic versions, hours, closures, status, audit. */
let t: TestApp;
let directorA: Client;
let consortium: Client;
let pathA: string;
let pathB: string;
beforeAll(async () => {
  t = await createTestApp();
  directorA = await signIn(t.app, 'director@a.example');
  consortium = await signIn(t.app, 'staff@test.example');
  pathA = `/api/v1/libraries/${t.fixtures.libraryA.id}`;
  pathB = `/api/v1/libraries/${t.fixtures.libraryB.id}`;
});
afterAll(async () => {
  await t?.close();
});

const versionOf = async (path: string) =>
  ((await anonymous(t.app).get(path)).json() as LibraryProfile).version;
const auditRows = (action: string) => t.ctx.db.select().from(auditLog).where(eq(auditLog.action, action));

describe('editing a library profile', () => {
  it('lets a library admin edit their own library, bumping the version and auditing changed fields', async () => {
    const version = await versionOf(pathA);
    const r = await directorA.patch(pathA, {
      version,
      phone: '(214) 555-0142',
      descriptionEn: 'Serving Alamo Heights since 1950.',
      name: 'Alamo Heights Public Library', // unchanged: not named in the audit
      streetAddress: { line1: '200 Oak Street', city: 'Dallas', state: 'TX', postalCode: '75205' },
    });
    expect(r.statusCode, r.body).toBe(200);
    const profile = r.json() as LibraryProfile;
    expect(profile).toMatchObject({ phone: '(214) 555-0142', version: version + 1 });
    expect(profile.streetAddress.line1).toBe('200 Oak Street');
    const [entry] = await auditRows('library.updated');
    expect(entry).toMatchObject({
      organizationId: t.fixtures.libraryA.id,
      actorUserId: t.fixtures.people.libraryAAdmin.id,
      targetId: t.fixtures.libraryA.id,
    });
    expect(entry!.details).toEqual({ fields: ['phone', 'descriptionEn', 'streetAddress'] });
  });

  it('changes nothing (and keeps the version) when nothing differs', async () => {
    const version = await versionOf(pathA);
    const r = await directorA.patch(pathA, { version, phone: '(214) 555-0142' });
    expect(r.json().version).toBe(version);
  });

  it('refuses another library with 403 OTHER_LIBRARY, and staff without admin rights with 403', async () => {
    const other = await directorA.patch(pathB, { version: 1, phone: '1' });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OTHER_LIBRARY');
    const staff = await signIn(t.app, 'ill@a.example');
    const refused = await staff.patch(pathA, { version: 1, phone: '1' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    const anon = await anonymous(t.app).patch(pathA, { version: 1, phone: '1' });
    expect(anon.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('lets consortium staff edit any library, including private fields', async () => {
    const r = await consortium.patch(pathB, {
      version: await versionOf(pathB),
      billingEmail: 'billing@b.example',
      internalNotes: 'Invoice sent.',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().private).toMatchObject({
      billingEmail: 'billing@b.example',
      internalNotes: 'Invoice sent.',
    });
  });

  it('answers 409 VERSION_CONFLICT to an edit based on an old version', async () => {
    const version = await versionOf(pathA);
    expect((await directorA.patch(pathA, { version, courierStop: 'TX-001' })).statusCode).toBe(200);
    const stale = await consortium.patch(pathA, { version, courierStop: 'TX-999' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const shipping = (await directorA.get(pathA)).json().shipping;
    expect(shipping.courierStop).toBe('TX-001');
  });

  it('refuses unknown fields, bad values and non-web links', async () => {
    const version = await versionOf(pathA);
    for (const body of [
      { version, status: 'active' },
      { version, website: 'javascript:alert(1)' },
      { version, streetAddress: { line1: 'x', city: 'Dallas', state: 'TX', postalCode: 'ABCDE' } },
      { phone: '1' },
    ]) {
      const r = await directorA.patch(pathA, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('opening hours and closures', () => {
  it('replaces the weekly hours and bumps the version', async () => {
    const version = await versionOf(pathA);
    const hours = [
      { weekday: 2, opensAt: '13:00', closesAt: '17:00' },
      { weekday: 2, opensAt: '09:00', closesAt: '12:00' },
      { weekday: 6, opensAt: '10:00', closesAt: '14:00' },
    ];
    const r = await directorA.put(`${pathA}/hours`, { version, hours });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().version).toBe(version + 1);
    expect(r.json().hours).toEqual([hours[1], hours[0], hours[2]]);
    expect(await auditRows('library.hours_updated')).toHaveLength(1);

    const stale = await directorA.put(`${pathA}/hours`, { version, hours: [] });
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('refuses overlapping or inverted periods', async () => {
    const version = await versionOf(pathA);
    const overlap = await directorA.put(`${pathA}/hours`, {
      version,
      hours: [
        { weekday: 1, opensAt: '09:00', closesAt: '13:00' },
        { weekday: 1, opensAt: '12:00', closesAt: '17:00' },
      ],
    });
    expect(overlap.statusCode).toBe(400);
    const inverted = await directorA.put(`${pathA}/hours`, {
      version,
      hours: [{ weekday: 1, opensAt: '17:00', closesAt: '09:00' }],
    });
    expect(inverted.statusCode).toBe(400);
  });

  it('adds and removes closures; the profile lists the ones still ahead', async () => {
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const added = await directorA.post(`${pathA}/closures`, {
      startsOn: soon,
      endsOn: soon,
      reason: 'Inventory',
    });
    expect(added.statusCode, added.body).toBe(201);
    const closure = added.json();
    const past = await directorA.post(`${pathA}/closures`, {
      startsOn: '2020-01-01',
      endsOn: '2020-01-02',
      reason: 'Long ago',
    });
    expect(past.statusCode).toBe(201);
    const profile = (await anonymous(t.app).get(pathA)).json() as LibraryProfile;
    expect(profile.closures).toEqual([{ id: closure.id, startsOn: soon, endsOn: soon, reason: 'Inventory' }]);

    const backwards = await directorA.post(`${pathA}/closures`, {
      startsOn: '2030-01-02',
      endsOn: '2030-01-01',
      reason: 'x',
    });
    expect(backwards.statusCode).toBe(400);

    // A closure is only reachable through its own library.
    expect((await consortium.delete(`${pathB}/closures/${closure.id}`)).statusCode).toBe(404);
    expect((await directorA.delete(`${pathA}/closures/${closure.id}`)).statusCode).toBe(200);
    expect((await directorA.delete(`${pathA}/closures/${closure.id}`)).statusCode).toBe(404);
    expect(await auditRows('library.closure_added')).toHaveLength(2);
    expect(await auditRows('library.closure_removed')).toHaveLength(1);
  });
});

describe('membership status', () => {
  it('is changed by consortium staff only, with the reason in the audit log', async () => {
    const version = await versionOf(pathB);
    const refused = await directorA.patch(`${pathB}/status`, { version, status: 'lapsed' });
    expect(refused.statusCode).toBe(403);
    const own = await signIn(t.app, 'director@b.example');
    expect((await own.patch(`${pathB}/status`, { version, status: 'lapsed' })).json().error.code).toBe(
      'FORBIDDEN',
    );

    const r = await consortium.patch(`${pathB}/status`, {
      version,
      status: 'grace',
      reason: 'Invoice overdue',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'grace', version: version + 1 });
    const [entry] = await auditRows('library.status_changed');
    expect(entry!.details).toEqual({ from: 'active', to: 'grace', reason: 'Invoice overdue' });

    const stale = await consortium.patch(`${pathB}/status`, { version, status: 'active' });
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const office = await consortium.patch(`/api/v1/libraries/${t.fixtures.consortium.id}/status`, {
      version: 1,
      status: 'lapsed',
    });
    expect(office.statusCode).toBe(409);
  });
});
