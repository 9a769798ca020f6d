import { membersApi } from '../../api/members.ts';
import { useI18n } from '../../i18n/context.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField, fieldId } from '../../ui/Field.tsx';
import { useForm, type FieldErrors } from '../../ui/useForm.ts';

const FORM = 'closure';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const empty = { startsOn: '', endsOn: '', reason: '' };

export function AddClosureForm({ libraryId, onAdded }: { libraryId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const form = useForm(empty);
  const { values, errors, set } = form;

  const validate = (v: typeof values): FieldErrors => {
    const found: FieldErrors = {};
    if (!DATE.test(v.startsOn)) found.startsOn = t('validation.date');
    if (v.endsOn && !DATE.test(v.endsOn)) found.endsOn = t('validation.date');
    else if (v.endsOn && DATE.test(v.startsOn) && v.endsOn < v.startsOn)
      found.endsOn = t('validation.endsAfterStarts');
    if (!v.reason.trim()) found.reason = t('validation.reasonRequired');
    else if (v.reason.trim().length > 200) found.reason = t('validation.maxLength', { max: 200 });
    return found;
  };
  const onSubmit = form.submit(validate, async (v) => {
    await membersApi.addClosure(libraryId, {
      startsOn: v.startsOn,
      endsOn: v.endsOn || v.startsOn,
      reason: v.reason.trim(),
    });
    form.setValues(empty);
    onAdded();
  });

  const labels = {
    startsOn: t('closures.startsOn'),
    endsOn: t('closures.endsOn'),
    reason: t('field.reason'),
  };
  return (
    <section aria-labelledby="closure-add-title" className="section">
      <h2 id="closure-add-title">{t('closures.addTitle')}</h2>
      <ErrorSummary
        formId={FORM}
        errors={errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
      />
      <form id={FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        <div className="field-row">
          <TextField
            id={fieldId(FORM, 'startsOn')}
            label={labels.startsOn}
            type="date"
            width="medium"
            value={values.startsOn}
            onChange={(v) => set('startsOn', v)}
            error={errors.startsOn}
          />
          <TextField
            id={fieldId(FORM, 'endsOn')}
            label={labels.endsOn}
            hint={t('closures.endsOnHint')}
            optional
            type="date"
            width="medium"
            value={values.endsOn}
            onChange={(v) => set('endsOn', v)}
            error={errors.endsOn}
          />
        </div>
        <TextField
          id={fieldId(FORM, 'reason')}
          label={labels.reason}
          hint={t('closures.reasonHint')}
          maxLength={200}
          value={values.reason}
          onChange={(v) => set('reason', v)}
          error={errors.reason}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {form.submitting ? t('common.saving') : t('closures.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
