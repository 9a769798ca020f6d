import { describe, expect, it } from 'vitest';
import { evaluatePairs } from './evaluate.ts';
import { LABELLED_PAIRS } from './labelled-pairs.ts';

describe('labelled pair set', () => {
  it('is large, varied and has unique ids', () => {
    expect(LABELLED_PAIRS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(LABELLED_PAIRS.map((p) => p.id)).size).toBe(LABELLED_PAIRS.length);
    const matches = LABELLED_PAIRS.filter((p) => p.label === 'match').length;
    expect(matches).toBeGreaterThan(LABELLED_PAIRS.length / 4);
    expect(LABELLED_PAIRS.length - matches).toBeGreaterThan(LABELLED_PAIRS.length / 4);
  });

  it('reaches precision ≥ 99.5 % and recall ≥ 95 % (blocking + rules)', () => {
    const e = evaluatePairs();
    const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
    console.log(
      `dedup labelled pairs: ${e.pairs} (${e.positives} match, ${e.negatives} no-match) — ` +
        `precision ${pct(e.precision)}, recall ${pct(e.recall)} ` +
        `(TP ${e.truePositives}, FP ${e.falsePositives}, TN ${e.trueNegatives}, FN ${e.falseNegatives})\n` +
        e.misclassified
          .map(
            (m) => `  ${m.label === 'match' ? 'missed' : 'wrongly merged'}: ${m.id} — ${m.note} — ${m.why}`,
          )
          .join('\n'),
    );
    expect(e.precision).toBeGreaterThanOrEqual(0.995);
    expect(e.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('decides the reference pairs as the reference says', () => {
    const e = evaluatePairs(LABELLED_PAIRS.filter((p) => p.id.startsWith('ref:')));
    expect(e.misclassified).toEqual([]);
  });
});
