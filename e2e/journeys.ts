import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'amigos-demo-2026';
export const DEMO = {
  consortiumAdmin: 'admin@amigoscommons.example',
  consortiumStaff: 'staff@amigoscommons.example',
  director: 'director@cedarhollow.example',
  ill: 'ill@cedarhollow.example',
  catalog: 'catalog@cedarhollow.example',
  partner: 'coordinator@swcourier.example',
};

export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Signs in through the API (any interface language); the browser context keeps the session cookie. */
export async function signInViaApi(page: Page, email: string, password = DEMO_PASSWORD) {
  const response = await page.request.post('/api/v1/auth/login', { data: { email, password } });
  if (!response.ok()) throw new Error(`sign-in failed for ${email}: ${response.status()}`);
}

/** Waits until the single-page app has rendered a page heading (data loaded or not). */
export async function settled(page: Page) {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** The newest message in the dev mailbox for an address, read through the API the mailbox page uses. */
export async function latestMail(page: Page, to: string) {
  const response = await page.request.get('/api/v1/dev/mailbox?pageSize=100');
  const body = (await response.json()) as { items: { to: string; subject: string; text: string }[] };
  const mail = body.items.find((m) => m.to === to);
  if (!mail) throw new Error(`no mail to ${to}`);
  return mail;
}

export const linkIn = (text: string, path: string) => {
  const match = text.match(new RegExp(`https?://[^\\s]+(${path}\\?token=[^\\s]+)`));
  if (!match) throw new Error(`no ${path} link in ${text}`);
  return match[1]!;
};
