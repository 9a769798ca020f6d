import { useNavigate, useSearchParams } from 'react-router';
import { catalogApi } from '../../api/catalog.ts';
import type { ApiError } from '../../api/client.ts';
import { sharingApi } from '../../api/sharing.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import {
  CheckboxField,
  ChoiceGroup,
  SelectField,
  TextAreaField,
  TextField,
  fieldId,
} from '../../ui/Field.tsx';
import { LoadError } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { useForm, type FieldErrors } from '../../ui/useForm.ts';
import { requestHeadingFocus } from '../../ui/focus.ts';
import { useSession } from '../accounts/session.tsx';
import {
  CITATION_FIELDS,
  checkRequest,
  emptyRequest,
  requestFieldOf,
  toRequestInput,
  type RequestValues,
} from './forms.ts';
import { LookupSection } from './LookupSection.tsx';
import { SharingNav } from './SharingNav.tsx';
import { canUseSharing } from './values.ts';
import './sharing.css';

const FORM = 'ill-new';
const BOOK = ['title', 'author', 'publisher', 'year', 'edition', 'isbn', 'issn', 'oclc'] as const;
const ARTICLE = ['articleTitle', 'articleAuthor', 'volume', 'issue', 'pages'] as const;

/** New borrowing request: from a catalog record, by identifier lookup, or by a typed citation. */
export function NewRequestPage() {
  const { t, tp } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const clusterId = params.get('cluster');
  const record = useResource(clusterId ? `record:${clusterId}` : null, (signal) =>
    catalogApi.recordPage(clusterId!, signal),
  );
  const form = useForm<RequestValues>(emptyRequest);
  const { values, errors, set } = form;

  if (!canUseSharing(user))
    return (
      <Page title={t('ill.new.title')}>
        <SharingNav />
        <p>{t('ill.noLibrary')}</p>
      </Page>
    );
  const libraryId = user!.organization.id;

  const labels: Record<string, string> = {
    ...Object.fromEntries(CITATION_FIELDS.map((f) => [f, t(`ill.field.${f}`)])),
    serviceType: t('ill.field.serviceType'),
    needBefore: t('ill.field.needBefore'),
    pickupLocation: t('ill.field.pickup'),
    patronName: t('ill.field.patronName'),
    patronEmail: t('ill.field.patronEmail'),
    patronLocale: t('ill.field.patronLocale'),
    staffNote: t('ill.field.staffNote'),
  };
  const problemText = {
    title: t('ill.validation.title'),
    email: t('ill.validation.email'),
    patronEmail: t('ill.validation.patronEmail'),
  };
  const validate = (v: RequestValues): FieldErrors =>
    Object.fromEntries(
      Object.entries(checkRequest(v, Boolean(clusterId))).map(([field, p]) => [field, problemText[p!]]),
    );
  const serverFields = (error: ApiError): FieldErrors => {
    const found: FieldErrors = {};
    for (const d of error.details) {
      const field = requestFieldOf(d.path?.replace(/^body\.?/, ''));
      if (field && field in labels && !found[field]) found[field] = d.message;
    }
    return found;
  };
  const onSubmit = form.submit(
    validate,
    async (v) => {
      const created = await sharingApi.create(libraryId, toRequestInput(v, clusterId));
      requestHeadingFocus();
      navigate(`/sharing/requests/${created.id}?created=1`);
    },
    serverFields,
  );

  const field = (name: (typeof CITATION_FIELDS)[number], optional = true) => (
    <TextField
      key={name}
      id={fieldId(FORM, name)}
      label={labels[name]}
      value={values[name]}
      onChange={(v) => set(name, v)}
      error={errors[name]}
      optional={optional}
      width={name === 'year' || name === 'volume' || name === 'issue' || name === 'pages' ? 'short' : 'long'}
    />
  );

  return (
    <Page title={t('ill.new.title')} lead={t('ill.new.lead')}>
      <SharingNav />
      {clusterId ? (
        <section aria-labelledby="ill-record" className="card ill-record">
          <h2 id="ill-record">{t('ill.new.fromRecord')}</h2>
          {record.error ? <LoadError error={record.error} onRetry={record.reload} /> : null}
          {record.data ? (
            <p>
              <strong>{record.data.title}</strong>
              {record.data.author ? ` — ${record.data.author}` : ''}
              {record.data.year ? ` (${record.data.year})` : ''} ·{' '}
              {tp('ill.new.heldBy', new Set(record.data.holdings.map((h) => h.library.id)).size)}
            </p>
          ) : null}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              params.delete('cluster');
              setParams(params);
            }}
          >
            {t('ill.new.changeRecord')}
          </button>
        </section>
      ) : (
        <LookupSection
          onIdentifier={(kind, value) => set(kind, value)}
          onPick={(id) => setParams({ cluster: id })}
        />
      )}
      <ErrorSummary
        formId={FORM}
        errors={errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
      />
      <form id={FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        <fieldset className="fieldset ill-fieldset">
          <legend>{t('ill.new.serviceTitle')}</legend>
          <ChoiceGroup
            id={fieldId(FORM, 'serviceType')}
            legend={labels.serviceType}
            type="radio"
            value={values.serviceType}
            onChange={(v) => set('serviceType', v as RequestValues['serviceType'])}
            options={[
              { value: 'loan', label: t('ill.service.loan') },
              { value: 'copy', label: t('ill.service.copy') },
            ]}
          />
          <TextField
            id={fieldId(FORM, 'needBefore')}
            label={labels.needBefore}
            type="date"
            width="medium"
            value={values.needBefore}
            onChange={(v) => set('needBefore', v)}
            error={errors.needBefore}
            optional
          />
          <TextField
            id={fieldId(FORM, 'pickupLocation')}
            label={labels.pickupLocation}
            value={values.pickupLocation}
            onChange={(v) => set('pickupLocation', v)}
            error={errors.pickupLocation}
            optional
          />
          <CheckboxField
            id={fieldId(FORM, 'rush')}
            label={t('ill.field.rush')}
            checked={values.rush}
            onChange={(v) => set('rush', v)}
          />
        </fieldset>
        <fieldset className="fieldset ill-fieldset">
          <legend>{t('ill.new.citationTitle')}</legend>
          {clusterId ? <p className="field__hint">{t('ill.new.citationHint')}</p> : null}
          {BOOK.map((f) => field(f, f !== 'title' || Boolean(clusterId)))}
        </fieldset>
        <fieldset className="fieldset ill-fieldset">
          <legend>{t('ill.new.articleTitle')}</legend>
          {ARTICLE.map((f) => field(f))}
        </fieldset>
        <fieldset className="fieldset ill-fieldset">
          <legend>{t('ill.new.patronTitle')}</legend>
          <p className="field__hint">{t('ill.new.patronHint')}</p>
          <TextField
            id={fieldId(FORM, 'patronName')}
            label={labels.patronName}
            value={values.patronName}
            onChange={(v) => set('patronName', v)}
            error={errors.patronName}
            autoComplete="off"
            optional
          />
          <TextField
            id={fieldId(FORM, 'patronEmail')}
            label={labels.patronEmail}
            type="email"
            value={values.patronEmail}
            onChange={(v) => set('patronEmail', v)}
            error={errors.patronEmail}
            autoComplete="off"
            spellCheck={false}
            optional
          />
          <SelectField
            id={fieldId(FORM, 'patronLocale')}
            label={labels.patronLocale}
            value={values.patronLocale}
            onChange={(v) => set('patronLocale', v as 'en' | 'es')}
            options={[
              { value: 'en', label: t('ill.locale.en') },
              { value: 'es', label: t('ill.locale.es') },
            ]}
          />
        </fieldset>
        <TextAreaField
          id={fieldId(FORM, 'staffNote')}
          label={labels.staffNote}
          value={values.staffNote}
          onChange={(v) => set('staffNote', v)}
          rows={3}
          optional
        />
        <button type="submit" className="button" disabled={form.submitting}>
          {t('ill.new.submit')}
        </button>
      </form>
    </Page>
  );
}
