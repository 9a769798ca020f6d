import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, signIn, type TestApp } from '../test/harness.ts';
import {
  sharingAttempts,
  sharingEvents,
  sharingPatrons,
  sharingRequests,
} from '../modules/sharing/tables.ts';
import { BORROWER_STATES, LENDER_STATES } from '../modules/sharing/states.ts';
import type { Analytics, QueuePage } from '../../shared/contracts/sharing.ts';
import { seedDemo } from './index.ts';
import { seedDemoSharing } from './sharing.ts';

let t: TestApp;
let created = 0;
let ms = 0;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx.db);
  const started = performance.now();
  created = await seedDemoSharing(t.ctx.db, { requests: 3000 });
  ms = performance.now() - started;
});
afterAll(() => t.close());

describe('demo interlibrary-loan traffic', () => {
  it('writes a year of requests, once', async () => {
    expect(created).toBe(3000);
    expect(await seedDemoSharing(t.ctx.db)).toBe(0);
    const [span] = await t.ctx.db
      .select({
        first: sql<string>`min(${sharingRequests.createdAt})`,
        last: sql<string>`max(${sharingEvents.at})`,
      })
      .from(sharingRequests)
      .innerJoin(sharingEvents, eq(sharingEvents.requestId, sharingRequests.id));
    expect(Date.now() - Date.parse(span!.first)).toBeGreaterThan(300 * 86_400_000);
    // Nothing has happened yet that lies in the future.
    expect(Date.parse(span!.last)).toBeLessThanOrEqual(Date.now());
  });

  it('has requests resting in every state of both sides', async () => {
    const count = async (column: typeof sharingRequests.state | typeof sharingAttempts.state) =>
      Object.fromEntries(
        (
          await t.ctx.db
            .select({ state: column, n: sql<number>`count(*)::int` })
            .from(column.table)
            .groupBy(column)
        ).map((r) => [r.state, r.n]),
      ) as Record<string, number>;
    const borrower = await count(sharingRequests.state);
    const lender = await count(sharingAttempts.state);
    console.info(`demo sharing seed: ${Math.round(ms)} ms`, borrower, lender);
    // A new request is checked and routed in the transaction that creates it: these two are passed
    // through (the timeline shows them), never rested in.
    const passing = ['new', 'sourcing'];
    for (const state of Object.keys(BORROWER_STATES).filter((s) => !passing.includes(s)))
      expect(borrower[state] ?? 0, `borrower state ${state}`).toBeGreaterThan(0);
    for (const state of passing) {
      expect(borrower[state] ?? 0, `borrower state ${state}`).toBe(0);
      const [left] = await t.ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(sharingEvents)
        .where(eq(sharingEvents.fromState, state));
      expect(left!.n, `requests that passed through ${state}`).toBeGreaterThan(0);
    }
    for (const state of Object.keys(LENDER_STATES))
      expect(lender[state] ?? 0, `lender state ${state}`).toBeGreaterThan(0);
  });

  it('has patron requests in review, with the card number the patron gave', async () => {
    const rows = await t.ctx.db
      .select({ state: sharingRequests.state, card: sharingPatrons.cardNumber })
      .from(sharingRequests)
      .leftJoin(sharingPatrons, eq(sharingPatrons.requestId, sharingRequests.id))
      .where(eq(sharingRequests.source, 'patron'));
    const inReview = rows.filter((r) => r.state === 'patron_review');
    expect(inReview.length).toBeGreaterThanOrEqual(3);
    for (const r of inReview) expect(r.card).toMatch(/^\d{14}$/);
  });

  it('fills the demo queues and analytics', async () => {
    const ill = await signIn(t.app, 'ill@cedarhollow.example', 'amigos-demo-2026');
    const me = (await ill.get('/api/v1/auth/session')).json();
    const libraryId = me.user.organization.id;
    const queue = (
      await ill.get(`/api/v1/sharing/libraries/${libraryId}/requests?side=borrowing`)
    ).json() as QueuePage;
    expect(queue.total).toBeGreaterThan(50);
    const lending = (
      await ill.get(`/api/v1/sharing/libraries/${libraryId}/requests?side=lending&attention=true`)
    ).json() as QueuePage;
    expect(lending.counts.length).toBeGreaterThan(3);
    const year = new Date().getUTCFullYear();
    const all = (
      await ill.get(`/api/v1/sharing/analytics?from=${year - 1}-01-01&to=${year + 1}-12-31`)
    ).json() as Analytics;
    expect(all.total.fillRate).toBeGreaterThan(0.6);
    expect(all.total.fillRate).toBeLessThan(0.97);
    expect(all.total.totalTurnaround.count).toBeGreaterThan(1000);
  });
});
