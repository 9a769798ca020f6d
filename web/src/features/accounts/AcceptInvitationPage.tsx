import { Link, useNavigate, useSearchParams } from 'react-router';
import { accountsApi } from '../../api/accounts.ts';
import type { Locale } from '../../api/enums.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField, fieldId } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { useForm, type FieldErrors } from '../../ui/useForm.ts';
import { PASSWORD_MIN } from '../../ui/validate.ts';
import { checkNewPassword } from './passwords.ts';
import { useSession } from './session.tsx';

const FORM = 'accept';

export function AcceptInvitationPage() {
  const { t, locale } = useI18n();
  const { user, start } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const valid = token.length >= 10;
  const preview = useResource(valid ? `invitation:${token}` : null, (signal) =>
    accountsApi.previewInvitation(token, signal),
  );
  const form = useForm({ displayName: '', password: '', confirm: '', locale: locale as Locale });
  const { values, errors } = form;

  const validate = (v: typeof values): FieldErrors => ({
    ...(v.displayName.trim() ? {} : { displayName: t('validation.displayNameRequired') }),
    ...checkNewPassword(t, v.password, v.confirm, { password: 'password', confirm: 'confirm' }),
  });
  const onSubmit = form.submit(validate, async (v) => {
    const session = await accountsApi.acceptInvitation({
      token,
      displayName: v.displayName.trim(),
      password: v.password,
      locale: v.locale,
    });
    start(session);
    navigate('/dashboard', { replace: true, state: { welcome: true } });
  });

  const title = t('accept.title');
  if (!valid || preview.error) {
    return (
      <Page title={title} narrow>
        <Alert variant="error" live={preview.error ? 'alert' : undefined} title={t('accept.invalidTitle')}>
          <p>{preview.error ? errorMessage(preview.error, locale) : t('accept.noToken')}</p>
          <p>{t('accept.askAgain')}</p>
        </Alert>
      </Page>
    );
  }
  if (!preview.data) {
    return (
      <Page title={title} narrow>
        <Loading />
      </Page>
    );
  }

  const invitation = preview.data;
  const labels = {
    displayName: t('field.displayName'),
    password: t('field.newPassword'),
    confirm: t('field.confirmPassword'),
    locale: t('field.language'),
  };
  return (
    <Page
      title={title}
      lead={t('accept.lead', {
        organization: invitation.organizationName,
        role: t(`role.${invitation.role}`),
      })}
      narrow
    >
      <dl className="summary-list">
        <div>
          <dt>{t('field.email')}</dt>
          <dd>{invitation.email}</dd>
        </div>
        <div>
          <dt>{t('field.organization')}</dt>
          <dd>{invitation.organizationName}</dd>
        </div>
        <div>
          <dt>{t('field.role')}</dt>
          <dd>{t(`role.${invitation.role}`)}</dd>
        </div>
      </dl>
      {user ? <Alert variant="info" title={t('accept.signedInAs', { name: user.displayName })} /> : null}
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
          onChange={(v) => form.set('displayName', v)}
          error={errors.displayName}
        />
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
        <SelectField
          id={fieldId(FORM, 'locale')}
          label={labels.locale}
          hint={t('field.languageHint')}
          value={values.locale}
          onChange={(v) => form.set('locale', v as Locale)}
          options={[
            { value: 'en', label: 'English' },
            { value: 'es', label: 'Español' },
          ]}
          error={errors.locale}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {form.submitting ? t('common.saving') : t('accept.submit')}
          </button>
          <Link to="/">{t('common.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}
