import { z } from 'zod';
import { pageOf, pagingQuery, uuidSchema } from './common.ts';

export const LOAD_MODE_VALUES = ['add_update', 'delete', 'replace'] as const;
export const loadModeSchema = z.enum(LOAD_MODE_VALUES);
export const LOAD_FORMAT_VALUES = ['auto', 'iso2709', 'marcxml', 'marc-json'] as const;
export const loadFormatSchema = z.enum(LOAD_FORMAT_VALUES);

/** Multipart text fields of an upload (the file itself is the part named "file"). */
export const loadUploadFieldsSchema = z
  .object({
    mode: loadModeSchema.default('add_update'),
    format: loadFormatSchema.default('auto'),
    holdingsTag: z
      .string()
      .regex(/^[0-9]{3}$/, 'must be a three-digit MARC tag such as 949')
      .optional(),
  })
  .strict();
export type LoadUploadFields = z.infer<typeof loadUploadFieldsSchema>;

export const loadSchema = z.object({
  id: uuidSchema,
  libraryId: uuidSchema,
  mode: loadModeSchema,
  format: loadFormatSchema,
  holdingsTag: z.string().nullable(),
  fileName: z.string(),
  fileSize: z.number().int(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  bytesRead: z.number().int(),
  /** Share of the file read, 0–1 (byte based). */
  fraction: z.number(),
  recordsDone: z.number().int(),
  recordsPerSecond: z.number(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  withdrawn: z.number().int(),
  rejected: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  startedAt: z.iso.datetime({ offset: true }).nullable(),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Load = z.infer<typeof loadSchema>;

export const loadListQuerySchema = z.object({ ...pagingQuery }).strict();
export const loadPageSchema = pageOf(loadSchema);

const ruleStepSchema = z.object({ rule: z.string(), outcome: z.string(), detail: z.string() });
const featureScoreSchema = z.object({ feature: z.string(), score: z.number(), detail: z.string() }).loose();

/** Why a record is in its cluster: the placement reason and, when matched, the deciding comparison. */
export const mergeExplanationSchema = z.object({
  reason: z.string(),
  match: z
    .object({
      recordId: z.string(),
      explanation: z
        .object({
          decision: z.string(),
          decidedBy: z.string(),
          summary: z.string(),
          sharedKeys: z.array(z.string()),
          steps: z.array(ruleStepSchema),
          features: z.array(featureScoreSchema),
          score: z.number(),
        })
        .loose(),
    })
    .loose()
    .nullable(),
  rejected: z.array(z.object({ recordId: z.string(), reason: z.string() })),
});

export const holdingSchema = z.object({
  location: z.string().nullable(),
  callNumber: z.string().nullable(),
  copies: z.number().int(),
  sourceTag: z.string().nullable(),
});

export const clusterMemberSchema = z.object({
  recordId: uuidSchema,
  library: z.object({ id: uuidSchema, name: z.string(), symbol: z.string() }),
  controlNumber: z.string(),
  controlSource: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  year: z.number().int().nullable(),
  format: z.string(),
  isDisplayRecord: z.boolean(),
  holdings: z.array(holdingSchema),
  why: mergeExplanationSchema.nullable(),
});

export const clusterSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  author: z.string().nullable(),
  year: z.number().int().nullable(),
  language: z.string().nullable(),
  format: z.string(),
  electronic: z.boolean(),
  libraryCount: z.number().int(),
  recordCount: z.number().int(),
  displayRecordId: uuidSchema.nullable(),
  displayReason: z.string(),
  members: z.array(clusterMemberSchema),
});
export type ClusterView = z.infer<typeof clusterSchema>;

export const splitBodySchema = z
  .object({ recordId: uuidSchema, note: z.string().max(500).optional() })
  .strict();
export const mergeBodySchema = z
  .object({ clusterA: uuidSchema, clusterB: uuidSchema, note: z.string().max(500).optional() })
  .strict();
/** Split answers with the record's new cluster and the one it left; merge with the surviving cluster. */
export const splitResultSchema = z.object({ cluster: clusterSchema, from: clusterSchema.nullable() });

/** A record a load could not use: where it was in the file and why. */
export const loadProblemSchema = z.object({
  recordNumber: z.number().int(),
  byteOffset: z.number().int(),
  controlNumber: z.string().nullable(),
  reason: z.string(),
});
export const loadProblemPageSchema = pageOf(loadProblemSchema);
export const loadProblemQuerySchema = z.object({ ...pagingQuery }).strict();
