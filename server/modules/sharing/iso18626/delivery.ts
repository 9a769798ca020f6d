import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/client.ts';
import { Flow, type Notice } from '../engine.ts';
import type { Notifier } from '../notify.ts';
import * as sq from '../queries.ts';
import { parseConfirmation } from './codec.ts';
import { onOutboundQueued, withSecurityCode } from './outbox.ts';
import * as q from './queries.ts';

export const ISO_DELIVER_JOB = 'sharing.iso18626-deliver';

const SYSTEM = { userId: null, libraryId: null };
const MAX_STORED_REPLY = 64 * 1024;
/** A confirmation is a few hundred bytes; a partner's answer is not read past this. */
const MAX_REPLY = 1024 * 1024;
const LANES = 4;
/** Messages we send as the borrower: when these cannot be delivered, the lender is unreachable for us. */
const BORROWER_KINDS = new Set(['request', 'requestingAgencyMessage']);

export type DeliveryOptions = {
  /** Waits between tries, in seconds: one try more than entries, then the message has failed. */
  retrySchedule: readonly number[];
  timeoutMs: number;
  /** Messages in flight at once per worker (default 4). */
  lanes?: number;
};

type Outcome =
  | { kind: 'sent'; confirmation: string }
  /** We did not try (no such partner, or it is disabled): failed at once, the partner's status untouched. */
  | { kind: 'notSent'; confirmation: ''; error: string }
  | { kind: 'rejected'; confirmation: string; error: string }
  | { kind: 'transient'; confirmation: string | null; error: string };

/**
 * Delivers the outbox. Any number of workers (on any number of nodes) may run `deliverDue` at once: a
 * message is claimed under `FOR UPDATE SKIP LOCKED` with a lease (queries.claimDue) in a short transaction,
 * sent with no transaction open, and its result written in a second transaction — together with what
 * follows from it (partner status, notifications, the borrower's "unable to contact" state).
 */
export class IsoDelivery {
  constructor(
    private readonly ctx: AppContext,
    private readonly notifier: Notifier,
    private readonly options: DeliveryOptions,
  ) {}

  private inTransaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.ctx.db.transaction(async (tx) => work(tx as unknown as Db));
  }

  /**
   * Sends every message due at `now` until none is left, a few at a time so one partner that does not answer
   * does not hold up the others (each lane claims its next message itself). Returns how many were tried.
   */
  async deliverDue(now = () => new Date()): Promise<number> {
    const lane = async () => {
      let tried = 0;
      for (;;) {
        const at = now();
        const lease = new Date(at.getTime() + this.options.timeoutMs + 60_000);
        const message = await this.inTransaction((tx) => q.claimDue(tx, at, lease));
        if (!message) return tried;
        tried++;
        await this.deliver(message, now);
      }
    };
    const lanes = Array.from({ length: this.options.lanes ?? LANES }, lane);
    return (await Promise.all(lanes)).reduce((a, b) => a + b, 0);
  }

  /** When a retry falls due within the minute sweep's interval, a delayed job is worth asking for. */
  async secondsToNextDue(now = new Date()): Promise<number | null> {
    const next = await q.nextDueAt(this.ctx.db);
    return next ? Math.max(1, Math.ceil((next.getTime() - now.getTime()) / 1000)) : null;
  }

  private async deliver(message: q.MessageRow, now: () => Date) {
    const partner = message.partnerId ? await q.findPartner(this.ctx.db, message.partnerId) : null;
    const started = Date.now();
    let outcome: Outcome;
    if (!partner)
      outcome = { kind: 'notSent', confirmation: '', error: 'Not sent: the partner no longer exists.' };
    else if (!partner.enabled)
      outcome = { kind: 'notSent', confirmation: '', error: 'Not sent: the partner is disabled.' };
    else
      outcome = await this.post(
        partner.endpointUrl,
        withSecurityCode(message.body, partner.outboundSecurityCode),
      );
    const durationMs = partner?.enabled ? Date.now() - started : null;
    const at = now();
    const mailIds = await this.inTransaction(async (tx) =>
      this.record(tx, message, partner, outcome, durationMs, at),
    );
    await this.ctx.mailer.dispatch(mailIds);
  }

  private async post(url: string, body: string): Promise<Outcome> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/xml; charset=utf-8', accept: 'application/xml, text/xml' },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const e = error as Error & { cause?: { code?: string; message?: string } };
      const why = e.name === 'TimeoutError' ? `No answer within ${this.options.timeoutMs / 1000} s` : null;
      return {
        kind: 'transient',
        confirmation: null,
        error: why ?? `Could not connect: ${e.cause?.code ?? e.cause?.message ?? e.message}`,
      };
    }
    let text: string;
    try {
      text = await readLimited(response, MAX_REPLY);
    } catch (error) {
      return {
        kind: 'transient',
        confirmation: null,
        error: `Reading the answer: ${(error as Error).message}`,
      };
    }
    const stored = text.slice(0, MAX_STORED_REPLY);
    const parsed = parseConfirmation(text);
    // An ERROR confirmation is the partner's answer even with an error status code: retrying cannot help.
    if (parsed.ok && parsed.status === 'ERROR')
      return {
        kind: 'rejected',
        confirmation: stored,
        error: `${parsed.errorType ?? 'ERROR'}: ${parsed.errorValue ?? ''}`.trim(),
      };
    if (!response.ok) return { kind: 'transient', confirmation: stored, error: `HTTP ${response.status}` };
    if (!parsed.ok)
      return { kind: 'transient', confirmation: stored, error: `Unreadable confirmation: ${parsed.reason}` };
    return { kind: 'sent', confirmation: stored };
  }

  private async record(
    tx: Db,
    message: q.MessageRow,
    partner: q.PartnerRecord | null,
    outcome: Outcome,
    durationMs: number | null,
    at: Date,
  ): Promise<string[]> {
    const base = { durationMs, confirmation: outcome.confirmation || null };
    if (outcome.kind === 'sent') {
      await q.updateMessage(tx, message.id, {
        ...base,
        status: 'sent',
        sentAt: at,
        error: null,
        nextTryAt: null,
      });
      await q.markPartnerReached(tx, partner!.organizationId, at);
      return [];
    }
    const schedule = this.options.retrySchedule;
    if (outcome.kind === 'transient' && message.tries <= schedule.length) {
      const wait = schedule[message.tries - 1]!;
      await q.updateMessage(tx, message.id, {
        ...base,
        status: 'retrying',
        error: outcome.error,
        nextTryAt: new Date(at.getTime() + wait * 1000),
      });
      return [];
    }
    // The request is locked first, as every change to a request does, so this cannot deadlock with one.
    const req = message.requestId ? await sq.lockRequest(tx, message.requestId) : null;
    const failed = outcome.kind !== 'rejected';
    await q.updateMessage(tx, message.id, {
      ...base,
      status: failed ? 'failed' : 'rejected',
      error: outcome.error,
      nextTryAt: null,
    });
    if (partner && outcome.kind === 'transient')
      await q.markPartnerUnreachable(tx, partner.organizationId, at, outcome.error);
    // An ERROR confirmation still proves the partner is there.
    if (partner && outcome.kind === 'rejected') await q.markPartnerReached(tx, partner.organizationId, at);
    return req ? this.tellStaff(tx, req, message, partner, failed, outcome.error, at) : [];
  }

  /**
   * Our library on the request hears of it. When we are the borrower and our request (or a message about
   * it) could not reach the lender we are waiting for, the request becomes "unable to contact supplier",
   * where staff retry or skip to the next lender.
   */
  private async tellStaff(
    tx: Db,
    req: sq.RequestRow,
    message: q.MessageRow,
    partner: q.PartnerRecord | null,
    failed: boolean,
    error: string,
    at: Date,
  ): Promise<string[]> {
    const attempt = message.attemptId ? await sq.findAttempt(tx, message.attemptId) : null;
    const partnerId = message.partnerId;
    const ours = req.borrowerId !== partnerId ? req.borrowerId : attempt?.lenderId;
    if (!ours || ours === partnerId) return [];
    const notices: Notice[] = [];
    const current = req.currentAttemptId ? await sq.findAttempt(tx, req.currentAttemptId) : null;
    if (
      failed &&
      ours === req.borrowerId &&
      BORROWER_KINDS.has(message.kind) &&
      current &&
      current.id === message.attemptId &&
      current.lenderId === partnerId
    ) {
      const flow = new Flow(tx, req, current, SYSTEM, at);
      const note = `Could not deliver to ${partner?.symbol ?? 'the lender'}: ${error}`;
      if (flow.borrower('lender_unreachable', 'system', note, true)) {
        await flow.save();
        // The flow tells the borrower's staff itself (an attention state reached by the system).
        notices.push(...flow.notices);
        return this.notifier.write(tx, notices, flow.req);
      }
    }
    notices.push({
      to: 'staff',
      libraryId: ours,
      kind: failed ? 'iso_message_failed' : 'iso_message_rejected',
      requestId: req.id,
      state: failed ? 'partner_message_failed' : 'partner_message_rejected',
    });
    return this.notifier.write(tx, notices, req);
  }
}

/** The body as text, refusing (and no longer reading) one larger than `limit` bytes. */
async function readLimited(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The delivery job: a sweep every minute (retries, and anything a node missed) plus a run a second after
 * each message is queued on a node that works jobs. A retry due sooner than the next sweep gets its own
 * delayed run.
 */
export function defineDeliveryJob(ctx: AppContext, notifier: Notifier) {
  const delivery = new IsoDelivery(ctx, notifier, {
    retrySchedule: ctx.env.iso18626RetrySchedule,
    timeoutMs: ctx.env.iso18626TimeoutMs,
  });
  const soon = (seconds: number) =>
    ctx.jobs.send(ISO_DELIVER_JOB, {}, { startAfterSeconds: seconds }).catch(() => undefined);
  ctx.jobs.define(
    ISO_DELIVER_JOB,
    async () => {
      await delivery.deliverDue();
      const next = await delivery.secondsToNextDue();
      if (next !== null && next < 60) await soon(next);
    },
    { cron: '* * * * *', retryLimit: 0 },
  );
  if (ctx.env.jobsMode !== 'off') {
    // Several messages queued in one change ask for one run.
    let asked = false;
    onOutboundQueued(() => {
      if (asked) return;
      asked = true;
      setTimeout(() => {
        asked = false;
        void soon(1);
      }, 50).unref();
    });
  }
  return delivery;
}
