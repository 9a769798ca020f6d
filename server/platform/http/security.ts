import type { FastifyInstance } from 'fastify';
import { authorize, type Access } from '../auth/policy.ts';
import { constantTimeEqual } from '../auth/secrets.ts';
import { AppError } from '../errors.ts';
import { CSRF_HEADER, SESSION_COOKIE, type ActiveSession } from './request-context.ts';

/** Every API route with its declared access, for the authorization matrix test and the docs. */
export type RouteCatalogue = { method: string; url: string; access: Access }[];

export type SessionLookup = (token: string) => Promise<ActiveSession | null>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes that every role may reach without an access rule: docs and probes. */
const isUndeclaredAllowed = (url: string) =>
  !url.startsWith('/api/') || url.startsWith('/api/docs') || url === '/api/health' || url === '/api/ready';

/**
 * Security for every request, in this order: who is calling (session cookie), whether a cross-site or
 * token-less write is being attempted (CSRF), and whether the route's declared access admits the caller.
 * It runs in onRequest, before the body is even parsed, so refused callers learn nothing about validation.
 */
export function registerSecurity(app: FastifyInstance, lookupSession: SessionLookup): RouteCatalogue {
  const catalogue: RouteCatalogue = [];
  app.decorateRequest('session', null);
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (isUndeclaredAllowed(route.url) || route.method === 'HEAD') return;
    const access = route.config?.access;
    if (!access) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access).`);
    }
    for (const method of [route.method].flat())
      catalogue.push({ method: String(method), url: route.url, access });
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await lookupSession(token);
      request.session = session;
      request.principal = session?.principal ?? null;
    }

    if (!SAFE_METHODS.has(request.method)) {
      // Browsers tell us when a write comes from another site; refuse it whatever the credentials.
      if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('CSRF_FAILED');
      if (request.session) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !constantTimeEqual(sent, request.session.csrfToken)) {
          throw new AppError('CSRF_FAILED');
        }
      }
    }

    const access = request.routeOptions.config?.access;
    if (access) authorize(access, request.principal, (request.params ?? {}) as Record<string, unknown>);
  });
  return catalogue;
}
