import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../shared/contracts/common.ts';
import {
  eventParamsSchema,
  feedSchema,
  feedTokenParamsSchema,
  languageQuerySchema,
  topicFeedParamsSchema,
} from '../../../shared/contracts/learning.ts';
import type { CalendarService } from './calendar.ts';

const tags = ['learning'];
const errors = errorResponses;
const CALENDAR = 'text/calendar; charset=utf-8';

/** "Add to calendar" files and calendar feeds (iCalendar, times in UTC). */
export function calendarRoutes(api: FastifyInstance, calendar: CalendarService) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/learning/events/:eventId/calendar.ics', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'One event as an .ics file (every session of a series)',
      params: eventParamsSchema,
      querystring: languageQuerySchema,
      produces: ['text/calendar'],
      response: { 200: z.string(), ...errors },
    },
    handler: async (request, reply) => {
      const body = await calendar.eventFile(request.principal, request.params.eventId, request.query.lang);
      return reply
        .type(CALENDAR)
        .header('content-disposition', 'attachment; filename="event.ics"')
        .send(body);
    },
  });

  r.get('/learning/feeds/topics/:topic', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'Calendar feed of the public events of one topic (e.g. accessibility.ics)',
      params: topicFeedParamsSchema,
      querystring: languageQuerySchema,
      produces: ['text/calendar'],
      response: { 200: z.string(), ...errors },
    },
    handler: async (request, reply) =>
      reply.type(CALENDAR).send(await calendar.topicFeed(request.params.topic, request.query.lang)),
  });

  r.get('/learning/feeds/people/:token', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'A person’s own calendar feed; the secret address is the only credential',
      params: feedTokenParamsSchema,
      produces: ['text/calendar'],
      response: { 200: z.string(), ...errors },
    },
    handler: async (request, reply) =>
      reply.type(CALENDAR).send(await calendar.personFeed(request.params.token)),
  });

  r.get('/learning/feed', {
    config: { access: { level: 'signedIn' } },
    schema: { tags, summary: 'My calendar feed address', response: { 200: feedSchema, ...errors } },
    handler: async (request) => calendar.feedAddress(request.principal!, false),
  });

  r.post('/learning/feed', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags,
      summary: 'Replace my calendar feed address (the old one stops working)',
      response: { 200: feedSchema, ...errors },
    },
    handler: async (request) => calendar.feedAddress(request.principal!, true),
  });
}
