import { z } from 'zod';
import { localeSchema, uuidSchema } from './common.ts';

/** At most this many slips in one PDF (two lending-queue pages). */
export const MAX_PULL_SLIPS = 100;

/**
 * GET /sharing/libraries/:libraryId/pull-slips.pdf?ids=a,b,c — the requests whose pull slips to print,
 * comma-separated, each once, in the order given; lang picks the slip's labels.
 */
export const pullSlipQuerySchema = z.object({
  ids: z
    .string()
    .max(MAX_PULL_SLIPS * 37 + 10, `at most ${MAX_PULL_SLIPS} requests at once`)
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(uuidSchema)
        .min(1, 'give at least one request id')
        .max(MAX_PULL_SLIPS, `at most ${MAX_PULL_SLIPS} requests at once`),
    ),
  lang: localeSchema.optional(),
});
export type PullSlipQuery = z.infer<typeof pullSlipQuerySchema>;
