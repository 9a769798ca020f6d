import { Link } from 'react-router';
import { useI18n } from '../i18n/context.tsx';

type Props = {
  page: number;
  pageSize: number;
  total: number;
  /** The address of a page (keeps the other query parameters). */
  hrefFor: (page: number) => string;
  label?: string;
};

/** Which page numbers to show: first, last, and two either side of the current one, with gaps. */
export function pageWindow(page: number, pages: number): Array<number | 'gap'> {
  const wanted = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2]);
  const list = [...wanted].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const out: Array<number | 'gap'> = [];
  list.forEach((p, i) => {
    const previous = list[i - 1];
    if (previous !== undefined && p - previous > 1) out.push(p - previous === 2 ? p - 1 : 'gap');
    out.push(p);
  });
  return out;
}

export function Pagination({ page, pageSize, total, hrefFor, label }: Props) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label ?? t('pagination.label')}>
      <ul className="pagination__list">
        <li>
          {page > 1 ? (
            <Link className="pagination__link" to={hrefFor(page - 1)} rel="prev">
              <span aria-hidden="true">‹ </span>
              {t('pagination.previous')}
            </Link>
          ) : (
            <span className="pagination__link pagination__link--disabled">
              <span aria-hidden="true">‹ </span>
              {t('pagination.previous')}
            </span>
          )}
        </li>
        {pageWindow(page, pages).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} className="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                className="pagination__link pagination__number"
                to={hrefFor(p)}
                aria-current={p === page ? 'page' : undefined}
                aria-label={t('pagination.page', { page: p, pages })}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pages ? (
            <Link className="pagination__link" to={hrefFor(page + 1)} rel="next">
              {t('pagination.next')}
              <span aria-hidden="true"> ›</span>
            </Link>
          ) : (
            <span className="pagination__link pagination__link--disabled">
              {t('pagination.next')}
              <span aria-hidden="true"> ›</span>
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}

/** Shown when the address asks for a page after the last one (e.g. an old link after filtering). */
export function BeyondLastPage({ hrefFor }: { hrefFor: (page: number) => string }) {
  const { t } = useI18n();
  return (
    <p>
      {t('pagination.beyond')} <Link to={hrefFor(1)}>{t('pagination.first')}</Link>
    </p>
  );
}
