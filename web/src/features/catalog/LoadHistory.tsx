import { Link } from 'react-router';
import type { Load } from '../../api/catalog.ts';
import type { Page as ApiPage } from '../../api/client.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { statusTone } from './loadFormat.ts';

type Props = { libraryId: string; page: ApiPage<Load>; hrefFor: (page: number) => string };

/** A library's loads, newest first, with their status and counts; each opens its report. */
export function LoadHistory({ libraryId, page, hrefFor }: Props) {
  const { t, fmt } = useI18n();
  const pages = Math.ceil(page.total / page.pageSize);
  if (!page.total) return <p>{t('catalog.history.none')}</p>;
  return (
    <>
      <TableWrap label={t('catalog.history.caption')}>
        <table className="table table--compact">
          <caption>
            {t('catalog.history.caption')}
            {pages > 1 ? (
              <span className="caption-note"> {t('pagination.page', { page: page.page, pages })}</span>
            ) : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('catalog.history.file')}</th>
              <th scope="col">{t('catalog.history.when')}</th>
              <th scope="col">{t('catalog.upload.mode')}</th>
              <th scope="col">{t('catalog.history.status')}</th>
              <th scope="col" className="num">
                {t('catalog.count.added')}
              </th>
              <th scope="col" className="num">
                {t('catalog.count.updated')}
              </th>
              <th scope="col" className="num">
                {t('catalog.count.unchanged')}
              </th>
              <th scope="col" className="num">
                {t('catalog.count.withdrawn')}
              </th>
              <th scope="col" className="num">
                {t('catalog.count.rejected')}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((load) => (
              <tr key={load.id}>
                <th scope="row">
                  <Link to={`/catalog/loads/${load.id}?library=${libraryId}`}>{load.fileName}</Link>
                </th>
                <td className="nowrap">{fmt.dateTime(load.createdAt)}</td>
                <td>{t(`catalog.loadMode.${load.mode}`)}</td>
                <td>
                  <Badge tone={statusTone(load.status)}>{t(`catalog.loadStatus.${load.status}`)}</Badge>
                </td>
                <td className="num">{fmt.number(load.added)}</td>
                <td className="num">{fmt.number(load.updated)}</td>
                <td className="num">{fmt.number(load.unchanged)}</td>
                <td className="num">{fmt.number(load.withdrawn)}</td>
                <td className="num">{fmt.number(load.rejected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pagination
        page={page.page}
        pageSize={page.pageSize}
        total={page.total}
        hrefFor={hrefFor}
        label={t('catalog.history.pagination')}
      />
    </>
  );
}
