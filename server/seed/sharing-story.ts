import type {
  sharingAttempts,
  sharingEvents,
  sharingRequests,
  sharingRota,
} from '../modules/sharing/tables.ts';
import {
  BORROWER,
  LENDER,
  step,
  type BorrowerAction,
  type BorrowerState,
  type LenderAction,
  type LenderState,
} from '../modules/sharing/states.ts';

/**
 * One demo request's life, played through the two state machines (`step()`, as the app's flows do) from
 * its creation until "now" — or until the state a showcase request is meant to rest in. A step with no
 * delay is part of the previous one's transaction (a lender's answer and the borrower's reaction); only a
 * step after a delay can find that time has run out.
 */
export const HOUR = 3_600_000;
export type Lib = { id: string; symbol: string };
export type RequestRow = typeof sharingRequests.$inferInsert;
export type AttemptRow = typeof sharingAttempts.$inferInsert;
export type EventRow = typeof sharingEvents.$inferInsert;
export type RotaRow = typeof sharingRota.$inferInsert;
/** Where a showcase request stops: the first time either side reaches its state. */
export type Stop = { b?: BorrowerState; l?: LenderState };

export class Story {
  b: BorrowerState = 'new';
  bMem: BorrowerState | null = null;
  attempt: AttemptRow | null = null;
  readonly attempts: AttemptRow[] = [];
  readonly events: EventRow[] = [];
  t: number;
  /** When the last step happened (the request's `updatedAt`). */
  lastAt: number;
  private frozen = false;
  /** Set when the stop state is reached; the next step after a delay does not happen. */
  stoppedAt: number | null = null;
  version = 1;
  /** Renewal answers exist only while a renewal is asked for (a guard of the state machines). */
  private readonly flags = { renewalPending: false };

  constructor(
    readonly req: RequestRow,
    private readonly borrowerId: string,
    private readonly now: number,
    private readonly stop: Stop = {},
  ) {
    this.t = (req.createdAt as Date).getTime();
    this.lastAt = this.t;
  }

  get done() {
    return this.frozen;
  }

  /** Lets `hours` pass; false when that goes past now or past the showcase's stop. */
  advance(hours: number) {
    if (this.frozen) return false;
    if (hours > 0 && this.stoppedAt !== null) this.frozen = true;
    this.t += hours * HOUR;
    if (this.t > this.now) this.frozen = true;
    return !this.frozen;
  }

  private reached() {
    const { b, l } = this.stop;
    if (this.stoppedAt === null && ((b && this.b === b) || (l && this.attempt?.state === l)))
      this.stoppedAt = this.t;
    this.lastAt = this.t;
  }

  private event(side: 'borrowing' | 'lending' | 'system', action: string, from: string, to: string) {
    this.events.push({
      requestId: this.req.id as string,
      attemptId: (this.attempt?.id as string) ?? null,
      at: new Date(this.t),
      side,
      action,
      fromState: from,
      toState: to,
      libraryId: side === 'lending' ? this.attempt!.lenderId : this.borrowerId,
    });
  }

  /** A borrower step after `hours`; false (and nothing changes) when time ran out. */
  B(action: BorrowerAction, hours = 0): boolean {
    if (!this.advance(hours)) return false;
    const next = step(BORROWER, this.b, action, this.req.serviceType!, this.bMem, this.flags);
    if (!next) throw new Error(`demo sharing: borrower ${this.b} + ${action}`);
    this.event(BORROWER.actions[action].by === 'system' ? 'system' : 'borrowing', action, this.b, next.to);
    this.b = next.to;
    this.bMem = next.remember;
    if (action === 'request_renewal') this.flags.renewalPending = this.attempt!.renewalPending = true;
    if (BORROWER.states[this.b].terminal) this.req.endedAt = new Date(this.t);
    this.version++;
    this.reached();
    return true;
  }

  /** A step of the current lender after `hours`. */
  L(action: LenderAction, hours = 0): boolean {
    const a = this.attempt;
    if (!a || !this.advance(hours)) return false;
    const from = a.state as LenderState;
    const remembered = (a.rememberedState as LenderState) ?? null;
    const next = step(LENDER, from, action, this.req.serviceType!, remembered, this.flags);
    if (!next) throw new Error(`demo sharing: lender ${from} + ${action}`);
    this.event(LENDER.actions[action].by === 'system' ? 'system' : 'lending', action, from, next.to);
    a.state = next.to;
    a.rememberedState = next.remember;
    if (action === 'approve_renewal' || action === 'deny_renewal')
      this.flags.renewalPending = a.renewalPending = false;
    a.updatedAt = new Date(this.t);
    if (LENDER.states[next.to].terminal) a.endedAt = new Date(this.t);
    this.version++;
    this.reached();
    return true;
  }

  /** The borrower asks `lender` (the next on the rota, or the same one again after a retry). */
  send(
    lender: Lib,
    position: number,
    action: 'send_to_lender' | 'retry_with_changes' | 'retry_contact' = 'send_to_lender',
    hours = 0,
  ) {
    if (!this.advance(hours)) return false;
    this.attempt = null;
    if (!this.B(action)) return false;
    const at = new Date(this.t);
    this.attempt = {
      id: crypto.randomUUID(),
      requestId: this.req.id as string,
      lenderId: lender.id,
      position,
      state: 'received',
      answerBy: new Date(this.t + 72 * HOUR),
      conditions: [],
      renewalPending: false,
      createdAt: at,
      updatedAt: at,
    };
    this.attempts.push(this.attempt);
    this.req.currentAttemptId = this.attempt.id as string;
    this.req.sentAt ??= at;
    this.reached();
    return true;
  }

  /**
   * Moves the whole story by `ms` (a showcase request is played from far back, then moved so that it
   * reached its state shortly before now): every time, and the due dates with them.
   */
  shift(ms: number) {
    const move = (row: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(row))
        if (v instanceof Date) row[k] = new Date(v.getTime() + ms);
        else if (k === 'dueDate' && typeof v === 'string')
          row[k] = new Date(Date.parse(`${v}T00:00:00Z`) + Math.round(ms / (24 * HOUR)) * 24 * HOUR)
            .toISOString()
            .slice(0, 10);
    };
    for (const row of [this.req, ...this.attempts, ...this.events]) move(row as Record<string, unknown>);
    this.t += ms;
    this.lastAt += ms;
    if (this.stoppedAt !== null) this.stoppedAt += ms;
  }
}
