import type { AppContext } from '../../platform/context.ts';
import type { AppModule } from '../../platform/module.ts';
import { LearningService } from './service.ts';
import { Registrations } from './registrations.ts';
import { learningRoutes } from './routes.ts';
import { organiserRoutes } from './organiser-routes.ts';
import { calendarRoutes } from './calendar-routes.ts';
import { CalendarService } from './calendar.ts';
import { OrganiserTools } from './organiser.ts';
import { Certificates } from './certificates.ts';
import { TranscriptService } from './transcript.ts';
import { transcriptRoutes } from './transcript-routes.ts';

export { LearningService } from './service.ts';
export { Registrations } from './registrations.ts';

export const EXPIRE_OFFERS_JOB = 'learning.expire-offers';
export const REMINDERS_JOB = 'learning.reminders';

export type LearningServices = {
  events: LearningService;
  registrations: Registrations;
  organiser: OrganiserTools;
  certificates: Certificates;
};

export function learningServices(ctx: AppContext): LearningServices {
  const registrations = new Registrations(ctx);
  return {
    registrations,
    events: new LearningService(ctx, registrations),
    organiser: new OrganiserTools(ctx),
    certificates: new Certificates(ctx),
  };
}

/** Learning: events and training, registration and waitlist, certificates and transcripts. */
export const learningModule: AppModule = {
  name: 'learning',
  routes: async (api, ctx) => {
    const services = learningServices(ctx);
    learningRoutes(api, services);
    organiserRoutes(api, services);
    calendarRoutes(api, new CalendarService(ctx));
    await transcriptRoutes(api, new TranscriptService(ctx));
  },
  jobs: (ctx) => {
    const { registrations } = learningServices(ctx);
    // Both handlers are idempotent and safe to run on several nodes at once (see registrations.ts).
    ctx.jobs.define(EXPIRE_OFFERS_JOB, async () => void (await registrations.expireOffers()), {
      cron: '*/5 * * * *',
      retryLimit: 0,
    });
    ctx.jobs.define(REMINDERS_JOB, async () => void (await registrations.sendReminders()), {
      cron: '*/15 * * * *',
      retryLimit: 0,
    });
  },
};
