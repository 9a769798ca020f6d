import type { AppModule } from '../../platform/module.ts';
import { MembersService } from './service.ts';
import { membersRoutes } from './routes.ts';

export { MembersService } from './service.ts';

/** Members: libraries, partners, people, the directories and the dashboard. */
export const membersModule: AppModule = {
  name: 'members',
  routes: async (api, ctx) => membersRoutes(api, new MembersService(ctx)),
};
export { librariesByIds, closuresBetween, staffWithCapability, activeLibraries } from './sharing-queries.ts';
