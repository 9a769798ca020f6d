import type { AppModule } from '../../platform/module.ts';
import type { AppContext } from '../../platform/context.ts';
import { AccountsService } from './service.ts';
import { accountsRoutes } from './routes.ts';
import { purgeOldLoginFailures } from './queries.ts';

export { AccountsService } from './service.ts';

const PURGE_JOB = 'accounts.purge';

/** Accounts: sign-in, sessions, password resets, invitations, personal settings, audit and dev mailbox. */
export const accountsModule: AppModule & { create: (ctx: AppContext) => AccountsService } = {
  name: 'accounts',
  create: (ctx) => new AccountsService(ctx),
  routes: async (api, ctx) => accountsRoutes(api, ctx, new AccountsService(ctx)),
  jobs: (ctx) => {
    const service = new AccountsService(ctx);
    // Expired sessions and old sign-in failures are removed hourly; deleting twice is harmless.
    ctx.jobs.define(
      PURGE_JOB,
      async () => {
        await service.sessions.purgeExpired();
        await purgeOldLoginFailures(ctx.db, new Date(Date.now() - 24 * 3600_000));
      },
      { cron: '17 * * * *', retryLimit: 1 },
    );
  },
};
