import { actionsFor, type Actor, type Flags, type ServiceType } from './machine.ts';

/** Helpers the machine tests share (borrower.test.ts, lender.test.ts, machine.test.ts). */
export const actors: Actor[] = ['staff', 'peer', 'system'];

/** Every action any actor may take in `state`, sorted. */
export const allowed = <S extends string, A extends string>(
  m: { states: Record<S, unknown>; actions: Record<A, unknown> },
  state: S,
  service: ServiceType,
  flags: Flags = {},
) => actors.flatMap((by) => actionsFor(m as never, state as never, service, by, flags) as A[]).sort();

/** The lender table lists the renewal answers, which exist only while a renewal is asked for. */
export const renewalAsked: Flags = { renewalPending: true };

/** States reachable from `start` without going back to a remembered state. */
export function reachable<S extends string, A extends string>(
  m: {
    states: Record<S, unknown>;
    actions: Record<A, { from: readonly S[]; to: S | 'previous'; only?: ServiceType }>;
  },
  start: S,
  service: ServiceType,
) {
  const seen = new Set<S>([start]);
  const queue = [start];
  while (queue.length) {
    const s = queue.shift()!;
    for (const t of Object.values(m.actions) as {
      from: readonly S[];
      to: S | 'previous';
      only?: ServiceType;
    }[]) {
      if (!t.from.includes(s) || (t.only && t.only !== service) || t.to === 'previous') continue;
      if (!seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return seen;
}
