import { AppError } from '../../platform/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import { closuresBetween, librariesByIds } from '../members/index.ts';
import { answerDeadline, addDays, localDate } from './calendar.ts';
import { DEFAULT_POLICY } from './rota.ts';
import * as q from './queries.ts';
import { writeChange } from './change-queries.ts';
import { tellOutsidePartners } from './iso18626/outbound.ts';
import {
  encodeTexts,
  renderSharingText,
  sharingText,
  type SharingText,
} from '../../../shared/contracts/sharing-texts.ts';
import {
  BORROWER,
  LENDER,
  actionsFor,
  step,
  type Actor,
  type BorrowerAction,
  type BorrowerState,
  type LenderAction,
  type LenderState,
} from './states.ts';

export type Who = { userId: string | null; libraryId: string | null };
export type LenderFacts = {
  symbol: string;
  timeZone: string;
  policy: { answerBusinessDays: number; rushAnswerHours: number };
  closures: { startsOn: string; endsOn: string }[];
};

/** Something to tell people after the change: staff of a library, or the patron (by template). */
export type Notice =
  | { to: 'staff'; libraryId: string; kind: string; requestId: string; state: string }
  | { to: 'patron'; template: 'arrived' | 'overdue' | 'cancelled' | 'due_soon'; requestId: string };

/**
 * One state change made in this flow, in order. The ISO 18626 side reads them after the save to tell an
 * outside library what our side did (see iso18626/outbound.ts); `lenderId` is the attempt's lender then.
 */
export type Change = {
  side: 'borrowing' | 'lending';
  action: string;
  by: Actor;
  from: string | null;
  to: string;
  attemptId: string | null;
  lenderId: string | null;
  note: string;
};

/** Borrower states the patron hears about. */
const PATRON_NOTICES: Partial<Record<BorrowerState, 'arrived' | 'overdue' | 'cancelled'>> = {
  received: 'arrived',
  copy_available: 'arrived',
  overdue: 'overdue',
  cancelled: 'cancelled',
};

const label = (s: string) => s.replace(/_/g, ' ');

/** A timeline note: free text (staff, outside partners) or codes the web translates. */
export type Note = string | SharingText | SharingText[];
const asList = (n: Exclude<Note, string>) => (Array.isArray(n) ? n : [n]);
const storedNote = (n: Note) => (typeof n === 'string' ? n : encodeTexts(asList(n)));
const plainNote = (n: Note) => (typeof n === 'string' ? n : asList(n).map(renderSharingText).join(' · '));

/**
 * One change to a request, inside the caller's transaction: every state change of either side goes through
 * `step()` here, is written to the timeline, and bumps the request's version. Routing to the next lender is
 * part of the same change, so a lender's "cannot supply" and the next lender's new request commit together.
 */
export class Flow {
  private reqSet: Partial<q.RequestRow> = {};
  private attemptSet: Partial<q.AttemptRow> = {};
  private events: q.EventInsert[] = [];
  readonly notices: Notice[] = [];
  readonly changes: Change[] = [];
  private cursor: number;
  /** Lender facts already read for the rota (zone, policy, closures), so asking one costs no more reads. */
  readonly lenders = new Map<string, LenderFacts>();
  /** The rota just written in this change (placed entries by position), so routing need not read it back. */
  rota: { libraryId: string; position: number }[] | null = null;

  constructor(
    private readonly tx: Db,
    public req: q.RequestRow,
    public attempt: q.AttemptRow | null,
    private readonly who: Who,
    readonly now: Date = new Date(),
  ) {
    this.cursor = attempt?.position ?? 0;
  }

  private event(
    side: 'borrowing' | 'lending' | 'system',
    action: string,
    from: string | null,
    to: string | null,
    note: Note = '',
    by: Actor = 'staff',
    visibility: 'both' | 'borrowing' = 'both',
  ) {
    this.events.push({
      requestId: this.req.id,
      // Events during an attempt belong to it: its lender sees them (if visible to both), later lenders not.
      attemptId: this.attempt?.id ?? null,
      at: this.now,
      actorId: by === 'staff' ? this.who.userId : null,
      libraryId:
        by === 'system' ? null : side === 'lending' ? (this.attempt?.lenderId ?? null) : this.req.borrowerId,
      side: by === 'system' ? 'system' : side,
      action,
      fromState: from,
      toState: to,
      note: storedNote(note),
      visibility,
    });
  }

  note(
    side: 'borrowing' | 'lending' | 'system',
    action: string,
    note: Note,
    visibility: 'both' | 'borrowing' = 'both',
  ) {
    this.event(side, action, null, null, note, side === 'system' ? 'system' : 'staff', visibility);
  }

  /** A borrower transition. Returns false (changing nothing) when `optional` and not valid now. */
  borrower(action: BorrowerAction, by: Actor, note: Note = '', optional = false): boolean {
    const from = this.req.state;
    const flags = { renewalPending: this.attempt?.renewalPending === true };
    const next = step(BORROWER, from, action, this.req.serviceType, this.req.rememberedState, flags);
    if (!next || BORROWER.actions[action].by !== by) {
      if (optional) return false;
      throw conflict(action, from, actionsFor(BORROWER, from, this.req.serviceType, 'staff', flags));
    }
    this.req = { ...this.req, state: next.to, rememberedState: next.remember };
    this.reqSet.state = next.to;
    this.reqSet.rememberedState = next.remember;
    const ending: { terminal?: boolean; ends?: boolean } = BORROWER.states[next.to];
    if (ending.terminal || ending.ends) this.reqSet.endedAt = this.now;
    // Reopened (e.g. the rota restarted): it has not ended after all.
    else if ((BORROWER.states[from] as { ends?: boolean }).ends) this.reqSet.endedAt = null;
    this.event('borrowing', action, from, next.to, note, by);
    this.changed('borrowing', action, by, from, next.to, note);
    const patron = PATRON_NOTICES[next.to];
    if (patron && next.to !== from)
      this.notices.push({ to: 'patron', template: patron, requestId: this.req.id });
    if (by !== 'staff' && BORROWER.states[next.to].attention)
      this.notices.push({
        to: 'staff',
        libraryId: this.req.borrowerId,
        kind: action,
        requestId: this.req.id,
        state: next.to,
      });
    return true;
  }

  /** A transition of the current lender's attempt. */
  lender(action: LenderAction, by: Actor, note: Note = '', optional = false): boolean {
    const a = this.attempt;
    if (!a) {
      if (optional) return false;
      throw new AppError('CONFLICT', 'No lender holds this request now.');
    }
    const from = a.state;
    const flags = { renewalPending: a.renewalPending === true };
    const next = step(LENDER, from, action, this.req.serviceType, a.rememberedState, flags);
    if (!next || LENDER.actions[action].by !== by) {
      if (optional) return false;
      throw conflict(action, from, actionsFor(LENDER, from, this.req.serviceType, 'staff', flags));
    }
    this.attempt = { ...a, state: next.to, rememberedState: next.remember };
    this.attemptSet.state = next.to;
    this.attemptSet.rememberedState = next.remember;
    if (LENDER.states[next.to].terminal) this.attemptSet.endedAt = this.now;
    this.event('lending', action, from, next.to, note, by);
    this.changed('lending', action, by, from, next.to, note);
    if (by !== 'staff' && LENDER.states[next.to].attention)
      this.notices.push({
        to: 'staff',
        libraryId: a.lenderId,
        kind: action,
        requestId: this.req.id,
        state: next.to,
      });
    return true;
  }

  private changed(
    side: Change['side'],
    action: string,
    by: Actor,
    from: string | null,
    to: string,
    note: Note,
  ) {
    const a = this.attempt;
    this.changes.push({
      side,
      action,
      by,
      from,
      to,
      // Outside partners (ISO 18626) read notes as text: the English rendering of coded ones.
      note: plainNote(note),
      attemptId: a?.id ?? null,
      lenderId: a?.lenderId ?? null,
    });
  }

  setRequest(values: Partial<q.RequestRow>) {
    Object.assign(this.reqSet, values);
    this.req = { ...this.req, ...values };
  }

  setAttempt(values: Partial<q.AttemptRow>) {
    if (!this.attempt) return;
    Object.assign(this.attemptSet, values);
    this.attempt = { ...this.attempt, ...values };
  }

  /** Start again from the top of a rebuilt rota. */
  restartCursor() {
    this.cursor = 0;
  }

  /** While the borrower is sourcing: ask the next lender on the rota, or end the rota. */
  async route() {
    while (this.req.state === 'sourcing') {
      const next = this.rota
        ? (this.rota.find((e) => e.position > this.cursor) ?? null)
        : await q.nextOnRota(this.tx, this.req.id, this.cursor);
      if (!next) {
        this.borrower('rota_exhausted', 'system', sharingText('note.rota_exhausted'));
        this.notices.push({
          to: 'staff',
          libraryId: this.req.borrowerId,
          kind: 'rota_exhausted',
          requestId: this.req.id,
          state: 'end_of_rota',
        });
        return;
      }
      await this.sendTo(next.libraryId, next.position, 'send_to_lender');
    }
  }

  /** A new attempt at `lenderId` (the next on the rota, or the same lender again after a retry). */
  async sendTo(lenderId: string, position: number, action: BorrowerAction) {
    const facts = this.lenders.get(lenderId) ?? (await this.lenderFacts(lenderId));
    const { timeZone: tz, closures, policy: p } = facts;
    const answerBy = answerDeadline(this.now, tz, closures, {
      days: p.answerBusinessDays,
      rushHours: p.rushAnswerHours,
      rush: this.req.rush,
    });
    await this.flushAttempt();
    this.attempt = null;
    this.borrower(
      action,
      action === 'send_to_lender' ? 'system' : 'staff',
      sharingText('note.sent_to', { symbol: facts.symbol }),
    );
    this.attempt = await q.insertAttempt(this.tx, {
      requestId: this.req.id,
      lenderId,
      position,
      answerBy,
      createdAt: this.now,
      updatedAt: this.now,
    });
    this.cursor = position;
    this.setRequest({ currentAttemptId: this.attempt.id, ...(this.req.sentAt ? {} : { sentAt: this.now }) });
    this.event(
      'lending',
      'request_received',
      null,
      'received',
      sharingText('note.answer_by', { at: answerBy.toISOString() }),
      'system',
    );
    this.changed('lending', 'request_received', 'system', null, 'received', '');
    this.notices.push({
      to: 'staff',
      libraryId: lenderId,
      kind: 'request_received',
      requestId: this.req.id,
      state: 'received',
    });
  }

  private async lenderFacts(lenderId: string): Promise<LenderFacts> {
    const [lib] = await librariesByIds(this.tx, [lenderId]);
    const [policy] = await q.policiesOf(this.tx, [lenderId]);
    const timeZone = lib?.timeZone ?? 'America/Chicago';
    const today = localDate(this.now, timeZone);
    const closures = await closuresBetween(this.tx, [lenderId], today, addDays(today, 60));
    return { symbol: lib?.symbol ?? '', timeZone, policy: policy ?? DEFAULT_POLICY, closures };
  }

  private async flushAttempt() {
    if (this.attempt && Object.keys(this.attemptSet).length)
      await q.updateAttempt(this.tx, this.attempt.id, this.attemptSet);
    this.attemptSet = {};
  }

  /** Writes the changes: the request (new version), the attempt and the timeline. */
  async save() {
    const attemptSet = this.attempt && Object.keys(this.attemptSet).length ? this.attemptSet : null;
    await writeChange(this.tx, {
      requestId: this.req.id,
      request: this.reqSet,
      attempt: attemptSet && { id: this.attempt!.id, set: attemptSet },
      events: this.events,
    });
    this.attemptSet = {};
    this.events = [];
    await tellOutsidePartners(this.tx, this);
    return this.req.version + 1;
  }
}

function conflict(action: string, state: string, valid: string[]) {
  const now = valid.length ? `Possible now: ${valid.map(label).join(', ')}.` : 'No action is possible now.';
  return new AppError(
    'INVALID_ACTION',
    `“${label(action)}” is not possible while this is “${label(state)}”. ${now}`,
    valid.map((a) => ({ path: 'action', message: a })),
  );
}

export const borrowerStateOf = (s: string) => s as BorrowerState;
export const lenderStateOf = (s: string) => s as LenderState;
