import { useI18n } from '../../i18n/context.tsx';
import { SubNav } from '../../ui/SubNav.tsx';
import { useSession } from '../accounts/session.tsx';
import { canLoad } from './access.ts';

/** Search / advanced search, and record loads for catalog staff. */
export function CatalogNav() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <SubNav
      label={t('catalog.nav.label')}
      items={[
        { to: '/catalog', label: t('catalog.nav.search') },
        { to: '/catalog/advanced', label: t('catalog.nav.advanced') },
        ...(canLoad(user) ? [{ to: '/catalog/loads', label: t('catalog.nav.loads'), end: false }] : []),
      ]}
    />
  );
}
