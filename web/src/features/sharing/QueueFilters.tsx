import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { membersApi } from '../../api/members.ts';
import type { QueueQuery, Side } from '../../api/sharing.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { QUEUE_SORT_LIST } from './queue-query.ts';
import { stateLabel } from './labels.ts';
import { BORROWER_STATES, LENDER_STATES } from './values.ts';

export const FILTERS = [
  'q',
  'state',
  'serviceType',
  'attention',
  'otherLibrary',
  'rush',
  'createdFrom',
  'createdTo',
  'needBeforeFrom',
  'needBeforeTo',
  'sort',
] as const;
export type FilterDraft = Record<(typeof FILTERS)[number], string>;

/**
 * The queue's search form. Filters go to the address (not to component state), so a filtered queue
 * survives a reload and can be shared; "Clear filters" keeps only the consortium's chosen library.
 */
export function QueueFilters({
  side,
  params,
  libraryId,
  onApply,
  clearHref,
}: {
  side: Side;
  params: URLSearchParams;
  libraryId: string;
  onApply: (draft: FilterDraft) => void;
  clearHref: string;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<FilterDraft>(
    () => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as FilterDraft,
  );
  const libraries = useResource('ill-libraries', (signal) =>
    membersApi.directory({ kind: 'library', sort: 'name', page: 1, pageSize: 100 }, signal),
  );
  const set = (key: keyof FilterDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const states = side === 'borrowing' ? BORROWER_STATES : LENDER_STATES;
  const any = { value: '', label: t('ill.queue.any') };
  const createdBad = !!draft.createdFrom && !!draft.createdTo && draft.createdFrom > draft.createdTo;
  const needBad = !!draft.needBeforeFrom && !!draft.needBeforeTo && draft.needBeforeFrom > draft.needBeforeTo;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!createdBad && !needBad) onApply(draft);
  };
  const date = (key: keyof FilterDraft, label: string, error?: string) => (
    <TextField
      id={`queue-${key}`}
      label={label}
      type="date"
      width="medium"
      value={draft[key]}
      onChange={set(key)}
      error={error}
      optional
    />
  );

  return (
    <form className="filters card" role="search" aria-label={t('ill.queue.filters')} onSubmit={submit}>
      <TextField
        id="queue-q"
        label={t('ill.queue.q')}
        type="search"
        value={draft.q}
        onChange={set('q')}
        optional
      />
      <SelectField
        id="queue-state"
        label={t('ill.queue.state')}
        value={draft.state}
        onChange={set('state')}
        options={[any, ...states.map((s) => ({ value: s, label: stateLabel(t, side, s) }))]}
      />
      <SelectField
        id="queue-attention"
        label={t('ill.queue.views')}
        value={draft.attention}
        onChange={set('attention')}
        options={[
          { value: '', label: t('ill.queue.all') },
          { value: 'true', label: t('ill.queue.attention') },
        ]}
      />
      <SelectField
        id="queue-otherLibrary"
        label={t(side === 'borrowing' ? 'ill.queue.otherLender' : 'ill.queue.otherBorrower')}
        value={draft.otherLibrary}
        onChange={set('otherLibrary')}
        options={[
          { value: '', label: t('ill.queue.anyLibrary') },
          ...(libraries.data?.items ?? [])
            .filter((l) => l.id !== libraryId)
            .map((l) => ({ value: l.id, label: `${l.name} (${l.symbol})` })),
        ]}
      />
      <SelectField
        id="queue-service"
        label={t('ill.queue.serviceType')}
        value={draft.serviceType}
        onChange={set('serviceType')}
        options={[
          any,
          { value: 'loan', label: t('ill.service.loan') },
          { value: 'copy', label: t('ill.service.copy') },
        ]}
      />
      <SelectField
        id="queue-rush"
        label={t('ill.queue.rushFilter')}
        value={draft.rush}
        onChange={set('rush')}
        options={[
          any,
          { value: 'true', label: t('ill.queue.rushOnly') },
          { value: 'false', label: t('ill.queue.notRush') },
        ]}
      />
      <fieldset className="fieldset ill-queue-filters__dates">
        <legend>{t('ill.queue.datesCreated')}</legend>
        {date('createdFrom', t('ill.queue.from'))}
        {date('createdTo', t('ill.queue.to'), createdBad ? t('ill.queue.rangeInvalid') : undefined)}
      </fieldset>
      <fieldset className="fieldset ill-queue-filters__dates">
        <legend>{t('ill.queue.datesNeed')}</legend>
        {date('needBeforeFrom', t('ill.queue.from'))}
        {date('needBeforeTo', t('ill.queue.to'), needBad ? t('ill.queue.rangeInvalid') : undefined)}
      </fieldset>
      <SelectField
        id="queue-sort"
        label={t('ill.queue.sort')}
        value={draft.sort || 'updated'}
        onChange={set('sort')}
        options={QUEUE_SORT_LIST.map((s) => ({ value: s, label: t(`ill.queue.sort.${s}`) }))}
      />
      <p className="form__actions">
        <button type="submit" className="button">
          {t('ill.queue.apply')}
        </button>{' '}
        <Link to={clearHref}>{t('ill.queue.clear')}</Link>
      </p>
    </form>
  );
}

export type { QueueQuery };
