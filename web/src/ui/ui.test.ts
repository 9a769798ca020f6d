import { describe, expect, it } from 'vitest';
import { ApiError, buildQuery } from '../api/client.ts';
import { errorMessage, fieldOfPath, localizeDetail } from '../i18n/errors.ts';
import { safeNext } from '../features/accounts/RequireAuth.tsx';
import { pageWindow } from './Pagination.tsx';
import { parseWholeNumber } from './validate.ts';

describe('pagination', () => {
  it('shows the first, the last and two either side of the current page', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 10)).toEqual([1, 2, 3, 'gap', 10]);
    expect(pageWindow(6, 12)).toEqual([1, 'gap', 4, 5, 6, 7, 8, 'gap', 12]);
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 10]);
  });
});

describe('API errors', () => {
  const error = (code: string, message = 'Server text.') => new ApiError(400, code, message);

  it('shows our localized text for known codes', () => {
    expect(errorMessage(error('RATE_LIMITED'), 'es')).toBe(
      'Demasiados intentos. Espere unos minutos e inténtelo de nuevo.',
    );
    expect(errorMessage(error('VERSION_CONFLICT'), 'en')).toBe('Someone else changed this in the meantime.');
  });

  it('keeps the specific server message for FORBIDDEN in English, not in Spanish', () => {
    expect(errorMessage(error('FORBIDDEN', 'Only consortium staff can do this.'), 'en')).toBe(
      'Only consortium staff can do this.',
    );
    expect(errorMessage(error('FORBIDDEN', 'Only consortium staff can do this.'), 'es')).toBe(
      'No tiene permiso para hacer esto.',
    );
  });

  it('falls back to the server message for unknown codes', () => {
    expect(errorMessage(error('SOMETHING_NEW', 'A new thing.'), 'es')).toBe('A new thing.');
  });

  it('maps field paths and known field messages', () => {
    expect(fieldOfPath('body.streetAddress.postalCode')).toBe('streetAddress.postalCode');
    expect(localizeDetail('must be a US ZIP code', 'es')).toMatch(/código postal/);
    expect(localizeDetail('must be at least 12 characters', 'en')).toBe('Must be at least 12 characters');
    expect(localizeDetail('something else', 'es')).toBe('something else');
  });
});

describe('small helpers', () => {
  it('builds query strings without empty values', () => {
    expect(buildQuery({ q: 'peña', type: '', page: 2, state: undefined })).toBe('?q=pe%C3%B1a&page=2');
    expect(buildQuery({})).toBe('');
  });

  it('only returns to paths on this site after signing in', () => {
    expect(safeNext('/members/staff?q=x')).toBe('/members/staff?q=x');
    expect(safeNext('//evil.example')).toBe('/dashboard');
    expect(safeNext('https://evil.example')).toBe('/dashboard');
    expect(safeNext(null)).toBe('/dashboard');
  });

  it('reads whole numbers', () => {
    expect(parseWholeNumber('')).toBeNull();
    expect(parseWholeNumber('1,234')).toBe(1234);
    expect(parseWholeNumber('12.5')).toBeNaN();
  });
});
