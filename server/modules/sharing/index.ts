import type { AppContext } from '../../platform/context.ts';
import type { AppModule } from '../../platform/module.ts';
import { Notifier } from './notify.ts';
import { sharingRoutes } from './routes.ts';
import { SharingService } from './service.ts';
import { SharingSettings } from './settings.ts';
import { SharingViews } from './views.ts';

export { SharingService } from './service.ts';
export { SharingViews } from './views.ts';

export type SharingServices = {
  service: SharingService;
  views: SharingViews;
  settings: SharingSettings;
};

export function sharingServices(ctx: AppContext): SharingServices {
  return {
    service: new SharingService(ctx, new Notifier(ctx)),
    views: new SharingViews(ctx),
    settings: new SharingSettings(ctx),
  };
}

/** Resource sharing: interlibrary loan between members, both sides, routed and private by design. */
export const sharingModule: AppModule = {
  name: 'sharing',
  routes: async (api, ctx) => sharingRoutes(api, sharingServices(ctx)),
};
