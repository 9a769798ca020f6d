import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../api/enums.ts';
import type { MessageKey } from './en.ts';
import {
  LOCALE_STORAGE_KEY,
  detectLocale,
  translate,
  translatePlural,
  type PluralBase,
  type Vars,
} from './core.ts';
import { createFormatters, type Formatters } from './format.ts';

export type I18n = {
  locale: Locale;
  t: (key: MessageKey, vars?: Vars) => string;
  tp: (base: PluralBase, count: number, vars?: Vars) => string;
  fmt: Formatters;
  setLocale: (locale: Locale) => void;
};

const I18nContext = createContext<I18n | null>(null);

function readStoredLocale(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeLocale(locale: Locale) {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this visit only
  }
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() =>
    detectLocale(
      readStoredLocale(),
      navigator.languages?.length ? navigator.languages : [navigator.language],
    ),
  );

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key, vars) => translate(locale, key, vars),
      tp: (base, count, vars) => translatePlural(locale, base, count, vars),
      fmt: createFormatters(locale),
      setLocale,
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside LocaleProvider');
  return value;
}
