import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { buildQuery } from '../../api/client.ts';
import { CAPABILITY_LIST, STATE_LIST } from '../../api/enums.ts';
import type { StaffDirectoryQuery } from '../../api/members.ts';
import { useI18n } from '../../i18n/context.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';

export function StaffFilters({ query }: { query: StaffDirectoryQuery }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState(query.q ?? '');
  const [capability, setCapability] = useState<string>(query.capability ?? '');
  const [state, setState] = useState<string>(query.state ?? '');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/members/staff${buildQuery({ q: q.trim(), capability, state })}`);
  };

  return (
    <search className="filters" aria-label={t('staff.filtersLabel')}>
      <form onSubmit={onSubmit} className="filters__form">
        <TextField
          id="staff-q"
          label={t('staff.search')}
          hint={t('staff.searchHint')}
          type="search"
          optional
          value={q}
          onChange={setQ}
          className="filters__search"
        />
        <div className="filters__row">
          <SelectField
            id="staff-capability"
            label={t('staff.capability')}
            value={capability}
            onChange={setCapability}
            options={[
              { value: '', label: t('directory.any') },
              ...CAPABILITY_LIST.map((c) => ({ value: c, label: t(`capability.${c}`) })),
            ]}
          />
          <SelectField
            id="staff-state"
            label={t('field.state')}
            value={state}
            onChange={setState}
            options={[
              { value: '', label: t('directory.any') },
              ...STATE_LIST.map((s) => ({ value: s, label: t(`usState.${s}`) })),
            ]}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button">
            {t('directory.apply')}
          </button>
          <Link to="/members/staff">{t('directory.clear')}</Link>
        </div>
      </form>
    </search>
  );
}
