import { Link } from 'react-router';
import type { SearchResult } from '../../api/catalog.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { formatLabel, languageName } from './labels.ts';

type Props = { results: SearchResult[]; first: number; from: string };

/** The results as a numbered list; each title leads to its record page (which knows the way back). */
export function ResultsList({ results, first, from }: Props) {
  const { t, tp, locale } = useI18n();
  return (
    <ol className="results" start={first}>
      {results.map((r) => (
        <li key={r.id} className="result">
          <h3 className="result__title">
            <Link to={`/catalog/records/${r.id}`} state={{ from }}>
              {r.title}
            </Link>
          </h3>
          {r.author ? <p className="result__author">{r.author}</p> : null}
          <ul className="result__meta">
            <li>
              <span className="visually-hidden">{t('catalog.result.format')}: </span>
              {formatLabel(r.format, locale)}
            </li>
            {r.year !== null ? (
              <li>
                <span className="visually-hidden">{t('catalog.result.year')}: </span>
                {r.year}
              </li>
            ) : null}
            {r.language ? (
              <li>
                <span className="visually-hidden">{t('catalog.result.language')}: </span>
                {languageName(r.language, locale)}
              </li>
            ) : null}
            {r.publisher ? (
              <li>
                <span className="visually-hidden">{t('catalog.result.publisher')}: </span>
                {r.publisher}
              </li>
            ) : null}
          </ul>
          <p className="result__held">
            <Badge tone={r.libraryCount > 1 ? 'positive' : 'neutral'}>
              {tp('catalog.result.heldBy', r.libraryCount)}
            </Badge>
            {r.electronic ? <Badge>{t('catalog.result.online')}</Badge> : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
