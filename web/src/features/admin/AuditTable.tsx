import type { AuditEntryView } from '../../api/accounts.ts';
import { useI18n } from '../../i18n/context.tsx';
import { NoValue } from '../../ui/NoValue.tsx';
import { auditActionLabel } from './auditActions.ts';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function AuditTable({ items }: { items: AuditEntryView[] }) {
  const { t, fmt } = useI18n();
  return (
    <TableWrap label={t('audit.caption')}>
      <table className="table table--dense">
        <caption>{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('field.organization')}</th>
            <th scope="col">{t('audit.target')}</th>
            <th scope="col">{t('audit.ip')}</th>
            <th scope="col">{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => {
            const label = auditActionLabel(e.action);
            const details = Object.keys(e.details).length ? JSON.stringify(e.details) : '';
            return (
              <tr key={e.id}>
                <td className="nowrap">
                  <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
                </td>
                <td>{e.actorEmail ?? t('audit.system')}</td>
                <th scope="row">
                  {label ? t(label) : e.action}
                  <code className="cell-note">{e.action}</code>
                </th>
                <td>{e.organizationName ?? <NoValue />}</td>
                <td>
                  {e.targetType ? (
                    <>
                      {e.targetType}
                      {e.targetId ? <code className="cell-note">{e.targetId}</code> : null}
                    </>
                  ) : (
                    <NoValue />
                  )}
                </td>
                <td>{e.ip ?? <NoValue />}</td>
                <td>{details ? <code className="details">{details}</code> : <NoValue />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
