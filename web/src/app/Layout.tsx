import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n/context.tsx';
import { requestHeadingFocus } from '../ui/focus.ts';
import { Alert } from '../ui/Alert.tsx';
import { useSession } from '../features/accounts/session.tsx';
import { Header } from './Header.tsx';
import { Footer } from './Footer.tsx';

/** Skip link, header, main landmark, footer; moves focus to the new page's h1 after each navigation. */
export function Layout() {
  const { t } = useI18n();
  const { error } = useSession();
  const { pathname } = useLocation();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    requestHeadingFocus();
  }, [pathname]);

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          const main = document.getElementById('main');
          main?.focus();
          main?.scrollIntoView();
        }}
      >
        {t('layout.skipToContent')}
      </a>
      <Header />
      <main id="main" tabIndex={-1} className="main">
        <div className="container">
          {error ? (
            <Alert variant="warning" title={t('layout.serverUnreachable')}>
              <p>{t('layout.serverUnreachableHelp')}</p>
            </Alert>
          ) : null}
          <Outlet />
        </div>
      </main>
      <Footer />
    </>
  );
}
