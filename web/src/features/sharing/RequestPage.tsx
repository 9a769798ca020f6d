import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { sharingApi, type RequestDetail, type StaffAction } from '../../api/sharing.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { ActionPanel } from './ActionPanel.tsx';
import { actionLabel, stateHelp, stateLabel } from './labels.ts';
import { CitationBlock, DetailsBlock, PatronBlock, RotaBlock, TimelineBlock } from './RequestSections.tsx';
import { NotesBlock } from './NotesBlock.tsx';
import { IsoMessagesSection } from './iso/IsoMessagesSection.tsx';
import { SharingNav } from './SharingNav.tsx';
import './sharing.css';

type Outcome =
  | { kind: 'done'; action: StaffAction }
  | { kind: 'conflict' }
  | { kind: 'invalid'; message: string }
  | { kind: 'error'; error: unknown };

/** One request as the caller's library sees it, with the actions valid now. */
export function RequestPage() {
  const { requestId = '' } = useParams();
  const [params] = useSearchParams();
  const { t, locale } = useI18n();
  const resource = useResource(`ill-request:${requestId}`, (signal) => sharingApi.request(requestId, signal));
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const request = resource.data;

  if (!request)
    return (
      <Page title={t('ill.title')}>
        {resource.error ? <LoadError error={resource.error} onRetry={resource.reload} /> : <Loading />}
      </Page>
    );

  const onDone = (next: RequestDetail, action: StaffAction) => {
    resource.setData(next);
    setOutcome({ kind: 'done', action });
  };
  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'VERSION_CONFLICT') setOutcome({ kind: 'conflict' });
    else if (isApiError(error) && error.code === 'INVALID_ACTION')
      setOutcome({
        kind: 'invalid',
        message: locale === 'en' ? error.message : t('ill.request.invalidHelp'),
      });
    else setOutcome({ kind: 'error', error });
  };
  const reload = () => {
    setOutcome(null);
    resource.reload();
  };
  const lendingSide = request.viewAs === 'lending';
  const ownState = lendingSide && request.attempt ? request.attempt.state : request.state;
  const ownSide = lendingSide ? 'lending' : 'borrowing';
  const title = request.citation.articleTitle || request.citation.title;

  return (
    <Page
      title={`${t('ill.request.title', { number: request.number })}: ${title}`}
      heading={
        <>
          <span className="ill-number">{t('ill.request.title', { number: request.number })}</span> {title}
        </>
      }
    >
      <SharingNav />
      {params.get('created') && !outcome ? (
        <Alert variant="success" live="status" title={t('ill.new.created', { number: request.number })} />
      ) : null}
      {outcome?.kind === 'done' ? (
        <Alert
          variant="success"
          live="status"
          title={t('ill.request.done', { action: actionLabel(t, outcome.action) })}
        />
      ) : null}
      {outcome?.kind === 'conflict' ? (
        <Alert variant="warning" live="alert" title={t('ill.request.conflictTitle')}>
          <p>{t('ill.request.conflictHelp')}</p>
          <button type="button" className="button" onClick={reload}>
            {t('ill.request.reload')}
          </button>
        </Alert>
      ) : null}
      {outcome?.kind === 'invalid' ? (
        <Alert variant="error" live="alert" title={t('ill.request.invalidTitle')}>
          <p>{outcome.message}</p>
          <button type="button" className="button" onClick={reload}>
            {t('ill.request.reload')}
          </button>
        </Alert>
      ) : null}
      {outcome?.kind === 'error' ? (
        <Alert variant="error" live="alert" title={errorMessage(outcome.error, locale)} />
      ) : null}

      <section aria-labelledby="ill-state" className="section ill-state">
        <h2 id="ill-state">{t('ill.request.state')}</h2>
        <p className="ill-state__name">{stateLabel(t, ownSide, ownState)}</p>
        <p>{stateHelp(t, ownSide, ownState)}</p>
        {request.viewAs === 'consortium' ? (
          <>
            {request.attempt ? (
              <p>
                {t('ill.request.lenderStateOf', {
                  library: request.attempt.lender.name,
                  state: stateLabel(t, 'lending', request.attempt.state),
                })}
              </p>
            ) : null}
            <p className="muted">{t('ill.request.consortiumView')}</p>
          </>
        ) : (
          <>
            <h3>{t('ill.request.actions')}</h3>
            {request.actions.length ? (
              <ActionPanel
                request={request}
                onDone={onDone}
                onError={onError}
                busy={busy}
                setBusy={setBusy}
              />
            ) : (
              <p>{t('ill.request.noActions')}</p>
            )}
            {lendingSide && request.actions.includes('print_pull_slip') ? null : lendingSide ? (
              <p>
                <Link to={`/sharing/slips?ids=${request.id}`}>{t('ill.slip.print')}</Link>
              </p>
            ) : null}
          </>
        )}
        {request.copyUrl ? (
          <p>
            <a href={request.copyUrl}>{t('ill.request.copyLink')}</a>
          </p>
        ) : null}
        {request.contu ? (
          request.contu.warning ? (
            <Alert
              variant="warning"
              title={t('ill.request.contuWarning', {
                journal: request.contu.journal,
                year: request.contu.year,
                count: request.contu.count,
              })}
            />
          ) : (
            <p>{t('ill.request.contu', { count: request.contu.count, journal: request.contu.journal })}</p>
          )
        ) : null}
      </section>
      <div className="ill-columns">
        <CitationBlock request={request} />
        <DetailsBlock request={request} />
      </div>
      <PatronBlock request={request} />
      <RotaBlock request={request} />
      <NotesBlock request={request} canWrite={request.viewAs !== 'consortium'} onAdded={resource.setData} />
      <TimelineBlock request={request} />
      <IsoMessagesSection requestId={request.id} version={request.version} />
    </Page>
  );
}
