import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { SEARCH_FIELD_LIST, type SearchField } from '../../api/catalog.ts';
import { useI18n } from '../../i18n/context.tsx';
import { CheckboxField, FieldError } from '../../ui/Field.tsx';
import { hasFilters, searchHref, withChanges, withoutFilters, type SearchState } from './searchState.ts';
import type { SyntaxProblem } from './syntax.ts';

type Props = { state: SearchState; problem?: SyntaxProblem };

/** The one search box: words, the field to search in, and (when filters are set) whether to keep them. */
export function SearchBox({ state, problem }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState(state.q);
  const [field, setField] = useState<SearchField>(state.field);
  const [keepFilters, setKeepFilters] = useState(true);
  const filtered = hasFilters(state);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const base = filtered && keepFilters ? state : withoutFilters(state);
    navigate(searchHref(withChanges(base, { q: q.trim(), field })));
  };

  const describedBy = ['catalog-q-hint', problem ? 'catalog-q-error' : ''].filter(Boolean).join(' ');
  return (
    <search className="catalog-search" aria-label={t('catalog.search.label')}>
      <form onSubmit={onSubmit} className="catalog-search__form">
        <div className="catalog-search__row">
          <div className="field catalog-search__field">
            <label htmlFor="catalog-field" className="field__label">
              {t('catalog.search.in')}
            </label>
            <select
              id="catalog-field"
              className="input select"
              value={field}
              onChange={(e) => setField(e.target.value as SearchField)}
            >
              {SEARCH_FIELD_LIST.map((f) => (
                <option key={f} value={f}>
                  {t(`catalog.field.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={`field catalog-search__words${problem ? ' field--invalid' : ''}`}>
            <label htmlFor="catalog-q" className="field__label">
              {t('catalog.search.words')}
            </label>
            <FieldError id="catalog-q-error" message={problem ? syntaxText(problem, t) : undefined} />
            <div className="catalog-search__box">
              <input
                id="catalog-q"
                name="q"
                type="search"
                className="input"
                value={q}
                maxLength={1000}
                onChange={(e) => setQ(e.target.value)}
                aria-describedby={describedBy}
                aria-invalid={problem ? true : undefined}
                enterKeyHint="search"
              />
              <button type="submit" className="button">
                {t('catalog.search.submit')}
              </button>
            </div>
            {problem && problem.position !== undefined ? (
              <QueryMarker query={state.q} position={problem.position} />
            ) : null}
          </div>
        </div>
        <p id="catalog-q-hint" className="field__hint">
          {t('catalog.search.hint')}
        </p>
        <div className="catalog-search__extra">
          {filtered ? (
            <CheckboxField
              id="catalog-keep-filters"
              label={t('catalog.search.keepFilters')}
              checked={keepFilters}
              onChange={setKeepFilters}
            />
          ) : null}
          <Link
            to={`/catalog/advanced${state.q ? `?${new URLSearchParams({ q: state.q, field: state.field })}` : ''}`}
          >
            {t('catalog.nav.advanced')}
          </Link>
        </div>
      </form>
    </search>
  );
}

function syntaxText(problem: SyntaxProblem, t: ReturnType<typeof useI18n>['t']) {
  return problem.position === undefined
    ? t('catalog.search.syntax', { message: problem.message })
    : t('catalog.search.syntaxAt', { message: problem.message, position: problem.position });
}

/** The query with the place of the mistake marked, so it can be found without counting characters. */
function QueryMarker({ query, position }: { query: string; position: number }) {
  const { t } = useI18n();
  const at = Math.max(0, Math.min(query.length, position - 1));
  return (
    <p className="catalog-search__marker" aria-hidden="true">
      <code>
        {query.slice(0, at)}
        <mark title={t('catalog.search.here')}>{query.slice(at, at + 1) || ' '}</mark>
        {query.slice(at + 1)}
      </code>
    </p>
  );
}
