import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, signIn, type Client, type TestApp } from '../../../test/harness.ts';
import { Notifier } from '../notify.ts';
import { sharingWorld } from '../test-support.ts';
import { IsoDelivery } from './delivery.ts';
import { act, detail, outsideBorrower, type OutsideBorrower } from './lend-test-support.ts';
import type { IsoSupplyingAgencyMessage, IsoVersion } from './messages.ts';
import { startPeer, type ScriptedPeer } from './scripted-peer.ts';
import { sharingIsoMessages } from './tables.ts';

/**
 * The lending role over real HTTP: a scripted outside library (its own port, its version's XSD checking
 * everything we send) borrows from our member; our delivery job carries each supplyingAgencyMessage to it.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof sharingWorld>>;
let c: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await sharingWorld(t);
  c = await signIn(t.app, w.staff.c);
});
afterAll(async () => t?.close());

describe.each(['1.2', '2021'] as IsoVersion[])(
  'round trip with an outside borrower (ISO 18626 %s)',
  (version) => {
    const symbol = version === '1.2' ? 'RTB12' : 'RTB21';
    let peer: ScriptedPeer;
    let p: OutsideBorrower;
    let delivery: IsoDelivery;
    beforeAll(async () => {
      peer = await startPeer(version, { agencyIdType: 'ISIL', agencyIdValue: `US-${symbol}` });
      p = await outsideBorrower(t, version, symbol, { endpointUrl: peer.url });
      delivery = new IsoDelivery(t.ctx, new Notifier(t.ctx), { retrySchedule: [], timeoutMs: 5000 });
    });
    afterAll(async () => peer?.close());

    /** Delivers what is queued and returns what the peer received since the last call. */
    let seen = 0;
    async function delivered(): Promise<IsoSupplyingAgencyMessage[]> {
      await delivery.deliverDue();
      const fresh = peer.received.slice(seen);
      seen = peer.received.length;
      expect(peer.invalid).toEqual([]);
      return fresh.map((r) => {
        if (r.message.kind !== 'supplyingAgencyMessage') throw new Error(`unexpected ${r.message.kind}`);
        return r.message;
      });
    }

    it('loan: request, will supply, loaned, received, renew, returned, completed — all delivered in order', async () => {
      const id = `${symbol}-1`;
      expect(await p.request(id, 'OKCIM')).toMatchObject({ status: 'OK' });
      const req = await p.ours(id);
      await act(c, req.id, 'will_supply');
      await act(c, req.id, 'ship', { dueDate: '2030-07-01' });
      let got = await delivered();
      expect(got.map((m) => [m.messageInfo.reasonForMessage, m.statusInfo.status])).toEqual([
        ['RequestResponse', 'WillSupply'],
        ['StatusChange', 'Loaned'],
      ]);
      await p.action(id, 'OKCIM', 'Received');
      await p.action(id, 'OKCIM', 'Renew');
      await act(c, req.id, 'approve_renewal', { dueDate: '2030-08-01' });
      await p.action(id, 'OKCIM', 'ShippedReturn');
      await act(c, req.id, 'check_in');
      got = await delivered();
      expect(
        got.map((m) => [
          m.messageInfo.reasonForMessage,
          m.messageInfo.answerYesNo ?? '',
          m.statusInfo.status,
        ]),
      ).toEqual([
        ['RenewResponse', 'Y', 'Loaned'],
        ['StatusChange', '', 'LoanCompleted'],
      ]);
      expect(got.every((m) => m.header.requestingAgencyRequestId === id)).toBe(true);
      const rows = await t.ctx.db
        .select({ status: sharingIsoMessages.status })
        .from(sharingIsoMessages)
        .where(and(eq(sharingIsoMessages.requestId, req.id), eq(sharingIsoMessages.direction, 'out')))
        .orderBy(asc(sharingIsoMessages.id));
      expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
      expect((await detail(c, req.id)).attempt!.state).toBe('complete');
    });

    it('unfilled, then cancel asked and refused, each answered over the wire', async () => {
      await p.request(`${symbol}-2`, 'OKCIM');
      await act(c, (await p.ours(`${symbol}-2`)).id, 'cannot_supply', { reasonCode: 'NotHeld' });
      let [m] = await delivered();
      expect(m!.messageInfo).toMatchObject({
        reasonForMessage: 'RequestResponse',
        reasonUnfilled: 'NotHeld',
      });
      expect(m!.statusInfo.status).toBe('Unfilled');

      await p.request(`${symbol}-3`, 'OKCIM');
      const req = await p.ours(`${symbol}-3`);
      await act(c, req.id, 'will_supply');
      await p.action(`${symbol}-3`, 'OKCIM', 'Cancel');
      await act(c, req.id, 'refuse_cancel', { note: 'Already on the cart' });
      const got = await delivered();
      expect(
        got.map((x) => [
          x.messageInfo.reasonForMessage,
          x.messageInfo.answerYesNo ?? '',
          x.statusInfo.status,
        ]),
      ).toEqual([
        ['RequestResponse', '', 'WillSupply'],
        ['CancelResponse', 'N', 'WillSupply'],
      ]);
      m = got[1];
      expect(m!.messageInfo.note).toBe('Already on the cart');
    });
  },
);
