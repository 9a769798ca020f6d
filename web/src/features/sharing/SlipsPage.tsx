import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { catalogApi, type RecordPage } from '../../api/catalog.ts';
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
  // Where to find each item on the lender's shelves: its holdings in the union catalog.
  const clusters = [...new Set((slips.data ?? []).map((r) => r.clusterId).filter((c): c is string => !!c))];
  const shelves = useResource(
    clusters.length ? `slip-shelves:${clusters.join(',')}` : null,
    async (signal) => {
      const pages = await Promise.all(
        clusters.map((c) => catalogApi.recordPage(c, signal).catch(() => null)),
      );
      return new Map(pages.filter((p): p is RecordPage => !!p).map((p) => [p.clusterId, p]));
    },
  );
  const shelfOf = (r: RequestDetail) =>
    r.clusterId && r.attempt
      ? (shelves.data?.get(r.clusterId)?.holdings.find((h) => h.library.id === r.attempt!.lender.id)?.items ??
        [])
      : [];
  const [error, setError] = useState<unknown>(null);
  // The same slips as one PDF from the server, for the library they are asked of now.
  const lenderId = slips.data?.find((r) => r.attempt)?.attempt?.lender.id;
  const pdfUrl = lenderId
    ? `/api/v1/sharing/libraries/${encodeURIComponent(lenderId)}/pull-slips.pdf?ids=${encodeURIComponent(key)}&lang=${locale}`
    : null;

  // While prints are recorded: how many are done of how many (the button waits, a progress bar shows it).
  const [recording, setRecording] = useState<{ done: number; total: number } | null>(null);
  const print = async () => {
    setError(null);
    const current = slips.data ?? [];
    const total = current.filter((r) => r.actions.includes('print_pull_slip')).length;
    setRecording({ done: 0, total });
    try {
      const updated: RequestDetail[] = [];
      let done = 0;
      for (const r of current) {
        if (!r.actions.includes('print_pull_slip')) {
          updated.push(r);
          continue;
        }
        updated.push(await sharingApi.act(r.id, { action: 'print_pull_slip', version: r.version }));
        setRecording({ done: ++done, total });
      }
      slips.setData(updated);
    } catch (e) {
      // Nothing is printed when the prints could not all be recorded: staff see why first.
      setError(e);
      setRecording(null);
      slips.reload();
      return;
    }
    setRecording(null);
    window.print();
  };

  return (
    <Page title={t('ill.slip.title')} lead={t('ill.slip.lead')}>
      <p className="actions-row no-print">
        <button
          type="button"
          className="button"
          onClick={() => void print()}
          disabled={!slips.data?.length || recording !== null}
        >
          {t('ill.slip.printNow')}
        </button>
        {pdfUrl ? (
          <a className="button button--secondary" href={pdfUrl} download>
            {t('ill.slip.downloadPdf')}
          </a>
        ) : null}
        <Link to="/sharing/lending">{t('ill.slip.back')}</Link>
      </p>
      {recording ? (
        <p className="no-print" role="status">
          <label htmlFor="slip-recording">
            {t('ill.slip.recording', {
              done: fmt.number(recording.done),
              total: fmt.number(recording.total),
            })}
          </label>{' '}
          <progress id="slip-recording" max={recording.total || 1} value={recording.done} />
        </p>
      ) : null}
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
              {c.publisher ? (
                <div>
                  <dt>{t('ill.field.publisher')}</dt>
                  <dd>{c.publisher}</dd>
                </div>
              ) : null}
              {c.year ? (
                <div>
                  <dt>{t('ill.field.year')}</dt>
                  <dd>{c.year}</dd>
                </div>
              ) : null}
              {shelfOf(r).map((item, i) => (
                <div key={i}>
                  <dt>{t('ill.slip.shelf')}</dt>
                  <dd>
                    {[item.location, item.callNumber].filter(Boolean).join(' · ') || t('ill.slip.noShelf')}
                  </dd>
                </div>
              ))}
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
