import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { anonymous, createTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts';
import { insertUser } from '../../test/fixtures.ts';
import { users } from './tables.ts';
import type { StaffDirectoryEntry } from '../../../shared/contracts/members.ts';

/** The opt-in staff directory: who is listed, who may look, filters and paging. */
let t: TestApp;
let member: Client;
beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.db;
  const listed = (email: string, values: Partial<typeof users.$inferInsert>) =>
    db
      .update(users)
      .set({ directoryOptIn: true, ...values })
      .where(eq(users.email, email));
  await listed('ill@a.example', { jobTitle: 'Interlibrary Loan Specialist', expertise: ['ILL workflows'] });
  await listed('cataloger@b.example', { expertise: ['MARC cataloging', 'Spanish-language collections'] });
  await listed('staff@test.example', { jobTitle: 'Formación en catálogo', expertise: ['Grant writing'] });
  await listed('director@b.example', { status: 'disabled' }); // opted in, but no longer active
  for (let i = 10; i < 34; i += 1) {
    const person = await insertUser(db, {
      email: `filler${i}@a.example`,
      organizationId: t.fixtures.libraryA.id,
      role: 'library_staff',
      displayName: `Filler Staff ${i} — Alamo Heights Public Library`,
    });
    await db.update(users).set({ directoryOptIn: true }).where(eq(users.id, person.id));
  }
  await insertUser(db, {
    email: 'hidden@a.example',
    organizationId: t.fixtures.libraryA.id,
    role: 'library_staff',
  });
  member = await signIn(t.app, 'ill@a.example');
});
afterAll(async () => {
  await t?.close();
});

const search = async (query = '') => {
  const r = await member.get(`/api/v1/directory/people${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { items: StaffDirectoryEntry[]; total: number; page: number; pageSize: number };
};
const emails = (page: { items: StaffDirectoryEntry[] }) => page.items.map((i) => i.email).sort();

describe('staff directory', () => {
  it('is for members: not for the public, not for partners', async () => {
    expect((await anonymous(t.app).get('/api/v1/directory/people')).json().error.code).toBe('AUTH_REQUIRED');
    const partner = await signIn(t.app, 'partner@partner.example');
    const r = await partner.get('/api/v1/directory/people');
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('FORBIDDEN');
    expect(
      (await (await signIn(t.app, 'admin@test.example')).get('/api/v1/directory/people')).statusCode,
    ).toBe(200);
  });

  it('lists only active people who opted in, in pages', async () => {
    const first = await search();
    expect(first.total).toBe(27);
    expect(first.items).toHaveLength(25);
    const second = await search('?page=2');
    const all = [...first.items, ...second.items].map((i) => i.email);
    expect(all).toHaveLength(27);
    expect(all).not.toContain('hidden@a.example');
    expect(all).not.toContain('director@a.example');
    expect(all).not.toContain('director@b.example');
    const ill = first.items.find((i) => i.email === 'ill@a.example');
    expect(ill).toMatchObject({
      jobTitle: 'Interlibrary Loan Specialist',
      expertise: ['ILL workflows'],
      capabilities: ['sharing'],
      role: 'library_staff',
      organization: { id: t.fixtures.libraryA.id, name: 'Alamo Heights Public Library', state: 'TX' },
    });
  });

  it('searches names, job titles, expertise and library names, ignoring accents', async () => {
    expect(emails(await search('?q=marc'))).toEqual(['cataloger@b.example']);
    expect(emails(await search('?q=espanola'))).toEqual(['cataloger@b.example']);
    expect(emails(await search('?q=catalogo'))).toEqual(['staff@test.example']);
    expect(emails(await search('?q=ILL%20workflows'))).toEqual(['ill@a.example']);
    expect((await search('?q=Filler%20Staff%2012')).total).toBe(1);
  });

  it('filters by capability and state', async () => {
    expect(emails(await search('?capability=catalog'))).toEqual(['cataloger@b.example']);
    expect(emails(await search('?capability=sharing'))).toEqual(['ill@a.example']);
    expect(emails(await search('?state=NM'))).toEqual(['cataloger@b.example']);
    expect((await search('?state=TX')).total).toBe(26);
    const bad = await member.get('/api/v1/directory/people?capability=cooking');
    expect(bad.statusCode).toBe(400);
  });
});
