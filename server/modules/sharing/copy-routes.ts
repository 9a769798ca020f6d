import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, errorResponses } from '../../../shared/contracts/common.ts';
import { requestDetailSchema, requestParamsSchema } from '../../../shared/contracts/sharing.ts';
import { AppError } from '../../platform/errors.ts';
import type { SharingServices } from './index.ts';

const tags = ['sharing'];
/** Article copies: one PDF of up to 50 MiB and the request's version. */
const limits = { fileSize: 50 * 1024 ** 2, files: 1, fields: 3, fieldSize: 100, parts: 4 };

export async function copyRoutes(api: FastifyInstance, s: SharingServices) {
  await api.register(async (scope) => {
    await scope.register(multipart, { limits });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post('/sharing/requests/:requestId/copy', {
      config: { access: { level: 'member' } },
      schema: {
        tags,
        summary: 'Lender: upload the PDF of a copy and send it (multipart: file, version)',
        description:
          'The borrower gets an expiring download link; the file is deleted after the retention period.',
        consumes: ['multipart/form-data'],
        params: requestParamsSchema,
        response: { 200: requestDetailSchema, 413: errorBodySchema, 415: errorBodySchema, ...errorResponses },
      },
      handler: async (request) => {
        if (!request.isMultipart())
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the PDF as multipart/form-data.');
        let file: string | undefined;
        let version: number | undefined;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'field') {
              if (part.fieldname === 'version' && /^\d{1,9}$/.test(String(part.value)))
                version = Number(part.value);
              continue;
            }
            if (part.fieldname !== 'file' || file) {
              part.file.resume();
              throw new AppError('VALIDATION_FAILED', 'Send exactly one file, in the field "file".');
            }
            file = await s.copies.save(part.file);
            if (part.file.truncated) throw new AppError('BODY_TOO_LARGE', 'The copy is larger than 50 MiB.');
          }
          if (!file) throw new AppError('VALIDATION_FAILED', 'Attach the PDF in the field "file".');
          if (!version || !Number.isInteger(version) || version < 1)
            throw new AppError('VALIDATION_FAILED', 'The request version is needed.', [
              { path: 'version', message: 'required' },
            ]);
          await s.service.act(
            request.principal!,
            request.params.requestId,
            { action: 'send_copy', version, shippingMethod: 'url' },
            new Date(),
            file,
          );
        } catch (error) {
          if (file) s.copies.remove(file);
          throw error;
        }
        return s.views.detail(request.principal!, request.params.requestId);
      },
    });
  });

  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get('/sharing/copies/:token', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'Download an electronic copy with the borrower’s link (until it expires)',
      params: z.object({ token: z.string().min(20).max(100) }),
      produces: ['application/pdf'],
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const stream = await s.copies.open(request.params.token);
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'attachment; filename="copy.pdf"')
        .send(stream);
    },
  });
}
