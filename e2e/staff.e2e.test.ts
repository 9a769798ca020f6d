import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, screenshot } from './browser.ts';
import { DEMO, latestMail, linkIn, settled, signInAs } from './journeys.ts';

let browser: Browser;
let baseUrl: string;
beforeAll(async () => {
  baseUrl = inject('baseUrl');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function freshPage(locale = 'en-US'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, baseUrl, locale);
  return { context, page: await context.newPage() };
}

async function ownLibraryId(page: Page) {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  return session.user.organization.id as string;
}

describe('a library director', () => {
  it('signs in, edits their own library profile, and is refused another library', async () => {
    const { context, page } = await freshPage();
    await signInAs(page, DEMO.director);
    await settled(page);
    await expectAccessible(page, 'dashboard');
    await screenshot(page, 'dashboard-director');

    const id = await ownLibraryId(page);
    await page.goto(`/members/${id}/edit`);
    await settled(page);
    await page.getByLabel('Phone').fill('(806) 555-0142');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('The profile has been saved.').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'edit library');
    await page.goto(`/members/${id}`);
    await settled(page);
    await expect.poll(() => page.locator('main').textContent()).toContain('(806) 555-0142');
    // Own staff see the private part of their own profile.
    await expect.poll(() => page.getByRole('heading', { name: 'Private information' }).count()).toBe(1);

    // Another library: no edit action, and the edit page itself explains the refusal.
    const directory = await (await page.request.get('/api/v1/libraries?state=LA&pageSize=1')).json();
    const other = directory.items[0].id as string;
    await page.goto(`/members/${other}`);
    await settled(page);
    expect(await page.getByRole('link', { name: 'Edit profile' }).count()).toBe(0);
    await page.goto(`/members/${other}/edit`);
    await settled(page);
    await expect
      .poll(() => page.locator('main').textContent())
      .toMatch(/Only this library’s administrators and consortium staff/);
    await expectAccessible(page, 'refused edit');
    await screenshot(page, 'refused-other-library');
    // The API refuses too, with the stable code.
    const session = await (await page.request.get('/api/v1/auth/session')).json();
    const refused = await page.request.patch(`/api/v1/libraries/${other}`, {
      data: { version: 1, phone: '1' },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe('OTHER_LIBRARY');
    await context.close();
  });

  it('invites a colleague, who accepts by email and lands signed in', async () => {
    const { context, page } = await freshPage();
    await signInAs(page, DEMO.director);
    const id = await ownLibraryId(page);
    await page.goto(`/members/${id}/invite`);
    await settled(page);
    await page.getByLabel('Email address').fill('new.cataloger@cedarhollow.example');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.getByText('An invitation has been sent to').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'invite');
    await context.close();

    const invitee = await freshPage();
    const mail = await latestMail(invitee.page, 'new.cataloger@cedarhollow.example');
    await invitee.page.goto(linkIn(mail.text, '/accept-invitation'));
    await settled(invitee.page);
    await expectAccessible(invitee.page, 'accept invitation');
    await invitee.page.getByLabel('Your name').fill('Cataloging Staff — Cedar Hollow');
    await invitee.page.getByLabel('New password', { exact: true }).fill('a long and new passphrase');
    await invitee.page.getByLabel('Confirm the new password').fill('a long and new passphrase');
    await invitee.page.getByRole('button', { name: /create|accept/i }).click();
    await invitee.page.waitForURL((url) => !url.pathname.startsWith('/accept-invitation'));
    const session = await (await invitee.page.request.get('/api/v1/auth/session')).json();
    expect(session.user.email).toBe('new.cataloger@cedarhollow.example');
    await invitee.context.close();
  });
});

describe('anyone with an account', () => {
  it('resets a forgotten password by email', async () => {
    const { context, page } = await freshPage();
    await page.goto('/forgot-password');
    await settled(page);
    await expectAccessible(page, 'forgot password');
    await page.getByLabel('Email address').fill(DEMO.catalog);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByText('Check your email').count()).toBeGreaterThan(0);

    const mail = await latestMail(page, DEMO.catalog);
    await page.goto(linkIn(mail.text, '/reset-password'));
    await settled(page);
    await expectAccessible(page, 'reset password');
    await page.getByLabel('New password', { exact: true }).fill('my brand new passphrase');
    await page.getByLabel('Confirm the new password').fill('my brand new passphrase');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect.poll(() => page.getByText('Your password has been changed').count()).toBeGreaterThan(0);
    await signInAs(page, DEMO.catalog, 'my brand new passphrase');
    await context.close();
  });

  it('switches the whole interface to Spanish, and it is remembered', async () => {
    const { context, page } = await freshPage();
    await signInAs(page, DEMO.ill);
    await settled(page);
    await page
      .getByRole('button', { name: /Español/ })
      .first()
      .click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Principal' }).textContent())
      .toContain('Miembros');
    await expectAccessible(page, 'dashboard in Spanish');
    await screenshot(page, 'dashboard-es');
    await page.goto('/members');
    await settled(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Bibliotecas/);
    const me = await (await page.request.get('/api/v1/me')).json();
    expect(me.locale).toBe('es');
    await context.close();
  });

  it('follows the browser language before anyone chooses', async () => {
    const { context, page } = await freshPage('es-MX');
    await page.goto('/');
    await settled(page);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    await context.close();
  });
});
