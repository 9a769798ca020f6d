import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { errorMessage, type ErrorOverrides } from '../i18n/errors.ts';
import { fieldId } from './Field.tsx';
import type { FieldErrors } from './useForm.ts';

type Props = {
  formId: string;
  errors: FieldErrors;
  formError?: unknown;
  /** Field name → its label, in the order the fields appear. */
  labels: Record<string, string>;
  /** Changes on every failed submit, so the summary takes focus again. */
  attempt: number;
  overrides?: ErrorOverrides;
  children?: ReactNode;
};

/**
 * The list of problems shown above a form after a failed submit. It receives focus, and each entry links
 * to its field.
 */
export function ErrorSummary({ formId, errors, formError, labels, attempt, overrides, children }: Props) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const fields = Object.keys(errors);
  const visible = fields.length > 0 || Boolean(formError);

  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);

  if (!visible) return null;
  const known = Object.keys(labels);
  const ordered = [...fields].sort((a, b) => rank(known, a) - rank(known, b));
  const general = formError ? errorMessage(formError, locale, overrides) : null;
  const showGeneral =
    general && !(fields.length > 0 && isValidation(formError)) && !Object.values(errors).includes(general);
  const headingId = `${formId}-error-summary-title`;

  return (
    <div ref={ref} className="error-summary" tabIndex={-1} aria-labelledby={headingId} role="group">
      <h2 id={headingId} className="error-summary__title">
        <span className="error-summary__icon" aria-hidden="true">
          !
        </span>
        {t('form.errorSummaryTitle')}
      </h2>
      {showGeneral ? <p>{general}</p> : null}
      {ordered.length ? (
        <ul className="error-summary__list">
          {ordered.map((field) => {
            const label = labels[field];
            const text = label ? `${label}: ${errors[field]}` : errors[field];
            return (
              <li key={field}>
                {label ? (
                  <a
                    href={`#${fieldId(formId, field)}`}
                    onClick={(e) => {
                      const target = document.getElementById(fieldId(formId, field));
                      if (!target) return;
                      e.preventDefault();
                      target.focus();
                      target.scrollIntoView({ block: 'center' });
                    }}
                  >
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {children}
    </div>
  );
}

const rank = (known: string[], field: string) => {
  const index = known.indexOf(field);
  return index === -1 ? known.length : index;
};

const isValidation = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'VALIDATION_FAILED';
