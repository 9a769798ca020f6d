import { Link } from 'react-router';
import { useI18n } from '../i18n/context.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { Alert } from './Alert.tsx';
import { Page } from './Page.tsx';

type Props = { title: MessageKey; lead: MessageKey; plans: MessageKey[] };

/** An area of the mission that is not built yet: what it will do, said plainly, with no invented data. */
export function ComingSoon({ title, lead, plans }: Props) {
  const { t } = useI18n();
  return (
    <Page title={t(title)} lead={t(lead)}>
      <Alert variant="info" title={t('comingSoon.notBuilt')}>
        <p>{t('comingSoon.noData')}</p>
      </Alert>
      <h2>{t('comingSoon.plansTitle')}</h2>
      <ul className="plain-list plans">
        {plans.map((p) => (
          <li key={p}>{t(p)}</li>
        ))}
      </ul>
      <h2>{t('comingSoon.meanwhileTitle')}</h2>
      <ul className="link-list">
        <li>
          <Link to="/members">{t('comingSoon.meanwhileDirectory')}</Link>
        </li>
        <li>
          <Link to="/">{t('comingSoon.meanwhileHome')}</Link>
        </li>
      </ul>
    </Page>
  );
}
