import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { catalogApi, SEARCH_SORT_LIST, type SearchResponseBody, type SearchSort } from '../../api/catalog.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import { LoadError } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { BeyondLastPage, Pagination } from '../../ui/Pagination.tsx';
import { CatalogNav } from './CatalogNav.tsx';
import { Facets } from './Facets.tsx';
import { FilterChips, NoResults } from './NoResults.tsx';
import { ResultsList } from './ResultsList.tsx';
import { SearchBox } from './SearchBox.tsx';
import { PAGE_SIZE, readSearchState, searchHref, withChanges, type SearchState } from './searchState.ts';
import { syntaxProblem } from './syntax.ts';
import './catalog.css';

/** The catalog's search page: one box, results with facets, all of it in the address. */
export function CatalogPage() {
  const { t, tp, fmt, locale } = useI18n();
  const [params] = useSearchParams();
  const location = useLocation();
  const state = readSearchState(params);
  const key = state.active ? searchHref(state) : null;
  const result = useResource(key, (signal) => catalogApi.search({ ...state, pageSize: PAGE_SIZE }, signal), {
    keepPrevious: true,
  });
  const syntax =
    result.error?.code === 'QUERY_SYNTAX'
      ? syntaxProblem(result.error.details[0]?.message ?? result.error.message, locale)
      : undefined;
  const data = state.active && !result.error ? result.data : undefined;

  let count = '';
  if (result.loading && !data) count = state.active ? t('catalog.searching') : '';
  else if (syntax) count = t('catalog.search.notUnderstood');
  else if (data) {
    const from = (data.page - 1) * data.pageSize + 1;
    const to = Math.min(data.total, from + data.results.length - 1);
    count = !data.total
      ? t('catalog.results.none')
      : data.results.length
        ? `${tp('catalog.results.count', data.total)} ${t('catalog.results.showing', { from: fmt.number(from), to: fmt.number(to) })}`
        : tp('catalog.results.count', data.total);
    // Heard with the count, so a screen reader user learns of the suggestion without looking for it.
    if (data.didYouMean) count = `${count} ${t('catalog.didYouMean')} ${data.didYouMean}?`;
  }

  const title = state.active && state.q ? t('catalog.search.titleFor', { q: state.q }) : t('catalog.title');
  return (
    <Page title={title} heading={t('catalog.title')} lead={state.active ? undefined : t('catalog.lead')}>
      <CatalogNav />
      <SearchBox key={location.search} state={state} problem={syntax} />
      {data && !data.indexing.ready ? (
        <Alert variant="info" title={t('catalog.indexing.title')}>
          <p>{t('catalog.indexing.text', { count: fmt.number(data.indexing.documents) })}</p>
        </Alert>
      ) : null}
      <LiveRegion>{count}</LiveRegion>
      {result.error && !syntax ? <LoadError error={result.error} onRetry={result.reload} /> : null}
      {!state.active ? <Welcome /> : null}
      {data ? <Results state={state} data={data} busy={result.loading} /> : null}
    </Page>
  );
}

function Results({ state, data, busy }: { state: SearchState; data: SearchResponseBody; busy: boolean }) {
  const { t } = useI18n();
  const here = searchHref(state);
  const hrefFor = (page: number) => searchHref({ ...state, page });
  const beyond = !data.results.length && data.total > 0;
  const showFacets = data.total > 0 || data.facets.year.buckets.length > 0;
  const names = Object.fromEntries(data.facets.library.map((v) => [v.value, v.label]));
  return (
    <div className={`catalog-layout${showFacets ? '' : ' catalog-layout--single'}`}>
      <section className="catalog-layout__results" aria-labelledby="results-title" aria-busy={busy}>
        <h2 id="results-title" className="visually-hidden">
          {t('catalog.results.title')}
        </h2>
        {data.didYouMean ? (
          <p className="did-you-mean">
            {t('catalog.didYouMean')}{' '}
            <Link to={searchHref(withChanges(state, { q: data.didYouMean }))}>
              <strong>{data.didYouMean}</strong>
            </Link>
            ?
          </p>
        ) : null}
        <FilterChips state={state} names={names} />
        {data.total > 0 ? (
          <>
            <p className="facets-jump">
              <a href="#facets-title">{t('catalog.facets.jump')}</a>
            </p>
            <SortForm key={state.sort} state={state} />
            <ResultsList results={data.results} first={(data.page - 1) * data.pageSize + 1} from={here} />
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={Math.min(data.total, 10_000)}
              hrefFor={hrefFor}
              label={t('catalog.results.pagination')}
            />
            {beyond ? <BeyondLastPage hrefFor={hrefFor} /> : null}
          </>
        ) : (
          <NoResults state={state} names={names} />
        )}
      </section>
      {showFacets ? (
        <div className="catalog-layout__facets">
          <Facets key={here} state={state} facets={data.facets} />
        </div>
      ) : null}
    </div>
  );
}

/** Sorting needs a button: changing a select must not by itself reload the page (WCAG 3.2.2). */
function SortForm({ state }: { state: SearchState }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [sort, setSort] = useState<SearchSort>(state.sort);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(searchHref(withChanges(state, { sort })));
  };
  return (
    <form className="sort-form" onSubmit={onSubmit}>
      <label htmlFor="catalog-sort" className="field__label">
        {t('catalog.sort.label')}
      </label>
      <select
        id="catalog-sort"
        className="input select"
        value={sort}
        onChange={(e) => setSort(e.target.value as SearchSort)}
      >
        {SEARCH_SORT_LIST.map((s) => (
          <option key={s} value={s}>
            {t(`catalog.sort.${s}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--secondary button--small">
        {t('catalog.sort.apply')}
      </button>
    </form>
  );
}

function Welcome() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="catalog-tips" className="section">
      <h2 id="catalog-tips">{t('catalog.tips.title')}</h2>
      <ul>
        <li>{t('catalog.tips.words')}</li>
        <li>{t('catalog.tips.phrase')}</li>
        <li>{t('catalog.tips.operators')}</li>
        <li>{t('catalog.tips.fields')}</li>
        <li>{t('catalog.tips.isbn')}</li>
      </ul>
      <p>
        <Link to="/catalog?q=">{t('catalog.tips.browse')}</Link>
      </p>
    </section>
  );
}
