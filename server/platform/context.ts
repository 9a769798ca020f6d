import type { Database, Db } from './db/client.ts';
import type { Env } from './env.ts';
import type { Jobs } from './jobs.ts';
import type { Logger } from './log.ts';
import type { Mailer } from './mail/mailer.ts';

/** What every module receives when it is wired into the app: the shared platform services. */
export type AppContext = {
  env: Env;
  database: Database;
  db: Db;
  jobs: Jobs;
  mailer: Mailer;
  log: Logger;
  /** Key for hashing session ids and one-time tokens (see auth/secrets.ts). */
  secretKey: Buffer;
};
