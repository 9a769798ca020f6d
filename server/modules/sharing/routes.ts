import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, libraryParamsSchema, okSchema } from '../../../shared/contracts/common.ts';
import {
  actionInputSchema,
  analyticsQuerySchema,
  analyticsSchema,
  contuListSchema,
  contuQuerySchema,
  lendingPolicySchema,
  lendingPolicyUpdateSchema,
  lookupQuerySchema,
  lookupResultSchema,
  noteInputSchema,
  markAllReadSchema,
  notificationListSchema,
  notificationParamsSchema,
  notificationQuerySchema,
  queuePageSchema,
  queueQuerySchema,
  requestCreateSchema,
  requestDetailSchema,
  requestParamsSchema,
} from '../../../shared/contracts/sharing.ts';
import type { SharingServices } from './index.ts';
import { SharingAnalytics } from './analytics.ts';
import { z } from 'zod';

const tags = ['sharing'];
const errors = errorResponses;
const sharingStaff = (param = 'libraryId') =>
  ({ level: 'ownLibrary', param, capability: 'sharing' }) as const;

/** Requests, queues, actions and notes of both sides; lending policies and CONTU counts per library. */
export function sharingRoutes(api: FastifyInstance, s: SharingServices) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/sharing/lookup', {
    config: { access: { level: 'member' } },
    schema: {
      tags,
      summary: 'Find catalog records (clusters) by ISBN, ISSN or OCLC number, to start a request',
      querystring: lookupQuerySchema,
      response: { 200: lookupResultSchema, ...errors },
    },
    handler: async (request) => s.service.lookup(request.query),
  });

  r.post('/sharing/libraries/:libraryId/requests', {
    config: { access: sharingStaff() },
    schema: {
      tags,
      summary: 'Create a borrowing request (from a catalog record, an identifier or a citation) and route it',
      params: libraryParamsSchema,
      body: requestCreateSchema,
      response: { 201: requestDetailSchema, ...errors },
    },
    handler: async (request, reply) => {
      const id = await s.service.create(request.principal!, request.params.libraryId, request.body);
      return reply.status(201).send(await s.views.detail(request.principal!, id));
    },
  });

  r.get('/sharing/libraries/:libraryId/requests', {
    config: { access: sharingStaff() },
    schema: {
      tags,
      summary: 'The borrowing or lending queue: counts by state, needs attention, search, filters, paging',
      params: libraryParamsSchema,
      querystring: queueQuerySchema,
      response: { 200: queuePageSchema, ...errors },
    },
    handler: async (request) => s.views.queue(request.params.libraryId, request.query),
  });

  r.get('/sharing/requests/:requestId', {
    config: { access: { level: 'member' } },
    schema: {
      tags,
      summary: 'A request as the caller’s library sees it: timeline, rota explanation, notes, valid actions',
      description: 'Lending libraries never receive patron data; consortium staff see both sides without it.',
      params: requestParamsSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) => s.views.detail(request.principal!, request.params.requestId),
  });

  r.post('/sharing/requests/:requestId/actions', {
    config: { access: { level: 'member' } },
    schema: {
      tags,
      summary: 'Act on a request (either side); 409 INVALID_ACTION lists the actions valid now',
      params: requestParamsSchema,
      body: actionInputSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) => {
      await s.service.act(request.principal!, request.params.requestId, request.body);
      return s.views.detail(request.principal!, request.params.requestId);
    },
  });

  r.post('/sharing/requests/:requestId/notes', {
    config: { access: { level: 'member' } },
    schema: {
      tags,
      summary: 'A note between the borrowing and the lending library',
      params: requestParamsSchema,
      body: noteInputSchema,
      response: { 200: requestDetailSchema, ...errors },
    },
    handler: async (request) => {
      await s.service.addNote(request.principal!, request.params.requestId, request.body.text);
      return s.views.detail(request.principal!, request.params.requestId);
    },
  });

  r.get('/sharing/libraries/:libraryId/policy', {
    config: { access: sharingStaff() },
    schema: {
      tags,
      summary: 'The library’s lending policy (defaults until saved)',
      params: libraryParamsSchema,
      response: { 200: lendingPolicySchema, ...errors },
    },
    handler: async (request) => s.settings.policy(request.params.libraryId),
  });

  r.put('/sharing/libraries/:libraryId/policy', {
    config: { access: { level: 'ownLibrary', param: 'libraryId', admin: true } },
    schema: {
      tags,
      summary: 'Change the lending policy (library admins; optimistic version)',
      params: libraryParamsSchema,
      body: lendingPolicyUpdateSchema,
      response: { 200: lendingPolicySchema, ...errors },
    },
    handler: async (request) => s.settings.updatePolicy(request.params.libraryId, request.body),
  });

  r.get('/sharing/libraries/:libraryId/contu', {
    config: { access: sharingStaff() },
    schema: {
      tags,
      summary: 'CONTU rule of five: copies per journal this year (warning from the fifth)',
      params: libraryParamsSchema,
      querystring: contuQuerySchema,
      response: { 200: contuListSchema, ...errors },
    },
    handler: async (request) => s.settings.contu(request.params.libraryId, request.query.year),
  });

  r.get('/sharing/analytics', {
    config: { access: { level: 'member' } },
    schema: {
      tags,
      summary: 'Fill rate, turnaround (buckets < 48 h, 48–72 h, > 72 h), net lender/borrower, by period',
      description:
        'Omit libraryId for the consortium. One library’s figures: its own staff and consortium staff.',
      querystring: analyticsQuerySchema,
      response: { 200: analyticsSchema, ...errors },
    },
    handler: async (request) => {
      s.analytics.authorize(request.principal!, request.query.libraryId);
      return s.analytics.compute(request.query);
    },
  });

  r.get('/sharing/analytics.csv', {
    config: { access: { level: 'member' } },
    schema: {
      tags,
      summary: 'The same figures as CSV',
      querystring: analyticsQuerySchema,
      produces: ['text/csv'],
      response: { 200: z.string(), ...errors },
    },
    handler: async (request, reply) => {
      s.analytics.authorize(request.principal!, request.query.libraryId);
      const csv = SharingAnalytics.csv(await s.analytics.compute(request.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="ill-analytics.csv"')
        .send(csv);
    },
  });

  r.get('/notifications', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags: ['notifications'],
      summary: 'My in-app notifications, newest first, a page at a time, with the unread count',
      querystring: notificationQuerySchema,
      response: { 200: notificationListSchema, ...errors },
    },
    handler: async (request) => s.settings.notifications(request.principal!.userId, request.query),
  });

  r.post('/notifications/read-all', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags: ['notifications'],
      summary: 'Mark all my notifications read',
      response: { 200: markAllReadSchema, ...errors },
    },
    handler: async (request) => ({
      ok: true as const,
      marked: await s.settings.markAllRead(request.principal!.userId),
    }),
  });

  r.post('/notifications/:notificationId/read', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags: ['notifications'],
      summary: 'Mark one of my notifications read',
      params: notificationParamsSchema,
      response: { 200: okSchema, ...errors },
    },
    handler: async (request) => {
      await s.settings.markRead(request.principal!.userId, request.params.notificationId);
      return { ok: true as const };
    },
  });
}
