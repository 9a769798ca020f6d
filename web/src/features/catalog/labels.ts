import type { Locale } from '../../api/enums.ts';
import { intlLocale, translate } from '../../i18n/core.ts';
import type { MessageKey } from '../../i18n/en.ts';

/**
 * Readable names for the catalog's codes. Formats are the dedup engine's kinds (leader/06–07 with the
 * carrier): a base kind, "e" + kind when online, kind + "-microform".
 */
const FORMAT_KEYS: Record<string, MessageKey> = {
  book: 'catalog.format.book',
  ebook: 'catalog.format.ebook',
  article: 'catalog.format.article',
  serial: 'catalog.format.serial',
  eserial: 'catalog.format.eserial',
  score: 'catalog.format.score',
  map: 'catalog.format.map',
  video: 'catalog.format.video',
  image: 'catalog.format.image',
  music: 'catalog.format.music',
  audio: 'catalog.format.audio',
  software: 'catalog.format.software',
  kit: 'catalog.format.kit',
  mixed: 'catalog.format.mixed',
  object: 'catalog.format.object',
};

export function formatLabel(code: string, locale: Locale): string {
  const direct = FORMAT_KEYS[code];
  if (direct) return translate(locale, direct);
  const microform = /^(.+)-microform$/.exec(code);
  if (microform && FORMAT_KEYS[microform[1]!]) {
    return translate(locale, 'catalog.format.microformOf', { base: formatLabel(microform[1]!, locale) });
  }
  if (code.startsWith('e') && FORMAT_KEYS[code.slice(1)]) {
    return translate(locale, 'catalog.format.onlineOf', { base: formatLabel(code.slice(1), locale) });
  }
  return code;
}

/** MARC codes that are not languages, or that Intl does not name. */
const SPECIAL_LANGUAGES: Record<string, MessageKey> = {
  und: 'catalog.language.und',
  zxx: 'catalog.language.zxx',
  mul: 'catalog.language.mul',
};

const displayNames = new Map<Locale, Intl.DisplayNames | null>();

/**
 * A MARC language code (mostly ISO 639-2/B: eng, spa, fre, ger, chi) as a name in the reader's language.
 * Intl knows the bibliographic codes as aliases; an unknown code is shown as it is.
 */
export function languageName(code: string, locale: Locale): string {
  const special = SPECIAL_LANGUAGES[code];
  if (special) return translate(locale, special);
  if (!displayNames.has(locale)) {
    try {
      displayNames.set(
        locale,
        new Intl.DisplayNames([intlLocale[locale]], { type: 'language', fallback: 'none' }),
      );
    } catch {
      displayNames.set(locale, null);
    }
  }
  // Older records pack several codes into one 041 subfield ("chieng"): name each.
  if (/^([a-z]{3}){2,}$/.test(code)) {
    return (code.match(/[a-z]{3}/g) ?? []).map((c) => languageName(c, locale)).join(', ');
  }
  const names = displayNames.get(locale);
  if (!names || !/^[a-z]{2,3}$/.test(code)) return code;
  try {
    const name = names.of(code);
    if (!name || name === code) return code;
    return name.charAt(0).toLocaleUpperCase(intlLocale[locale]) + name.slice(1);
  } catch {
    return code;
  }
}

/** A facet value's label: formats and languages in the reader's language, the server's label otherwise. */
export function facetLabel(name: string, value: string, serverLabel: string, locale: Locale): string {
  if (name === 'format') return formatLabel(value, locale);
  if (name === 'language') return languageName(value, locale);
  return serverLabel || value;
}
