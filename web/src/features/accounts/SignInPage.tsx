import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { accountsApi } from '../../api/accounts.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField, fieldId } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { useForm, type FieldErrors } from '../../ui/useForm.ts';
import { isEmail } from '../../ui/validate.ts';
import { safeNext } from './RequireAuth.tsx';
import { useSession } from './session.tsx';

const FORM = 'sign-in';

export function SignInPage() {
  const { t } = useI18n();
  const { user, status, start } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const form = useForm({ email: '', password: '' });
  const { values, set, errors } = form;

  if (status === 'ready' && user && !form.submitting) return <Navigate to={next} replace />;

  const validate = (v: typeof values): FieldErrors => {
    const found: FieldErrors = {};
    if (!v.email.trim()) found.email = t('validation.emailRequired');
    else if (!isEmail(v.email)) found.email = t('validation.email');
    if (!v.password) found.password = t('validation.passwordRequired');
    return found;
  };

  const onSubmit = form.submit(validate, async (v) => {
    const session = await accountsApi.login(v.email.trim(), v.password);
    start(session);
    navigate(next, { replace: true });
  });

  const labels = { email: t('field.email'), password: t('field.password') };
  return (
    <Page title={t('signIn.title')} narrow>
      {params.get('next') ? <Alert variant="info" title={t('signIn.needed')} /> : null}
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
          autoComplete="username"
          spellCheck={false}
          value={values.email}
          onChange={(v) => set('email', v)}
          error={errors.email}
        />
        <TextField
          id={fieldId(FORM, 'password')}
          label={labels.password}
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={(v) => set('password', v)}
          error={errors.password}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {form.submitting ? t('signIn.submitting') : t('signIn.submit')}
          </button>
          <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        </div>
      </form>
      <p className="muted">{t('signIn.byInvitation')}</p>
    </Page>
  );
}
