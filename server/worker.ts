import { closeContext, createContext } from './boot.ts';
import { EnvError, loadEnv } from './platform/env.ts';

/**
 * A job worker without the web server, for JOBS_MODE=worker deployments (several app nodes sending jobs,
 * one or more workers running them). Needs the PostgreSQL server: the embedded database is one process.
 */
async function main() {
  const env = loadEnv();
  if (!env.databaseUrl) {
    throw new EnvError([
      'DATABASE_URL: a separate worker needs the PostgreSQL server (the embedded database runs jobs inline)',
    ]);
  }
  const ctx = await createContext(env);
  await ctx.jobs.start({ work: true });
  ctx.log.info('worker started');
  const stop = async () => {
    await closeContext(ctx);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof EnvError ? error.message : String((error as Error).stack)}\n`);
  process.exit(1);
});
