import type { AppModule } from '../../platform/module.ts';
import { CatalogService, LOAD_JOB, LOAD_SWEEP_JOB } from './service.ts';
import { catalogRoutes } from './routes.ts';

export { CatalogService, LOAD_JOB } from './service.ts';
export { runLoad, type RunOptions, type RunOutcome } from './load.ts';

/** The union catalog: MARC loads, deduplicated clusters and staff split / merge decisions. */
export const catalogModule: AppModule = {
  name: 'catalog',
  routes: async (api, ctx) => catalogRoutes(api, new CatalogService(ctx)),
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
