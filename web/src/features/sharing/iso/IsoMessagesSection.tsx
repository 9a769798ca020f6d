import { useState } from 'react';
import { useResource } from '../../../api/useResource.ts';
import { useI18n } from '../../../i18n/context.tsx';
import { errorMessage } from '../../../i18n/errors.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { isoApi } from '../partners/api.ts';
import { IsoMessageTable } from './IsoMessageTable.tsx';

/**
 * "Messages with <partner> (ISO 18626)" on a request page. Shown only when the request involves an outside
 * library; a request between members (or one this reader may not see the messages of) shows nothing.
 */
export function IsoMessagesSection({ requestId, version }: { requestId: string; version?: number }) {
  const { t, fmt, locale } = useI18n();
  // The request's version in the key: after an action on the page, the messages are read again.
  const log = useResource(`ill-iso:${requestId}:${version ?? 0}`, (signal) =>
    isoApi.requestMessages(requestId, signal),
  );
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);
  const data = log.data;
  if (!data || (!data.partners.length && !data.items.length)) return null;

  const resend = async (id: number) => {
    setBusy(true);
    try {
      log.setData(await isoApi.resend(requestId, id));
      setOutcome({ ok: true });
    } catch (error) {
      setOutcome({ ok: false, error });
    } finally {
      setBusy(false);
    }
  };
  const names = fmt.list(data.partners.map((p) => `${p.name} (${p.symbol})`));
  return (
    <section aria-labelledby="ill-iso-title" className="section">
      <h2 id="ill-iso-title">{t('ill.iso.title', { partners: names })}</h2>
      <p className="muted">{t('ill.iso.lead')}</p>
      {outcome?.ok ? <Alert variant="success" live="status" title={t('ill.iso.resent')} /> : null}
      {outcome && !outcome.ok ? (
        <Alert variant="error" live="alert" title={errorMessage(outcome.error, locale)} />
      ) : null}
      {data.items.length ? (
        <IsoMessageTable
          rows={data.items}
          caption={t('ill.iso.caption')}
          onResend={(id) => void resend(id)}
          busy={busy}
        />
      ) : (
        <p>{t('ill.iso.none')}</p>
      )}
    </section>
  );
}
