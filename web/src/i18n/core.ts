import type { Locale } from '../api/enums.ts';
import { en, type MessageKey, type Messages } from './en.ts';
import { es } from './es.ts';

export const catalogs: Record<Locale, Messages> = { en, es };
export const LOCALE_STORAGE_KEY = 'amigos.locale';

export type Vars = Record<string, string | number>;

/** Intl formats follow US conventions in both languages (US Spanish: 1,234 · 1:00 p.m.). */
export const intlLocale: Record<Locale, string> = { en: 'en-US', es: 'es-US' };

/** Keys written as `<base>_one` / `<base>_other` (and optionally `_many`…) are plural messages. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer Base}_other` ? Base : never;
}[MessageKey];

/** Replaces `{name}` with `vars.name`; numbers are formatted for the locale. Unknown names stay visible. */
export function interpolate(template: string, locale: Locale, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(intlLocale[locale]).format(value) : value;
  });
}

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  return interpolate(catalogs[locale][key] ?? en[key], locale, vars);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

export function translatePlural(locale: Locale, base: PluralBase, count: number, vars?: Vars): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(intlLocale[locale]);
    pluralRules.set(locale, rules);
  }
  const category = rules.select(count);
  const catalog = catalogs[locale] as Record<string, string>;
  const template = catalog[`${base}_${category}`] ?? catalog[`${base}_other`] ?? '';
  return interpolate(template, locale, { count, ...vars });
}

/** The language to start with: remembered choice, else the browser's, else English. */
export function detectLocale(stored: string | null, browserLanguages: readonly string[]): Locale {
  if (stored === 'en' || stored === 'es') return stored;
  for (const language of browserLanguages) {
    const primary = language.toLowerCase().split('-')[0];
    if (primary === 'es') return 'es';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** `{name}` placeholders of a message, sorted (used by the catalogue test). */
export const placeholdersOf = (message: string) =>
  [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
