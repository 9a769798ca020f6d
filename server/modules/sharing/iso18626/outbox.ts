import crypto from 'node:crypto';
import type { Db } from '../../../platform/db/client.ts';
import * as sq from '../queries.ts';
import * as q from './queries.ts';
import { redactPatron } from './redact.ts';

/**
 * The ISO 18626 outbox. A message is written in the transaction of the change that causes it (so a
 * rolled-back action sends nothing), then delivered by the `sharing.iso18626-deliver` job (delivery.ts):
 * in order per partner and request, with retries and backoff. The same table is the log staff read.
 */
export type OutboundMessage = {
  requestId: string | null;
  attemptId: string | null;
  /** The partner's organisation id. */
  partnerId: string;
  kind: 'request' | 'supplyingAgencyMessage' | 'requestingAgencyMessage';
  /** One line for the log: the status, action or reason. */
  summary: string;
  /** The XML to send (without patron data). Security codes in it are masked when stored; see below. */
  body: string;
};

const SECURITY_CODE = /(<(?:[\w.-]+:)?securityCode\b[^>]*>)([^<]*)(<\/(?:[\w.-]+:)?securityCode>)/g;
export const MASKED_CODE = '********';

/**
 * The log must not show the code we send a partner, so the stored body carries a mask in its place and the
 * partner's current outbound code is put back at sending time (an edited code also reaches queued messages).
 */
export const maskSecurityCode = (xml: string) => xml.replace(SECURITY_CODE, `$1${MASKED_CODE}$3`);

export function withSecurityCode(xml: string, code: string | null): string {
  const escaped = (code ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return xml.replace(
    SECURITY_CODE,
    (_all, open: string, _old: string, close: string) => open + escaped + close,
  );
}

/** Nodes that work jobs subscribe here; `enqueueOutbound` runs inside a transaction with no app context. */
const listeners = new Set<() => void>();
export function onOutboundQueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Queues a message to a partner in the caller's transaction and asks for delivery soon. The delivery job
 * may run before this transaction commits; a message it did not see is taken by the next run (at the
 * latest the minute sweep).
 */
export async function enqueueOutbound(tx: Db, message: OutboundMessage): Promise<number> {
  const id = await q.insertMessage(tx, {
    requestId: message.requestId,
    attemptId: message.attemptId,
    partnerId: message.partnerId,
    direction: 'out',
    kind: message.kind,
    summary: message.summary.slice(0, 500),
    body: maskSecurityCode(message.body),
    status: 'pending',
    nextTryAt: new Date(),
  });
  for (const listener of listeners) listener();
  return id;
}

/**
 * Queues undelivered outbound messages of a request again: without `messageId` (staff chose "retry
 * contact"), those of the request's current attempt that failed — not those of lenders it moved on from,
 * nor ones a partner refused; with `messageId`, that one message if it failed or was rejected.
 * Each becomes `resent` in the log and a fresh copy is queued. Messages that were held back behind a failed
 * one move behind its copy, so the partner still receives them in the original order.
 * Returns the ids of the new copies.
 */
export async function resendFailed(tx: Db, requestId: string, messageId?: number): Promise<number[]> {
  const copies: number[] = [];
  const which =
    messageId !== undefined
      ? { messageId }
      : { attemptId: (await sq.findRequest(tx, requestId))?.currentAttemptId ?? null };
  for (const old of await q.undeliveredOfRequest(tx, requestId, which)) {
    const held =
      old.status === 'failed' && old.partnerId
        ? await q.waitingAfter(tx, requestId, old.partnerId, old.id)
        : [];
    await q.updateMessage(tx, old.id, { status: 'resent', nextTryAt: null });
    copies.push(
      await q.insertMessage(tx, {
        requestId: old.requestId,
        attemptId: old.attemptId,
        partnerId: old.partnerId,
        direction: 'out',
        kind: old.kind,
        summary: old.summary,
        body: old.body,
        status: 'pending',
        nextTryAt: new Date(),
      }),
    );
    for (const h of held) await q.moveToEnd(tx, h.id);
  }
  if (copies.length) for (const listener of listeners) listener();
  return copies;
}

// ——— Inbound messages, logged by the endpoint ———

export type InboundLogEntry = {
  requestId: string | null;
  attemptId: string | null;
  /** Null when the sender could not be identified. */
  partnerId: string | null;
  kind: string;
  summary: string;
  /** Redacted here as well (redactPatron is idempotent): the log never keeps patron data. */
  body: string;
  /** Of the body as received (see `inboundBodyHash`): the same message twice has the same hash. */
  bodyHash: string | null;
  /** Our confirmation, as sent. */
  confirmation: string;
  status: 'applied' | 'ignored' | 'error';
  error?: string | null;
  durationMs?: number | null;
};

/** The hash that identifies a repeated inbound message: SHA-256 of the body exactly as received. */
export const inboundBodyHash = (body: string | Buffer) =>
  crypto.createHash('sha256').update(body).digest('hex');

/**
 * Logs an inbound message in the caller's transaction. Returns its id, or null when the same body from the
 * same partner is already logged (a repeat: answer it with `findInboundByHash(…).confirmation`).
 */
export async function recordInbound(tx: Db, entry: InboundLogEntry): Promise<number | null> {
  return q.insertInbound(tx, {
    requestId: entry.requestId,
    attemptId: entry.attemptId,
    partnerId: entry.partnerId,
    direction: 'in',
    kind: entry.kind,
    summary: entry.summary.slice(0, 500),
    body: maskSecurityCode(redactPatron(entry.body)),
    bodyHash: entry.bodyHash,
    confirmation: entry.confirmation,
    status: entry.status,
    error: entry.error ?? null,
    durationMs: entry.durationMs ?? null,
    sentAt: new Date(),
  });
}

/** The earlier copy of an inbound message (same partner, same body hash), with the confirmation we gave. */
export const findInboundByHash = (db: Db, partnerId: string, hash: string) =>
  q.inboundByHash(db, partnerId, hash);
