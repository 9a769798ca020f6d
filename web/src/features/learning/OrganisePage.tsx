import { Link } from 'react-router';
import { learningApi } from '../../api/learning.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { useSession } from '../accounts/session.tsx';
import { LearningNav } from './LearningNav.tsx';
import { sessionText, titleOf } from './labels.ts';

/** Events my organisation organises, drafts included. */
export function OrganisePage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const orgId = user?.organization.id ?? '';
  const result = useResource(orgId ? `organised:${orgId}` : null, (signal) =>
    learningApi.organised(orgId, signal),
  );
  return (
    <Page
      title={t('learning.organise.title')}
      lead={t('learning.organise.lead', { organization: user?.organization.name ?? '' })}
    >
      <LearningNav />
      <p>
        <Link className="button" to="/learning/organise/new">
          {t('learning.organise.new')}
        </Link>
      </p>
      {result.error ? <LoadError error={result.error} onRetry={result.reload} /> : null}
      {result.loading && !result.data ? <Loading /> : null}
      {result.data && !result.data.items.length ? <p>{t('learning.organise.none')}</p> : null}
      {result.data?.items.length ? (
        <TableWrap label={t('learning.organise.title')}>
          <table className="table">
            <caption className="visually-hidden">{t('learning.organise.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('learning.field.title')}</th>
                <th scope="col">{t('learning.field.when')}</th>
                <th scope="col">{t('learning.field.status')}</th>
                <th scope="col">{t('learning.field.capacity')}</th>
              </tr>
            </thead>
            <tbody>
              {result.data.items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/learning/organise/${e.id}`}>{titleOf(locale, e)}</Link>
                  </td>
                  <td>{sessionText(locale, e, e.timeZone)}</td>
                  <td>
                    <Badge
                      tone={
                        e.status === 'published'
                          ? 'positive'
                          : e.status === 'cancelled'
                            ? 'negative'
                            : 'neutral'
                      }
                    >
                      {t(`learning.eventStatus.${e.status}`)}
                    </Badge>
                  </td>
                  <td>{t('learning.organise.seats', { left: e.seatsLeft, capacity: e.capacity })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </Page>
  );
}
