import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import type { RequestDetail } from '../../../../shared/contracts/sharing.ts';
import { Notifier } from '../notify.ts';
import { SharingTimers } from '../jobs.ts';
import { sharingAttempts } from '../tables.ts';
import { IsoDelivery } from './delivery.ts';
import { enqueueOutbound } from './outbox.ts';
import { createPartner, outboxWorld, requestXml, startPeer, type Peer } from './outbox.test-support.ts';

/**
 * A partner we could not reach keeps its attempt open with an answer deadline. When the deadline passes
 * before staff act, the answer time-out moves the request on to the next lender (or the end of the rota)
 * instead of failing on every sweep.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof outboxWorld>>;
let peer: Peer;

beforeAll(async () => {
  t = await createTestApp({ ISO18626_TIMEOUT_SECONDS: '1' });
  w = await outboxWorld(t);
  peer = await startPeer(['refuse']);
});
afterAll(async () => {
  await peer.close();
  await t.close();
});

it('times out an unreachable partner like any lender and moves on', async () => {
  const partner = await createPartner(t, peer.url);
  const at = await w.requestAtPartner(partner.id);
  await enqueueOutbound(t.ctx.db, {
    ...at,
    partnerId: partner.id,
    kind: 'request',
    summary: 'New request',
    body: requestXml('TIMEOUT-1'),
  });
  const delivery = new IsoDelivery(t.ctx, new Notifier(t.ctx), { retrySchedule: [], timeoutMs: 1000 });
  await delivery.deliverDue();
  const stuck = (await w.a.get(`/api/v1/sharing/requests/${at.requestId}`)).json() as RequestDetail;
  expect(stuck.state).toBe('unable_to_contact');

  const timers = new SharingTimers(t.ctx, new Notifier(t.ctx));
  const inTenDays = new Date(Date.now() + 10 * 86_400_000);
  expect(await timers.answerTimeouts(inTenDays)).toBeGreaterThanOrEqual(1);
  const moved = (await w.a.get(`/api/v1/sharing/requests/${at.requestId}`)).json() as RequestDetail;
  // The next lender on the rota was asked (a new attempt); the unreachable one is closed.
  expect(moved.state).toBe('requested');
  expect(moved.attempt!.id).not.toBe(at.attemptId);
  const [old] = await t.ctx.db
    .select({ state: sharingAttempts.state })
    .from(sharingAttempts)
    .where(eq(sharingAttempts.id, at.attemptId));
  expect(old!.state).toBe('cancelled');
  // A second sweep finds nothing more to do.
  expect(await timers.answerTimeouts(inTenDays)).toBe(0);
});
