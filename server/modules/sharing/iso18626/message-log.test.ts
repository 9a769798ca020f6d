import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/client.ts';
import { createTestApp, signIn, type Client, type TestApp } from '../../../test/harness.ts';
import type { PartnerMessages, RequestMessages } from '../../../../shared/contracts/iso18626.ts';
import * as sq from '../queries.ts';
import { enqueueOutbound, findInboundByHash, inboundBodyHash, recordInbound } from './outbox.ts';
import { createPartner, outboxWorld, requestXml } from './outbox.test-support.ts';

/** Who reads a request's ISO 18626 messages, and what they read (no patron data, no credentials). */
let t: TestApp;
let w: Awaited<ReturnType<typeof outboxWorld>>;
let b: Client, c: Client, staff: Client, partnerUser: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await outboxWorld(t);
  [b, c, staff, partnerUser] = await Promise.all([
    signIn(t.app, w.staff.b),
    signIn(t.app, w.staff.c),
    signIn(t.app, 'staff@test.example'),
    signIn(t.app, 'partner@partner.example'),
  ]);
});
afterAll(() => t.close());

const PATRON = 'Reader Ximena Testpatron';
const db = () => t.ctx.db as Db;

/** An outside library borrows from our member B: inbound request (with a patron) and B's answer. */
async function outsideBorrowerAtB() {
  const partner = await createPartner(t, 'https://ill.outside.example/iso18626');
  const req = await sq.insertRequest(db(), {
    borrowerId: partner.id,
    serviceType: 'loan',
    citation: { title: 'Pueblo pottery' } as never,
    title: 'Pueblo pottery',
    itemKey: 'test|pueblo',
    source: 'partner',
    externalRequestId: 'EXT-77',
    state: 'requested',
  });
  const attempt = await sq.insertAttempt(db(), { requestId: req.id, lenderId: w.libraryB.id, position: 1 });
  const inbound = requestXml('IN-1').replace(
    '</ill:header>',
    `</ill:header><ill:patronInfo><ill:givenName>${PATRON}</ill:givenName></ill:patronInfo>`,
  );
  const hash = inboundBodyHash(inbound);
  const id = await recordInbound(db(), {
    requestId: req.id,
    attemptId: attempt.id,
    partnerId: partner.id,
    kind: 'request',
    summary: 'New loan request',
    body: inbound,
    bodyHash: hash,
    confirmation: '<ISO18626Message><requestConfirmation>OK</requestConfirmation></ISO18626Message>',
    status: 'applied',
  });
  await enqueueOutbound(db(), {
    requestId: req.id,
    attemptId: attempt.id,
    partnerId: partner.id,
    kind: 'supplyingAgencyMessage',
    summary: 'WillSupply',
    body: requestXml('OUT-1'),
  });
  return { partner, req, attempt, id, hash, inbound };
}

describe('the message log of a request', () => {
  it('shows the lending member its attempt’s messages, pretty-printed, without patron or code', async () => {
    const s = await outsideBorrowerAtB();
    const res = await b.get(`/api/v1/sharing/requests/${s.req.id}/iso-messages`);
    expect(res.statusCode, res.body).toBe(200);
    const log = res.json() as RequestMessages;
    expect(log.partners).toEqual([{ id: s.partner.id, name: s.partner.name, symbol: s.partner.symbol }]);
    expect(log.items.map((m) => [m.direction, m.kind, m.status])).toEqual([
      ['in', 'request', 'applied'],
      ['out', 'supplyingAgencyMessage', 'pending'],
    ]);
    expect(res.body).not.toContain(PATRON);
    expect(res.body).not.toContain('whatever-the-builder-put');
    expect(log.items[0]!.body).toContain('IN-1');
    expect(log.items[0]!.body.split('\n').length).toBeGreaterThan(3);
    expect(log.items[1]!.canResend).toBe(false);
  });

  it('is stored without the patron, and a repeated inbound body is found by its hash', async () => {
    const s = await outsideBorrowerAtB();
    const rows = (await db().execute(
      `SELECT body FROM sharing_iso_messages WHERE request_id = '${s.req.id}'` as never,
    )) as unknown as { rows: { body: string }[] };
    for (const row of rows.rows) expect(row.body).not.toContain(PATRON);
    const again = await recordInbound(db(), {
      requestId: s.req.id,
      attemptId: s.attempt.id,
      partnerId: s.partner.id,
      kind: 'request',
      summary: 'New loan request',
      body: s.inbound,
      bodyHash: s.hash,
      confirmation: 'second',
      status: 'applied',
    });
    expect(again).toBeNull();
    expect(await findInboundByHash(db(), s.partner.id, s.hash)).toMatchObject({
      id: s.id,
      status: 'applied',
      confirmation: expect.stringContaining('requestConfirmation'),
    });
    expect(await findInboundByHash(db(), s.partner.id, inboundBodyHash('other'))).toBeNull();
  });

  it('is refused to libraries not on the request (404) and to partner organisations (403)', async () => {
    const s = await outsideBorrowerAtB();
    expect((await c.get(`/api/v1/sharing/requests/${s.req.id}/iso-messages`)).statusCode).toBe(404);
    expect((await w.a.get(`/api/v1/sharing/requests/${s.req.id}/iso-messages`)).statusCode).toBe(404);
    expect((await partnerUser.get(`/api/v1/sharing/requests/${s.req.id}/iso-messages`)).statusCode).toBe(403);
    expect((await b.get(`/api/v1/sharing/requests/${crypto.randomUUID()}/iso-messages`)).statusCode).toBe(
      404,
    );
  });

  it('shows an earlier lender only its own attempt; consortium staff see all and resend none', async () => {
    const partner = await createPartner(t, 'https://ill.outside2.example/iso18626');
    const at = await w.requestAtPartner(partner.id);
    // B was asked first (a member: no messages), then the partner.
    const first = await sq.insertAttempt(db(), {
      requestId: at.requestId,
      lenderId: w.libraryB.id,
      position: 0,
    });
    const outId = await enqueueOutbound(db(), {
      ...at,
      partnerId: partner.id,
      kind: 'request',
      summary: 'New request',
      body: requestXml('TO-PARTNER'),
    });
    const forB = (
      await b.get(`/api/v1/sharing/requests/${at.requestId}/iso-messages`)
    ).json() as RequestMessages;
    expect(forB.items).toEqual([]);
    expect(first.lenderId).toBe(w.libraryB.id);
    const forA = (
      await w.a.get(`/api/v1/sharing/requests/${at.requestId}/iso-messages`)
    ).json() as RequestMessages;
    expect(forA.items.map((m) => m.id)).toEqual([outId]);
    const forStaff = (
      await staff.get(`/api/v1/sharing/requests/${at.requestId}/iso-messages`)
    ).json() as RequestMessages;
    expect(forStaff.items.map((m) => m.id)).toEqual([outId]);

    const page = await staff.get(
      `/api/v1/sharing/partners/${partner.id}/messages?status=pending&pageSize=10`,
    );
    expect(page.statusCode, page.body).toBe(200);
    const traffic = page.json() as PartnerMessages;
    expect(traffic).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(traffic.items[0]).toMatchObject({ id: outId, requestId: at.requestId, canResend: false });
    expect(
      (await staff.get(`/api/v1/sharing/partners/${partner.id}/messages?status=sent`)).json(),
    ).toMatchObject({
      total: 0,
    });
    expect((await staff.get(`/api/v1/sharing/partners/${partner.id}/messages?status=bogus`)).statusCode).toBe(
      400,
    );
  });
});
