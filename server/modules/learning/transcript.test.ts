import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { clientOf, publishedEvent, staffAt } from './test-support.ts';

let t: TestApp;
let organiser: Client;
beforeAll(async () => {
  t = await createTestApp();
  organiser = await clientOf(t, t.fixtures.people.consortiumStaff.id);
});
afterAll(async () => {
  await t?.close();
});

function form(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const boundary = `----learning${Date.now().toString(16)}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="proof"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f20000000049454e44ae426082',
  'hex',
);
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

describe('transcript', () => {
  it('totals certificates and outside training for a period against a state rule, with CSV and PDF', async () => {
    const rule = await organiser.put('/api/v1/learning/ce-rules/TX-CE', {
      nameEn: 'Texas public library certification',
      nameEs: 'Certificación de bibliotecas públicas de Texas',
      periodYears: 3,
      hoursRequired: 10,
      categoryMinimums: { technology: 1, administration_and_management: 3 },
      hoursPerCeu: 10,
    });
    expect(rule.statusCode, rule.body).toBe(200);
    const staff = await clientOf(t, t.fixtures.people.libraryAStaff.id);
    expect((await staff.put('/api/v1/learning/ce-rules/TX-CE', {})).statusCode).toBe(403);

    const [me] = await staffAt(t, t.fixtures.libraryA.id, 1, 'transcript');
    const id = await publishedEvent(t, organiser, { contactHours: 1.5 });
    await me!.client.post(`/api/v1/learning/events/${id}/registrations`, {});
    const regs = (
      await organiser.get(`/api/v1/libraries/${t.fixtures.consortium.id}/learning/events/${id}/registrations`)
    ).json();
    await organiser.post(`/api/v1/libraries/${t.fixtures.consortium.id}/learning/events/${id}/check-ins`, {
      registrationId: regs.items[0].id,
      present: true,
    });

    const added = await me!.client.request({
      method: 'POST',
      url: '/api/v1/learning/outside-training',
      ...form(
        {
          title: 'State library leadership institute',
          provider: 'State library',
          completedOn: inDays(-30),
          contactHours: '4',
          competencyArea: 'administration_and_management',
        },
        { name: 'certificate.png', type: 'image/png', data: png },
      ),
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ contactHours: 4, proofName: 'certificate.png' });
    const proof = await me!.client.get(`/api/v1/learning/outside-training/${added.json().id}/proof`);
    expect(proof.rawPayload.equals(png)).toBe(true);
    expect((await staff.get(`/api/v1/learning/outside-training/${added.json().id}/proof`)).statusCode).toBe(
      404,
    );

    const query = `rule=TX-CE&to=${inDays(30)}`;
    const transcript = (await me!.client.get(`/api/v1/learning/transcript?${query}`)).json();
    expect(transcript.entries.map((e: { kind: string }) => e.kind)).toEqual(['outside', 'event']);
    expect(transcript).toMatchObject({
      totalHours: 5.5,
      ceus: 0.55,
      byArea: { technology: 1.5, administration_and_management: 4 },
      rule: { code: 'TX-CE', hoursRequired: 10, met: false, shortfalls: [] },
    });
    const before = (await me!.client.get(`/api/v1/learning/transcript?rule=TX-CE&to=${inDays(-1)}`)).json();
    expect(before.totalHours).toBe(4);
    expect(before.rule.shortfalls).toEqual([{ area: 'technology', required: 1, earned: 0 }]);

    const csv = await me!.client.get(`/api/v1/learning/transcript.csv?${query}`);
    expect(csv.body.trim().split('\r\n')).toHaveLength(4);
    expect(csv.body).toContain('State library leadership institute');
    expect(csv.body).toContain(',Total,,,,5.5,');

    const pdf = await me!.client.get(`/api/v1/learning/transcript.pdf?${query}&lang=es`);
    const doc = await getDocument({
      data: new Uint8Array(pdf.rawPayload),
      standardFontDataUrl: `${path.resolve('node_modules/pdfjs-dist/standard_fonts')}/`,
    }).promise;
    const text = (await (await doc.getPage(1)).getTextContent()).items
      .map((i) => ('str' in i ? i.str : ''))
      .join(' ');
    await doc.destroy();
    expect(text).toContain('Expediente de formación continua');
    expect(text).toContain('Total de horas de contacto: 5.5');
    expect(text).toContain('PDF accesibles para el personal de bibliotecas');
    expect(text).toContain('aún no cumplido');
  });

  it('refuses bad outside-training reports', async () => {
    const [me] = await staffAt(t, t.fixtures.libraryB.id, 1, 'badreport');
    const fields = {
      title: 'Workshop',
      provider: 'Elsewhere',
      completedOn: inDays(-1),
      contactHours: '2',
      competencyArea: 'technology',
    };
    const post = (f: Record<string, string>, file?: Parameters<typeof form>[1]) =>
      me!.client.request({ method: 'POST', url: '/api/v1/learning/outside-training', ...form(f, file) });
    const future = await post({ ...fields, completedOn: inDays(5) });
    expect(future.statusCode).toBe(400);
    expect(JSON.stringify(future.json().error.details)).toContain('completedOn');
    expect((await post({ ...fields, contactHours: 'two' })).statusCode).toBe(400);
    expect(
      (await post(fields, { name: 'x.exe', type: 'application/x-msdownload', data: png })).statusCode,
    ).toBe(415);
    expect((await me!.client.post('/api/v1/learning/outside-training', fields)).statusCode).toBe(415);
    expect((await me!.client.get('/api/v1/learning/transcript?rule=NOPE')).statusCode).toBe(404);
    expect(
      (await me!.client.get(`/api/v1/learning/transcript?from=${inDays(1)}&to=${inDays(0)}`)).statusCode,
    ).toBe(400);
    const ok = await post(fields);
    expect(ok.statusCode).toBe(201);
    expect((await me!.client.delete(`/api/v1/learning/outside-training/${ok.json().id}`)).statusCode).toBe(
      200,
    );
    expect((await me!.client.get('/api/v1/learning/outside-training')).json().items).toEqual([]);
  });
});
