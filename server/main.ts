import { buildApp } from './app.ts';
import { closeContext, createContext } from './boot.ts';
import { EnvError, loadEnv } from './platform/env.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { seedDemo, DEMO_PASSWORD } from './seed/index.ts';
import { pendingCatalogLoads, seedDemoCatalog } from './seed/catalog.ts';
import { seedDemoSharing } from './seed/sharing.ts';
import { seedDemoPatronPages } from './seed/sharing-patron-pages.ts';
import { seedDemoPartners } from './seed/sharing-partners.ts';

/** The web server: API + web app on one port. Prints the URL and, on the demo data, the demo logins. */
async function main() {
  const started = performance.now();
  const env = loadEnv();
  const ctx = await createContext(env);
  let logins: Awaited<ReturnType<typeof seedDemo>>['logins'] = [];
  if (env.seedDemo) logins = (await seedDemo(ctx.db)).logins;
  // A year of interlibrary-loan traffic between the demo libraries (only into an empty sharing module).
  if (env.seedDemo) await seedDemoSharing(ctx.db);
  // Outside ISO 18626 partners, disabled: the demo sends nothing out.
  if (env.seedDemo) await seedDemoPartners(ctx.db);
  if (env.seedDemo) await seedDemoPatronPages(ctx.db);
  await ctx.jobs.start({ work: env.jobsMode === 'inline' });
  const app = await buildApp(ctx);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.log.info({ signal }, 'shutting down');
    await app.close();
    await closeContext(ctx);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: env.port, host: env.host });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const lines = [
    '',
    `Amigos Commons is running at ${env.baseUrl}  (started in ${seconds} s)`,
    `  database: ${ctx.database.kind === 'pglite' ? `embedded PGlite in ${env.dataDir}` : 'PostgreSQL server (DATABASE_URL)'}`,
    `  API docs: ${env.baseUrl}/api/docs`,
    ...(ctx.mailer.captures
      ? [`  mailbox:  ${env.baseUrl}/dev/mailbox  (no SMTP_URL: emails are captured, not sent)`]
      : []),
  ];
  if (logins.length) {
    lines.push('', `Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const login of logins)
      lines.push(`  ${login.role.padEnd(22)} ${login.email.padEnd(38)} ${login.library}`);
  }
  lines.push('', 'Press Ctrl+C to stop.', '');
  process.stdout.write(lines.join('\n'));
  // The demo catalog goes through real load jobs once the server is up, so it fills while people look.
  if (env.seedDemo) {
    void seedDemoCatalog(ctx, env.seedCatalogRecords)
      .then(async (seeded) => {
        const pending = await pendingCatalogLoads(ctx);
        if (seeded || pending) {
          process.stdout.write(
            `Demo catalog: ${pending} record loads are running in the background; ` +
              `progress at ${env.baseUrl}/catalog/loads\n`,
          );
        }
      })
      .catch((error: unknown) => ctx.log.error({ err: error }, 'demo catalog seed failed'));
  }
}

main().catch((error: unknown) => {
  if (error instanceof EnvError || error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Amigos Commons failed to start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
