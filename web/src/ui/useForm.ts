import { useCallback, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/context.tsx';
import { fieldOfPath, localizeDetail } from '../i18n/errors.ts';

export type FieldErrors = Record<string, string>;

/**
 * The state of one form: values, per-field errors (ours or the server's `details`), the error of the
 * last submit, and an `attempt` counter that tells the error summary to take focus again.
 */
export function useForm<V extends object>(initial: V | (() => V)) {
  const { locale } = useI18n();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const set = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
  }, []);

  const fail = useCallback((fieldErrors: FieldErrors, error: unknown) => {
    setErrors(fieldErrors);
    setFormError(error);
    setAttempt((a) => a + 1);
  }, []);

  const clear = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);

  /** Builds an onSubmit handler: validate locally first, then call the API; map its errors to fields. */
  const submit =
    (
      validate: (values: V) => FieldErrors,
      action: (values: V) => Promise<void>,
      /** Extra field errors for an API error without details (e.g. a wrong current password). */
      fieldErrorsFor?: (error: ApiError) => FieldErrors,
    ) =>
    async (event?: FormEvent) => {
      event?.preventDefault();
      if (submitting) return;
      const found = validate(values);
      if (Object.keys(found).length) {
        fail(found, null);
        return;
      }
      setSubmitting(true);
      clear();
      try {
        await action(values);
      } catch (error) {
        const fieldErrors: FieldErrors = {};
        if (error instanceof ApiError) {
          for (const detail of error.details) {
            const field = fieldOfPath(detail.path);
            if (field && !fieldErrors[field]) fieldErrors[field] = localizeDetail(detail.message, locale);
          }
          Object.assign(fieldErrors, fieldErrorsFor?.(error));
        }
        fail(fieldErrors, error);
      } finally {
        setSubmitting(false);
      }
    };

  return { values, setValues, set, errors, setErrors, formError, submitting, attempt, submit, clear, fail };
}

export type Form<V extends object> = ReturnType<typeof useForm<V>>;
