import type { Access } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';

export type ActiveSession = { idHash: string; csrfToken: string; principal: Principal };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route. Mandatory for every /api route (checked when routes are registered). */
    access?: Access;
  }
  interface FastifyRequest {
    session: ActiveSession | null;
    principal: Principal | null;
  }
}

export const SESSION_COOKIE = 'amigos_session';
export const CSRF_HEADER = 'x-csrf-token';
