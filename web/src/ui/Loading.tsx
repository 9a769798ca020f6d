import { useI18n } from '../i18n/context.tsx';
import { errorMessage, type ErrorOverrides } from '../i18n/errors.ts';
import { Alert } from './Alert.tsx';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="loading__dot" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/** A failed load: the reason in words and a way to try again. */
export function LoadError({
  error,
  onRetry,
  overrides,
}: {
  error: unknown;
  onRetry?: () => void;
  overrides?: ErrorOverrides;
}) {
  const { t, locale } = useI18n();
  return (
    <Alert variant="error" live="alert" title={t('common.loadFailed')}>
      <p>{errorMessage(error, locale, overrides)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      ) : null}
    </Alert>
  );
}
