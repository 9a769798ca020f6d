import { Link } from 'react-router';
import type { DirectoryEntry } from '../../api/members.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Badge, statusTone } from '../../ui/Badge.tsx';
import { NoValue } from '../../ui/NoValue.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function DirectoryTable({
  items,
  page,
  pages,
}: {
  items: DirectoryEntry[];
  page: number;
  pages: number;
}) {
  const { t, fmt } = useI18n();
  return (
    <TableWrap label={t('directory.caption')}>
      <table className="table">
        <caption>
          {t('directory.caption')}
          {pages > 1 ? <span className="caption-note"> {t('pagination.page', { page, pages })}</span> : null}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('field.libraryType')}</th>
            <th scope="col">{t('field.location')}</th>
            <th scope="col">{t('field.region')}</th>
            <th scope="col" className="num">
              {t('directory.served')}
            </th>
            <th scope="col">{t('field.membershipStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">
                <Link to={`/members/${entry.id}`}>{entry.name}</Link>
                <span className="symbol">{entry.symbol}</span>
              </th>
              <td>{entry.libraryType ? t(`libraryType.${entry.libraryType}`) : t(`kind.${entry.kind}`)}</td>
              <td>
                {entry.city}, {entry.state}
              </td>
              <td>{entry.region}</td>
              <td className="num">
                {entry.populationServed !== null ? (
                  t('directory.people', { count: fmt.number(entry.populationServed) })
                ) : entry.studentFte !== null ? (
                  t('directory.students', { count: fmt.number(entry.studentFte) })
                ) : (
                  <NoValue />
                )}
              </td>
              <td>
                <Badge tone={statusTone(entry.status)}>{t(`status.${entry.status}`)}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
