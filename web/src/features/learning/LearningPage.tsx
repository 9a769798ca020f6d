import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { buildQuery } from '../../api/client.ts';
import { learningApi, type EventQuery } from '../../api/learning.ts';
import { useResource } from '../../api/useResource.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import { LoadError } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { LearningNav } from './LearningNav.tsx';
import { formatOptions, languageOptions, sessionText, titleOf, topicOptions } from './labels.ts';

const PAGE_SIZE = 20;
const FILTERS = ['q', 'topic', 'format', 'language', 'from', 'to', 'free'] as const;

function readQuery(params: URLSearchParams): EventQuery {
  const page = Number(params.get('page'));
  const query: EventQuery = { page: Number.isInteger(page) && page > 0 ? page : 1, pageSize: PAGE_SIZE };
  for (const f of FILTERS) {
    const v = params.get(f)?.trim();
    if (v) (query as Record<string, unknown>)[f] = v;
  }
  return query;
}

/** Upcoming events: search and filters (topic, format, language, dates, free). */
export function LearningPage() {
  const { t, tp, locale } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const query = readQuery(params);
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])),
  );
  const result = useResource(`events${buildQuery(query)}`, (signal) => learningApi.events(query, signal), {
    keepPrevious: true,
  });
  const data = result.data;
  const any = { value: '', label: t('learning.filter.any') };
  const set = (key: string) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/learning${buildQuery(draft)}`);
  };
  const hrefFor = (page: number) =>
    `/learning${buildQuery({ ...Object.fromEntries(params), page: page > 1 ? page : undefined })}`;

  return (
    <Page title={t('learning.title')} lead={t('learning.lead')}>
      <LearningNav />
      <form className="filters card" role="search" aria-label={t('learning.filter.label')} onSubmit={apply}>
        <TextField
          id="events-q"
          label={t('learning.filter.q')}
          type="search"
          value={draft.q ?? ''}
          onChange={set('q')}
          optional
        />
        <SelectField
          id="events-topic"
          label={t('learning.field.topic')}
          value={draft.topic ?? ''}
          onChange={set('topic')}
          options={[any, ...topicOptions(t)]}
        />
        <SelectField
          id="events-format"
          label={t('learning.field.format')}
          value={draft.format ?? ''}
          onChange={set('format')}
          options={[any, ...formatOptions(t)]}
        />
        <SelectField
          id="events-language"
          label={t('learning.field.language')}
          value={draft.language ?? ''}
          onChange={set('language')}
          options={[any, ...languageOptions(t)]}
        />
        <TextField
          id="events-from"
          label={t('learning.filter.from')}
          type="date"
          width="medium"
          value={draft.from ?? ''}
          onChange={set('from')}
          optional
        />
        <TextField
          id="events-to"
          label={t('learning.filter.to')}
          type="date"
          width="medium"
          value={draft.to ?? ''}
          onChange={set('to')}
          optional
        />
        <SelectField
          id="events-free"
          label={t('learning.filter.price')}
          value={draft.free ?? ''}
          onChange={set('free')}
          options={[
            any,
            { value: 'true', label: t('learning.filter.freeOnly') },
            { value: 'false', label: t('learning.filter.paidOnly') },
          ]}
        />
        <button type="submit" className="button">
          {t('learning.filter.apply')}
        </button>
      </form>
      {query.topic ? (
        <p>
          <a href={`/api/v1/learning/feeds/topics/${query.topic}.ics?lang=${locale}`}>
            {t('learning.topicFeed', { topic: t(`learning.topic.${query.topic}` as MessageKey) })}
          </a>
        </p>
      ) : null}
      <LiveRegion>
        {data ? (data.total ? tp('learning.count', data.total) : t('learning.none')) : ''}
      </LiveRegion>
      {result.error ? <LoadError error={result.error} onRetry={result.reload} /> : null}
      {data?.items.length ? (
        <div aria-busy={result.loading}>
          <ul className="card-list">
            {data.items.map((e) => (
              <li key={e.id} className="card">
                <h2 className="card__title">
                  <Link to={`/learning/events/${e.id}`}>{titleOf(locale, e)}</Link>
                </h2>
                <p>
                  {sessionText(locale, e, e.timeZone)}
                  {e.sessionCount > 1 ? ` · ${tp('learning.sessions', e.sessionCount)}` : ''}
                </p>
                <p>
                  <Badge>{t(`learning.format.${e.format}`)}</Badge>{' '}
                  <Badge>{t(`learning.topic.${e.topic}` as MessageKey)}</Badge>{' '}
                  {e.free ? <Badge tone="positive">{t('learning.free')}</Badge> : null}{' '}
                  <Badge tone={e.seatsLeft ? 'neutral' : 'caution'}>
                    {e.seatsLeft ? tp('learning.seatsLeft', e.seatsLeft) : t('learning.full')}
                  </Badge>
                </p>
                <p className="muted">
                  {e.organizer.name} · {tp('learning.hours', e.contactHours)}
                </p>
              </li>
            ))}
          </ul>
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            hrefFor={hrefFor}
            label={t('learning.pagination')}
          />
        </div>
      ) : null}
    </Page>
  );
}
