import { useState } from 'react';
import { accountsApi } from '../../api/accounts.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField, fieldId } from '../../ui/Field.tsx';
import { useForm, type FieldErrors } from '../../ui/useForm.ts';
import { PASSWORD_MIN } from '../../ui/validate.ts';
import { checkNewPassword } from './passwords.ts';

const FORM = 'password';
const empty = { currentPassword: '', newPassword: '', confirm: '' };

export function ChangePasswordForm() {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const form = useForm(empty);
  const { values, errors, set } = form;

  const validate = (v: typeof values): FieldErrors => ({
    ...(v.currentPassword ? {} : { currentPassword: t('validation.currentPasswordRequired') }),
    ...checkNewPassword(t, v.newPassword, v.confirm, { password: 'newPassword', confirm: 'confirm' }),
  });
  const onSubmit = form.submit(
    validate,
    async (v) => {
      setSaved(false);
      await accountsApi.changePassword(v.currentPassword, v.newPassword);
      form.setValues(empty);
      setSaved(true);
    },
    (error): FieldErrors =>
      error.code === 'INVALID_CREDENTIALS' ? { currentPassword: t('password.currentWrong') } : {},
  );

  const labels = {
    currentPassword: t('field.currentPassword'),
    newPassword: t('field.newPassword'),
    confirm: t('field.confirmPassword'),
  };
  return (
    <section aria-labelledby="settings-password" className="section">
      <h2 id="settings-password">{t('password.title')}</h2>
      <p>{t('password.lead')}</p>
      {saved ? <Alert variant="success" live="status" title={t('password.changed')} /> : null}
      <ErrorSummary
        formId={FORM}
        errors={errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
        overrides={{ INVALID_CREDENTIALS: 'password.currentWrong' }}
      />
      <form id={FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        <TextField
          id={fieldId(FORM, 'currentPassword')}
          label={labels.currentPassword}
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={(v) => set('currentPassword', v)}
          error={errors.currentPassword}
        />
        <TextField
          id={fieldId(FORM, 'newPassword')}
          label={labels.newPassword}
          hint={t('field.newPasswordHint', { min: PASSWORD_MIN })}
          type="password"
          autoComplete="new-password"
          value={values.newPassword}
          onChange={(v) => set('newPassword', v)}
          error={errors.newPassword}
        />
        <TextField
          id={fieldId(FORM, 'confirm')}
          label={labels.confirm}
          type="password"
          autoComplete="new-password"
          value={values.confirm}
          onChange={(v) => set('confirm', v)}
          error={errors.confirm}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {form.submitting ? t('common.saving') : t('password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
