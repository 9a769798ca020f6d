import { migrateDatabase, openDatabase } from '../platform/db/client.ts';
import { loadEnv } from '../platform/env.ts';

/** `npm run db:migrate`: apply the committed migrations (the server also applies them at start). */
const env = loadEnv();
const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
try {
  await migrateDatabase(database);
  process.stdout.write(`Migrations applied (${database.kind}).\n`);
} finally {
  await database.close();
}
