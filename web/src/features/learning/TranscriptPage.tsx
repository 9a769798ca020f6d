import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { buildQuery } from '../../api/client.ts';
import { learningApi, urls } from '../../api/learning.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { LearningNav } from './LearningNav.tsx';
import { areaOptions } from './labels.ts';
import './learning.css';

/** My continuing-education transcript, its exports, and training I report myself. */
export function TranscriptPage() {
  const { t, tp, locale, fmt } = useI18n();
  const [period, setPeriod] = useState({ from: '', to: '', rule: '' });
  const [applied, setApplied] = useState(period);
  const query = { ...applied, lang: locale };
  const qs = buildQuery(query).slice(1);
  const rules = useResource('ce-rules', (signal) => learningApi.rules(signal));
  const result = useResource(`transcript?${qs}`, (signal) => learningApi.transcript(query, signal), {
    keepPrevious: true,
  });
  const tr = result.data;
  const apply = (ev: FormEvent) => {
    ev.preventDefault();
    setApplied(period);
  };
  const area = (a: string) => t(`learning.area.${a}` as MessageKey);

  return (
    <Page title={t('learning.transcript.title')} lead={t('learning.transcript.lead')}>
      <LearningNav />
      <form className="filters card" onSubmit={apply} aria-label={t('learning.transcript.period')}>
        <TextField
          id="transcript-from"
          type="date"
          width="medium"
          label={t('learning.filter.from')}
          value={period.from}
          onChange={(from) => setPeriod((p) => ({ ...p, from }))}
          optional
        />
        <TextField
          id="transcript-to"
          type="date"
          width="medium"
          label={t('learning.filter.to')}
          value={period.to}
          onChange={(to) => setPeriod((p) => ({ ...p, to }))}
          optional
        />
        <SelectField
          id="transcript-rule"
          label={t('learning.transcript.rule')}
          value={period.rule}
          onChange={(rule) => setPeriod((p) => ({ ...p, rule }))}
          options={[
            { value: '', label: t('learning.transcript.noRule') },
            ...(rules.data?.items ?? []).map((r) => ({
              value: r.code,
              label: locale === 'es' ? r.nameEs : r.nameEn,
            })),
          ]}
        />
        <button type="submit" className="button">
          {t('learning.transcript.apply')}
        </button>
      </form>
      {result.error ? <LoadError error={result.error} onRetry={result.reload} /> : null}
      {!tr ? (
        <Loading />
      ) : (
        <>
          <p className="lead">
            {t('learning.transcript.total', {
              hours: tr.totalHours,
              ceus: tr.ceus,
              from: fmt.date(tr.from),
              to: fmt.date(tr.to),
            })}
          </p>
          {tr.rule ? (
            <Alert
              variant={tr.rule.met ? 'success' : 'info'}
              title={
                tr.rule.met
                  ? t('learning.transcript.met', { rule: tr.rule.name })
                  : t('learning.transcript.notMet', { rule: tr.rule.name, hours: tr.rule.hoursRequired })
              }
            >
              {tr.rule.shortfalls.length ? (
                <ul>
                  {tr.rule.shortfalls.map((s) => (
                    <li key={s.area}>
                      {t('learning.transcript.shortfall', {
                        area: area(s.area),
                        earned: s.earned,
                        required: s.required,
                      })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </Alert>
          ) : null}
          <p className="learning-actions">
            <a href={urls.transcript('pdf', qs)} download>
              {t('learning.transcript.pdf')}
            </a>
            <a href={urls.transcript('csv', qs)} download>
              {t('learning.transcript.csv')}
            </a>
          </p>
          {tr.entries.length ? (
            <TableWrap label={t('learning.transcript.title')}>
              <table className="table">
                <caption>{t('learning.transcript.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('learning.transcript.completed')}</th>
                    <th scope="col">{t('learning.field.title')}</th>
                    <th scope="col">{t('learning.field.competencyArea')}</th>
                    <th scope="col">{t('learning.field.contactHours')}</th>
                    <th scope="col">{t('learning.transcript.evidence')}</th>
                  </tr>
                </thead>
                <tbody>
                  {tr.entries.map((e) => (
                    <tr key={e.id}>
                      <td>{fmt.date(e.completedOn)}</td>
                      <td>
                        {e.title}
                        <br />
                        <span className="muted">
                          {e.kind === 'outside'
                            ? `${e.provider} (${t('learning.transcript.selfReported')})`
                            : e.provider}
                        </span>
                      </td>
                      <td>{area(e.competencyArea)}</td>
                      <td>{tp('learning.hours', e.contactHours)}</td>
                      <td>
                        {e.certificateCode ? (
                          <Link to={`/learning/certificates/${e.certificateCode}`}>{e.certificateCode}</Link>
                        ) : (
                          (e.proofName ?? '—')
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : (
            <p>{t('learning.transcript.none')}</p>
          )}
        </>
      )}
      <OutsideTrainingForm onAdded={result.reload} />
    </Page>
  );
}

function OutsideTrainingForm({ onAdded }: { onAdded: () => void }) {
  const { t, locale } = useI18n();
  const [v, setV] = useState({
    title: '',
    provider: '',
    completedOn: '',
    contactHours: '',
    competencyArea: 'foundations',
  });
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof v) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFailure(null);
    setDone(false);
    const form = new FormData();
    for (const [k, x] of Object.entries(v)) form.set(k, x);
    if (file) form.set('proof', file);
    try {
      await learningApi.addOutside(form);
      setDone(true);
      onAdded();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <section aria-labelledby="outside-title">
      <h2 id="outside-title">{t('learning.outside.title')}</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          id="outside-title-field"
          label={t('learning.field.title')}
          value={v.title}
          onChange={set('title')}
        />
        <TextField
          id="outside-provider"
          label={t('learning.outside.provider')}
          value={v.provider}
          onChange={set('provider')}
        />
        <TextField
          id="outside-completed"
          type="date"
          width="medium"
          label={t('learning.transcript.completed')}
          value={v.completedOn}
          onChange={set('completedOn')}
        />
        <TextField
          id="outside-hours"
          inputMode="numeric"
          width="short"
          label={t('learning.field.contactHours')}
          value={v.contactHours}
          onChange={set('contactHours')}
        />
        <SelectField
          id="outside-area"
          label={t('learning.field.competencyArea')}
          value={v.competencyArea}
          onChange={set('competencyArea')}
          options={areaOptions(t)}
        />
        <div className="field">
          <label className="field__label" htmlFor="outside-proof">
            {t('learning.outside.proof')} <span className="field__optional">{t('form.optional')}</span>
          </label>
          <input
            id="outside-proof"
            type="file"
            accept="application/pdf,image/png,image/jpeg"
            onChange={(ev) => setFile(ev.target.files?.[0] ?? null)}
          />
        </div>
        {failure ? (
          <Alert variant="error" live="alert">
            {errorMessage(failure, locale)}
          </Alert>
        ) : null}
        {done ? (
          <Alert variant="success" live="status">
            {t('learning.outside.added')}
          </Alert>
        ) : null}
        <button type="submit" className="button">
          {t('learning.outside.add')}
        </button>
      </form>
    </section>
  );
}
