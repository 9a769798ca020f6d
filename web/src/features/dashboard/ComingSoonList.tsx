import { Link } from 'react-router';
import { useI18n } from '../../i18n/context.tsx';
import type { MessageKey } from '../../i18n/en.ts';

const AREAS: Array<{ to: string; title: MessageKey; text: MessageKey }> = [
  { to: '/learning', title: 'nav.learning', text: 'home.area.learning' },
  { to: '/community', title: 'nav.community', text: 'home.area.community' },
  { to: '/data', title: 'nav.data', text: 'home.area.data' },
  { to: '/services', title: 'nav.services', text: 'home.area.services' },
];

/** The areas that are not built yet, said honestly. */
export function ComingSoonList() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="dash-soon" className="section">
      <h2 id="dash-soon">{t('dashboard.comingSoon')}</h2>
      <p>{t('dashboard.comingSoonLead')}</p>
      <ul className="plain-list soon-list">
        {AREAS.map((a) => (
          <li key={a.to}>
            <Link to={a.to}>{t(a.title)}</Link>: {t(a.text)}
          </li>
        ))}
      </ul>
    </section>
  );
}
