import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, signIn, type TestApp } from '../test/harness.ts';
import { sharingAttempts, sharingRequests } from '../modules/sharing/tables.ts';
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
  it('writes a year of requests in many states, once', async () => {
    expect(created).toBe(3000);
    expect(await seedDemoSharing(t.ctx.db)).toBe(0);
    const states = await t.ctx.db
      .select({ state: sharingRequests.state, n: sql<number>`count(*)::int` })
      .from(sharingRequests)
      .groupBy(sharingRequests.state);
    const byState = Object.fromEntries(states.map((s) => [s.state, s.n]));
    console.info(`demo sharing seed: ${Math.round(ms)} ms`, byState);
    for (const s of [
      'complete',
      'cancelled',
      'end_of_rota',
      'requested',
      'expects_to_supply',
      'shipped',
      'checked_out',
      'filled_locally',
      'duplicate_review',
    ])
      expect(byState[s], s).toBeGreaterThan(0);
    const lender = await t.ctx.db
      .select({ state: sharingAttempts.state, n: sql<number>`count(*)::int` })
      .from(sharingAttempts)
      .groupBy(sharingAttempts.state);
    expect(lender.length).toBeGreaterThan(6);
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
