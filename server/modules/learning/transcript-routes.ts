import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, errorResponses, okSchema, uuidSchema } from '../../../shared/contracts/common.ts';
import {
  ceRuleListSchema,
  ceRuleSchema,
  ceRuleUpdateSchema,
  outsideTrainingFieldsSchema,
  outsideTrainingListSchema,
  outsideTrainingSchema,
  transcriptQuerySchema,
  transcriptSchema,
} from '../../../shared/contracts/learning.ts';
import { AppError } from '../../platform/errors.ts';
import { PROOF_TYPES, type Proof, type TranscriptService } from './transcript.ts';

const tags = ['learning'];
const errors = errorResponses;
const MAX_PROOF = 5 * 1024 * 1024;
const idParams = z.object({ trainingId: uuidSchema });

/** The personal transcript, outside training with proof, and the continuing-education rules. */
export async function transcriptRoutes(api: FastifyInstance, service: TranscriptService) {
  // Proof uploads: multipart is parsed only in this scope.
  await api.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_PROOF, files: 1, fields: 10, fieldSize: 1000 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post('/learning/outside-training', {
      config: { access: { level: 'signedIn' } },
      schema: {
        tags,
        summary:
          'Report outside training (multipart: title, provider, completedOn, contactHours, competencyArea, proof file)',
        consumes: ['multipart/form-data'],
        response: { 201: outsideTrainingSchema, 413: errorBodySchema, 415: errorBodySchema, ...errors },
      },
      handler: async (request, reply) => {
        if (!request.isMultipart())
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the form as multipart/form-data.');
        const fields: Record<string, string> = {};
        let proof: Proof | null = null;
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          const data = await part.toBuffer().catch(() => {
            throw new AppError('BODY_TOO_LARGE', 'The proof file is larger than 5 MB.');
          });
          if (part.fieldname !== 'proof' || proof)
            throw new AppError('VALIDATION_FAILED', 'Send at most one file, in the field "proof".');
          if (!(PROOF_TYPES as readonly string[]).includes(part.mimetype))
            throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The proof must be a PDF, PNG or JPEG file.');
          if (data.length) proof = { name: part.filename || 'proof', type: part.mimetype, data };
        }
        const parsed = outsideTrainingFieldsSchema.safeParse(fields);
        if (!parsed.success)
          throw new AppError(
            'VALIDATION_FAILED',
            undefined,
            parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
          );
        return reply.status(201).send(await service.addOutside(request.principal!, parsed.data, proof));
      },
    });
  });

  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/learning/outside-training', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags,
      summary: 'My reported outside training',
      response: { 200: outsideTrainingListSchema, ...errors },
    },
    handler: async (request) => service.listOutside(request.principal!),
  });

  r.get('/learning/outside-training/:trainingId/proof', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags,
      summary: 'Download the proof I uploaded',
      params: idParams,
      produces: ['application/pdf', 'image/png', 'image/jpeg'],
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const proof = await service.proof(request.principal!, request.params.trainingId);
      return reply
        .type(proof.type)
        .header('content-disposition', `attachment; filename="${proof.name.replace(/[^\w.-]/g, '_')}"`)
        .send(proof.data);
    },
  });

  r.delete('/learning/outside-training/:trainingId', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags,
      summary: 'Remove reported training',
      params: idParams,
      response: { 200: okSchema, ...errors },
    },
    handler: async (request) => {
      await service.removeOutside(request.principal!, request.params.trainingId);
      return { ok: true as const };
    },
  });

  r.get('/learning/transcript', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags,
      summary: 'My transcript for a period, with totals by competency area, checked against a rule',
      querystring: transcriptQuerySchema,
      response: { 200: transcriptSchema, ...errors },
    },
    handler: async (request) => service.transcript(request.principal!, request.query),
  });

  r.get('/learning/transcript.csv', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags,
      summary: 'My transcript as CSV',
      querystring: transcriptQuerySchema,
      produces: ['text/csv'],
      response: { 200: z.string(), ...errors },
    },
    handler: async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="transcript.csv"')
        .send(await service.csv(request.principal!, request.query)),
  });

  r.get('/learning/transcript.pdf', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags,
      summary: 'My transcript as a tagged PDF',
      querystring: transcriptQuerySchema,
      produces: ['application/pdf'],
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="transcript.pdf"')
        .send(await service.pdf(request.principal!, request.query)),
  });

  r.get('/learning/ce-rules', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'Continuing-education rules (hours per period, area minimums)',
      response: { 200: ceRuleListSchema, ...errors },
    },
    handler: async () => service.rules(),
  });

  r.put('/learning/ce-rules/:code', {
    config: { access: { level: 'consortiumStaff' } },
    schema: {
      tags,
      summary: 'Create or change a continuing-education rule (consortium staff)',
      params: z.object({ code: z.string().regex(/^[A-Z0-9_-]{2,40}$/, 'must be a code like TX-CE') }),
      body: ceRuleUpdateSchema,
      response: { 200: ceRuleSchema, ...errors },
    },
    handler: async (request) => service.saveRule(request.params.code, request.body),
  });
}
