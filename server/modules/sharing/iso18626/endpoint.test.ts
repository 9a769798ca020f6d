import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestApp, signIn, type Client, type TestApp } from '../../../test/harness.ts';
import type { RequestDetail } from '../../../../shared/contracts/sharing.ts';
import { Notifier } from '../notify.ts';
import { sharingAttempts, sharingEvents, sharingRequests } from '../tables.ts';
import { sharingWorld } from '../test-support.ts';
import { parseConfirmation } from './codec.ts';
import { IsoDelivery } from './delivery.ts';
import { HOSTILE } from './fixtures/hostile.ts';
import { outsideLender, startPeer, type ScriptedPeer } from './scripted-peer.ts';
import { sharingIsoMessages, sharingIsoPartners } from './tables.ts';

/**
 * POST /iso18626 against malformed and hostile input: every answer is HTTP 200 with an ERROR confirmation
 * of the right type, and nothing changes — requests, attempts and the timeline are compared before and after.
 */
let t: TestApp;
let a: Client;
let peer: ScriptedPeer, locked: ScriptedPeer, stranger: ScriptedPeer;
let requestId: string;
let us: { agencyIdType: string; agencyIdValue: string };

beforeAll(async () => {
  t = await createTestApp();
  const w = await sharingWorld(t);
  a = await signIn(t.app, w.staff.a);
  us = { agencyIdType: 'ISIL', agencyIdValue: w.libraryA.symbol };
  peer = await startPeer('2021', { agencyIdType: 'ISIL', agencyIdValue: 'US-HOST1' });
  locked = await startPeer('1.2', { agencyIdType: 'ISIL', agencyIdValue: 'US-HOST2' });
  // Known to no one: its agency id is not configured.
  stranger = await startPeer('2021', { agencyIdType: 'ISIL', agencyIdValue: 'US-NOBODY' });
  await outsideLender(t, peer, 'ZZHOST1');
  await outsideLender(t, locked, 'ZZHOST2', { inboundCode: 'a-long-shared-secret' });
  const res = await a.post(`/api/v1/sharing/libraries/${w.libraryA.id}/requests`, {
    serviceType: 'loan',
    citation: { title: 'Hostile input handling', isbn: '9780000000002' },
    pickupLocation: 'Main desk',
  });
  expect(res.statusCode, res.body).toBe(201);
  requestId = (res.json() as RequestDetail).id;
  await new IsoDelivery(t.ctx, new Notifier(t.ctx), { retrySchedule: [], timeoutMs: 5000 }).deliverDue();
  expect(peer.requests()).toHaveLength(1);
});
afterAll(async () => {
  for (const p of [peer, locked, stranger]) await p?.close();
  await t?.close();
});

async function snapshot() {
  const db = t.ctx.db;
  return {
    requests: await db.select().from(sharingRequests).orderBy(asc(sharingRequests.id)),
    attempts: await db.select().from(sharingAttempts).orderBy(asc(sharingAttempts.id)),
    events: (await db.select({ id: sharingEvents.id }).from(sharingEvents)).length,
    outbound: (
      await db
        .select({ id: sharingIsoMessages.id })
        .from(sharingIsoMessages)
        .where(eq(sharingIsoMessages.direction, 'out'))
    ).length,
  };
}

async function post(payload: string | Buffer, contentType: string | null = 'application/xml') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/iso18626',
    headers: contentType ? { 'content-type': contentType } : {},
    payload,
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('xml');
  const c = parseConfirmation(res.body);
  if (!c.ok) throw new Error(`not a confirmation: ${res.body}`);
  return c;
}

describe('the hostile corpus through the endpoint', () => {
  it.each(HOSTILE.map((h) => [h.name, h] as const))('%s → ERROR, no change', async (_name, h) => {
    const before = await snapshot();
    const c = await post(h.xml);
    expect(c.status).toBe('ERROR');
    expect(c.errorType).toBe(h.errorType);
    // A body of white space arrives as bytes: the reader calls it "no root element" then, not "empty".
    if (h.name !== 'whitespace body') expect(c.errorValue ?? '').toContain(h.errorValue);
    expect(await snapshot()).toEqual(before);
  });
});

describe('refusals that need our data', () => {
  const refused = async (
    payload: string | Buffer,
    errorType: string,
    fragment: string,
    type?: string | null,
  ) => {
    const before = await snapshot();
    const c = await post(payload, type);
    expect(c.status).toBe('ERROR');
    expect(c.errorType).toBe(errorType);
    expect(c.errorValue ?? '').toContain(fragment);
    expect(await snapshot()).toEqual(before);
    return c;
  };

  it('an unknown partner', async () => {
    const m = peer.sam('StatusChange', 'WillSupply');
    m.header.supplyingAgencyId = stranger.agency;
    await refused(
      stranger.version === '2021' ? (await import('./codec.ts')).buildMessage(m, '2021') : '',
      'UnrecognisedDataValue',
      'US-NOBODY',
    );
  });

  it('a disabled partner', async () => {
    const org = await t.ctx.db
      .select()
      .from(sharingIsoPartners)
      .where(eq(sharingIsoPartners.agencyIdValue, 'US-HOST1'));
    await t.ctx.db
      .update(sharingIsoPartners)
      .set({ enabled: false })
      .where(eq(sharingIsoPartners.organizationId, org[0]!.organizationId));
    try {
      const res = await peer.send(t.app, peer.sam('StatusChange', 'WillSupply'));
      expect(res.statusCode).toBe(200);
      expect(res.confirmation.ok && res.confirmation.errorType).toBe('UnrecognisedDataValue');
    } finally {
      await t.ctx.db
        .update(sharingIsoPartners)
        .set({ enabled: true })
        .where(eq(sharingIsoPartners.organizationId, org[0]!.organizationId));
    }
  });

  it('bad or missing credentials', async () => {
    const { buildMessage } = await import('./codec.ts');
    const m = locked.sam('StatusChange', 'WillSupply', { about: requestId, to: us });
    m.header.requestingAgencyAuthentication = { accountId: 'peer', securityCode: 'wrong-code-entirely' };
    await refused(buildMessage(m, '1.2'), 'UnrecognisedDataValue', 'requestingAgencyAuthentication');
    const r = {
      kind: 'requestingAgencyMessage' as const,
      header: {
        ...m.header,
        requestingAgencyId: locked.agency,
        supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'X' },
      },
      action: 'Received' as const,
    };
    delete r.header.requestingAgencyAuthentication;
    await refused(buildMessage(r, '1.2'), 'UnrecognisedDataValue', 'requestingAgencyAuthentication');
  });

  it('an unknown status, an unknown request id, a request at another partner', async () => {
    const { buildMessage } = await import('./codec.ts');
    const xml = buildMessage(peer.sam('StatusChange', 'WillSupply'), '2021');
    await refused(xml.replace('>WillSupply<', '>Shipped<'), 'UnrecognisedDataValue', 'Shipped');
    await refused(
      buildMessage(peer.sam('StatusChange', 'WillSupply', { about: 'not-a-uuid' }), '2021'),
      'UnrecognisedDataValue',
      'not-a-uuid',
    );
    const other = locked.sam('StatusChange', 'WillSupply', { about: requestId, to: us });
    other.header.requestingAgencyAuthentication = { accountId: 'peer', securityCode: 'a-long-shared-secret' };
    await refused(buildMessage(other, '1.2'), 'UnrecognisedDataValue', 'is not with');
  });

  it('a body larger than the transport allows, no content type, a JSON content type', async () => {
    await refused(Buffer.alloc(5 * 1024 * 1024, 0x61), 'BadlyFormedMessage', 'too large');
    await refused('plain words', 'BadlyFormedMessage', '', null);
    await refused('{"a":1}', 'BadlyFormedMessage', '', 'application/json');
  });

  it('every refusal is in the log, without state, and an ERROR repeated is answered the same', async () => {
    const { buildMessage } = await import('./codec.ts');
    const xml = buildMessage(peer.sam('StatusChange', 'WillSupply', { about: 'no-such-request' }), '2021');
    const first = await post(xml);
    const again = await post(xml);
    expect(again.errorValue).toBe(first.errorValue);
    const errors = await t.ctx.db
      .select()
      .from(sharingIsoMessages)
      .where(eq(sharingIsoMessages.status, 'error'));
    expect(errors.length).toBeGreaterThan(HOSTILE.length);
    expect(errors.every((e) => e.direction === 'in' && e.confirmation?.includes('ERROR'))).toBe(true);
    expect(errors.every((e) => e.durationMs !== null && e.durationMs >= 0)).toBe(true);
    // Still answerable: the request itself moves on with a good message.
    const ok = await peer.send(t.app, peer.sam('RequestResponse', 'WillSupply'));
    expect(ok.confirmation.ok && ok.confirmation.status).toBe('OK');
  });
});
