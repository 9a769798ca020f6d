import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, signIn, type Client, type TestApp } from '../../../test/harness.ts';
import { sharingWorld } from '../test-support.ts';
import { act, detail, outsideBorrower, type OutsideBorrower } from './lend-test-support.ts';
import type { IsoVersion } from './messages.ts';

/**
 * The lending role: an outside library borrows from our member over ISO 18626 (both versions). The partner
 * posts to /iso18626; our member's staff act through the API; what we tell the partner is read from the
 * outbox and checked against the XSD.
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

const MARKER = 'Zqxsurnamemarker';

describe.each(['1.2', '2021'] as IsoVersion[])(
  'an outside library borrows from a member (ISO 18626 %s)',
  (version) => {
    let p: OutsideBorrower;
    const tag = version === '1.2' ? 'V12' : 'V21';
    beforeAll(async () => {
      p = await outsideBorrower(t, version, `XP${tag}`);
    });

    it('loan: will supply, loaned, received, renew yes and no, returned, loan completed', async () => {
      const id = `${tag}-LOAN-1`;
      const ok = await p.request(id, 'OKCIM', {
        patron: { surname: MARKER, givenName: 'Givenmarker', patronId: 'P-55120' },
      });
      expect(ok).toMatchObject({ status: 'OK' });
      const req = await p.ours(id);
      expect(req).toMatchObject({
        source: 'partner',
        state: 'requested',
        serviceType: 'loan',
        title: 'Caddo ceramics of the Red River',
      });
      // Our member's staff see it in their lending queue, with the partner as the borrowing library.
      const queue = (await c.get(`/api/v1/sharing/libraries/${w.libraryC.id}/requests?side=lending`)).json();
      expect(queue.items.find((i: { id: string }) => i.id === req.id)).toMatchObject({
        borrower: { id: p.org.id, symbol: `XP${tag}` },
        state: 'received',
        outside: true,
      });
      const seen = await detail(c, req.id);
      expect(seen).toMatchObject({ viewAs: 'lending', outside: true, patron: null, rota: [] });
      expect(seen.actions).toEqual(expect.arrayContaining(['will_supply', 'cannot_supply']));
      expect(await p.received()).toEqual([]);

      await act(c, req.id, 'will_supply');
      let [m] = await p.received();
      expect(m!.messageInfo).toMatchObject({ reasonForMessage: 'RequestResponse' });
      expect(m!.statusInfo.status).toBe('WillSupply');
      expect(m!.header).toMatchObject({
        requestingAgencyRequestId: id,
        supplyingAgencyId: { agencyIdValue: 'OKCIM' },
      });

      await act(c, req.id, 'ship', { dueDate: '2030-05-01', trackingId: 'TRK-1' });
      [m] = await p.received();
      expect(m!.messageInfo.reasonForMessage).toBe('StatusChange');
      expect(m!.statusInfo.status).toBe('Loaned');
      expect(new Date(m!.statusInfo.dueDate!).toISOString().slice(0, 10)).toBe('2030-05-01');
      expect(m!.deliveryInfo?.dateSent).toBeDefined();
      if (version === '2021') expect(m!.shippingInfo?.trackingId).toBe('TRK-1');
      else expect(m!.messageInfo.note).toContain('TRK-1');

      expect(await p.action(id, 'OKCIM', 'Received')).toMatchObject({ status: 'OK' });
      expect((await p.ours(id)).state).toBe('received');
      // Timeline notes come as codes the web translates, with the English text beside them.
      const received = (await detail(c, req.id)).timeline.find((e) => e.action === 'mark_received')!;
      expect(received.note).toBe(`Received by Outside library XP${tag}.`);
      expect(received.noteCodes).toEqual([
        { code: 'note.partner.received', params: { name: `Outside library XP${tag}` } },
      ]);

      expect(await p.action(id, 'OKCIM', 'Renew', 'One more month please')).toMatchObject({ status: 'OK' });
      let lender = await detail(c, req.id);
      expect(lender.attempt!.renewalPending).toBe(true);
      expect(lender.actions).toEqual(expect.arrayContaining(['approve_renewal', 'deny_renewal']));
      await act(c, req.id, 'approve_renewal', { dueDate: '2030-06-01' });
      [m] = await p.received();
      expect(m!.messageInfo).toMatchObject({ reasonForMessage: 'RenewResponse', answerYesNo: 'Y' });
      expect(m!.statusInfo.status).toBe('Loaned');
      expect(new Date(m!.statusInfo.dueDate!).toISOString().slice(0, 10)).toBe('2030-06-01');

      await p.action(id, 'OKCIM', 'Renew');
      await act(c, req.id, 'deny_renewal');
      [m] = await p.received();
      expect(m!.messageInfo).toMatchObject({ reasonForMessage: 'RenewResponse', answerYesNo: 'N' });

      expect(await p.action(id, 'OKCIM', 'ShippedReturn')).toMatchObject({ status: 'OK' });
      lender = await detail(c, req.id);
      expect(lender.attempt!.state).toBe('return_in_transit');
      expect(await p.received()).toEqual([]);
      await act(c, req.id, 'check_in');
      [m] = await p.received();
      expect(m!.statusInfo.status).toBe('LoanCompleted');
      const ended = await p.ours(id);
      expect(ended.state).toBe('complete');
      expect(ended.endedAt).not.toBeNull();

      // Privacy: the partner's patron is nowhere in our database (request, timeline, log, notices, mail).
      for (const table of [
        'sharing_requests',
        'sharing_events',
        'sharing_iso_messages',
        'notifications',
        'mail_outbox',
        'sharing_patrons',
      ]) {
        const result = await t.ctx.db.execute(
          sql.raw(
            `SELECT count(*)::int AS n FROM ${table} x WHERE x::text ILIKE '%${MARKER}%' OR x::text LIKE '%P-55120%'`,
          ),
        );
        const rows = ((result as unknown as { rows?: { n: number }[] }).rows ?? result) as { n: number }[];
        expect(Number(rows[0]!.n), table).toBe(0);
      }
    });

    it('copy: the copy sent is CopyCompleted with its link', async () => {
      const id = `${tag}-COPY-1`;
      await p.request(id, 'OKCIM', {
        service: { serviceType: 'CopyOrLoan' },
        bib: {
          title: 'Journal of Big Bend Studies',
          titleOfComponent: 'Rock art of the lower Pecos',
          pagesRequested: '1-20',
        },
      });
      const req = await p.ours(id);
      expect(req.serviceType).toBe('copy');
      expect(req.citation).toMatchObject({
        title: 'Journal of Big Bend Studies',
        articleTitle: 'Rock art of the lower Pecos',
      });
      await act(c, req.id, 'will_supply');
      const { version: v } = await detail(c, req.id);
      const pdf = Buffer.from('%PDF-1.4\n% partner copy\n%%EOF\n');
      const boundary = '----lend-boundary';
      const sent = await c.request({
        method: 'POST',
        url: `/api/v1/sharing/requests/${req.id}/copy`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="version"\r\n\r\n${v}\r\n`),
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
          ),
          pdf,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
      expect(sent.statusCode, sent.body).toBe(200);
      const [, m] = await p.received();
      expect(m!.statusInfo.status).toBe('CopyCompleted');
      const url =
        version === '2021' ? m!.deliveryInfo?.url : /Copy: (\S+)/.exec(m!.messageInfo.note ?? '')?.[1];
      expect(url).toMatch(/\/api\/v1\/sharing\/copies\//);
      const download = await t.app.inject({ method: 'GET', url: new URL(url!).pathname });
      expect(download.rawPayload.equals(pdf)).toBe(true);
      // Done on our side (the partner's Received later completes the mirror).
      expect((await p.ours(id)).endedAt).not.toBeNull();
      await p.action(id, 'OKCIM', 'Received');
      expect((await p.ours(id)).state).toBe('complete');
    });

    it('cannot supply: Unfilled with our reason, and the request ends quietly on our side', async () => {
      const id = `${tag}-UNF-1`;
      await p.request(id, 'OKCIM');
      const req = await p.ours(id);
      await act(c, req.id, 'cannot_supply', { reasonCode: 'NotOnShelf', note: 'Missing from the shelf' });
      const [m] = await p.received();
      expect(m!.messageInfo).toMatchObject({
        reasonForMessage: 'RequestResponse',
        reasonUnfilled: 'NotOnShelf',
      });
      expect(m!.statusInfo.status).toBe('Unfilled');
      const after = await p.ours(id);
      expect(after.state).toBe('end_of_rota');
      expect(after.endedAt).not.toBeNull();
      const attempts = await t.ctx.db.execute(
        sql`SELECT count(*)::int AS n FROM sharing_attempts WHERE request_id = ${req.id}`,
      );
      expect(
        Number(
          (((attempts as unknown as { rows?: { n: number }[] }).rows ?? attempts) as { n: number }[])[0]!.n,
        ),
      ).toBe(1);
    });

    it('retry: RetryPossible, their Retry with changed terms, then we will supply under the new id', async () => {
      const id = `${tag}-RTY-1`;
      await p.request(id, 'OKCIM');
      const req = await p.ours(id);
      await act(c, req.id, 'retry_possible', { reasonCode: 'OnLoan' });
      let [m] = await p.received();
      expect(m!.messageInfo).toMatchObject({ reasonForMessage: 'RequestResponse', reasonRetry: 'OnLoan' });
      expect(m!.statusInfo.status).toBe('RetryPossible');
      expect((await p.ours(id)).endedAt).not.toBeNull();

      const retried = await p.request(`${id}-B`, 'OKCIM', {
        service: {
          requestType: 'Retry',
          requestingAgencyPreviousRequestId: id,
          needBeforeDate: new Date('2030-09-01T00:00:00Z'),
        },
      });
      expect(retried).toMatchObject({ status: 'OK' });
      const again = await p.ours(`${id}-B`);
      expect(again.id).toBe(req.id);
      expect(again).toMatchObject({ state: 'requested', needBefore: '2030-09-01', endedAt: null });
      const lender = await detail(c, req.id);
      expect(lender.attempt!.state).toBe('received');
      await act(c, req.id, 'will_supply');
      [m] = await p.received();
      expect(m!.header.requestingAgencyRequestId).toBe(`${id}-B`);
      expect(m!.statusInfo.status).toBe('WillSupply');
    });

    it('refuses a duplicate New, an unknown library and an unknown request, changing nothing', async () => {
      const id = `${tag}-DUP-1`;
      // The same body twice (a resend): answered alike, one request.
      const xml = p.requestXml(id, 'OKCIM');
      expect(await p.post(xml)).toMatchObject({ status: 'OK' });
      expect(await p.post(xml)).toMatchObject({ status: 'OK' });
      const attempts = await t.ctx.db.execute(
        sql`SELECT count(*)::int AS n FROM sharing_attempts WHERE request_id = ${(await p.ours(id)).id}`,
      );
      expect(
        Number(
          (((attempts as unknown as { rows?: { n: number }[] }).rows ?? attempts) as { n: number }[])[0]!.n,
        ),
      ).toBe(1);
      const dup = await p.request(id, 'OKCIM', { service: { serviceLevel: 'Rush' } });
      expect(dup).toMatchObject({ status: 'ERROR', errorType: 'UnrecognisedDataValue' });
      expect(dup.ok && dup.errorValue).toMatch(/duplicate requestingAgencyRequestId/);
      const unknown = await p.request(`${tag}-UNK-1`, 'NOSUCH');
      expect(unknown).toMatchObject({ status: 'ERROR', errorType: 'UnrecognisedDataValue' });
      expect(unknown.ok && unknown.errorValue).toMatch(/supplyingAgencyId/);
      await expect(p.ours(`${tag}-UNK-1`)).rejects.toThrow();
      const noSuch = await p.action(`${tag}-NOPE`, 'OKCIM', 'Received');
      expect(noSuch).toMatchObject({ status: 'ERROR', errorType: 'UnrecognisedDataValue' });
      expect(noSuch.ok && noSuch.errorValue).toMatch(/requestingAgencyRequestId/);
      expect((await p.ours(id)).rush).toBe(false);
    });
  },
);
