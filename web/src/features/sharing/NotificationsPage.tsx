import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { sharingApi } from '../../api/sharing.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { BeyondLastPage, Pagination } from '../../ui/Pagination.tsx';
import { SharingNav } from './SharingNav.tsx';
import './sharing.css';

const PAGE_SIZE = 20;

/** My in-app notifications, newest first, a page at a time; each or all can be marked read. */
export function NotificationsPage() {
  const { t, tp, fmt, locale } = useI18n();
  const [params] = useSearchParams();
  const asked = Number(params.get('page'));
  const page = Number.isInteger(asked) && asked > 0 ? asked : 1;
  const list = useResource(
    `notifications:${page}`,
    (signal) => sharingApi.notifications({ page, pageSize: PAGE_SIZE }, signal),
    { keepPrevious: true },
  );
  const [error, setError] = useState<unknown>(null);
  const [allDone, setAllDone] = useState(false);
  const focusStatus = () => document.getElementById('notifications-status')?.focus();
  const markRead = async (id: string) => {
    setError(null);
    setAllDone(false);
    try {
      await sharingApi.markRead(id);
      if (list.data)
        list.setData({
          ...list.data,
          items: list.data.items.map((n) => (n.id === id ? { ...n, readAt: new Date().toISOString() } : n)),
          unread: Math.max(0, list.data.unread - 1),
        });
      focusStatus();
    } catch (e) {
      setError(e);
    }
  };
  const markAll = async () => {
    setError(null);
    try {
      await sharingApi.markAllRead();
      const now = new Date().toISOString();
      if (list.data)
        list.setData({
          ...list.data,
          items: list.data.items.map((n) => ({ ...n, readAt: n.readAt ?? now })),
          unread: 0,
        });
      setAllDone(true);
      focusStatus();
    } catch (e) {
      setError(e);
    }
  };
  const hrefFor = (p: number) => (p > 1 ? `/sharing/notifications?page=${p}` : '/sharing/notifications');
  const data = list.data;
  return (
    <Page title={t('ill.notifications.title')} lead={t('ill.notifications.lead')}>
      <SharingNav />
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {!data && !list.error ? <Loading /> : null}
      {error ? <Alert variant="error" live="alert" title={errorMessage(error, locale)} /> : null}
      <div id="notifications-status" tabIndex={-1}>
        <LiveRegion>
          {data
            ? [
                allDone ? t('ill.notifications.markedAll') : '',
                tp('ill.notifications.unread', data.unread),
                data.total ? tp('ill.notifications.count', data.total) : '',
              ]
                .filter(Boolean)
                .join(' ')
            : ''}
        </LiveRegion>
      </div>
      {data?.unread ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => void markAll()}>
            {t('ill.notifications.markAll')}
          </button>
        </p>
      ) : null}
      {data && !data.total ? <p>{t('ill.notifications.none')}</p> : null}
      {data && !data.items.length && data.total > 0 ? <BeyondLastPage hrefFor={hrefFor} /> : null}
      {data?.items.length ? (
        <div aria-busy={list.loading}>
          <ul className="card-list">
            {data.items.map((n) => (
              <li key={n.id} className="card">
                <h2 className="card__title">
                  {n.readAt ? null : (
                    <>
                      <Badge tone="caution">{t('ill.notifications.new')}</Badge>{' '}
                    </>
                  )}
                  {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
                </h2>
                <p className="muted">{fmt.dateTime(n.createdAt)}</p>
                <p>{n.body}</p>
                {n.readAt ? null : (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void markRead(n.id)}
                  >
                    {t('ill.notifications.markRead', { title: n.title })}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            hrefFor={hrefFor}
            label={t('ill.notifications.pagination')}
          />
        </div>
      ) : null}
    </Page>
  );
}
