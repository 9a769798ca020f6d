import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { CatalogService } from '../modules/catalog/index.ts';
import { catalogClusters, catalogLoads } from '../modules/catalog/tables.ts';
import { tempDataDir } from '../modules/catalog/test-support.ts';
import { seedDemo } from './index.ts';
import { seedDemoCatalog } from './catalog.ts';

/** The demo catalog goes through real loads: files, queued loads, the load job, clusters. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: tempDataDir() });
  await seedDemo(t.ctx.db);
});
afterAll(async () => {
  await t?.close();
});

describe('demo catalog seed', () => {
  it('queues one load per library file, and only once', async () => {
    const seeded = await seedDemoCatalog(t.ctx, 600);
    expect(seeded?.records).toBe(600);
    expect(seeded!.loads).toBeGreaterThan(10);
    expect(await seedDemoCatalog(t.ctx, 600)).toBeNull();

    const loads = await t.ctx.db.select({ id: catalogLoads.id }).from(catalogLoads);
    expect(loads).toHaveLength(seeded!.loads);
    const service = new CatalogService(t.ctx);
    for (const load of loads) expect(await service.run(load.id)).toBe('completed');

    const [row] = await t.ctx.db
      .select({
        clusters: count(),
        shared: sql<string>`count(*) FILTER (WHERE ${catalogClusters.libraryCount} > 1)`,
      })
      .from(catalogClusters);
    // Copies held by several libraries fold into shared clusters.
    expect(Number(row!.clusters)).toBeGreaterThan(300);
    expect(Number(row!.shared)).toBeGreaterThan(50);
  });
});
