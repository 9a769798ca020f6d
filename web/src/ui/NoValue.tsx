import { useI18n } from '../i18n/context.tsx';

/** A dash for "nothing here", read out as words. */
export function NoValue() {
  const { t } = useI18n();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('common.notGiven')}</span>
    </>
  );
}
