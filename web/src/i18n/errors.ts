import { ApiError } from '../api/client.ts';
import type { Locale } from '../api/enums.ts';
import type { MessageKey } from './en.ts';
import { translate } from './core.ts';

/** Known error codes → our own localized message. */
const codeKeys: Record<string, MessageKey> = {
  VALIDATION_FAILED: 'error.VALIDATION_FAILED',
  MALFORMED_JSON: 'error.MALFORMED_JSON',
  INVALID_TOKEN: 'error.INVALID_TOKEN',
  AUTH_REQUIRED: 'error.AUTH_REQUIRED',
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
  FORBIDDEN: 'error.FORBIDDEN',
  OTHER_LIBRARY: 'error.OTHER_LIBRARY',
  CSRF_FAILED: 'error.CSRF_FAILED',
  ACCOUNT_DISABLED: 'error.ACCOUNT_DISABLED',
  NOT_FOUND: 'error.NOT_FOUND',
  ROUTE_NOT_FOUND: 'error.ROUTE_NOT_FOUND',
  METHOD_NOT_ALLOWED: 'error.METHOD_NOT_ALLOWED',
  CONFLICT: 'error.CONFLICT',
  VERSION_CONFLICT: 'error.VERSION_CONFLICT',
  EMAIL_TAKEN: 'error.EMAIL_TAKEN',
  BODY_TOO_LARGE: 'error.BODY_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'error.UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'error.RATE_LIMITED',
  INTERNAL: 'error.INTERNAL',
  NOT_READY: 'error.NOT_READY',
  NETWORK: 'error.NETWORK',
};

/**
 * Codes whose server message is specific to the situation (e.g. "Only consortium staff can do this.").
 * The server writes English, so English readers get that specific message and Spanish readers our
 * localized one.
 */
const specificInEnglish = new Set(['FORBIDDEN', 'CONFLICT', 'NOT_FOUND']);

/** Our own text for a code in one context (e.g. CONFLICT when changing a person = "last administrator"). */
export type ErrorOverrides = Partial<Record<string, MessageKey>>;

export function errorMessage(error: unknown, locale: Locale, overrides: ErrorOverrides = {}): string {
  if (!(error instanceof ApiError)) return translate(locale, 'error.unexpected');
  if (locale === 'en' && specificInEnglish.has(error.code) && error.message) return error.message;
  const override = overrides[error.code];
  if (override) return translate(locale, override);
  const key = codeKeys[error.code];
  if (key) return translate(locale, key);
  return error.message || translate(locale, 'error.unexpected');
}

/** The server's field messages (English) that we know, → our localized text. */
const detailKeys: Array<[RegExp, MessageKey]> = [
  [/valid email/i, 'validation.email'],
  [/at least (\d+) characters/i, 'validation.minLength'],
  [/at most (\d+) characters/i, 'validation.maxLength'],
  [/US ZIP code/i, 'validation.zip'],
  [/HH:MM/, 'validation.time'],
  [/close after it opens/i, 'validation.closesAfterOpens'],
  [/end before it starts/i, 'validation.endsAfterStarts'],
  [/is required|required/i, 'validation.required'],
  [/valid (URL|url)|Invalid URL/i, 'validation.url'],
];

export function localizeDetail(message: string, locale: Locale): string {
  for (const [pattern, key] of detailKeys) {
    const match = pattern.exec(message);
    if (match) return translate(locale, key, { min: match[1] ?? '', max: match[1] ?? '' });
  }
  return message;
}

/** `body.streetAddress.postalCode` → `streetAddress.postalCode`. */
export const fieldOfPath = (path: string | undefined) => (path ?? '').replace(/^(body|query|params)\.?/, '');
