import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { buildQuery } from '../../api/client.ts';
import { sharingApi, type QueueItem, type Side } from '../../api/sharing.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import { LoadError } from '../../ui/Loading.tsx';
import { NoValue } from '../../ui/NoValue.tsx';
import { Page } from '../../ui/Page.tsx';
import { BeyondLastPage, Pagination } from '../../ui/Pagination.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { ageText, nextStep, stateLabel } from './labels.ts';
import { LibraryPicker } from './LibraryPicker.tsx';
import { QueueFilters, type FilterDraft } from './QueueFilters.tsx';
import { rangeInvalid, readQueueQuery } from './queue-query.ts';
import { useSharingScope } from './scope.ts';
import { SharingNav } from './SharingNav.tsx';
import './sharing.css';

export { readQueueQuery };

/** The borrowing or lending queue of the signed-in person's library (consortium staff: a chosen one). */
export function QueuePage({ side }: { side: Side }) {
  const { t, tp, fmt } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { libraryId, consortium, keep } = useSharingScope();
  const base = side === 'borrowing' ? '/sharing' : '/sharing/lending';
  const query = readQueueQuery(side, params);
  const invalid = rangeInvalid(query);
  const [selected, setSelected] = useState<string[]>([]);
  const result = useResource(
    libraryId && !invalid ? `queue:${libraryId}${buildQuery(query)}` : null,
    (signal) => sharingApi.queue(libraryId!, query, signal),
    { keepPrevious: true },
  );
  const title = t(side === 'borrowing' ? 'ill.queue.borrowingTitle' : 'ill.queue.lendingTitle');
  const picker = consortium ? (
    <LibraryPicker value={libraryId} onPick={(l) => navigate(`${base}?libraryId=${l.id}`)} />
  ) : null;
  if (!libraryId)
    return (
      <Page title={title} heading={title} lead={t('ill.lead')}>
        <SharingNav />
        {picker}
        <p>{t(consortium ? 'ill.picker.choose' : 'ill.noLibrary')}</p>
      </Page>
    );

  const data = result.data;
  const apply = (draft: FilterDraft) =>
    navigate(keep(`${base}${buildQuery({ ...draft, sort: draft.sort === 'updated' ? '' : draft.sort })}`));
  const hrefFor = (page: number) =>
    `${base}${buildQuery({ ...Object.fromEntries(params), page: page > 1 ? page : undefined })}`;
  const view = (extra: Record<string, string | undefined>) => keep(`${base}${buildQuery(extra)}`);
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  // Pull slips are the lender's own work: consortium staff look, they do not pull.
  const slips = side === 'lending' && !consortium;
  const other = (item: QueueItem) => (side === 'borrowing' ? item.lender : item.borrower);

  return (
    <Page title={title} heading={title} lead={t('ill.lead')}>
      <SharingNav />
      {picker}
      {data ? (
        <section aria-labelledby="queue-counts" className="ill-counts">
          <h2 id="queue-counts">{t('ill.queue.countsTitle')}</h2>
          <ul className="ill-counts__list">
            <li>
              <Link
                to={view({ attention: 'true' })}
                aria-current={query.attention ? 'page' : undefined}
                className="ill-counts__attention"
              >
                {t('ill.queue.attentionCount', { count: data.attentionTotal })}
              </Link>
            </li>
            <li>
              <Link
                to={keep(base)}
                aria-current={!query.attention && !query.state && !query.q ? 'page' : undefined}
              >
                {t('ill.queue.all')}
              </Link>
            </li>
            {data.counts.map((c) => (
              <li key={c.state}>
                <Link
                  to={view({ state: c.state })}
                  aria-current={query.state === c.state ? 'page' : undefined}
                >
                  {stateLabel(t, side, c.state)} ({fmt.number(c.count)})
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <QueueFilters
        key={params.toString()}
        side={side}
        params={params}
        libraryId={libraryId}
        onApply={apply}
        clearHref={keep(base)}
      />
      {invalid ? <Alert variant="error" title={t('ill.queue.rangeInvalid')} /> : null}
      <LiveRegion>
        {data ? (data.total ? tp('ill.queue.count', data.total) : t('ill.queue.none')) : ''}
      </LiveRegion>
      {result.error ? <LoadError error={result.error} onRetry={result.reload} /> : null}
      {data && !data.items.length && data.total > 0 ? <BeyondLastPage hrefFor={hrefFor} /> : null}
      {slips && data?.items.length ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            disabled={!selected.length}
            onClick={() => navigate(`/sharing/slips?ids=${selected.join(',')}`)}
          >
            {t('ill.queue.printSlips', { count: selected.length })}
          </button>
        </p>
      ) : null}
      {data?.items.length ? (
        <div aria-busy={result.loading}>
          <TableWrap label={t('ill.queue.caption', { sort: t(`ill.queue.sort.${query.sort ?? 'updated'}`) })}>
            <table className="table ill-queue">
              <caption>
                {t('ill.queue.caption', { sort: t(`ill.queue.sort.${query.sort ?? 'updated'}`) })}
              </caption>
              <thead>
                <tr>
                  {slips ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('ill.col.select')}</span>
                    </th>
                  ) : null}
                  <th scope="col">{t('ill.col.title')}</th>
                  <th scope="col">{t('ill.col.otherLibrary')}</th>
                  <th scope="col">{t('ill.col.state')}</th>
                  <th scope="col">{t('ill.col.age')}</th>
                  <th scope="col">{t('ill.col.due')}</th>
                  <th scope="col">{t('ill.col.next')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => {
                  const lib = other(item);
                  return (
                    <tr key={item.id}>
                      {slips ? (
                        <td>
                          <input
                            type="checkbox"
                            id={`select-${item.id}`}
                            checked={selected.includes(item.id)}
                            onChange={(e) => toggle(item.id, e.target.checked)}
                            aria-label={t('ill.queue.selectRow', { title: item.title })}
                          />
                        </td>
                      ) : null}
                      <th scope="row">
                        <Link to={`/sharing/requests/${item.id}`}>{item.title}</Link>
                        <span className="ill-queue__meta">
                          {item.number} ·{' '}
                          {t(item.serviceType === 'loan' ? 'ill.service.loan' : 'ill.service.copy')}
                          {item.rush ? (
                            <>
                              {' '}
                              <Badge tone="caution">{t('ill.queue.rush')}</Badge>
                            </>
                          ) : null}
                        </span>
                      </th>
                      <td>
                        {lib ? `${lib.name} (${lib.symbol})` : <NoValue />}
                        {side === 'lending' && item.outside ? (
                          <>
                            {' '}
                            <Badge>{t('ill.request.outside')}</Badge>
                          </>
                        ) : null}
                      </td>
                      <td>
                        {item.attention ? (
                          <Badge tone="caution">{stateLabel(t, side, item.state)}</Badge>
                        ) : (
                          stateLabel(t, side, item.state)
                        )}
                      </td>
                      <td>{ageText(tp, t, item.updatedAt)}</td>
                      <td>
                        {item.dueDate ? (
                          t('ill.queue.dueOn', { date: fmt.date(item.dueDate) })
                        ) : item.needBefore ? (
                          t('ill.queue.needBy', { date: fmt.date(item.needBefore) })
                        ) : (
                          <NoValue />
                        )}
                      </td>
                      <td>{nextStep(t, side, item.state, item.serviceType)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            hrefFor={hrefFor}
            label={t('ill.queue.pagination')}
          />
        </div>
      ) : null}
    </Page>
  );
}
