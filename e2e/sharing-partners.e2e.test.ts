import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildMessage } from '../server/modules/sharing/iso18626/codec.ts';
import { expectAccessible, launchBrowser, newContext, screenshot } from './browser.ts';
import { DEMO, settled, signInViaApi } from './journeys.ts';

/**
 * Outside partners (ISO 18626): consortium staff list and add one through the form, then that library
 * borrows from Cedar Hollow over POST /iso18626; Cedar Hollow's request page shows the messages with it.
 * Every page checked with axe in English and Spanish.
 */
let browser: Browser;
let baseUrl: string;
const contexts: BrowserContext[] = [];
const RUN = Date.now() % 100_000;
const SYMBOL = `E2E${RUN}`;
const AGENCY = `US-E2e${RUN}`;
const TITLE = `Adobe architecture of the Rio Grande ${RUN}`;

beforeAll(async () => {
  baseUrl = inject('baseUrl');
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function pageFor(email: string, locale = 'en-US'): Promise<Page> {
  const context = await newContext(browser, baseUrl, locale);
  contexts.push(context);
  const page = await context.newPage();
  await signInViaApi(page, email);
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  await page.request.patch('/api/v1/me', {
    data: { locale: locale.slice(0, 2) },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  return page;
}

async function csrf(page: Page) {
  return ((await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string }).csrfToken;
}

describe('outside partners', () => {
  it('are listed and added by consortium staff through an accessible form', async () => {
    const page = await pageFor(DEMO.consortiumStaff);
    await page.goto('/sharing/partners');
    await page.getByRole('heading', { level: 1, name: 'Outside partners (ISO 18626)' }).waitFor();
    await settled(page);
    const table = page.getByRole('table', { name: 'Outside partners and their status' });
    expect(await table.getByText('Sonoran Desert University Library').count()).toBe(1);
    expect(await table.getByText('Disabled').count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(page, 'partners list');

    await page.getByRole('link', { name: 'Add a partner' }).click();
    await settled(page);
    await page.getByRole('button', { name: 'Save partner' }).click();
    const summary = page.locator('.error-summary').first();
    await summary.waitFor();
    await expectAccessible(page, 'partner form with errors');

    await page.getByLabel('Name', { exact: true }).fill(`Outside test library ${RUN}`);
    await page.getByLabel('Symbol').fill(SYMBOL);
    await page.getByLabel('Street address (for shipping)').fill('1 Campus Drive');
    await page.getByLabel('City').fill('Tucson');
    await page.getByLabel('State', { exact: true }).fill('AZ');
    await page.getByLabel('ZIP code').fill('85721');
    await page.getByLabel('Time zone').selectOption('America/Phoenix');
    await page.getByLabel('Agency id', { exact: true }).fill(AGENCY);
    // Nothing listens there: what we send is retried and shows in the log.
    await page.getByLabel('Address of their ISO 18626 service').fill('http://127.0.0.1:9/iso18626');
    await page.getByLabel(/They say “expect to supply”/).check();
    await page.getByLabel(/Security code we send them/).fill('e2e-outbound-code');
    await page.getByRole('button', { name: 'Save partner' }).click();
    await page.getByText('The partner was saved.').waitFor();
    await settled(page);
    expect(await page.getByLabel(/Security code we send them \(Set\)/).inputValue()).toBe('');
    await expectAccessible(page, 'partner edit page');
    await screenshot(page, 'sharing-partner-edit');
  }, 120_000);

  it('are listed accessibly in Spanish', async () => {
    const page = await pageFor(DEMO.consortiumAdmin, 'es-US');
    await page.goto('/sharing/partners');
    await page.getByRole('heading', { level: 1, name: 'Socios externos (ISO 18626)' }).waitFor();
    await settled(page);
    await expectAccessible(page, 'partners list (es)');
    await page.getByRole('link', { name: /Editar Sonoran Desert/ }).click();
    await settled(page);
    await expectAccessible(page, 'partner edit page (es)');
  });

  it('show their messages on the request page of the member library', async () => {
    const lender = await pageFor(DEMO.ill);
    const xml = buildMessage(
      {
        kind: 'request',
        header: {
          supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'TXCHP' },
          requestingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: AGENCY },
          timestamp: new Date(),
          requestingAgencyRequestId: `EXT-${RUN}`,
        },
        bibliographicInfo: { title: TITLE, author: 'Test Author' },
        serviceInfo: { requestType: 'New', serviceType: 'Loan', serviceLevel: 'Normal' },
        patronInfo: { givenName: 'Hidden', surname: `Patron${RUN}` },
      },
      '2021',
    );
    // From outside: no session, no browser.
    const answer = await fetch(`${baseUrl}/iso18626`, {
      method: 'POST',
      body: xml,
      headers: { 'content-type': 'application/xml' },
    });
    expect(await answer.text()).toContain('<messageStatus>OK</messageStatus>');

    const session = await (await lender.request.get('/api/v1/auth/session')).json();
    const library = session.user.organization.id as string;
    const queue = await (
      await lender.request.get(
        `/api/v1/sharing/libraries/${library}/requests?side=lending&q=${encodeURIComponent(TITLE)}`,
      )
    ).json();
    const id = queue.items[0].id as string;
    const detail = await (await lender.request.get(`/api/v1/sharing/requests/${id}`)).json();
    const acted = await lender.request.post(`/api/v1/sharing/requests/${id}/actions`, {
      data: { action: 'will_supply', version: detail.version },
      headers: { 'x-csrf-token': await csrf(lender) },
    });
    expect(acted.status()).toBe(200);

    await lender.goto(`/sharing/requests/${id}`);
    await settled(lender);
    const section = lender.getByRole('region', { name: /Messages with .*\(ISO 18626\)/ });
    await section.waitFor();
    const log = lender.getByRole('table', { name: 'ISO 18626 messages, oldest first' });
    expect(await log.getByText('Received', { exact: true }).count()).toBe(1);
    expect(await log.getByText('Sent', { exact: true }).count()).toBe(1);
    await lender.getByText('XML of message', { exact: false }).first().click();
    const xmlText = await lender.locator('.ill-iso__pre').first().textContent();
    expect(xmlText).toContain(TITLE);
    expect(xmlText).not.toContain(`Patron${RUN}`);
    await expectAccessible(lender, 'request page with ISO 18626 messages');
    await screenshot(lender, 'sharing-request-iso-messages');
  }, 120_000);
});
