import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorCode } from '../../api/client.ts';
import { MEMBER_STATUS_LIST, type MemberStatus } from '../../api/enums.ts';
import { membersApi, type LibraryProfile } from '../../api/members.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { ChoiceGroup, TextAreaField, fieldId } from '../../ui/Field.tsx';
import { usePageTitle } from '../../ui/Page.tsx';
import { useForm, type FieldErrors } from '../../ui/useForm.ts';
import { useLibrary } from './LibraryLayout.tsx';
import { ConflictHelp, NotAllowed } from './LibraryNotices.tsx';

const FORM = 'status';

export function StatusPage() {
  const { t } = useI18n();
  const { profile } = useLibrary();
  const [reloadedFrom, setReloadedFrom] = useState<number | null>(null);
  usePageTitle(`${t('library.section.status')} – ${profile.name}`);
  if (!profile.can.changeStatus) {
    return <NotAllowed title={t('library.section.status')} text={t('statusChange.notAllowed')} />;
  }
  return (
    <StatusForm
      key={profile.version}
      profile={profile}
      reloaded={reloadedFrom !== null && reloadedFrom !== profile.version}
      onReload={() => setReloadedFrom(profile.version)}
    />
  );
}

function StatusForm({
  profile,
  reloaded,
  onReload,
}: {
  profile: LibraryProfile;
  reloaded: boolean;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const { setProfile, reload } = useLibrary();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm({ status: profile.status as MemberStatus, reason: '' });
  const { values, errors } = form;
  useEffect(() => {
    if (reloaded) heading.current?.focus();
  }, [reloaded]);

  const validate = (v: typeof values): FieldErrors => {
    if (v.status === profile.status) return { status: t('statusChange.same') };
    if (v.reason.trim().length > 500) return { reason: t('validation.maxLength', { max: 500 }) };
    return {};
  };
  const onSubmit = form.submit(validate, async (v) => {
    const reason = v.reason.trim();
    const updated = await membersApi.changeStatus(profile.id, {
      version: profile.version,
      status: v.status,
      ...(reason ? { reason } : {}),
    });
    setProfile(updated);
    navigate(`/members/${profile.id}`, { state: { flash: 'statusChange.saved' } });
  });

  const labels = { status: t('statusChange.newStatus'), reason: t('field.reason') };
  const conflict = errorCode(form.formError) === 'VERSION_CONFLICT';
  return (
    <section aria-labelledby="status-title" className="section">
      <h2 id="status-title" ref={heading} tabIndex={-1}>
        {t('library.section.status')}
      </h2>
      <p>{t('statusChange.current', { status: t(`status.${profile.status}`) })}</p>
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
      <form id={FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        <ChoiceGroup
          id={fieldId(FORM, 'status')}
          type="radio"
          legend={labels.status}
          value={values.status}
          onChange={(v) => form.set('status', v as MemberStatus)}
          options={MEMBER_STATUS_LIST.map((s) => ({
            value: s,
            label: `${t(`status.${s}`)} – ${t(`statusHelp.${s}`)}`,
          }))}
          error={errors.status}
        />
        <TextAreaField
          id={fieldId(FORM, 'reason')}
          label={labels.reason}
          hint={t('statusChange.reasonHint')}
          optional
          rows={3}
          value={values.reason}
          onChange={(v) => form.set('reason', v)}
          error={errors.reason}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {form.submitting ? t('common.saving') : t('statusChange.submit')}
          </button>
          <Link to={`/members/${profile.id}`}>{t('common.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
