import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { useResource } from '../../../api/useResource.ts';
import { useI18n } from '../../../i18n/context.tsx';
import type { MessageKey } from '../../../i18n/en.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { CheckboxField, ChoiceGroup, SelectField, TextField, fieldId } from '../../../ui/Field.tsx';
import { LoadError, Loading } from '../../../ui/Loading.tsx';
import { Page } from '../../../ui/Page.tsx';
import { requestHeadingFocus } from '../../../ui/focus.ts';
import { useForm, type FieldErrors } from '../../../ui/useForm.ts';
import { patronApi, type PatronRequestReceipt, type PublicPatronPage } from './api.ts';
import {
  checkRequest,
  emptyRequest,
  toRequestInput,
  type RequestProblem,
  type RequestValues,
} from './forms.ts';
import '../sharing.css';
import './patron.css';

const FORM = 'patron-req';
type Field = Exclude<keyof RequestValues, 'serviceType' | 'consent' | 'website' | 'locale'>;
const LOAN_FIELDS: Field[] = ['title', 'author', 'isbn', 'year'];
const COPY_FIELDS: Field[] = ['title', 'articleTitle', 'author', 'volume', 'issue', 'pages', 'year', 'issn'];
const SHORT = new Set<Field>(['year', 'volume', 'issue', 'pages', 'isbn', 'issn']);

/** A library's public request page: anyone may ask, with a library card; staff review every request. */
export function PatronRequestPage() {
  const { symbol = '' } = useParams();
  const { t } = useI18n();
  const page = useResource(`patron-page:${symbol}`, (signal) => patronApi.page(symbol, signal));
  const [receipt, setReceipt] = useState<PatronRequestReceipt | null>(null);
  const [round, setRound] = useState(0);

  if (page.error && isApiError(page.error) && page.error.status === 404)
    return (
      <Page title={t('illPatron.unavailableTitle')} narrow>
        <p>{t('illPatron.unavailable')}</p>
        <p>
          <Link to="/">{t('illPatron.home')}</Link>
        </p>
      </Page>
    );
  if (!page.data)
    return (
      <Page title={t('illPatron.settings.title')} narrow>
        {page.error ? <LoadError error={page.error} onRetry={page.reload} /> : <Loading />}
      </Page>
    );
  const library = page.data.library.name;
  return (
    <Page title={t('illPatron.title', { library })} lead={t('illPatron.lead', { library })} narrow>
      {receipt ? (
        <Done
          receipt={receipt}
          onAnother={() => {
            setReceipt(null);
            setRound((r) => r + 1);
          }}
        />
      ) : (
        <RequestForm key={round} symbol={symbol} page={page.data} onSent={setReceipt} />
      )}
    </Page>
  );
}

function Done({ receipt, onAnother }: { receipt: PatronRequestReceipt; onAnother: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <Alert variant="success" live="status" title={t('illPatron.doneTitle')}>
        <p className="patron-reference">{t('illPatron.doneReference', { reference: receipt.reference })}</p>
        <p>{t('illPatron.doneEmail', { email: receipt.email })}</p>
      </Alert>
      <button type="button" className="button button--secondary" onClick={onAnother}>
        {t('illPatron.another')}
      </button>
    </>
  );
}

function RequestForm({
  symbol,
  page,
  onSent,
}: {
  symbol: string;
  page: PublicPatronPage;
  onSent: (r: PatronRequestReceipt) => void;
}) {
  const { t, locale } = useI18n();
  const form = useForm<RequestValues>(() => emptyRequest(page));
  const { values, errors, set } = form;
  const copy = values.serviceType === 'copy';
  const intro = (locale === 'es' ? page.introEs : page.introEn) || page.introEn || page.introEs;
  const labelKey = (f: Field): MessageKey =>
    f === 'title' && copy
      ? 'illPatron.field.journal'
      : f === 'author' && copy
        ? 'illPatron.field.articleAuthor'
        : f === 'pickupLocation'
          ? 'illPatron.field.pickup'
          : (`illPatron.field.${f}` as MessageKey);
  const fields = copy ? COPY_FIELDS : LOAN_FIELDS;
  const labels: Record<string, string> = {
    serviceType: t('illPatron.serviceType'),
    ...Object.fromEntries(fields.map((f) => [f, t(labelKey(f))])),
    needBefore: t('illPatron.field.needBefore'),
    pickupLocation: t('illPatron.field.pickup'),
    name: t('illPatron.field.name'),
    cardNumber: t('illPatron.field.cardNumber'),
    email: t('illPatron.field.email'),
    locale: t('illPatron.field.locale'),
    consent: t('illPatron.privacyTitle'),
  };
  const vars = { prefix: page.cardPrefix, min: page.cardMinLength, max: page.cardMaxLength };
  const say = (p: RequestProblem) =>
    p.kind === 'card' ? t(`illPatron.problem.${p.problem}`, vars) : t(`illPatron.problem.${p.kind}`);
  const today = new Date().toLocaleDateString('en-CA');
  const validate = (v: RequestValues): FieldErrors =>
    Object.fromEntries(Object.entries(checkRequest(v, page, today)).map(([f, p]) => [f, say(p)]));
  const onSubmit = form.submit(
    validate,
    async (v) => {
      onSent(await patronApi.submit(symbol, toRequestInput(v, locale)));
      requestHeadingFocus();
    },
    // The server found what we did not (rules changed meanwhile): our wording for the card number.
    (error) => (error.details.some((d) => d.path === 'cardNumber') ? validate(values) : {}),
  );
  const text = (f: Field) => (
    <TextField
      key={f}
      id={fieldId(FORM, f)}
      label={labels[f]}
      value={values[f]}
      onChange={(v) => set(f, v)}
      error={errors[f]}
      optional={f !== 'title' && f !== 'articleTitle'}
      width={SHORT.has(f) ? 'short' : 'long'}
    />
  );

  return (
    <>
      {intro ? <p className="patron-intro">{intro}</p> : null}
      <ErrorSummary
        formId={FORM}
        errors={errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
        overrides={{ RATE_LIMITED: 'illPatron.rateLimited' }}
      />
      <form id={FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        <fieldset className="fieldset ill-fieldset">
          <legend>{t('illPatron.whatTitle')}</legend>
          {page.allowCopies ? (
            <ChoiceGroup
              id={fieldId(FORM, 'serviceType')}
              legend={labels.serviceType}
              type="radio"
              value={values.serviceType}
              onChange={(v) => set('serviceType', v as RequestValues['serviceType'])}
              options={[
                { value: 'loan', label: t('illPatron.loan') },
                { value: 'copy', label: t('illPatron.copy') },
              ]}
            />
          ) : (
            <p className="field__hint">{t('illPatron.loanOnly')}</p>
          )}
          {fields.map(text)}
          <TextField
            id={fieldId(FORM, 'needBefore')}
            label={labels.needBefore}
            hint={t('illPatron.field.needBeforeHint')}
            type="date"
            width="medium"
            value={values.needBefore}
            onChange={(v) => set('needBefore', v)}
            error={errors.needBefore}
            optional
          />
          {page.pickupLocations.length ? (
            <SelectField
              id={fieldId(FORM, 'pickupLocation')}
              label={labels.pickupLocation}
              value={values.pickupLocation}
              onChange={(v) => set('pickupLocation', v)}
              error={errors.pickupLocation}
              options={[
                ...(page.pickupLocations.length > 1 ? [{ value: '', label: '—' }] : []),
                ...page.pickupLocations.map((l) => ({ value: l, label: l })),
              ]}
            />
          ) : null}
        </fieldset>
        <fieldset className="fieldset ill-fieldset">
          <legend>{t('illPatron.youTitle')}</legend>
          <p className="field__hint">{t('illPatron.youHint')}</p>
          <TextField
            id={fieldId(FORM, 'name')}
            label={labels.name}
            value={values.name}
            onChange={(v) => set('name', v)}
            error={errors.name}
            autoComplete="name"
          />
          <TextField
            id={fieldId(FORM, 'cardNumber')}
            label={labels.cardNumber}
            hint={t(page.cardPrefix ? 'illPatron.field.cardHintPrefix' : 'illPatron.field.cardHint', vars)}
            value={values.cardNumber}
            onChange={(v) => set('cardNumber', v)}
            error={errors.cardNumber}
            autoComplete="off"
            spellCheck={false}
            width="medium"
          />
          <TextField
            id={fieldId(FORM, 'email')}
            label={labels.email}
            type="email"
            value={values.email}
            onChange={(v) => set('email', v)}
            error={errors.email}
            autoComplete="email"
            spellCheck={false}
          />
          <SelectField
            id={fieldId(FORM, 'locale')}
            label={labels.locale}
            value={values.locale || locale}
            onChange={(v) => set('locale', v as 'en' | 'es')}
            options={[
              { value: 'en', label: t('ill.locale.en') },
              { value: 'es', label: t('ill.locale.es') },
            ]}
          />
        </fieldset>
        <fieldset className="fieldset ill-fieldset">
          <legend>{t('illPatron.privacyTitle')}</legend>
          <CheckboxField
            id={fieldId(FORM, 'consent')}
            label={t('illPatron.consent', { days: page.retentionDays })}
            checked={values.consent}
            onChange={(v) => set('consent', v)}
            error={errors.consent}
          />
        </fieldset>
        {/* Bots fill every field; people never see this one (nor do screen readers). */}
        <div className="patron-trap" aria-hidden="true">
          <label htmlFor={fieldId(FORM, 'website')}>{t('illPatron.honeypot')}</label>
          <input
            id={fieldId(FORM, 'website')}
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={values.website}
            onChange={(e) => set('website', e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? t('illPatron.sending') : t('illPatron.submit')}
        </button>
      </form>
    </>
  );
}
