import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/client.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { hasCapability, isConsortiumStaff, type Principal } from '../../../platform/auth/principal.ts';
import type {
  IsoMessageView,
  PartnerMessages,
  RequestMessages,
} from '../../../../shared/contracts/iso18626.ts';
import * as sq from '../queries.ts';
import { resendFailed } from './outbox.ts';
import { prettyPrint, redactPatron } from './redact.ts';
import * as q from './queries.ts';

type Reader =
  /** Consortium staff: every message, resending none (they follow requests, the libraries act). */
  | { kind: 'consortium' }
  /** Our borrowing library: every message of the request. */
  | { kind: 'borrower' }
  /** A lending member: the messages of its own attempts only. */
  | { kind: 'lender'; attemptIds: ReadonlySet<string> };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Shown pretty-printed, and without patron data even if a caller stored some (redaction is idempotent). */
const readable = (xml: string) => prettyPrint(redactPatron(xml));

function view(row: q.LogRow, canResend: boolean): IsoMessageView {
  return {
    id: row.id,
    direction: row.direction,
    kind: row.kind,
    summary: row.summary,
    status: row.status as IsoMessageView['status'],
    waitingForEarlier: row.waitingForEarlier === true,
    tries: row.tries,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    sentAt: iso(row.sentAt),
    nextTryAt: row.status === 'pending' || row.status === 'retrying' ? iso(row.nextTryAt) : null,
    durationMs: row.durationMs,
    partner: row.partnerId
      ? { id: row.partnerId, name: row.partnerName ?? '', symbol: row.partnerSymbol ?? '' }
      : null,
    attemptId: row.attemptId,
    body: readable(row.body),
    confirmation: row.confirmation ? readable(row.confirmation) : null,
    canResend: canResend && row.direction === 'out' && (row.status === 'failed' || row.status === 'rejected'),
  };
}

/** The ISO 18626 messages of a request (for the libraries on it) and of a partner (for consortium staff). */
export class MessageLog {
  constructor(private readonly ctx: AppContext) {}

  /**
   * Who reads which messages: the borrowing library's sharing staff all of them, a lending member's sharing
   * staff those of its own attempts, consortium staff all of them; anyone else is told there is no request.
   */
  private async reader(db: Db, actor: Principal, req: sq.RequestRow): Promise<Reader> {
    if (actor.organizationId === req.borrowerId) return this.staff(actor, { kind: 'borrower' });
    const mine = (await sq.attemptsOf(db, req.id)).filter((a) => a.lenderId === actor.organizationId);
    if (mine.length) return this.staff(actor, { kind: 'lender', attemptIds: new Set(mine.map((a) => a.id)) });
    if (isConsortiumStaff(actor)) return { kind: 'consortium' };
    throw notFound('This request');
  }

  private staff(actor: Principal, reader: Reader): Reader {
    if (!hasCapability(actor, 'sharing'))
      throw new AppError('FORBIDDEN', 'This needs the “sharing” permission at your library.');
    return reader;
  }

  private visible(reader: Reader, rows: q.LogRow[]) {
    if (reader.kind !== 'lender') return rows;
    return rows.filter((r) => r.attemptId && reader.attemptIds.has(r.attemptId));
  }

  async ofRequest(actor: Principal, requestId: string): Promise<RequestMessages> {
    const req = await sq.findRequest(this.ctx.db, requestId);
    if (!req) throw notFound('This request');
    const reader = await this.reader(this.ctx.db, actor, req);
    const rows = this.visible(reader, await q.messagesOfRequest(this.ctx.db, requestId));
    const partners = new Map<string, { id: string; name: string; symbol: string }>();
    for (const r of rows)
      if (r.partnerId)
        partners.set(r.partnerId, {
          id: r.partnerId,
          name: r.partnerName ?? '',
          symbol: r.partnerSymbol ?? '',
        });
    return {
      partners: [...partners.values()],
      items: rows.map((r) => view(r, reader.kind !== 'consortium')),
    };
  }

  async ofPartner(
    partnerId: string,
    query: { page: number; pageSize: number; status?: string | undefined },
  ): Promise<PartnerMessages> {
    if (!(await q.findPartner(this.ctx.db, partnerId))) throw notFound('This partner');
    const { rows, total } = await q.messagesOfPartner(this.ctx.db, partnerId, query);
    return {
      items: rows.map((r) => ({ ...view(r, false), requestId: r.requestId })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Staff of our library on the request queue a failed or rejected message again. */
  async resend(actor: Principal, requestId: string, messageId: number): Promise<RequestMessages> {
    await this.ctx.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const req = await sq.lockRequest(tx, requestId);
      if (!req) throw notFound('This request');
      const reader = await this.reader(tx, actor, req);
      if (reader.kind === 'consortium')
        throw new AppError('FORBIDDEN', 'Only the libraries on a request can resend its messages.');
      const message = await q.findMessage(tx, messageId);
      const rows = message?.requestId === requestId ? this.visible(reader, [message as q.LogRow]) : [];
      if (!message || !rows.length) throw notFound('This message');
      if (message.direction !== 'out' || (message.status !== 'failed' && message.status !== 'rejected'))
        throw new AppError('CONFLICT', 'Only a failed or rejected message we sent can be sent again.');
      await resendFailed(tx, requestId, messageId);
    });
    return this.ofRequest(actor, requestId);
  }
}
