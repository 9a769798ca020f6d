import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/client.ts';
import { createTestApp, signIn, type TestApp } from '../../../test/harness.ts';
import type { RequestDetail } from '../../../../shared/contracts/sharing.ts';
import { Notifier } from '../notify.ts';
import { IsoDelivery } from './delivery.ts';
import { enqueueOutbound, MASKED_CODE } from './outbox.ts';
import { partnerByOrganization } from './partners.ts';
import * as sq from '../queries.ts';
import * as q from './queries.ts';
import { createPartner, outboxWorld, requestXml, startPeer, type Peer } from './outbox.test-support.ts';

/** Delivery of the outbox to a scripted peer: results, backoff, order, concurrency, transactions. */
let t: TestApp;
let w: Awaited<ReturnType<typeof outboxWorld>>;
let delivery: IsoDelivery;
let peer: Peer;
const SCHEDULE = [30, 120];

beforeAll(async () => {
  t = await createTestApp({ ISO18626_TIMEOUT_SECONDS: '1' });
  w = await outboxWorld(t);
  delivery = new IsoDelivery(t.ctx, new Notifier(t.ctx), { retrySchedule: SCHEDULE, timeoutMs: 1000 });
});
afterEach(async () => {
  await peer?.close();
  // Leave nothing due for the next test's runs.
  await t.ctx.db.execute(
    "UPDATE sharing_iso_messages SET status = 'sent' WHERE status IN ('pending', 'retrying') AND direction = 'out'" as never,
  );
});
afterAll(() => t.close());

const db = () => t.ctx.db as Db;
const queue = (body: string, at: { requestId: string | null; attemptId: string | null }, partnerId: string) =>
  enqueueOutbound(db(), {
    ...at,
    partnerId,
    kind: 'request',
    summary: `New request ${body}`,
    body: requestXml(body),
  });
const later = (seconds: number) => {
  const at = new Date(Date.now() + seconds * 1000);
  return () => at;
};
const message = async (id: number) => (await q.findMessage(db(), id))!;
async function notificationsOfA() {
  const res = await w.a.get('/api/v1/notifications');
  return (res.json() as { items: { title: string; link: string | null }[] }).items;
}

describe('delivering an outbound message', () => {
  it('posts it as XML with the current security code, records the OK and the partner contact', async () => {
    peer = await startPeer(['ok']);
    const partner = await createPartner(t, peer.url);
    const at = await w.requestAtPartner(partner.id);
    const id = await queue('OK-1', at, partner.id);
    // Stored masked: the log never shows the code.
    expect((await message(id)).body).toContain(`<ill:securityCode>${MASKED_CODE}</ill:securityCode>`);
    expect(await delivery.deliverDue()).toBe(1);
    expect(peer.received).toHaveLength(1);
    expect(peer.received[0]!.contentType).toMatch(/^application\/xml/);
    expect(peer.received[0]!.body).toContain('<ill:securityCode>real-code-');
    expect(peer.received[0]!.body).toContain('OK-1');
    const sent = await message(id);
    expect(sent).toMatchObject({ status: 'sent', tries: 1, error: null, nextTryAt: null });
    expect(sent.durationMs).toBeGreaterThanOrEqual(0);
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.confirmation).toMatch(/<(ill:)?messageStatus>OK<\/(ill:)?messageStatus>/);
    const p = await partnerByOrganization(db(), partner.id);
    expect(p!.lastContactAt).toBeInstanceOf(Date);
    expect(p!.unreachableSince).toBeNull();
    expect(await delivery.deliverDue(later(10_000))).toBe(0);
  });

  it('marks an ERROR confirmation rejected, without retrying, and tells our library', async () => {
    peer = await startPeer(['error']);
    const partner = await createPartner(t, peer.url);
    const at = await w.requestAtPartner(partner.id);
    const id = await queue('ERR-1', at, partner.id);
    await delivery.deliverDue();
    const rejected = await message(id);
    expect(rejected).toMatchObject({
      status: 'rejected',
      tries: 1,
      error: 'UnrecognisedDataValue: bad ISBN',
    });
    expect(await delivery.deliverDue(later(100_000))).toBe(0);
    expect(peer.received).toHaveLength(1);
    const notes = await notificationsOfA();
    expect(
      notes.some((n) => n.link === `/sharing/requests/${at.requestId}` && /rejected/.test(n.title)),
    ).toBe(true);
    // The partner answered: it is reachable.
    expect((await partnerByOrganization(db(), partner.id))!.unreachableSince).toBeNull();
  });

  it('retries on failures by the schedule, then fails: partner unreachable, request "unable to contact"', async () => {
    peer = await startPeer(['http500', 'garbage', 'hang']);
    const partner = await createPartner(t, peer.url);
    const at = await w.requestAtPartner(partner.id);
    const id = await queue('FAIL-1', at, partner.id);
    const t0 = Date.now();
    await delivery.deliverDue();
    let m = await message(id);
    expect(m).toMatchObject({ status: 'retrying', tries: 1, error: 'HTTP 500' });
    expect(m.nextTryAt!.getTime() - t0).toBeGreaterThanOrEqual(29_000);
    expect(m.nextTryAt!.getTime() - t0).toBeLessThan(40_000);
    expect(await delivery.deliverDue(later(20))).toBe(0);
    expect(await delivery.deliverDue(later(31))).toBe(1);
    m = await message(id);
    expect(m).toMatchObject({ status: 'retrying', tries: 2 });
    expect(m.error).toMatch(/^Unreadable confirmation/);
    expect(m.nextTryAt!.getTime() - t0).toBeGreaterThanOrEqual(150_000);
    expect(await delivery.deliverDue(later(31 + 100))).toBe(0);
    expect(await delivery.deliverDue(later(31 + 121))).toBe(1);
    m = await message(id);
    expect(m).toMatchObject({ status: 'failed', tries: 3, error: 'No answer within 1 s', nextTryAt: null });
    expect(peer.received).toHaveLength(3);

    const p = await partnerByOrganization(db(), partner.id);
    expect(p!.unreachableSince).toBeInstanceOf(Date);
    expect(p!.lastError).toBe('No answer within 1 s');
    const detail = (await w.a.get(`/api/v1/sharing/requests/${at.requestId}`)).json() as RequestDetail;
    expect(detail.state).toBe('unable_to_contact');
    expect(detail.actions).toEqual(expect.arrayContaining(['retry_contact', 'skip_lender']));
    const notes = await notificationsOfA();
    expect(
      notes.some((n) => n.link === `/sharing/requests/${at.requestId}` && /unable to contact/.test(n.title)),
    ).toBe(true);
    expect(await delivery.deliverDue(later(100_000))).toBe(0);
  });

  it('keeps the order per request: a second message waits while the first is undelivered', async () => {
    peer = await startPeer(['http500', 'ok']);
    const partner = await createPartner(t, peer.url);
    const at = await w.requestAtPartner(partner.id);
    const first = await queue('ORDER-1', at, partner.id);
    const second = await queue('ORDER-2', at, partner.id);
    await delivery.deliverDue();
    expect(peer.received.map((r) => r.body.match(/ORDER-\d/)![0])).toEqual(['ORDER-1']);
    expect((await message(second)).status).toBe('pending');
    const log = await q.messagesOfRequest(db(), at.requestId);
    expect(log.find((r) => r.id === second)!.waitingForEarlier).toBe(true);
    await delivery.deliverDue(later(31));
    expect(peer.received.map((r) => r.body.match(/ORDER-\d/)![0])).toEqual(['ORDER-1', 'ORDER-1', 'ORDER-2']);
    expect((await message(first)).status).toBe('sent');
    expect((await message(second)).status).toBe('sent');
  });

  it('sends each message exactly once with two workers at once, in order per request', async () => {
    peer = await startPeer(['ok']);
    peer.delayMs = 15;
    const partner = await createPartner(t, peer.url);
    const chains = [await w.requestAtPartner(partner.id), await w.requestAtPartner(partner.id)];
    const ids: number[] = [];
    for (let i = 0; i < 4; i++)
      for (const [c, at] of chains.entries()) ids.push(await queue(`RACE-${c}-${i}`, at, partner.id));
    for (let i = 0; i < 6; i++)
      ids.push(await queue(`LOOSE-${i}`, { requestId: null, attemptId: null }, partner.id));
    const other = new IsoDelivery(t.ctx, new Notifier(t.ctx), { retrySchedule: SCHEDULE, timeoutMs: 1000 });
    const [x, y] = await Promise.all([delivery.deliverDue(), other.deliverDue()]);
    expect(x + y).toBe(ids.length);
    const markers = peer.received.map((r) => r.body.match(/(RACE|LOOSE)-[\d-]+/)![0]);
    expect(markers).toHaveLength(ids.length);
    expect(new Set(markers).size).toBe(ids.length);
    for (const c of [0, 1])
      expect(markers.filter((m) => m.startsWith(`RACE-${c}-`))).toEqual(
        [0, 1, 2, 3].map((i) => `RACE-${c}-${i}`),
      );
    for (const id of ids) expect((await message(id)).tries).toBe(1);
  });

  it('sends nothing when the enclosing transaction rolls back', async () => {
    peer = await startPeer(['ok']);
    const partner = await createPartner(t, peer.url);
    const at = await w.requestAtPartner(partner.id);
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await enqueueOutbound(tx as unknown as Db, {
          ...at,
          partnerId: partner.id,
          kind: 'request',
          summary: 'rolled back',
          body: requestXml('ROLLBACK-1'),
        });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await delivery.deliverDue()).toBe(0);
    expect(peer.received).toHaveLength(0);
    expect(await q.messagesOfRequest(db(), at.requestId)).toHaveLength(0);
  });

  it('does not send to a disabled partner: the message fails at once and the request shows it', async () => {
    peer = await startPeer(['ok']);
    const partner = await createPartner(t, peer.url, { enabled: false });
    const at = await w.requestAtPartner(partner.id);
    const id = await queue('OFF-1', at, partner.id);
    await delivery.deliverDue();
    expect(peer.received).toHaveLength(0);
    expect(await message(id)).toMatchObject({
      status: 'failed',
      error: 'Not sent: the partner is disabled.',
    });
    expect((await partnerByOrganization(db(), partner.id))!.unreachableSince).toBeNull();
    const detail = (await w.a.get(`/api/v1/sharing/requests/${at.requestId}`)).json() as RequestDetail;
    expect(detail.state).toBe('unable_to_contact');
  });

  it('resends a failed message ahead of the ones held behind it (staff of our library only)', async () => {
    peer = await startPeer(['http500', 'http500', 'http500', 'ok']);
    const partner = await createPartner(t, peer.url);
    const at = await w.requestAtPartner(partner.id);
    const first = await queue('RESEND-1', at, partner.id);
    const held = await queue('RESEND-2', at, partner.id);
    await delivery.deliverDue();
    await delivery.deliverDue(later(31));
    await delivery.deliverDue(later(31 + 121));
    expect((await message(first)).status).toBe('failed');
    expect((await message(held)).status).toBe('pending');
    expect(await delivery.deliverDue(later(1000))).toBe(0);

    const url = `/api/v1/sharing/requests/${at.requestId}/iso-messages/${first}/resend`;
    const staff = await signIn(t.app, 'staff@test.example');
    expect((await staff.post(url)).statusCode).toBe(403);
    const c = await signIn(t.app, w.staff.c);
    expect((await c.post(url)).statusCode).toBe(404);
    const res = await w.a.post(url);
    expect(res.statusCode, res.body).toBe(200);
    expect((await message(first)).status).toBe('resent');
    expect((await w.a.post(url)).statusCode).toBe(409);
    await delivery.deliverDue(later(1000));
    expect(peer.received.map((r) => r.body.match(/RESEND-\d/)![0])).toEqual([
      'RESEND-1',
      'RESEND-1',
      'RESEND-1',
      'RESEND-1',
      'RESEND-2',
    ]);
    const log = await q.messagesOfRequest(db(), at.requestId);
    expect(log.map((r) => [r.summary.slice(-8), r.status])).toEqual([
      ['RESEND-1', 'resent'],
      ['RESEND-1', 'sent'],
      ['RESEND-2', 'sent'],
    ]);
  });

  it('"retry contact" resends the failed messages of the current attempt only', async () => {
    peer = await startPeer(['http500']);
    const partner = await createPartner(t, peer.url);
    const at = await w.requestAtPartner(partner.id);
    const once = new IsoDelivery(t.ctx, new Notifier(t.ctx), { retrySchedule: [], timeoutMs: 1000 });
    const failed = await queue('RC-1', at, partner.id);
    await once.deliverDue();
    expect((await message(failed)).status).toBe('failed');
    // A message of an earlier attempt that also failed stays as it is.
    const earlier = await sq.insertAttempt(db(), {
      requestId: at.requestId,
      lenderId: w.libraryC.id,
      position: 0,
    });
    const old = await q.insertMessage(db(), {
      requestId: at.requestId,
      attemptId: earlier.id,
      partnerId: partner.id,
      direction: 'out',
      kind: 'request',
      summary: 'earlier',
      body: requestXml('RC-OLD'),
      status: 'failed',
    });
    let detail = (await w.a.get(`/api/v1/sharing/requests/${at.requestId}`)).json() as RequestDetail;
    expect(detail.state).toBe('unable_to_contact');
    const res = await w.a.post(`/api/v1/sharing/requests/${at.requestId}/actions`, {
      action: 'retry_contact',
      version: detail.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    detail = res.json() as RequestDetail;
    expect(detail.state).toBe('requested');
    expect((await message(failed)).status).toBe('resent');
    expect((await message(old)).status).toBe('failed');
    peer.script = ['ok'];
    await delivery.deliverDue();
    const log = await q.messagesOfRequest(db(), at.requestId);
    const copies = log.filter((r) => r.id > failed && r.body.includes('RC-1'));
    expect(copies.map((r) => r.status)).toEqual(['sent']);
    expect(peer.received.filter((r) => r.body.includes('RC-OLD'))).toEqual([]);
  });

  it('does not read an answer past 1 MB, and says why a connection failed', async () => {
    peer = await startPeer(['huge', 'refuse']);
    const partner = await createPartner(t, peer.url);
    const id = await queue('BIG-1', { requestId: null, attemptId: null }, partner.id);
    await delivery.deliverDue();
    expect(await message(id)).toMatchObject({
      status: 'retrying',
      error: expect.stringMatching(/^Reading the answer: larger than/),
    });
    expect((await message(id)).confirmation).toBeNull();
    await delivery.deliverDue(later(31));
    expect((await message(id)).error).toMatch(/^Could not connect: /);
  });
});
