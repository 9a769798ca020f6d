import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateDatabase, migrationsFolder, openDatabase, type Database } from '../platform/db/client.ts';

/**
 * Test databases are cheap copies of one migrated template: a copied PGlite data directory, or a
 * PostgreSQL database created FROM TEMPLATE. TEST_DATABASE=postgres selects the server.
 */
export const testTarget = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';
export const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function migrationsFingerprint(): string {
  const hash = crypto.createHash('sha256');
  for (const file of fs
    .readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(file).update(fs.readFileSync(path.join(migrationsFolder, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

const templateName = () => `amigos_template_${migrationsFingerprint()}`;
const pgliteTemplateDir = () => path.resolve('.test-data', `template-${migrationsFingerprint()}`);

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Called once per test run (vitest globalSetup). */
export async function prepareTemplate(): Promise<void> {
  if (testTarget === 'postgres') {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const name = templateName();
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await admin.query(`CREATE DATABASE ${name}`);
        const db = await openDatabase({
          databaseUrl: withDatabase(serverUrl, name),
          dataDir: '',
          poolSize: 1,
        });
        await migrateDatabase(db);
        await db.close();
      }
    } finally {
      await admin.end();
    }
    return;
  }
  const dir = pgliteTemplateDir();
  if (fs.existsSync(path.join(dir, 'ready'))) return;
  fs.rmSync(dir, { recursive: true, force: true });
  const db = await openDatabase({ dataDir: dir, unlocked: true });
  await migrateDatabase(db);
  await db.close();
  fs.writeFileSync(path.join(dir, 'ready'), new Date().toISOString());
}

/** A fresh, migrated, empty database of the selected kind; `close()` disposes of it. */
export async function createTestDatabase(): Promise<Database> {
  if (testTarget === 'postgres') {
    const name = `amigos_t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
    await admin.end();
    const db = await openDatabase({ databaseUrl: withDatabase(serverUrl, name), dataDir: '', poolSize: 8 });
    return {
      ...db,
      close: async () => {
        await db.close();
        const cleanup = new pg.Client({ connectionString: serverUrl });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amigos-test-'));
  fs.cpSync(pgliteTemplateDir(), dir, { recursive: true });
  fs.rmSync(path.join(dir, 'amigos.lock'), { force: true });
  const db = await openDatabase({ dataDir: dir, unlocked: true });
  return {
    ...db,
    close: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
