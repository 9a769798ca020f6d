import { Link, useLocation, useSearchParams } from 'react-router';
import {
  LIBRARY_TYPE_LIST,
  MEMBER_STATUS_LIST,
  STATE_LIST,
  type LibraryType,
  type MemberStatus,
  type UsState,
} from '../../api/enums.ts';
import { membersApi, type DirectoryQuery } from '../../api/members.ts';
import { buildQuery } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import { LoadError } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { BeyondLastPage, Pagination } from '../../ui/Pagination.tsx';
import { useSession } from '../accounts/session.tsx';
import { DirectoryFilters } from './DirectoryFilters.tsx';
import { DirectoryTable } from './DirectoryTable.tsx';
import { MembersNav } from './MembersNav.tsx';

const PAGE_SIZE = 25;
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

export function readDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const page = Number(params.get('page'));
  return {
    q: params.get('q')?.trim() || undefined,
    type: pick<LibraryType>(params.get('type'), LIBRARY_TYPE_LIST),
    state: pick<UsState>(params.get('state'), STATE_LIST),
    status: pick<MemberStatus>(params.get('status'), MEMBER_STATUS_LIST),
    sort: pick(params.get('sort'), ['name', 'state', 'type'] as const),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

export function DirectoryPage() {
  const { t, tp } = useI18n();
  const { user } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const query = readDirectoryQuery(params);
  const key = buildQuery(query);
  const result = useResource(key, (signal) => membersApi.directory(query, signal), { keepPrevious: true });
  const data = result.data;
  const filtered = Boolean(query.q || query.type || query.state || query.status);

  const hrefFor = (page: number) => {
    const next = new URLSearchParams(params);
    if (page > 1) next.set('page', String(page));
    else next.delete('page');
    return `/members${buildQuery(Object.fromEntries(next))}`;
  };

  let count = '';
  const beyond = Boolean(data && !data.items.length && data.total > 0);
  if (data) {
    const from = (data.page - 1) * data.pageSize + 1;
    const to = Math.min(data.total, data.page * data.pageSize);
    count = !data.total
      ? t('directory.none')
      : beyond
        ? tp('directory.count', data.total)
        : `${tp('directory.count', data.total)} ${t('directory.showing', { from, to })}`;
  }

  return (
    <Page title={t('directory.title')} lead={t('directory.lead')}>
      <MembersNav signedIn={Boolean(user)} partner={user?.organization.kind === 'partner'} />
      <DirectoryFilters key={location.search} query={query} facets={data?.facets} />
      <LiveRegion>{result.loading && !data ? t('common.loading') : count}</LiveRegion>
      {result.error ? <LoadError error={result.error} onRetry={result.reload} /> : null}
      {data && data.items.length ? (
        <div aria-busy={result.loading}>
          <DirectoryTable items={data.items} page={data.page} pages={Math.ceil(data.total / data.pageSize)} />
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            hrefFor={hrefFor}
            label={t('directory.pagination')}
          />
        </div>
      ) : null}
      {beyond ? <BeyondLastPage hrefFor={hrefFor} /> : null}
      {data && !data.total && filtered ? (
        <p>
          {t('directory.noneHint')} <Link to="/members">{t('directory.clear')}</Link>
        </p>
      ) : null}
    </Page>
  );
}
