import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorCode } from '../../api/client.ts';
import { membersApi, type LibraryProfile } from '../../api/members.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextAreaField, TextField, fieldId } from '../../ui/Field.tsx';
import { usePageTitle } from '../../ui/Page.tsx';
import { useForm } from '../../ui/useForm.ts';
import { useLibrary } from './LibraryLayout.tsx';
import { ConflictHelp, NotAllowed } from './LibraryNotices.tsx';
import { changesFrom, validateLibrary, valuesFrom, type LibraryValues } from './libraryForm.ts';

const FORM = 'library';

export function LibraryEditPage() {
  const { t } = useI18n();
  const { profile } = useLibrary();
  usePageTitle(`${t('library.section.edit')} – ${profile.name}`);
  const [reloadedFrom, setReloadedFrom] = useState<number | null>(null);
  if (!profile.can.edit) return <NotAllowed title={t('library.section.edit')} />;
  // A new version (after reloading) starts the form again from the saved values.
  return (
    <LibraryEditForm
      key={profile.version}
      profile={profile}
      reloaded={reloadedFrom !== null && reloadedFrom !== profile.version}
      onReload={() => setReloadedFrom(profile.version)}
    />
  );
}

type FormProps = { profile: LibraryProfile; reloaded: boolean; onReload: () => void };

function LibraryEditForm({ profile, reloaded, onReload }: FormProps) {
  const { t } = useI18n();
  const { setProfile, reload } = useLibrary();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (reloaded) heading.current?.focus();
  }, [reloaded]);
  const navigate = useNavigate();
  const before = valuesFrom(profile);
  const form = useForm<LibraryValues>(before);
  const { values, errors } = form;

  const onSubmit = form.submit(
    (v) => validateLibrary(t, v),
    async (v) => {
      const updated = await membersApi.update(profile.id, changesFrom(before, v, profile.version));
      setProfile(updated);
      navigate(`/members/${profile.id}`, { state: { flash: 'library.saved' } });
    },
  );

  const labels: Record<string, string> = {
    name: t('field.name'),
    website: t('field.website'),
    phone: t('field.phone'),
    email: t('field.publicEmail'),
    descriptionEn: t('field.descriptionEn'),
    descriptionEs: t('field.descriptionEs'),
    populationServed: t('field.populationServed'),
    studentFte: t('field.studentFte'),
    collectionSize: t('field.collectionSize'),
  };
  for (const prefix of ['streetAddress', 'shippingAddress'] as const) {
    const group = t(`field.${prefix}`);
    labels[`${prefix}.line1`] = `${group} – ${t('field.line1')}`;
    labels[`${prefix}.line2`] = `${group} – ${t('field.line2')}`;
    labels[`${prefix}.city`] = `${group} – ${t('field.city')}`;
    labels[`${prefix}.state`] = `${group} – ${t('field.stateCode')}`;
    labels[`${prefix}.postalCode`] = `${group} – ${t('field.postalCode')}`;
  }
  Object.assign(labels, {
    courierStop: t('field.courierStop'),
    billingEmail: t('field.billingEmail'),
    internalNotes: t('field.internalNotes'),
  });

  const text = (name: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={fieldId(FORM, name)}
      label={extra.label ?? labels[name]}
      value={values[name] ?? ''}
      onChange={(v) => form.set(name, v)}
      error={errors[name]}
      {...extra}
    />
  );
  const address = (prefix: 'streetAddress' | 'shippingAddress') => (
    <fieldset className="fieldset fieldset--group">
      <legend>{t(`field.${prefix}`)}</legend>
      {text(`${prefix}.line1`, { label: t('field.line1'), autoComplete: 'address-line1' })}
      {text(`${prefix}.line2`, { label: t('field.line2'), optional: true, autoComplete: 'address-line2' })}
      <div className="field-row">
        {text(`${prefix}.city`, { label: t('field.city'), width: 'medium', autoComplete: 'address-level2' })}
        {text(`${prefix}.state`, {
          label: t('field.stateCode'),
          width: 'short',
          maxLength: 2,
          hint: t('field.stateCodeHint'),
        })}
        {text(`${prefix}.postalCode`, {
          label: t('field.postalCode'),
          width: 'short',
          inputMode: 'numeric',
          autoComplete: 'postal-code',
        })}
      </div>
    </fieldset>
  );
  const conflict = errorCode(form.formError) === 'VERSION_CONFLICT';

  return (
    <section aria-labelledby="edit-title" className="section">
      <h2 id="edit-title" ref={heading} tabIndex={-1}>
        {t('library.section.edit')}
      </h2>
      {reloaded ? <Alert variant="info" title={t('conflict.reloaded')} /> : null}
      <ErrorSummary
        formId={FORM}
        errors={errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
      >
        {conflict ? (
          <ConflictHelp
            onReload={() => {
              onReload();
              reload();
            }}
          />
        ) : null}
      </ErrorSummary>
      <form id={FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form form--wide">
        <fieldset className="fieldset fieldset--group">
          <legend>{t('library.publicProfile')}</legend>
          {text('name', { autoComplete: 'organization' })}
          {text('website', { type: 'url', optional: true, hint: t('field.websiteHint'), spellCheck: false })}
          {text('phone', { type: 'tel', optional: true, width: 'medium', autoComplete: 'tel' })}
          {text('email', { type: 'email', optional: true, spellCheck: false })}
          <TextAreaField
            id={fieldId(FORM, 'descriptionEn')}
            label={labels.descriptionEn}
            optional
            lang="en"
            value={values.descriptionEn ?? ''}
            onChange={(v) => form.set('descriptionEn', v)}
            error={errors.descriptionEn}
          />
          <TextAreaField
            id={fieldId(FORM, 'descriptionEs')}
            label={labels.descriptionEs}
            optional
            lang="es"
            value={values.descriptionEs ?? ''}
            onChange={(v) => form.set('descriptionEs', v)}
            error={errors.descriptionEs}
          />
          <div className="field-row">
            {text('populationServed', { optional: true, width: 'medium', inputMode: 'numeric' })}
            {text('studentFte', { optional: true, width: 'medium', inputMode: 'numeric' })}
            {text('collectionSize', { optional: true, width: 'medium', inputMode: 'numeric' })}
          </div>
        </fieldset>
        {address('streetAddress')}
        {profile.shipping ? (
          <>
            {address('shippingAddress')}
            {text('courierStop', { optional: true, width: 'medium', hint: t('field.courierStopHint') })}
          </>
        ) : null}
        {profile.private ? (
          <fieldset className="fieldset fieldset--group">
            <legend>{t('library.private')}</legend>
            {text('billingEmail', { type: 'email', optional: true, spellCheck: false })}
            <TextAreaField
              id={fieldId(FORM, 'internalNotes')}
              label={labels.internalNotes}
              hint={t('field.internalNotesHint')}
              optional
              value={values.internalNotes ?? ''}
              onChange={(v) => form.set('internalNotes', v)}
              error={errors.internalNotes}
            />
          </fieldset>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button">
            {form.submitting ? t('common.saving') : t('common.saveChanges')}
          </button>
          <Link to={`/members/${profile.id}`}>{t('common.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
