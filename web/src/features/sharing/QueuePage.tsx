import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { buildQuery } from '../../api/client.ts';
import { sharingApi, type QueueItem, type QueueQuery, type Side } from '../../api/sharing.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import { LoadError } from '../../ui/Loading.tsx';
import { NoValue } from '../../ui/NoValue.tsx';
import { Page } from '../../ui/Page.tsx';
import { BeyondLastPage, Pagination } from '../../ui/Pagination.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { useSession } from '../accounts/session.tsx';
import { ageText, nextStep, stateLabel } from './labels.ts';
import { SharingNav } from './SharingNav.tsx';
import { BORROWER_STATES, LENDER_STATES, canUseSharing } from './values.ts';
import './sharing.css';

const PAGE_SIZE = 25;
const FILTERS = ['q', 'state', 'serviceType', 'attention'] as const;

export function readQueueQuery(side: Side, params: URLSearchParams): QueueQuery {
  const page = Number(params.get('page'));
  const query: QueueQuery = {
    side,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
  const q = params.get('q')?.trim();
  if (q) query.q = q;
  const state = params.get('state');
  if (state) query.state = state;
  const service = params.get('serviceType');
  if (service === 'loan' || service === 'copy') query.serviceType = service;
  if (params.get('attention') === 'true') query.attention = 'true';
  return query;
}

/** The borrowing or lending queue of the signed-in person's library. */
export function QueuePage({ side }: { side: Side }) {
  const { t, tp, fmt } = useI18n();
  const { user } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const base = side === 'borrowing' ? '/sharing' : '/sharing/lending';
  const query = readQueueQuery(side, params);
  const libraryId = canUseSharing(user) ? user!.organization.id : null;
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])),
  );
  const [selected, setSelected] = useState<string[]>([]);
  const result = useResource(
    libraryId ? `queue:${libraryId}${buildQuery(query)}` : null,
    (signal) => sharingApi.queue(libraryId!, query, signal),
    { keepPrevious: true },
  );
  const title = t(side === 'borrowing' ? 'ill.queue.borrowingTitle' : 'ill.queue.lendingTitle');
  if (!libraryId)
    return (
      <Page title={t('ill.title')} lead={t('ill.lead')}>
        <SharingNav />
        <p>{t('ill.noLibrary')}</p>
      </Page>
    );

  const data = result.data;
  const states = side === 'borrowing' ? BORROWER_STATES : LENDER_STATES;
  const set = (key: string) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(`${base}${buildQuery(draft)}`);
  };
  const hrefFor = (page: number) =>
    `${base}${buildQuery({ ...Object.fromEntries(params), page: page > 1 ? page : undefined })}`;
  const view = (extra: Record<string, string | undefined>) => `${base}${buildQuery(extra)}`;
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const other = (item: QueueItem) => (side === 'borrowing' ? item.lender : item.borrower);

  return (
    <Page title={title} heading={title} lead={t('ill.lead')}>
      <SharingNav />
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
                to={base}
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
      <form className="filters card" role="search" aria-label={t('ill.queue.filters')} onSubmit={apply}>
        <TextField
          id="queue-q"
          label={t('ill.queue.q')}
          type="search"
          value={draft.q ?? ''}
          onChange={set('q')}
          optional
        />
        <SelectField
          id="queue-state"
          label={t('ill.queue.state')}
          value={draft.state ?? ''}
          onChange={set('state')}
          options={[
            { value: '', label: t('ill.queue.any') },
            ...states.map((s) => ({ value: s, label: stateLabel(t, side, s) })),
          ]}
        />
        <SelectField
          id="queue-service"
          label={t('ill.queue.serviceType')}
          value={draft.serviceType ?? ''}
          onChange={set('serviceType')}
          options={[
            { value: '', label: t('ill.queue.any') },
            { value: 'loan', label: t('ill.service.loan') },
            { value: 'copy', label: t('ill.service.copy') },
          ]}
        />
        <SelectField
          id="queue-attention"
          label={t('ill.queue.views')}
          value={draft.attention ?? ''}
          onChange={set('attention')}
          options={[
            { value: '', label: t('ill.queue.all') },
            { value: 'true', label: t('ill.queue.attention') },
          ]}
        />
        <button type="submit" className="button">
          {t('ill.queue.apply')}
        </button>
      </form>
      <LiveRegion>
        {data ? (data.total ? tp('ill.queue.count', data.total) : t('ill.queue.none')) : ''}
      </LiveRegion>
      {result.error ? <LoadError error={result.error} onRetry={result.reload} /> : null}
      {data && !data.items.length && data.total > 0 ? <BeyondLastPage hrefFor={hrefFor} /> : null}
      {side === 'lending' && data?.items.length ? (
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
          <TableWrap label={t('ill.queue.caption')}>
            <table className="table ill-queue">
              <caption>{t('ill.queue.caption')}</caption>
              <thead>
                <tr>
                  {side === 'lending' ? (
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
                      {side === 'lending' ? (
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
                      <td>{lib ? `${lib.name} (${lib.symbol})` : <NoValue />}</td>
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
