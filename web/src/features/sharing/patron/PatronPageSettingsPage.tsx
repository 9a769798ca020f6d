import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { membersApi } from '../../../api/members.ts';
import { useResource } from '../../../api/useResource.ts';
import { useI18n } from '../../../i18n/context.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { CheckboxField, TextAreaField, TextField, fieldId } from '../../../ui/Field.tsx';
import { LoadError, Loading } from '../../../ui/Loading.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useForm, type FieldErrors } from '../../../ui/useForm.ts';
import { useSession } from '../../accounts/session.tsx';
import { LibraryPicker } from '../LibraryPicker.tsx';
import { useSharingScope } from '../scope.ts';
import { SharingNav } from '../SharingNav.tsx';
import { canEditPolicy } from '../values.ts';
import { patronApi, patronPagePath, type PatronPageSettings } from './api.ts';
import { checkSettings, settingsValues, toSettings, type SettingsValues } from './forms.ts';
import '../sharing.css';
import './patron.css';

const FORM = 'patron-page';

/**
 * The library's patron request page settings: its ILL staff read them, its admins change them (consortium
 * staff too, for any library, with `?libraryId=`), with a link to the public page.
 */
export function PatronPageSettingsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const { libraryId, consortium } = useSharingScope();
  const picker = consortium ? (
    <LibraryPicker value={libraryId} onPick={(l) => navigate(`/sharing/patron-page?libraryId=${l.id}`)} />
  ) : null;
  const profile = useResource(consortium && libraryId ? `library:${libraryId}` : null, (signal) =>
    membersApi.profile(libraryId!, signal),
  );
  const symbol = consortium ? profile.data?.symbol : user?.organization.symbol;
  const settings = useResource(libraryId ? `patron-page:${libraryId}` : null, (signal) =>
    patronApi.settings(libraryId!, signal),
  );
  const [saved, setSaved] = useState(false);
  const title = t('illPatron.settings.title');
  if (!libraryId)
    return (
      <Page title={title}>
        <SharingNav />
        {picker}
        <p>{t(consortium ? 'illPatron.settings.choose' : 'ill.noLibrary')}</p>
      </Page>
    );
  return (
    <Page title={title} lead={t('illPatron.settings.lead')}>
      <SharingNav />
      {picker}
      {settings.error ? <LoadError error={settings.error} onRetry={settings.reload} /> : null}
      {!settings.data && !settings.error ? <Loading /> : null}
      {saved ? <Alert variant="success" live="status" title={t('illPatron.settings.saved')} /> : null}
      {settings.data && symbol ? <Preview enabled={settings.data.enabled} symbol={symbol} /> : null}
      {settings.data ? (
        <SettingsForm
          key={settings.data.version}
          libraryId={libraryId}
          settings={settings.data}
          editable={consortium || canEditPolicy(user)}
          onSaved={(next) => {
            settings.setData(next);
            setSaved(true);
          }}
          onEdit={() => setSaved(false)}
        />
      ) : null}
    </Page>
  );
}

function Preview({ enabled, symbol }: { enabled: boolean; symbol: string }) {
  const { t } = useI18n();
  const path = patronPagePath(symbol);
  return (
    <section aria-labelledby="patron-page-preview" className="section">
      <h2 id="patron-page-preview">{t('illPatron.settings.previewTitle')}</h2>
      <p>{t('illPatron.settings.address', { url: `${window.location.origin}${path}` })}</p>
      {enabled ? null : <p>{t('illPatron.settings.previewOff')}</p>}
      <p>
        <Link to={path}>{t('illPatron.settings.preview')}</Link>
      </p>
    </section>
  );
}

function SettingsForm({
  libraryId,
  settings,
  editable,
  onSaved,
  onEdit,
}: {
  libraryId: string;
  settings: PatronPageSettings;
  editable: boolean;
  onSaved: (s: PatronPageSettings) => void;
  onEdit: () => void;
}) {
  const { t } = useI18n();
  const form = useForm<SettingsValues>(() => settingsValues(settings));
  const { values, errors, set } = form;
  const labels: Record<string, string> = {
    enabled: t('illPatron.settings.enabled'),
    cardPrefix: t('illPatron.settings.cardPrefix'),
    cardMinLength: t('illPatron.settings.cardMin'),
    cardMaxLength: t('illPatron.settings.cardMax'),
    pickupLocations: t('illPatron.settings.pickup'),
    allowCopies: t('illPatron.settings.allowCopies'),
    introEn: t('illPatron.settings.introEn'),
    introEs: t('illPatron.settings.introEs'),
  };
  const validate = (v: SettingsValues): FieldErrors =>
    Object.fromEntries(Object.entries(checkSettings(v)).map(([f, p]) => [f, t(`illPatron.settings.${p!}`)]));
  const onSubmit = form.submit(validate, async (v) => {
    onEdit();
    onSaved(await patronApi.saveSettings(libraryId, toSettings(v, settings.version)));
  });
  const length = (name: 'cardMinLength' | 'cardMaxLength') => (
    <TextField
      id={fieldId(FORM, name)}
      label={labels[name]}
      inputMode="numeric"
      width="short"
      value={values[name]}
      onChange={(v) => set(name, v)}
      error={errors[name]}
      disabled={!editable}
    />
  );
  const intro = (name: 'introEn' | 'introEs', lang: string) => (
    <TextAreaField
      id={fieldId(FORM, name)}
      label={labels[name]}
      hint={t('illPatron.settings.introHint')}
      value={values[name]}
      onChange={(v) => set(name, v)}
      error={errors[name]}
      rows={3}
      lang={lang}
      optional
      disabled={!editable}
    />
  );

  return (
    <>
      {!editable ? <Alert variant="info" title={t('illPatron.settings.adminOnly')} /> : null}
      <ErrorSummary
        formId={FORM}
        errors={errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
      />
      <form id={FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        <CheckboxField
          id={fieldId(FORM, 'enabled')}
          label={labels.enabled}
          checked={values.enabled}
          onChange={(v) => set('enabled', v)}
          disabled={!editable}
        />
        <fieldset className="fieldset ill-fieldset">
          <legend>{t('illPatron.settings.cardTitle')}</legend>
          <TextField
            id={fieldId(FORM, 'cardPrefix')}
            label={labels.cardPrefix}
            hint={t('illPatron.settings.cardPrefixHint')}
            width="short"
            value={values.cardPrefix}
            onChange={(v) => set('cardPrefix', v)}
            error={errors.cardPrefix}
            optional
            disabled={!editable}
          />
          {length('cardMinLength')}
          {length('cardMaxLength')}
        </fieldset>
        <TextAreaField
          id={fieldId(FORM, 'pickupLocations')}
          label={labels.pickupLocations}
          hint={t('illPatron.settings.pickupHint')}
          value={values.pickupLocations}
          onChange={(v) => set('pickupLocations', v)}
          error={errors.pickupLocations}
          rows={3}
          optional
          disabled={!editable}
        />
        <CheckboxField
          id={fieldId(FORM, 'allowCopies')}
          label={labels.allowCopies}
          checked={values.allowCopies}
          onChange={(v) => set('allowCopies', v)}
          disabled={!editable}
        />
        {intro('introEn', 'en')}
        {intro('introEs', 'es')}
        {editable ? (
          <button type="submit" className="button" disabled={form.submitting}>
            {t('illPatron.settings.save')}
          </button>
        ) : null}
      </form>
    </>
  );
}
