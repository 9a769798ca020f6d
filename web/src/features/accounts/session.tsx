import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onAuthRequired, setCsrfToken, type ApiError } from '../../api/client.ts';
import { accountsApi, type Me, type SessionResponse } from '../../api/accounts.ts';
import type { Locale } from '../../api/enums.ts';
import { useI18n } from '../../i18n/context.tsx';

type SessionValue = {
  /** `loading` until the first GET /auth/session answers. */
  status: 'loading' | 'ready';
  user: Me | null;
  /** The first session check failed (server unreachable). */
  error: ApiError | null;
  /** After sign-in or accepting an invitation: the new user and CSRF token. */
  start: (session: SessionResponse) => void;
  signOut: () => Promise<void>;
  updateUser: (user: Me) => void;
  /** Switch the language; signed-in people keep it in their account. */
  changeLanguage: (locale: Locale) => void;
};

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLocale } = useI18n();
  const [status, setStatus] = useState<'loading' | 'ready'>('loading');
  const [user, setUser] = useState<Me | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const start = useCallback(
    (session: SessionResponse) => {
      setCsrfToken(session.csrfToken);
      setUser(session.user);
      if (session.user) setLocale(session.user.locale);
    },
    [setLocale],
  );

  useEffect(() => {
    const controller = new AbortController();
    accountsApi
      .session(controller.signal)
      .then((session) => {
        start(session);
        setStatus('ready');
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e as ApiError);
        setStatus('ready');
      });
    return () => controller.abort();
  }, [start]);

  useEffect(() => {
    // The session ended on the server (expired, signed out elsewhere): forget the user; protected pages
    // then send the visitor to sign in and back.
    onAuthRequired(() => {
      setCsrfToken(null);
      setUser(null);
    });
    return () => onAuthRequired(null);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await accountsApi.logout();
    } finally {
      setCsrfToken(null);
      setUser(null);
      try {
        const session = await accountsApi.session();
        setCsrfToken(session.csrfToken);
      } catch {
        // signed out anyway
      }
    }
  }, []);

  const updateUser = useCallback((next: Me) => setUser(next), []);

  const changeLanguage = useCallback(
    (locale: Locale) => {
      setLocale(locale);
      if (user && user.locale !== locale) {
        accountsApi
          .updateMe({ locale })
          .then(setUser)
          .catch(() => {
            // The page is already in the new language; the account keeps the old one until next time.
          });
      }
    },
    [setLocale, user],
  );

  const value = useMemo(
    () => ({ status, user, error, start, signOut, updateUser, changeLanguage }),
    [status, user, error, start, signOut, updateUser, changeLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
