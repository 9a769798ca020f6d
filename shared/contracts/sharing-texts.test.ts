import { describe, expect, it } from 'vitest';
import {
  SHARING_TEXT_CODES,
  SHARING_TEXTS_EN,
  decodeTexts,
  encodeTexts,
  readTexts,
  renderSharingText,
  sharingText,
  textFromLegacy,
} from './sharing-texts.ts';

const sample = (code: (typeof SHARING_TEXT_CODES)[number]) => {
  const names = [...SHARING_TEXTS_EN[code].matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return sharingText(code, Object.fromEntries(names.map((n, i) => [n, `v${i}x`])));
};

describe('sharing texts as codes', () => {
  it('reads every code back from its English text (rows stored before codes)', () => {
    for (const code of SHARING_TEXT_CODES) {
      const text = sample(code);
      expect(textFromLegacy(renderSharingText(text)), code).toEqual(text);
    }
  });

  it('recognises texts the demo seed and older code stored', () => {
    expect(textFromLegacy('Demo traffic: lender order drawn at random by the demo generator')).toEqual({
      code: 'rota.demo_random',
      params: {},
    });
    expect(
      textFromLegacy(
        'Balance +12.5 (borrowed 20, lent 7.5 in the last year, goal 1:1): lends less than its goal',
      ),
    ).toEqual({
      code: 'rota.balance_below',
      params: { score: '+12.5', borrowed: '20', lent: '7.5', goal: '1:1' },
    });
    expect(textFromLegacy('Does not lend this format (unknown)')!.code).toBe('rota.skip.format_unknown');
    expect(textFromLegacy('Held here: in the catalog')!.code).toBe('note.held_here_catalog');
    expect(textFromLegacy('Please send it by courier')).toBeNull();
  });

  it('keeps coded notes apart from free text', () => {
    const texts = [sharingText('note.sent_to', { symbol: 'TXCHP' }), sharingText('note.duplicate')];
    expect(decodeTexts(encodeTexts(texts))).toEqual(texts);
    expect(readTexts(encodeTexts(texts))).toEqual(texts);
    expect(decodeTexts('[{"code":"no.such.code","params":{}}]')).toBeNull();
    expect(decodeTexts('[{"code": broken')).toBeNull();
    expect(readTexts('Pulled from the stacks')).toEqual([]);
    expect(
      renderSharingText(sharingText('rota.balance_even', { score: 0, borrowed: 0, lent: 0, goal: '1:1' })),
    ).toBe('Balance +0 (borrowed 0, lent 0 in the last year, goal 1:1): at its goal');
  });
});
