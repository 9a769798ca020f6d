import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, screenshot } from './browser.ts';
import { settled } from './journeys.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser, inject('baseUrl'))).newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('the public', () => {
  it('finds a member library in the directory and opens its profile', async () => {
    await page.goto('/');
    await settled(page);
    await expectAccessible(page, 'home');
    await screenshot(page, 'home');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await settled(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Member libraries');
    await page.getByLabel('State').selectOption('NM');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForLoadState('networkidle');
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBeGreaterThan(2);
    await expect.poll(() => page.getByRole('table').textContent()).toContain('NM');
    await expectAccessible(page, 'directory filtered');
    await screenshot(page, 'directory');

    await page.getByRole('table').getByRole('link').first().click();
    await settled(page);
    await expect.poll(() => page.getByRole('heading', { name: 'Opening hours' }).count()).toBeGreaterThan(0);
    // The public sees neither shipping details nor private information.
    expect(await page.getByRole('heading', { name: 'Shipping' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Private information' }).count()).toBe(0);
    await expectAccessible(page, 'library profile');
    await screenshot(page, 'library-profile-public');
  });

  it('folds accents in directory search', async () => {
    await page.goto('/members');
    await settled(page);
    await page.getByLabel('Search by name, symbol or city').fill('espanola');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.getByRole('table').textContent()).toMatch(/Española/);
  });

  it('shows honest placeholders for areas not built yet, and a helpful 404', async () => {
    for (const path of ['/catalog', '/sharing', '/learning', '/community', '/data', '/services']) {
      await page.goto(path);
      await settled(page);
      await expectAccessible(page, path);
    }
    await page.goto('/no-such-page');
    await settled(page);
    await expectAccessible(page, '404');
  });
});
