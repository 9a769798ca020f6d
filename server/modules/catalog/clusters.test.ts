import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts';
import type { ClusterView, Load } from '../../../shared/contracts/catalog.ts';
import { controlValue, type MarcRecord } from './marc/index.ts';
import { CatalogService } from './service.ts';
import { iso2709, marcFile, recordsOf, snapshot, tempDataDir } from './test-support.ts';

/** Uploads over HTTP, access control, the cluster page, and staff split / merge surviving reloads. */
let t: TestApp;
let service: CatalogService;
let directorA: Client;
let catalogerB: Client;
let illA: Client;
let consortium: Client;
let first: MarcRecord;
let second: MarcRecord;
beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: tempDataDir() });
  service = new CatalogService(t.ctx);
  directorA = await signIn(t.app, 'director@a.example');
  catalogerB = await signIn(t.app, 'cataloger@b.example');
  illA = await signIn(t.app, 'ill@a.example');
  consortium = await signIn(t.app, 'staff@test.example');
  const all = await recordsOf(marcFile('lc-sample-marc8.mrc'));
  first = all.find((r) => controlValue(r, '001')!.trim() === '11224466')!;
  second = all.find((r) => controlValue(r, '001')!.trim() === '11224467')!;
});
afterAll(async () => {
  await t?.close();
});

function multipart(fields: Record<string, string>, file: Buffer, name = 'records.mrc') {
  const boundary = `----amigos${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const loadsPath = (libraryId: string) => `/api/v1/libraries/${libraryId}/catalog/loads`;

/** Uploads through the API, then works the job the way the queue would. */
async function upload(
  client: Client,
  libraryId: string,
  records: MarcRecord[],
  fields: Record<string, string> = {},
) {
  const r = await client.request({
    method: 'POST',
    url: loadsPath(libraryId),
    ...multipart(fields, iso2709(records)),
  });
  expect(r.statusCode, r.body).toBe(201);
  const load = r.json() as Load;
  expect(load.status).toBe('queued');
  expect(await service.run(load.id)).toBe('completed');
  return load;
}

const clusterOf = async (libraryId: string, number: string) =>
  (await snapshot(t, libraryId)).find((r) => r.number === number);
const clusterIdOf = async (libraryId: string, number: string) => {
  const rows = await t.ctx.db.query.catalogRecords.findMany({
    where: (r, { and, eq }) => and(eq(r.libraryId, libraryId), eq(r.controlNumber, number)),
  });
  return rows[0]!.clusterId!;
};
/** The same record with one more note: a changed record, re-placed by the next load. */
const withNote = (r: MarcRecord, text: string): MarcRecord => ({
  ...r,
  fields: [...r.fields, { tag: '500', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: text }] }],
});

describe('uploads and load reports', () => {
  it('loads uploaded files; two libraries’ copies of 11224466 / 11224467 end up in one cluster', async () => {
    const a = await upload(directorA, t.fixtures.libraryA.id, [first]);
    await upload(catalogerB, t.fixtures.libraryB.id, [second], { mode: 'add_update' });
    const progress = (await directorA.get(`${loadsPath(t.fixtures.libraryA.id)}/${a.id}`)).json() as Load;
    expect(progress).toMatchObject({ status: 'completed', added: 1, recordsDone: 1, fraction: 1 });
    const history = (await directorA.get(loadsPath(t.fixtures.libraryA.id))).json();
    expect(history).toMatchObject({ total: 1, items: [{ id: a.id }] });
    const csv = await directorA.get(`${loadsPath(t.fixtures.libraryA.id)}/${a.id}/problems.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);

    const clusterId = await clusterIdOf(t.fixtures.libraryA.id, '11224466');
    expect(await clusterIdOf(t.fixtures.libraryB.id, '11224467')).toBe(clusterId);
    const page = await anonymous(t.app).get(`/api/v1/catalog/clusters/${clusterId}`);
    expect(page.statusCode, page.body).toBe(200);
    const view = page.json() as ClusterView;
    expect(view).toMatchObject({ libraryCount: 2, recordCount: 2 });
    expect(view.members.map((m) => m.library.symbol).sort()).toEqual(['NMESP', 'TXAHP']);
    const joined = view.members.find((m) => m.why?.match)!;
    expect(joined.why!.match!.explanation.steps.length).toBeGreaterThan(0);
    expect(view.members.every((m) => m.holdings.length === 1)).toBe(true);
  });

  it('lists a load’s rejected records page by page, with where they were and why', async () => {
    const anonymousRecord = { ...second, fields: second.fields.filter((f) => f.tag !== '001') };
    const r = await directorA.request({
      method: 'POST',
      url: loadsPath(t.fixtures.libraryA.id),
      ...multipart({}, iso2709([first, anonymousRecord, first])),
    });
    const load = r.json() as Load;
    expect(await service.run(load.id)).toBe('completed');
    const problems = await directorA.get(
      `${loadsPath(t.fixtures.libraryA.id)}/${load.id}/problems?pageSize=10`,
    );
    expect(problems.statusCode, problems.body).toBe(200);
    expect(problems.json()).toMatchObject({
      total: 1,
      items: [{ recordNumber: 2, controlNumber: null, reason: expect.stringMatching(/control number/) }],
    });
    expect(problems.json().items[0].byteOffset).toBe(iso2709([first]).length);
    const elsewhere = await catalogerB.get(`${loadsPath(t.fixtures.libraryA.id)}/${load.id}/problems`);
    expect(elsewhere.statusCode).toBe(403);
  });

  it('refuses another library (403 OTHER_LIBRARY) and staff without the catalog capability (403)', async () => {
    const file = multipart({}, iso2709([first]));
    const other = await directorA.request({
      method: 'POST',
      url: loadsPath(t.fixtures.libraryB.id),
      ...file,
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OTHER_LIBRARY');
    const noCapability = await illA.request({
      method: 'POST',
      url: loadsPath(t.fixtures.libraryA.id),
      ...file,
    });
    expect(noCapability.statusCode).toBe(403);
    expect(noCapability.json().error.code).toBe('FORBIDDEN');
    expect((await illA.get(loadsPath(t.fixtures.libraryA.id))).statusCode).toBe(403);
    expect((await anonymous(t.app).get(loadsPath(t.fixtures.libraryA.id))).statusCode).toBe(401);
    const clusterId = await clusterIdOf(t.fixtures.libraryA.id, '11224466');
    const split = await illA.post(`/api/v1/catalog/clusters/${clusterId}/split`, { recordId: clusterId });
    expect(split.statusCode).toBe(403);
  });

  it('refuses a bad mode without keeping the upload', async () => {
    const r = await directorA.request({
      method: 'POST',
      url: loadsPath(t.fixtures.libraryA.id),
      ...multipart({ mode: 'sideways' }, iso2709([first])),
    });
    expect(r.statusCode).toBe(400);
  });
});

describe('staff decisions', () => {
  it('splits a record out, and the split holds when the record is reloaded changed', async () => {
    const clusterId = await clusterIdOf(t.fixtures.libraryA.id, '11224466');
    const view = (await anonymous(t.app).get(`/api/v1/catalog/clusters/${clusterId}`)).json() as ClusterView;
    const recordB = view.members.find((m) => m.library.symbol === 'NMESP')!.recordId;
    const r = await catalogerB.post(`/api/v1/catalog/clusters/${clusterId}/split`, { recordId: recordB });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().cluster.members).toHaveLength(1);
    await upload(catalogerB, t.fixtures.libraryB.id, [withNote(second, 'Reloaded after the split.')]);
    expect((await clusterOf(t.fixtures.libraryB.id, '11224467'))!.cluster).toBe('11224467');
    expect((await clusterOf(t.fixtures.libraryA.id, '11224466'))!.cluster).toBe('11224466');
  });

  it('merges two clusters (consortium staff), and the merge holds when a record is reloaded changed', async () => {
    const clusterA = await clusterIdOf(t.fixtures.libraryA.id, '11224466');
    const clusterB = await clusterIdOf(t.fixtures.libraryB.id, '11224467');
    const r = await consortium.post('/api/v1/catalog/clusters/merge', { clusterA, clusterB });
    expect(r.statusCode, r.body).toBe(200);
    expect((r.json() as ClusterView).recordCount).toBe(2);
    await upload(directorA, t.fixtures.libraryA.id, [withNote(first, 'Reloaded after the merge.')]);
    await upload(catalogerB, t.fixtures.libraryB.id, [withNote(second, 'Reloaded again.')]);
    expect(await clusterIdOf(t.fixtures.libraryB.id, '11224467')).toBe(
      await clusterIdOf(t.fixtures.libraryA.id, '11224466'),
    );
  });
});
