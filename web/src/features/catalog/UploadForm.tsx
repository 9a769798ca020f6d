import { useRef, useState } from 'react';
import {
  catalogApi,
  LOAD_FORMAT_LIST,
  LOAD_MODE_LIST,
  type Load,
  type LoadFormat,
  type LoadMode,
} from '../../api/catalog.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FieldError, SelectField, TextField, fieldId } from '../../ui/Field.tsx';
import { useForm, type FieldErrors } from '../../ui/useForm.ts';
import { fileSize } from './loadFormat.ts';

const FORM = 'upload';

type Values = { file: File | null; mode: LoadMode; format: LoadFormat; holdingsTag: string };

type Props = { libraryId: string; onStarted: (load: Load) => void };

/** Choose a MARC file and how to load it; the transfer shows its own progress before the load starts. */
export function UploadForm({ libraryId, onStarted }: Props) {
  const { t, fmt } = useI18n();
  const form = useForm<Values>({ file: null, mode: 'add_update', format: 'auto', holdingsTag: '' });
  const { values, errors } = form;
  const [sent, setSent] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);

  const validate = (v: Values): FieldErrors => {
    const found: FieldErrors = {};
    if (!v.file) found.file = t('catalog.upload.fileMissing');
    else if (v.file.size === 0) found.file = t('catalog.upload.fileEmpty');
    if (v.holdingsTag.trim() && !/^[0-9]{3}$/.test(v.holdingsTag.trim())) {
      found.holdingsTag = t('catalog.upload.tagInvalid');
    }
    return found;
  };

  const onSubmit = form.submit(validate, async (v) => {
    const controller = new AbortController();
    abort.current = controller;
    setSent(0);
    try {
      const load = await catalogApi.upload(
        libraryId,
        { file: v.file!, mode: v.mode, format: v.format, holdingsTag: v.holdingsTag.trim() || undefined },
        setSent,
        controller.signal,
      );
      onStarted(load);
      form.setValues({ ...v, file: null });
      if (fileInput.current) fileInput.current.value = '';
    } finally {
      setSent(null);
      abort.current = null;
    }
  });

  const labels = {
    file: t('catalog.upload.file'),
    mode: t('catalog.upload.mode'),
    format: t('catalog.upload.format'),
    holdingsTag: t('catalog.upload.holdingsTag'),
  };
  const fileId = fieldId(FORM, 'file');
  const cancelled = form.formError instanceof DOMException && form.formError.name === 'AbortError';
  return (
    <section aria-labelledby="upload-title" className="panel upload">
      <h2 id="upload-title">{t('catalog.upload.title')}</h2>
      {cancelled ? (
        <Alert variant="info" live="status" title={t('catalog.upload.cancelled')} />
      ) : (
        <ErrorSummary
          formId={FORM}
          errors={errors}
          formError={form.formError}
          labels={labels}
          attempt={form.attempt}
        />
      )}
      <form id={FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form">
        <div className={`field${errors.file ? ' field--invalid' : ''}`}>
          <label htmlFor={fileId} className="field__label">
            {labels.file}
          </label>
          <p id={`${fileId}-hint`} className="field__hint">
            {t('catalog.upload.fileHint')}
          </p>
          <FieldError id={`${fileId}-error`} message={errors.file} />
          <input
            ref={fileInput}
            id={fileId}
            name="file"
            type="file"
            className="input input--file"
            accept=".mrc,.marc,.dat,.xml,.marcxml,.json,.jsonl,application/marc,application/xml,text/xml,application/json"
            aria-describedby={`${fileId}-hint${errors.file ? ` ${fileId}-error` : ''}`}
            aria-invalid={errors.file ? true : undefined}
            aria-required
            onChange={(e) => form.set('file', e.target.files?.[0] ?? null)}
          />
          {values.file ? (
            <p className="field__hint">
              {t('catalog.upload.chosen', { name: values.file.name, size: fileSize(values.file.size, fmt) })}
            </p>
          ) : null}
        </div>
        <ModeChoice value={values.mode} onChange={(mode) => form.set('mode', mode)} />
        {values.mode === 'replace' ? (
          <Alert variant="warning" title={t('catalog.upload.replaceWarningTitle')}>
            <p>{t('catalog.upload.replaceWarning')}</p>
          </Alert>
        ) : null}
        <SelectField
          id={fieldId(FORM, 'format')}
          label={labels.format}
          hint={t('catalog.upload.formatHint')}
          value={values.format}
          onChange={(v) => form.set('format', v as LoadFormat)}
          options={LOAD_FORMAT_LIST.map((f) => ({ value: f, label: t(`catalog.loadFormat.${f}`) }))}
        />
        <TextField
          id={fieldId(FORM, 'holdingsTag')}
          label={labels.holdingsTag}
          hint={t('catalog.upload.holdingsTagHint')}
          optional
          width="short"
          inputMode="numeric"
          maxLength={3}
          value={values.holdingsTag}
          onChange={(v) => form.set('holdingsTag', v)}
          error={errors.holdingsTag}
        />
        {sent !== null ? (
          <div className="upload__transfer">
            <label htmlFor="upload-transfer" className="field__label">
              {t('catalog.upload.sending')}
            </label>
            <progress id="upload-transfer" max={1} value={sent} />
            <span className="upload__percent">{fmt.number(Math.round(sent * 100))} %</span>
          </div>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {form.submitting ? t('catalog.upload.sendingShort') : t('catalog.upload.submit')}
          </button>
          {form.submitting ? (
            <button type="button" className="button button--secondary" onClick={() => abort.current?.abort()}>
              {t('catalog.upload.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

/** The three modes, each with what it does to the library's records. */
function ModeChoice({ value, onChange }: { value: LoadMode; onChange: (mode: LoadMode) => void }) {
  const { t } = useI18n();
  const id = fieldId(FORM, 'mode');
  return (
    <fieldset id={id} className="field fieldset" tabIndex={-1}>
      <legend className="field__label">{t('catalog.upload.mode')}</legend>
      <div className="choices">
        {LOAD_MODE_LIST.map((mode) => (
          <div key={mode}>
            <div className="choice">
              <input
                id={`${id}-${mode}`}
                name={id}
                type="radio"
                className="choice__input"
                value={mode}
                checked={value === mode}
                onChange={() => onChange(mode)}
                aria-describedby={`${id}-${mode}-hint`}
              />
              <label htmlFor={`${id}-${mode}`} className="choice__label">
                {t(`catalog.loadMode.${mode}`)}
              </label>
            </div>
            <p id={`${id}-${mode}-hint`} className="field__hint field__hint--choice">
              {t(`catalog.loadMode.${mode}.hint`)}
            </p>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
