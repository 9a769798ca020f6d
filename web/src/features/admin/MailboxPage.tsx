import { useSearchParams } from 'react-router';
import { accountsApi } from '../../api/accounts.ts';
import { errorCode } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { BeyondLastPage, Pagination } from '../../ui/Pagination.tsx';
import { linkify } from '../../ui/linkify.tsx';

const PAGE_SIZE = 10;
const STATUS: Record<string, MessageKey> = {
  queued: 'mailbox.status.queued',
  sending: 'mailbox.status.sending',
  captured: 'mailbox.status.captured',
  sent: 'mailbox.status.sent',
  failed: 'mailbox.status.failed',
};
const TEMPLATE: Record<string, MessageKey> = {
  invitation: 'mailbox.template.invitation',
  password_reset: 'mailbox.template.password_reset',
  password_changed: 'mailbox.template.password_changed',
};

/** The emails the platform would have sent, while no SMTP server is configured (demo, development). */
export function MailboxPage() {
  const { t, tp, fmt } = useI18n();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const result = useResource(
    `mailbox:${page}`,
    (signal) => accountsApi.mailbox({ page, pageSize: PAGE_SIZE }, signal),
    {
      keepPrevious: true,
    },
  );
  const data = result.data;
  const off =
    (data && !data.enabled) ||
    errorCode(result.error) === 'NOT_FOUND' ||
    errorCode(result.error) === 'ROUTE_NOT_FOUND';

  return (
    <Page title={t('mailbox.title')} lead={t('mailbox.lead')}>
      <div className="actions-row">
        <button type="button" className="button button--secondary" onClick={result.reload}>
          {t('mailbox.refresh')}
        </button>
      </div>
      {off ? (
        <Alert variant="info" title={t('mailbox.off')}>
          <p>{t('mailbox.offText')}</p>
        </Alert>
      ) : (
        <>
          <LiveRegion>
            {data ? (data.total ? tp('mailbox.count', data.total) : t('mailbox.empty')) : ''}
          </LiveRegion>
          {result.error ? <LoadError error={result.error} onRetry={result.reload} /> : null}
          {!data && !result.error ? <Loading /> : null}
          {data && !data.items.length && data.total > 0 ? (
            <BeyondLastPage hrefFor={(p) => (p > 1 ? `/dev/mailbox?page=${p}` : '/dev/mailbox')} />
          ) : null}
          {data?.items.length ? (
            <div aria-busy={result.loading}>
              <ol className="mail-list">
                {data.items.map((m) => (
                  <li key={m.id}>
                    <article className="mail" aria-labelledby={`mail-${m.id}`}>
                      <h2 id={`mail-${m.id}`} className="mail__subject" lang={m.locale}>
                        {m.subject}
                      </h2>
                      <dl className="mail__meta">
                        <div>
                          <dt>{t('mailbox.to')}</dt>
                          <dd>{m.to}</dd>
                        </div>
                        <div>
                          <dt>{t('mailbox.date')}</dt>
                          <dd>
                            <time dateTime={m.createdAt}>{fmt.dateTime(m.createdAt)}</time>
                          </dd>
                        </div>
                        <div>
                          <dt>{t('mailbox.kind')}</dt>
                          <dd>
                            {TEMPLATE[m.template] ? t(TEMPLATE[m.template]!) : m.template} ·{' '}
                            {m.locale === 'es' ? 'Español' : 'English'} ·{' '}
                            <Badge>{STATUS[m.status] ? t(STATUS[m.status]!) : m.status}</Badge>
                          </dd>
                        </div>
                      </dl>
                      <div className="mail__text" lang={m.locale}>
                        {linkify(m.text)}
                      </div>
                    </article>
                  </li>
                ))}
              </ol>
              <Pagination
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                hrefFor={(p) => (p > 1 ? `/dev/mailbox?page=${p}` : '/dev/mailbox')}
                label={t('mailbox.pagination')}
              />
            </div>
          ) : null}
        </>
      )}
    </Page>
  );
}
