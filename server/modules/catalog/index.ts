import type { AppModule } from '../../platform/module.ts';
import { CatalogService, LOAD_JOB, LOAD_SWEEP_JOB } from './service.ts';
import { catalogRoutes } from './routes.ts';
import { searchFeedFor } from './search-feed.ts';
import { catalogSearchRoutes } from './search-routes.ts';
import { CatalogSearchService } from './search-service.ts';

export { CatalogService, LOAD_JOB } from './service.ts';
export { runLoad, type RunOptions, type RunOutcome } from './load.ts';
export { SearchFeed, searchFeedFor } from './search-feed.ts';
export { CatalogSearchService } from './search-service.ts';

/** The union catalog: MARC loads, deduplicated clusters, staff split / merge decisions, and search. */
export const catalogModule: AppModule = {
  name: 'catalog',
  routes: async (api, ctx) => {
    await catalogRoutes(api, new CatalogService(ctx));
    // One in-memory index per app process, fed from the database (see docs/decisions/0008).
    const feed = searchFeedFor(ctx);
    api.addHook('onReady', async () => {
      void feed.start();
    });
    api.addHook('onClose', async () => feed.stop());
    await catalogSearchRoutes(api, new CatalogSearchService(ctx, feed));
  },
  jobs: (ctx) => {
    const service = new CatalogService(ctx);
    // A retried job resumes from the load's checkpoint, so retries are safe.
    ctx.jobs.define<{ loadId: string }>(
      LOAD_JOB,
      async ({ loadId }) => {
        await service.run(loadId);
      },
      { retryLimit: 3 },
    );
    ctx.jobs.define(LOAD_SWEEP_JOB, () => service.sweep(), { cron: '*/5 * * * *', retryLimit: 0 });
  },
};
export { clusterSummary, clusterHoldings, clustersByIdentifier } from './sharing-queries.ts';
