import { useI18n } from '../../i18n/context.tsx';
import { SubNav } from '../../ui/SubNav.tsx';
import { useSession } from '../accounts/session.tsx';
import { canEditPolicy, canSeeAnalytics, canUseSharing } from './values.ts';

/** Borrowing / lending queues, a new request, policy, analytics and notifications. */
export function SharingNav() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  const staff = canUseSharing(user);
  return (
    <SubNav
      label={t('ill.navLabel')}
      items={[
        ...(staff
          ? [
              { to: '/sharing', label: t('ill.nav.borrowing') },
              { to: '/sharing/lending', label: t('ill.nav.lending') },
              { to: '/sharing/requests/new', label: t('ill.nav.new') },
            ]
          : []),
        ...(staff || canEditPolicy(user) ? [{ to: '/sharing/policy', label: t('ill.nav.policy') }] : []),
        ...(canSeeAnalytics(user) ? [{ to: '/sharing/analytics', label: t('ill.nav.analytics') }] : []),
        { to: '/sharing/notifications', label: t('ill.nav.notifications') },
      ]}
    />
  );
}
