import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { LIBRARY_TYPE_LIST, MEMBER_STATUS_LIST, STATE_LIST } from '../../api/enums.ts';
import type { DirectoryPage, DirectoryQuery } from '../../api/members.ts';
import { buildQuery } from '../../api/client.ts';
import { useI18n } from '../../i18n/context.tsx';
import { SelectField, TextField, type Option } from '../../ui/Field.tsx';

type Props = { query: DirectoryQuery; facets: DirectoryPage['facets'] | undefined };

/** Search and filters of the library directory; each option shows how many libraries it would find. */
export function DirectoryFilters({ query, facets }: Props) {
  const { t, fmt } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState(query.q ?? '');
  const [type, setType] = useState<string>(query.type ?? '');
  const [state, setState] = useState<string>(query.state ?? '');
  const [status, setStatus] = useState<string>(query.status ?? '');
  const [sort, setSort] = useState<string>(query.sort ?? 'name');

  const withCount = (label: string, count: number | undefined) =>
    count === undefined ? label : t('directory.optionCount', { label, count: fmt.number(count) });
  const options = (
    values: readonly string[],
    facet: Record<string, number> | undefined,
    label: (v: string) => string,
  ) => [
    { value: '', label: t('directory.any') },
    ...values.map((v): Option => ({
      value: v,
      label: withCount(label(v), facet ? (facet[v] ?? 0) : undefined),
    })),
  ];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(
      `/members${buildQuery({ q: q.trim(), type, state, status, sort: sort === 'name' ? '' : sort })}`,
    );
  };

  return (
    <search className="filters" aria-label={t('directory.filtersLabel')}>
      <form onSubmit={onSubmit} className="filters__form">
        <TextField
          id="directory-q"
          label={t('directory.search')}
          hint={t('directory.searchHint')}
          type="search"
          optional
          value={q}
          onChange={setQ}
          className="filters__search"
        />
        <div className="filters__row">
          <SelectField
            id="directory-type"
            label={t('field.libraryType')}
            value={type}
            onChange={setType}
            options={options(LIBRARY_TYPE_LIST, facets?.type, (v) => t(`libraryType.${v as 'public'}`))}
          />
          <SelectField
            id="directory-state"
            label={t('field.state')}
            value={state}
            onChange={setState}
            options={options(STATE_LIST, facets?.state, (v) => t(`usState.${v as 'TX'}`))}
          />
          <SelectField
            id="directory-status"
            label={t('field.membershipStatus')}
            value={status}
            onChange={setStatus}
            options={options(MEMBER_STATUS_LIST, facets?.status, (v) => t(`status.${v as 'active'}`))}
          />
          <SelectField
            id="directory-sort"
            label={t('directory.sort')}
            value={sort}
            onChange={setSort}
            options={[
              { value: 'name', label: t('directory.sort.name') },
              { value: 'state', label: t('directory.sort.state') },
              { value: 'type', label: t('directory.sort.type') },
            ]}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button">
            {t('directory.apply')}
          </button>
          <Link to="/members">{t('directory.clear')}</Link>
        </div>
      </form>
    </search>
  );
}
