import { Link, useParams } from 'react-router';
import { catalogApi, type Load } from '../../api/catalog.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { NoValue } from '../../ui/NoValue.tsx';
import { Page } from '../../ui/Page.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { CatalogNav } from './CatalogNav.tsx';
import { LoadProgress } from './LoadProgress.tsx';
import { durationText, fileSize, isFinished, loadSeconds, statusTone } from './loadFormat.ts';
import { useLoadsLibrary } from './LoadsPage.tsx';
import './catalog.css';

/** The report of one load: what it did, how long it took, and every rejected record with its reason. */
export function LoadReportPage() {
  const { loadId = '' } = useParams();
  const { t } = useI18n();
  const { libraryId } = useLoadsLibrary();
  const load = useResource(libraryId ? `load:${libraryId}:${loadId}` : null, (signal) =>
    catalogApi.load(libraryId!, loadId, signal),
  );
  const back = `/catalog/loads${libraryId ? `?library=${libraryId}` : ''}`;

  if (!libraryId || load.error) {
    return (
      <Page title={t('catalog.report.title')}>
        <CatalogNav />
        {load.error ? (
          <LoadError error={load.error} onRetry={load.reload} />
        ) : (
          <Alert variant="warning" title={t('catalog.report.noLibrary')} />
        )}
        <p>
          <Link to={back}>{t('catalog.report.back')}</Link>
        </p>
      </Page>
    );
  }
  if (!load.data) {
    return (
      <Page title={t('common.loading')}>
        <Loading />
      </Page>
    );
  }
  const data = load.data;
  return (
    <Page title={t('catalog.report.titleFor', { file: data.fileName })}>
      <CatalogNav />
      <p>
        <Link to={back}>{t('catalog.report.back')}</Link>
      </p>
      {!isFinished(data) ? (
        <LoadProgress libraryId={libraryId} initial={data} onFinished={load.setData} showReportLink={false} />
      ) : null}
      <ReportSummary load={data} />
      <Problems libraryId={libraryId} load={data} />
    </Page>
  );
}

function ReportSummary({ load }: { load: Load }) {
  const { t, fmt } = useI18n();
  const seconds = loadSeconds(load);
  const counts = ['added', 'updated', 'unchanged', 'withdrawn', 'rejected'] as const;
  return (
    <>
      <section aria-labelledby="report-about" className="section">
        <h2 id="report-about">{t('catalog.report.about')}</h2>
        <dl className="summary-list">
          <div>
            <dt>{t('catalog.history.status')}</dt>
            <dd>
              <Badge tone={statusTone(load.status)}>{t(`catalog.loadStatus.${load.status}`)}</Badge>
              {load.error ? <p className="field__error">{load.error}</p> : null}
            </dd>
          </div>
          <div>
            <dt>{t('catalog.history.file')}</dt>
            <dd>
              {load.fileName} ({fileSize(load.fileSize, fmt)})
            </dd>
          </div>
          <div>
            <dt>{t('catalog.upload.mode')}</dt>
            <dd>{t(`catalog.loadMode.${load.mode}`)}</dd>
          </div>
          <div>
            <dt>{t('catalog.upload.format')}</dt>
            <dd>{t(`catalog.loadFormat.${load.format}`)}</dd>
          </div>
          <div>
            <dt>{t('catalog.upload.holdingsTag')}</dt>
            <dd>{load.holdingsTag ?? <NoValue />}</dd>
          </div>
          <div>
            <dt>{t('catalog.report.created')}</dt>
            <dd>{fmt.dateTime(load.createdAt)}</dd>
          </div>
          <div>
            <dt>{t('catalog.report.finished')}</dt>
            <dd>{load.finishedAt ? fmt.dateTime(load.finishedAt) : <NoValue />}</dd>
          </div>
          <div>
            <dt>{t('catalog.report.duration')}</dt>
            <dd>{seconds !== null ? durationText(seconds, fmt) : <NoValue />}</dd>
          </div>
          <div>
            <dt>{t('catalog.progress.records')}</dt>
            <dd>{fmt.number(load.recordsDone)}</dd>
          </div>
          <div>
            <dt>{t('catalog.progress.rate')}</dt>
            <dd>{fmt.number(Math.round(load.recordsPerSecond))}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="report-counts" className="section">
        <h2 id="report-counts">{t('catalog.report.counts')}</h2>
        <dl className="stat-row">
          {counts.map((c) => (
            <div key={c}>
              <dt>{t(`catalog.count.${c}`)}</dt>
              <dd>{fmt.number(load[c])}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}

function Problems({ libraryId, load }: { libraryId: string; load: Load }) {
  const { t, fmt } = useI18n();
  // Asked again when the count changes (a running load finds more).
  const problems = useResource(load.rejected ? `problems:${load.id}:${load.rejected}` : null, (signal) =>
    catalogApi.problems(libraryId, load.id, signal),
  );
  const csv = catalogApi.problemsCsvHref(libraryId, load.id);
  // Until the server lists problems as JSON, the CSV is the way to read them.
  const noList = problems.error?.status === 404;
  return (
    <section aria-labelledby="report-problems" className="section">
      <h2 id="report-problems">{t('catalog.report.problems')}</h2>
      {!load.rejected ? (
        <p>{t('catalog.report.noProblems')}</p>
      ) : (
        <>
          <p>
            <a href={csv} download>
              {t('catalog.report.csv')}
            </a>
          </p>
          {noList ? <p>{t('catalog.report.csvOnly')}</p> : null}
          {problems.error && !noList ? <LoadError error={problems.error} onRetry={problems.reload} /> : null}
          {problems.loading && !problems.data ? <Loading /> : null}
          {problems.data ? (
            <TableWrap label={t('catalog.report.problemsCaption')}>
              <table className="table table--compact">
                <caption>{t('catalog.report.problemsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('catalog.report.recordNumber')}
                    </th>
                    <th scope="col" className="num">
                      {t('catalog.report.byteOffset')}
                    </th>
                    <th scope="col">{t('catalog.report.controlNumber')}</th>
                    <th scope="col">{t('catalog.report.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.data.items.map((p, i) => (
                    <tr key={`${p.recordNumber}-${i}`}>
                      <th scope="row" className="num">
                        {fmt.number(p.recordNumber)}
                      </th>
                      <td className="num">{fmt.number(p.byteOffset)}</td>
                      <td>{p.controlNumber ? <code>{p.controlNumber}</code> : <NoValue />}</td>
                      <td>{p.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
        </>
      )}
    </section>
  );
}
