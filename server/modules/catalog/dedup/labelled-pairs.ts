import { build } from './testing/builder.ts';
import { NEGATIVE, POSITIVE } from './labelled/variants.ts';
import { HARD_PAIRS } from './labelled/hard.ts';
import type { LabelledPair } from './labelled/pair.ts';
import { REFERENCE_PAIRS } from './labelled/reference.ts';
import { SET_AND_GENERIC_PAIRS } from './labelled/sets-and-generic.ts';
import { MEDIA_PAIRS } from './labelled/media.ts';
import { SPECIAL_PAIRS } from './labelled/special.ts';
import { WORKS } from './labelled/works.ts';

export type { LabelledPair } from './labelled/pair.ts';

/**
 * The labelled pair set: the reference pairs (from the sample files), hand-made tricky pairs, and every
 * applicable variant (labelled/variants.ts) of every base work (labelled/works.ts) — the same manifestation as
 * another library would catalogue it (match), or another manifestation of the work (no-match).
 */
export const LABELLED_PAIRS: LabelledPair[] = [
  ...REFERENCE_PAIRS,
  ...SET_AND_GENERIC_PAIRS,
  ...MEDIA_PAIRS,
  ...SPECIAL_PAIRS,
  ...HARD_PAIRS,
  ...Object.entries(WORKS).flatMap(([name, work]) =>
    [...POSITIVE, ...NEGATIVE].flatMap((variant) => {
      const specs = variant.apply(work);
      if (!specs) return [];
      return [
        {
          id: `${variant.name}:${name}`,
          label: variant.label,
          note: variant.note,
          a: build(specs.a ?? work),
          b: build(specs.b),
        },
      ];
    }),
  ),
];
