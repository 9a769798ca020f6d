import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts';
import type { RequestDetail } from '../../../shared/contracts/sharing.ts';
import { insertCluster, sharingWorld } from './test-support.ts';
import { sharingRequests } from './tables.ts';

/** Requests end to end over HTTP, both sides acting on the same request. */
let t: TestApp;
let w: Awaited<ReturnType<typeof sharingWorld>>;
let a: Client, b: Client, c: Client, d: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await sharingWorld(t);
  [a, b, c, d] = await Promise.all([
    signIn(t.app, w.staff.a),
    signIn(t.app, w.staff.b),
    signIn(t.app, w.staff.c),
    signIn(t.app, w.staff.d),
  ]);
});
afterAll(() => t.close());

const PATRON = { name: 'Patron Card 2100045', email: 'reader@patrons.example', locale: 'es' as const };

async function create(body: object, client = a, lib = w.libraryA.id) {
  const res = await client.post(`/api/v1/sharing/libraries/${lib}/requests`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as RequestDetail;
}
async function endedAt(id: string) {
  const [row] = await t.ctx.db
    .select({ endedAt: sharingRequests.endedAt })
    .from(sharingRequests)
    .where(eq(sharingRequests.id, id));
  return row!.endedAt;
}
async function detail(client: Client, id: string) {
  const res = await client.get(`/api/v1/sharing/requests/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RequestDetail;
}
async function act(client: Client, id: string, action: string, extra: object = {}) {
  const { version } = await detail(client, id);
  const res = await client.post(`/api/v1/sharing/requests/${id}/actions`, { action, version, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RequestDetail;
}

describe('a full loan between two libraries', () => {
  it('routes, supplies, ships, receives, renews, returns and completes on both sides', async () => {
    const clusterId = await insertCluster(t.ctx.db, [
      { libraryId: w.libraryB.id },
      { libraryId: w.libraryC.id },
    ]);
    const created = await create({
      serviceType: 'loan',
      clusterId,
      patron: PATRON,
      pickupLocation: 'Main desk',
    });
    expect(created.state).toBe('requested');
    expect(created.citation.title).toBe('Caddo ceramics of the Red River');
    // Equal balances: ordered by symbol (NMESP before OKCIM), with the reasons stored.
    expect(created.rota.map((r) => r.library.symbol)).toEqual(['NMESP', 'OKCIM']);
    expect(created.rota[0]!.reasons.join(' ')).toMatch(/Balance \+0 .*at its goal.*ordered by symbol/);
    expect(created.attempt!.lender.symbol).toBe('NMESP');
    expect(created.actions).toEqual(['request_cancel']);

    const lenderView = await detail(b, created.id);
    expect(lenderView.viewAs).toBe('lending');
    expect(lenderView.actions).toEqual(
      expect.arrayContaining(['will_supply', 'cannot_supply', 'offer_conditions']),
    );

    expect((await act(b, created.id, 'will_supply')).attempt!.state).toBe('will_supply');
    expect((await detail(a, created.id)).state).toBe('expects_to_supply');
    await act(b, created.id, 'print_pull_slip');
    const shipped = await act(b, created.id, 'ship', {
      dueDate: '2030-01-31',
      shippingMethod: 'courier',
      trackingId: 'TRK-1',
    });
    expect(shipped.attempt).toMatchObject({ state: 'shipped', dueDate: '2030-01-31', trackingId: 'TRK-1' });
    expect((await act(a, created.id, 'mark_received')).state).toBe('received');
    await act(a, created.id, 'check_out_to_patron');
    await act(a, created.id, 'request_renewal');
    expect((await detail(b, created.id)).attempt!.renewalPending).toBe(true);
    const renewed = await act(b, created.id, 'approve_renewal', { dueDate: '2030-02-28' });
    expect(renewed.attempt).toMatchObject({ dueDate: '2030-02-28', renewalPending: false });
    await act(a, created.id, 'check_in_from_patron');
    await act(a, created.id, 'ship_return');
    expect((await detail(b, created.id)).attempt!.state).toBe('return_in_transit');
    const done = await act(b, created.id, 'check_in');
    expect(done.attempt!.state).toBe('complete');
    const borrower = await detail(a, created.id);
    expect(borrower.state).toBe('complete');
    expect(borrower.actions).toEqual([]);
    expect(borrower.timeline.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'created',
        'submit',
        'send_to_lender',
        'will_supply',
        'lender_will_supply',
        'ship',
        'lender_shipped',
        'renewal_asked',
        'renewed',
        'check_in',
        'lender_checked_in',
      ]),
    );
  });
});

describe('routing down the rota', () => {
  it('skips an unfilled lender to the next, then ends the rota; staff restart it', async () => {
    const clusterId = await insertCluster(t.ctx.db, [
      { libraryId: w.libraryB.id },
      { libraryId: w.libraryC.id },
    ]);
    const r = await create({ serviceType: 'loan', clusterId });
    // NMESP lent once in the first test, so OKCIM (lent less against its goal) is asked first.
    expect(r.rota.map((e) => e.library.symbol)).toEqual(['OKCIM', 'NMESP']);
    expect(r.rota[1]!.reasons.join(' ')).toMatch(
      /Balance -1 \(borrowed 0, lent 1 .*lends more than its goal/,
    );
    await act(c, r.id, 'cannot_supply', { reasonCode: 'NotOnShelf' });
    const moved = await detail(a, r.id);
    expect(moved.state).toBe('requested');
    expect(moved.attempt!.lender.symbol).toBe('NMESP');
    expect(moved.rota.map((e) => e.state)).toEqual(['unfilled', 'received']);
    // The first lender no longer holds it: nothing to do, and it cannot act.
    expect((await detail(c, r.id)).actions).toEqual([]);
    const late = await c.post(`/api/v1/sharing/requests/${r.id}/actions`, {
      action: 'will_supply',
      version: moved.version,
    });
    expect(late.statusCode).toBe(404);
    await act(b, r.id, 'cannot_supply', { reasonCode: 'NonCirculating' });
    const ended = await detail(a, r.id);
    expect(ended.state).toBe('end_of_rota');
    expect(ended.actions.sort()).toEqual(['cancel', 'restart_rota']);
    // The end of the rota counts as ended (fill rate: an unfilled request); a restart reopens it.
    expect(await endedAt(r.id)).toBeInstanceOf(Date);
    const restarted = await act(a, r.id, 'restart_rota');
    expect(restarted.state).toBe('requested');
    expect(restarted.attempt!.lender.symbol).toBe('OKCIM');
    expect(await endedAt(r.id)).toBeNull();
  });

  it('explains skipped libraries: lending off, closed today, non-lending locations', async () => {
    const admin = await signIn(t.app, 'director@b.example');
    const policy = (await admin.get(`/api/v1/sharing/libraries/${w.libraryB.id}/policy`)).json();
    const saved = await admin.put(`/api/v1/sharing/libraries/${w.libraryB.id}/policy`, {
      ...policy,
      lending: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await admin.put(`/api/v1/sharing/libraries/${w.libraryB.id}/policy`, {
      ...policy,
      lending: false,
    });
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const today = new Date().toISOString().slice(0, 10);
    await t.ctx.db.execute(
      `INSERT INTO closures (organization_id, starts_on, ends_on, reason) VALUES ('${w.libraryC.id}', '${today}'::date - 1, '${today}'::date + 1, 'Holiday')` as never,
    );
    const clusterId = await insertCluster(t.ctx.db, [
      { libraryId: w.libraryB.id },
      { libraryId: w.libraryC.id },
      { libraryId: w.libraryD.id, location: 'Reference' },
    ]);
    const dAdmin = await t.ctx.db.execute(
      `INSERT INTO sharing_policies (library_id, non_lending_locations) VALUES ('${w.libraryD.id}', '{reference}')` as never,
    );
    expect(dAdmin).toBeTruthy();
    const r = await create({ serviceType: 'loan', clusterId });
    expect(r.state).toBe('end_of_rota');
    expect(Object.fromEntries(r.skipped.map((s) => [s.library.symbol, s.reason]))).toEqual({
      NMESP: 'Lending is turned off',
      OKCIM: 'Closed today',
      NMDAC: 'Held only in non-lending locations (Reference)',
    });
    await admin.put(`/api/v1/sharing/libraries/${w.libraryB.id}/policy`, { ...policy, version: 2 });
  });
});

describe('intake review', () => {
  it('sends an item the borrower holds itself to local review, and a repeat to duplicate review', async () => {
    const clusterId = await insertCluster(t.ctx.db, [
      { libraryId: w.libraryA.id, location: 'Stacks' },
      { libraryId: w.libraryD.id },
    ]);
    const local = await create({ serviceType: 'loan', clusterId, patron: PATRON });
    expect(local.state).toBe('local_review');
    expect(local.timeline.find((e) => e.action === 'flag_held_locally')!.note).toMatch(/Held here: Stacks/);
    const again = await create({
      serviceType: 'loan',
      clusterId,
      patron: { ...PATRON, name: PATRON.name.toUpperCase() },
    });
    expect(again.state).toBe('duplicate_review');
    const approved = await act(a, again.id, 'approve');
    expect(approved.state).toBe('requested');
    expect(approved.attempt!.lender.symbol).toBe('NMDAC');
  });

  it('finds a record by ISBN and pre-fills the request; a blank citation without holdings ends the rota', async () => {
    const clusterId = await insertCluster(t.ctx.db, [{ libraryId: w.libraryD.id }], {
      title: 'Llano Estacado',
      isbn: '9780292700000',
    });
    const found = (await a.get('/api/v1/sharing/lookup?isbn=978-0-292-70000-0')).json();
    expect(found.items.map((i: { clusterId: string }) => i.clusterId)).toEqual([clusterId]);
    const byIsbn = await create({ serviceType: 'loan', citation: { isbn: '9780292700000' } });
    expect(byIsbn).toMatchObject({ clusterId, citation: { title: 'Llano Estacado' }, state: 'requested' });
    const blank = await create({
      serviceType: 'copy',
      citation: { title: 'Journal of Big Bend Studies', articleTitle: 'Rock art', pages: '1-20' },
    });
    expect(blank.state).toBe('end_of_rota');
  });
});

describe('refusals', () => {
  it('answers 409 with the valid actions, and VERSION_CONFLICT for a stale version', async () => {
    const clusterId = await insertCluster(t.ctx.db, [{ libraryId: w.libraryB.id }]);
    const r = await create({ serviceType: 'loan', clusterId });
    const wrong = await b.post(`/api/v1/sharing/requests/${r.id}/actions`, {
      action: 'check_in',
      version: r.version,
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.code).toBe('INVALID_ACTION');
    expect(wrong.json().error.message).toMatch(
      /“check in” is not possible while this is “received”\. Possible now: will supply/,
    );
    const sideWrong = await a.post(`/api/v1/sharing/requests/${r.id}/actions`, {
      action: 'ship',
      version: r.version,
    });
    expect(sideWrong.json().error.code).toBe('INVALID_ACTION');
    await act(b, r.id, 'will_supply');
    const stale = await b.post(`/api/v1/sharing/requests/${r.id}/actions`, {
      action: 'ship',
      version: r.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const outsider = await d.get(`/api/v1/sharing/requests/${r.id}`);
    expect(outsider.statusCode).toBe(404);
    const office = await signIn(t.app, 'staff@test.example');
    const seen = (await office.get(`/api/v1/sharing/requests/${r.id}`)).json() as RequestDetail;
    expect(seen).toMatchObject({ viewAs: 'consortium', actions: [], patron: null });
    const officeAct = await office.post(`/api/v1/sharing/requests/${r.id}/actions`, {
      action: 'ship',
      version: seen.version,
    });
    expect(officeAct.statusCode).toBe(403);
  });
});
