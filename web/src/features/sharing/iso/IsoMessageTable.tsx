import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { useI18n, type I18n } from '../../../i18n/context.tsx';
import type { MessageKey } from '../../../i18n/en.ts';
import { Badge } from '../../../ui/Badge.tsx';
import { LiveRegion } from '../../../ui/LiveRegion.tsx';
import { TableWrap } from '../../../ui/TableWrap.tsx';
import type { IsoMessage } from '../partners/api.ts';
import './iso.css';

type Row = IsoMessage & { requestId?: string | null };
const TONE = {
  sent: 'positive',
  applied: 'positive',
  pending: 'neutral',
  ignored: 'neutral',
  resent: 'neutral',
  retrying: 'caution',
  failed: 'negative',
  rejected: 'negative',
  error: 'negative',
} as const;

/** Outbound then inbound statuses (the contract's list; the web app does not load the zod contract). */
export const MESSAGE_STATUSES = [
  'pending',
  'retrying',
  'sent',
  'failed',
  'rejected',
  'resent',
  'applied',
  'ignored',
  'error',
] as const satisfies readonly (keyof typeof TONE)[];

const KINDS = ['request', 'supplyingAgencyMessage', 'requestingAgencyMessage'];
export const kindLabel = (t: I18n['t'], kind: string) =>
  t((KINDS.includes(kind) ? `ill.iso.kind.${kind}` : 'ill.iso.kind.unknown') as MessageKey);
export const statusLabel = (t: I18n['t'], status: string) => t(`ill.iso.status.${status}` as MessageKey);

/**
 * ISO 18626 messages as a table: one row per message, and under it a row whose <details> holds the
 * pretty-printed XML (message and confirmation) with copy buttons. `onResend` shows "Resend" where allowed.
 */
export function IsoMessageTable({
  rows,
  caption,
  onResend,
  busy,
  showRequest,
}: {
  rows: Row[];
  caption: string;
  onResend?: (id: number) => void;
  busy?: boolean;
  showRequest?: boolean;
}) {
  const { t, fmt } = useI18n();
  const [said, setSaid] = useState('');
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid(t('ill.iso.copied'));
    } catch {
      setSaid(t('ill.iso.copyFailed'));
    }
  };
  const columns = showRequest ? 8 : 7;
  return (
    <>
      <TableWrap label={caption}>
        <table className="table ill-iso">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ill.iso.col.direction')}</th>
              <th scope="col">{t('ill.iso.col.kind')}</th>
              <th scope="col">{t('ill.iso.col.summary')}</th>
              <th scope="col">{t('ill.iso.col.status')}</th>
              <th scope="col">{t('ill.iso.col.tries')}</th>
              <th scope="col">{t('ill.iso.col.when')}</th>
              <th scope="col">{t('ill.iso.col.duration')}</th>
              {showRequest ? <th scope="col">{t('ill.iso.col.request')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <Fragment key={m.id}>
                <tr className="ill-iso__row">
                  <td>{t(m.direction === 'out' ? 'ill.iso.direction.out' : 'ill.iso.direction.in')}</td>
                  <td>{kindLabel(t, m.kind)}</td>
                  <td>
                    {m.summary}
                    {m.error ? <p className="ill-iso__error">{m.error}</p> : null}
                  </td>
                  <td>
                    <Badge tone={TONE[m.status]}>{statusLabel(t, m.status)}</Badge>
                    {m.waitingForEarlier ? <p className="muted">{t('ill.iso.waiting')}</p> : null}
                    {m.canResend && onResend ? (
                      <p>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={t('ill.iso.resendLabel', { id: m.id })}
                          disabled={busy}
                          onClick={() => onResend(m.id)}
                        >
                          {t('ill.iso.resend')}
                        </button>
                      </p>
                    ) : null}
                  </td>
                  <td>{m.tries}</td>
                  <td>
                    <span>
                      {t(m.direction === 'out' ? 'ill.iso.created' : 'ill.iso.receivedAt', {
                        when: fmt.dateTime(m.createdAt),
                      })}
                    </span>
                    {m.sentAt && m.direction === 'out' ? (
                      <span className="ill-iso__line">
                        {t('ill.iso.sent', { when: fmt.dateTime(m.sentAt) })}
                      </span>
                    ) : null}
                    {m.nextTryAt ? (
                      <span className="ill-iso__line">
                        {t('ill.iso.nextTry', { when: fmt.dateTime(m.nextTryAt) })}
                      </span>
                    ) : null}
                  </td>
                  <td>{m.durationMs === null ? '—' : t('ill.iso.durationMs', { ms: m.durationMs })}</td>
                  {showRequest ? (
                    <td>
                      {m.requestId ? <Link to={`/sharing/requests/${m.requestId}`}>#{m.id}</Link> : '—'}
                    </td>
                  ) : null}
                </tr>
                <tr className="ill-iso__xml">
                  <td colSpan={columns}>
                    <details>
                      <summary>{t('ill.iso.xml', { id: m.id })}</summary>
                      <XmlBlock
                        title={t('ill.iso.body')}
                        text={m.body}
                        copyLabel={t('ill.iso.copyBody')}
                        onCopy={copy}
                      />
                      {m.confirmation ? (
                        <XmlBlock
                          title={t('ill.iso.confirmation')}
                          text={m.confirmation}
                          copyLabel={t('ill.iso.copyConfirmation')}
                          onCopy={copy}
                        />
                      ) : (
                        <p className="muted">{t('ill.iso.noConfirmation')}</p>
                      )}
                    </details>
                  </td>
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <LiveRegion className="visually-hidden">{said}</LiveRegion>
    </>
  );
}

function XmlBlock({
  title,
  text,
  copyLabel,
  onCopy,
}: {
  title: string;
  text: string;
  copyLabel: string;
  onCopy: (text: string) => Promise<void>;
}) {
  const { t } = useI18n();
  return (
    <div className="ill-iso__block">
      <p className="ill-iso__block-title">
        <strong>{title}</strong>{' '}
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={copyLabel}
          onClick={() => void onCopy(text)}
        >
          {t('ill.iso.copy')}
        </button>
      </p>
      <pre className="ill-iso__pre">
        <code>{text}</code>
      </pre>
    </div>
  );
}
