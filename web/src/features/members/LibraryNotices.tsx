import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';

/** Someone else saved first: explain, and offer to load their version (this form then starts again). */
export function ConflictHelp({ onReload }: { onReload: () => void }) {
  const { t } = useI18n();
  return (
    <div className="conflict-help">
      <p>{t('conflict.help')}</p>
      <button type="button" className="button button--secondary" onClick={onReload}>
        {t('conflict.reload')}
      </button>
    </div>
  );
}

/** A section the visitor may not use (the API would refuse it too). */
export function NotAllowed({ title, text }: { title: string; text?: string }) {
  const { t } = useI18n();
  return (
    <section className="section" aria-labelledby="not-allowed-title">
      <h2 id="not-allowed-title">{title}</h2>
      <Alert variant="error" title={t('error.FORBIDDEN')}>
        <p>{text ?? t('library.notAllowed')}</p>
      </Alert>
    </section>
  );
}
