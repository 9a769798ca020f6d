import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { librariesByIds } from '../members/index.ts';
import { addDays, localDate } from './calendar.ts';
import { Flow } from './engine.ts';
import type { Notifier } from './notify.ts';
import * as q from './queries.ts';
import { sharingText } from '../../../shared/contracts/sharing-texts.ts';

export const TIMEOUTS_JOB = 'sharing.answer-timeouts';
export const OVERDUE_JOB = 'sharing.overdue';
export const DUE_SOON_JOB = 'sharing.due-soon';
export const PURGE_JOB = 'sharing.purge-patrons';
export const COPY_EXPIRY_JOB = 'sharing.copy-expiry';

const SYSTEM = { userId: null, libraryId: null };
const DUE_SOON_DAYS = 3;

/**
 * Timers. Each candidate request is handled in its own transaction under `FOR UPDATE SKIP LOCKED`, and its
 * condition is checked again under the lock, so any number of nodes can run the same sweep at once: a row
 * is taken by one of them, and a row already handled no longer matches.
 */
export class SharingTimers {
  constructor(
    private readonly ctx: AppContext,
    private readonly notifier: Notifier,
  ) {}

  private async locked(requestId: string, work: (tx: Db, flow: Flow) => Promise<boolean>, now: Date) {
    const mailIds = await this.ctx.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const req = await q.lockRequest(tx, requestId, true);
      if (!req) return [];
      const attempt = req.currentAttemptId ? await q.findAttempt(tx, req.currentAttemptId) : null;
      const flow = new Flow(tx, req, attempt, SYSTEM, now);
      if (!(await work(tx, flow))) return [];
      await flow.save();
      return this.notifier.write(tx, flow.notices, flow.req);
    });
    await this.ctx.mailer.dispatch(mailIds);
  }

  /** Lenders that did not answer in time are skipped; the next lender is asked. */
  async answerTimeouts(now = new Date()) {
    let done = 0;
    for (const due of await q.overdueAnswers(this.ctx.db, now)) {
      await this.locked(
        due.requestId,
        async (_tx, flow) => {
          const a = flow.attempt;
          if (!a || a.id !== due.attemptId || !a.answerBy || a.answerBy >= now) return false;
          if (!flow.lender('timed_out', 'system', sharingText('note.no_answer'), true)) return false;
          flow.borrower('lender_timed_out', 'system', sharingText('note.lender_timed_out'));
          await flow.route();
          done++;
          return true;
        },
        now,
      );
    }
    return done;
  }

  /** Loans past their due date (in the lender's own calendar) become overdue on both sides. */
  async overdue(now = new Date()) {
    let done = 0;
    for (const due of await q.loansPastDue(this.ctx.db, addDays(now.toISOString().slice(0, 10), 1))) {
      await this.locked(
        due.requestId,
        async (tx, flow) => {
          const a = flow.attempt;
          if (!a || a.id !== due.attemptId || a.state !== 'shipped' || !a.dueDate) return false;
          const [lender] = await librariesByIds(tx, [a.lenderId]);
          if (a.dueDate >= localDate(now, lender?.timeZone ?? 'UTC')) return false;
          const note = sharingText('note.due', { date: a.dueDate });
          flow.lender('became_overdue', 'system', note);
          flow.borrower('became_overdue', 'system', note, true);
          done++;
          return true;
        },
        now,
      );
    }
    return done;
  }

  /** One "due soon" notice per loan to the patron, a few days before the due date. */
  async dueSoon(now = new Date()) {
    const today = now.toISOString().slice(0, 10);
    let sent = 0;
    for (const row of await q.loansDueBetween(this.ctx.db, today, addDays(today, DUE_SOON_DAYS))) {
      await this.locked(
        row.requestId,
        async (tx, flow) => {
          if (flow.req.state !== 'checked_out' || (await q.hasEvent(tx, flow.req.id, 'due_soon_notice')))
            return false;
          flow.note('system', 'due_soon_notice', sharingText('note.due_soon_sent'), 'borrowing');
          flow.notices.push({ to: 'patron', template: 'due_soon', requestId: flow.req.id });
          sent++;
          return true;
        },
        now,
      );
    }
    return sent;
  }

  /** Patron data goes N days after a request ended; anonymous milestones and counts stay. */
  async purgePatrons(now = new Date()) {
    const cutoff = new Date(now.getTime() - this.ctx.env.sharingPatronRetentionDays * 86_400_000);
    let purged = 0;
    for (const row of await q.endedBefore(this.ctx.db, cutoff)) {
      await this.ctx.db.transaction(async (t) => q.purgePatron(t as unknown as Db, row.id));
      purged++;
    }
    return purged;
  }
}
