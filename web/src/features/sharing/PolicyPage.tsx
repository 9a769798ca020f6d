import { useState } from 'react';
import { useNavigate } from 'react-router';
import { membersApi } from '../../api/members.ts';
import { sharingApi, type LendingPolicy } from '../../api/sharing.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, ChoiceGroup, TextAreaField, TextField, fieldId } from '../../ui/Field.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { useForm, type FieldErrors } from '../../ui/useForm.ts';
import { useSession } from '../accounts/session.tsx';
import type { POLICY_NUMBERS } from './forms.ts';
import { checkPolicy, policyValues, toPolicy, type PolicyValues } from './forms.ts';
import { LibraryPicker } from './LibraryPicker.tsx';
import { useSharingScope } from './scope.ts';
import { SharingNav } from './SharingNav.tsx';
import { PatronPageLink } from './patron/PatronPageLink.tsx';
import { canEditPolicy } from './values.ts';
import './sharing.css';

const FORM = 'ill-policy';

/** The library's lending policy (admins change it) and its CONTU counts this year. */
export function PolicyPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const { libraryId, consortium } = useSharingScope();
  const picker = consortium ? (
    <LibraryPicker value={libraryId} onPick={(l) => navigate(`/sharing/policy?libraryId=${l.id}`)} />
  ) : null;
  const policy = useResource(libraryId ? `ill-policy:${libraryId}` : null, (signal) =>
    sharingApi.policy(libraryId!, signal),
  );
  // Kept here: the form starts afresh from each saved version (its key), the message stays.
  const [saved, setSaved] = useState(false);
  if (!libraryId)
    return (
      <Page title={t('ill.policy.title')}>
        <SharingNav />
        {picker}
        <p>{t(consortium ? 'ill.picker.choose' : 'ill.noLibrary')}</p>
      </Page>
    );
  return (
    <Page title={t('ill.policy.title')} lead={t('ill.policy.lead')}>
      <SharingNav />
      {picker}
      {policy.error ? <LoadError error={policy.error} onRetry={policy.reload} /> : null}
      {!policy.data && !policy.error ? <Loading /> : null}
      {saved ? <Alert variant="success" live="status" title={t('ill.policy.saved')} /> : null}
      {policy.data ? (
        <PolicyForm
          key={policy.data.version}
          libraryId={libraryId}
          policy={policy.data}
          editable={canEditPolicy(user)}
          onSaved={(next) => {
            policy.setData(next);
            setSaved(true);
          }}
          onEdit={() => setSaved(false)}
        />
      ) : null}
      <ContuTable libraryId={libraryId} />
      <PatronPageLink libraryId={libraryId} />
    </Page>
  );
}

function PolicyForm({
  libraryId,
  policy,
  editable,
  onSaved,
  onEdit,
}: {
  libraryId: string;
  policy: LendingPolicy;
  editable: boolean;
  onSaved: (p: LendingPolicy) => void;
  onEdit: () => void;
}) {
  const { t } = useI18n();
  const form = useForm<PolicyValues>(() => policyValues(policy));
  const { values, errors, set } = form;
  const libraries = useResource('ill-partners', (signal) =>
    membersApi.directory({ kind: 'library', sort: 'name', page: 1, pageSize: 100 }, signal),
  );
  const labels: Record<string, string> = {
    lending: t('ill.policy.lending'),
    formatsLent: t('ill.policy.formats'),
    nonLendingLocations: t('ill.policy.locations'),
    activeLoanLimit: t('ill.policy.limit'),
    answerBusinessDays: t('ill.policy.answerDays'),
    rushAnswerHours: t('ill.policy.rushHours'),
    loanPeriodDays: t('ill.policy.loanDays'),
    lenderOfLastResort: t('ill.policy.lastResort'),
    preferredPartners: t('ill.policy.partners'),
    goalLoans: t('ill.policy.goalLoans'),
    goalBorrows: t('ill.policy.goalBorrows'),
  };
  const validate = (v: PolicyValues): FieldErrors =>
    Object.fromEntries(checkPolicy(v).map((f) => [f, t('ill.policy.number')]));
  const onSubmit = form.submit(validate, async (v) => {
    onEdit();
    onSaved(await sharingApi.savePolicy(libraryId, toPolicy(v)));
  });
  const number = (name: (typeof POLICY_NUMBERS)[number], hint?: string) => (
    <TextField
      id={fieldId(FORM, name)}
      label={labels[name]}
      hint={hint}
      inputMode="numeric"
      width="short"
      value={values[name]}
      onChange={(v) => set(name, v)}
      error={errors[name]}
      optional={name === 'activeLoanLimit'}
      disabled={!editable}
    />
  );
  const partners = (libraries.data?.items ?? []).filter((l) => l.id !== libraryId);

  return (
    <>
      {!editable ? <Alert variant="info" title={t('ill.policy.adminOnly')} /> : null}
      <ErrorSummary
        formId={FORM}
        errors={errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
      />
      <form id={FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        <CheckboxField
          id={fieldId(FORM, 'lending')}
          label={labels.lending}
          checked={values.lending}
          onChange={(v) => set('lending', v)}
          disabled={!editable}
        />
        <TextAreaField
          id={fieldId(FORM, 'formatsLent')}
          label={labels.formatsLent}
          value={values.formatsLent}
          onChange={(v) => set('formatsLent', v)}
          rows={3}
          optional
          disabled={!editable}
        />
        <TextAreaField
          id={fieldId(FORM, 'nonLendingLocations')}
          label={labels.nonLendingLocations}
          value={values.nonLendingLocations}
          onChange={(v) => set('nonLendingLocations', v)}
          rows={3}
          optional
          disabled={!editable}
        />
        {number('activeLoanLimit')}
        {number('answerBusinessDays')}
        {number('rushAnswerHours')}
        {number('loanPeriodDays')}
        <CheckboxField
          id={fieldId(FORM, 'lenderOfLastResort')}
          label={labels.lenderOfLastResort}
          checked={values.lenderOfLastResort}
          onChange={(v) => set('lenderOfLastResort', v)}
          disabled={!editable}
        />
        {number('goalLoans', t('ill.policy.goalHint'))}
        {number('goalBorrows')}
        {partners.length ? (
          <ChoiceGroup
            id={fieldId(FORM, 'preferredPartners')}
            legend={labels.preferredPartners}
            type="checkbox"
            className="ill-partners"
            value={values.preferredPartners}
            onChange={(v) => editable && set('preferredPartners', v)}
            options={partners.map((l) => ({ value: l.id, label: `${l.name} (${l.symbol})` }))}
          />
        ) : null}
        {editable ? (
          <button type="submit" className="button" disabled={form.submitting}>
            {t('ill.policy.save')}
          </button>
        ) : null}
      </form>
    </>
  );
}

function ContuTable({ libraryId }: { libraryId: string }) {
  const { t, fmt } = useI18n();
  const contu = useResource(`ill-contu:${libraryId}`, (signal) =>
    sharingApi.contu(libraryId, undefined, signal),
  );
  if (!contu.data) return contu.error ? <LoadError error={contu.error} onRetry={contu.reload} /> : null;
  const caption = t('ill.policy.contuCaption', { year: String(contu.data.year) });
  return (
    <section aria-labelledby="ill-contu" className="section">
      <h2 id="ill-contu">{t('ill.policy.contuTitle')}</h2>
      {contu.data.items.length ? (
        <TableWrap label={caption}>
          <table className="table table--compact">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ill.policy.contuJournal')}</th>
                <th scope="col">{t('ill.policy.contuCount')}</th>
              </tr>
            </thead>
            <tbody>
              {contu.data.items.map((item) => (
                <tr key={item.journal}>
                  <th scope="row">{item.journal}</th>
                  <td>
                    {fmt.number(item.count)}
                    {item.warning ? ` · ${t('ill.policy.contuWarn')}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('ill.policy.contuNone')}</p>
      )}
    </section>
  );
}
