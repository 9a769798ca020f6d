import { useState } from 'react';
import { Link } from 'react-router';
import { learningApi } from '../../api/learning.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { LearningNav } from './LearningNav.tsx';
import { sessionText, titleOf } from './labels.ts';
import './learning.css';

/** My registrations (with waitlist positions) and my personal calendar feed. */
export function MyLearningPage() {
  const { t, locale } = useI18n();
  const list = useResource('my-registrations', (signal) => learningApi.mine(signal));
  const feed = useResource('my-feed', (signal) => learningApi.feed(signal));
  const [rotated, setRotated] = useState(false);

  return (
    <Page title={t('learning.mine.title')} lead={t('learning.mine.lead')}>
      <LearningNav />
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !list.data.items.length ? (
        <p>
          {t('learning.mine.none')} <Link to="/learning">{t('learning.mine.browse')}</Link>
        </p>
      ) : null}
      {list.data?.items.length ? (
        <ul className="card-list">
          {list.data.items.map((r) => (
            <li key={r.id} className="card">
              <h2 className="card__title">
                <Link to={`/learning/events/${r.event.id}`}>{titleOf(locale, r.event)}</Link>
              </h2>
              <p>{sessionText(locale, r.event, r.event.timeZone)}</p>
              <p>
                <Badge tone={r.status === 'confirmed' ? 'positive' : 'caution'}>
                  {t(`learning.status.${r.status}`)}
                </Badge>{' '}
                {r.status === 'waitlisted'
                  ? t('learning.event.position', { position: r.waitlistPosition ?? 0 })
                  : null}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <section aria-labelledby="feed-title">
        <h2 id="feed-title">{t('learning.mine.feedTitle')}</h2>
        <p>{t('learning.mine.feedHelp')}</p>
        {feed.data ? (
          <p>
            <label htmlFor="feed-url" className="field__label">
              {t('learning.mine.feedLabel')}
            </label>
            <input id="feed-url" className="input input--long" readOnly value={feed.data.url} />
          </p>
        ) : null}
        {rotated ? (
          <Alert variant="success" live="status">
            {t('learning.mine.feedRotated')}
          </Alert>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          onClick={async () => {
            feed.setData(await learningApi.rotateFeed());
            setRotated(true);
          }}
        >
          {t('learning.mine.feedRotate')}
        </button>
      </section>
    </Page>
  );
}
