import { useState } from 'react';
import { sharingApi, type RequestDetail } from '../../api/sharing.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextAreaField, fieldId } from '../../ui/Field.tsx';
import { useForm, type FieldErrors } from '../../ui/useForm.ts';

/** Notes between the borrowing and the lending library. */
export function NotesBlock({
  request,
  onAdded,
  canWrite,
}: {
  request: RequestDetail;
  onAdded: (next: RequestDetail) => void;
  canWrite: boolean;
}) {
  const { t, fmt } = useI18n();
  const form = useForm({ text: '' });
  const [added, setAdded] = useState(false);
  const id = 'ill-note';
  const validate = (v: { text: string }): FieldErrors =>
    v.text.trim() ? {} : { text: t('validation.required') };
  const onSubmit = form.submit(validate, async (v) => {
    const next = await sharingApi.note(request.id, v.text.trim());
    form.setValues({ text: '' });
    setAdded(true);
    onAdded(next);
  });
  return (
    <section aria-labelledby="ill-notes" className="section">
      <h2 id="ill-notes">{t('ill.notes.title')}</h2>
      {request.notes.length ? (
        <ol className="ill-notes">
          {request.notes.map((n) => (
            <li key={n.id} className="card">
              <p className="muted">
                {n.author} · {n.library} · {fmt.dateTime(n.at)}
              </p>
              <p className="details">{n.text}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('ill.notes.none')}</p>
      )}
      {canWrite ? (
        <>
          {added ? <Alert variant="success" live="status" title={t('ill.notes.added')} /> : null}
          <ErrorSummary
            formId={id}
            errors={form.errors}
            formError={form.formError}
            labels={{ text: t('ill.notes.add') }}
            attempt={form.attempt}
          />
          <form noValidate onSubmit={(e) => void onSubmit(e)} className="form">
            <TextAreaField
              id={fieldId(id, 'text')}
              label={t('ill.notes.add')}
              value={form.values.text}
              onChange={(v) => {
                setAdded(false);
                form.set('text', v);
              }}
              error={form.errors.text}
              rows={3}
            />
            <button type="submit" className="button button--secondary" disabled={form.submitting}>
              {t('ill.notes.send')}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
