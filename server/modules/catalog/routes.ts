import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorBodySchema,
  uuidSchema,
  errorResponses,
  libraryParamsSchema,
} from '../../../shared/contracts/common.ts';
import {
  clusterSchema,
  loadListQuerySchema,
  loadPageSchema,
  loadProblemPageSchema,
  loadProblemQuerySchema,
  loadSchema,
  loadUploadFieldsSchema,
  mergeBodySchema,
  splitBodySchema,
  splitResultSchema,
} from '../../../shared/contracts/catalog.ts';
import { AppError } from '../../platform/errors.ts';
import type { CatalogService } from './service.ts';

const tags = ['catalog'];
const errors = errorResponses;
const libraryParams = libraryParamsSchema;
const loadParams = libraryParams.extend({ loadId: uuidSchema });
/** The library's catalog staff (and its admins), and consortium staff. */
const catalogStaff = { level: 'ownLibrary', param: 'libraryId', capability: 'catalog' } as const;

/** Catalog files are large: up to 2 GiB, one file and a few small text fields per request. */
const uploadLimits = { fileSize: 2 * 1024 ** 3, files: 1, fields: 10, fieldSize: 1000, parts: 12 };

export async function catalogRoutes(api: FastifyInstance, service: CatalogService) {
  // Multipart is parsed only in this scope: nowhere else accepts uploads.
  await api.register(async (scope) => {
    await scope.register(multipart, { limits: uploadLimits });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post('/libraries/:libraryId/catalog/loads', {
      config: { access: catalogStaff },
      schema: {
        tags,
        summary: 'Upload a MARC file to load (multipart: file, mode, format, holdingsTag)',
        description:
          'The file (ISO 2709, MARCXML or MARC-in-JSON, detected unless `format` is given) is streamed to disk ' +
          'and loaded by a job. Modes: add_update (matched on 001 + 003), delete (withdraw the listed ' +
          'records), replace (records of the library absent from the file are withdrawn at the end).',
        consumes: ['multipart/form-data'],
        params: libraryParams,
        response: { 201: loadSchema, 413: errorBodySchema, 415: errorBodySchema, ...errors },
      },
      handler: async (request, reply) => {
        if (!request.isMultipart())
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data.');
        const fields: Record<string, string> = {};
        let file: { fileName: string; filePath: string; fileSize: number } | undefined;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'field') {
              fields[part.fieldname] = String(part.value);
              continue;
            }
            if (part.fieldname !== 'file' || file) {
              part.file.resume();
              throw new AppError('VALIDATION_FAILED', 'Send exactly one file, in the field "file".');
            }
            const saved = await service.saveUpload(part.file);
            file = { ...saved, fileName: part.filename || 'upload' };
            if (part.file.truncated) throw new AppError('BODY_TOO_LARGE', 'The file is larger than 2 GiB.');
          }
          if (!file) throw new AppError('VALIDATION_FAILED', 'Attach the MARC file in the field "file".');
          const parsed = loadUploadFieldsSchema.safeParse(fields);
          if (!parsed.success) {
            throw new AppError(
              'VALIDATION_FAILED',
              undefined,
              parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
            );
          }
          const load = await service.createLoad(
            request.principal,
            request.params.libraryId,
            file,
            parsed.data,
          );
          return reply.status(201).send(load);
        } catch (error) {
          if (file) fs.rmSync(file.filePath, { force: true });
          throw error;
        }
      },
    });
  });

  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/libraries/:libraryId/catalog/loads', {
    config: { access: catalogStaff },
    schema: {
      tags,
      summary: "The library's load history, newest first",
      params: libraryParams,
      querystring: loadListQuerySchema,
      response: { 200: loadPageSchema, ...errors },
    },
    handler: async (request) =>
      service.listLoads(request.params.libraryId, request.query.page, request.query.pageSize),
  });

  r.get('/libraries/:libraryId/catalog/loads/:loadId', {
    config: { access: catalogStaff },
    schema: {
      tags,
      summary: 'One load: status and progress (records done, records/s, errors so far)',
      params: loadParams,
      response: { 200: loadSchema, ...errors },
    },
    handler: async (request) => service.getLoad(request.params.libraryId, request.params.loadId),
  });

  r.get('/libraries/:libraryId/catalog/loads/:loadId/problems', {
    config: { access: catalogStaff },
    schema: {
      tags,
      summary: 'The rejected records of a load (record number, byte offset, 001, reason), a page at a time',
      params: loadParams,
      querystring: loadProblemQuerySchema,
      response: { 200: loadProblemPageSchema, ...errors },
    },
    handler: async (request) =>
      service.problems(
        request.params.libraryId,
        request.params.loadId,
        request.query.page,
        request.query.pageSize,
      ),
  });

  r.get('/libraries/:libraryId/catalog/loads/:loadId/problems.csv', {
    config: { access: catalogStaff },
    schema: {
      tags,
      summary: 'The rejected records of a load, as CSV (record number, byte offset, 001, reason)',
      params: loadParams,
      produces: ['text/csv'],
      response: { 200: z.string(), ...errors },
    },
    handler: async (request, reply) => {
      const csv = await service.problemsCsv(request.params.libraryId, request.params.loadId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="load-${request.params.loadId}-problems.csv"`)
        .send(csv);
    },
  });

  r.get('/catalog/clusters/:clusterId', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'A cluster: every member record, its library and holdings, and why it was merged',
      params: z.object({ clusterId: uuidSchema }),
      response: { 200: clusterSchema, ...errors },
    },
    handler: async (request) => service.cluster(request.params.clusterId),
  });

  r.post('/catalog/clusters/:clusterId/split', {
    // Catalog staff of a holding library, or consortium staff: checked in policy.ts against the members.
    config: { access: { level: 'member' } },
    schema: {
      tags,
      summary: 'Split a record out of its cluster (kept on every reload)',
      params: z.object({ clusterId: uuidSchema }),
      body: splitBodySchema,
      response: { 200: splitResultSchema, ...errors },
    },
    handler: async (request) =>
      service.split(
        request.principal!,
        request.params.clusterId,
        request.body.recordId,
        request.body.note,
        request.ip,
      ),
  });

  r.post('/catalog/clusters/merge', {
    config: { access: { level: 'member' } },
    schema: {
      tags,
      summary: 'Merge cluster B into cluster A (kept on every reload)',
      body: mergeBodySchema,
      response: { 200: clusterSchema, ...errors },
    },
    handler: async (request) =>
      service.merge(
        request.principal!,
        request.body.clusterA,
        request.body.clusterB,
        request.body.note,
        request.ip,
      ),
  });
}
