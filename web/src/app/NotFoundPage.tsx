import { Link } from 'react-router';
import { useI18n } from '../i18n/context.tsx';
import { Page } from '../ui/Page.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')} lead={t('notFound.lead')} narrow>
      <ul className="link-list">
        <li>
          <Link to="/">{t('notFound.home')}</Link>
        </li>
        <li>
          <Link to="/members">{t('notFound.directory')}</Link>
        </li>
      </ul>
    </Page>
  );
}
