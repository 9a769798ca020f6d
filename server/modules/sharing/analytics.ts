import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { isConsortiumStaff, type Principal } from '../../platform/auth/principal.ts';
import type { Analytics } from '../../../shared/contracts/sharing.ts';
import { SHARING_TEXT_CODES, SHARING_TEXTS_EN } from '../../../shared/contracts/sharing-texts.ts';

type Period = 'month' | 'quarter' | 'year';
type Scope = { libraryId?: string | undefined; from: string; to: string; period: Period };
type Turnaround = Analytics['total']['timeToShip'];

/** What each figure counts, in English; the web app shows the same texts translated (code analytics.<figure>). */
export const DEFINITIONS = Object.fromEntries(
  SHARING_TEXT_CODES.filter((c) => c.startsWith('analytics.')).map((c) => [
    c.slice('analytics.'.length),
    SHARING_TEXTS_EN[c],
  ]),
) as Record<string, string>;

const LABEL: Record<Period, string> = { month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' };

/** Interlibrary loan figures for a library or the whole consortium, by period; every figure is defined. */
export class SharingAnalytics {
  constructor(private readonly ctx: AppContext) {}

  authorize(actor: Principal, libraryId: string | undefined) {
    if (libraryId && libraryId !== actor.organizationId && !isConsortiumStaff(actor))
      throw new AppError(
        'OTHER_LIBRARY',
        'Figures of one library are for its own staff and consortium staff.',
      );
  }

  private async rows(query: SQL) {
    const result = await this.ctx.db.execute(query);
    return ((result as unknown as { rows?: Record<string, unknown>[] }).rows ??
      (result as unknown as Record<string, unknown>[])) as Record<string, unknown>[];
  }

  async compute(s: Scope): Promise<Analytics> {
    const from = sql`${s.from}::date::timestamptz`;
    const to = sql`(${s.to}::date + 1)::timestamptz`;
    const label = (col: SQL) =>
      sql`to_char(date_trunc(${s.period}, ${col} AT TIME ZONE 'UTC'), ${LABEL[s.period]})`;
    const mine = (col: SQL) => (s.libraryId ? sql`AND ${col} = ${s.libraryId}::uuid` : sql``);
    const turnaround = (ts: SQL, start: SQL) => sql`
      SELECT ${label(ts)} AS p, count(*)::int AS n,
        avg(extract(epoch FROM ${ts} - ${start}) / 3600)::float8 AS avg,
        (count(*) FILTER (WHERE ${ts} - ${start} < interval '48 hours'))::int AS a,
        (count(*) FILTER (WHERE ${ts} - ${start} >= interval '48 hours' AND ${ts} - ${start} <= interval '72 hours'))::int AS b,
        (count(*) FILTER (WHERE ${ts} - ${start} > interval '72 hours'))::int AS c
      FROM sharing_requests WHERE ${ts} >= ${from} AND ${ts} < ${to} AND ${start} IS NOT NULL ${mine(sql`borrower_id`)} GROUP BY 1`;
    const [created, ended, ship, receipt, total, supplied, received] = await Promise.all([
      this.rows(sql`SELECT ${label(sql`created_at`)} AS p, count(*)::int AS n FROM sharing_requests
        WHERE created_at >= ${from} AND created_at < ${to} ${mine(sql`borrower_id`)} GROUP BY 1`),
      this
        .rows(sql`SELECT ${label(sql`ended_at`)} AS p, count(*)::int AS n, (count(*) FILTER (WHERE supplier_id IS NOT NULL))::int AS f
        FROM sharing_requests WHERE ended_at >= ${from} AND ended_at < ${to} ${mine(sql`borrower_id`)} GROUP BY 1`),
      this.rows(turnaround(sql`shipped_at`, sql`created_at`)),
      this.rows(turnaround(sql`received_at`, sql`shipped_at`)),
      this.rows(turnaround(sql`received_at`, sql`created_at`)),
      this.rows(sql`SELECT ${label(sql`shipped_at`)} AS p, count(*)::int AS n FROM sharing_attempts
        WHERE shipped_at >= ${from} AND shipped_at < ${to} ${mine(sql`lender_id`)} GROUP BY 1`),
      this.rows(sql`SELECT ${label(sql`shipped_at`)} AS p, count(*)::int AS n FROM sharing_requests
        WHERE shipped_at >= ${from} AND shipped_at < ${to} ${mine(sql`borrower_id`)} GROUP BY 1`),
    ]);
    const periods = [
      ...new Set([created, ended, ship, receipt, total, supplied, received].flat().map((r) => String(r.p))),
    ].sort();
    const at = (rows: Record<string, unknown>[], p: string) => rows.find((r) => r.p === p);
    const num = (v: unknown) => Number(v ?? 0);
    const ta = (rows: Record<string, unknown>[], p: string | null): Turnaround => {
      const list = p === null ? rows : rows.filter((r) => r.p === p);
      const n = list.reduce((x, r) => x + num(r.n), 0);
      const hours = list.reduce((x, r) => x + num(r.avg) * num(r.n), 0);
      return {
        count: n,
        averageHours: n ? Math.round((hours / n) * 10) / 10 : null,
        under48: list.reduce((x, r) => x + num(r.a), 0),
        from48to72: list.reduce((x, r) => x + num(r.b), 0),
        over72: list.reduce((x, r) => x + num(r.c), 0),
      };
    };
    const row = (p: string | null) => {
      const sum = (rows: Record<string, unknown>[], key = 'n') =>
        p === null ? rows.reduce((x, r) => x + num(r[key]), 0) : num(at(rows, p)?.[key]);
      const endedN = sum(ended);
      const filled = sum(ended, 'f');
      const sup = sum(supplied);
      const rec = sum(received);
      return {
        period: p ?? 'total',
        requests: sum(created),
        ended: endedN,
        filled,
        fillRate: endedN ? Math.round((filled / endedN) * 1000) / 1000 : null,
        timeToShip: ta(ship, p),
        timeToReceipt: ta(receipt, p),
        totalTurnaround: ta(total, p),
        supplied: sup,
        received: rec,
        net: s.libraryId ? sup - rec : 0,
      };
    };
    return {
      scope: { libraryId: s.libraryId ?? null, from: s.from, to: s.to, period: s.period },
      definitions: DEFINITIONS,
      rows: periods.map((p) => row(p)),
      total: row(null),
    };
  }

  /** The same figures as CSV (one row per period, then the total). */
  static csv(a: Analytics): string {
    const head = [
      'period',
      'requests',
      'ended',
      'filled',
      'fill_rate',
      'ship_count',
      'ship_avg_hours',
      'ship_under_48h',
      'ship_48_72h',
      'ship_over_72h',
      'receipt_avg_hours',
      'total_count',
      'total_avg_hours',
      'total_under_48h',
      'total_48_72h',
      'total_over_72h',
      'supplied',
      'received',
      'net',
    ];
    const line = (r: Analytics['total']) =>
      [
        r.period,
        r.requests,
        r.ended,
        r.filled,
        r.fillRate ?? '',
        r.timeToShip.count,
        r.timeToShip.averageHours ?? '',
        r.timeToShip.under48,
        r.timeToShip.from48to72,
        r.timeToShip.over72,
        r.timeToReceipt.averageHours ?? '',
        r.totalTurnaround.count,
        r.totalTurnaround.averageHours ?? '',
        r.totalTurnaround.under48,
        r.totalTurnaround.from48to72,
        r.totalTurnaround.over72,
        r.supplied,
        r.received,
        r.net,
      ].join(',');
    return [head.join(','), ...a.rows.map(line), line(a.total)].join('\r\n') + '\r\n';
  }
}
