import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { anonymous, createTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { clientOf, mailsTo, publishedEvent, staffAt } from './test-support.ts';

let t: TestApp;
let organiser: Client;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  organiser = await clientOf(t, t.fixtures.people.consortiumStaff.id);
  base = `/api/v1/libraries/${t.fixtures.consortium.id}/learning/events`;
});
afterAll(async () => {
  await t?.close();
});

const fonts = `${path.resolve('node_modules/pdfjs-dist/standard_fonts')}/`;

/** The text of every page, as a reader (or a screen reader) would get it. */
async function pdfText(data: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(data), standardFontDataUrl: fonts }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const info = (await pdf.getMetadata()).info as { Title?: string };
  const tree = await (await pdf.getPage(1)).getStructTree();
  await pdf.destroy();
  return { text: parts.join('\n').replace(/\s+/g, ' '), title: info.Title, tree: JSON.stringify(tree) };
}

async function registered(n: number, capacity = 5) {
  const id = await publishedEvent(t, organiser, { capacity, minimumMinutes: 60, contactHours: 1.5 });
  const people = await staffAt(t, t.fixtures.libraryA.id, n, 'attend');
  for (const p of people) {
    await p.client.post(`/api/v1/learning/events/${id}/registrations`, { accommodation: '=HYPERLINK("x")' });
  }
  const list = (await organiser.get(`${base}/${id}/registrations`)).json().items as {
    id: string;
    person: { email: string };
    status: string;
  }[];
  return { id, people, list };
}

describe('attendance and certificates', () => {
  it('checks people in, issues a certificate anyone can verify, and revokes it on undo', async () => {
    const { id, people, list } = await registered(1);
    const reg = list[0]!;
    const r = await organiser.post(`${base}/${id}/check-ins`, { registrationId: reg.id, present: true });
    expect(r.statusCode, r.body).toBe(200);
    const my = (await people[0]!.client.get(`/api/v1/learning/events/${id}`)).json().my;
    expect(my.certificateCode).toMatch(/^AC-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const verified = await anonymous(t.app).get(`/api/v1/learning/certificates/${my.certificateCode}`);
    expect(verified.json()).toMatchObject({
      valid: true,
      recipientName: people[0]!.user.displayName,
      organizationName: 'Alamo Heights Public Library',
      contactHours: 1.5,
      competencyArea: 'technology',
    });

    const pdf = await anonymous(t.app).get(
      `/api/v1/learning/certificates/${my.certificateCode}/certificate.pdf`,
    );
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const en = await pdfText(pdf.rawPayload);
    expect(en.text).toContain('Certificate of attendance');
    expect(en.text).toContain(people[0]!.user.displayName);
    expect(en.text).toContain('Accessible PDFs for library staff');
    expect(en.text).toContain('1.5 contact hours');
    expect(en.text).toContain('Competency area: Technology');
    expect(en.text).toContain(my.certificateCode);
    expect(en.title).toContain('Certificate of attendance');
    expect(en.tree).toContain('H1'); // tagged: a structure tree with a heading
    expect(en.tree).toContain('Figure');

    const es = await pdfText(
      (
        await anonymous(t.app).get(
          `/api/v1/learning/certificates/${my.certificateCode}/certificate.pdf?lang=es`,
        )
      ).rawPayload,
    );
    expect(es.text).toContain('Certificado de asistencia');
    expect(es.text).toContain('1.5 horas de contacto');
    expect(es.text).toContain('PDF accesibles para el personal de bibliotecas');

    await organiser.post(`${base}/${id}/check-ins`, { registrationId: reg.id, present: false });
    const revoked = await anonymous(t.app).get(`/api/v1/learning/certificates/${my.certificateCode}`);
    expect(revoked.json().valid).toBe(false);
    expect(
      (await anonymous(t.app).get(`/api/v1/learning/certificates/${my.certificateCode}/certificate.pdf`))
        .statusCode,
    ).toBe(404);
    expect((await anonymous(t.app).get('/api/v1/learning/certificates/AC-NOPE-NOPE-NOPE')).statusCode).toBe(
      404,
    );
    expect((await anonymous(t.app).get('/api/v1/learning/certificates/bad%20code')).statusCode).toBe(400);
  });

  it('imports a webinar report, adding up rejoins and applying the minimum minutes', async () => {
    const { id, people } = await registered(3);
    const [a, b, c] = people.map((p) => p.user.email);
    const csv = [
      'Name (original name),User Email,Join Time,Leave Time,Duration (Minutes)',
      `One,${a!.toUpperCase()},10:00,10:40,40`,
      `One again,${a},10:45,11:30,45`,
      `"Two, with a comma",${b},10:00,10:30,30`,
      'Guest,guest@elsewhere.example,10:00,11:30,90',
    ].join('\r\n');
    const r = await organiser.post(`${base}/${id}/attendance`, { csv });
    expect(r.json()).toEqual({
      matched: 2,
      attended: 1,
      unmatched: ['guest@elsewhere.example'],
      certificatesIssued: 1,
    });
    const list = (await organiser.get(`${base}/${id}/registrations`)).json().items;
    const byEmail = new Map(list.map((x: { person: { email: string } }) => [x.person.email, x]));
    expect(byEmail.get(a)).toMatchObject({ minutesAttended: 85, attended: true });
    expect(byEmail.get(b)).toMatchObject({ minutesAttended: 30, attended: false, certificateCode: null });
    expect(byEmail.get(c)).toMatchObject({ minutesAttended: null, attended: false });
    // Importing again issues nothing new.
    expect((await organiser.post(`${base}/${id}/attendance`, { csv })).json().certificatesIssued).toBe(0);

    const noHeader = await organiser.post(`${base}/${id}/attendance`, { csv: 'a,b\n1,2' });
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.message).toContain('email column');
    const badMinutes = await organiser.post(`${base}/${id}/attendance`, { csv: `Email,Minutes\n${a},lots` });
    expect(badMinutes.json().error.message).toContain('Line 2');
  });

  it('exports the registration list as CSV without live formulas', async () => {
    const { id } = await registered(2);
    const r = await organiser.get(`${base}/${id}/registrations.csv`);
    expect(r.headers['content-type']).toContain('text/csv');
    const lines = r.body.trim().split('\r\n');
    expect(lines[0]).toContain('accommodation');
    expect(lines).toHaveLength(3);
    expect(r.body).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('messages registrants but not the waitlist unless asked', async () => {
    const { id, people } = await registered(3, 2);
    const r = await organiser.post(`${base}/${id}/messages`, {
      subject: 'Room change',
      body: 'We moved to room 2.\n\nParking is free.',
    });
    expect(r.json()).toEqual({ recipients: 2 });
    const waitlisted = await mailsTo(t, people[2]!.user.email);
    expect(waitlisted.some((m) => m.template === 'learning.message')).toBe(false);
    const toFirst = (await mailsTo(t, people[0]!.user.email)).find((m) => m.template === 'learning.message')!;
    expect(toFirst.subject).toBe('Room change — Accessible PDFs for library staff');
    expect(toFirst.bodyText).toContain('Parking is free.');
    const all = await organiser.post(`${base}/${id}/messages`, {
      subject: 'Update',
      body: 'Hi',
      includeWaitlist: true,
    });
    expect(all.json()).toEqual({ recipients: 3 });
  });
});
