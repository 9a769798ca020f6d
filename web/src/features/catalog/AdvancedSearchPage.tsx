import { useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { SEARCH_FIELD_LIST, type SearchField } from '../../api/catalog.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Page } from '../../ui/Page.tsx';
import { CatalogNav } from './CatalogNav.tsx';
import { composeQuery, emptyRow, type AdvancedRow, type Join, type Match } from './advanced.ts';
import { readSearchState, searchHref } from './searchState.ts';
import './catalog.css';

const JOINS: Join[] = ['AND', 'OR', 'NOT'];
const MATCHES: Match[] = ['all', 'any', 'phrase'];
const MAX_ROWS = 8;

/** Several rows (field + words), joined by AND / OR / NOT; it writes the one-box query and searches it. */
export function AdvancedSearchPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const start = readSearchState(params);
  const [rows, setRows] = useState<AdvancedRow[]>(() => [
    { ...emptyRow(), field: start.field, words: start.q },
    emptyRow(),
    emptyRow(),
  ]);
  const [empty, setEmpty] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const query = composeQuery(rows);

  const update = (index: number, changes: Partial<AdvancedRow>) =>
    setRows((all) => all.map((row, i) => (i === index ? { ...row, ...changes } : row)));

  const add = () => {
    setRows((all) => [...all, emptyRow()]);
    // The new row's first control takes focus, so keyboard users continue there.
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLElement>('li:last-child select, li:last-child input')?.focus(),
    );
  };
  const remove = (index: number) => {
    setRows((all) => all.filter((_, i) => i !== index));
    requestAnimationFrame(() => document.getElementById('advanced-add')?.focus());
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!query) {
      setEmpty(true);
      return;
    }
    navigate(searchHref({ ...start, q: query, field: 'all', page: 1 }));
  };

  return (
    <Page title={t('catalog.advanced.title')} lead={t('catalog.advanced.lead')}>
      <CatalogNav />
      <form className="advanced" onSubmit={onSubmit} noValidate>
        {empty && !query ? <Alert variant="error" live="alert" title={t('catalog.advanced.empty')} /> : null}
        <ol className="advanced__rows" ref={list}>
          {rows.map((row, i) => (
            <li key={i} className="advanced__row">
              <fieldset className="fieldset advanced__fieldset">
                <legend className="field__label">{t('catalog.advanced.row', { n: i + 1 })}</legend>
                {i > 0 ? (
                  <div className="field">
                    <label htmlFor={`adv-join-${i}`} className="field__label">
                      {t('catalog.advanced.join')}
                    </label>
                    <select
                      id={`adv-join-${i}`}
                      className="input select"
                      value={row.join}
                      onChange={(e) => update(i, { join: e.target.value as Join })}
                    >
                      {JOINS.map((j) => (
                        <option key={j} value={j}>
                          {t(`catalog.advanced.join.${j}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                ) : null}
                <div className="field">
                  <label htmlFor={`adv-field-${i}`} className="field__label">
                    {t('catalog.search.in')}
                  </label>
                  <select
                    id={`adv-field-${i}`}
                    className="input select"
                    value={row.field}
                    onChange={(e) => update(i, { field: e.target.value as SearchField })}
                  >
                    {SEARCH_FIELD_LIST.map((f) => (
                      <option key={f} value={f}>
                        {t(`catalog.field.${f}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`adv-match-${i}`} className="field__label">
                    {t('catalog.advanced.match')}
                  </label>
                  <select
                    id={`adv-match-${i}`}
                    className="input select"
                    value={row.match}
                    onChange={(e) => update(i, { match: e.target.value as Match })}
                  >
                    {MATCHES.map((m) => (
                      <option key={m} value={m}>
                        {t(`catalog.advanced.match.${m}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field advanced__words">
                  <label htmlFor={`adv-words-${i}`} className="field__label">
                    {t('catalog.search.words')}
                  </label>
                  <input
                    id={`adv-words-${i}`}
                    className="input"
                    type="text"
                    value={row.words}
                    maxLength={300}
                    onChange={(e) => update(i, { words: e.target.value })}
                  />
                </div>
                {rows.length > 1 ? (
                  <button
                    type="button"
                    className="button button--secondary button--small advanced__remove"
                    onClick={() => remove(i)}
                  >
                    {t('catalog.advanced.remove', { n: i + 1 })}
                  </button>
                ) : null}
              </fieldset>
            </li>
          ))}
        </ol>
        {rows.length < MAX_ROWS ? (
          <p>
            <button id="advanced-add" type="button" className="button button--secondary" onClick={add}>
              {t('catalog.advanced.add')}
            </button>
          </p>
        ) : null}
        <section className="advanced__preview" aria-labelledby="advanced-preview-title">
          <h2 id="advanced-preview-title">{t('catalog.advanced.preview')}</h2>
          <p>
            <code>{query || t('catalog.advanced.previewEmpty')}</code>
          </p>
          <p className="field__hint">{t('catalog.advanced.previewHint')}</p>
        </section>
        <div className="form__actions">
          <button type="submit" className="button">
            {t('catalog.search.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
