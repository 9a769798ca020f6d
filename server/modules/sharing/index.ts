import type { AppContext } from '../../platform/context.ts';
import type { AppModule } from '../../platform/module.ts';
import { Notifier } from './notify.ts';
import { sharingRoutes } from './routes.ts';
import { SharingService } from './service.ts';
import { SharingSettings } from './settings.ts';
import { SharingViews } from './views.ts';
import { CopyStore } from './copies.ts';
import { SharingAnalytics } from './analytics.ts';
import { DIGEST_JOB, SharingDigest } from './digest.ts';
import { copyRoutes } from './copy-routes.ts';
import { PartnerService } from './iso18626/partners.ts';
import { MessageLog } from './iso18626/message-log.ts';
import { partnerRoutes } from './iso18626/partner-routes.ts';
import { logRoutes } from './iso18626/log-routes.ts';
import { defineDeliveryJob } from './iso18626/delivery.ts';
import { PatronPages } from './patron-page.ts';
import { patronPageRoutes } from './patron-page-routes.ts';
import {
  COPY_EXPIRY_JOB,
  DUE_SOON_JOB,
  OVERDUE_JOB,
  PURGE_JOB,
  SharingTimers,
  TIMEOUTS_JOB,
} from './jobs.ts';

export { SharingService } from './service.ts';
export { SharingViews } from './views.ts';

export type SharingServices = {
  service: SharingService;
  views: SharingViews;
  settings: SharingSettings;
  copies: CopyStore;
  analytics: SharingAnalytics;
  timers: SharingTimers;
};

export function sharingServices(ctx: AppContext): SharingServices {
  const notifier = new Notifier(ctx);
  return {
    service: new SharingService(ctx, notifier),
    views: new SharingViews(ctx),
    settings: new SharingSettings(ctx),
    copies: new CopyStore(ctx),
    analytics: new SharingAnalytics(ctx),
    timers: new SharingTimers(ctx, notifier),
  };
}

/** Resource sharing: interlibrary loan between members, both sides, routed and private by design. */
export const sharingModule: AppModule = {
  name: 'sharing',
  routes: async (api, ctx) => {
    const services = sharingServices(ctx);
    sharingRoutes(api, services);
    patronPageRoutes(api, new PatronPages(ctx, services.service));
    await copyRoutes(api, services);
    const isoLog = new MessageLog(ctx);
    partnerRoutes(api, new PartnerService(ctx), isoLog);
    logRoutes(api, isoLog);
  },
  jobs: (ctx) => {
    const { timers, copies } = sharingServices(ctx);
    // Sweeps: idempotent and safe on several nodes at once (see jobs.ts).
    const sweep = (name: string, cron: string, run: () => Promise<unknown>) =>
      ctx.jobs.define(name, async () => void (await run()), { cron, retryLimit: 0 });
    sweep(TIMEOUTS_JOB, '*/5 * * * *', () => timers.answerTimeouts());
    sweep(OVERDUE_JOB, '17 * * * *', () => timers.overdue());
    sweep(DUE_SOON_JOB, '7 14 * * *', () => timers.dueSoon());
    sweep(PURGE_JOB, '37 3 * * *', () => timers.purgePatrons());
    sweep(COPY_EXPIRY_JOB, '47 * * * *', () => copies.expire());
    // Shortly after midnight UTC: the previous day's digest (once per person and day, any number of nodes).
    sweep(DIGEST_JOB, '15 0 * * *', () => new SharingDigest(ctx).send());
    defineDeliveryJob(ctx, new Notifier(ctx));
  },
};

export { TIMEOUTS_JOB, OVERDUE_JOB, DUE_SOON_JOB, PURGE_JOB, COPY_EXPIRY_JOB } from './jobs.ts';
