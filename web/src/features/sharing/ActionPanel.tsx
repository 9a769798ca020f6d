import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { sharingApi, type RequestDetail, type StaffAction } from '../../api/sharing.ts';
import { useI18n } from '../../i18n/context.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { ChoiceGroup, SelectField, TextAreaField, TextField, fieldId } from '../../ui/Field.tsx';
import { useForm, type FieldErrors } from '../../ui/useForm.ts';
import {
  ACTION_FIELDS,
  CAREFUL_ACTIONS,
  checkAction,
  emptyAction,
  needsForm,
  toActionInput,
  type ActionValues,
} from './forms.ts';
import { actionLabel, conditionLabel, reasonLabel, shippingLabel } from './labels.ts';
import { LOAN_CONDITION_LIST, RETRY_REASONS, SHIPPING_METHOD_LIST, UNFILLED_REASONS } from './values.ts';

type Props = {
  request: RequestDetail;
  /** The server's answer after an action: the request as it is now. */
  onDone: (next: RequestDetail, action: StaffAction) => void;
  onError: (error: unknown) => void;
  busy: boolean;
  setBusy: (busy: boolean) => void;
};

/**
 * The actions valid now, exactly as the server lists them. Actions needing input (due date, reason, conditions,
 * shipping, a file) or ending something open a small form; the others act at once.
 */
export function ActionPanel({ request, onDone, onError, busy, setBusy }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState<StaffAction | null>(null);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  const close = (action: StaffAction) => {
    setOpen(null);
    buttons.current[action]?.focus();
  };
  const runNow = async (action: StaffAction) => {
    setBusy(true);
    try {
      onDone(await sharingApi.act(request.id, { action, version: request.version }), action);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ill-actions">
      <ul className="ill-actions__list">
        {request.actions.map((action) => (
          <li key={action}>
            <button
              type="button"
              ref={(el) => {
                buttons.current[action] = el;
              }}
              className={CAREFUL_ACTIONS.has(action) ? 'button button--secondary' : 'button'}
              disabled={busy}
              aria-expanded={needsForm(action) ? open === action : undefined}
              aria-controls={needsForm(action) ? `action-${action}` : undefined}
              onClick={() => {
                // The pull slip page prints and records the print (one or many requests at once).
                if (action === 'print_pull_slip') navigate(`/sharing/slips?ids=${request.id}`);
                else if (needsForm(action)) setOpen(open === action ? null : action);
                else void runNow(action);
              }}
            >
              {actionLabel(t, action)}
            </button>
          </li>
        ))}
      </ul>
      {open ? (
        <ActionForm
          key={open}
          action={open}
          request={request}
          onClose={() => close(open)}
          onDone={(next) => {
            setOpen(null);
            onDone(next, open);
          }}
          onError={onError}
        />
      ) : null}
    </div>
  );
}

function ActionForm({
  action,
  request,
  onClose,
  onDone,
  onError,
}: {
  action: StaffAction;
  request: RequestDetail;
  onClose: () => void;
  onDone: (next: RequestDetail) => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const form = useForm<ActionValues>(() => emptyAction(action));
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const { values, errors, set } = form;
  const fields = ACTION_FIELDS[action] ?? [];
  const id = `action-${action}`;
  const labels: Record<string, string> = {
    dueDate: t('ill.form.dueDate'),
    reasonCode: t('ill.form.reasonCode'),
    conditions: t('ill.form.conditions'),
    cost: t('ill.form.cost'),
    shippingMethod: t('ill.form.shippingMethod'),
    trackingId: t('ill.form.tracking'),
    file: t('ill.form.file'),
    note: t('ill.form.note'),
  };
  const validate = (v: ActionValues): FieldErrors => {
    const found: FieldErrors = {};
    const problems = checkAction(action, v);
    if (problems.reasonCode) found.reasonCode = t('ill.form.reasonRequired');
    if (problems.cost) found.cost = t('ill.form.costInvalid');
    if (fields.includes('file') && !file) found.file = t('ill.form.fileRequired');
    setFileError(found.file);
    return found;
  };
  const onSubmit = form.submit(validate, async (v) => {
    try {
      const next =
        action === 'send_copy' && file
          ? await sharingApi.sendCopy(request.id, file, request.version)
          : await sharingApi.act(request.id, toActionInput(action, request.version, v));
      onDone(next);
    } catch (error) {
      // Conflicts and invalid actions are the page's to show (with a reload); field errors stay here.
      const code = (error as { code?: string }).code;
      if (code === 'VERSION_CONFLICT' || code === 'INVALID_ACTION') onError(error);
      throw error;
    }
  });
  const reasons = action === 'retry_possible' ? RETRY_REASONS : UNFILLED_REASONS;

  return (
    <section id={id} aria-labelledby={`${id}-title`} className="card ill-action-form">
      <h3 id={`${id}-title`}>{actionLabel(t, action)}</h3>
      <ErrorSummary
        formId={id}
        errors={errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
      />
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        {fields.includes('dueDate') ? (
          <TextField
            id={fieldId(id, 'dueDate')}
            label={labels.dueDate}
            hint={t('ill.form.dueDateHint')}
            type="date"
            width="medium"
            value={values.dueDate}
            onChange={(v) => set('dueDate', v)}
            error={errors.dueDate}
            optional
          />
        ) : null}
        {fields.includes('reasonCode') ? (
          <SelectField
            id={fieldId(id, 'reasonCode')}
            label={labels.reasonCode}
            value={values.reasonCode}
            onChange={(v) => set('reasonCode', v)}
            error={errors.reasonCode}
            options={[
              { value: '', label: '' },
              ...reasons.map((r) => ({ value: r, label: reasonLabel(t, r) })),
            ]}
          />
        ) : null}
        {fields.includes('conditions') ? (
          <ChoiceGroup
            id={fieldId(id, 'conditions')}
            legend={labels.conditions}
            type="checkbox"
            value={values.conditions}
            onChange={(v) => set('conditions', v)}
            options={LOAN_CONDITION_LIST.map((c) => ({ value: c, label: conditionLabel(t, c) }))}
          />
        ) : null}
        {fields.includes('cost') ? (
          <TextField
            id={fieldId(id, 'cost')}
            label={labels.cost}
            inputMode="text"
            width="short"
            value={values.cost}
            onChange={(v) => set('cost', v)}
            error={errors.cost}
            optional
          />
        ) : null}
        {fields.includes('shipping') ? (
          <>
            <SelectField
              id={fieldId(id, 'shippingMethod')}
              label={labels.shippingMethod}
              value={values.shippingMethod}
              onChange={(v) => set('shippingMethod', v)}
              options={SHIPPING_METHOD_LIST.filter((m) => m === 'courier' || m === 'mail').map((m) => ({
                value: m,
                label: shippingLabel(t, m),
              }))}
            />
            <TextField
              id={fieldId(id, 'trackingId')}
              label={labels.trackingId}
              width="medium"
              value={values.trackingId}
              onChange={(v) => set('trackingId', v)}
              error={errors.trackingId}
              optional
            />
          </>
        ) : null}
        {fields.includes('file') ? (
          <div className={`field${fileError ? ' field--invalid' : ''}`}>
            <label htmlFor={fieldId(id, 'file')} className="field__label">
              {labels.file}
            </label>
            {fileError ? (
              <p id={`${fieldId(id, 'file')}-error`} className="field__error">
                {fileError}
              </p>
            ) : null}
            <input
              id={fieldId(id, 'file')}
              type="file"
              accept="application/pdf"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? `${fieldId(id, 'file')}-error` : undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
        ) : null}
        {action !== 'send_copy' ? (
          <TextAreaField
            id={fieldId(id, 'note')}
            label={labels.note}
            value={values.note}
            onChange={(v) => set('note', v)}
            rows={2}
            optional
          />
        ) : null}
        <div className="actions-row">
          <button type="submit" className="button" disabled={form.submitting}>
            {actionLabel(t, action)}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('ill.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
