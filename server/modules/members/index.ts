import type { AppModule } from '../../platform/module.ts';

/** Members: libraries, partners, people, directory. (Routes are being built.) */
export const membersModule: AppModule = {
  name: 'members',
  routes: async () => {},
};
