import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, createTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { SessionStore } from '../../modules/accounts/sessions.ts';
import type { Access } from '../auth/policy.ts';

/**
 * Every registered API route × every role × own/other library. The expectations below are written out
 * independently of the policy code; a route added later is covered automatically, and a route with an
 * access level this table does not know fails the test until someone states what it should be.
 */
type Caller =
  'anonymous' | 'consortiumAdmin' | 'consortiumStaff' | 'libraryAdmin' | 'libraryStaff' | 'partnerStaff';
type Scope = 'own' | 'other';
const callers: Caller[] = [
  'anonymous',
  'consortiumAdmin',
  'consortiumStaff',
  'libraryAdmin',
  'libraryStaff',
  'partnerStaff',
];

/** Library A's staff member holds only the "sharing" capability (see test/fixtures.ts). */
function expected(access: Access, caller: Caller, scope: Scope): 'allow' | 'deny' {
  const signedIn = caller !== 'anonymous';
  const consortium = caller === 'consortiumAdmin' || caller === 'consortiumStaff';
  switch (access.level) {
    case 'public':
      return 'allow';
    case 'signedIn':
      return signedIn ? 'allow' : 'deny';
    case 'member':
      return signedIn && caller !== 'partnerStaff' ? 'allow' : 'deny';
    case 'consortiumStaff':
      return consortium ? 'allow' : 'deny';
    case 'consortiumAdmin':
      return caller === 'consortiumAdmin' ? 'allow' : 'deny';
    case 'admin':
      return caller === 'consortiumAdmin' || caller === 'libraryAdmin' ? 'allow' : 'deny';
    case 'ownLibrary': {
      if (consortium) return 'allow';
      if (scope === 'other' || caller === 'anonymous' || caller === 'partnerStaff') return 'deny';
      if (caller === 'libraryAdmin') return 'allow';
      if (access.admin) return 'deny';
      if (access.capability && access.capability !== 'sharing') return 'deny';
      return 'allow';
    }
    default:
      throw new Error(
        `The matrix does not know access level ${JSON.stringify(access)}: add its expectations.`,
      );
  }
}

const DENIED_CODES = new Set(['AUTH_REQUIRED', 'FORBIDDEN', 'OTHER_LIBRARY']);

let t: TestApp;
const clients = new Map<Caller, Client>();

beforeAll(async () => {
  t = await createTestApp();
  const store = new SessionStore(t.ctx.db, t.ctx.secretKey, 1);
  const people = {
    consortiumAdmin: t.fixtures.people.consortiumAdmin,
    consortiumStaff: t.fixtures.people.consortiumStaff,
    libraryAdmin: t.fixtures.people.libraryAAdmin,
    libraryStaff: t.fixtures.people.libraryAStaff,
    partnerStaff: t.fixtures.people.partnerStaff,
  };
  clients.set('anonymous', clientFor(t.app, null, null));
  for (const [caller, person] of Object.entries(people)) {
    const session = await store.create(t.ctx.db, person.id, {});
    clients.set(caller as Caller, clientFor(t.app, `amigos_session=${session.token}`, session.csrfToken));
  }
});
afterAll(async () => {
  await t?.close();
});

function fillParams(url: string, scope: Scope) {
  const library = scope === 'own' ? t.fixtures.libraryA.id : t.fixtures.libraryB.id;
  return url.replace(/:(\w+)/g, (_match, name: string) => {
    if (name === 'libraryId' || name === 'organizationId') return library;
    if (name === 'token' || name === 'invitationId') return crypto.randomBytes(16).toString('base64url');
    return crypto.randomUUID();
  });
}

describe('authorization matrix', () => {
  it('covers the registered routes', () => {
    expect(t.app.routeCatalogue.length).toBeGreaterThan(10);
  });

  it('allows and refuses every route exactly as declared, for every role and library', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of t.app.routeCatalogue) {
      // Signing out would end the shared test sessions; its rule is checked without following through.
      const destructive = route.url.endsWith('/auth/logout');
      for (const caller of callers) {
        for (const scope of ['own', 'other'] as Scope[]) {
          if (scope === 'other' && !route.url.includes(':')) continue;
          const want = expected(route.access, caller, scope);
          if (destructive && want === 'allow') continue;
          const client = clients.get(caller)!;
          const url = fillParams(route.url, scope);
          const response = await client.request({
            method: route.method as 'GET',
            url,
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
          });
          checked += 1;
          expect(response.statusCode, `${route.method} ${url} as ${caller}`).toBeLessThan(500);
          const code = response.statusCode >= 400 ? (response.json().error?.code as string) : 'OK';
          const got = DENIED_CODES.has(code) ? 'deny' : 'allow';
          if (got !== want)
            failures.push(
              `${route.method} ${route.url} as ${caller} (${scope}): expected ${want}, got ${response.statusCode} ${code}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });
});
