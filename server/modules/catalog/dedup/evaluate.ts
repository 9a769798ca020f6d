import { extractFeatures } from './features.ts';
import { blockingKeys, sharedKeys, type KeyOptions } from './keys.ts';
import { LABELLED_PAIRS, type LabelledPair } from './labelled-pairs.ts';
import { compareRecords } from './rules.ts';

export type Misclassified = { id: string; label: LabelledPair['label']; note: string; why: string };

export type Evaluation = {
  pairs: number;
  positives: number;
  negatives: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  /** Share of predicted matches that are right (1 when nothing was predicted). */
  precision: number;
  /** Share of labelled matches found. */
  recall: number;
  /** Labelled matches that share no blocking key (never compared in production). */
  unblocked: string[];
  misclassified: Misclassified[];
};

/**
 * Precision and recall of the whole pipeline over labelled pairs: a pair counts as predicted-same only when
 * the two records share a blocking key (else production would never compare them) and the rules say match.
 */
export function evaluatePairs(
  pairs: readonly LabelledPair[] = LABELLED_PAIRS,
  options: KeyOptions = {},
): Evaluation {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  const unblocked: string[] = [];
  const misclassified: Misclassified[] = [];
  for (const pair of pairs) {
    const a = extractFeatures(pair.a);
    const b = extractFeatures(pair.b);
    const shared = sharedKeys(blockingKeys(a, options), blockingKeys(b, options));
    const explanation = compareRecords(a, b, { ...options, sharedKeys: shared });
    const blocked = shared.length > 0;
    const predicted = blocked && explanation.decision === 'match';
    if (pair.label === 'match' && !blocked) unblocked.push(pair.id);
    if (predicted && pair.label === 'match') tp++;
    else if (predicted) fp++;
    else if (pair.label === 'match') fn++;
    else tn++;
    if (predicted !== (pair.label === 'match')) {
      const why = blocked || !predicted ? explanation.summary : 'no shared blocking key';
      misclassified.push({
        id: pair.id,
        label: pair.label,
        note: pair.note,
        why: blocked ? why : `no shared blocking key (rules: ${why})`,
      });
    }
  }
  return {
    pairs: pairs.length,
    positives: tp + fn,
    negatives: tn + fp,
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: tn,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    unblocked,
    misclassified,
  };
}
