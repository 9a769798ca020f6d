import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { FacetValue, SearchResponseBody } from '../../api/catalog.ts';
import { useI18n } from '../../i18n/context.tsx';
import { FieldError } from '../../ui/Field.tsx';
import { facetLabel } from './labels.ts';
import {
  FACET_NAMES,
  decadeRange,
  searchHref,
  toggleFacet,
  withChanges,
  type FacetName,
  type SearchState,
} from './searchState.ts';

const SHOWN = 6;

type Props = { state: SearchState; facets: SearchResponseBody['facets'] };

/**
 * "Narrow your search": each facet value is a link that adds it (or, when chosen, removes it) — links and
 * not checkboxes that reload on change, so nothing happens until the reader chooses (WCAG 3.2.2).
 */
export function Facets({ state, facets }: Props) {
  const { t } = useI18n();
  return (
    <nav className="facets" aria-labelledby="facets-title">
      <h2 id="facets-title" className="facets__title" tabIndex={-1}>
        {t('catalog.facets.title')}
      </h2>
      {FACET_NAMES.map((name) =>
        facets[name].length ? <FacetList key={name} name={name} values={facets[name]} state={state} /> : null,
      )}
      <YearFacet state={state} year={facets.year} />
    </nav>
  );
}

function FacetList({ name, values, state }: { name: FacetName; values: FacetValue[]; state: SearchState }) {
  const { t, locale } = useI18n();
  const [expanded, setExpanded] = useState(false);
  // Chosen values first, so they stay in sight even in a long list.
  const ordered = [...values.filter((v) => v.selected), ...values.filter((v) => !v.selected)];
  const shown = expanded
    ? ordered
    : ordered.slice(0, Math.max(SHOWN, values.filter((v) => v.selected).length));
  const headingId = `facet-${name}`;
  const listId = `facet-${name}-list`;
  return (
    <section className="facet" aria-labelledby={headingId}>
      <h3 id={headingId} className="facet__title">
        {t(`catalog.facet.${name}`)}
      </h3>
      <ul id={listId} className="facet__list">
        {shown.map((v) => {
          const label = facetLabel(name, v.value, v.label, locale);
          return (
            <li key={v.value}>
              <Link
                className={`facet__link${v.selected ? ' facet__link--selected' : ''}`}
                to={searchHref(toggleFacet(state, name, v.value))}
                rel="nofollow"
              >
                <span className="facet__check" aria-hidden="true">
                  {v.selected ? '✓' : ''}
                </span>
                <span className="facet__label">
                  {v.selected ? <span className="visually-hidden">{t('catalog.facets.remove')} </span> : null}
                  {label}
                </span>
                <FacetCount count={v.count} />
              </Link>
            </li>
          );
        })}
      </ul>
      {ordered.length > shown.length || expanded ? (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded
            ? t('catalog.facets.fewer', { facet: t(`catalog.facet.${name}`) })
            : t('catalog.facets.more', { facet: t(`catalog.facet.${name}`) })}
        </button>
      ) : null}
    </section>
  );
}

function YearFacet({ state, year }: { state: SearchState; year: SearchResponseBody['facets']['year'] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [from, setFrom] = useState(state.yearFrom?.toString() ?? '');
  const [to, setTo] = useState(state.yearTo?.toString() ?? '');
  const [error, setError] = useState<string | undefined>();
  const valid = (v: string) => v.trim() === '' || /^-?\d{1,4}$/.test(v.trim());

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid(from) || !valid(to)) return setError(t('catalog.year.invalid'));
    const yearFrom = from.trim() ? Number(from) : undefined;
    const yearTo = to.trim() ? Number(to) : undefined;
    if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo) {
      return setError(t('catalog.year.order'));
    }
    setError(undefined);
    navigate(searchHref(withChanges(state, { yearFrom, yearTo })));
  };

  const describedBy = error ? 'year-error' : 'year-hint';
  return (
    <section className="facet" aria-labelledby="facet-year">
      <h3 id="facet-year" className="facet__title">
        {t('catalog.facet.year')}
      </h3>
      <form className="year-range" onSubmit={onSubmit} noValidate>
        <p id="year-hint" className="field__hint">
          {year.min !== null && year.max !== null
            ? t('catalog.year.span', { min: String(year.min), max: String(year.max) })
            : t('catalog.year.hint')}
        </p>
        <FieldError id="year-error" message={error} />
        <div className="year-range__inputs">
          <div className="field">
            <label htmlFor="year-from" className="field__label">
              {t('catalog.year.from')}
            </label>
            <input
              id="year-from"
              className="input input--short"
              inputMode="numeric"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              maxLength={5}
            />
          </div>
          <div className="field">
            <label htmlFor="year-to" className="field__label">
              {t('catalog.year.to')}
            </label>
            <input
              id="year-to"
              className="input input--short"
              inputMode="numeric"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              maxLength={5}
            />
          </div>
        </div>
        <button type="submit" className="button button--secondary button--small">
          {t('catalog.year.apply')}
        </button>
      </form>
      {year.buckets.length ? (
        <ul className="facet__list facet__list--decades" aria-label={t('catalog.year.decades')}>
          {year.buckets.map((b) => {
            const range = decadeRange(b.value);
            const selected = state.yearFrom === range.yearFrom && state.yearTo === range.yearTo;
            return (
              <li key={b.value}>
                <Link
                  className={`facet__link${selected ? ' facet__link--selected' : ''}`}
                  to={searchHref(
                    withChanges(state, selected ? { yearFrom: undefined, yearTo: undefined } : range),
                  )}
                  rel="nofollow"
                >
                  <span className="facet__check" aria-hidden="true">
                    {selected ? '✓' : ''}
                  </span>
                  <span className="facet__label">
                    {selected ? <span className="visually-hidden">{t('catalog.facets.remove')} </span> : null}
                    {t('catalog.year.decade', { decade: b.value })}
                  </span>
                  <FacetCount count={b.count} />
                </Link>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

/** The count beside a value, read out as ", 12 results". */
function FacetCount({ count }: { count: number }) {
  const { tp, fmt } = useI18n();
  return (
    <span className="facet__count">
      <span aria-hidden="true">{fmt.number(count)}</span>
      <span className="visually-hidden">, {tp('catalog.facets.resultCount', count)}</span>
    </span>
  );
}
