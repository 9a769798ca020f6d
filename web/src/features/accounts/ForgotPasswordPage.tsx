import { useState } from 'react';
import { Link } from 'react-router';
import { accountsApi } from '../../api/accounts.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField, fieldId } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { useForm, type FieldErrors } from '../../ui/useForm.ts';
import { isEmail } from '../../ui/validate.ts';
import { useMailboxEnabled } from '../admin/useMailboxEnabled.ts';

const FORM = 'forgot';

export function ForgotPasswordPage() {
  const { t, locale } = useI18n();
  const mailbox = useMailboxEnabled();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ email: '' });
  const { values, errors } = form;

  const validate = (v: typeof values): FieldErrors => {
    if (!v.email.trim()) return { email: t('validation.emailRequired') };
    if (!isEmail(v.email)) return { email: t('validation.email') };
    return {};
  };
  const onSubmit = form.submit(validate, async (v) => {
    await accountsApi.requestPasswordReset(v.email.trim(), locale);
    setSentTo(v.email.trim());
  });

  const labels = { email: t('field.email') };
  return (
    <Page title={t('forgot.title')} lead={t('forgot.lead')} narrow>
      {sentTo ? (
        <Alert variant="success" live="status" title={t('forgot.sentTitle')}>
          <p>{t('forgot.sentText', { email: sentTo })}</p>
          {mailbox ? (
            <p>
              <Link to="/dev/mailbox">{t('forgot.openMailbox')}</Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <ErrorSummary
        formId={FORM}
        errors={errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
      />
      <form id={FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        <TextField
          id={fieldId(FORM, 'email')}
          label={labels.email}
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={values.email}
          onChange={(v) => form.set('email', v)}
          error={errors.email}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {form.submitting ? t('common.sending') : t('forgot.submit')}
          </button>
          <Link to="/sign-in">{t('forgot.backToSignIn')}</Link>
        </div>
      </form>
    </Page>
  );
}
