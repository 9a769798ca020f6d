import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { loadEnv } from '../platform/env.ts';
import { createLogger } from '../platform/log.ts';
import { Jobs } from '../platform/jobs.ts';
import { Mailer } from '../platform/mail/mailer.ts';
import { loadSecretKey } from '../platform/auth/secrets.ts';
import type { AppContext } from '../platform/context.ts';
import { modules } from '../app.ts';
import { createTestDatabase } from './databases.ts';
import { createFixtures, FIXTURE_PASSWORD, type Fixtures } from './fixtures.ts';

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  fixtures: Fixtures;
  close: () => Promise<void>;
};

/** A real app on a fresh copy of the migrated database, with the test fixtures loaded. Jobs are not worked. */
export async function createTestApp(envOverrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_MODE: 'off', ...envOverrides });
  const log = createLogger(env.logLevel);
  const jobs = new Jobs(database, log);
  const ctx: AppContext = {
    env,
    database,
    db: database.db,
    jobs,
    log,
    mailer: undefined as never,
    secretKey: await loadSecretKey(database.db, 'test-secret-key-that-is-long-enough-000'),
  };
  ctx.mailer = new Mailer(database.db, jobs, log, { smtpUrl: env.smtpUrl, from: env.mailFrom });
  for (const module of modules) module.jobs?.(ctx);
  const fixtures = await createFixtures(database.db);
  const app = await buildApp(ctx, { serveWeb: false });
  return {
    app,
    ctx,
    fixtures,
    close: async () => {
      await app.close();
      await jobs.stop();
      await database.close();
    },
  };
}

export type Client = {
  cookie: string | null;
  csrfToken: string | null;
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  patch: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  put: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  delete: (url: string) => Promise<LightMyRequestResponse>;
};

/** An HTTP client that behaves like the web app: session cookie plus the CSRF header on writes. */
export function clientFor(app: FastifyInstance, cookie: string | null, csrfToken: string | null): Client {
  const request = (options: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({
      ...options,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrfToken && options.method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        ...(options.headers ?? {}),
      },
    });
  return {
    cookie,
    csrfToken,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) =>
      request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

export const anonymous = (app: FastifyInstance) => clientFor(app, null, null);

export async function signIn(
  app: FastifyInstance,
  email: string,
  password = FIXTURE_PASSWORD,
): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'amigos_session');
  const body = response.json() as { csrfToken: string };
  return clientFor(app, `amigos_session=${cookie!.value}`, body.csrfToken);
}
