import { useState } from 'react';
import { accountsApi, type Me } from '../../api/accounts.ts';
import type { Locale } from '../../api/enums.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, ChoiceGroup, SelectField, TextField, fieldId } from '../../ui/Field.tsx';
import { useForm, type FieldErrors } from '../../ui/useForm.ts';
import { useSession } from './session.tsx';

const FORM = 'settings';
type Digest = Me['notificationPreferences']['emailDigest'];
type Topic = 'sharingEmails' | 'learningEmails' | 'communityEmails';
const TOPICS: Topic[] = ['sharingEmails', 'learningEmails', 'communityEmails'];

const splitExpertise = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function SettingsForm({ user }: { user: Me }) {
  const { t, setLocale } = useI18n();
  const { updateUser } = useSession();
  const [saved, setSaved] = useState(false);
  const form = useForm(() => ({
    displayName: user.displayName,
    locale: user.locale as Locale,
    jobTitle: user.jobTitle,
    expertise: user.expertise.join(', '),
    directoryOptIn: user.directoryOptIn,
    emailDigest: user.notificationPreferences.emailDigest as Digest,
    topics: TOPICS.filter((topic) => user.notificationPreferences[topic]) as string[],
  }));
  const { values, errors, set } = form;

  const validate = (v: typeof values): FieldErrors => {
    const found: FieldErrors = {};
    if (!v.displayName.trim()) found.displayName = t('validation.displayNameRequired');
    else if (v.displayName.trim().length > 120) found.displayName = t('validation.maxLength', { max: 120 });
    if (v.jobTitle.trim().length > 120) found.jobTitle = t('validation.maxLength', { max: 120 });
    const topics = splitExpertise(v.expertise);
    if (topics.length > 20) found.expertise = t('settings.expertiseTooMany', { max: 20 });
    else if (topics.some((x) => x.length > 60)) found.expertise = t('settings.expertiseTooLong', { max: 60 });
    return found;
  };

  const onSubmit = form.submit(validate, async (v) => {
    setSaved(false);
    const me = await accountsApi.updateMe({
      displayName: v.displayName.trim(),
      locale: v.locale,
      jobTitle: v.jobTitle.trim(),
      expertise: splitExpertise(v.expertise),
      directoryOptIn: v.directoryOptIn,
      notificationPreferences: {
        emailDigest: v.emailDigest,
        sharingEmails: v.topics.includes('sharingEmails'),
        learningEmails: v.topics.includes('learningEmails'),
        communityEmails: v.topics.includes('communityEmails'),
      },
    });
    updateUser(me);
    setLocale(me.locale);
    setSaved(true);
  });

  const labels = {
    displayName: t('field.displayName'),
    locale: t('field.language'),
    jobTitle: t('field.jobTitle'),
    expertise: t('field.expertise'),
    directoryOptIn: t('settings.directoryOptIn'),
    'notificationPreferences.emailDigest': t('settings.digest'),
  };
  return (
    <section aria-labelledby="settings-profile" className="section">
      <h2 id="settings-profile">{t('settings.profileTitle')}</h2>
      {saved ? <Alert variant="success" live="status" title={t('settings.saved')} /> : null}
      <ErrorSummary
        formId={FORM}
        errors={errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
      />
      <form id={FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        <TextField
          id={fieldId(FORM, 'displayName')}
          label={labels.displayName}
          hint={t('field.displayNameHint')}
          autoComplete="name"
          value={values.displayName}
          onChange={(v) => set('displayName', v)}
          error={errors.displayName}
        />
        <SelectField
          id={fieldId(FORM, 'locale')}
          label={labels.locale}
          hint={t('field.languageHint')}
          value={values.locale}
          onChange={(v) => set('locale', v as Locale)}
          options={[
            { value: 'en', label: 'English' },
            { value: 'es', label: 'Español' },
          ]}
        />
        <TextField
          id={fieldId(FORM, 'jobTitle')}
          label={labels.jobTitle}
          optional
          autoComplete="organization-title"
          value={values.jobTitle}
          onChange={(v) => set('jobTitle', v)}
          error={errors.jobTitle}
        />
        <TextField
          id={fieldId(FORM, 'expertise')}
          label={labels.expertise}
          hint={t('settings.expertiseHint')}
          optional
          value={values.expertise}
          onChange={(v) => set('expertise', v)}
          error={errors.expertise}
        />
        <CheckboxField
          id={fieldId(FORM, 'directoryOptIn')}
          label={labels.directoryOptIn}
          hint={t('settings.directoryOptInHint')}
          checked={values.directoryOptIn}
          onChange={(v) => set('directoryOptIn', v)}
          error={errors.directoryOptIn}
        />
        <ChoiceGroup
          id={fieldId(FORM, 'notificationPreferences.emailDigest')}
          type="radio"
          legend={labels['notificationPreferences.emailDigest']}
          hint={t('settings.digestHint')}
          value={values.emailDigest}
          onChange={(v) => set('emailDigest', v as Digest)}
          options={[
            { value: 'off', label: t('settings.digest.off') },
            { value: 'daily', label: t('settings.digest.daily') },
            { value: 'weekly', label: t('settings.digest.weekly') },
          ]}
          error={errors['notificationPreferences.emailDigest']}
        />
        <ChoiceGroup
          id={fieldId(FORM, 'topics')}
          type="checkbox"
          legend={t('settings.topics')}
          hint={t('settings.topicsHint')}
          value={values.topics}
          onChange={(v) => set('topics', v)}
          options={TOPICS.map((topic) => ({ value: topic, label: t(`settings.topic.${topic}`) }))}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {form.submitting ? t('common.saving') : t('settings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
