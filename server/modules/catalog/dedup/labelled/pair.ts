import type { MarcRecord } from '../../marc/record.ts';
import { build, type Spec } from '../testing/builder.ts';

export type LabelledPair = {
  id: string;
  label: 'match' | 'no-match';
  note: string;
  a: MarcRecord;
  b: MarcRecord;
};

export const pair = (
  id: string,
  label: LabelledPair['label'],
  note: string,
  a: Spec,
  b: Spec,
): LabelledPair => ({
  id,
  label,
  note,
  a: build(a),
  b: build(b),
});
