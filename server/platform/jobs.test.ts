import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './db/client.ts';
import { createTestDatabase } from '../test/databases.ts';
import { createLogger } from './log.ts';
import { Jobs } from './jobs.ts';

/**
 * Two nodes share one queue: on the PostgreSQL server each node has its own connection pool; on PGlite
 * (one process per data directory) two queue instances share the connection. Either way a job sent once
 * runs once, and a job sent while no worker runs survives until one starts.
 */
const log = createLogger('silent');
let primary: Database;
let secondary: Database;

beforeAll(async () => {
  primary = await createTestDatabase();
  secondary =
    primary.kind === 'postgres'
      ? await openDatabase({ databaseUrl: primary.connectionString, dataDir: '', poolSize: 4 })
      : primary;
});
afterAll(async () => {
  if (secondary !== primary) await secondary?.close();
  await primary?.close();
});

async function waitFor(condition: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

describe('job queue', () => {
  it('runs each job exactly once with two nodes working the same queue, and keeps jobs sent while nobody works', async () => {
    const runs = new Map<number, string[]>();
    const node = (name: string, database: Database) => {
      const jobs = new Jobs(database, log);
      jobs.define<{ n: number }>('test.count', async ({ n }) => {
        runs.set(n, [...(runs.get(n) ?? []), name]);
      });
      return jobs;
    };

    // Sent before any worker exists: must wait in the database, not be lost.
    const sender = node('sender', primary);
    await sender.start({ work: false });
    for (let n = 0; n < 10; n += 1) await sender.send('test.count', { n });
    await sender.stop();

    const a = node('a', primary);
    const b = node('b', secondary);
    await a.start({ work: true });
    await b.start({ work: true });
    for (let n = 10; n < 40; n += 1) await (n % 2 ? a : b).send('test.count', { n });
    await waitFor(() => runs.size === 40, 30_000);
    await a.stop();
    await b.stop();

    expect(runs.size).toBe(40);
    for (const [n, by] of runs) expect(by, `job ${n}`).toHaveLength(1);
  }, 60_000);

  it('refuses to send a job nobody defined', async () => {
    const jobs = new Jobs(primary, log);
    await expect(jobs.send('nope', {})).rejects.toThrow(/Unknown job/);
  });
});
