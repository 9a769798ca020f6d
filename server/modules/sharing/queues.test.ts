import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts';
import type { QueuePage, RequestDetail } from '../../../shared/contracts/sharing.ts';
import { sharingRequests } from './tables.ts';
import { insertCluster, sharingWorld } from './test-support.ts';

/** The queues' search, filters, sort and paging, and who may read which library's queue. */
let t: TestApp;
let w: Awaited<ReturnType<typeof sharingWorld>>;
let a: Client, b: Client, c: Client, consortium: Client;
const made: Record<string, RequestDetail> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await sharingWorld(t);
  [a, b, c, consortium] = await Promise.all([
    signIn(t.app, w.staff.a),
    signIn(t.app, w.staff.b),
    signIn(t.app, w.staff.c),
    signIn(t.app, 'staff@test.example'),
  ]);
  const heldBy = async (libraryId: string, title: string) =>
    insertCluster(t.ctx.db, [{ libraryId }], { title });
  const create = async (name: string, body: object) => {
    const res = await a.post(`/api/v1/sharing/libraries/${w.libraryA.id}/requests`, body);
    expect(res.statusCode, res.body).toBe(201);
    made[name] = res.json() as RequestDetail;
  };
  await create('fromB', {
    serviceType: 'loan',
    clusterId: await heldBy(w.libraryB.id, 'Llano Estacado windmills'),
    needBefore: '2031-03-10',
  });
  await create('fromC', {
    serviceType: 'loan',
    clusterId: await heldBy(w.libraryC.id, 'Acequia irrigation in the upper Rio Grande'),
    rush: true,
    needBefore: '2031-01-05',
  });
  await create('copyFromC', {
    serviceType: 'copy',
    clusterId: await heldBy(w.libraryC.id, 'Journal of Plains Archaeology'),
    citation: { articleTitle: 'Bison kill sites', author: 'Ortiz' },
  });
  // An older request: created a year earlier than the others.
  await t.ctx.db
    .update(sharingRequests)
    .set({ createdAt: new Date('2025-06-15T12:00:00Z') })
    .where(eq(sharingRequests.id, made.copyFromC!.id));
});
afterAll(() => t.close());

async function queue(client: Client, libraryId: string, query: Record<string, string> = {}) {
  const res = await client.get(
    `/api/v1/sharing/libraries/${libraryId}/requests?${new URLSearchParams(query)}`,
  );
  return res;
}
async function numbers(query: Record<string, string>, client = a, libraryId = w.libraryA.id) {
  const res = await queue(client, libraryId, query);
  expect(res.statusCode, res.body).toBe(200);
  const page = res.json() as QueuePage;
  return page.items.map((i) => i.number);
}

describe('queue filters', () => {
  it('filters the borrowing queue by the current lender', async () => {
    expect(await numbers({ otherLibrary: w.libraryC.id, sort: 'created' })).toEqual([
      made.fromC!.number,
      made.copyFromC!.number,
    ]);
    expect(await numbers({ otherLibrary: w.libraryB.id })).toEqual([made.fromB!.number]);
  });

  it('filters the lending queue by the borrower', async () => {
    expect(await numbers({ side: 'lending', otherLibrary: w.libraryA.id }, c, w.libraryC.id)).toHaveLength(2);
    expect(await numbers({ side: 'lending', otherLibrary: w.libraryB.id }, c, w.libraryC.id)).toEqual([]);
  });

  it('filters by created date range (inclusive days) and need-before range', async () => {
    expect(await numbers({ createdFrom: '2025-06-15', createdTo: '2025-06-15' })).toEqual([
      made.copyFromC!.number,
    ]);
    expect(await numbers({ createdTo: '2025-06-14' })).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await numbers({ createdFrom: today, sort: 'oldest' })).toEqual([
      made.fromB!.number,
      made.fromC!.number,
    ]);
    expect(await numbers({ needBeforeFrom: '2031-01-01', needBeforeTo: '2031-02-01' })).toEqual([
      made.fromC!.number,
    ]);
  });

  it('filters by rush, service type and free text (title, article author, number)', async () => {
    expect(await numbers({ rush: 'true' })).toEqual([made.fromC!.number]);
    expect(await numbers({ rush: 'false', serviceType: 'loan' })).toEqual([made.fromB!.number]);
    expect(await numbers({ q: 'acequia' })).toEqual([made.fromC!.number]);
    expect(await numbers({ q: made.fromB!.number.toLowerCase() })).toEqual([made.fromB!.number]);
    expect(await numbers({ q: '100%_' })).toEqual([]);
  });

  it('sorts by need-before date, soonest first, requests without one last', async () => {
    expect(await numbers({ sort: 'needBefore' })).toEqual([
      made.fromC!.number,
      made.fromB!.number,
      made.copyFromC!.number,
    ]);
  });

  it('pages with the total of all matches', async () => {
    const res = await queue(a, w.libraryA.id, { pageSize: '2', page: '2', sort: 'oldest' });
    const page = res.json() as QueuePage;
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items.map((i) => i.number)).toEqual([made.fromC!.number]);
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    for (const query of <Record<string, string>[]>[
      { createdFrom: '2026-02-01', createdTo: '2026-01-01' },
      { createdFrom: '01/02/2026' },
      { otherLibrary: 'not-a-uuid' },
      { sort: 'random' },
      { rush: 'yes' },
    ]) {
      const res = await queue(a, w.libraryA.id, query);
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
    }
  });
});

describe('server texts as codes', () => {
  it('the request page returns rota reasons and engine notes as codes beside the English text', async () => {
    const res = await a.get(`/api/v1/sharing/requests/${made.fromB!.id}`);
    const detail = res.json() as RequestDetail;
    expect(detail.rota[0]!.reasonCodes[0]).toEqual({
      code: 'rota.balance_even',
      params: { score: 0, borrowed: 0, lent: 0, goal: '1:1' },
    });
    expect(detail.rota[0]!.reasons[0]).toMatch(/^Balance \+0 /);
    const sent = detail.timeline.find((e) => e.action === 'send_to_lender')!;
    expect(sent.noteCodes).toEqual([{ code: 'note.sent_to', params: { symbol: 'NMESP' } }]);
    expect(sent.note).toBe('Sent to NMESP');
    const asked = detail.timeline.find((e) => e.action === 'request_received')!;
    expect(asked.noteCodes[0]!.code).toBe('note.answer_by');
    expect(Date.parse(String(asked.noteCodes[0]!.params.at))).toBeGreaterThan(Date.now());
  });
});

describe('whose queue', () => {
  it('consortium staff read any library’s queue; library staff only their own (403)', async () => {
    expect(await numbers({ otherLibrary: w.libraryB.id }, consortium)).toEqual([made.fromB!.number]);
    expect((await queue(consortium, w.libraryC.id, { side: 'lending' })).statusCode).toBe(200);
    const other = await queue(b, w.libraryA.id);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ error: { code: 'OTHER_LIBRARY' } });
  });

  it('the same for a library’s policy and analytics', async () => {
    const policy = (client: Client, id: string) => client.get(`/api/v1/sharing/libraries/${id}/policy`);
    const figures = (client: Client, id: string) =>
      client.get(`/api/v1/sharing/analytics?libraryId=${id}&from=2026-01-01&to=2026-12-31`);
    expect((await policy(consortium, w.libraryC.id)).statusCode).toBe(200);
    expect((await figures(consortium, w.libraryC.id)).statusCode).toBe(200);
    expect((await policy(b, w.libraryC.id)).statusCode).toBe(403);
    expect((await figures(b, w.libraryC.id)).statusCode).toBe(403);
    expect((await figures(b, w.libraryB.id)).statusCode).toBe(200);
  });
});
