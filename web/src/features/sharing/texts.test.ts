import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/core.ts';
import { createFormatters } from '../../i18n/format.ts';
import { reasonLabels, textsLabel } from './texts.ts';

const i18n = (locale: 'en' | 'es') => ({
  t: (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
    translate(locale, key, vars),
  fmt: createFormatters(locale),
});

describe('server texts in the reader’s language', () => {
  it('translates codes with formatted parameters', () => {
    const balance = {
      code: 'rota.balance_below',
      params: { score: 12.5, borrowed: 20, lent: 7.5, goal: '1:1' },
    };
    expect(textsLabel(i18n('es'), [balance], 'ignored')).toBe(
      'Balance +12.5 (pidió 20, prestó 7.5 en el último año, meta 1:1): presta menos que su meta',
    );
    expect(textsLabel(i18n('en'), [balance], 'ignored')).toBe(
      'Balance +12.5 (borrowed 20, lent 7.5 in the last year, goal 1:1): lends less than its goal',
    );
    expect(
      textsLabel(
        i18n('es'),
        [
          { code: 'note.duplicate', params: {} },
          { code: 'note.held_here', params: { where: 'Stacks' } },
        ],
        '',
      ),
    ).toBe('Mismo usuario y mismo documento que una solicitud reciente · Lo tenemos aquí: Stacks');
    expect(textsLabel(i18n('es'), [{ code: 'note.due', params: { date: '2026-03-08' } }], '')).toMatch(
      /^Vencía el 8 mar 2026$/,
    );
  });

  it('shows the server text for free text and unknown codes; reads old English rows', () => {
    expect(textsLabel(i18n('es'), [], 'Pulled from the stacks')).toBe('Pulled from the stacks');
    expect(textsLabel(i18n('es'), [{ code: 'rota.from_the_future', params: {} }], 'Future')).toBe('Future');
    expect(
      reasonLabels(i18n('es'), ['Demo traffic: lender order drawn at random by the demo generator'], []),
    ).toEqual([
      'Tráfico de demostración: el generador de datos de ejemplo sorteó el orden de las prestadoras',
    ]);
  });
});
