import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { anonymous, createTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts';
import { FIXTURE_PASSWORD, insertOrganization, insertUser } from '../../test/fixtures.ts';
import { auditLog } from '../../platform/tables.ts';
import { sessions } from '../accounts/tables.ts';
import { users } from './tables.ts';
import type { Person } from '../../../shared/contracts/members.ts';

/** People of a library: roster, roles and capabilities, the last-admin rule, disabling, the dashboard. */
let t: TestApp;
let directorA: Client;
let pathA: string;
beforeAll(async () => {
  t = await createTestApp();
  directorA = await signIn(t.app, 'director@a.example');
  pathA = `/api/v1/libraries/${t.fixtures.libraryA.id}`;
});
afterAll(async () => {
  await t?.close();
});

const auditRows = (action: string) => t.ctx.db.select().from(auditLog).where(eq(auditLog.action, action));
const versionOf = async (userId: string) =>
  (await t.ctx.db.select({ v: users.version }).from(users).where(eq(users.id, userId)))[0]!.v;

describe('library roster', () => {
  it('is visible to own staff and consortium staff only', async () => {
    const staff = await signIn(t.app, 'ill@a.example');
    const r = await staff.get(`${pathA}/people`);
    expect(r.statusCode, r.body).toBe(200);
    const people = r.json().items as Person[];
    expect(people.map((p) => p.email).sort()).toEqual(['director@a.example', 'ill@a.example']);
    expect(people.find((p) => p.email === 'ill@a.example')).toMatchObject({
      role: 'library_staff',
      capabilities: ['sharing'],
      status: 'active',
    });
    expect((await (await signIn(t.app, 'admin@test.example')).get(`${pathA}/people`)).statusCode).toBe(200);
    const other = await (await signIn(t.app, 'director@b.example')).get(`${pathA}/people`);
    expect(other.json().error.code).toBe('OTHER_LIBRARY');
    const partner = await (await signIn(t.app, 'partner@partner.example')).get(`${pathA}/people`);
    expect(partner.statusCode).toBe(403);
  });
});

describe('changing roles and capabilities', () => {
  it('lets a library admin change a colleague’s capabilities, audited', async () => {
    const staffId = t.fixtures.people.libraryAStaff.id;
    const r = await directorA.patch(`${pathA}/people/${staffId}`, {
      version: await versionOf(staffId),
      capabilities: ['sharing', 'catalog', 'sharing'],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ capabilities: ['catalog', 'sharing'] });
    expect(r.json().version).toBe(await versionOf(staffId));
    const [entry] = await auditRows('people.role_changed');
    expect(entry).toMatchObject({ targetId: staffId, actorUserId: t.fixtures.people.libraryAAdmin.id });
    expect(entry!.details).toMatchObject({
      to: { role: 'library_staff', capabilities: ['catalog', 'sharing'] },
    });
  });

  it('answers 409 VERSION_CONFLICT for a stale version', async () => {
    const staffId = t.fixtures.people.libraryAStaff.id;
    const r = await directorA.patch(`${pathA}/people/${staffId}`, {
      version: (await versionOf(staffId)) - 1,
      capabilities: [],
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('only hands out roles that exist at a library, and not other libraries’ people', async () => {
    const staffId = t.fixtures.people.libraryAStaff.id;
    const version = await versionOf(staffId);
    for (const role of ['consortium_admin', 'consortium_staff', 'partner_staff']) {
      const r = await directorA.patch(`${pathA}/people/${staffId}`, { version, role });
      expect(r.statusCode, role).toBe(400);
    }
    const elsewhere = await directorA.patch(`${pathA}/people/${t.fixtures.people.libraryBStaff.id}`, {
      version: 1,
      role: 'library_admin',
    });
    expect(elsewhere.statusCode).toBe(404);
    const staff = await signIn(t.app, 'ill@a.example');
    const self = await staff.patch(`${pathA}/people/${staffId}`, { version, role: 'library_admin' });
    expect(self.json().error.code).toBe('FORBIDDEN');
  });

  it('keeps consortium roles in the hands of consortium admins', async () => {
    const consortiumPath = `/api/v1/libraries/${t.fixtures.consortium.id}/people`;
    const target = t.fixtures.people.consortiumStaff.id;
    const staff = await signIn(t.app, 'staff@test.example');
    const refused = await staff.patch(`${consortiumPath}/${target}`, {
      version: await versionOf(target),
      role: 'consortium_admin',
    });
    expect(refused.json().error.code).toBe('FORBIDDEN');
    const admin = await signIn(t.app, 'admin@test.example');
    const self = t.fixtures.people.consortiumAdmin.id;
    const last = await admin.patch(`${consortiumPath}/${self}`, {
      version: await versionOf(self),
      role: 'consortium_staff',
    });
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('CONFLICT');
  });
});

describe('the last active administrator', () => {
  it('cannot demote or disable themselves; once a colleague is admin they can', async () => {
    const self = t.fixtures.people.libraryAAdmin.id;
    for (const change of [{ role: 'library_staff' }, { status: 'disabled' }]) {
      const r = await directorA.patch(`${pathA}/people/${self}`, {
        version: await versionOf(self),
        ...change,
      });
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('CONFLICT');
      expect(r.json().error.message).toMatch(/last active administrator/);
    }
    const colleague = t.fixtures.people.libraryAStaff.id;
    const promoted = await directorA.patch(`${pathA}/people/${colleague}`, {
      version: await versionOf(colleague),
      role: 'library_admin',
    });
    expect(promoted.json()).toMatchObject({ role: 'library_admin', capabilities: [] });
    const stepDown = await directorA.patch(`${pathA}/people/${self}`, {
      version: await versionOf(self),
      role: 'library_staff',
      capabilities: ['data'],
    });
    expect(stepDown.statusCode, stepDown.body).toBe(200);
    expect(stepDown.json()).toMatchObject({ role: 'library_staff', capabilities: ['data'] });
  });

  it('survives two admins demoting each other at the same moment', async () => {
    const library = await insertOrganization(t.ctx.db, {
      kind: 'library',
      name: 'Duo Library',
      symbol: 'TXDUO',
    });
    const one = await insertUser(t.ctx.db, {
      email: 'one@duo.example',
      organizationId: library.id,
      role: 'library_admin',
    });
    const two = await insertUser(t.ctx.db, {
      email: 'two@duo.example',
      organizationId: library.id,
      role: 'library_admin',
    });
    const [clientOne, clientTwo] = [
      await signIn(t.app, 'one@duo.example'),
      await signIn(t.app, 'two@duo.example'),
    ];
    const path = `/api/v1/libraries/${library.id}/people`;
    const results = await Promise.all([
      clientOne.patch(`${path}/${two.id}`, { version: await versionOf(two.id), role: 'library_staff' }),
      clientTwo.patch(`${path}/${one.id}`, { version: await versionOf(one.id), role: 'library_staff' }),
    ]);
    const statuses = results.map((r) => r.statusCode).sort();
    // One wins; the other is refused (last admin, or its caller is no longer an admin).
    expect(statuses[0]).toBe(200);
    expect(statuses[1]).toBeGreaterThanOrEqual(400);
    const admins = await t.ctx.db.select().from(users).where(eq(users.organizationId, library.id));
    expect(admins.filter((u) => u.role === 'library_admin')).toHaveLength(1);
  });

  it('can be disabled by consortium staff (e.g. a director who left)', async () => {
    const library = await insertOrganization(t.ctx.db, {
      kind: 'library',
      name: 'Solo Library',
      symbol: 'TXSOL',
    });
    const solo = await insertUser(t.ctx.db, {
      email: 'director@solo.example',
      organizationId: library.id,
      role: 'library_admin',
    });
    const consortium = await signIn(t.app, 'staff@test.example');
    const r = await consortium.patch(`/api/v1/libraries/${library.id}/people/${solo.id}`, {
      version: 1,
      status: 'disabled',
    });
    expect(r.statusCode, r.body).toBe(200);
  });
});

describe('disabling a person', () => {
  it('ends their sessions at once and blocks sign-in until re-enabled', async () => {
    const person = t.fixtures.people.libraryBStaff;
    const victim = await signIn(t.app, 'cataloger@b.example');
    await signIn(t.app, 'cataloger@b.example'); // a second session, e.g. another browser
    expect((await victim.get('/api/v1/me')).statusCode).toBe(200);

    const admin = await signIn(t.app, 'director@b.example');
    const path = `/api/v1/libraries/${t.fixtures.libraryB.id}/people/${person.id}`;
    const r = await admin.patch(path, { version: await versionOf(person.id), status: 'disabled' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('disabled');
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, person.id))).toEqual([]);
    expect((await victim.get('/api/v1/me')).json().error.code).toBe('AUTH_REQUIRED');
    const login = await anonymous(t.app).post('/api/v1/auth/login', {
      email: 'cataloger@b.example',
      password: FIXTURE_PASSWORD,
    });
    expect(login.json().error.code).toBe('ACCOUNT_DISABLED');
    const disabled = (await auditRows('people.disabled')).filter((e) => e.targetId === person.id);
    expect(disabled).toHaveLength(1);

    const back = await admin.patch(path, { version: await versionOf(person.id), status: 'active' });
    expect(back.json().status).toBe('active');
    expect((await auditRows('people.enabled')).filter((e) => e.targetId === person.id)).toHaveLength(1);
    expect((await signIn(t.app, 'cataloger@b.example')).cookie).toBeTruthy();
  });
});

describe('dashboard', () => {
  it('summarises my organisation; members by status only for consortium staff', async () => {
    // Library B: A's director stepped down in an earlier test.
    const director = await signIn(t.app, 'director@b.example');
    const pathB = `/api/v1/libraries/${t.fixtures.libraryB.id}`;
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await director.post(`${pathB}/closures`, { startsOn: soon, endsOn: soon, reason: 'Staff day' });
    const invited = await director.post(`${pathB}/invitations`, {
      email: 'new@b.example',
      role: 'library_staff',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const mine = await director.get('/api/v1/dashboard');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({
      organization: { id: t.fixtures.libraryB.id, kind: 'library', status: 'active' },
      colleagues: 1,
      pendingInvitations: 1,
      membersByStatus: null,
      upcomingClosures: [{ startsOn: soon, reason: 'Staff day' }],
    });
    const office = (await (await signIn(t.app, 'admin@test.example')).get('/api/v1/dashboard')).json();
    expect(office.membersByStatus).toEqual({ applicant: 0, active: 4, grace: 0, lapsed: 0 }); // A, B, Duo, Solo
    expect(office.colleagues).toBe(1);
    const partner = await (await signIn(t.app, 'partner@partner.example')).get('/api/v1/dashboard');
    expect(partner.json()).toMatchObject({ organization: { kind: 'partner' }, membersByStatus: null });
    expect((await anonymous(t.app).get('/api/v1/dashboard')).statusCode).toBe(401);
  });
});
