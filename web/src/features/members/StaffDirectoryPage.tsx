import { Link, useLocation, useSearchParams } from 'react-router';
import { buildQuery } from '../../api/client.ts';
import { CAPABILITY_LIST, STATE_LIST, type Capability, type UsState } from '../../api/enums.ts';
import { membersApi, type StaffDirectoryQuery } from '../../api/members.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import { LoadError } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { BeyondLastPage, Pagination } from '../../ui/Pagination.tsx';
import { useSession } from '../accounts/session.tsx';
import { MembersNav } from './MembersNav.tsx';
import { StaffFilters } from './StaffFilters.tsx';

const PAGE_SIZE = 20;

function readQuery(params: URLSearchParams): StaffDirectoryQuery {
  const page = Number(params.get('page'));
  const capability = params.get('capability');
  const state = params.get('state');
  return {
    q: params.get('q')?.trim() || undefined,
    capability: CAPABILITY_LIST.includes(capability as Capability) ? (capability as Capability) : undefined,
    state: STATE_LIST.includes(state as UsState) ? (state as UsState) : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

export function StaffDirectoryPage() {
  const { t, tp, fmt } = useI18n();
  const { user } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const query = readQuery(params);
  const result = useResource(
    `staff${buildQuery(query)}`,
    (signal) => membersApi.staffDirectory(query, signal),
    {
      keepPrevious: true,
    },
  );
  const data = result.data;

  const hrefFor = (page: number) => {
    const next = new URLSearchParams(params);
    if (page > 1) next.set('page', String(page));
    else next.delete('page');
    return `/members/staff${buildQuery(Object.fromEntries(next))}`;
  };

  return (
    <Page title={t('staff.title')} lead={t('staff.lead')}>
      <MembersNav signedIn={Boolean(user)} partner={user?.organization.kind === 'partner'} />
      <StaffFilters key={location.search} query={query} />
      <LiveRegion>{data ? (data.total ? tp('staff.count', data.total) : t('staff.none')) : ''}</LiveRegion>
      {result.error ? <LoadError error={result.error} onRetry={result.reload} /> : null}
      {data && !data.items.length && data.total > 0 ? <BeyondLastPage hrefFor={hrefFor} /> : null}
      {data?.items.length ? (
        <div aria-busy={result.loading}>
          <ul className="people-list">
            {data.items.map((p) => (
              <li key={p.id} className="card person-card">
                <h2 className="card__title">{p.displayName}</h2>
                {p.jobTitle ? <p className="person-card__job">{p.jobTitle}</p> : null}
                <p>
                  <Link to={`/members/${p.organization.id}`}>{p.organization.name}</Link> (
                  {p.organization.state})
                </p>
                <p>
                  <a href={`mailto:${p.email}`}>{p.email}</a>
                </p>
                <dl className="summary-list summary-list--compact">
                  <div>
                    <dt>{t('field.role')}</dt>
                    <dd>{t(`role.${p.role}`)}</dd>
                  </div>
                  {p.expertise.length ? (
                    <div>
                      <dt>{t('field.expertise')}</dt>
                      <dd>{fmt.list(p.expertise)}</dd>
                    </div>
                  ) : null}
                  {p.capabilities.length ? (
                    <div>
                      <dt>{t('field.capabilities')}</dt>
                      <dd>{fmt.list(p.capabilities.map((c) => t(`capability.${c}`)))}</dd>
                    </div>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            hrefFor={hrefFor}
            label={t('staff.pagination')}
          />
        </div>
      ) : null}
      <p className="muted">
        {t('staff.optInNote')} <Link to="/account">{t('staff.optInLink')}</Link>
      </p>
    </Page>
  );
}
