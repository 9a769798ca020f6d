import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, libraryParamsSchema, okSchema } from '../../../shared/contracts/common.ts';
import {
  attendanceImportSchema,
  attendanceResultSchema,
  checkInSchema,
  messageCreateSchema,
  messageResultSchema,
  eventCreateSchema,
  eventPageSchema,
  eventSchema,
  eventUpdateSchema,
  orgEventParamsSchema,
  organiserEventQuerySchema,
  registrationListSchema,
} from '../../../shared/contracts/learning.ts';
import type { LearningServices } from './index.ts';

const tags = ['learning'];
const errors = errorResponses;
/** The hosting library's staff with the learning capability (and its admins), and consortium staff. */
export const organisers = { level: 'ownLibrary', param: 'libraryId', capability: 'learning' } as const;

/** Organising events: create, edit, publish or cancel, and the registration list. */
export function organiserRoutes(api: FastifyInstance, s: LearningServices) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/libraries/:libraryId/learning/events', {
    config: { access: organisers },
    schema: {
      tags,
      summary: 'Events organised by this library (drafts, published and cancelled; newest first)',
      params: libraryParamsSchema,
      querystring: organiserEventQuerySchema,
      response: { 200: eventPageSchema, ...errors },
    },
    handler: async (request) => s.events.organiserList(request.params.libraryId, request.query),
  });

  r.post('/libraries/:libraryId/learning/events', {
    config: { access: organisers },
    schema: {
      tags,
      summary: 'Create an event (a draft until published); times are wall-clock times in its time zone',
      params: libraryParamsSchema,
      body: eventCreateSchema,
      response: { 201: eventSchema, ...errors },
    },
    handler: async (request, reply) => {
      const event = await s.events.create(
        request.principal!,
        request.params.libraryId,
        request.body,
        request.ip,
      );
      return reply.status(201).send(event);
    },
  });

  r.patch('/libraries/:libraryId/learning/events/:eventId', {
    config: { access: organisers },
    schema: {
      tags,
      summary: 'Edit, publish or cancel an event (send the version you edited)',
      params: orgEventParamsSchema,
      body: eventUpdateSchema,
      response: { 200: eventSchema, ...errors },
    },
    handler: async (request) =>
      s.events.update(
        request.principal!,
        request.params.libraryId,
        request.params.eventId,
        request.body,
        request.ip,
      ),
  });

  r.get('/libraries/:libraryId/learning/events/:eventId/registrations', {
    config: { access: organisers },
    schema: {
      tags,
      summary: 'Registrations of an event, with accommodation requests, waitlist order and attendance',
      params: orgEventParamsSchema,
      response: { 200: registrationListSchema, ...errors },
    },
    handler: async (request) => {
      await s.events.managedEvent(request.principal!, request.params.libraryId, request.params.eventId);
      return s.registrations.list(request.params.eventId);
    },
  });

  r.get('/libraries/:libraryId/learning/events/:eventId/registrations.csv', {
    config: { access: organisers },
    schema: {
      tags,
      summary: 'The registration list as CSV (names, libraries, status, price, accommodation, attendance)',
      params: orgEventParamsSchema,
      produces: ['text/csv'],
      response: { 200: z.string(), ...errors },
    },
    handler: async (request, reply) => {
      const { libraryId, eventId } = request.params;
      const event = await s.events.managedEvent(request.principal!, libraryId, eventId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="registrations-${eventId}.csv"`)
        .send(await s.organiser.registrationsCsv(event));
    },
  });

  r.post('/libraries/:libraryId/learning/events/:eventId/check-ins', {
    config: { access: organisers },
    schema: {
      tags,
      summary: 'Check a confirmed registrant in (or undo it); checking in issues the certificate',
      params: orgEventParamsSchema,
      body: checkInSchema,
      response: { 200: okSchema, ...errors },
    },
    handler: async (request) => {
      const { libraryId, eventId } = request.params;
      const event = await s.events.managedEvent(request.principal!, libraryId, eventId);
      await s.organiser.checkIn(
        request.principal!,
        event,
        request.body.registrationId,
        request.body.present,
        request.ip,
      );
      return { ok: true as const };
    },
  });

  r.post('/libraries/:libraryId/learning/events/:eventId/attendance', {
    config: { access: organisers },
    schema: {
      tags,
      summary:
        'Import a webinar attendance report (CSV with email and minutes columns); minimum-minutes rule',
      params: orgEventParamsSchema,
      body: attendanceImportSchema,
      response: { 200: attendanceResultSchema, ...errors },
    },
    handler: async (request) => {
      const { libraryId, eventId } = request.params;
      const event = await s.events.managedEvent(request.principal!, libraryId, eventId);
      return s.organiser.importAttendance(
        request.principal!,
        event,
        request.body.csv,
        request.body.minimumMinutes,
        request.ip,
      );
    },
  });

  r.post('/libraries/:libraryId/learning/events/:eventId/messages', {
    config: { access: organisers },
    schema: {
      tags,
      summary: 'Email every registrant (optionally the waitlist too)',
      params: orgEventParamsSchema,
      body: messageCreateSchema,
      response: { 200: messageResultSchema, ...errors },
    },
    handler: async (request) => {
      const { libraryId, eventId } = request.params;
      const event = await s.events.managedEvent(request.principal!, libraryId, eventId);
      return s.organiser.message(request.principal!, event, request.body);
    },
  });
}
