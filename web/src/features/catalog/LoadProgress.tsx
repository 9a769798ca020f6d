import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { catalogApi, type Load } from '../../api/catalog.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import { isFinished, quarterOf, statusTone } from './loadFormat.ts';

const POLL_MS = 1000;

/** Follows a load: asks for it every second until it has completed or failed. */
export function usePolledLoad(libraryId: string, initial: Load, onFinished?: (load: Load) => void) {
  const [load, setLoad] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  // Followed by id: a fresh copy of the same load (a reloaded list) does not restart the polling.
  const loadId = initial.id;
  const finishedAlready = isFinished(initial);
  useEffect(() => {
    if (finishedAlready) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const next = await catalogApi.load(libraryId, loadId, controller.signal);
        setLoad(next);
        setError(null);
        if (isFinished(next)) {
          finished.current?.(next);
          return;
        }
      } catch (e) {
        if (controller.signal.aborted) return;
        // A failed poll (network blip) is shown and tried again; the load itself goes on on the server.
        setError(e);
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [libraryId, loadId, finishedAlready]);

  return { load, error };
}

type Props = {
  libraryId: string;
  initial: Load;
  onFinished?: (load: Load) => void;
  showReportLink?: boolean;
};

/** The live progress of one load: a real progress bar, records done, records per second, errors so far. */
export function LoadProgress({ libraryId, initial, onFinished, showReportLink = true }: Props) {
  const { t, fmt, locale } = useI18n();
  const { load, error } = usePolledLoad(libraryId, initial, onFinished);
  const percent = Math.round(load.fraction * 100);
  const id = `load-${load.id}`;
  const reportHref = `/catalog/loads/${load.id}?library=${libraryId}`;

  return (
    <section className="load-progress" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {t('catalog.progress.title', { file: load.fileName })}{' '}
        <Badge tone={statusTone(load.status)}>{t(`catalog.loadStatus.${load.status}`)}</Badge>
      </h3>
      <div className="load-progress__bar">
        <label htmlFor={`${id}-bar`} className="field__label">
          {t('catalog.progress.label')}
        </label>
        <progress id={`${id}-bar`} max={1} value={load.status === 'completed' ? 1 : load.fraction} />
        <span className="upload__percent">{fmt.number(load.status === 'completed' ? 100 : percent)} %</span>
      </div>
      <dl className="stat-row">
        <div>
          <dt>{t('catalog.progress.records')}</dt>
          <dd>{fmt.number(load.recordsDone)}</dd>
        </div>
        <div>
          <dt>{t('catalog.progress.rate')}</dt>
          <dd>{fmt.number(Math.round(load.recordsPerSecond))}</dd>
        </div>
        <div>
          <dt>{t('catalog.progress.errors')}</dt>
          <dd>{fmt.number(load.rejected)}</dd>
        </div>
      </dl>
      <Announcer load={load} />
      {error ? (
        <Alert variant="warning">
          <p>{t('catalog.progress.pollFailed', { reason: errorMessage(error, locale) })}</p>
        </Alert>
      ) : null}
      {load.status === 'failed' ? (
        <Alert variant="error" title={t('catalog.progress.failed')}>
          {load.error ? <p>{load.error}</p> : null}
        </Alert>
      ) : null}
      {load.status === 'completed' ? (
        <Alert variant="success" title={t('catalog.progress.completed')}>
          <p>
            {t('catalog.progress.summary', {
              added: fmt.number(load.added),
              updated: fmt.number(load.updated),
              unchanged: fmt.number(load.unchanged),
              withdrawn: fmt.number(load.withdrawn),
              rejected: fmt.number(load.rejected),
            })}
          </p>
        </Alert>
      ) : null}
      {showReportLink && isFinished(load) ? (
        <p>
          <Link to={reportHref}>{t('catalog.progress.report', { file: load.fileName })}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** Says politely what changed: the status, and each quarter of the file, not every second's numbers. */
function Announcer({ load }: { load: Load }) {
  const { t, fmt } = useI18n();
  const [text, setText] = useState('');
  const last = useRef({ status: '', quarter: -1 });
  useEffect(() => {
    const quarter = quarterOf(load.fraction);
    const before = last.current;
    if (load.status === before.status && (quarter === before.quarter || load.status !== 'running')) return;
    last.current = { status: load.status, quarter };
    if (load.status === 'running' && before.status === 'running') {
      setText(
        t('catalog.progress.announce', { percent: quarter * 25, records: fmt.number(load.recordsDone) }),
      );
    } else {
      setText(t(`catalog.progress.announce.${load.status}`, { rejected: fmt.number(load.rejected) }));
    }
  }, [load, t, fmt]);
  return <LiveRegion className="visually-hidden">{text}</LiveRegion>;
}
