import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts';
import type { RequestDetail } from '../../../shared/contracts/sharing.ts';
import { mailOutbox } from '../../platform/tables.ts';
import { sharingServices } from './index.ts';
import { sharingPatrons, sharingRequests } from './tables.ts';
import { insertCluster, sharingWorld } from './test-support.ts';

/** Timers, privacy and purge, electronic copies and CONTU, notices, and two staff acting at once. */
let t: TestApp;
let w: Awaited<ReturnType<typeof sharingWorld>>;
let a: Client, b: Client, c: Client;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amigos-sharing-'));

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: dataDir });
  w = await sharingWorld(t);
  [a, b, c] = await Promise.all([
    signIn(t.app, w.staff.a),
    signIn(t.app, w.staff.b),
    signIn(t.app, w.staff.c),
  ]);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const PATRON = { name: 'Patron Card 7700912', email: 'lector@patrons.example', locale: 'es' as const };
const SECRET_NOTE = 'Patron prefers a call at home';

const create = async (body: object) => {
  const res = await a.post(`/api/v1/sharing/libraries/${w.libraryA.id}/requests`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as RequestDetail;
};
const detail = async (client: Client, id: string) =>
  (await client.get(`/api/v1/sharing/requests/${id}`)).json() as RequestDetail;
async function act(client: Client, id: string, action: string, extra: object = {}) {
  const { version } = await detail(client, id);
  const res = await client.post(`/api/v1/sharing/requests/${id}/actions`, { action, version, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

describe('answer timeouts', () => {
  it('skip a silent lender after its business days, once, even with two sweeps at once', async () => {
    const clusterId = await insertCluster(t.ctx.db, [
      { libraryId: w.libraryB.id },
      { libraryId: w.libraryC.id },
    ]);
    const r = await create({ serviceType: 'loan', clusterId });
    const first = r.attempt!;
    const answerBy = new Date(first.answerBy!);
    // Three business days: at least three calendar days later, at most five (a weekend in between).
    const days = (answerBy.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThan(5.1);
    const timers = sharingServices(t.ctx).timers;
    expect(await timers.answerTimeouts(new Date(answerBy.getTime() - 60_000))).toBe(0);
    const later = new Date(answerBy.getTime() + 60_000);
    const results = await Promise.all([
      timers.answerTimeouts(later),
      sharingServices(t.ctx).timers.answerTimeouts(later),
    ]);
    expect(results[0] + results[1]).toBe(1);
    const after = await detail(a, r.id);
    expect(after.state).toBe('requested');
    expect(after.attempt!.lender.id).not.toBe(first.lender.id);
    expect(after.rota[0]!.state).toBe('cancelled');
    expect(after.timeline.filter((e) => e.action === 'timed_out')).toHaveLength(1);
    expect(after.timeline.filter((e) => e.action === 'lender_timed_out')).toHaveLength(1);
  });
});

describe('overdue and due-soon sweeps', () => {
  it('marks a loan past its due date overdue on both sides, once, and tells the patron', async () => {
    const clusterId = await insertCluster(t.ctx.db, [{ libraryId: w.libraryC.id }]);
    const r = await create({ serviceType: 'loan', clusterId, patron: PATRON });
    await act(c, r.id, 'will_supply');
    await act(c, r.id, 'ship', { dueDate: '2030-03-10' });
    await act(a, r.id, 'mark_received');
    await act(a, r.id, 'check_out_to_patron');
    const timers = sharingServices(t.ctx).timers;
    expect(await timers.dueSoon(new Date('2030-03-01T12:00:00Z'))).toBe(0);
    expect(await timers.dueSoon(new Date('2030-03-08T12:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect(await timers.dueSoon(new Date('2030-03-09T12:00:00Z'))).toBe(0);
    // 10 March is still the due date in Oklahoma at 03:00 UTC on the 11th.
    expect(await timers.overdue(new Date('2030-03-11T03:00:00Z'))).toBe(0);
    expect(await timers.overdue(new Date('2030-03-11T12:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect(await timers.overdue(new Date('2030-03-11T13:00:00Z'))).toBe(0);
    expect((await detail(a, r.id)).state).toBe('overdue');
    expect((await detail(c, r.id)).attempt!.state).toBe('overdue');
    const mails = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, PATRON.email));
    expect(mails.map((m) => m.template)).toEqual(
      expect.arrayContaining(['sharing.patron.due_soon', 'sharing.patron.overdue']),
    );
  });
});

describe('privacy', () => {
  it('never shows patron data to the lender, on any lending endpoint', async () => {
    const clusterId = await insertCluster(t.ctx.db, [{ libraryId: w.libraryC.id }]);
    const r = await create({
      serviceType: 'loan',
      clusterId,
      patron: PATRON,
      staffNote: SECRET_NOTE,
      pickupLocation: 'Branch 2',
    });
    expect(r.patron).toMatchObject({ name: PATRON.name, email: PATRON.email });
    const secrets = [PATRON.name, PATRON.email, SECRET_NOTE, 'Branch 2'];
    const bodies = [
      (await c.get(`/api/v1/sharing/requests/${r.id}`)).body,
      (await c.get(`/api/v1/sharing/libraries/${w.libraryC.id}/requests?side=lending`)).body,
      (await c.get(`/api/v1/sharing/libraries/${w.libraryC.id}/requests?side=lending&q=Caddo`)).body,
      (await act(c, r.id, 'will_supply')).body,
      (await c.post(`/api/v1/sharing/requests/${r.id}/notes`, { text: 'Pulled from the stacks' })).body,
      (await act(c, r.id, 'ship')).body,
      (await c.get('/api/v1/notifications')).body,
    ];
    for (const body of bodies) for (const s of secrets) expect(body).not.toContain(s);
    const lenderView = await detail(c, r.id);
    expect(lenderView).toMatchObject({
      viewAs: 'lending',
      patron: null,
      staffNote: null,
      rota: [],
      skipped: [],
    });
    // The borrower still sees it all, and the lender's note.
    const mine = await detail(a, r.id);
    expect(mine.staffNote).toBe(SECRET_NOTE);
    expect(mine.notes.map((n) => n.text)).toEqual(['Pulled from the stacks']);
  });

  it('purges the patron N days after the request ends, keeping anonymous milestones', async () => {
    const clusterId = await insertCluster(t.ctx.db, [{ libraryId: w.libraryC.id }]);
    const r = await create({ serviceType: 'loan', clusterId, patron: PATRON, staffNote: SECRET_NOTE });
    await act(a, r.id, 'request_cancel');
    await act(c, r.id, 'accept_cancel');
    expect((await detail(a, r.id)).state).toBe('cancelled');
    const timers = sharingServices(t.ctx).timers;
    expect(await timers.purgePatrons(new Date(Date.now() + 89 * 86_400_000))).toBe(0);
    expect(await timers.purgePatrons(new Date(Date.now() + 91 * 86_400_000))).toBeGreaterThanOrEqual(1);
    const patrons = await t.ctx.db.select().from(sharingPatrons).where(eq(sharingPatrons.requestId, r.id));
    expect(patrons).toEqual([]);
    const [row] = await t.ctx.db.select().from(sharingRequests).where(eq(sharingRequests.id, r.id));
    expect(row).toMatchObject({ staffNote: null, state: 'cancelled', borrowerId: w.libraryA.id });
    expect(row!.sentAt).not.toBeNull();
    expect(row!.endedAt).not.toBeNull();
    const after = await detail(a, r.id);
    expect(after.patron).toBeNull();
    expect(JSON.stringify(after)).not.toContain(PATRON.name);
  });
});

describe('notices', () => {
  it('tells lender staff in the app and the patron by email, in Spanish', async () => {
    const clusterId = await insertCluster(t.ctx.db, [{ libraryId: w.libraryC.id }]);
    const r = await create({ serviceType: 'loan', clusterId, patron: PATRON });
    const inbox = (await c.get('/api/v1/notifications')).json();
    const note = inbox.items.find((n: { link: string }) => n.link === `/sharing/requests/${r.id}`);
    expect(note).toMatchObject({ kind: 'sharing.request_received', readAt: null });
    expect((await c.post(`/api/v1/notifications/${note.id}/read`)).statusCode).toBe(200);
    expect((await b.post(`/api/v1/notifications/${note.id}/read`)).statusCode).toBe(404);
    await act(c, r.id, 'will_supply');
    await act(c, r.id, 'ship');
    await act(a, r.id, 'mark_received');
    const mails = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, PATRON.email));
    const arrived = mails.find((m) => m.template === 'sharing.patron.arrived');
    expect(arrived).toMatchObject({ locale: 'es' });
    expect(arrived!.subject).toMatch(/^Llegó su préstamo interbibliotecario: Caddo/);
  });
});

function multipart(fields: Record<string, string>, file: Buffer) {
  const boundary = '----sharing-test-boundary';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const body = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="copy.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('electronic copies and CONTU', () => {
  it('delivers a PDF by an expiring link, deletes it later, and warns before the sixth copy of a journal', async () => {
    const clusterId = await insertCluster(t.ctx.db, [{ libraryId: w.libraryC.id }], {
      title: 'Journal of Big Bend Studies',
      format: 'serial',
    });
    const citation = { articleTitle: 'Rock art of the lower Pecos', volume: '12', pages: '1-20' };
    const pdf = Buffer.from('%PDF-1.4\n% test copy\n%%EOF\n');
    let last: RequestDetail | undefined;
    for (let i = 0; i < 6; i++) {
      const r = await create({ serviceType: 'copy', clusterId, citation: { ...citation, pages: `${i}-20` } });
      expect(r.contu).toMatchObject({ count: i, warning: i >= 5 });
      if (i === 5) {
        expect(r.timeline.some((e) => e.action === 'contu_warning')).toBe(true);
        last = r;
        break;
      }
      await act(c, r.id, 'will_supply');
      const { version } = await detail(c, r.id);
      const notPdf = await c.request({
        method: 'POST',
        url: `/api/v1/sharing/requests/${r.id}/copy`,
        ...multipart({ version: String(version) }, Buffer.from('hello')),
      });
      expect(notPdf.statusCode).toBe(415);
      const sent = await c.request({
        method: 'POST',
        url: `/api/v1/sharing/requests/${r.id}/copy`,
        ...multipart({ version: String(version) }, pdf),
      });
      expect(sent.statusCode, sent.body).toBe(200);
      expect((sent.json() as RequestDetail).attempt!.state).toBe('copy_delivered');
      if (i === 0) {
        const borrower = await detail(a, r.id);
        expect(borrower.state).toBe('copy_available');
        expect(borrower.copyUrl).toMatch(/\/api\/v1\/sharing\/copies\//);
        expect((await detail(c, r.id)).copyUrl).toBeNull();
        const url = new URL(borrower.copyUrl!).pathname;
        const download = await t.app.inject({ method: 'GET', url });
        expect(download.statusCode).toBe(200);
        expect(download.rawPayload.equals(pdf)).toBe(true);
        const copies = sharingServices(t.ctx).copies;
        expect(await copies.expire(new Date(Date.now() + 29 * 86_400_000))).toBe(0);
        expect(await copies.expire(new Date(Date.now() + 31 * 86_400_000))).toBe(1);
        expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
        expect(fs.readdirSync(path.join(dataDir, 'sharing-copies'))).toEqual([]);
      }
    }
    const list = (await a.get(`/api/v1/sharing/libraries/${w.libraryA.id}/contu`)).json();
    expect(list.items).toEqual([{ journal: 'journal of big bend studies', count: 5, warning: true }]);
    expect(last).toBeDefined();
  });
});

describe('two staff at once', () => {
  it('exactly one of two concurrent actions on the same version wins', async () => {
    const clusterId = await insertCluster(t.ctx.db, [{ libraryId: w.libraryC.id }]);
    const r = await create({ serviceType: 'loan', clusterId });
    const c2 = await signIn(t.app, w.staff.c);
    const [x, y] = await Promise.all([
      c.post(`/api/v1/sharing/requests/${r.id}/actions`, { action: 'will_supply', version: r.version }),
      c2.post(`/api/v1/sharing/requests/${r.id}/actions`, { action: 'cannot_supply', version: r.version }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    expect([x, y].find((res) => res.statusCode === 409)!.json().error.code).toBe('VERSION_CONFLICT');
    const events = (await detail(a, r.id)).timeline.filter(
      (e) => e.action === 'will_supply' || e.action === 'cannot_supply',
    );
    expect(events).toHaveLength(1);
  });
});
