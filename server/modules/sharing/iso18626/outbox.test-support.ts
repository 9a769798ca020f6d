import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import type { Db } from '../../../platform/db/client.ts';
import { signIn, type TestApp } from '../../../test/harness.ts';
import type { RequestDetail } from '../../../../shared/contracts/sharing.ts';
import * as sq from '../queries.ts';
import { insertCluster, sharingWorld } from '../test-support.ts';
import { buildConfirmation } from './codec.ts';
import { PartnerService } from './partners.ts';

/**
 * Test helpers for the outbox: a scripted ISO 18626 peer on a local port, and a request of library A whose
 * current attempt is at an outside partner (the rota itself is another part's concern, so the attempt's
 * lender is set directly).
 */
export type PeerMode = 'ok' | 'error' | 'http500' | 'garbage' | 'hang' | 'huge' | 'refuse';

export type Peer = {
  url: string;
  received: { body: string; contentType: string }[];
  /** Answers in order; the last one repeats. */
  script: PeerMode[];
  delayMs: number;
  close: () => Promise<void>;
};

export async function startPeer(script: PeerMode[] = ['ok']): Promise<Peer> {
  const peer: Peer = { url: '', received: [], script, delayMs: 0, close: async () => undefined };
  let served = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      peer.received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        contentType: req.headers['content-type'] ?? '',
      });
      const mode = peer.script[Math.min(served++, peer.script.length - 1)]!;
      if (mode === 'hang') return;
      const answer = () => {
        if (mode === 'http500') return res.writeHead(500).end('Internal error');
        if (mode === 'garbage') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hi');
        if (mode === 'huge') return res.writeHead(200).end('<x>'.padEnd(2 * 1024 * 1024, ' '));
        if (mode === 'refuse') return req.socket.destroy();
        const status =
          mode === 'ok'
            ? ('OK' as const)
            : { errorType: 'UnrecognisedDataValue' as const, errorValue: 'bad ISBN' };
        res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(buildConfirmation('request', { requestingAgencyRequestId: 'R-1' }, status, '2021'));
      };
      if (peer.delayMs) setTimeout(answer, peer.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  peer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/iso18626`;
  peer.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return peer;
}

let symbols = 0;

/** A partner pointing at `url`, created as consortium staff would. */
export async function createPartner(t: TestApp, url: string, over: Record<string, unknown> = {}) {
  const n = ++symbols;
  const staff = t.fixtures.people.consortiumStaff;
  const principal = { userId: staff.id, email: staff.email } as never;
  return new PartnerService(t.ctx).create(principal, {
    name: `Outside University Library ${n}`,
    symbol: `OUT${n}`,
    city: 'Tucson',
    state: 'AZ',
    timeZone: 'America/Phoenix',
    address: { line1: '1 Campus Drive', city: 'Tucson', state: 'AZ', postalCode: '85701' },
    agencyIdType: 'ISIL',
    agencyIdValue: `US-Out${n}`,
    endpointUrl: url,
    isoVersion: '2021',
    outboundAccountId: 'amigos',
    outboundSecurityCode: `real-code-${n}`,
    ...over,
  });
}

export async function outboxWorld(t: TestApp) {
  const w = await sharingWorld(t);
  const a = await signIn(t.app, w.staff.a);
  /** A loan request of library A whose current lender is the partner, borrower state "requested". */
  async function requestAtPartner(partnerId: string) {
    const clusterId = await insertCluster(t.ctx.db, [{ libraryId: w.libraryB.id }]);
    const res = await a.post(`/api/v1/sharing/libraries/${w.libraryA.id}/requests`, {
      serviceType: 'loan',
      clusterId,
      patron: { name: 'Reader Ximena Testpatron', email: 'ximena@patrons.example', locale: 'es' },
      pickupLocation: 'Main desk',
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as RequestDetail;
    expect(created.state).toBe('requested');
    await sq.updateAttempt(t.ctx.db as Db, created.attempt!.id, { lenderId: partnerId });
    return { requestId: created.id, attemptId: created.attempt!.id };
  }
  return { ...w, a, requestAtPartner };
}

/** A request XML with a security code in its header, like the borrowing side builds. */
export const requestXml = (marker: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><ill:ISO18626Message xmlns:ill="http://illtransactions.org/2013/iso18626" ill:version="2021"><ill:request><ill:header><ill:requestingAgencyRequestId>${marker}</ill:requestingAgencyRequestId><ill:requestingAgencyAuthentication><ill:accountId>amigos</ill:accountId><ill:securityCode>whatever-the-builder-put</ill:securityCode></ill:requestingAgencyAuthentication></ill:header></ill:request></ill:ISO18626Message>`;
