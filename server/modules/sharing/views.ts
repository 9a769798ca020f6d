import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { QueuePage, RequestDetail, StaffAction } from '../../../shared/contracts/sharing.ts';
import { resolveSide } from './policy.ts';
import { copyToken } from './service.ts';
import { journalOf } from './citation.ts';
import { requestNumber } from './notify.ts';
import * as q from './queries.ts';
import { requestPage } from './detail-queries.ts';
import * as qq from './queue-queries.ts';
import { BORROWER, LENDER, actionsFor } from './states.ts';
import {
  decodeTexts,
  readTexts,
  renderSharingText,
  type SharingText,
} from '../../../shared/contracts/sharing-texts.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A stored reason or note: its codes (coded, or legacy English text matched) and the English text. */
function present(stored: string | SharingText): { text: string; codes: SharingText[] } {
  const codes = readTexts(stored);
  if (typeof stored === 'string' && !decodeTexts(stored)) return { text: stored, codes };
  return { text: codes.map(renderSharingText).join(' · '), codes };
}

/**
 * What staff read: queues and the request page. The lending side is built from the lender's own attempt
 * and never reads the patron row or borrower-only fields (tests check every lending response for them).
 */
export class SharingViews {
  constructor(private readonly ctx: AppContext) {}

  async detail(actor: Principal, requestId: string): Promise<RequestDetail> {
    const db = this.ctx.db;
    const page = await requestPage(db, requestId, actor.organizationId);
    if (!page) throw notFound('This request');
    const { req, attempts, libraries: libs, events, notes } = page;
    const own = [...attempts].reverse().find((a) => a.lenderId === actor.organizationId) ?? null;
    const current = attempts.find((a) => a.id === req.currentAttemptId) ?? null;
    const viewAs = resolveSide(actor, req, own ?? current, 'view');
    const attempt = viewAs === 'lending' ? own : current;
    const lib = (id: string) => {
      const l = libs.find((x) => x.id === id);
      return { id, symbol: l?.symbol ?? '', name: l?.name ?? '' };
    };
    const rota = viewAs === 'lending' ? [] : page.rota;
    const patron = viewAs === 'borrowing' ? page.patron : null;
    const isCurrentLender = viewAs === 'lending' && own?.id === req.currentAttemptId;
    let actions: StaffAction[] = [];
    if (viewAs === 'borrowing')
      actions = actionsFor(BORROWER, req.state, req.serviceType, 'staff', {
        renewalPending: current?.renewalPending === true,
      }) as StaffAction[];
    if (isCurrentLender && own)
      actions = actionsFor(LENDER, own.state, req.serviceType, 'staff', {
        renewalPending: own.renewalPending === true,
      }) as StaffAction[];
    const journal = req.serviceType === 'copy' ? journalOf(req.citation) : null;
    const year = req.createdAt.getUTCFullYear();
    const contuCount =
      journal && viewAs !== 'lending' ? await q.contuCount(db, req.borrowerId, journal, year) : 0;
    return {
      id: req.id,
      number: requestNumber(req.seq),
      version: req.version,
      viewAs,
      serviceType: req.serviceType,
      citation: req.citation,
      clusterId: req.clusterId,
      needBefore: req.needBefore,
      pickupLocation: viewAs === 'lending' ? '' : req.pickupLocation,
      rush: req.rush,
      borrower: lib(req.borrowerId),
      outside: req.source === 'partner',
      state: req.state,
      patron: patron
        ? { name: patron.name, email: patron.email, cardNumber: patron.cardNumber, locale: patron.locale }
        : null,
      staffNote: viewAs === 'borrowing' ? req.staffNote : null,
      attempt: attempt
        ? {
            id: attempt.id,
            lender: lib(attempt.lenderId),
            position: attempt.position,
            state: attempt.state,
            answerBy: iso(attempt.answerBy),
            dueDate: attempt.dueDate,
            shippingMethod: attempt.shippingMethod,
            trackingId: attempt.trackingId,
            conditions: attempt.conditions,
            costCents: attempt.costCents,
            reasonCode: attempt.reasonCode,
            renewalPending: attempt.renewalPending,
            hasCopy: !!attempt.copyPath,
          }
        : null,
      rota: rota
        .filter((r) => r.position !== null)
        .map((r) => ({
          position: r.position!,
          library: { id: r.libraryId, symbol: r.symbol, name: r.name },
          reasons: r.reasons.map((x) => present(x).text),
          reasonCodes: r.reasons.flatMap((x) => present(x).codes),
          state: [...attempts].reverse().find((a) => a.lenderId === r.libraryId)?.state ?? null,
        })),
      skipped: rota
        .filter((r) => r.position === null)
        .map((r) => ({
          library: { id: r.libraryId, symbol: r.symbol, name: r.name },
          reason: present(r.skipReason ?? '').text,
          reasonCodes: present(r.skipReason ?? '').codes,
        })),
      timeline: events
        .filter((e) => viewAs !== 'lending' || (!!own && e.attemptId === own.id))
        .filter((e) => viewAs === 'borrowing' || e.visibility === 'both')
        .map((e) => ({
          at: e.at.toISOString(),
          side: e.side,
          actor: e.actor,
          library: e.library,
          action: e.action,
          from: e.fromState,
          to: e.toState,
          note: present(e.note).text,
          noteCodes: present(e.note).codes,
        })),
      notes: notes
        .filter(
          (n) =>
            viewAs !== 'lending' ||
            n.libraryId === actor.organizationId ||
            (own && n.at >= own.createdAt && (!own.endedAt || n.at <= own.endedAt)),
        )
        .map((n) => ({
          id: n.id,
          at: n.at.toISOString(),
          author: n.author ?? '',
          library: n.library,
          text: n.text,
        })),
      actions,
      contu:
        journal && viewAs !== 'lending'
          ? { journal, year, count: contuCount, warning: contuCount >= 5 }
          : null,
      copyUrl:
        viewAs === 'borrowing' &&
        current?.copyPath &&
        current.copyExpiresAt &&
        current.copyExpiresAt > new Date()
          ? `${this.ctx.env.baseUrl}/api/v1/sharing/copies/${copyToken(this.ctx.secretKey, current.id)}`
          : null,
      createdAt: req.createdAt.toISOString(),
      updatedAt: req.updatedAt.toISOString(),
    };
  }

  async queue(libraryId: string, filter: qq.QueueFilter): Promise<QueuePage> {
    const db = this.ctx.db;
    const page =
      filter.side === 'lending'
        ? await qq.lendingQueue(db, libraryId, filter)
        : await qq.borrowingQueue(db, libraryId, filter);
    const counts =
      filter.side === 'lending'
        ? await qq.lendingCounts(db, libraryId)
        : await qq.borrowingCounts(db, libraryId);
    const states = filter.side === 'lending' ? LENDER.states : BORROWER.states;
    const attentionOf = (s: string) => !!(states as Record<string, { attention?: boolean }>)[s]?.attention;
    const withAttention = counts.map((c) => ({
      state: c.state,
      count: c.count,
      attention: attentionOf(c.state),
    }));
    return {
      items: page.rows.map((r) => ({
        id: r.id,
        number: requestNumber(r.seq),
        serviceType: r.serviceType,
        title: r.title,
        author: r.author,
        state: r.state,
        attention: attentionOf(r.state) || r.renewalPending === true,
        borrower: { id: r.borrowerId, symbol: r.borrowerSymbol, name: r.borrowerName },
        lender: r.lenderId
          ? { id: r.lenderId, symbol: r.lenderSymbol ?? '', name: r.lenderName ?? '' }
          : null,
        needBefore: r.needBefore,
        dueDate: r.dueDate,
        rush: r.rush,
        outside: r.source === 'partner',
        updatedAt: r.updatedAt.toISOString(),
      })),
      total: page.total,
      page: filter.page,
      pageSize: filter.pageSize,
      counts: withAttention,
      attentionTotal: withAttention.filter((c) => c.attention).reduce((n, c) => n + c.count, 0),
    };
  }
}
