import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from './platform/context.ts';
import { AppError } from './platform/errors.ts';
import { registerErrorHandling } from './platform/http/errors.ts';
import { registerSecurity, type RouteCatalogue } from './platform/http/security.ts';
import { registerHealth } from './platform/http/health.ts';
import { accountsModule } from './modules/accounts/index.ts';
import { membersModule } from './modules/members/index.ts';
import { catalogModule } from './modules/catalog/index.ts';
import { learningModule } from './modules/learning/index.ts';
import { sharingModule } from './modules/sharing/index.ts';
import { interopRoutes } from './modules/interop/index.ts';
import { isoRoutes } from './modules/sharing/iso18626/inbound-routes.ts';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

/** The list of domain modules, in one place. Each registers its routes and jobs. */
export const modules = [accountsModule, membersModule, catalogModule, learningModule, sharingModule];

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalogue: RouteCatalogue;
  }
}

export type BuildOptions = { serveWeb?: boolean };

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log,
    trustProxy: ctx.env.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: ctx.env.secureCookies,
  });
  registerErrorHandling(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Amigos Commons API',
        version: '1',
        description:
          'REST API of Amigos Commons. Cookie sessions; writes need the X-CSRF-Token header from GET /api/v1/auth/session.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const accounts = accountsModule.create(ctx);
  const routeCatalogue = registerSecurity(app, (token) => accounts.sessions.lookup(token));
  app.decorate('routeCatalogue', routeCatalogue);
  registerHealth(app, ctx);

  await app.register(
    async (api) => {
      for (const module of modules) await module.routes(api, ctx);
    },
    { prefix: '/api/v1' },
  );
  // SRU and OAI-PMH live at the paths standard clients expect, outside the JSON API.
  await interopRoutes(app, ctx);
  // ISO 18626 messages from outside ILL systems, at the path partners are given.
  await isoRoutes(app, ctx);

  if (options.serveWeb !== false && fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
    // Every non-API path is a page of the single-page app.
    app.get('/*', { config: { access: { level: 'public' } }, schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) {
        throw new AppError('ROUTE_NOT_FOUND', `There is no endpoint GET ${request.url.split('?')[0]}.`);
      }
      const file = path.join(webDist, request.url.split('?')[0]!);
      if (file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.sendFile(path.relative(webDist, file));
      }
      return reply.type('text/html').sendFile('index.html');
    });
  }

  await app.ready();
  return app;
}
