import { accountsApi, type Invitation } from '../../api/accounts.ts';
import {
  CAPABILITY_LIST,
  ROLES_BY_KIND,
  type Capability,
  type Locale,
  type OrganizationKind,
  type Role,
} from '../../api/enums.ts';
import { useI18n } from '../../i18n/context.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { ChoiceGroup, SelectField, TextField, fieldId } from '../../ui/Field.tsx';
import { useForm, type FieldErrors } from '../../ui/useForm.ts';
import { isEmail } from '../../ui/validate.ts';

const FORM = 'invite';

type Props = { libraryId: string; kind: OrganizationKind; onInvited: (invitation: Invitation) => void };

export function InviteForm({ libraryId, kind, onInvited }: Props) {
  const { t, locale } = useI18n();
  const roles = ROLES_BY_KIND[kind];
  const initial = () => ({
    email: '',
    displayName: '',
    role: (roles.includes('library_staff') ? 'library_staff' : roles[roles.length - 1]) as Role,
    capabilities: [] as string[],
    locale: locale as Locale,
  });
  const form = useForm(initial);
  const { values, errors, set } = form;

  const validate = (v: typeof values): FieldErrors => {
    const found: FieldErrors = {};
    if (!v.email.trim()) found.email = t('validation.emailRequired');
    else if (!isEmail(v.email)) found.email = t('validation.email');
    if (v.displayName.trim().length > 120) found.displayName = t('validation.maxLength', { max: 120 });
    return found;
  };
  const onSubmit = form.submit(validate, async (v) => {
    const invitation = await accountsApi.invite(libraryId, {
      email: v.email.trim(),
      ...(v.displayName.trim() ? { displayName: v.displayName.trim() } : {}),
      role: v.role,
      capabilities: v.role === 'library_staff' ? (v.capabilities as Capability[]) : [],
      locale: v.locale,
    });
    form.setValues(initial());
    onInvited(invitation);
  });

  const labels = {
    email: t('field.email'),
    displayName: t('field.displayName'),
    role: t('field.role'),
    capabilities: t('field.capabilities'),
    locale: t('invite.language'),
  };
  return (
    <section aria-labelledby="invite-title" className="section">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <p>{t('invite.lead')}</p>
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
          spellCheck={false}
          autoComplete="off"
          value={values.email}
          onChange={(v) => set('email', v)}
          error={errors.email}
        />
        <TextField
          id={fieldId(FORM, 'displayName')}
          label={labels.displayName}
          hint={t('invite.displayNameHint')}
          optional
          autoComplete="off"
          value={values.displayName}
          onChange={(v) => set('displayName', v)}
          error={errors.displayName}
        />
        <ChoiceGroup
          id={fieldId(FORM, 'role')}
          type="radio"
          legend={labels.role}
          value={values.role}
          onChange={(v) => set('role', v as Role)}
          options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          error={errors.role}
        />
        {values.role === 'library_staff' ? (
          <ChoiceGroup
            id={fieldId(FORM, 'capabilities')}
            type="checkbox"
            legend={labels.capabilities}
            hint={t('people.capabilitiesHint')}
            value={values.capabilities}
            onChange={(v) => set('capabilities', v)}
            options={CAPABILITY_LIST.map((c) => ({ value: c, label: t(`capability.${c}`) }))}
            error={errors.capabilities}
          />
        ) : null}
        <SelectField
          id={fieldId(FORM, 'locale')}
          label={labels.locale}
          hint={t('invite.languageHint')}
          value={values.locale}
          onChange={(v) => set('locale', v as Locale)}
          options={[
            { value: 'en', label: 'English' },
            { value: 'es', label: 'Español' },
          ]}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {form.submitting ? t('common.sending') : t('invite.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
