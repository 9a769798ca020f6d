import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/context.tsx';
import { TextField, fieldId } from '../../ui/Field.tsx';
import type { FieldErrors } from '../../ui/useForm.ts';
import type { PeriodValue } from './hours.ts';

export type Period = PeriodValue & { key: string };
const FORM = 'hours';
let added = 0;

/** `HH:MM` plus some minutes, at most 23:59. */
const laterBy = (hhmm: string, minutes: number) => {
  const [h, m] = hhmm.split(':').map(Number);
  const total = Math.min(23 * 60 + 59, (h ?? 0) * 60 + (m ?? 0) + minutes);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

type Props = { day: number; periods: Period[]; onChange: (periods: Period[]) => void; errors: FieldErrors };

/** One weekday of the hours editor: its opening periods, each removable, and a button to add one. */
export function DayHours({ day, periods, onChange, errors }: Props) {
  const { t, fmt } = useI18n();
  const dayName = fmt.weekday(day);
  const focusKey = useRef<string | null>(null);
  const mine = periods.map((p, index) => ({ p, index })).filter(({ p }) => p.weekday === day);

  useEffect(() => {
    if (!focusKey.current) return;
    const index = periods.findIndex((p) => p.key === focusKey.current);
    focusKey.current = null;
    if (index >= 0) document.getElementById(fieldId(FORM, `hours.${index}.opensAt`))?.focus();
  });

  const update = (index: number, patch: Partial<Period>) =>
    onChange(periods.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const remove = (index: number) => {
    onChange(periods.filter((_, i) => i !== index));
    document.getElementById(`hours-add-${day}`)?.focus();
  };
  const add = () => {
    const last = mine[mine.length - 1]?.p;
    const key = `new${added++}`;
    focusKey.current = key;
    const opensAt = last ? last.closesAt : '09:00';
    onChange([...periods, { key, weekday: day, opensAt, closesAt: last ? laterBy(opensAt, 60) : '17:00' }]);
  };

  return (
    <fieldset className="fieldset fieldset--group day-hours">
      <legend>{dayName}</legend>
      {mine.length === 0 ? <p className="muted">{t('library.closed')}</p> : null}
      {mine.map(({ p, index }, n) => (
        <div className="period" key={p.key}>
          <TextField
            id={fieldId(FORM, `hours.${index}.opensAt`)}
            label={t('hours.opensLabel', { n: n + 1 })}
            type="time"
            width="short"
            value={p.opensAt}
            onChange={(v) => update(index, { opensAt: v })}
            error={errors[`hours.${index}.opensAt`]}
          />
          <TextField
            id={fieldId(FORM, `hours.${index}.closesAt`)}
            label={t('hours.closesLabel', { n: n + 1 })}
            type="time"
            width="short"
            value={p.closesAt}
            onChange={(v) => update(index, { closesAt: v })}
            error={errors[`hours.${index}.closesAt`]}
          />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => remove(index)}
          >
            {t('hours.remove')}
            <span className="visually-hidden"> {t('hours.removeWhich', { day: dayName, n: n + 1 })}</span>
          </button>
        </div>
      ))}
      <button
        id={`hours-add-${day}`}
        type="button"
        className="button button--secondary button--small"
        onClick={add}
      >
        {t('hours.add')}
        <span className="visually-hidden"> {t('hours.addWhich', { day: dayName })}</span>
      </button>
    </fieldset>
  );
}
