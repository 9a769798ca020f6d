import { Link, useLocation, useParams } from 'react-router';
import { catalogApi, type ClusterView, type RecordPage as RecordPageData } from '../../api/catalog.ts';
import { useResource, type Resource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Loading, LoadError } from '../../ui/Loading.tsx';
import { Page, PageHeading, usePageTitle } from '../../ui/Page.tsx';
import { useSession } from '../accounts/session.tsx';
import { canRequestIll } from './access.ts';
import { ClusterSection } from './ClusterSection.tsx';
import { Holdings } from './Holdings.tsx';
import { formatLabel, languageName } from './labels.ts';
import { MarcSection } from './MarcSection.tsx';
import { headingQuery, readSearchState, searchHref } from './searchState.ts';
import './catalog.css';

/** A title in the union catalog: its full display, who holds it, its MARC, and why its records are together. */
export function RecordPage() {
  const { clusterId = '' } = useParams();
  const { t } = useI18n();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const record = useResource(`display:${clusterId}`, (signal) => catalogApi.recordPage(clusterId, signal));
  const cluster = useResource(`cluster:${clusterId}`, (signal) => catalogApi.cluster(clusterId, signal));

  if (record.error) {
    return (
      <Page title={t('catalog.record.notFound')}>
        <LoadError error={record.error} onRetry={record.reload} />
        <p>
          <Link to="/catalog">{t('catalog.record.backToSearch')}</Link>
        </p>
      </Page>
    );
  }
  if (!record.data) {
    return (
      <Page title={t('common.loading')}>
        <Loading />
      </Page>
    );
  }
  return <RecordView data={record.data} from={from} cluster={cluster} onChanged={record.reload} />;
}

type ViewProps = {
  data: RecordPageData;
  from: string | undefined;
  cluster: Resource<ClusterView>;
  onChanged: () => void;
};

function RecordView({ data, from, cluster, onChanged }: ViewProps) {
  const { t } = useI18n();
  usePageTitle(data.title);
  return (
    <div className="page">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/catalog">{t('catalog.title')}</Link>
          </li>
          {from?.startsWith('/catalog?') ? (
            <li>
              <Link to={from}>{t('catalog.record.backToResults')}</Link>
            </li>
          ) : null}
          <li>
            <span aria-current="page">{t('catalog.record.thisRecord')}</span>
          </li>
        </ol>
      </nav>
      <PageHeading>{data.title}</PageHeading>
      <RecordSummary data={data} />
      <RequestAction clusterId={data.clusterId} />
      <DisplayLines data={data} />
      <Holdings holdings={data.holdings} />
      <MarcSection
        records={
          cluster.data?.members.map((m) => ({ recordId: m.recordId, library: m.library.name })) ??
          data.holdings.map((h) => ({ recordId: h.recordId, library: h.library.name }))
        }
        displayRecordId={data.displayRecordId}
      />
      <ClusterSection resource={cluster} onChanged={onChanged} />
    </div>
  );
}

function RecordSummary({ data }: { data: RecordPageData }) {
  const { t, tp, locale } = useI18n();
  const parts = [
    data.author,
    data.year !== null ? String(data.year) : null,
    formatLabel(data.format, locale),
    data.language ? languageName(data.language, locale) : null,
  ].filter((p): p is string => Boolean(p));
  return (
    <p className="record__summary">
      {parts.join(' · ')}
      <span className="record__held">{tp('catalog.result.heldBy', data.holdings.length)}</span>
      {data.electronic ? <span className="record__held">{t('catalog.result.online')}</span> : null}
    </p>
  );
}

/** Interlibrary loan is requested by member staff; the public asks their own library. */
function RequestAction({ clusterId }: { clusterId: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <div className="record__request">
      {canRequestIll(user) ? (
        <Link className="button" to={`/sharing/requests/new?cluster=${encodeURIComponent(clusterId)}`}>
          {t('catalog.record.requestIll')}
        </Link>
      ) : (
        <p className="muted">{t('catalog.record.requestHint')}</p>
      )}
    </div>
  );
}

function DisplayLines({ data }: { data: RecordPageData }) {
  const { t, locale } = useI18n();
  const base = readSearchState(new URLSearchParams());
  const searchFor = (field: 'author' | 'subject', value: string) =>
    searchHref({ ...base, q: headingQuery(field, value) });
  const value = (key: RecordPageData['display'][number]['key'], v: string) => {
    if (key === 'language') return languageName(v, locale);
    if (key === 'format') return formatLabel(v, locale);
    if (key === 'online' && /^https?:\/\//i.test(v)) return <a href={v}>{v}</a>;
    if (key === 'authors') return <Link to={searchFor('author', v)}>{v}</Link>;
    if (key === 'subjects') return <Link to={searchFor('subject', v)}>{v}</Link>;
    return v;
  };
  if (!data.display.length) return null;
  return (
    <section aria-labelledby="record-details" className="section">
      <h2 id="record-details">{t('catalog.record.details')}</h2>
      <dl className="summary-list">
        {data.display.map((line) => (
          <div key={line.key}>
            <dt>{t(`catalog.display.${line.key}`)}</dt>
            <dd>
              {line.values.length === 1 ? (
                value(line.key, line.values[0]!)
              ) : (
                <ul className="plain-list">
                  {line.values.map((v) => (
                    <li key={v}>{value(line.key, v)}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
