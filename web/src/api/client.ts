/**
 * The one way the web app talks to the API (/api/v1, same origin, cookie session). Every non-GET request
 * carries the CSRF token from the session; errors become `ApiError` with the server's stable code.
 */
export type ErrorDetail = { path?: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    details: ErrorDetail[] = [],
    requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export type Query = Record<string, string | number | boolean | null | undefined>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Options = { query?: Query; body?: unknown; signal?: AbortSignal };

const BASE = '/api/v1';

let csrfToken: string | null = null;
let authRequiredListener: (() => void) | null = null;

/** Set from GET /auth/session, and again after sign-in, sign-out and accepting an invitation. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** For requests that cannot go through `send` (file uploads with progress, which need XMLHttpRequest). */
export const currentCsrfToken = () => csrfToken;

/** Called when the server says the session is gone (401 AUTH_REQUIRED), so the app can ask to sign in. */
export function onAuthRequired(listener: (() => void) | null) {
  authRequiredListener = listener;
}

export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function toError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: ErrorDetail[]; requestId?: string };
    };
    if (body.error?.code) {
      return new ApiError(
        response.status,
        body.error.code,
        body.error.message ?? response.statusText,
        body.error.details ?? [],
        body.error.requestId,
      );
    }
  } catch {
    // not JSON: fall through
  }
  return new ApiError(
    response.status,
    response.status >= 500 ? 'INTERNAL' : `HTTP_${response.status}`,
    response.statusText,
  );
}

async function send<T>(method: Method, path: string, options: Options, retried = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}${buildQuery(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached.');
  }
  if (response.ok) {
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const error = await toError(response);
  if (error.code === 'CSRF_FAILED' && !retried && method !== 'GET') {
    // The token may be stale (e.g. signed in from another tab): fetch a fresh one and try once more.
    const session = await send<{ csrfToken: string | null }>('GET', '/auth/session', {});
    setCsrfToken(session.csrfToken);
    return send<T>(method, path, options, true);
  }
  if (error.code === 'AUTH_REQUIRED') authRequiredListener?.();
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => send<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => send<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, { body }),
  delete: <T>(path: string) => send<T>('DELETE', path, {}),
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** The API error code of a failure, if it is one. */
export const errorCode = (error: unknown): string | undefined =>
  error instanceof ApiError ? error.code : undefined;
