import { useEffect, useRef } from 'react';
import { errorCode } from '../../api/client.ts';
import {
  CAPABILITY_LIST,
  ROLES_BY_KIND,
  isConsortiumStaff,
  type Capability,
  type OrganizationKind,
  type Role,
} from '../../api/enums.ts';
import { membersApi, type Person, type PersonUpdate } from '../../api/members.ts';
import { useI18n } from '../../i18n/context.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { ChoiceGroup, fieldId } from '../../ui/Field.tsx';
import { useForm } from '../../ui/useForm.ts';
import { useSession } from '../accounts/session.tsx';

const FORM = 'person';

type Props = {
  libraryId: string;
  kind: OrganizationKind;
  person: Person;
  onCancel: () => void;
  onSaved: (person: Person) => void;
  /** Someone else changed this person: reload the roster. */
  onStale: () => void;
};

/** Role, capabilities and account status of one person (library admins and consortium staff). */
export function PersonEditor({ libraryId, kind, person, onCancel, onSaved, onStale }: Props) {
  const { t } = useI18n();
  const { user } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm({
    role: person.role as Role,
    capabilities: person.capabilities as string[],
    status: person.status === 'disabled' ? 'disabled' : 'active',
  });
  const { values, errors } = form;
  useEffect(() => heading.current?.focus(), []);

  const roles = ROLES_BY_KIND[kind].filter(
    (r) => (user && isConsortiumStaff(user.role)) || r === 'library_admin' || r === 'library_staff',
  );
  const onSubmit = form.submit(
    () => ({}),
    async (v) => {
      const body: PersonUpdate = { version: person.version };
      if (v.role !== person.role) body.role = v.role;
      const caps = v.role === 'library_staff' ? ([...v.capabilities].sort() as Capability[]) : [];
      if (v.role === 'library_staff' && caps.join() !== [...person.capabilities].sort().join())
        body.capabilities = caps;
      if (person.status !== 'invited' && v.status !== person.status)
        body.status = v.status as 'active' | 'disabled';
      onSaved(await membersApi.updatePerson(libraryId, person.id, body));
    },
  );

  const labels = {
    role: t('field.role'),
    capabilities: t('field.capabilities'),
    status: t('field.accountStatus'),
  };
  const stale = errorCode(form.formError) === 'VERSION_CONFLICT';
  return (
    <section aria-labelledby="person-title" className="panel editor">
      <h3 id="person-title" ref={heading} tabIndex={-1}>
        {t('people.editTitle', { name: person.displayName })}
      </h3>
      <ErrorSummary
        formId={FORM}
        errors={errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
        overrides={{ CONFLICT: 'people.lastAdmin', VERSION_CONFLICT: 'people.stale' }}
      >
        {stale ? (
          <button type="button" className="button button--secondary" onClick={onStale}>
            {t('conflict.reload')}
          </button>
        ) : null}
      </ErrorSummary>
      <form id={FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        <ChoiceGroup
          id={fieldId(FORM, 'role')}
          type="radio"
          legend={labels.role}
          value={values.role}
          onChange={(v) => form.set('role', v as Role)}
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
            onChange={(v) => form.set('capabilities', v)}
            options={CAPABILITY_LIST.map((c) => ({ value: c, label: t(`capability.${c}`) }))}
            error={errors.capabilities}
          />
        ) : (
          <p className="muted">{t('people.adminHasAll')}</p>
        )}
        {person.status !== 'invited' ? (
          <ChoiceGroup
            id={fieldId(FORM, 'status')}
            type="radio"
            legend={labels.status}
            hint={t('people.disableHint')}
            value={values.status}
            onChange={(v) => form.set('status', v)}
            options={[
              { value: 'active', label: t('personStatus.active') },
              { value: 'disabled', label: t('personStatus.disabled') },
            ]}
            error={errors.status}
          />
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button">
            {form.submitting ? t('common.saving') : t('common.saveChanges')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
