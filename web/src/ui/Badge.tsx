import type { ReactNode } from 'react';

type Tone = 'positive' | 'neutral' | 'caution' | 'negative';

/** A short label; the words carry the meaning, the colour and shape only repeat it. */
export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

export const statusTone = (status: string): Tone =>
  status === 'active'
    ? 'positive'
    : status === 'grace' || status === 'invited'
      ? 'caution'
      : status === 'lapsed' || status === 'disabled'
        ? 'negative'
        : 'neutral';
