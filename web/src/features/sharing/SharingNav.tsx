import { useI18n } from '../../i18n/context.tsx';
import { SubNav } from '../../ui/SubNav.tsx';
import { useSession } from '../accounts/session.tsx';
import { useSharingScope } from './scope.ts';
import { canEditPolicy, canSeeAnalytics, canUseSharing } from './values.ts';

/** Borrowing / lending queues, a new request, policy, analytics and notifications. */
export function SharingNav() {
  const { t } = useI18n();
  const { user } = useSession();
  const { consortium, keep } = useSharingScope();
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
        // Consortium staff follow any library's queues (the chosen library stays in the links).
        ...(consortium
          ? [
              { to: keep('/sharing'), label: t('ill.nav.borrowing') },
              { to: keep('/sharing/lending'), label: t('ill.nav.lending') },
            ]
          : []),
        ...(staff || consortium || canEditPolicy(user)
          ? [{ to: keep('/sharing/policy'), label: t('ill.nav.policy') }]
          : []),
        ...(canSeeAnalytics(user) ? [{ to: keep('/sharing/analytics'), label: t('ill.nav.analytics') }] : []),
        ...(consortium ? [{ to: '/sharing/partners', label: t('ill.nav.partners') }] : []),
        { to: '/sharing/notifications', label: t('ill.nav.notifications') },
      ]}
    />
  );
}
