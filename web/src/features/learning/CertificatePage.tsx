import { useParams } from 'react-router';
import { learningApi, urls } from '../../api/learning.ts';
import { useResource } from '../../api/useResource.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { titleOf } from './labels.ts';
import './learning.css';

/** Public verification of a certificate: anyone with the code or the QR link, no sign-in. */
export function CertificatePage() {
  const { code = '' } = useParams();
  const { t, tp, locale, fmt } = useI18n();
  const result = useResource(`certificate:${code}`, (signal) => learningApi.certificate(code, signal));
  const title = t('learning.certificate.title');
  if (result.error)
    return (
      <Page title={title} narrow>
        <LoadError error={result.error} overrides={{ NOT_FOUND: 'learning.certificate.unknown' }} />
      </Page>
    );
  const c = result.data;
  if (!c)
    return (
      <Page title={title} narrow>
        <Loading />
      </Page>
    );
  return (
    <Page title={title} narrow>
      {c.valid ? (
        <Alert variant="success" title={t('learning.certificate.valid')} />
      ) : (
        <Alert variant="error" title={t('learning.certificate.revoked')} />
      )}
      <dl className="summary-list certificate-verified">
        <div>
          <dt>{t('learning.certificate.code')}</dt>
          <dd>{c.code}</dd>
        </div>
        <div>
          <dt>{t('learning.certificate.recipient')}</dt>
          <dd>{c.recipientName}</dd>
        </div>
        <div>
          <dt>{t('learning.certificate.organization')}</dt>
          <dd>{c.organizationName}</dd>
        </div>
        <div>
          <dt>{t('learning.certificate.event')}</dt>
          <dd>{titleOf(locale, c)}</dd>
        </div>
        <div>
          <dt>{t('learning.field.contactHours')}</dt>
          <dd>{tp('learning.hours', c.contactHours)}</dd>
        </div>
        <div>
          <dt>{t('learning.field.competencyArea')}</dt>
          <dd>{t(`learning.area.${c.competencyArea}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('learning.certificate.completed')}</dt>
          <dd>{fmt.date(c.completedOn)}</dd>
        </div>
      </dl>
      {c.valid ? (
        <p>
          <a href={urls.certificatePdf(c.code, locale)} download>
            {t('learning.event.downloadCertificate')}
          </a>
        </p>
      ) : null}
    </Page>
  );
}
