import type { I18n } from '../../i18n/context.tsx';
import type { FieldErrors } from '../../ui/useForm.ts';
import { PASSWORD_MIN } from '../../ui/validate.ts';

/** Checks a new password and its confirmation; errors go to the given field names. */
export function checkNewPassword(
  t: I18n['t'],
  password: string,
  confirm: string,
  fields: { password: string; confirm: string },
): FieldErrors {
  const found: FieldErrors = {};
  if (!password) found[fields.password] = t('validation.newPasswordRequired');
  else if (password.length < PASSWORD_MIN)
    found[fields.password] = t('validation.minLength', { min: PASSWORD_MIN });
  else if (password.length > 256) found[fields.password] = t('validation.maxLength', { max: 256 });
  if (password && confirm !== password) found[fields.confirm] = t('validation.passwordsDiffer');
  return found;
}
