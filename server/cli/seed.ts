import { migrateDatabase, openDatabase } from '../platform/db/client.ts';
import { loadEnv } from '../platform/env.ts';
import { seedDemo, DEMO_PASSWORD } from '../seed/index.ts';
import { seedDemoSharing } from '../seed/sharing.ts';
import { seedDemoPatronPages } from '../seed/sharing-patron-pages.ts';
import { seedDemoPartners } from '../seed/sharing-partners.ts';

/** `npm run db:seed`: load the demo consortium (idempotent: only missing rows are added). */
const env = loadEnv();
const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
try {
  await migrateDatabase(database);
  const { logins } = await seedDemo(database.db);
  await seedDemoSharing(database.db);
  await seedDemoPartners(database.db);
  await seedDemoPatronPages(database.db);
  process.stdout.write(
    `Demo data loaded (${database.kind}). Password for all demo logins: ${DEMO_PASSWORD}\n`,
  );
  for (const l of logins) process.stdout.write(`  ${l.role.padEnd(22)} ${l.email}\n`);
} finally {
  await database.close();
}
