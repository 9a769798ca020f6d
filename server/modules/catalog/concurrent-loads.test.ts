import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { loadFile, marcFile, tempDataDir } from './test-support.ts';
import { catalogClusters } from './tables.ts';

/**
 * Two libraries load the same titles at the same moment (on the PostgreSQL server these are two
 * connections, as two app nodes would be): each title must still end up in ONE cluster held by both.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: tempDataDir() });
});
afterAll(async () => {
  await t?.close();
});

describe('concurrent loads', () => {
  it('cluster the same manifestations together whichever load commits first', async () => {
    const [a, b] = await Promise.all([
      loadFile(t, t.fixtures.libraryA.id, marcFile('camel.mrc')),
      loadFile(t, t.fixtures.libraryB.id, marcFile('camel.mrc')),
    ]);
    expect([a.outcome, b.outcome]).toEqual(['completed', 'completed']);
    const [row] = await t.ctx.db
      .select({
        clusters: count(),
        shared: sql<string>`count(*) FILTER (WHERE ${catalogClusters.libraryCount} = 2)`,
      })
      .from(catalogClusters);
    expect({ clusters: Number(row!.clusters), shared: Number(row!.shared) }).toEqual({
      clusters: 10,
      shared: 10,
    });
  });
});
