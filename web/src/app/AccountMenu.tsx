import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { isAdmin } from '../api/enums.ts';
import { useI18n } from '../i18n/context.tsx';
import { useSession } from '../features/accounts/session.tsx';

/** Sign-in link, or the signed-in person's menu (a disclosure: a button that shows a list of links). */
export function AccountMenu() {
  const { t } = useI18n();
  const { status, user, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (wrapper.current && !wrapper.current.contains(e.target as Node)) setOpen(false);
    };
    const onFocus = (e: FocusEvent) => {
      if (wrapper.current && e.target instanceof Node && !wrapper.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open]);

  if (status === 'loading') return <div className="account-menu" />;

  if (!user) {
    const here = `${location.pathname}${location.search}`;
    const next =
      location.pathname === '/' || location.pathname === '/sign-in'
        ? ''
        : `?next=${encodeURIComponent(here)}`;
    return (
      <div className="account-menu">
        <Link className="button button--header" to={`/sign-in${next}`}>
          {t('nav.signIn')}
        </Link>
      </div>
    );
  }

  const onSignOut = async () => {
    setOpen(false);
    navigate('/', { state: { signedOut: true } });
    await signOut();
  };

  return (
    <div className="account-menu" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="button button--header account-menu__toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="visually-hidden">{t('account.menuFor')} </span>
        {user.displayName}
        <span className="account-menu__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={menuId} className="account-menu__panel" hidden={!open}>
        <p className="account-menu__who">
          <span className="account-menu__email">{user.email}</span>
          <span>{user.organization.name}</span>
        </p>
        <ul className="account-menu__list">
          <li>
            <Link to="/dashboard">{t('nav.dashboard')}</Link>
          </li>
          <li>
            <Link to={`/members/${user.organization.id}`}>{t('account.myOrganization')}</Link>
          </li>
          {user.organization.kind !== 'partner' ? (
            <li>
              <Link to="/members/staff">{t('nav.staffDirectory')}</Link>
            </li>
          ) : null}
          <li>
            <Link to="/account">{t('nav.account')}</Link>
          </li>
          {isAdmin(user.role) ? (
            <li>
              <Link to="/admin/audit">{t('nav.audit')}</Link>
            </li>
          ) : null}
          <li>
            <button type="button" className="account-menu__signout" onClick={() => void onSignOut()}>
              {t('nav.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
