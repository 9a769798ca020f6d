import { SHARING_TEXTS_EN, readTexts, type SharingText } from '../../../../shared/contracts/sharing-texts.ts';
import type { MessageKey } from '../../i18n/en.ts';
import type { I18n } from '../../i18n/context.tsx';

type Coded = { code: string; params: Record<string, string | number> };

/** A parameter as the reader's language shows it: timestamps, days and numbers formatted, scores signed. */
function shown(name: string, value: string | number, fmt: I18n['fmt']): string {
  if ((name === 'at' || name === 'since') && typeof value === 'string' && !Number.isNaN(Date.parse(value)))
    return fmt.dateTime(value);
  if (name === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return fmt.date(value);
  if (typeof value === 'number') return `${name === 'score' && value >= 0 ? '+' : ''}${fmt.number(value)}`;
  return value;
}

/**
 * The server's codes (rota reasons, engine notes) in the reader's language. A code this app does not know
 * (a newer server) or a text without codes (a staff note, an old row) shows the server's text as it is.
 */
export function textsLabel(i18n: Pick<I18n, 't' | 'fmt'>, codes: readonly Coded[], fallback: string) {
  if (!codes.length || !codes.every((c) => c.code in SHARING_TEXTS_EN)) return fallback;
  return codes
    .map((c) =>
      i18n.t(
        `ill.text.${c.code}` as MessageKey,
        Object.fromEntries(Object.entries(c.params).map(([k, v]) => [k, shown(k, v, i18n.fmt)])),
      ),
    )
    .join(' · ');
}

/** Rota reasons: the codes beside each English reason when they pair up, else read from the text. */
export function reasonLabels(
  i18n: Pick<I18n, 't' | 'fmt'>,
  reasons: readonly string[],
  codes: readonly Coded[],
): string[] {
  const paired = codes.length === reasons.length;
  return reasons.map((text, i) =>
    textsLabel(i18n, paired ? [codes[i]!] : (readTexts(text) as SharingText[]), text),
  );
}
