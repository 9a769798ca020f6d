import { useSearchParams } from 'react-router';
import { accountsApi } from '../../api/accounts.ts';
import { buildQuery } from '../../api/client.ts';
import { isAdmin } from '../../api/enums.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import { LoadError } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { BeyondLastPage, Pagination } from '../../ui/Pagination.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { useSession } from '../accounts/session.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f-]{36}$/i;

export function AuditLogPage() {
  const { t, tp } = useI18n();
  const { user } = useSession();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const action = params.get('action')?.trim().slice(0, 60) || undefined;
  const organization = params.get('organizationId') ?? '';
  const organizationId = UUID.test(organization) ? organization : undefined;
  const query = { page, pageSize: PAGE_SIZE, action, organizationId };
  const allowed = Boolean(user && isAdmin(user.role));
  const result = useResource(
    allowed ? `audit${buildQuery(query)}` : null,
    (signal) => accountsApi.audit(query, signal),
    {
      keepPrevious: true,
    },
  );
  const data = result.data;

  const hrefFor = (p: number) =>
    `/admin/audit${buildQuery({ action, organizationId, page: p > 1 ? p : undefined })}`;
  const consortiumAdmin = user?.role === 'consortium_admin';

  return (
    <Page
      title={t('audit.title')}
      lead={
        consortiumAdmin
          ? t('audit.leadConsortium')
          : t('audit.leadLibrary', { name: user?.organization.name ?? '' })
      }
    >
      {!allowed ? (
        <Alert variant="error" title={t('error.FORBIDDEN')}>
          <p>{t('audit.notAllowed')}</p>
        </Alert>
      ) : (
        <>
          <AuditFilters
            key={params.toString()}
            action={action}
            organizationId={organizationId}
            showOrganizations={consortiumAdmin}
          />
          <LiveRegion>
            {data ? (data.total ? tp('audit.count', data.total) : t('audit.none')) : ''}
          </LiveRegion>
          {result.error ? <LoadError error={result.error} onRetry={result.reload} /> : null}
          {data && !data.items.length && data.total > 0 ? <BeyondLastPage hrefFor={hrefFor} /> : null}
          {data?.items.length ? (
            <div aria-busy={result.loading}>
              <AuditTable items={data.items} />
              <Pagination
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                hrefFor={hrefFor}
                label={t('audit.pagination')}
              />
            </div>
          ) : null}
        </>
      )}
    </Page>
  );
}
