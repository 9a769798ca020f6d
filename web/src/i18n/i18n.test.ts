import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { es } from './es.ts';
import { detectLocale, interpolate, placeholdersOf, translatePlural } from './core.ts';

const catalogs = { en, es } as Record<string, Record<string, string>>;

describe('message catalogues', () => {
  it('English and Spanish have exactly the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('no message is empty', () => {
    for (const [locale, catalog] of Object.entries(catalogs)) {
      const empty = Object.entries(catalog).filter(([, text]) => !text.trim());
      expect(empty.map(([key]) => `${locale}:${key}`)).toEqual([]);
    }
  });

  it('each pair uses the same {placeholders}', () => {
    const mismatched = Object.keys(en).filter(
      (key) =>
        placeholdersOf(en[key as keyof typeof en]).join() !==
        placeholdersOf(es[key as keyof typeof es]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('every plural has an `_other` form and plural messages use {count}', () => {
    for (const catalog of Object.values(catalogs)) {
      for (const key of Object.keys(catalog).filter((k) => /_(zero|one|two|few|many)$/.test(k))) {
        expect(catalog[key.replace(/_[a-z]+$/, '_other')], key).toBeDefined();
      }
      for (const key of Object.keys(catalog).filter((k) => k.endsWith('_other'))) {
        expect(placeholdersOf(catalog[key]!), key).toContain('count');
      }
    }
  });

  it('Spanish is not English left untranslated (apart from names and codes)', () => {
    const same = Object.keys(en).filter((key) => {
      const text = en[key as keyof typeof en];
      return text === es[key as keyof typeof es] && /[a-z]{4,}/.test(text.replace(/\{\w+\}/g, ''));
    });
    // Names that are the same in both languages.
    const allowed = ['site.name', 'alert.error', 'usState.TX', 'usState.OK', 'usState.AR'];
    expect(same.filter((key) => !allowed.includes(key))).toEqual([]);
  });
});

describe('interpolation and plurals', () => {
  it('replaces placeholders and formats numbers for the locale', () => {
    expect(interpolate('{n} of {name}', 'en', { n: 1234, name: 'Ana' })).toBe('1,234 of Ana');
    expect(interpolate('Hola {name}', 'es', {})).toBe('Hola {name}');
  });

  it('chooses the plural form with Intl.PluralRules', () => {
    expect(translatePlural('en', 'directory.count', 1)).toBe('1 library found.');
    expect(translatePlural('en', 'directory.count', 2)).toBe('2 libraries found.');
    expect(translatePlural('es', 'directory.count', 1)).toBe('Se encontró 1 biblioteca.');
    // Spanish "many" (1,000,000) falls back to the "other" form.
    expect(translatePlural('es', 'directory.count', 1_000_000)).toMatch(/^Se encontraron/);
  });

  it('follows the remembered choice, then the browser', () => {
    expect(detectLocale('es', ['en-US'])).toBe('es');
    expect(detectLocale(null, ['es-MX', 'en'])).toBe('es');
    expect(detectLocale(null, ['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLocale(null, ['de'])).toBe('en');
  });
});
