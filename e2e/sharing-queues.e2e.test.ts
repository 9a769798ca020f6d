import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext } from './browser.ts';
import { DEMO, settled, signInViaApi } from './journeys.ts';

/**
 * The queues on the demo year of traffic: filtering by the other library and dates (kept in the address),
 * consortium staff picking a library with the keyboard, and the rota explained in Spanish.
 */
let browser: Browser;
let baseUrl: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  baseUrl = inject('baseUrl');
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function pageFor(email: string): Promise<Page> {
  const context = await newContext(browser, baseUrl);
  contexts.push(context);
  const page = await context.newPage();
  await signInViaApi(page, email);
  // These journeys read English: a demo account's saved language (other files change it) must not leak in.
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  await page.request.patch('/api/v1/me', {
    data: { locale: 'en' },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  return page;
}

type Queue = {
  total: number;
  items: Array<{ id: string; lender: { id: string; symbol: string; name: string } | null }>;
};
const myLibrary = async (page: Page) =>
  (
    (await (await page.request.get('/api/v1/auth/session')).json()) as {
      user: { organization: { id: string } };
    }
  ).user.organization;
const queueApi = async (page: Page, libraryId: string, query: string) =>
  (await (
    await page.request.get(`/api/v1/sharing/libraries/${libraryId}/requests?${query}`)
  ).json()) as Queue;

describe('the borrowing queue', () => {
  it('filters by lender and created date; the filters survive a reload', async () => {
    const page = await pageFor(DEMO.ill);
    const own = await myLibrary(page);
    const some = await queueApi(page, own.id, 'pageSize=50');
    const lender = some.items.find((i) => i.lender)!.lender!;
    const from = '2026-01-01';
    const expected = await queueApi(page, own.id, `otherLibrary=${lender.id}&createdFrom=${from}`);

    await page.goto('/sharing');
    await settled(page);
    await page.getByLabel('Lender (current)').selectOption(lender.id);
    await page.getByRole('group', { name: 'Created' }).getByLabel('From').fill(from);
    await page.getByRole('button', { name: 'Show requests' }).click();
    await page.waitForURL(/otherLibrary=.*createdFrom=2026-01-01|createdFrom=2026-01-01.*otherLibrary=/);
    const status = page.getByRole('status').filter({ hasText: /request/ });
    await expect
      .poll(async () => status.textContent())
      .toMatch(expected.total ? new RegExp(`^${expected.total} requests?\\.$`) : /No requests match/);
    const rows = page.locator('table.ill-queue tbody tr');
    const count = await rows.count();
    expect(count).toBe(Math.min(expected.total, 25));
    for (let i = 0; i < count; i++)
      expect(await rows.nth(i).locator('td').first().textContent()).toContain(`(${lender.symbol})`);

    await page.reload();
    await settled(page);
    expect(await page.getByLabel('Lender (current)').inputValue()).toBe(lender.id);
    expect(await page.getByRole('group', { name: 'Created' }).getByLabel('From').inputValue()).toBe(from);
    await expectAccessible(page, 'filtered borrowing queue');
  });
});

describe('consortium staff', () => {
  it('pick a library with the keyboard and see its queues', async () => {
    const page = await pageFor(DEMO.consortiumStaff);
    await page.goto('/sharing');
    await settled(page);
    await page.getByText('choose the library whose requests you want to see').waitFor();
    const picker = page.getByRole('combobox', { name: 'Library' });
    await picker.fill('cedar');
    await page.getByRole('option', { name: /Cedar Hollow/ }).waitFor();
    await picker.press('ArrowDown');
    await picker.press('ArrowUp');
    await picker.press('Enter');
    await page.waitForURL(/libraryId=/);
    const libraryId = new URL(page.url()).searchParams.get('libraryId')!;
    await page.locator('table.ill-queue').waitFor();
    await expectAccessible(page, 'consortium borrowing queue');
    // The library stays chosen across the sharing pages.
    await page
      .getByRole('navigation', { name: 'Resource sharing' })
      .getByRole('link', { name: 'Lending', exact: true })
      .click();
    await page.waitForURL((url) => url.pathname === '/sharing/lending' && url.search.includes(libraryId));
    await page.locator('table.ill-queue').waitFor();
    await page
      .getByRole('navigation', { name: 'Resource sharing' })
      .getByRole('link', { name: 'Lending policy' })
      .click();
    await page.waitForURL((url) => url.pathname === '/sharing/policy' && url.search.includes(libraryId));
    await page.getByLabel('Business days to answer a request').waitFor();
  });
});

describe('in Spanish', () => {
  it('the rota, the engine’s notes and the analytics definitions read in Spanish', async () => {
    const page = await pageFor(DEMO.ill);
    const own = await myLibrary(page);
    const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': session.csrfToken };
    // A seeded request (its rota reason stored as English text) and a new one no library holds.
    const seeded = (await queueApi(page, own.id, 'side=borrowing&sort=oldest&pageSize=1')).items[0]!;
    const created = await page.request.post(`/api/v1/sharing/libraries/${own.id}/requests`, {
      data: { serviceType: 'loan', citation: { title: `Cuadernos de Nuevo México ${Date.now()}` } },
      headers,
    });
    expect(created.status()).toBe(201);
    const fresh = (await created.json()) as { id: string };

    await page.goto(`/sharing/requests/${seeded.id}`);
    await settled(page);
    await page.getByRole('button', { name: /ES/ }).click();
    await page.getByRole('heading', { name: 'Prestadoras (turno)' }).waitFor();
    const rota = page.getByRole('table', { name: /Prestadoras en el orden/ });
    await expect.poll(async () => rota.textContent()).toContain('Tráfico de demostración');
    expect(await rota.textContent()).not.toContain('Demo traffic');
    await expectAccessible(page, 'request page in Spanish');

    await page.goto(`/sharing/requests/${fresh.id}`);
    await settled(page);
    const timeline = page.getByRole('table', { name: /Cada acción sobre esta solicitud/ });
    await expect.poll(async () => timeline.textContent()).toContain('Solicitud de préstamo creada');
    // No member holds it: the rota ends at once, or goes to an outside (ISO 18626) partner another file added.
    const text = (await timeline.textContent())!;
    expect(text).toMatch(/No queda ninguna prestadora en la lista\.|Enviada a \S+.*Responder antes del/);
    for (const english of ['Loan request created', 'No lender left', 'Sent to ', 'Answer by'])
      expect(text).not.toContain(english);

    await page.goto('/sharing/analytics');
    await settled(page);
    await page.getByText('atendidas ÷ terminadas.').waitFor();
    expect(await page.locator('#ill-definitions').locator('..').textContent()).not.toContain(
      'filled ÷ ended',
    );

    await page.request.patch('/api/v1/me', { data: { locale: 'en' }, headers });
  });
});
