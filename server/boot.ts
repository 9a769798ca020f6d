import { migrateDatabase, openDatabase } from './platform/db/client.ts';
import { loadSecretKey } from './platform/auth/secrets.ts';
import type { AppContext } from './platform/context.ts';
import type { Env } from './platform/env.ts';
import { Jobs } from './platform/jobs.ts';
import { createLogger } from './platform/log.ts';
import { Mailer } from './platform/mail/mailer.ts';
import { modules } from './app.ts';

/**
 * Opens the database (embedded PGlite in DATA_DIR, or the server at DATABASE_URL), applies the committed
 * migrations and wires the platform services. Used by the web server, the worker and the CLI commands.
 */
export async function createContext(env: Env): Promise<AppContext> {
  const log = createLogger(env.logLevel);
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  try {
    await migrateDatabase(database);
    const jobs = new Jobs(database, log);
    const ctx: AppContext = {
      env,
      database,
      db: database.db,
      jobs,
      log,
      mailer: new Mailer(database.db, jobs, log, { smtpUrl: env.smtpUrl, from: env.mailFrom }),
      secretKey: await loadSecretKey(database.db, env.sessionSecret),
    };
    for (const module of modules) module.jobs?.(ctx);
    return ctx;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function closeContext(ctx: AppContext) {
  await ctx.jobs.stop();
  await ctx.database.close();
}
