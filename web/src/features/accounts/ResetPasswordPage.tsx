import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { accountsApi } from '../../api/accounts.ts';
import { errorCode } from '../../api/client.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField, fieldId } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { useForm } from '../../ui/useForm.ts';
import { PASSWORD_MIN } from '../../ui/validate.ts';
import { checkNewPassword } from './passwords.ts';

const FORM = 'reset';

export function ResetPasswordPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const form = useForm({ password: '', confirm: '' });
  const { values, errors } = form;

  const onSubmit = form.submit(
    (v) => checkNewPassword(t, v.password, v.confirm, { password: 'password', confirm: 'confirm' }),
    async (v) => {
      await accountsApi.completePasswordReset(token, v.password);
      setDone(true);
    },
  );

  if (!token || token.length < 10) {
    return (
      <Page title={t('reset.title')} narrow>
        <Alert variant="error" title={t('reset.noToken')}>
          <p>
            <Link to="/forgot-password">{t('reset.requestNew')}</Link>
          </p>
        </Alert>
      </Page>
    );
  }

  if (done) {
    return (
      <Page title={t('reset.title')} narrow>
        <Alert variant="success" live="status" title={t('reset.doneTitle')}>
          <p>{t('reset.doneText')}</p>
          <p>
            <Link to="/sign-in">{t('nav.signIn')}</Link>
          </p>
        </Alert>
      </Page>
    );
  }

  const labels = { password: t('field.newPassword'), confirm: t('field.confirmPassword') };
  const invalidToken = errorCode(form.formError) === 'INVALID_TOKEN';
  return (
    <Page title={t('reset.title')} lead={t('reset.lead')} narrow>
      <ErrorSummary
        formId={FORM}
        errors={errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
      >
        {invalidToken ? (
          <p>
            <Link to="/forgot-password">{t('reset.requestNew')}</Link>
          </p>
        ) : null}
      </ErrorSummary>
      <form id={FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        <TextField
          id={fieldId(FORM, 'password')}
          label={labels.password}
          hint={t('field.newPasswordHint', { min: PASSWORD_MIN })}
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(v) => form.set('password', v)}
          error={errors.password}
        />
        <TextField
          id={fieldId(FORM, 'confirm')}
          label={labels.confirm}
          type="password"
          autoComplete="new-password"
          value={values.confirm}
          onChange={(v) => form.set('confirm', v)}
          error={errors.confirm}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {form.submitting ? t('common.saving') : t('reset.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
