import { useI18n } from '../../../i18n/context.tsx';
import type { MessageKey } from '../../../i18n/en.ts';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { CheckboxField, ChoiceGroup, SelectField, TextField, fieldId } from '../../../ui/Field.tsx';
import { useForm, type FieldErrors } from '../../../ui/useForm.ts';
import { isoApi, type Partner } from './api.ts';
import {
  QUIRKS,
  checkPartner,
  clearKey,
  emptyPartner,
  partnerValues,
  toCreate,
  toUpdate,
  type PartnerValues,
  type SecretField,
} from './partner-form.ts';

const FORM = 'ill-partner';
const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
  'America/Mexico_City',
  'UTC',
];

type Text = Exclude<
  {
    [K in keyof PartnerValues]: PartnerValues[K] extends string ? K : never;
  }[keyof PartnerValues],
  'isoVersion'
>;
const LABEL: Partial<Record<keyof PartnerValues, MessageKey>> = {
  name: 'ill.partners.field.name',
  symbol: 'ill.partners.field.symbol',
  city: 'ill.partners.field.city',
  state: 'ill.partners.field.state',
  region: 'ill.partners.field.region',
  timeZone: 'ill.partners.field.timeZone',
  'address.line1': 'ill.partners.field.line1',
  'address.line2': 'ill.partners.field.line2',
  'address.postalCode': 'ill.partners.field.postalCode',
  agencyIdType: 'ill.partners.field.agencyIdType',
  agencyIdValue: 'ill.partners.field.agencyIdValue',
  endpointUrl: 'ill.partners.field.endpointUrl',
  isoVersion: 'ill.partners.field.isoVersion',
  outboundAccountId: 'ill.partners.field.outboundAccountId',
  outboundSecurityCode: 'ill.partners.field.outboundSecurityCode',
  inboundAccountId: 'ill.partners.field.inboundAccountId',
  inboundSecurityCode: 'ill.partners.field.inboundSecurityCode',
};

/** Add or edit a partner. Credentials are write-only password fields that say whether a value is stored. */
export function PartnerForm({
  partner,
  onSaved,
}: {
  partner: Partner | null;
  onSaved: (p: Partner) => void;
}) {
  const { t } = useI18n();
  const form = useForm<PartnerValues>(() => (partner ? partnerValues(partner) : emptyPartner()));
  const { values, errors, set } = form;
  const labels = Object.fromEntries(Object.entries(LABEL).map(([field, key]) => [field, t(key)])) as Record<
    string,
    string
  >;
  const validate = (v: PartnerValues): FieldErrors =>
    Object.fromEntries(
      Object.entries(checkPartner(v)).map(([f, problem]) => [f, t(`ill.partners.problem.${problem}`)]),
    );
  const onSubmit = form.submit(validate, async (v) => {
    onSaved(
      partner
        ? await isoApi.updatePartner(partner.id, toUpdate(v, partner.version))
        : await isoApi.createPartner(toCreate(v)),
    );
  });
  const text = (
    name: Text,
    opts: { hint?: MessageKey; width?: 'short' | 'medium'; optional?: boolean } = {},
  ) => (
    <TextField
      id={fieldId(FORM, name)}
      label={labels[name]}
      hint={opts.hint ? t(opts.hint) : undefined}
      width={opts.width}
      value={values[name]}
      onChange={(v) => set(name, v)}
      error={errors[name]}
      optional={opts.optional}
    />
  );
  const secret = (name: SecretField, hint?: MessageKey) => {
    const stored = partner?.credentials[name] ?? false;
    const status = t(stored ? 'ill.partners.secret.set' : 'ill.partners.secret.notSet');
    return (
      <div key={name}>
        <TextField
          id={fieldId(FORM, name)}
          type="password"
          autoComplete="new-password"
          label={`${labels[name]} (${status})`}
          hint={hint ? t(hint) : undefined}
          value={values[name]}
          onChange={(v) => set(name, v)}
          error={errors[name]}
          optional
          disabled={values[clearKey(name)]}
        />
        {stored ? (
          <CheckboxField
            id={fieldId(FORM, clearKey(name))}
            label={t('ill.partners.secret.clear', { field: labels[name] ?? name })}
            checked={values[clearKey(name)]}
            onChange={(v) => set(clearKey(name), v)}
          />
        ) : null}
      </div>
    );
  };

  return (
    <>
      <ErrorSummary
        formId={FORM}
        errors={errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
      />
      <form id={FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form ill-partner-form">
        <fieldset className="fieldset">
          <legend>{t('ill.partners.section.identity')}</legend>
          {text('name')}
          {text('symbol', { hint: 'ill.partners.field.symbolHint', width: 'short' })}
          {text('address.line1')}
          {text('address.line2', { optional: true })}
          {text('city', { width: 'medium' })}
          {text('state', { hint: 'ill.partners.field.stateHint', width: 'short' })}
          {text('address.postalCode', { width: 'short' })}
          {text('region', { optional: true, width: 'medium' })}
          <SelectField
            id={fieldId(FORM, 'timeZone')}
            label={labels.timeZone}
            value={values.timeZone}
            onChange={(v) => set('timeZone', v)}
            options={[...new Set([values.timeZone, ...ZONES])].map((z) => ({ value: z, label: z }))}
            error={errors.timeZone}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('ill.partners.section.iso')}</legend>
          {text('agencyIdType', { hint: 'ill.partners.field.agencyIdTypeHint', width: 'short' })}
          {text('agencyIdValue', { hint: 'ill.partners.field.agencyIdValueHint', width: 'medium' })}
          {text('endpointUrl', { hint: 'ill.partners.field.endpointUrlHint' })}
          <ChoiceGroup
            id={fieldId(FORM, 'isoVersion')}
            type="radio"
            legend={labels.isoVersion}
            value={values.isoVersion}
            onChange={(v) => set('isoVersion', v as PartnerValues['isoVersion'])}
            options={[
              { value: '2021', label: t('ill.partners.version.2021') },
              { value: '1.2', label: t('ill.partners.version.1.2') },
            ]}
            error={errors.isoVersion}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('ill.partners.section.quirks')}</legend>
          <p className="muted">{t('ill.partners.section.quirksHelp')}</p>
          {QUIRKS.map((q) => (
            <CheckboxField
              key={q}
              id={fieldId(FORM, q)}
              label={t(`ill.partners.quirk.${q}`)}
              hint={t(`ill.partners.quirk.${q}Hint`)}
              checked={values[q]}
              onChange={(v) => set(q, v)}
            />
          ))}
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('ill.partners.section.roles')}</legend>
          <CheckboxField
            id={fieldId(FORM, 'enabled')}
            label={t('ill.partners.field.enabled')}
            hint={t('ill.partners.field.enabledHint')}
            checked={values.enabled}
            onChange={(v) => set('enabled', v)}
          />
          <CheckboxField
            id={fieldId(FORM, 'lends')}
            label={t('ill.partners.field.lends')}
            hint={t('ill.partners.field.lendsHint')}
            checked={values.lends}
            onChange={(v) => set('lends', v)}
          />
          <CheckboxField
            id={fieldId(FORM, 'borrows')}
            label={t('ill.partners.field.borrows')}
            checked={values.borrows}
            onChange={(v) => set('borrows', v)}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('ill.partners.section.credentials')}</legend>
          <p className="muted">{t('ill.partners.section.credentialsHelp')}</p>
          {secret('outboundAccountId')}
          {secret('outboundSecurityCode')}
          {text('inboundAccountId', { optional: true, width: 'medium' })}
          {secret('inboundSecurityCode', 'ill.partners.field.inboundSecurityCodeHint')}
        </fieldset>
        <p>
          <button type="submit" className="button" disabled={form.submitting}>
            {form.submitting ? t('common.saving') : t('ill.partners.save')}
          </button>
        </p>
      </form>
    </>
  );
}
