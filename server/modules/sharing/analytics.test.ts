import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/harness.ts';
import type { Analytics } from '../../../shared/contracts/sharing.ts';
import { sharingAttempts, sharingRequests } from './tables.ts';
import { sharingWorld } from './test-support.ts';

/** Analytics on hand-placed requests whose figures are worked out below by hand. */
let t: TestApp;
let w: Awaited<ReturnType<typeof sharingWorld>>;
const h = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * 3_600_000);

beforeAll(async () => {
  t = await createTestApp();
  w = await sharingWorld(t);
  const base = {
    serviceType: 'loan' as const,
    citation: { title: 'X' } as never,
    title: 'X',
    itemKey: 'title:x',
    borrowerId: w.libraryA.id,
  };
  const rows = [
    // January: filled, shipped after 30 h, received after 60 h in all (48–72 h bucket).
    { created: '2026-01-05T00:00:00Z', ship: 30, receive: 60, end: 240, state: 'complete', supplier: true },
    // January: cancelled before any lender shipped.
    {
      created: '2026-01-10T00:00:00Z',
      ship: null,
      receive: null,
      end: 200,
      state: 'cancelled',
      supplier: false,
    },
    // February: filled slowly (> 72 h), still on loan.
    {
      created: '2026-02-02T00:00:00Z',
      ship: 80,
      receive: 100,
      end: null,
      state: 'checked_out',
      supplier: true,
    },
  ];
  for (const r of rows) {
    const [req] = await t.ctx.db
      .insert(sharingRequests)
      .values({
        ...base,
        state: r.state as never,
        createdAt: new Date(r.created),
        shippedAt: r.ship === null ? null : h(r.created, r.ship),
        receivedAt: r.receive === null ? null : h(r.created, r.receive),
        endedAt: r.end === null ? null : h(r.created, r.end),
        supplierId: r.supplier ? w.libraryC.id : null,
      })
      .returning();
    if (r.ship !== null)
      await t.ctx.db.insert(sharingAttempts).values({
        requestId: req!.id,
        lenderId: w.libraryC.id,
        position: 1,
        state: 'shipped',
        shippedAt: h(r.created, r.ship),
      });
  }
});
afterAll(() => t.close());

const url = (q: string) => `/api/v1/sharing/analytics?from=2026-01-01&to=2026-02-28${q}`;

describe('analytics', () => {
  it('computes fill rate, turnaround buckets and net borrowing for a library, by month', async () => {
    const a = await signIn(t.app, w.staff.a);
    const res = (await a.get(url(`&libraryId=${w.libraryA.id}`))).json() as Analytics;
    expect(res.rows.map((r) => r.period)).toEqual(['2026-01', '2026-02']);
    const [jan, feb] = res.rows;
    expect(jan).toMatchObject({
      requests: 2,
      ended: 2,
      filled: 1,
      fillRate: 0.5,
      supplied: 0,
      received: 1,
      net: -1,
    });
    expect(jan!.timeToShip).toEqual({ count: 1, averageHours: 30, under48: 1, from48to72: 0, over72: 0 });
    expect(jan!.timeToReceipt).toMatchObject({ count: 1, averageHours: 30 });
    expect(jan!.totalTurnaround).toEqual({
      count: 1,
      averageHours: 60,
      under48: 0,
      from48to72: 1,
      over72: 0,
    });
    expect(feb).toMatchObject({ requests: 1, ended: 0, filled: 0, fillRate: null, received: 1 });
    expect(feb!.totalTurnaround).toMatchObject({ count: 1, averageHours: 100, over72: 1 });
    expect(res.total).toMatchObject({
      requests: 3,
      ended: 2,
      filled: 1,
      fillRate: 0.5,
      received: 2,
      net: -2,
    });
    expect(res.total.timeToShip).toMatchObject({ count: 2, averageHours: 55 });
    expect(Object.keys(res.definitions)).toContain('fillRate');
  });

  it('shows the lender as a net lender, the consortium as a whole, and exports CSV', async () => {
    const c = await signIn(t.app, w.staff.c);
    const lender = (await c.get(url(`&libraryId=${w.libraryC.id}&period=quarter`))).json() as Analytics;
    expect(lender.rows.map((r) => r.period)).toEqual(['2026-Q1']);
    expect(lender.total).toMatchObject({ requests: 0, supplied: 2, received: 0, net: 2 });
    const all = (await c.get(url(''))).json() as Analytics;
    expect(all.total).toMatchObject({ requests: 3, supplied: 2, received: 2, net: 0 });
    expect((await c.get(url(`&libraryId=${w.libraryA.id}`))).statusCode).toBe(403);
    const csv = await c.get(
      `/api/v1/sharing/analytics.csv?from=2026-01-01&to=2026-02-28&libraryId=${w.libraryC.id}`,
    );
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^period,requests,ended,filled,fill_rate,/);
    expect(lines.at(-1)).toMatch(/^total,0,0,0,,.*,2,0,2$/);
  });
});
