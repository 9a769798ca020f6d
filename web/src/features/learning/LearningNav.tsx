import { useI18n } from '../../i18n/context.tsx';
import { SubNav } from '../../ui/SubNav.tsx';
import { useSession } from '../accounts/session.tsx';
import { canOrganise } from './access.ts';

/** Events / my registrations / transcript / organising (for organisers). */
export function LearningNav() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  return (
    <SubNav
      label={t('learning.navLabel')}
      items={[
        { to: '/learning', label: t('learning.nav.events') },
        { to: '/learning/mine', label: t('learning.nav.mine') },
        { to: '/learning/transcript', label: t('learning.nav.transcript') },
        ...(canOrganise(user)
          ? [{ to: '/learning/organise', label: t('learning.nav.organise'), end: false }]
          : []),
      ]}
    />
  );
}
