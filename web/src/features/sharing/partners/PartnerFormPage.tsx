import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isConsortiumStaff } from '../../../api/enums.ts';
import { useResource } from '../../../api/useResource.ts';
import { useI18n } from '../../../i18n/context.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { LoadError, Loading } from '../../../ui/Loading.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Pagination } from '../../../ui/Pagination.tsx';
import { useSession } from '../../accounts/session.tsx';
import { IsoMessageTable, MESSAGE_STATUSES, statusLabel } from '../iso/IsoMessageTable.tsx';
import { SharingNav } from '../SharingNav.tsx';
import { isoApi, type Partner } from './api.ts';
import { PartnerForm } from './PartnerForm.tsx';
import { PartnerStatus } from './PartnersPage.tsx';
import '../iso/iso.css';

const PAGE_SIZE = 20;

/** Add a partner (/sharing/partners/new) or edit one, with its recent traffic for troubleshooting. */
export function PartnerFormPage() {
  const { partnerId } = useParams();
  const { t, fmt } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const allowed = Boolean(user && isConsortiumStaff(user.role));
  const editing = Boolean(partnerId);
  const partner = useResource(allowed && partnerId ? `ill-iso-partner:${partnerId}` : null, (signal) =>
    isoApi.partner(partnerId!, signal),
  );
  const title = partner.data
    ? t('ill.partners.editTitle', { name: partner.data.name })
    : t(editing ? 'ill.partners.title' : 'ill.partners.newTitle');
  const onSaved = (p: Partner) => {
    if (!editing) navigate(`/sharing/partners/${p.id}?saved=1`);
    else {
      partner.setData(p);
      navigate(`/sharing/partners/${p.id}?saved=${p.version}`, { replace: true });
    }
  };
  return (
    <Page title={title}>
      <SharingNav />
      <p>
        <Link to="/sharing/partners">{t('ill.partners.back')}</Link>
      </p>
      {!allowed ? <Alert variant="info" title={t('ill.partners.only')} /> : null}
      {allowed && params.get('saved') ? (
        <Alert variant="success" live="status" title={t('ill.partners.saved')} />
      ) : null}
      {partner.error ? <LoadError error={partner.error} onRetry={partner.reload} /> : null}
      {allowed && editing && !partner.data && !partner.error ? <Loading /> : null}
      {partner.data ? (
        <div className="ill-partner-status--page">
          <strong>{t('ill.partners.statusLabel')}</strong>
          <PartnerStatus partner={partner.data} t={t} when={fmt.dateTime} />
        </div>
      ) : null}
      {allowed && (!editing || partner.data) ? (
        // A new form per saved version: the fields start from what was stored, secrets empty again.
        <PartnerForm key={partner.data?.version ?? 'new'} partner={partner.data ?? null} onSaved={onSaved} />
      ) : null}
      {partner.data ? <PartnerTraffic partnerId={partner.data.id} /> : null}
    </Page>
  );
}

/** The partner's recent messages, newest first, filtered by status (?status=, ?page=). */
function PartnerTraffic({ partnerId }: { partnerId: string }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [choice, setChoice] = useState(status);
  const traffic = useResource(
    `ill-iso-traffic:${partnerId}:${status}:${page}`,
    (signal) =>
      isoApi.partnerMessages(partnerId, { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) }, signal),
    { keepPrevious: true },
  );
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setParams(choice ? { status: choice } : {});
  };
  const hrefFor = (p: number) =>
    `?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;
  return (
    <section aria-labelledby="ill-partner-traffic" className="section">
      <h2 id="ill-partner-traffic">{t('ill.partners.traffic.title')}</h2>
      <form className="form form--inline" onSubmit={apply}>
        <SelectField
          id="ill-partner-traffic-status"
          label={t('ill.partners.traffic.status')}
          value={choice}
          onChange={setChoice}
          options={[
            { value: '', label: t('ill.partners.traffic.any') },
            ...MESSAGE_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) })),
          ]}
        />
        <p>
          <button type="submit" className="button button--secondary">
            {t('ill.partners.traffic.show')}
          </button>
        </p>
      </form>
      {traffic.error ? <LoadError error={traffic.error} onRetry={traffic.reload} /> : null}
      {!traffic.data && !traffic.error ? <Loading /> : null}
      {traffic.data && !traffic.data.items.length ? <p>{t('ill.iso.none')}</p> : null}
      {traffic.data?.items.length ? (
        <>
          <IsoMessageTable rows={traffic.data.items} caption={t('ill.partners.traffic.title')} showRequest />
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={traffic.data.total}
            hrefFor={hrefFor}
            label={t('ill.partners.traffic.pagination')}
          />
        </>
      ) : null}
    </section>
  );
}
