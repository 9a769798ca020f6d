/**
 * Staff decisions that override the matcher, kept by the caller (a database table) and re-applied on every
 * clustering so they survive reloads.
 *
 * - `never`: A and B are never in the same cluster (a wrong automatic merge undone).
 * - `split`: A is split out of its cluster — no automatic link will attach it to anything again (staff may
 *   still `merge` it explicitly).
 * - `merge`: the cluster of A and the cluster of B are always one cluster (a missed match), even across the
 *   one-record-per-library rule, since staff may know both are genuinely separate copies' records.
 *
 * Decisions are applied in the order given (oldest first): a later decision about the same pair replaces an
 * earlier one (`merge A B` after `never A B` lifts the ban; `split A` drops earlier merges of A).
 */
export type ManualDecision =
  | { kind: 'never'; a: string; b: string; note?: string }
  | { kind: 'split'; a: string; note?: string }
  | { kind: 'merge'; a: string; b: string; note?: string };

export type ManualConstraints = {
  /** id → ids it must never share a cluster with. */
  never: Map<string, Set<string>>;
  /** Records taking no automatic links. */
  isolated: Set<string>;
  /** Merges still in force, in decision order. */
  merges: { a: string; b: string; note?: string }[];
};

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function resolveDecisions(decisions: readonly ManualDecision[] = []): ManualConstraints {
  const never = new Map<string, Set<string>>();
  const isolated = new Set<string>();
  const merges = new Map<string, { a: string; b: string; note?: string }>();
  const ban = (a: string, b: string, on: boolean) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      let set = never.get(x);
      if (on) {
        if (!set) never.set(x, (set = new Set()));
        set.add(y);
      } else set?.delete(y);
    }
  };
  for (const d of decisions) {
    if (d.kind === 'never') {
      merges.delete(pairKey(d.a, d.b));
      ban(d.a, d.b, true);
    } else if (d.kind === 'split') {
      isolated.add(d.a);
      for (const [key, m] of merges) if (m.a === d.a || m.b === d.a) merges.delete(key);
    } else {
      ban(d.a, d.b, false);
      merges.set(pairKey(d.a, d.b), { a: d.a, b: d.b, note: d.note });
    }
  }
  return { never, isolated, merges: [...merges.values()] };
}

/** The decisions that concern one record (for the incremental path: the DB can filter by record id). */
export function decisionsAbout(decisions: readonly ManualDecision[], id: string): ManualDecision[] {
  return decisions.filter((d) => d.a === id || (d.kind !== 'split' && d.b === id));
}
