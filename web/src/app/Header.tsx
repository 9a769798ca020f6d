import { Link, NavLink } from 'react-router';
import { useI18n } from '../i18n/context.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useSession } from '../features/accounts/session.tsx';
import { AccountMenu } from './AccountMenu.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NotificationBell } from '../features/sharing/NotificationBell.tsx';

/** The areas of the mission, in the main navigation. */
export const AREAS: Array<{ to: string; label: MessageKey }> = [
  { to: '/catalog', label: 'nav.catalog' },
  { to: '/sharing', label: 'nav.sharing' },
  { to: '/learning', label: 'nav.learning' },
  { to: '/community', label: 'nav.community' },
  { to: '/data', label: 'nav.data' },
  { to: '/services', label: 'nav.services' },
  { to: '/members', label: 'nav.members' },
];

export function Header() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <header className="site-header">
      <div className="container site-header__top">
        <Link to="/" className="site-header__brand">
          <span className="site-header__logo" aria-hidden="true" />
          <span>{t('site.name')}</span>
        </Link>
        <div className="site-header__tools">
          <LanguageSwitch />
          <NotificationBell />
          <AccountMenu />
        </div>
      </div>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <ul className="container site-nav__list">
          {user ? (
            <li>
              <NavLink className="site-nav__link" to="/dashboard">
                {t('nav.dashboard')}
              </NavLink>
            </li>
          ) : null}
          {AREAS.map((area) => (
            <li key={area.to}>
              <NavLink className="site-nav__link" to={area.to}>
                {t(area.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
