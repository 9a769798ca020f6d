import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts';
import type { RequestDetail } from '../../../shared/contracts/sharing.ts';
import { insertCluster, sharingWorld } from './test-support.ts';

/** Pull slips as a PDF: the lender's slips only, both requests in it, never the patron. */
let t: TestApp;
let w: Awaited<ReturnType<typeof sharingWorld>>;
let a: Client, b: Client, c: Client, consortium: Client;
const made: Record<string, RequestDetail> = {};
const PATRON = { name: 'Rosalind Quintero-Vasquez', email: 'rosalind.patron@a.example' };

beforeAll(async () => {
  t = await createTestApp();
  w = await sharingWorld(t);
  [a, b, c, consortium] = await Promise.all([
    signIn(t.app, w.staff.a),
    signIn(t.app, w.staff.b),
    signIn(t.app, w.staff.c),
    signIn(t.app, 'staff@test.example'),
  ]);
  const create = async (name: string, holder: string, title: string, body: object) => {
    const clusterId = await insertCluster(t.ctx.db, [{ libraryId: holder, location: 'Southwest room' }], {
      title,
    });
    const res = await a.post(`/api/v1/sharing/libraries/${w.libraryA.id}/requests`, {
      clusterId,
      patron: PATRON,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    made[name] = res.json() as RequestDetail;
  };
  await create('loan', w.libraryC.id, 'Llano Estacado windmills', {
    serviceType: 'loan',
    rush: true,
    needBefore: '2031-03-10',
  });
  await create('copy', w.libraryC.id, 'Journal of Plains Archaeology', {
    serviceType: 'copy',
    citation: { articleTitle: 'Bison kill sites', volume: '12', issue: '3', pages: '45-67' },
  });
  await create('atB', w.libraryB.id, 'Acequia irrigation in the upper Rio Grande', { serviceType: 'loan' });
});
afterAll(() => t.close());

const url = (libraryId: string, ids: string[], lang = 'en') =>
  `/api/v1/sharing/libraries/${libraryId}/pull-slips.pdf?ids=${ids.join(',')}&lang=${lang}`;

async function pdfText(raw: Buffer) {
  const doc = await getDocument({
    data: new Uint8Array(raw),
    standardFontDataUrl: `${path.resolve('node_modules/pdfjs-dist/standard_fonts')}/`,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++)
    pages.push(
      (await (await doc.getPage(i)).getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join(' '),
    );
  const { info } = (await doc.getMetadata()) as { info: { Title?: string } };
  // Tagged: the first page's structure tree (headings, figures with alt text).
  const tree = JSON.stringify(await (await doc.getPage(1)).getStructTree());
  await doc.destroy();
  return { text: pages.join('\n'), pages: pages.length, title: info.Title ?? '', tree };
}

describe('pull slips as a PDF', () => {
  it('prints the lender’s requests, with the borrower and shelf but not the patron', async () => {
    const res = await c.get(url(w.libraryC.id, [made.loan!.id, made.copy!.id]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await pdfText(res.rawPayload);
    expect(pdf.pages).toBe(1);
    expect(pdf.tree).toContain('"role":"H1"');
    expect(pdf.tree).toContain(`QR code with the request number ${made.loan!.number}`);
    expect(pdf.title).toBe(`Pull slips — ${w.libraryC.name} (OKCIM)`);
    for (const text of [
      made.loan!.number,
      made.copy!.number,
      'Llano Estacado windmills',
      'Journal of Plains Archaeology',
      'Bison kill sites',
      'vol. 12, no. 3, pp. 45-67',
      'RUSH',
      '2031-03-10',
      'Southwest room · F 1 .T4',
      `Ship to: ${w.libraryA.name}`,
    ])
      expect(pdf.text).toContain(text);
    expect(pdf.text).not.toContain('Rosalind');
    expect(pdf.text).not.toContain('Quintero');
    expect(pdf.text).not.toContain(PATRON.email);
    expect(res.rawPayload.includes(Buffer.from('Rosalind'))).toBe(false);
  });

  it('prints in Spanish, and for consortium staff', async () => {
    const res = await consortium.get(url(w.libraryC.id, [made.copy!.id], 'es'));
    expect(res.statusCode, res.body).toBe(200);
    const pdf = await pdfText(res.rawPayload);
    expect(pdf.text).toContain('Copia (artículo o capítulo)');
    expect(pdf.text).toContain(made.copy!.number);
    expect(pdf.text).not.toContain('Rosalind');
  });

  it('refuses another library’s staff', async () => {
    const res = await b.get(url(w.libraryC.id, [made.loan!.id]));
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/json');
  });

  it('refuses the batch when a request is not asked of this library now (404 naming it)', async () => {
    const res = await c.get(url(w.libraryC.id, [made.loan!.id, made.atB!.id]));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain(made.atB!.number);
    expect(res.json().error.message).not.toContain(made.loan!.number);
    // The borrower's own staff cannot print its requests as a lender either.
    expect((await a.get(url(w.libraryA.id, [made.loan!.id]))).statusCode).toBe(404);
    // B prints its own one.
    expect((await b.get(url(w.libraryB.id, [made.atB!.id]))).statusCode).toBe(200);
  });

  it('answers 400 for bad, missing or too many ids', async () => {
    const base = `/api/v1/sharing/libraries/${w.libraryC.id}/pull-slips.pdf`;
    expect((await c.get(`${base}?ids=not-a-uuid`)).statusCode).toBe(400);
    expect((await c.get(`${base}?ids=`)).statusCode).toBe(400);
    expect((await c.get(base)).statusCode).toBe(400);
    const many = Array.from({ length: 101 }, () => crypto.randomUUID());
    const res = await c.get(`${base}?ids=${many.join(',')}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('at most 100');
  });
});
