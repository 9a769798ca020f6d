import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { Notifier } from '../notify.ts';
import { useAgencyIdType } from './agency.ts';
import { buildConfirmation, DEFAULT_MAX_BYTES } from './codec.ts';
import { IsoInbound } from './inbound.ts';

/** Bodies up to this size reach the codec (which refuses more than DEFAULT_MAX_BYTES with an ERROR). */
const TRANSPORT_LIMIT = 4 * DEFAULT_MAX_BYTES;
const XML = 'application/xml; charset=utf-8';

/**
 * POST /iso18626, where outside ILL systems send requests and messages: outside the JSON API (no session,
 * no CSRF token — partners authenticate inside the message), any content type read as raw bytes, and every
 * answer HTTP 200 with a confirmation, even for a body Fastify itself refuses (too large, unreadable).
 */
export async function isoRoutes(app: FastifyInstance, ctx: AppContext) {
  useAgencyIdType(ctx.env);
  const inbound = new IsoInbound(ctx, new Notifier(ctx));
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: TRANSPORT_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    scope.setErrorHandler(async (error, _request, reply) => {
      const tooLarge = (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE';
      const xml = buildConfirmation(
        'request',
        {},
        {
          errorType: 'BadlyFormedMessage',
          errorValue: tooLarge ? 'The message is too large.' : 'The message could not be read.',
        },
        '2021',
      );
      return reply.code(200).type(XML).send(xml);
    });
    scope.post(
      '/iso18626',
      {
        config: { access: { level: 'public' } },
        bodyLimit: TRANSPORT_LIMIT,
        schema: {
          summary: 'ISO 18626 (v1.2 and 2021-2) messages from outside ILL systems; XML in, confirmation out',
          tags: ['standards'],
        },
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const { xml } = await inbound.receive(body);
        return reply.code(200).type(XML).send(xml);
      },
    );
  });
}
