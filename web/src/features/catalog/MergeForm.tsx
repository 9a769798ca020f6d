import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { catalogApi, type ClusterView, type SearchResult } from '../../api/catalog.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { ChoiceGroup, FieldError, TextField } from '../../ui/Field.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import type { ClusterMessage } from './ClusterSection.tsx';
import { clusterIdIn } from './searchState.ts';

type Props = { cluster: ClusterView; onDone: (message: ClusterMessage) => void };

/** Merge another cluster into this one: found by a title search or given by its id, then confirmed. */
export function MergeForm({ cluster, onDone }: Props) {
  const { t, tp, locale } = useI18n();
  const [find, setFind] = useState('');
  const [found, setFound] = useState<SearchResult[] | null>(null);
  const [findError, setFindError] = useState<string | undefined>();
  const [picked, setPicked] = useState('');
  const [typed, setTyped] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const other = picked || clusterIdIn(typed) || '';
  const otherTitle = found?.find((r) => r.id === other)?.title;

  const search = async () => {
    if (!find.trim()) return;
    setFindError(undefined);
    try {
      const answer = await catalogApi.search({
        q: find.trim(),
        field: 'all',
        format: [],
        language: [],
        library: [],
        subject: [],
        author: [],
        sort: 'relevance',
        page: 1,
        pageSize: 8,
      });
      setFound(answer.results.filter((r) => r.id !== cluster.id));
      setPicked('');
    } catch (e) {
      setFound(null);
      setFindError(errorMessage(e, locale));
    }
  };
  const onFindKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.target as HTMLElement).id === 'merge-find') {
      event.preventDefault();
      void search();
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!other) return setError(t('catalog.merge.choose'));
    if (other === cluster.id) return setError(t('catalog.merge.same'));
    setError(undefined);
    if (!confirming) return setConfirming(true);
    setBusy(true);
    try {
      await catalogApi.merge(cluster.id, other, note.trim());
      onDone({ ok: true, text: t('catalog.merge.done') });
      setConfirming(false);
      setFound(null);
      setTyped('');
      setPicked('');
      setNote('');
    } catch (e) {
      onDone({ ok: false, text: errorMessage(e, locale) });
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="merge" aria-labelledby="merge-title">
      <h3 id="merge-title">{t('catalog.merge.title')}</h3>
      <p>{t('catalog.merge.lead')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="merge__find" onKeyDown={onFindKey}>
          <TextField
            id="merge-find"
            label={t('catalog.merge.find')}
            hint={t('catalog.merge.findHint')}
            type="search"
            optional
            value={find}
            onChange={setFind}
            error={findError}
          />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void search()}
          >
            {t('catalog.merge.findButton')}
          </button>
        </div>
        <LiveRegion>{found ? tp('catalog.merge.found', found.length) : ''}</LiveRegion>
        {found && found.length ? (
          <ChoiceGroup
            id="merge-pick"
            type="radio"
            legend={t('catalog.merge.pick')}
            value={picked}
            onChange={(v) => {
              setPicked(v);
              setConfirming(false);
            }}
            options={found.map((r) => ({
              value: r.id,
              label: `${r.title}${r.author ? ` — ${r.author}` : ''}${r.year !== null ? `, ${r.year}` : ''} (${tp('catalog.result.heldBy', r.libraryCount)})`,
            }))}
          />
        ) : null}
        <TextField
          id="merge-id"
          label={t('catalog.merge.id')}
          hint={t('catalog.merge.idHint')}
          optional
          value={typed}
          onChange={(v) => {
            setTyped(v);
            setPicked('');
            setConfirming(false);
          }}
        />
        <TextField
          id="merge-note"
          label={t('catalog.action.note')}
          optional
          value={note}
          onChange={setNote}
          maxLength={500}
        />
        <FieldError id="merge-error" message={error} />
        {confirming ? (
          <div className="confirm-box" role="group" aria-labelledby="merge-confirm">
            <p id="merge-confirm" className="confirm-box__title">
              {otherTitle
                ? t('catalog.merge.confirmTitle', { title: otherTitle })
                : t('catalog.merge.confirm', { id: other })}
            </p>
            <div className="confirm">
              <button type="submit" className="button button--danger button--small" disabled={busy} autoFocus>
                {busy ? t('common.saving') : t('catalog.merge.submit')}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setConfirming(false)}
              >
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="submit" className="button button--secondary">
            {t('catalog.merge.start')}
          </button>
        )}
      </form>
    </section>
  );
}
