import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  okSchema,
  uuidSchema,
  errorResponses,
  libraryParamsSchema,
} from '../../../shared/contracts/common.ts';
import {
  closureCreateSchema,
  closureSchema,
  dashboardSchema,
  directoryPageSchema,
  directoryQuerySchema,
  hoursUpdateSchema,
  libraryProfileSchema,
  libraryUpdateSchema,
  peopleListSchema,
  personSchema,
  personUpdateSchema,
  staffDirectoryPageSchema,
  staffDirectoryQuerySchema,
  statusUpdateSchema,
} from '../../../shared/contracts/members.ts';
import type { MembersService } from './service.ts';

const tags = ['members'];
const errors = errorResponses;
const libraryParams = libraryParamsSchema;
/** Library admins of the library in the path, and consortium staff. */
const ownAdmin = { level: 'ownLibrary', param: 'libraryId', admin: true } as const;

export function membersRoutes(api: FastifyInstance, service: MembersService) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/libraries', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'Directory of member libraries and partners (search, filters, facets)',
      description:
        'Without `kind`, lists libraries and partners (not the consortium office). `q` matches name, symbol ' +
        'and city, ignoring accents. Each facet counts with every other filter applied but not its own.',
      querystring: directoryQuerySchema,
      response: { 200: directoryPageSchema, ...errors },
    },
    handler: async (request) => service.directory(request.query),
  });

  r.get('/libraries/:libraryId', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'A library profile (members also see shipping; own and consortium staff the private part)',
      params: libraryParams,
      response: { 200: libraryProfileSchema, ...errors },
    },
    handler: async (request) => service.profile(request.principal, request.params.libraryId),
  });

  r.patch('/libraries/:libraryId', {
    config: { access: ownAdmin },
    schema: {
      tags,
      summary: 'Edit a library profile (send the version you edited)',
      params: libraryParams,
      body: libraryUpdateSchema,
      response: { 200: libraryProfileSchema, ...errors },
    },
    handler: async (request) =>
      service.updateLibrary(request.principal!, request.params.libraryId, request.body, request.ip),
  });

  r.put('/libraries/:libraryId/hours', {
    config: { access: ownAdmin },
    schema: {
      tags,
      summary: 'Replace the weekly opening hours (in the library’s time zone)',
      params: libraryParams,
      body: hoursUpdateSchema,
      response: { 200: libraryProfileSchema, ...errors },
    },
    handler: async (request) =>
      service.replaceHours(request.principal!, request.params.libraryId, request.body, request.ip),
  });

  r.post('/libraries/:libraryId/closures', {
    config: { access: ownAdmin },
    schema: {
      tags,
      summary: 'Add a closure (holiday or other day the library is closed)',
      params: libraryParams,
      body: closureCreateSchema,
      response: { 201: closureSchema, ...errors },
    },
    handler: async (request, reply) => {
      const closure = await service.addClosure(
        request.principal!,
        request.params.libraryId,
        request.body,
        request.ip,
      );
      return reply.status(201).send(closure);
    },
  });

  r.delete('/libraries/:libraryId/closures/:closureId', {
    config: { access: ownAdmin },
    schema: {
      tags,
      summary: 'Remove a closure',
      params: libraryParams.extend({ closureId: uuidSchema }),
      response: { 200: okSchema, ...errors },
    },
    handler: async (request) => {
      await service.removeClosure(
        request.principal!,
        request.params.libraryId,
        request.params.closureId,
        request.ip,
      );
      return { ok: true as const };
    },
  });

  r.patch('/libraries/:libraryId/status', {
    config: { access: { level: 'consortiumStaff' } },
    schema: {
      tags,
      summary: 'Change a membership status (consortium staff)',
      params: libraryParams,
      body: statusUpdateSchema,
      response: { 200: libraryProfileSchema, ...errors },
    },
    handler: async (request) =>
      service.changeStatus(request.principal!, request.params.libraryId, request.body, request.ip),
  });

  r.get('/libraries/:libraryId/people', {
    config: { access: { level: 'ownLibrary', param: 'libraryId' } },
    schema: {
      tags,
      summary: 'The people of a library with their roles (own staff and consortium staff)',
      params: libraryParams,
      response: { 200: peopleListSchema, ...errors },
    },
    handler: async (request) => service.people(request.params.libraryId),
  });

  r.patch('/libraries/:libraryId/people/:userId', {
    config: { access: ownAdmin },
    schema: {
      tags,
      summary: 'Change a person’s role, capabilities or status (disabling signs them out)',
      params: libraryParams.extend({ userId: uuidSchema }),
      body: personUpdateSchema,
      response: { 200: personSchema, ...errors },
    },
    handler: async (request) =>
      service.updatePerson(
        request.principal!,
        request.params.libraryId,
        request.params.userId,
        request.body,
        request.ip,
      ),
  });

  r.get('/directory/people', {
    config: { access: { level: 'member' } },
    schema: {
      tags,
      summary: 'Staff directory: people who chose to be listed (members only)',
      description:
        '`q` matches name, job title, expertise and library name, ignoring accents. `capability` matches ' +
        'capabilities held explicitly (administrators hold all of them implicitly and are not matched).',
      querystring: staffDirectoryQuerySchema,
      response: { 200: staffDirectoryPageSchema, ...errors },
    },
    handler: async (request) => service.staffDirectory(request.query),
  });

  r.get('/dashboard', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags,
      summary:
        'My organisation at a glance: colleagues, invitations, closures (and members for the consortium)',
      response: { 200: dashboardSchema, ...errors },
    },
    handler: async (request) => service.dashboard(request.principal!),
  });
}
