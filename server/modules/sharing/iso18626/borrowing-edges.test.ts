import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { createTestApp, signIn, type Client, type TestApp } from '../../../test/harness.ts';
import type { RequestDetail } from '../../../../shared/contracts/sharing.ts';
import { sharingServices } from '../index.ts';
import { Notifier } from '../notify.ts';
import { sharingWorld } from '../test-support.ts';
import { IsoDelivery } from './delivery.ts';
import { CONDITIONS_DECLINED, ITEM_LOST } from './mapping.ts';
import type { IsoVersion } from './messages.ts';
import { outsideLender, startPeer, type ScriptedPeer } from './scripted-peer.ts';
import { sharingIsoMessages } from './tables.ts';

/**
 * Borrowing from outside lenders, the less travelled paths: vendor quirks, declined conditions, time-outs,
 * lost items, held returns, unexpected and stale statuses, notes.
 */
describe.each(['2021', '1.2'] as IsoVersion[])('outside lender edge cases, ISO 18626 %s', (version) => {
  let t: TestApp;
  let a: Client;
  let w: Awaited<ReturnType<typeof sharingWorld>>;
  let quirky: ScriptedPeer, plain: ScriptedPeer;
  let delivery: IsoDelivery;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
    w = await sharingWorld(t);
    a = await signIn(t.app, w.staff.a);
    quirky = await startPeer(version, { agencyIdType: 'ISIL', agencyIdValue: 'US-QUIRK' });
    plain = await startPeer(version, { agencyIdType: 'ISIL', agencyIdValue: 'US-PLAIN' });
    await outsideLender(t, quirky, 'ZZA', {
      quirks: { termsInNote: true, expectToSupplyAsWillSupply: true },
    });
    await outsideLender(t, plain, 'ZZB');
    delivery = new IsoDelivery(t.ctx, new Notifier(t.ctx), { retrySchedule: [], timeoutMs: 5000 });
  });
  afterAll(async () => {
    await quirky?.close();
    await plain?.close();
    await t?.close();
  });

  const detail = async (id: string) =>
    (await a.get(`/api/v1/sharing/requests/${id}`)).json() as RequestDetail;
  async function act(id: string, action: string, extra: object = {}) {
    const { version: v } = await detail(id);
    const res = await a.post(`/api/v1/sharing/requests/${id}/actions`, { action, version: v, ...extra });
    expect(res.statusCode, res.body).toBe(200);
  }
  async function create() {
    const res = await a.post(`/api/v1/sharing/libraries/${w.libraryA.id}/requests`, {
      serviceType: 'loan',
      citation: { title: `Edge case ${++n}`, author: 'Ortiz, Rafael' },
      pickupLocation: 'Main desk',
    });
    expect(res.statusCode, res.body).toBe(201);
    await delivery.deliverDue();
    return res.json() as RequestDetail;
  }
  async function ok(from: ScriptedPeer, m: Parameters<ScriptedPeer['send']>[1]) {
    const res = await from.send(t.app, m);
    expect(res.confirmation.ok && res.confirmation.status, res.body).toBe('OK');
  }
  const lastInbound = async (requestId: string) =>
    (
      await t.ctx.db
        .select()
        .from(sharingIsoMessages)
        .where(and(eq(sharingIsoMessages.requestId, requestId), eq(sharingIsoMessages.direction, 'in')))
        .orderBy(desc(sharingIsoMessages.id))
        .limit(1)
    )[0]!;

  it('quirks: ExpectToSupply read as WillSupply; terms in the note become conditions, declined with a Cancel', async () => {
    const r = await create();
    expect(r.attempt!.lender.symbol).toBe('ZZA');
    await ok(quirky, quirky.sam('RequestResponse', 'ExpectToSupply'));
    expect((await detail(r.id)).attempt!.state).toBe('will_supply');

    const s = await create();
    await ok(
      quirky,
      quirky.sam('RequestResponse', 'ExpectToSupply', {
        messageInfo: { note: 'Library use only; fee $4.00' },
      }),
    );
    let d = await detail(s.id);
    expect(d.state).toBe('conditional');
    expect(d.attempt!.conditions).toEqual(['LibraryUseOnly']);
    expect(d.attempt!.costCents).toBe(400);
    await act(s.id, 'decline_conditions');
    await delivery.deliverDue();
    const told = quirky.actions().at(-1)!;
    expect(told.action).toBe('Cancel');
    expect(told.note).toContain(CONDITIONS_DECLINED);
    d = await detail(s.id);
    expect(d.attempt!.lender.symbol).toBe('ZZB');
    expect(plain.requests().at(-1)!.header.requestingAgencyRequestId).toBe(s.id);
    expect(quirky.invalid).toEqual([]);
  });

  it('a lender that does not answer in time is told the request is withdrawn', async () => {
    const r = await create();
    const later = new Date(new Date(r.attempt!.answerBy!).getTime() + 60_000);
    expect(await sharingServices(t.ctx).timers.answerTimeouts(later)).toBeGreaterThanOrEqual(1);
    await delivery.deliverDue();
    const told = quirky.actions().at(-1)!;
    expect(told.action).toBe('Cancel');
    expect(told.header.requestingAgencyRequestId).toBe(r.id);
    expect((await detail(r.id)).attempt!.lender.symbol).toBe('ZZB');
  });

  it('a lost item is reported as Lost (2021) or a Notification (1.2)', async () => {
    const r = await create();
    await ok(
      quirky,
      quirky.sam('StatusChange', 'Loaned', { statusInfo: { dueDate: new Date('2030-06-01') } }),
    );
    await act(r.id, 'mark_received');
    await act(r.id, 'report_lost', { note: 'Left on a bus' });
    await delivery.deliverDue();
    const told = quirky.actions().at(-1)!;
    if (version === '2021') expect(told.action).toBe('Lost');
    else {
      expect(told.action).toBe('Notification');
      expect(told.note).toContain(ITEM_LOST);
    }
    expect((await detail(r.id)).state).toBe('completed_without_return');
    expect(quirky.invalid).toEqual([]);
  });

  it('the same message twice at once is applied once; both get the same confirmation', async () => {
    const r = await create();
    const before = (await detail(r.id)).version;
    const { buildMessage } = await import('./codec.ts');
    const xml = buildMessage(quirky.sam('RequestResponse', 'WillSupply'), version);
    const [one, two] = await Promise.all([quirky.send(t.app, xml), quirky.send(t.app, xml)]);
    expect(one.confirmation.ok && one.confirmation.status).toBe('OK');
    expect(two.body).toBe(one.body);
    expect((await detail(r.id)).version).toBe(before + 1);
    const logged = await t.ctx.db
      .select()
      .from(sharingIsoMessages)
      .where(and(eq(sharingIsoMessages.requestId, r.id), eq(sharingIsoMessages.direction, 'in')));
    expect(logged).toHaveLength(1);
  });

  it('unexpected, stale and repeated statuses change nothing; a Notification adds its note', async () => {
    const r = await create();
    await ok(quirky, quirky.sam('RequestResponse', 'WillSupply'));
    const stale = quirky.sam('StatusChange', 'Unfilled', { timestamp: new Date('2020-01-01T00:00:00Z') });
    let v = (await detail(r.id)).version;
    await ok(quirky, stale);
    expect((await detail(r.id)).version).toBe(v);
    expect((await lastInbound(r.id)).status).toBe('ignored');

    // A copy completed on a loan: no run of the lender's actions gets there — staff are told, nothing moves.
    await ok(quirky, quirky.sam('StatusChange', 'CopyCompleted', { deliveryInfo: { dateSent: new Date() } }));
    let d = await detail(r.id);
    expect(d.state).toBe('expects_to_supply');
    expect(d.attempt!.state).toBe('will_supply');
    expect(d.timeline.some((e) => e.action === 'iso_unexpected_status')).toBe(true);
    expect((await lastInbound(r.id)).status).toBe('ignored');

    v = d.version;
    await ok(quirky, quirky.sam('StatusChange', 'WillSupply'));
    expect((await detail(r.id)).version).toBe(v);
    await ok(
      quirky,
      quirky.sam('Notification', 'WillSupply', { messageInfo: { note: 'Pulled from storage' } }),
    );
    d = await detail(r.id);
    expect(d.timeline.some((e) => e.note.includes('Pulled from storage'))).toBe(true);
  });

  // HoldReturn and ReleaseHoldReturn exist in 2021 only.
  if (version === '2021')
    it('a held return, then released', async () => {
      const r = await create();
      await ok(
        quirky,
        quirky.sam('StatusChange', 'Loaned', { statusInfo: { dueDate: new Date('2030-06-01') } }),
      );
      await act(r.id, 'mark_received');
      await act(r.id, 'check_in_from_patron');
      await ok(quirky, quirky.sam('StatusChange', 'HoldReturn', { messageInfo: { note: 'Library closed' } }));
      let d = await detail(r.id);
      expect(d.state).toBe('return_on_hold');
      expect(d.attempt!.state).toBe('return_on_hold');
      await ok(quirky, quirky.sam('StatusChange', 'ReleaseHoldReturn'));
      d = await detail(r.id);
      expect(d.state).toBe('awaiting_return_shipping');
      expect(d.attempt!.state).toBe('shipped');
    });
});
