import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { anonymous, createTestApp, signIn, type TestApp } from '../../test/harness.ts';
import { FIXTURE_PASSWORD } from '../../test/fixtures.ts';
import { auditLog, mailOutbox } from '../../platform/tables.ts';
import { sessions } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const linkFrom = (text: string, path: string) => {
  const match = text.match(new RegExp(`https?://[^\\s]+${path}\\?token=([^\\s]+)`));
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return decodeURIComponent(match[1]!);
};

async function lastMailTo(email: string) {
  const rows = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
}

describe('sign-in and sessions', () => {
  it('signs in, reports the session, and signs out', async () => {
    const client = await signIn(t.app, 'director@a.example');
    const session = await client.get('/api/v1/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().user).toMatchObject({ email: 'director@a.example', role: 'library_admin' });
    expect(session.json().user.organization.name).toBe('Alamo Heights Public Library');

    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/v1/me')).json().error.code).toBe('AUTH_REQUIRED');
  });

  it('refuses a wrong password with one message whether or not the account exists', async () => {
    const wrong = await anonymous(t.app).post('/api/v1/auth/login', {
      email: 'director@a.example',
      password: 'nope',
    });
    const unknown = await anonymous(t.app).post('/api/v1/auth/login', {
      email: 'ghost@a.example',
      password: 'nope',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('accepts the email in any letter case', async () => {
    const ok = await anonymous(t.app).post('/api/v1/auth/login', {
      email: 'Director@A.example',
      password: FIXTURE_PASSWORD,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('throttles repeated failures for one email and says when to retry', async () => {
    const email = 'cataloger@b.example';
    for (let i = 0; i < t.ctx.env.loginMaxFailures; i += 1) {
      const r = await anonymous(t.app).post('/api/v1/auth/login', { email, password: `wrong-${i}` });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await anonymous(t.app).post('/api/v1/auth/login', { email, password: FIXTURE_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const audited = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_throttled'));
    expect(audited.length).toBeGreaterThan(0);
  });

  it('keeps only a keyed hash of the session id in the database', async () => {
    const response = await anonymous(t.app).post('/api/v1/auth/login', {
      email: 'staff@test.example',
      password: FIXTURE_PASSWORD,
    });
    const token = response.cookies.find((c) => c.name === 'amigos_session')!;
    expect(token.httpOnly).toBe(true);
    expect(token.sameSite).toBe('Lax');
    const rows = await t.ctx.db.select().from(sessions);
    expect(rows.some((r) => r.idHash === token.value)).toBe(false);
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the token', async () => {
    const client = await signIn(t.app, 'director@a.example');
    const noToken = await client.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { jobTitle: 'x' },
      headers: { 'x-csrf-token': '' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_FAILED');
    const withToken = await client.patch('/api/v1/me', { jobTitle: 'Library Director' });
    expect(withToken.statusCode).toBe(200);
  });

  it('refuses a cross-site write even before sign-in', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { email: 'director@a.example', password: FIXTURE_PASSWORD },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('CSRF_FAILED');
  });
});

describe('password reset by email', () => {
  it('emails a single-use link that sets a new password and ends old sessions', async () => {
    const old = await signIn(t.app, 'director@b.example');
    const request = await anonymous(t.app).post('/api/v1/auth/password-reset', {
      email: 'director@b.example',
      locale: 'es',
    });
    expect(request.statusCode).toBe(202);
    const mail = await lastMailTo('director@b.example');
    expect(mail.template).toBe('password_reset');
    expect(mail.subject).toMatch(/contraseña/);
    expect(mail.bodyHtml).toContain('lang="es"');
    const token = linkFrom(mail.bodyText, '/reset-password');

    const done = await anonymous(t.app).post('/api/v1/auth/password-reset/complete', {
      token,
      password: 'a brand new passphrase',
    });
    expect(done.statusCode).toBe(200);
    expect((await old.get('/api/v1/me')).statusCode).toBe(401);
    await signIn(t.app, 'director@b.example', 'a brand new passphrase');

    const again = await anonymous(t.app).post('/api/v1/auth/password-reset/complete', {
      token,
      password: 'another passphrase!',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('INVALID_TOKEN');
  });

  it('answers the same for an unknown email and sends nothing', async () => {
    const r = await anonymous(t.app).post('/api/v1/auth/password-reset', { email: 'nobody@nowhere.example' });
    expect(r.statusCode).toBe(202);
    const rows = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'nobody@nowhere.example'));
    expect(rows).toHaveLength(0);
  });

  it('rejects a short new password with a field message', async () => {
    const r = await anonymous(t.app).post('/api/v1/auth/password-reset/complete', {
      token: 'x'.repeat(20),
      password: 'short',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].path).toBe('body.password');
  });
});

describe('invitations', () => {
  it('lets a library admin invite a colleague who then signs in with the granted role', async () => {
    const admin = await signIn(t.app, 'director@a.example');
    const invited = await admin.post(`/api/v1/libraries/${t.fixtures.libraryA.id}/invitations`, {
      email: 'New.Colleague@a.example',
      role: 'library_staff',
      capabilities: ['catalog'],
      locale: 'en',
    });
    expect(invited.statusCode).toBe(201);
    const list = await admin.get(`/api/v1/libraries/${t.fixtures.libraryA.id}/invitations`);
    expect(list.json().items.map((i: { email: string }) => i.email)).toContain('new.colleague@a.example');

    const mail = await lastMailTo('new.colleague@a.example');
    expect(mail.subject).toContain('Alamo Heights Public Library');
    const token = linkFrom(mail.bodyText, '/accept-invitation');
    const preview = await anonymous(t.app).get(`/api/v1/auth/invitations/${encodeURIComponent(token)}`);
    expect(preview.json()).toMatchObject({ email: 'new.colleague@a.example', role: 'library_staff' });

    const accepted = await anonymous(t.app).post('/api/v1/auth/invitations/accept', {
      token,
      displayName: 'Cataloging Staff — Alamo Heights',
      password: 'a long enough password',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ role: 'library_staff', capabilities: ['catalog'] });
    const reuse = await anonymous(t.app).post('/api/v1/auth/invitations/accept', {
      token,
      displayName: 'x',
      password: 'a long enough password',
    });
    expect(reuse.json().error.code).toBe('INVALID_TOKEN');
  });

  it('refuses to invite into another library, or by a staff member who is not an admin', async () => {
    const adminA = await signIn(t.app, 'director@a.example');
    const other = await adminA.post(`/api/v1/libraries/${t.fixtures.libraryB.id}/invitations`, {
      email: 'x@b.example',
      role: 'library_staff',
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OTHER_LIBRARY');
    const staff = await signIn(t.app, 'ill@a.example');
    const notAdmin = await staff.post(`/api/v1/libraries/${t.fixtures.libraryA.id}/invitations`, {
      email: 'y@a.example',
      role: 'library_staff',
    });
    expect(notAdmin.statusCode).toBe(403);
  });

  it('refuses a role that does not exist at a library, and an email already in use', async () => {
    const admin = await signIn(t.app, 'director@a.example');
    const wrongRole = await admin.post(`/api/v1/libraries/${t.fixtures.libraryA.id}/invitations`, {
      email: 'z@a.example',
      role: 'consortium_admin',
    });
    expect(wrongRole.statusCode).toBe(400);
    const taken = await admin.post(`/api/v1/libraries/${t.fixtures.libraryA.id}/invitations`, {
      email: 'ill@a.example',
      role: 'library_staff',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('EMAIL_TAKEN');
  });
});

describe('settings, audit log and mailbox', () => {
  it('remembers language and notification preferences', async () => {
    const client = await signIn(t.app, 'ill@a.example');
    const r = await client.patch('/api/v1/me', {
      locale: 'es',
      notificationPreferences: {
        emailDigest: 'daily',
        sharingEmails: true,
        learningEmails: false,
        communityEmails: true,
      },
    });
    expect(r.statusCode).toBe(200);
    const me = await client.get('/api/v1/me');
    expect(me.json()).toMatchObject({ locale: 'es', notificationPreferences: { emailDigest: 'daily' } });
  });

  it('changes a password only with the current one', async () => {
    const client = await signIn(t.app, 'staff@test.example');
    const bad = await client.post('/api/v1/me/password', {
      currentPassword: 'wrong',
      newPassword: 'a fresh long password',
    });
    expect(bad.statusCode).toBe(401);
    const good = await client.post('/api/v1/me/password', {
      currentPassword: FIXTURE_PASSWORD,
      newPassword: 'a fresh long password',
    });
    expect(good.statusCode).toBe(200);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200); // this session survives
  });

  it('shows consortium admins every audit entry and library admins only their own library', async () => {
    const consortium = await signIn(t.app, 'admin@test.example');
    const all = await consortium.get('/api/v1/admin/audit?pageSize=100');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBeGreaterThan(0);

    const libraryAdmin = await signIn(t.app, 'director@a.example');
    const own = await libraryAdmin.get('/api/v1/admin/audit?pageSize=100');
    const orgs = new Set(own.json().items.map((i: { organizationId: string }) => i.organizationId));
    expect([...orgs]).toEqual([t.fixtures.libraryA.id]);
    const other = await libraryAdmin.get(`/api/v1/admin/audit?organizationId=${t.fixtures.libraryB.id}`);
    expect(other.json().error.code).toBe('OTHER_LIBRARY');
  });

  it('shows captured mail in the dev mailbox when no SMTP server is configured', async () => {
    const r = await anonymous(t.app).get('/api/v1/dev/mailbox');
    expect(r.statusCode).toBe(200);
    expect(r.json().enabled).toBe(true);
    expect(r.json().items.length).toBeGreaterThan(0);
  });
});
