/**
 * The one catalogue of errors the API can return. Codes are stable (clients and tests match on them);
 * the HTTP status is decided here and nowhere else.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  QUERY_SYNTAX: {
    status: 400,
    message: 'The search could not be understood. Check quotes, parentheses and AND / OR / NOT.',
  },
  INVALID_TOKEN: { status: 400, message: 'This link is invalid or has expired.' },
  AUTH_REQUIRED: { status: 401, message: 'Please sign in to continue.' },
  INVALID_CREDENTIALS: { status: 401, message: 'The email or password is not correct.' },
  FORBIDDEN: { status: 403, message: 'You do not have permission to do this.' },
  OTHER_LIBRARY: { status: 403, message: 'This belongs to another library; only its own staff can do this.' },
  CSRF_FAILED: {
    status: 403,
    message: 'The security token for this form is missing or out of date. Reload the page and try again.',
  },
  ACCOUNT_DISABLED: { status: 403, message: 'This account is disabled. Contact your library administrator.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'There is no such API endpoint.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This method is not allowed here.' },
  CONFLICT: { status: 409, message: 'This conflicts with the current state.' },
  VERSION_CONFLICT: {
    status: 409,
    message: 'Someone else changed this in the meantime. Reload to see their changes, then try again.',
  },
  INVALID_ACTION: { status: 409, message: 'This action is not possible in the current state.' },
  REGISTRATION_CLOSED: { status: 409, message: 'Registration for this event is not open.' },
  ALREADY_REGISTERED: { status: 409, message: 'This person is already registered or on the waitlist.' },
  SEAT_CAP_REACHED: {
    status: 409,
    message: 'Your library has used all the seats it may take at this event.',
  },
  CAPACITY_BELOW_REGISTRATIONS: {
    status: 409,
    message: 'The capacity cannot be lower than the number of seats already taken.',
  },
  EMAIL_TAKEN: { status: 409, message: 'An account with this email address already exists.' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not supported.' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts. Please wait a few minutes and try again.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side. It has been logged.' },
  NOT_READY: { status: 503, message: 'The service is starting or its database is unavailable.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export type ErrorDetail = { path?: string; message: string };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? errorCatalogue[code].message);
    this.status = errorCatalogue[code].status;
  }
}

/** The single shape of every error body the API sends. */
export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[]; requestId: string };
};

export const notFound = (what = 'This item') => new AppError('NOT_FOUND', `${what} was not found.`);
