import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { LendingPolicy } from '../../../shared/contracts/sharing.ts';
import { DEFAULT_POLICY } from './rota.ts';
import * as q from './queries.ts';
import * as nq from './notification-queries.ts';

const CONTU_LIMIT = 5;

/** Lending policies, CONTU counts and in-app notifications: small reads and writes around requests. */
export class SharingSettings {
  constructor(private readonly ctx: AppContext) {}

  /** A library without a saved policy lends under the defaults (version 1 until first saved). */
  async policy(libraryId: string): Promise<LendingPolicy> {
    const [row] = await q.policiesOf(this.ctx.db, [libraryId]);
    const p = row ?? { ...DEFAULT_POLICY, version: 1 };
    return {
      lending: p.lending,
      formatsLent: p.formatsLent,
      nonLendingLocations: p.nonLendingLocations,
      activeLoanLimit: p.activeLoanLimit,
      answerBusinessDays: p.answerBusinessDays,
      rushAnswerHours: p.rushAnswerHours,
      loanPeriodDays: p.loanPeriodDays,
      lenderOfLastResort: p.lenderOfLastResort,
      preferredPartners: p.preferredPartners,
      goalLoans: p.goalLoans,
      goalBorrows: p.goalBorrows,
      version: p.version,
    };
  }

  async updatePolicy(libraryId: string, input: LendingPolicy) {
    const { version, ...values } = input;
    if (values.preferredPartners.includes(libraryId))
      throw new AppError('VALIDATION_FAILED', 'A library cannot be its own preferred partner.', [
        { path: 'preferredPartners', message: 'must not include the library itself' },
      ]);
    const row = await q.upsertPolicy(this.ctx.db, libraryId, values, version);
    if (!row) throw new AppError('VERSION_CONFLICT');
    return this.policy(libraryId);
  }

  async contu(libraryId: string, year = new Date().getUTCFullYear()) {
    const rows = await q.contuList(this.ctx.db, libraryId, year);
    return { year, items: rows.map((r) => ({ ...r, warning: r.count >= CONTU_LIMIT })) };
  }

  async notifications(userId: string, f: { page: number; pageSize: number; unread?: 'true' | undefined }) {
    const { items, total, unread } = await nq.notificationPage(this.ctx.db, userId, {
      page: f.page,
      pageSize: f.pageSize,
      unreadOnly: f.unread === 'true',
    });
    return {
      unread,
      total,
      page: f.page,
      pageSize: f.pageSize,
      items: items.map((n) => ({
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        readAt: n.readAt?.toISOString() ?? null,
        createdAt: n.createdAt.toISOString(),
      })),
    };
  }

  async markAllRead(userId: string) {
    return nq.markAllNotificationsRead(this.ctx.db, userId);
  }

  async markRead(userId: string, id: string) {
    if (!(await q.markNotificationRead(this.ctx.db, userId, id))) throw notFound('This notification');
  }
}
