import type { I18n } from '../../i18n/context.tsx';
import type { FieldErrors } from '../../ui/useForm.ts';

export type PeriodValue = { weekday: number; opensAt: string; closesAt: string };

const TIME = /^\d{2}:\d{2}$/;

/** Times present and well-formed, closing after opening, and no two periods of a day overlapping. */
export function validateHours(t: I18n['t'], periods: PeriodValue[]): FieldErrors {
  const found: FieldErrors = {};
  periods.forEach((p, i) => {
    if (!TIME.test(p.opensAt)) found[`hours.${i}.opensAt`] = t('validation.time');
    if (!TIME.test(p.closesAt)) found[`hours.${i}.closesAt`] = t('validation.time');
    else if (TIME.test(p.opensAt) && p.opensAt >= p.closesAt)
      found[`hours.${i}.closesAt`] = t('validation.closesAfterOpens');
  });
  if (periods.length > 28) found.hours = t('hours.tooMany', { max: 28 });
  const indexed = periods
    .map((p, i) => ({ ...p, i }))
    .sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt));
  for (let k = 1; k < indexed.length; k += 1) {
    const prev = indexed[k - 1]!;
    const next = indexed[k]!;
    if (prev.weekday === next.weekday && next.opensAt < prev.closesAt && !found[`hours.${next.i}.opensAt`]) {
      found[`hours.${next.i}.opensAt`] = t('hours.overlap');
    }
  }
  return found;
}
