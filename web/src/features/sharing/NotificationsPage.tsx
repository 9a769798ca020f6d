import { Link } from 'react-router';
import { sharingApi } from '../../api/sharing.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { useState } from 'react';
import { SharingNav } from './SharingNav.tsx';
import './sharing.css';

/** My in-app notifications (the latest 50), newest first; each can be marked read. */
export function NotificationsPage() {
  const { t, tp, fmt, locale } = useI18n();
  const list = useResource('notifications', (signal) => sharingApi.notifications(signal));
  const [error, setError] = useState<unknown>(null);
  const markRead = async (id: string) => {
    setError(null);
    try {
      await sharingApi.markRead(id);
      if (list.data)
        list.setData({
          items: list.data.items.map((n) => (n.id === id ? { ...n, readAt: new Date().toISOString() } : n)),
          unread: Math.max(0, list.data.unread - 1),
        });
      document.getElementById('notifications-status')?.focus();
    } catch (e) {
      setError(e);
    }
  };
  const data = list.data;
  return (
    <Page title={t('ill.notifications.title')} lead={t('ill.notifications.lead')}>
      <SharingNav />
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {!data && !list.error ? <Loading /> : null}
      {error ? <Alert variant="error" live="alert" title={errorMessage(error, locale)} /> : null}
      <div id="notifications-status" tabIndex={-1}>
        <LiveRegion>{data ? tp('ill.notifications.unread', data.unread) : ''}</LiveRegion>
      </div>
      {data && !data.items.length ? <p>{t('ill.notifications.none')}</p> : null}
      {data?.items.length ? (
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
      ) : null}
    </Page>
  );
}
