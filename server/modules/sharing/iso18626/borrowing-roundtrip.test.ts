import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, signIn, type Client, type TestApp } from '../../../test/harness.ts';
import type { RequestDetail } from '../../../../shared/contracts/sharing.ts';
import { Notifier } from '../notify.ts';
import { sharingAttempts } from '../tables.ts';
import { insertCluster, sharingWorld } from '../test-support.ts';
import { IsoDelivery } from './delivery.ts';
import { CONDITIONS_ACCEPTED } from './mapping.ts';
import type { IsoVersion } from './messages.ts';
import { outsideLender, startPeer, type ScriptedPeer } from './scripted-peer.ts';
import { sharingIsoMessages } from './tables.ts';

/**
 * We borrow from outside lenders by ISO 18626, in both versions: every canonical flow as a round trip with a
 * scripted peer on a real port (our messages go out through the outbox and its delivery job), every message
 * we send checked against the XSD.
 */
const PATRON = { name: 'Reader Ximena Testpatron', email: 'ximena@patrons.example', locale: 'es' as const };

describe.each(['2021', '1.2'] as IsoVersion[])(
  'borrowing from an outside lender, ISO 18626 %s',
  (version) => {
    let t: TestApp;
    let w: Awaited<ReturnType<typeof sharingWorld>>;
    let a: Client, b: Client;
    let peer: ScriptedPeer, second: ScriptedPeer;
    let delivery: IsoDelivery;

    beforeAll(async () => {
      t = await createTestApp();
      w = await sharingWorld(t);
      [a, b] = await Promise.all([signIn(t.app, w.staff.a), signIn(t.app, w.staff.b)]);
      peer = await startPeer(version, { agencyIdType: 'ISIL', agencyIdValue: 'US-PEER1' });
      second = await startPeer(version, { agencyIdType: 'ISIL', agencyIdValue: 'US-PEER2' });
      await outsideLender(t, peer, 'ZZPEER1');
      await outsideLender(t, second, 'ZZPEER2');
      delivery = new IsoDelivery(t.ctx, new Notifier(t.ctx), { retrySchedule: [], timeoutMs: 5000 });
    });
    afterAll(async () => {
      await peer?.close();
      await second?.close();
      await t?.close();
    });

    const deliver = () => delivery.deliverDue();
    const detail = async (id: string) =>
      (await a.get(`/api/v1/sharing/requests/${id}`)).json() as RequestDetail;
    async function act(client: Client, id: string, action: string, extra: object = {}) {
      const { version: v } = (await client.get(`/api/v1/sharing/requests/${id}`)).json() as RequestDetail;
      const res = await client.post(`/api/v1/sharing/requests/${id}/actions`, {
        action,
        version: v,
        ...extra,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    let patrons = 0;
    async function create(body: object = {}) {
      // A different patron each time: the same patron and item twice would go to duplicate review.
      const res = await a.post(`/api/v1/sharing/libraries/${w.libraryA.id}/requests`, {
        serviceType: 'loan',
        citation: { title: 'Tejano land grants', author: 'Garza, Elena', isbn: '9780292712345' },
        patron: { ...PATRON, name: `${PATRON.name} ${++patrons}` },
        pickupLocation: 'Main desk',
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json() as RequestDetail;
      await deliver();
      return r;
    }
    async function ok(from: ScriptedPeer, message: Parameters<ScriptedPeer['send']>[1]) {
      const res = await from.send(t.app, message);
      expect(res.statusCode).toBe(200);
      expect(res.confirmation.ok && res.confirmation.status, res.body).toBe('OK');
      return res;
    }
    const lastAction = (p: ScriptedPeer) => p.actions().at(-1)!;

    it('loan: request, WillSupply, Loaned, Received, renew yes and no, ShippedReturn, LoanCompleted', async () => {
      const r = await create({ needBefore: '2030-01-31', rush: true, staffNote: 'Call the reader at home' });
      expect(r.state).toBe('requested');
      expect(r.attempt!.lender.symbol).toBe('ZZPEER1');
      expect(r.rota.map((e) => e.library.symbol)).toEqual(['ZZPEER1', 'ZZPEER2']);
      expect(r.rota[0]!.reasons.join(' ')).toContain(`Outside partner by ISO 18626 (version ${version})`);
      const sent = peer.requests().at(-1)!;
      expect(sent.header.requestingAgencyRequestId).toBe(r.id);
      expect(sent.header.requestingAgencyId).toEqual({
        agencyIdType: 'ISIL',
        agencyIdValue: w.libraryA.symbol,
      });
      expect(sent.serviceInfo?.serviceType).toBe('Loan');
      expect(sent.serviceInfo?.requestType).toBe('New');
      expect(sent.serviceInfo?.serviceLevel).toBe('Rush');
      expect(sent.bibliographicInfo.title).toBe('Tejano land grants');
      expect(sent.bibliographicInfo.bibliographicItemId).toEqual([{ code: 'ISBN', value: '9780292712345' }]);
      expect(sent.requestingAgencyInfo?.name).toBe(w.libraryA.name);
      expect(sent.patronInfo).toBeUndefined();
      const body = peer.received.at(-1)!.body;
      expect(body).not.toContain('Ximena');
      expect(body).not.toContain('patrons.example');
      expect(body).not.toContain('Call the reader');
      expect(body).not.toContain('Main desk');

      await ok(peer, peer.sam('RequestResponse', 'WillSupply'));
      let d = await detail(r.id);
      expect(d.state).toBe('expects_to_supply');
      expect(d.attempt!.state).toBe('will_supply');
      const [row] = await t.ctx.db
        .select()
        .from(sharingAttempts)
        .where(eq(sharingAttempts.id, r.attempt!.id));
      expect(row!.externalRequestId).toBe('PEER-1');

      await ok(
        peer,
        peer.sam('StatusChange', 'Loaned', {
          statusInfo: { dueDate: new Date('2030-03-01T23:59:00Z') },
          deliveryInfo: { dateSent: new Date(), itemId: '39999000123456', deliveryMethod: 'Mail' },
          ...(version === '2021' ? { shippingInfo: { courierName: 'Lone Star', trackingId: 'TRK-77' } } : {}),
        }),
      );
      d = await detail(r.id);
      expect(d.state).toBe('shipped');
      expect(d.attempt!.state).toBe('shipped');
      expect(d.attempt!.dueDate).toBe('2030-03-01');
      if (version === '2021') expect(d.attempt!.trackingId).toBe('TRK-77');
      expect(d.timeline.some((e) => e.note.includes('39999000123456'))).toBe(true);

      await act(a, r.id, 'mark_received');
      await act(a, r.id, 'check_out_to_patron');
      await act(a, r.id, 'request_renewal');
      await deliver();
      expect(peer.actions().map((m) => m.action)).toEqual(['Received', 'Renew']);
      expect(lastAction(peer).header.supplyingAgencyRequestId).toBe('PEER-1');
      await ok(
        peer,
        peer.sam('RenewResponse', 'Loaned', {
          messageInfo: { answerYesNo: 'Y' },
          statusInfo: { dueDate: new Date('2030-04-01T23:59:00Z') },
        }),
      );
      d = await detail(r.id);
      expect(d.state).toBe('checked_out');
      expect(d.attempt!.dueDate).toBe('2030-04-01');
      expect(d.attempt!.renewalPending).toBe(false);
      expect(d.timeline.some((e) => e.action === 'renewed')).toBe(true);

      await act(a, r.id, 'request_renewal');
      await deliver();
      await ok(peer, peer.sam('RenewResponse', 'Loaned', { messageInfo: { answerYesNo: 'N' } }));
      d = await detail(r.id);
      expect(d.state).toBe('checked_out');
      expect(d.attempt!.renewalPending).toBe(false);
      expect(d.attempt!.dueDate).toBe('2030-04-01');
      expect(d.timeline.some((e) => e.action === 'lender_denied_renewal')).toBe(true);

      await act(a, r.id, 'check_in_from_patron');
      await act(a, r.id, 'ship_return');
      await deliver();
      expect(lastAction(peer).action).toBe('ShippedReturn');
      await ok(peer, peer.sam('StatusChange', 'LoanCompleted'));
      d = await detail(r.id);
      expect(d.state).toBe('complete');
      expect(d.attempt!.state).toBe('complete');
      expect(peer.invalid).toEqual([]);
    });

    it('copy: CopyCompleted with a URL makes the copy available', async () => {
      const r = await create({
        serviceType: 'copy',
        citation: {
          title: 'Southwestern Historical Quarterly',
          issn: '0038-478X',
          articleTitle: 'Ranching on the Llano',
          volume: '12',
          pages: '33-51',
        },
      });
      const sent = peer.requests().at(-1)!;
      expect(sent.serviceInfo?.serviceType).toBe('Copy');
      expect(sent.bibliographicInfo.titleOfComponent).toBe('Ranching on the Llano');
      const url = 'https://lender.example/copies/abc.pdf';
      await ok(
        peer,
        peer.sam('StatusChange', 'CopyCompleted', {
          deliveryInfo: {
            dateSent: new Date(),
            deliveryMethod: 'URL',
            ...(version === '2021' ? { url } : {}),
          },
          messageInfo: { note: `Download at ${url}` },
        }),
      );
      const d = await detail(r.id);
      expect(d.state).toBe('copy_available');
      expect(d.attempt!.state).toBe('copy_delivered');
      expect(d.attempt!.shippingMethod).toBe('url');
      if (version === '2021') expect(d.attempt!.trackingId).toBe(url);
      expect(d.timeline.some((e) => e.note.includes(url))).toBe(true);
      expect(peer.invalid).toEqual([]);
    });

    it('unfilled moves on: a member, then the first partner, then the next partner, then the end of the rota', async () => {
      const clusterId = await insertCluster(t.ctx.db, [{ libraryId: w.libraryB.id }]);
      const r = await create({ clusterId, citation: undefined });
      expect(r.attempt!.lender.id).toBe(w.libraryB.id);
      expect(r.rota.map((e) => e.library.symbol)).toEqual([w.libraryB.symbol, 'ZZPEER1', 'ZZPEER2']);
      const before = peer.requests().length;
      await act(b, r.id, 'cannot_supply', { reasonCode: 'NotOnShelf' });
      await deliver();
      expect(peer.requests()).toHaveLength(before + 1);
      await ok(peer, peer.sam('RequestResponse', 'Unfilled', { messageInfo: { reasonUnfilled: 'NotHeld' } }));
      let d = await detail(r.id);
      expect(d.state).toBe('requested');
      expect(d.attempt!.lender.symbol).toBe('ZZPEER2');
      expect(d.rota.find((e) => e.library.symbol === 'ZZPEER1')!.state).toBe('unfilled');
      await deliver();
      expect(second.requests().at(-1)!.header.requestingAgencyRequestId).toBe(r.id);
      await ok(
        second,
        second.sam('RequestResponse', 'Unfilled', { messageInfo: { reasonUnfilled: 'Bespoke' } }),
      );
      d = await detail(r.id);
      expect(d.state).toBe('end_of_rota');
      expect(d.attempt!.reasonCode).toBe('Bespoke');
      // The unknown open code was accepted and recorded.
      const logged = await t.ctx.db
        .select()
        .from(sharingIsoMessages)
        .where(and(eq(sharingIsoMessages.requestId, r.id), eq(sharingIsoMessages.direction, 'in')));
      expect(logged.some((m) => m.summary.includes('Bespoke'))).toBe(true);
      expect(second.invalid).toEqual([]);
    });

    it('retry with changed terms: RetryPossible, retry_with_changes, a Retry request, WillSupply', async () => {
      const r = await create();
      await ok(
        peer,
        peer.sam('RequestResponse', 'RetryPossible', {
          messageInfo: {
            reasonRetry: 'OnLoan',
            retryAfter: new Date('2030-02-01T00:00:00Z'),
            offeredCosts: { currencyCode: 'USD', monetaryValue: 7.5 },
          },
        }),
      );
      let d = await detail(r.id);
      expect(d.state).toBe('retry_review');
      expect(d.attempt!.reasonCode).toBe('OnLoan');
      expect(d.attempt!.costCents).toBe(750);
      expect(d.timeline.some((e) => e.note.includes('Retry after 2030-02-01'))).toBe(true);
      await act(a, r.id, 'retry_with_changes', { note: 'Any edition is fine' });
      await deliver();
      const retry = peer.requests().at(-1)!;
      d = await detail(r.id);
      expect(retry.serviceInfo?.requestType).toBe('Retry');
      expect(retry.serviceInfo?.requestingAgencyPreviousRequestId).toBe(r.id);
      expect(retry.header.requestingAgencyRequestId).toBe(d.attempt!.id);
      await ok(peer, peer.sam('RequestResponse', 'WillSupply'));
      d = await detail(r.id);
      expect(d.state).toBe('expects_to_supply');
      expect(peer.invalid).toEqual([]);
    });

    it('cancel: the lender agrees (Cancelled) or refuses (still WillSupply)', async () => {
      const yes = await create();
      await ok(peer, peer.sam('RequestResponse', 'WillSupply'));
      await act(a, yes.id, 'request_cancel', { note: 'Patron no longer needs it' });
      await deliver();
      expect(lastAction(peer).action).toBe('Cancel');
      await ok(peer, peer.sam('CancelResponse', 'Cancelled', { messageInfo: { answerYesNo: 'Y' } }));
      expect((await detail(yes.id)).state).toBe('cancelled');

      const no = await create();
      await ok(peer, peer.sam('RequestResponse', 'WillSupply'));
      await act(a, no.id, 'request_cancel');
      await deliver();
      await ok(peer, peer.sam('CancelResponse', 'WillSupply', { messageInfo: { answerYesNo: 'N' } }));
      const d = await detail(no.id);
      expect(d.state).toBe('expects_to_supply');
      expect(d.attempt!.state).toBe('will_supply');
    });

    it('overdue and recall reach our side', async () => {
      const r = await create();
      await ok(peer, peer.sam('StatusChange', 'Loaned', { statusInfo: { dueDate: new Date('2030-03-01') } }));
      await act(a, r.id, 'mark_received');
      await ok(peer, peer.sam('StatusChange', 'Overdue'));
      expect((await detail(r.id)).state).toBe('overdue');
      await ok(
        peer,
        peer.sam('StatusChange', 'Recalled', { statusInfo: { dueDate: new Date('2030-02-10') } }),
      );
      const d = await detail(r.id);
      expect(d.state).toBe('recalled');
      expect(d.attempt!.state).toBe('recalled');
      expect(d.attempt!.dueDate).toBe('2030-02-10');
    });

    it('ExpectToSupply with conditions and a cost, accepted by our staff', async () => {
      const r = await create();
      await ok(
        peer,
        peer.sam('RequestResponse', 'ExpectToSupply', {
          messageInfo: { offeredCosts: { currencyCode: 'USD', monetaryValue: 5 } },
          deliveryInfo: { dateSent: new Date(), loanCondition: ['LibraryUseOnly'] },
        }),
      );
      let d = await detail(r.id);
      expect(d.state).toBe('conditional');
      expect(d.attempt!.conditions).toEqual(['LibraryUseOnly']);
      expect(d.attempt!.costCents).toBe(500);
      await act(a, r.id, 'accept_conditions');
      await deliver();
      const told = lastAction(peer);
      expect(told.action).toBe('Notification');
      expect(told.note).toBe(`${CONDITIONS_ACCEPTED} LibraryUseOnly.`);
      d = await detail(r.id);
      expect(d.state).toBe('expects_to_supply');
      await ok(peer, peer.sam('StatusChange', 'WillSupply'));
      expect((await detail(r.id)).attempt!.state).toBe('will_supply');
    });

    it('the same message twice changes nothing the second time', async () => {
      const r = await create();
      const first = await ok(peer, peer.sam('RequestResponse', 'WillSupply'));
      const v = (await detail(r.id)).version;
      const again = await peer.send(t.app, first.xml);
      expect(again.body).toBe(first.body);
      expect((await detail(r.id)).version).toBe(v);
      const logged = await t.ctx.db
        .select()
        .from(sharingIsoMessages)
        .where(and(eq(sharingIsoMessages.requestId, r.id), eq(sharingIsoMessages.direction, 'in')));
      expect(logged).toHaveLength(1);
    });

    it('out of order: Loaned before WillSupply still lands in shipped; a stale ExpectToSupply changes nothing', async () => {
      const r = await create();
      const early = peer.sam('RequestResponse', 'ExpectToSupply');
      await ok(peer, peer.sam('StatusChange', 'Loaned', { statusInfo: { dueDate: new Date('2030-05-01') } }));
      let d = await detail(r.id);
      expect(d.state).toBe('shipped');
      const actions = d.timeline.filter((e) => e.side === 'lending').map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['will_supply', 'ship']));
      const v = d.version;
      await ok(peer, early);
      d = await detail(r.id);
      expect(d.version).toBe(v);
      expect(d.state).toBe('shipped');
      const [log] = await t.ctx.db
        .select()
        .from(sharingIsoMessages)
        .where(and(eq(sharingIsoMessages.requestId, r.id), eq(sharingIsoMessages.direction, 'in')))
        .orderBy(sharingIsoMessages.id)
        .offset(1);
      expect(log!.status).toBe('ignored');
      // The same status again: OK, nothing changes.
      await ok(peer, peer.sam('StatusChange', 'Loaned'));
      expect((await detail(r.id)).version).toBe(v);
    });

    it('a message about a request we do not know, or not at this partner, is refused', async () => {
      const unknown = await peer.send(
        t.app,
        peer.sam('StatusChange', 'WillSupply', { about: '00000000-0000-4000-8000-000000000000' }),
      );
      expect(unknown.statusCode).toBe(200);
      expect(unknown.confirmation.ok && unknown.confirmation.errorType).toBe('UnrecognisedDataValue');
      const r = await create();
      // The second partner never had this request.
      const wrong = await second.send(t.app, second.sam('StatusChange', 'WillSupply', { about: r.id }));
      expect(wrong.confirmation.ok && wrong.confirmation.errorType).toBe('UnrecognisedDataValue');
      expect((await detail(r.id)).state).toBe('requested');
    });

    it('a lender we cannot reach: unable to contact, then retry_contact sends the request again', async () => {
      peer.script.push({ http: 500 });
      const before = peer.requests().length;
      const r = await create();
      let d = await detail(r.id);
      expect(d.state).toBe('unable_to_contact');
      await act(a, r.id, 'retry_contact');
      await deliver();
      d = await detail(r.id);
      expect(d.state).toBe('requested');
      expect(d.attempt!.id).toBe(r.attempt!.id);
      expect(peer.requests()).toHaveLength(before + 2);
      expect(peer.requests().at(-1)!.header.requestingAgencyRequestId).toBe(r.id);
      expect(peer.invalid).toEqual([]);
    });
  },
);
