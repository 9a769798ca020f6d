import { useI18n } from '../../i18n/context.tsx';
import { SubNav } from '../../ui/SubNav.tsx';

/** Libraries / staff directory (the staff directory is for member staff only). */
export function MembersNav({ signedIn, partner }: { signedIn: boolean; partner: boolean }) {
  const { t } = useI18n();
  if (!signedIn || partner) return null;
  return (
    <SubNav
      label={t('members.navLabel')}
      items={[
        { to: '/members', label: t('members.libraries') },
        { to: '/members/staff', label: t('nav.staffDirectory') },
      ]}
    />
  );
}
