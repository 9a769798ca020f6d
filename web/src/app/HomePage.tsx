import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/context.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { Alert } from '../ui/Alert.tsx';
import { Page } from '../ui/Page.tsx';
import { Badge } from '../ui/Badge.tsx';
import { useSession } from '../features/accounts/session.tsx';

type Area = { to: string; title: MessageKey; text: MessageKey; ready: boolean };

const AREAS: Area[] = [
  { to: '/members', title: 'nav.members', text: 'home.area.members', ready: true },
  { to: '/catalog', title: 'nav.catalog', text: 'home.area.catalog', ready: true },
  { to: '/sharing', title: 'nav.sharing', text: 'home.area.sharing', ready: true },
  { to: '/learning', title: 'nav.learning', text: 'home.area.learning', ready: true },
  { to: '/community', title: 'nav.community', text: 'home.area.community', ready: false },
  { to: '/data', title: 'nav.data', text: 'home.area.data', ready: false },
  { to: '/services', title: 'nav.services', text: 'home.area.services', ready: false },
];

export function HomePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const location = useLocation();
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut && !user;
  return (
    <Page title={t('site.name')} heading={t('home.title')} lead={t('home.lead')}>
      {signedOut ? <Alert variant="success" live="status" title={t('home.signedOut')} /> : null}
      <div className="cta-row">
        {user ? (
          <Link className="button" to="/dashboard">
            {t('home.goToDashboard')}
          </Link>
        ) : (
          <Link className="button" to="/sign-in">
            {t('nav.signIn')}
          </Link>
        )}
        <Link className="button button--secondary" to="/members">
          {t('home.browseMembers')}
        </Link>
      </div>

      <section aria-labelledby="home-how">
        <h2 id="home-how">{t('home.howTitle')}</h2>
        <p>{t('home.howText1')}</p>
        <p>{t('home.howText2')}</p>
      </section>

      <section aria-labelledby="home-areas">
        <h2 id="home-areas">{t('home.areasTitle')}</h2>
        <ul className="card-grid">
          {AREAS.map((area) => (
            <li key={area.to} className="card">
              <h3 className="card__title">
                <Link to={area.to}>{t(area.title)}</Link>
              </h3>
              <p>{t(area.text)}</p>
              <p>
                {area.ready ? (
                  <Badge tone="positive">{t('home.available')}</Badge>
                ) : (
                  <Badge>{t('home.comingSoon')}</Badge>
                )}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="home-join">
        <h2 id="home-join">{t('home.joinTitle')}</h2>
        <p>{t('home.joinText')}</p>
      </section>
    </Page>
  );
}
