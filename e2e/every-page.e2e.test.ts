import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, screenshot } from './browser.ts';
import { DEMO, settled, signInViaApi } from './journeys.ts';

/** axe-core (WCAG 2.2 AA tags) on every page of the app, signed out and signed in, in both languages. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function setLanguage(page: Page, locale: string) {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const response = await page.request.patch('/api/v1/me', {
    data: { locale },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(response.status()).toBe(200);
}

const publicPages = [
  '/',
  '/sign-in',
  '/forgot-password',
  '/reset-password',
  '/accept-invitation',
  '/members',
  '/dev/mailbox',
  // A library's patron request page (on in the demo for Cedar Hollow).
  '/request/TXCHP',
];

async function pagesFor(page: Page) {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const own = session.user.organization.id as string;
  const directory = await (await page.request.get('/api/v1/libraries?pageSize=1')).json();
  const library = directory.items[0].id as string;
  return [
    '/dashboard',
    '/account',
    '/members',
    '/members/staff',
    `/members/${library}`,
    `/members/${library}/edit`,
    `/members/${library}/hours`,
    `/members/${library}/closures`,
    `/members/${library}/status`,
    `/members/${library}/people`,
    `/members/${library}/invite`,
    `/members/${own}`,
    '/admin/audit',
  ];
}

describe('every page is accessible', () => {
  for (const locale of ['en-US', 'es-US']) {
    it(`signed out (${locale})`, async () => {
      const context = await newContext(browser, inject('baseUrl'), locale);
      const page = await context.newPage();
      for (const path of publicPages) {
        await page.goto(path);
        await settled(page);
        await expectAccessible(page, `${path} (${locale})`);
      }
      await context.close();
    }, 180_000);

    it(`signed in as consortium staff and as a library director (${locale})`, async () => {
      for (const who of [DEMO.consortiumAdmin, DEMO.director]) {
        const context = await newContext(browser, inject('baseUrl'), locale);
        const page = await context.newPage();
        await signInViaApi(page, who);
        // A signed-in person's saved language wins over the browser's: choose it, and restore it after.
        await setLanguage(page, locale.slice(0, 2));
        for (const path of await pagesFor(page)) {
          await page.goto(path);
          await settled(page);
          await expectAccessible(page, `${path} as ${who} (${locale})`);
          if (locale === 'en-US' && who === DEMO.consortiumAdmin) {
            await screenshot(
              page,
              `admin${path.replace(/\/[0-9a-f-]{36}/, '/library').replaceAll('/', '-')}`,
            );
          }
        }
        await setLanguage(page, 'en');
        await context.close();
      }
    }, 300_000);
  }

  it('can be used with the keyboard: the skip link moves focus to the main content', async () => {
    const context = await newContext(browser, inject('baseUrl'));
    const page = await context.newPage();
    await page.goto('/members');
    await settled(page);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(first).toMatch(/skip|main content/i);
    await page.keyboard.press('Enter');
    const focusedInMain = await page.evaluate(
      () => Boolean(document.activeElement?.closest('main')) || document.activeElement?.tagName === 'MAIN',
    );
    expect(focusedInMain).toBe(true);
    await context.close();
  });
});
