import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { catalogApi, type Load } from '../../api/catalog.ts';
import { isConsortiumStaff } from '../../api/enums.ts';
import { membersApi } from '../../api/members.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { useSession } from '../accounts/session.tsx';
import { canLoad } from './access.ts';
import { CatalogNav } from './CatalogNav.tsx';
import { LoadHistory } from './LoadHistory.tsx';
import { LoadProgress } from './LoadProgress.tsx';
import { isFinished } from './loadFormat.ts';
import { UploadForm } from './UploadForm.tsx';
import './catalog.css';

const HISTORY_SIZE = 10;

/** Which library's loads: one's own, or for consortium staff the one chosen in the address (?library=). */
export function useLoadsLibrary(): { libraryId: string | null; consortium: boolean } {
  const { user } = useSession();
  const [params] = useSearchParams();
  const consortium = Boolean(user && isConsortiumStaff(user.role));
  if (!user) return { libraryId: null, consortium };
  return { libraryId: consortium ? params.get('library') : user.organization.id, consortium };
}

export function LoadsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { libraryId, consortium } = useLoadsLibrary();
  if (!canLoad(user)) {
    return (
      <Page title={t('catalog.loads.title')}>
        <CatalogNav />
        <Alert variant="warning" title={t('catalog.loads.notAllowed')}>
          <p>{t('catalog.loads.notAllowedHelp')}</p>
        </Alert>
      </Page>
    );
  }
  return (
    <Page title={t('catalog.loads.title')} lead={t('catalog.loads.lead')}>
      <CatalogNav />
      {consortium ? <LibraryPicker current={libraryId} /> : null}
      {libraryId ? <LibraryLoads key={libraryId} libraryId={libraryId} /> : null}
    </Page>
  );
}

function LibraryLoads({ libraryId }: { libraryId: string }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [started, setStarted] = useState<Load[]>([]);
  const pageNumber = Math.max(1, Number(params.get('page')) || 1);
  const history = useResource(
    `loads:${libraryId}:${pageNumber}`,
    (signal) => catalogApi.loads(libraryId, { page: pageNumber, pageSize: HISTORY_SIZE }, signal),
    { keepPrevious: true },
  );
  // Loads started here, and any still running (from another visit, another person, the demo seed): followed live.
  const running = (history.data?.items ?? []).filter((l) => !isFinished(l));
  const current = [...started, ...running.filter((l) => !started.some((s) => s.id === l.id))];
  const hrefFor = (page: number) => {
    const next = new URLSearchParams(params);
    if (page > 1) next.set('page', String(page));
    else next.delete('page');
    const text = next.toString();
    return `/catalog/loads${text ? `?${text}` : ''}`;
  };
  return (
    <>
      <UploadForm
        libraryId={libraryId}
        onStarted={(load) => {
          setStarted((all) => [load, ...all]);
          history.reload();
        }}
      />
      {current.length ? (
        <section aria-labelledby="progress-title" className="section">
          <h2 id="progress-title">{t('catalog.progress.sectionTitle')}</h2>
          {current.map((load) => (
            <LoadProgress key={load.id} libraryId={libraryId} initial={load} onFinished={history.reload} />
          ))}
        </section>
      ) : null}
      <section aria-labelledby="history-title" className="section">
        <h2 id="history-title">{t('catalog.history.title')}</h2>
        {history.error ? <LoadError error={history.error} onRetry={history.reload} /> : null}
        {!history.data && !history.error ? <Loading /> : null}
        {history.data ? (
          <div aria-busy={history.loading}>
            <LoadHistory libraryId={libraryId} page={history.data} hrefFor={hrefFor} />
          </div>
        ) : null}
      </section>
    </>
  );
}

/** Consortium staff load for any member library: choose it, then press Show (no reload on change). */
function LibraryPicker({ current }: { current: string | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [choice, setChoice] = useState(current ?? '');
  const libraries = useResource('libraries:all', (signal) =>
    membersApi.directory({ kind: 'library', sort: 'name', page: 1, pageSize: 100 }, signal),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (choice) navigate(`/catalog/loads?library=${encodeURIComponent(choice)}`);
  };
  if (libraries.error) return <LoadError error={libraries.error} onRetry={libraries.reload} />;
  return (
    <form className="library-picker" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="loads-library" className="field__label">
          {t('catalog.loads.library')}
        </label>
        <select
          id="loads-library"
          className="input select"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
        >
          <option value="">{t('catalog.loads.chooseLibrary')}</option>
          {libraries.data?.items.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name} ({l.symbol})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        {t('catalog.loads.show')}
      </button>
    </form>
  );
}
