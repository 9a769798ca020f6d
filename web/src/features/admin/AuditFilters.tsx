import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { buildQuery } from '../../api/client.ts';
import { membersApi } from '../../api/members.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { fieldId } from '../../ui/Field.tsx';
import { AUDIT_ACTIONS } from './auditActions.ts';

type Props = { action?: string; organizationId?: string; showOrganizations: boolean };

/** Filter by action (or a whole group of actions) and, for consortium admins, by organisation. */
export function AuditFilters({ action, organizationId, showOrganizations }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [actionValue, setAction] = useState(action ?? '');
  const [org, setOrg] = useState(organizationId ?? '');
  const orgs = useResource(showOrganizations ? 'audit-orgs' : null, async (signal) => {
    const [members, office] = await Promise.all([
      membersApi.directory({ page: 1, pageSize: 100, sort: 'name' }, signal),
      membersApi.directory({ page: 1, pageSize: 10, kind: 'consortium' }, signal),
    ]);
    return [...office.items, ...members.items];
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/admin/audit${buildQuery({ action: actionValue, organizationId: org })}`);
  };

  return (
    <search className="filters" aria-label={t('audit.filtersLabel')}>
      <form onSubmit={onSubmit} className="filters__form">
        <div className="filters__row">
          <div className="field">
            <label className="field__label" htmlFor={fieldId('audit', 'action')}>
              {t('audit.action')}
            </label>
            <select
              id={fieldId('audit', 'action')}
              className="input select"
              value={actionValue}
              onChange={(e) => setAction(e.target.value)}
            >
              <option value="">{t('audit.allActions')}</option>
              {AUDIT_ACTIONS.map((group) => (
                <optgroup key={group.prefix} label={t(group.group)}>
                  <option value={group.prefix}>{t('audit.allInGroup', { group: t(group.group) })}</option>
                  {group.actions.map(([value, label]) => (
                    <option key={value} value={value}>
                      {t(label)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          {showOrganizations ? (
            <div className="field">
              <label className="field__label" htmlFor={fieldId('audit', 'organization')}>
                {t('field.organization')}
              </label>
              <select
                id={fieldId('audit', 'organization')}
                className="input select"
                value={org}
                onChange={(e) => setOrg(e.target.value)}
              >
                <option value="">{t('audit.allOrganizations')}</option>
                {(orgs.data ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        <div className="form__actions">
          <button type="submit" className="button">
            {t('directory.apply')}
          </button>
          <Link to="/admin/audit">{t('directory.clear')}</Link>
        </div>
      </form>
    </search>
  );
}
