import { useState } from 'react';
import { catalogApi, type MarcView } from '../../api/catalog.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Loading, LoadError } from '../../ui/Loading.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

type Props = { records: Array<{ recordId: string; library: string }>; displayRecordId: string | null };

/** MARC as catalogers read it (tag, indicators, ‡a subfields), for any member record; loaded when opened. */
export function MarcSection({ records, displayRecordId }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [recordId, setRecordId] = useState(displayRecordId ?? records[0]?.recordId ?? '');
  const marc = useResource(open && recordId ? `marc:${recordId}` : null, (signal) =>
    catalogApi.marc(recordId, signal),
  );
  if (!records.length) return null;
  return (
    <section aria-labelledby="record-marc" className="section">
      <h2 id="record-marc">{t('catalog.marc.title')}</h2>
      <details className="disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('catalog.marc.show')}</summary>
        {records.length > 1 ? (
          <div className="field">
            <label htmlFor="marc-record" className="field__label">
              {t('catalog.marc.record')}
            </label>
            <select
              id="marc-record"
              className="input select"
              value={recordId}
              onChange={(e) => setRecordId(e.target.value)}
            >
              {records.map((r) => (
                <option key={r.recordId} value={r.recordId}>
                  {r.recordId === displayRecordId
                    ? t('catalog.marc.displayRecord', { library: r.library })
                    : r.library}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {marc.error ? <LoadError error={marc.error} onRetry={marc.reload} /> : null}
        {marc.loading ? <Loading /> : null}
        {marc.data && !marc.loading ? <MarcTable marc={marc.data} /> : null}
      </details>
    </section>
  );
}

/** A blank indicator is shown as # (the cataloger's convention) and read out as "blank". */
function Indicator({ value }: { value: string | undefined }) {
  const { t } = useI18n();
  if (value && value !== ' ') return <>{value}</>;
  return (
    <>
      <span aria-hidden="true">#</span>
      <span className="visually-hidden">{t('catalog.marc.blank')}</span>
    </>
  );
}

function MarcTable({ marc }: { marc: MarcView }) {
  const { t } = useI18n();
  const caption = t('catalog.marc.caption', { library: marc.library.name });
  return (
    <TableWrap label={caption}>
      <table className="table table--compact marc">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalog.marc.tag')}</th>
            <th scope="col">{t('catalog.marc.indicators')}</th>
            <th scope="col">{t('catalog.marc.data')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              <abbr title={t('catalog.marc.leader')}>LDR</abbr>
            </th>
            <td />
            <td className="marc__value">{marc.leader}</td>
          </tr>
          {marc.fields.map((f, i) => (
            <tr key={i}>
              <th scope="row">{f.tag}</th>
              <td className="marc__ind">
                {f.subfields ? (
                  <>
                    <Indicator value={f.ind1} /> <Indicator value={f.ind2} />
                  </>
                ) : null}
              </td>
              <td className="marc__value">
                {f.subfields
                  ? f.subfields.map((s, j) => (
                      <span key={j} className="marc__subfield">
                        <span className="marc__code">
                          <span aria-hidden="true">‡</span>
                          <span className="visually-hidden">{t('catalog.marc.subfield')} </span>
                          {s.code}
                        </span>{' '}
                        {s.value}{' '}
                      </span>
                    ))
                  : f.value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
