import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts';

/** Bad input of every kind gets a 4xx with a stable code and a clear message — never a 500 or a stack. */
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, 'director@a.example');
});
afterAll(async () => {
  await t?.close();
});

const expectError = (
  response: { statusCode: number; body: string; json: () => { error: { code: string; message: string } } },
  status: number,
  code: string,
) => {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json();
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(response.body).not.toMatch(/at .+\.(ts|js):\d+/); // no stack traces
};

describe('bad input', () => {
  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.example", "password": ',
    });
    expectError(r, 400, 'MALFORMED_JSON');
  });

  it('an empty JSON body → 400', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(r.statusCode).toBe(400);
  });

  it('wrong types → 400 VALIDATION_FAILED naming the field', async () => {
    const r = await anonymous(t.app).post('/api/v1/auth/login', { email: 42, password: ['x'] });
    expectError(r, 400, 'VALIDATION_FAILED');
    const paths = r.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it('a date that does not exist → 400, not a database error', async () => {
    const session = (await admin.get('/api/v1/auth/session')).json() as {
      user: { organization: { id: string } };
    };
    const lib = session.user.organization.id;
    for (const url of [
      `/api/v1/sharing/libraries/${lib}/requests?side=borrowing&createdFrom=2026-02-31`,
      `/api/v1/sharing/libraries/${lib}/requests?side=borrowing&needBeforeTo=2026-13-45`,
      `/api/v1/sharing/analytics?libraryId=${lib}&from=0000-01-01&to=2026-01-01`,
    ])
      expectError(await admin.get(url), 400, 'VALIDATION_FAILED');
    const patron = await anonymous(t.app).post('/api/v1/public/sharing/ANY/patron-requests', {
      serviceType: 'loan',
      citation: { title: 'A title' },
      needBefore: '2026-02-30',
      name: 'Reader',
      cardNumber: '21000000000000',
      email: 'reader@patrons.example',
      locale: 'en',
    });
    expectError(patron, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(patron.json().error.details)).toContain('needBefore');
  });

  it('unknown fields → 400 naming them', async () => {
    const r = await admin.patch('/api/v1/me', { displayName: 'Director', isAdmin: true });
    expectError(r, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(r.json().error.details)).toContain('isAdmin');
  });

  it('an oversized body → 413 BODY_TOO_LARGE', async () => {
    const r = await admin.patch('/api/v1/me', { jobTitle: 'x'.repeat(2 * 1024 * 1024) });
    expectError(r, 413, 'BODY_TOO_LARGE');
  });

  it('an unsupported content type → 415', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expectError(r, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('a bad id in the path → 400, an unknown one → 404', async () => {
    const bad = await admin.get('/api/v1/libraries/not-a-uuid/invitations');
    // Library admins are refused other libraries before the id is even read.
    expect([400, 403]).toContain(bad.statusCode);
    const consortium = await signIn(t.app, 'admin@test.example');
    expectError(await consortium.get('/api/v1/libraries/not-a-uuid/invitations'), 400, 'VALIDATION_FAILED');
    const unknown = await consortium.post(`/api/v1/libraries/${crypto.randomUUID()}/invitations`, {
      email: 'q@x.example',
      role: 'library_staff',
    });
    expectError(unknown, 404, 'NOT_FOUND');
  });

  it('bad paging values → 400', async () => {
    const consortium = await signIn(t.app, 'admin@test.example');
    expectError(await consortium.get('/api/v1/admin/audit?page=0'), 400, 'VALIDATION_FAILED');
    expectError(await consortium.get('/api/v1/admin/audit?pageSize=100000'), 400, 'VALIDATION_FAILED');
    expectError(await consortium.get('/api/v1/admin/audit?page=abc'), 400, 'VALIDATION_FAILED');
  });

  it('an unknown API path → 404 ROUTE_NOT_FOUND; a wrong method → 404 or 405', async () => {
    expectError(await anonymous(t.app).get('/api/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    const r = await anonymous(t.app).request({ method: 'PUT', url: '/api/v1/auth/session', payload: {} });
    expect([404, 405]).toContain(r.statusCode);
  });

  it('a garbage session cookie is treated as signed out', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: 'amigos_session=%%%garbage' + 'x'.repeat(500) },
    });
    expectError(r, 401, 'AUTH_REQUIRED');
  });
});

describe('security headers and API description', () => {
  it('sends the security headers', async () => {
    const r = await anonymous(t.app).get('/api/v1/auth/session');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it('publishes OpenAPI 3.1 covering every route', async () => {
    const r = await anonymous(t.app).get('/api/docs/json');
    expect(r.statusCode).toBe(200);
    const doc = r.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\.1/);
    for (const route of t.app.routeCatalogue) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
  });

  it('answers health and readiness', async () => {
    expect((await anonymous(t.app).get('/api/health')).json()).toEqual({ status: 'ok' });
    expect((await anonymous(t.app).get('/api/ready')).json().status).toBe('ready');
  });
});
