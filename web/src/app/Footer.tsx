import { Link } from 'react-router';
import { useI18n } from '../i18n/context.tsx';
import { useMailboxEnabled } from '../features/admin/useMailboxEnabled.ts';

export function Footer() {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const mailbox = useMailboxEnabled();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p className="site-footer__tagline">{t('footer.tagline')}</p>
        <nav aria-label={t('footer.navLabel')}>
          <ul className="site-footer__links">
            <li>
              <Link to="/">{t('nav.home')}</Link>
            </li>
            <li>
              <Link to="/members">{t('footer.directory')}</Link>
            </li>
            <li>
              <a href="/api/docs">{t('footer.apiDocs')}</a>
            </li>
            {mailbox ? (
              <li>
                <Link to="/dev/mailbox">{t('footer.mailbox')}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
        <p className="site-footer__small">{t('footer.copyright', { year: String(year) })}</p>
      </div>
    </footer>
  );
}
