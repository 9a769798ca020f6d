import { Link } from 'react-router';
import { useI18n } from '../../i18n/context.tsx';
import type { I18n } from '../../i18n/context.tsx';
import { facetLabel } from './labels.ts';
import {
  activeFilters,
  hasFilters,
  searchHref,
  withChanges,
  withoutFilters,
  type Chip,
  type SearchState,
} from './searchState.ts';

/** "Format: Book" for a chip; libraries are named by the facet the page already has, else by id. */
function chipText(chip: Chip, i18n: I18n, names: Record<string, string>): string {
  const { t, locale } = i18n;
  if (chip.name === 'year') {
    const [from, to] = chip.value.split('–');
    const value = from && to ? t('common.dateRange', { from, to }) : from ? `≥ ${from}` : `≤ ${to}`;
    return `${t('catalog.facet.year')}: ${value}`;
  }
  return `${t(`catalog.facet.${chip.name}`)}: ${facetLabel(chip.name, chip.value, names[chip.value] ?? '', locale)}`;
}

/** The filters in force, each removable with one click. */
export function FilterChips({ state, names = {} }: { state: SearchState; names?: Record<string, string> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const chips = activeFilters(state);
  if (!chips.length) return null;
  return (
    <div className="chips">
      <h3 className="chips__title" id="chips-title">
        {t('catalog.filters.title')}
      </h3>
      <ul className="chips__list" aria-labelledby="chips-title">
        {chips.map((chip) => {
          const text = chipText(chip, i18n, names);
          return (
            <li key={`${chip.name}:${chip.value}`}>
              <Link
                className="chip"
                to={searchHref(chip.without)}
                aria-label={t('catalog.filters.removeOne', { filter: text })}
              >
                {text}
                <span className="chip__x" aria-hidden="true">
                  ×
                </span>
              </Link>
            </li>
          );
        })}
        {chips.length > 1 ? (
          <li>
            <Link className="chips__clear" to={searchHref(withoutFilters(state))}>
              {t('catalog.filters.removeAll')}
            </Link>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

/** Zero results: what to try, with the changes that may help as ready-made links. */
type NoResultsProps = { state: SearchState; names: Record<string, string> };

export function NoResults({ state, names }: NoResultsProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const words = state.q.trim().split(/\s+/).filter(Boolean);
  return (
    <section className="no-results" aria-labelledby="no-results-title">
      <h3 id="no-results-title">{t('catalog.none.title')}</h3>
      <ul>
        <li>{t('catalog.none.spelling')}</li>
        {words.length > 1 ? <li>{t('catalog.none.fewerWords')}</li> : null}
        {state.field !== 'all' ? (
          <li>
            <Link to={searchHref(withChanges(state, { field: 'all' }))}>{t('catalog.none.allFields')}</Link>
          </li>
        ) : null}
        {/[A-Za-z]+:|\bAND\b|\bNOT\b|"/.test(state.q) ? <li>{t('catalog.none.simpler')}</li> : null}
        {hasFilters(state) ? (
          <li>
            {t('catalog.none.filters')}
            <ul>
              {activeFilters(state).map((chip) => (
                <li key={`${chip.name}:${chip.value}`}>
                  <Link to={searchHref(chip.without)}>
                    {t('catalog.filters.removeOne', { filter: chipText(chip, i18n, names) })}
                  </Link>
                </li>
              ))}
              {activeFilters(state).length > 1 ? (
                <li>
                  <Link to={searchHref(withoutFilters(state))}>{t('catalog.filters.removeAll')}</Link>
                </li>
              ) : null}
            </ul>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
