import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes only from environment variables, validated once at boot so a typo fails loudly
 * with the variable's name instead of surfacing later as a confusing runtime error.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    BASE_URL: z.url('must be an absolute URL such as http://localhost:3000').optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24 * 14),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Amigos Commons <no-reply@amigos-commons.example>'),
    JOBS_MODE: z.enum(['inline', 'worker', 'off']).default('inline'),
    SEED_DEMO: booleanFlag.optional(),
    SEED_CATALOG_RECORDS: z.coerce.number().int().min(0).max(5_000_000).default(20_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: booleanFlag.default(false),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    SHARING_PATRON_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    SHARING_COPY_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** ISO 18626: the agency id type our members are known by to outside systems (value: their symbol). */
    ISO18626_AGENCY_ID_TYPE: z.string().trim().min(1).max(40).default('ISIL'),
    /** ISO 18626 delivery: seconds between tries (one try more than entries, then the message has failed). */
    ISO18626_RETRY_SCHEDULE_SECONDS: z
      .string()
      .regex(/^\d+(,\d+)*$/, 'must be comma-separated whole seconds, e.g. 30,120,600')
      .default('30,120,600,1800,7200'),
    ISO18626_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(300).default(30),
  })
  .transform((raw) => {
    const baseUrl = raw.BASE_URL ?? `http://localhost:${raw.PORT}`;
    return {
      nodeEnv: raw.NODE_ENV,
      databaseUrl: raw.DATABASE_URL,
      dataDir: path.resolve(raw.DATA_DIR),
      port: raw.PORT,
      host: raw.HOST,
      baseUrl: baseUrl.replace(/\/$/, ''),
      sessionSecret: raw.SESSION_SECRET,
      sessionTtlHours: raw.SESSION_TTL_HOURS,
      smtpUrl: raw.SMTP_URL,
      mailFrom: raw.MAIL_FROM,
      jobsMode: raw.JOBS_MODE,
      // The demo consortium is loaded by default only on the embedded database, never silently into a server.
      seedDemo: raw.SEED_DEMO ?? raw.DATABASE_URL === undefined,
      seedCatalogRecords: raw.SEED_CATALOG_RECORDS,
      logLevel: raw.LOG_LEVEL,
      trustProxy: raw.TRUST_PROXY,
      loginMaxFailures: raw.LOGIN_MAX_FAILURES,
      loginWindowMinutes: raw.LOGIN_WINDOW_MINUTES,
      sharingPatronRetentionDays: raw.SHARING_PATRON_RETENTION_DAYS,
      sharingCopyRetentionDays: raw.SHARING_COPY_RETENTION_DAYS,
      iso18626AgencyIdType: raw.ISO18626_AGENCY_ID_TYPE,
      iso18626RetrySchedule: raw.ISO18626_RETRY_SCHEDULE_SECONDS.split(',').map(Number),
      iso18626TimeoutMs: Math.round(raw.ISO18626_TIMEOUT_SECONDS * 1000),
      secureCookies: baseUrl.startsWith('https://'),
    };
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // Empty strings in a .env or shell export mean "unset", not "invalid".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  if (parsed.data.nodeEnv === 'production' && !parsed.data.sessionSecret) {
    throw new EnvError(['SESSION_SECRET: required when NODE_ENV=production (at least 32 characters)']);
  }
  return parsed.data;
}
