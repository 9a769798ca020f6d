import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context.tsx';

/** Ids for a form's fields: `profile` + `streetAddress.city` → `profile-streetAddress-city`. */
export const fieldId = (formId: string, field: string) =>
  `${formId}-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || undefined;

type ShellProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  children: ReactNode;
  className?: string;
};

export function FieldError({ id, message }: { id: string; message?: string }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <p id={id} className="field__error">
      <span className="field__error-icon" aria-hidden="true">
        !
      </span>
      <span className="visually-hidden">{t('alert.error')}: </span>
      {message}
    </p>
  );
}

function FieldShell({ id, label, hint, error, optional, children, className }: ShellProps) {
  const { t } = useI18n();
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {optional ? <span className="field__optional"> {t('form.optional')}</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      {children}
    </div>
  );
}

type Common = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  className?: string;
  disabled?: boolean;
};

const aria = (id: string, hint: unknown, error: string | undefined, optional?: boolean) => ({
  'aria-describedby': describedBy(Boolean(hint) && `${id}-hint`, Boolean(error) && `${id}-error`),
  'aria-invalid': error ? true : undefined,
  'aria-required': optional ? undefined : true,
});

type TextFieldProps = Common & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'search' | 'date' | 'time';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'url';
  width?: 'short' | 'medium' | 'long';
  spellCheck?: boolean;
  maxLength?: number;
};

export function TextField(props: TextFieldProps) {
  const { id, value, onChange, type = 'text', autoComplete, inputMode, width = 'long', error, hint } = props;
  return (
    <FieldShell {...props}>
      <input
        id={id}
        name={id}
        className={`input input--${width}`}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={props.spellCheck}
        maxLength={props.maxLength}
        disabled={props.disabled}
        {...aria(id, hint, error, props.optional)}
      />
    </FieldShell>
  );
}

type TextAreaProps = Common & {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  lang?: string;
};

export function TextAreaField(props: TextAreaProps) {
  const { id, value, onChange, rows = 5, error, hint } = props;
  return (
    <FieldShell {...props}>
      <textarea
        id={id}
        name={id}
        className="input textarea"
        rows={rows}
        value={value}
        lang={props.lang}
        onChange={(e) => onChange(e.target.value)}
        disabled={props.disabled}
        {...aria(id, hint, error, props.optional)}
      />
    </FieldShell>
  );
}

export type Option = { value: string; label: string };

type SelectProps = Common & { value: string; onChange: (value: string) => void; options: Option[] };

export function SelectField(props: SelectProps) {
  const { id, value, onChange, options, error, hint } = props;
  return (
    <FieldShell {...props}>
      <select
        id={id}
        name={id}
        className="input select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={props.disabled}
        {...aria(id, hint, error, true)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

type CheckboxProps = Omit<Common, 'optional'> & { checked: boolean; onChange: (checked: boolean) => void };

export function CheckboxField({ id, label, hint, error, checked, onChange, disabled }: CheckboxProps) {
  return (
    <div className={`field field--checkbox${error ? ' field--invalid' : ''}`}>
      <FieldError id={`${id}-error`} message={error} />
      <div className="choice">
        <input
          id={id}
          name={id}
          type="checkbox"
          className="choice__input"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={describedBy(Boolean(hint) && `${id}-hint`, Boolean(error) && `${id}-error`)}
        />
        <label htmlFor={id} className="choice__label">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint field__hint--choice">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type ChoiceGroupProps = {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: Option[];
  className?: string;
} & (
  | { type: 'radio'; value: string; onChange: (value: string) => void }
  | { type: 'checkbox'; value: string[]; onChange: (value: string[]) => void }
);

/** Radio buttons or checkboxes in a fieldset; the legend names the group. */
export function ChoiceGroup(props: ChoiceGroupProps) {
  const { id, legend, hint, error, options } = props;
  const isChecked = (v: string) => (props.type === 'radio' ? props.value === v : props.value.includes(v));
  const toggle = (v: string, checked: boolean) => {
    if (props.type === 'radio') props.onChange(v);
    else props.onChange(checked ? [...props.value, v] : props.value.filter((x) => x !== v));
  };
  return (
    <fieldset
      id={id}
      className={`field fieldset${error ? ' field--invalid' : ''}${props.className ? ` ${props.className}` : ''}`}
      aria-describedby={describedBy(Boolean(hint) && `${id}-hint`, Boolean(error) && `${id}-error`)}
      tabIndex={-1}
    >
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      <div className="choices">
        {options.map((o) => (
          <div className="choice" key={o.value}>
            <input
              id={`${id}-${o.value}`}
              name={id}
              type={props.type}
              className="choice__input"
              value={o.value}
              checked={isChecked(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <label htmlFor={`${id}-${o.value}`} className="choice__label">
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
