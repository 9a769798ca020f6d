import { Link } from 'react-router';
import { isConsortiumStaff } from '../../../api/enums.ts';
import { useResource } from '../../../api/useResource.ts';
import { useI18n, type I18n } from '../../../i18n/context.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Badge } from '../../../ui/Badge.tsx';
import { LoadError, Loading } from '../../../ui/Loading.tsx';
import { Page } from '../../../ui/Page.tsx';
import { TableWrap } from '../../../ui/TableWrap.tsx';
import { useSession } from '../../accounts/session.tsx';
import { SharingNav } from '../SharingNav.tsx';
import { isoApi, type Partner } from './api.ts';
import '../iso/iso.css';

const TONE = { ok: 'positive', untried: 'neutral', disabled: 'neutral', unreachable: 'negative' } as const;

/** The partner's health in words (the badge) and, below it, since when or the last contact. */
export function PartnerStatus({
  partner,
  t,
  when,
}: {
  partner: Partner;
  t: I18n['t'];
  when: (iso: string) => string;
}) {
  const s = partner.status;
  const label =
    s.health === 'unreachable'
      ? t('ill.partners.health.unreachable', { when: when(s.unreachableSince!) })
      : t(`ill.partners.health.${s.health}`);
  return (
    <div className="ill-partner-status">
      <Badge tone={TONE[s.health]}>{label}</Badge>
      {s.health === 'ok' && s.lastContactAt ? (
        <p className="muted">{t('ill.partners.health.okSince', { when: when(s.lastContactAt) })}</p>
      ) : null}
      {s.health === 'unreachable' && s.lastError ? <p>{s.lastError}</p> : null}
    </div>
  );
}

const rolesOf = (p: Partner) =>
  p.lends && p.borrows ? 'both' : p.lends ? 'lends' : p.borrows ? 'borrows' : ('none' as const);

/** Outside partners (ISO 18626) with their status, for consortium staff. */
export function PartnersPage() {
  const { t, fmt } = useI18n();
  const { user } = useSession();
  const allowed = Boolean(user && isConsortiumStaff(user.role));
  const partners = useResource(allowed ? 'ill-iso-partners' : null, (signal) => isoApi.partners(signal));
  return (
    <Page title={t('ill.partners.title')} lead={t('ill.partners.lead')}>
      <SharingNav />
      {!allowed ? (
        <Alert variant="info" title={t('ill.partners.only')} />
      ) : (
        <>
          <p>
            <Link className="button" to="/sharing/partners/new">
              {t('ill.partners.add')}
            </Link>
          </p>
          {partners.error ? <LoadError error={partners.error} onRetry={partners.reload} /> : null}
          {!partners.data && !partners.error ? <Loading /> : null}
          {partners.data && !partners.data.items.length ? <p>{t('ill.partners.none')}</p> : null}
          {partners.data?.items.length ? (
            <TableWrap label={t('ill.partners.caption')}>
              <table className="table">
                <caption>{t('ill.partners.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ill.partners.col.partner')}</th>
                    <th scope="col">{t('ill.partners.col.agency')}</th>
                    <th scope="col">{t('ill.partners.col.version')}</th>
                    <th scope="col">{t('ill.partners.col.roles')}</th>
                    <th scope="col">{t('ill.partners.col.status')}</th>
                    <th scope="col">{t('ill.partners.col.outbox')}</th>
                  </tr>
                </thead>
                <tbody>
                  {partners.data.items.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <Link
                          to={`/sharing/partners/${p.id}`}
                          aria-label={t('ill.partners.edit', { name: p.name })}
                        >
                          {p.name}
                        </Link>{' '}
                        <span className="muted">({p.symbol})</span>
                      </th>
                      <td>
                        {p.agencyIdType}: {p.agencyIdValue}
                      </td>
                      <td>{p.isoVersion}</td>
                      <td>{t(`ill.partners.roles.${rolesOf(p)}`)}</td>
                      <td>
                        <PartnerStatus partner={p} t={t} when={fmt.dateTime} />
                      </td>
                      <td>
                        {t('ill.partners.outbox', { waiting: p.outbox.waiting, failed: p.outbox.failed })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
        </>
      )}
    </Page>
  );
}
