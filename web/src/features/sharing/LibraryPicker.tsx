import { useId, useState, type KeyboardEvent } from 'react';
import { membersApi } from '../../api/members.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export type PickedLibrary = { id: string; name: string; symbol: string };

/**
 * A combobox (ARIA 1.2 pattern, list autocomplete) over the member libraries, for consortium staff:
 * type part of a name or symbol (accents optional), move with the arrow keys, Enter picks, Escape closes.
 */
export function LibraryPicker({
  value,
  onPick,
  label,
}: {
  value: string | null;
  onPick: (library: PickedLibrary) => void;
  label?: string;
}) {
  const { t, tp } = useI18n();
  const id = useId();
  const libraries = useResource('ill-libraries', (signal) =>
    membersApi.directory({ kind: 'library', sort: 'name', page: 1, pageSize: 100 }, signal),
  );
  const items = libraries.data?.items ?? [];
  const current = items.find((l) => l.id === value) ?? null;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = items.filter((l) => fold(`${l.name} ${l.symbol}`).includes(fold(text.trim())));
  const optionId = (i: number) => `${id}-option-${i}`;
  const pick = (i: number) => {
    const l = matches[i];
    if (!l) return;
    setOpen(false);
    setText('');
    onPick({ id: l.id, name: l.name, symbol: l.symbol });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = matches.length - 1;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => (a >= last ? 0 : a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      setActive((a) => (a <= 0 ? last : a - 1));
    } else if (e.key === 'Enter') {
      if (open && matches.length) {
        e.preventDefault();
        pick(active);
      }
    } else if (e.key === 'Escape') {
      if (open) setOpen(false);
      else setText('');
    }
  };
  const shown = open && matches.length > 0;

  return (
    <div className="field ill-picker">
      <label htmlFor={`${id}-input`} className="field__label">
        {label ?? t('ill.picker.label')}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {current
          ? t('ill.picker.current', { name: `${current.name} (${current.symbol})` })
          : t('ill.picker.hint')}
      </p>
      <div className="ill-picker__box">
        <input
          id={`${id}-input`}
          className="input input--long"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={`${id}-list`}
          aria-activedescendant={shown ? optionId(Math.min(active, matches.length - 1)) : undefined}
          aria-describedby={`${id}-hint ${id}-count`}
          value={text}
          placeholder={current ? `${current.name} (${current.symbol})` : ''}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul
          id={`${id}-list`}
          role="listbox"
          aria-label={label ?? t('ill.picker.label')}
          className="ill-picker__list"
          hidden={!shown}
        >
          {shown
            ? matches.map((l, i) => (
                <li
                  key={l.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className="ill-picker__option"
                  // mousedown, not click: picking must happen before the input's blur closes the list.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(i);
                  }}
                >
                  {l.name} ({l.symbol})
                </li>
              ))
            : null}
        </ul>
      </div>
      <p id={`${id}-count`} className="visually-hidden" role="status" aria-live="polite">
        {open && libraries.data ? tp('ill.picker.matches', matches.length) : ''}
      </p>
    </div>
  );
}
