import { Link, useLocation } from 'react-router';
import { MEMBER_STATUS_LIST, isAdmin, isConsortiumStaff } from '../../api/enums.ts';
import { membersApi } from '../../api/members.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Badge, statusTone } from '../../ui/Badge.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { useSession } from '../accounts/session.tsx';
import { ComingSoonList } from './ComingSoonList.tsx';
import { Shortcuts } from './Shortcuts.tsx';

export function DashboardPage() {
  const { t, tp, fmt } = useI18n();
  const { user } = useSession();
  const location = useLocation();
  const dashboard = useResource(`dashboard:${user?.id}`, (signal) => membersApi.dashboard(signal));
  if (!user) return null;
  const welcome = (location.state as { welcome?: boolean } | null)?.welcome;
  const d = dashboard.data;
  const orgLink = `/members/${user.organization.id}`;
  const admin = isAdmin(user.role) || isConsortiumStaff(user.role);

  return (
    <Page title={t('dashboard.title')} heading={t('dashboard.heading', { name: user.displayName })}>
      {welcome ? <Alert variant="success" live="status" title={t('dashboard.welcome')} /> : null}
      {dashboard.error ? <LoadError error={dashboard.error} onRetry={dashboard.reload} /> : null}
      {!d && !dashboard.error ? <Loading /> : null}
      {d ? (
        <div className="dashboard-grid">
          <section aria-labelledby="dash-org" className="panel">
            <h2 id="dash-org">{t('dashboard.myOrganization')}</h2>
            <p className="panel__big">
              <Link to={orgLink}>{d.organization.name}</Link>
            </p>
            <p>
              {t(`kind.${d.organization.kind}`)}
              {d.organization.kind !== 'consortium' ? (
                <>
                  {' · '}
                  <Badge tone={statusTone(d.organization.status)}>
                    <span className="visually-hidden">{t('field.membershipStatus')}: </span>
                    {t(`status.${d.organization.status}`)}
                  </Badge>
                </>
              ) : null}
            </p>
            <ul className="stat-list">
              <li>
                <Link to={`${orgLink}/people`}>{tp('dashboard.colleagues', d.colleagues)}</Link>
              </li>
              <li>
                {admin ? (
                  <Link to={`${orgLink}/invite`}>
                    {tp('dashboard.pendingInvitations', d.pendingInvitations)}
                  </Link>
                ) : (
                  tp('dashboard.pendingInvitations', d.pendingInvitations)
                )}
              </li>
            </ul>
          </section>

          <section aria-labelledby="dash-closures" className="panel">
            <h2 id="dash-closures">{t('dashboard.closures')}</h2>
            {d.upcomingClosures.length ? (
              <ul className="plain-list closure-list">
                {d.upcomingClosures.map((c) => (
                  <li key={c.id}>
                    <strong>
                      {c.startsOn === c.endsOn
                        ? fmt.date(c.startsOn)
                        : t('common.dateRange', { from: fmt.date(c.startsOn), to: fmt.date(c.endsOn) })}
                    </strong>{' '}
                    – {c.reason}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('dashboard.noClosures')}</p>
            )}
          </section>

          {d.membersByStatus ? (
            <section aria-labelledby="dash-members" className="panel">
              <h2 id="dash-members">{t('dashboard.membersByStatus')}</h2>
              <table className="table table--compact">
                <caption className="visually-hidden">{t('dashboard.membersByStatusCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('field.status')}</th>
                    <th scope="col" className="num">
                      {t('dashboard.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {MEMBER_STATUS_LIST.map((s) => (
                    <tr key={s}>
                      <th scope="row">
                        <Link to={`/members?status=${s}`}>{t(`status.${s}`)}</Link>
                      </th>
                      <td className="num">{fmt.number(d.membersByStatus?.[s] ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}

          <Shortcuts user={user} />
        </div>
      ) : null}
      <ComingSoonList />
    </Page>
  );
}
