import { LOCALE_LIST, type Locale } from '../api/enums.ts';
import { useI18n } from '../i18n/context.tsx';
import { useSession } from '../features/accounts/session.tsx';

const names: Record<Locale, string> = { en: 'English', es: 'Español' };

/** EN / ES, always visible. Each button names its language in that language. */
export function LanguageSwitch() {
  const { t, locale } = useI18n();
  const { changeLanguage } = useSession();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LOCALE_LIST.map((l) => (
        <button
          key={l}
          type="button"
          className="language-switch__button"
          aria-pressed={locale === l}
          lang={l}
          onClick={() => changeLanguage(l)}
        >
          {l.toUpperCase()}
          <span className="visually-hidden"> – {names[l]}</span>
        </button>
      ))}
    </div>
  );
}
