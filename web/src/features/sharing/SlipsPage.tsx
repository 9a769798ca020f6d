import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { sharingApi, type RequestDetail } from '../../api/sharing.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import './sharing.css';

/** At most this many slips at once (one page of the lending queue). */
const MAX = 50;
const UUID = /^[0-9a-f-]{36}$/i;

/**
 * Pull slips for one or many lending requests, laid out for printing (the print stylesheet hides the rest
 * of the site). Printing records "pull slip printed" on each request where the server offers it.
 */
export function SlipsPage() {
  const { t, fmt, locale } = useI18n();
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '')
    .split(',')
    .filter((id) => UUID.test(id))
    .slice(0, MAX);
  const key = ids.join(',');
  const slips = useResource(key ? `slips:${key}` : null, (signal) =>
    Promise.all(ids.map((id) => sharingApi.request(id, signal))),
  );
  const [error, setError] = useState<unknown>(null);

  const print = async () => {
    setError(null);
    const current = slips.data ?? [];
    try {
      const updated: RequestDetail[] = [];
      for (const r of current)
        updated.push(
          r.actions.includes('print_pull_slip')
            ? await sharingApi.act(r.id, { action: 'print_pull_slip', version: r.version })
            : r,
        );
      slips.setData(updated);
    } catch (e) {
      setError(e);
    }
    window.print();
  };

  return (
    <Page title={t('ill.slip.title')} lead={t('ill.slip.lead')}>
      <p className="actions-row no-print">
        <button type="button" className="button" onClick={() => void print()} disabled={!slips.data?.length}>
          {t('ill.slip.printNow')}
        </button>
        <Link to="/sharing/lending">{t('ill.slip.back')}</Link>
      </p>
      {error ? <Alert variant="error" live="alert" title={errorMessage(error, locale)} /> : null}
      {!key ? <p>{t('ill.slip.none')}</p> : null}
      {slips.error ? <LoadError error={slips.error} onRetry={slips.reload} /> : null}
      {key && !slips.data && !slips.error ? <Loading /> : null}
      {slips.data?.map((r) => {
        const c = r.citation;
        const a = r.attempt;
        return (
          <article key={r.id} className="ill-slip" aria-labelledby={`slip-${r.id}`}>
            <h2 id={`slip-${r.id}`}>
              {r.number} · {c.articleTitle || c.title}
            </h2>
            <dl className="summary-list summary-list--compact">
              <div>
                <dt>{t('ill.slip.for')}</dt>
                <dd>
                  {r.borrower.name} ({r.borrower.symbol})
                </dd>
              </div>
              <div>
                <dt>{t('ill.request.service')}</dt>
                <dd>{t(r.serviceType === 'loan' ? 'ill.service.loan' : 'ill.service.copy')}</dd>
              </div>
              {c.articleTitle ? (
                <div>
                  <dt>{t('ill.field.journal')}</dt>
                  <dd>
                    {c.title}
                    {c.volume ? `, ${c.volume}` : ''}
                    {c.issue ? ` (${c.issue})` : ''}
                    {c.pages ? `: ${c.pages}` : ''}
                  </dd>
                </div>
              ) : null}
              {c.author ? (
                <div>
                  <dt>{t('ill.field.author')}</dt>
                  <dd>{c.author}</dd>
                </div>
              ) : null}
              {c.year || c.publisher ? (
                <div>
                  <dt>{t('ill.field.publisher')}</dt>
                  <dd>{[c.publisher, c.year].filter(Boolean).join(', ')}</dd>
                </div>
              ) : null}
              {c.isbn || c.issn || c.oclc ? (
                <div>
                  <dt>
                    {t('ill.field.isbn')} / {t('ill.field.issn')} / {t('ill.field.oclc')}
                  </dt>
                  <dd>{[c.isbn, c.issn, c.oclc].filter(Boolean).join(' · ')}</dd>
                </div>
              ) : null}
              {r.needBefore ? (
                <div>
                  <dt>{t('ill.request.needBefore')}</dt>
                  <dd>{fmt.date(r.needBefore)}</dd>
                </div>
              ) : null}
              {a?.dueDate ? (
                <div>
                  <dt>{t('ill.request.due')}</dt>
                  <dd>{fmt.date(a.dueDate)}</dd>
                </div>
              ) : null}
            </dl>
          </article>
        );
      })}
    </Page>
  );
}
