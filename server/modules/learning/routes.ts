import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okSchema, uuidSchema, errorResponses } from '../../../shared/contracts/common.ts';
import {
  eventPageSchema,
  eventParamsSchema,
  eventQuerySchema,
  eventSchema,
  myRegistrationListSchema,
  myRegistrationSchema,
  registrationCreateSchema,
  certificateParamsSchema,
  certificateSchema,
  languageQuerySchema,
  tokenCancelResultSchema,
  tokenCancelSchema,
} from '../../../shared/contracts/learning.ts';
import type { LearningServices } from './index.ts';

const tags = ['learning'];
const errors = errorResponses;
const registrationParams = z.object({ registrationId: uuidSchema });

/** Browsing, the event page and one's own registrations. */
export function learningRoutes(api: FastifyInstance, s: LearningServices) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/learning/events', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'Upcoming published events (filters: q, topic, format, language, dates, free)',
      description:
        'Anonymous callers and partners see public events only; member staff also see member events.',
      querystring: eventQuerySchema,
      response: { 200: eventPageSchema, ...errors },
    },
    handler: async (request) => s.events.browse(request.principal, request.query),
  });

  r.get('/learning/events/:eventId', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'An event page, with my registration and waitlist position when signed in',
      params: eventParamsSchema,
      response: { 200: eventSchema, ...errors },
    },
    handler: async (request) => s.events.detail(request.principal, request.params.eventId),
  });

  r.post('/learning/events/:eventId/registrations', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags,
      summary: 'Register (yourself, or a colleague as a library admin); full events put you on the waitlist',
      params: eventParamsSchema,
      body: registrationCreateSchema,
      response: { 201: myRegistrationSchema, ...errors },
    },
    handler: async (request, reply) => {
      const reg = await s.registrations.register(request.principal!, request.params.eventId, request.body);
      return reply.status(201).send(reg!);
    },
  });

  r.get('/learning/registrations', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags,
      summary: 'My registrations (confirmed, offered and waitlisted)',
      response: { 200: myRegistrationListSchema, ...errors },
    },
    handler: async (request) => s.registrations.myList(request.principal!.userId),
  });

  r.delete('/learning/registrations/:registrationId', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags,
      summary: 'Cancel a registration (own; a colleague’s as library admin; any as organiser)',
      params: registrationParams,
      response: { 200: okSchema, ...errors },
    },
    handler: async (request) => {
      await s.registrations.cancel(request.principal!, request.params.registrationId);
      return { ok: true as const };
    },
  });

  r.post('/learning/registrations/:registrationId/accept', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags,
      summary: 'Accept a seat offered from the waitlist (before the offer expires)',
      params: registrationParams,
      response: { 200: myRegistrationSchema, ...errors },
    },
    handler: async (request) =>
      (await s.registrations.accept(request.principal!, request.params.registrationId))!,
  });

  r.get('/learning/cancellations/:token', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'What a cancellation link from an email refers to (no sign-in)',
      params: z.object({ token: z.string().min(10).max(200) }),
      response: { 200: tokenCancelResultSchema, ...errors },
    },
    handler: async (request) => s.registrations.tokenInfo(request.params.token),
  });

  r.post('/learning/cancellations', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'Cancel with the signed link from the confirmation email (no sign-in)',
      body: tokenCancelSchema,
      response: { 200: tokenCancelResultSchema, ...errors },
    },
    handler: async (request) => s.registrations.cancelByToken(request.body.token),
  });

  r.get('/learning/certificates/:code', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'Verify a certificate of attendance by its code (public, no sign-in)',
      params: certificateParamsSchema,
      response: { 200: certificateSchema, ...errors },
    },
    handler: async (request) => s.certificates.verify(request.params.code),
  });

  r.get('/learning/certificates/:code/certificate.pdf', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary:
        'The certificate as a tagged PDF in English or Spanish, with its verification link and QR code',
      params: certificateParamsSchema,
      querystring: languageQuerySchema,
      produces: ['application/pdf'],
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const pdf = await s.certificates.pdf(request.params.code, request.query.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="certificate-${request.params.code}.pdf"`)
        .send(pdf);
    },
  });
}
