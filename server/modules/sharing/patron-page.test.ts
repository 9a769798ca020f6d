import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, signIn, createTestApp, type Client, type TestApp } from '../../test/harness.ts';
import type { RequestDetail } from '../../../shared/contracts/sharing.ts';
import type { PatronPageSettings } from '../../../shared/contracts/sharing-patron.ts';
import { mailOutbox } from '../../platform/tables.ts';
import { sharingServices } from './index.ts';
import { sharingPatrons, sharingRequests } from './tables.ts';
import { insertCluster, sharingWorld } from './test-support.ts';

/** The patron request page over HTTP: settings, the anonymous form, staff review, privacy and purge. */
let t: TestApp;
let w: Awaited<ReturnType<typeof sharingWorld>>;
let ill: Client, director: Client, lenderB: Client, consortium: Client, anon: Client;

const PAGE = '/api/v1/public/sharing/txahp/patron-page';
const POST = '/api/v1/public/sharing/TXAHP/patron-requests';
const settingsUrl = () => `/api/v1/sharing/libraries/${w.libraryA.id}/patron-page`;

beforeAll(async () => {
  t = await createTestApp();
  w = await sharingWorld(t);
  [ill, director, lenderB, consortium] = await Promise.all([
    signIn(t.app, w.staff.a),
    signIn(t.app, 'director@a.example'),
    signIn(t.app, w.staff.b),
    signIn(t.app, 'staff@test.example'),
  ]);
  anon = anonymous(t.app);
  await insertCluster(t.ctx.db, [{ libraryId: w.libraryB.id }], {
    title: 'Historia de la frontera',
    isbn: '9780000000101',
  });
});
afterAll(() => t.close());

let ipCounter = 0;
/** Each test posts from its own address unless told, so the per-address limit does not leak between them. */
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

const patron = (extra: object = {}) => ({
  serviceType: 'loan',
  title: 'Historia de la frontera',
  author: 'Autor de Prueba',
  isbn: '9780000000101',
  pickupLocation: 'Main desk',
  name: 'Lector Uno',
  cardNumber: 'TX-2100 0451',
  email: 'lector@patrons.example',
  locale: 'es',
  consent: true,
  ...extra,
});

function submit(body: object, ip = freshIp(), url = POST) {
  return anon.request({ method: 'POST', url, payload: body, remoteAddress: ip });
}

async function enable(extra: Partial<PatronPageSettings> = {}) {
  const current = (await ill.get(settingsUrl())).json() as PatronPageSettings;
  const res = await director.put(settingsUrl(), {
    ...current,
    enabled: true,
    cardPrefix: 'tx',
    cardMinLength: 8,
    cardMaxLength: 12,
    pickupLocations: ['Main desk', 'Bookmobile'],
    allowCopies: false,
    introEn: 'Ask us for what we do not hold.',
    introEs: 'Pídanos lo que no tenemos.',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PatronPageSettings;
}

const detail = async (client: Client, id: string) => {
  const res = await client.get(`/api/v1/sharing/requests/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RequestDetail;
};
const requestByReference = async (reference: string) => {
  const [row] = await t.ctx.db
    .select()
    .from(sharingRequests)
    .where(eq(sharingRequests.seq, Number(reference.replace(/\D/g, ''))));
  return row!;
};

describe('settings', () => {
  it('starts off with defaults; ILL staff read, admins change, with an optimistic version', async () => {
    const first = (await ill.get(settingsUrl())).json() as PatronPageSettings;
    expect(first).toMatchObject({ enabled: false, version: 1, cardMinLength: 5, cardMaxLength: 20 });
    expect((await ill.put(settingsUrl(), { ...first, enabled: true })).statusCode).toBe(403);
    expect((await lenderB.get(settingsUrl())).statusCode).toBe(403);
    const bad = await director.put(settingsUrl(), { ...first, cardMinLength: 10, cardMaxLength: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { path: 'cardMaxLength', message: 'must not be less than the shortest length' },
    ]);
    const saved = await enable();
    expect(saved).toMatchObject({ version: 2, cardPrefix: 'TX', enabled: true });
    const stale = await director.put(settingsUrl(), { ...first, introEn: 'Old' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await consortium.put(settingsUrl(), { ...saved, allowCopies: true })).statusCode).toBe(200);
  });
});

describe('the public page', () => {
  it('is a 404 while off or for an unknown library, and shows the rules and retention when on', async () => {
    await enable({ enabled: false });
    expect((await anon.get(PAGE)).statusCode).toBe(404);
    expect((await submit(patron())).statusCode).toBe(404);
    expect((await anon.get('/api/v1/public/sharing/NOPE/patron-page')).statusCode).toBe(404);
    await enable();
    const page = await anon.get(PAGE);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({
      library: { symbol: 'TXAHP' },
      cardPrefix: 'TX',
      pickupLocations: ['Main desk', 'Bookmobile'],
      allowCopies: false,
      retentionDays: 90,
    });
  });

  it('refuses a card number outside the rules, with a message per field', async () => {
    await enable();
    const cases: Array<[string, string]> = [
      ['AB12345678', 'must start with TX'],
      ['TX12', 'must have at least 8 characters'],
      ['TX1234567890123', 'must have at most 12 characters'],
      ['TX12*45678', 'must contain only letters and digits'],
    ];
    for (const [cardNumber, message] of cases) {
      const res = await submit(patron({ cardNumber }));
      expect(res.statusCode, cardNumber).toBe(400);
      expect(res.json().error.details).toEqual([{ path: 'cardNumber', message }]);
    }
    const several = await submit(
      patron({ cardNumber: 'X', serviceType: 'copy', pickupLocation: 'Roof', needBefore: '2001-01-01' }),
    );
    expect(several.statusCode).toBe(400);
    expect(several.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'cardNumber',
      'serviceType',
      'articleTitle',
      'needBefore',
      'pickupLocation',
    ]);
    const noConsent = await submit(patron({ consent: false, email: 'not-an-email' }));
    expect(noConsent.statusCode).toBe(400);
    expect(
      noConsent
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.consent', 'body.email']);
  });

  it('drops a request with the honeypot filled, looking accepted', async () => {
    await enable();
    const before = await t.ctx.db.$count(sharingRequests);
    const res = await submit(patron({ website: 'http://spam.example' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().reference).toBe('ILL-000000');
    expect(await t.ctx.db.$count(sharingRequests)).toBe(before);
  });
});

describe('a patron request', () => {
  it('waits in patron review with its card number, mails the patron, and is routed when approved', async () => {
    await enable();
    const res = await submit(patron());
    expect(res.statusCode, res.body).toBe(201);
    const { reference, email } = res.json() as { reference: string; email: string };
    expect(reference).toMatch(/^ILL-\d{6}$/);
    expect(email).toBe('lector@patrons.example');
    const row = await requestByReference(reference);
    expect(row).toMatchObject({ state: 'patron_review', source: 'patron', createdBy: null });

    const mails = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.toAddress, 'lector@patrons.example'),
          eq(mailOutbox.template, 'sharing.patron.submitted'),
        ),
      );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.locale).toBe('es');
    expect(mails[0]!.subject).toContain(reference);
    expect(mails[0]!.bodyText).not.toContain('21000451');

    const borrower = await detail(ill, row.id);
    expect(borrower.patron).toEqual({
      name: 'Lector Uno',
      email: 'lector@patrons.example',
      cardNumber: 'TX21000451',
      locale: 'es',
    });
    expect(borrower.actions).toEqual(expect.arrayContaining(['approve', 'fill_locally', 'cancel']));
    expect(borrower.rota.map((r) => r.library.symbol)).toEqual(['NMESP']);
    expect(borrower.citation).toMatchObject({ title: 'Historia de la frontera', isbn: '9780000000101' });

    const queue = await ill.get(`/api/v1/sharing/libraries/${w.libraryA.id}/requests?attention=true`);
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(row.id);
    const tab = await ill.get(`/api/v1/sharing/libraries/${w.libraryA.id}/requests?state=patron_review`);
    expect(tab.json().items.map((i: { id: string }) => i.id)).toContain(row.id);

    const approved = await ill.post(`/api/v1/sharing/requests/${row.id}/actions`, {
      action: 'approve',
      version: borrower.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'requested', attempt: { lender: { symbol: 'NMESP' } } });

    // The lender and consortium staff never see who asked (the lender not even where it is picked up).
    for (const [client, secrets] of [
      [lenderB, ['Lector Uno', 'lector@patrons.example', 'TX21000451', 'Main desk']],
      [consortium, ['Lector Uno', 'lector@patrons.example', 'TX21000451']],
    ] as const) {
      const body = (await client.get(`/api/v1/sharing/requests/${row.id}`)).body;
      for (const secret of secrets) expect(body).not.toContain(secret);
    }
    const lending = await lenderB.get(`/api/v1/sharing/libraries/${w.libraryB.id}/requests?side=lending`);
    expect(lending.body).not.toContain('TX21000451');
  });

  it('notes a duplicate on the timeline for the same review, and a cancel tells the patron', async () => {
    await enable();
    const first = await submit(patron({ cardNumber: 'TX55550001', name: 'Lectora Dos' }));
    const again = await submit(patron({ cardNumber: 'TX55550001', name: 'Lectora Dos', locale: 'en' }));
    expect(again.statusCode, again.body).toBe(201);
    const row = await requestByReference(again.json().reference);
    expect(row.state).toBe('patron_review');
    const view = await detail(ill, row.id);
    expect(view.timeline.find((e) => e.action === 'flag_patron_request')!.note).toBe(
      'Same patron and item as a recent request',
    );
    expect(first.statusCode).toBe(201);

    const cancelled = await ill.post(`/api/v1/sharing/requests/${row.id}/actions`, {
      action: 'cancel',
      version: view.version,
      note: 'You asked for this one already.',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().state).toBe('cancelled');
    const notices = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.template, 'sharing.patron.cancelled'));
    expect(notices.map((m) => m.toAddress)).toContain('lector@patrons.example');

    // After the retention period the purge removes the card number with the rest of the patron row.
    const later = new Date(Date.now() + 91 * 86_400_000);
    expect(await sharingServices(t.ctx).timers.purgePatrons(later)).toBeGreaterThan(0);
    const [left] = await t.ctx.db.select().from(sharingPatrons).where(eq(sharingPatrons.requestId, row.id));
    expect(left).toBeUndefined();
    expect((await detail(ill, row.id)).patron).toBeNull();
  });

  it('notes an item the library holds itself, and staff may fill it locally', async () => {
    await enable();
    await insertCluster(t.ctx.db, [{ libraryId: w.libraryA.id, location: 'Southwest room' }], {
      title: 'Caminos del río',
      isbn: '9780000000200',
    });
    const res = await submit(
      patron({ title: 'Caminos del río', isbn: '9780000000200', cardNumber: 'TX31310001' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const row = await requestByReference(res.json().reference);
    const view = await detail(ill, row.id);
    expect(view.state).toBe('patron_review');
    expect(view.timeline.find((e) => e.action === 'flag_patron_request')!.note).toBe(
      'Held here: Southwest room F 1 .T4',
    );
    const filled = await ill.post(`/api/v1/sharing/requests/${row.id}/actions`, {
      action: 'fill_locally',
      version: view.version,
    });
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json().state).toBe('filled_locally');
  });

  it('accepts an article copy where copies are allowed, mapping the journal to the citation', async () => {
    await enable({ allowCopies: true, pickupLocations: [] });
    const res = await submit(
      patron({
        serviceType: 'copy',
        title: 'Journal of Borderlands Studies',
        issn: '0886-5655',
        articleTitle: 'Rivers as borders',
        author: 'Autora de Artículo',
        volume: '12',
        pages: '1-20',
        pickupLocation: '',
        cardNumber: 'TX77770001',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const row = await requestByReference(res.json().reference);
    expect(row.serviceType).toBe('copy');
    expect(row.citation).toMatchObject({
      title: 'Journal of Borderlands Studies',
      articleTitle: 'Rivers as borders',
      articleAuthor: 'Autora de Artículo',
      issn: '0886-5655',
      isbn: '',
      volume: '12',
    });
  });
});

describe('rate limits', () => {
  it('stops an address after 10 attempts in an hour, refused ones included', async () => {
    await enable();
    const ip = freshIp();
    for (let i = 0; i < 10; i++)
      expect((await submit(patron({ cardNumber: 'NO' }), ip)).statusCode).toBe(400);
    const limited = await submit(patron(), ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Too many requests from this connection. Please try again in an hour.',
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3000);
  });

  it('stops a card after 10 requests in an hour, from any address', async () => {
    await enable();
    const body = (i: number) => patron({ cardNumber: 'TX99990001', title: `Obra número ${i}`, isbn: '' });
    for (let i = 0; i < 10; i++) expect((await submit(body(i))).statusCode).toBe(201);
    const limited = await submit(body(11));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toMatch(/This card has sent many requests/);
  });
});
