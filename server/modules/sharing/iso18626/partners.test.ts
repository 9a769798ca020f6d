import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../../test/harness.ts';
import type { Partner } from '../../../../shared/contracts/iso18626.ts';
import {
  lendingPartners,
  partnerByAgency,
  partnerByOrganization,
  partnerOrganizationIds,
  verifyInboundCredentials,
} from './partners.ts';
import { seedDemoPartners } from '../../../seed/sharing-partners.ts';

/** Partner configuration over HTTP: consortium staff only, secrets write-only, inbound code hashed. */
let t: TestApp;
let staff: Client, admin: Client, library: Client, director: Client;

beforeAll(async () => {
  t = await createTestApp();
  [staff, admin, library, director] = await Promise.all([
    signIn(t.app, 'staff@test.example'),
    signIn(t.app, 'admin@test.example'),
    signIn(t.app, 'ill@a.example'),
    signIn(t.app, 'director@a.example'),
  ]);
});
afterAll(() => t.close());

const SECRETS = {
  outboundAccountId: 'amigos-account-7731',
  outboundSecurityCode: 'out-code-Zq81-secret',
  inboundSecurityCode: 'in-code-Lk44-long-enough',
};

const partnerInput = (over: object = {}) => ({
  name: 'Mesa Verde University Library',
  symbol: 'COMVU',
  city: 'Durango',
  state: 'CO',
  region: 'Four Corners',
  timeZone: 'America/Denver',
  address: { line1: '1000 Rim Drive', city: 'Durango', state: 'CO', postalCode: '81301' },
  agencyIdType: 'ISIL',
  agencyIdValue: 'US-CoDuMV',
  endpointUrl: 'https://ill.mesaverde.example/iso18626',
  isoVersion: '2021',
  quirks: { expectToSupplyAsWillSupply: true, termsInNote: false, plainVersionAttribute: false },
  inboundAccountId: 'mesaverde',
  ...SECRETS,
  ...over,
});

async function create(over: object = {}) {
  const res = await staff.post('/api/v1/sharing/partners', partnerInput(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Partner;
}

describe('partners', () => {
  it('are created by consortium staff; no response ever carries a secret', async () => {
    const p = await create();
    expect(p).toMatchObject({
      symbol: 'COMVU',
      agencyIdType: 'ISIL',
      agencyIdValue: 'US-CoDuMV',
      isoVersion: '2021',
      enabled: true,
      lends: true,
      borrows: true,
      inboundAccountId: 'mesaverde',
      credentials: { outboundAccountId: true, outboundSecurityCode: true, inboundSecurityCode: true },
      status: { health: 'untried', unreachableSince: null },
      outbox: { waiting: 0, failed: 0 },
      version: 1,
    });
    expect(p.quirks.expectToSupplyAsWillSupply).toBe(true);
    const bodies = [
      JSON.stringify(p),
      (await staff.get('/api/v1/sharing/partners')).body,
      (await admin.get(`/api/v1/sharing/partners/${p.id}`)).body,
    ];
    for (const body of bodies)
      for (const secret of Object.values(SECRETS)) expect(body).not.toContain(secret);
    // The inbound code is stored only as a salted hash.
    const stored = await partnerByOrganization(t.ctx.db, p.id);
    expect(stored!.inboundSecurityCodeHash).toMatch(/^hmac-sha256\$/);
    expect(stored!.inboundSecurityCodeHash).not.toContain(SECRETS.inboundSecurityCode);
    expect(stored!.outboundSecurityCode).toBe(SECRETS.outboundSecurityCode);
  });

  it('are refused to member staff and library admins (403)', async () => {
    const p = await create({ symbol: 'NOACC', agencyIdValue: 'US-NoAcc' });
    for (const client of [library, director]) {
      expect((await client.get('/api/v1/sharing/partners')).statusCode).toBe(403);
      expect((await client.post('/api/v1/sharing/partners', partnerInput())).statusCode).toBe(403);
      expect((await client.get(`/api/v1/sharing/partners/${p.id}`)).statusCode).toBe(403);
      expect(
        (await client.patch(`/api/v1/sharing/partners/${p.id}`, { version: 1, enabled: false })).statusCode,
      ).toBe(403);
      expect((await client.get(`/api/v1/sharing/partners/${p.id}/messages`)).statusCode).toBe(403);
    }
  });

  it('validate the endpoint, version, time zone and code length with clear 400s', async () => {
    const bad = [
      { endpointUrl: 'ftp://ill.example/iso' },
      { endpointUrl: 'javascript:alert(1)' },
      { endpointUrl: 'file:///etc/passwd' },
      { isoVersion: '3.0' },
      { timeZone: 'Mars/Olympus' },
      { inboundSecurityCode: 'short' },
      { symbol: 'lower case' },
      { unknownField: true },
    ];
    for (const over of bad) {
      const res = await staff.post('/api/v1/sharing/partners', partnerInput({ symbol: 'BAD1', ...over }));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('keep agency ids and symbols unique (409)', async () => {
    await create({ symbol: 'UNIQ1', agencyIdType: 'OCLC', agencyIdValue: 'UNQ' });
    const sameAgency = await staff.post(
      '/api/v1/sharing/partners',
      partnerInput({ symbol: 'UNIQ2', agencyIdType: 'OCLC', agencyIdValue: 'UNQ' }),
    );
    expect(sameAgency.statusCode).toBe(409);
    expect(sameAgency.json().error.details[0].path).toBe('agencyIdValue');
    const sameSymbol = await staff.post(
      '/api/v1/sharing/partners',
      partnerInput({ symbol: 'UNIQ1', agencyIdValue: 'OTHER' }),
    );
    expect(sameSymbol.statusCode).toBe(409);
    expect(sameSymbol.json().error.details[0].path).toBe('symbol');
  });

  it('are edited with an optimistic version; a credential omitted is kept, null clears it', async () => {
    const p = await create({ symbol: 'EDIT1', agencyIdValue: 'US-Edit1' });
    const res = await staff.patch(`/api/v1/sharing/partners/${p.id}`, {
      version: 1,
      endpointUrl: 'http://ill2.mesaverde.example/iso',
      isoVersion: '1.2',
      outboundSecurityCode: null,
      quirks: { expectToSupplyAsWillSupply: false, termsInNote: true, plainVersionAttribute: true },
      city: 'Cortez',
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json() as Partner;
    expect(edited).toMatchObject({
      version: 2,
      endpointUrl: 'http://ill2.mesaverde.example/iso',
      isoVersion: '1.2',
      city: 'Cortez',
      credentials: { outboundAccountId: true, outboundSecurityCode: false, inboundSecurityCode: true },
      quirks: { expectToSupplyAsWillSupply: false, termsInNote: true, plainVersionAttribute: true },
    });
    const stale = await staff.patch(`/api/v1/sharing/partners/${p.id}`, { version: 1, enabled: false });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const disabled = await staff.patch(`/api/v1/sharing/partners/${p.id}`, { version: 2, enabled: false });
    expect((disabled.json() as Partner).status.health).toBe('disabled');
    expect((await staff.get(`/api/v1/sharing/partners/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('are found by agency id, organisation and role; inbound credentials verified', async () => {
    const p = await create({ symbol: 'LOOK1', agencyIdType: 'ISIL', agencyIdValue: 'US-Look1' });
    const off = await create({ symbol: 'LOOK2', agencyIdValue: 'US-Look2', enabled: false });
    const borrowOnly = await create({ symbol: 'LOOK3', agencyIdValue: 'US-Look3', lends: false });
    const open = await create({
      symbol: 'LOOK4',
      agencyIdValue: 'US-Look4',
      inboundAccountId: null,
      inboundSecurityCode: null,
    });
    const found = await partnerByAgency(t.ctx.db, 'ISIL', ' US-Look1 ');
    expect(found?.organizationId).toBe(p.id);
    expect(await partnerByAgency(t.ctx.db, 'ISIL', 'US-Nobody')).toBeNull();
    expect(verifyInboundCredentials(found!, 'mesaverde', SECRETS.inboundSecurityCode)).toBe(true);
    expect(verifyInboundCredentials(found!, 'mesaverde', `${SECRETS.inboundSecurityCode}x`)).toBe(false);
    expect(verifyInboundCredentials(found!, 'someone-else', SECRETS.inboundSecurityCode)).toBe(false);
    expect(verifyInboundCredentials(found!, null, null)).toBe(false);
    const none = await partnerByOrganization(t.ctx.db, open.id);
    expect(verifyInboundCredentials(none!, undefined, undefined)).toBe(true);

    const lenders = (await lendingPartners(t.ctx.db)).map((l) => l.organizationId);
    expect(lenders).toContain(p.id);
    expect(lenders).not.toContain(off.id);
    expect(lenders).not.toContain(borrowOnly.id);
    const ids = await partnerOrganizationIds(t.ctx.db);
    for (const id of [p.id, off.id, borrowOnly.id]) expect(ids.has(id)).toBe(true);
    expect(ids.has(t.fixtures.libraryA.id)).toBe(false);
  });

  it('are seeded for the demo once, disabled so the demo sends nothing out', async () => {
    expect(await seedDemoPartners(t.ctx.db)).toBe(3);
    expect(await seedDemoPartners(t.ctx.db)).toBe(0);
    const list = (await staff.get('/api/v1/sharing/partners')).json() as { items: Partner[] };
    const demo = list.items.filter((p) => ['AZSDU', 'COHPR', 'MSGHS'].includes(p.symbol));
    expect(demo.map((p) => p.isoVersion).sort()).toEqual(['1.2', '2021', '2021']);
    expect(demo.every((p) => p.status.health === 'disabled' && p.endpointUrl.includes('.example/'))).toBe(
      true,
    );
    expect(demo.find((p) => p.symbol === 'COHPR')!.quirks.expectToSupplyAsWillSupply).toBe(true);
    const lenders = (await lendingPartners(t.ctx.db)).map((l) => l.symbol);
    expect(lenders.filter((s) => demo.some((d) => d.symbol === s))).toEqual([]);
  });
});
