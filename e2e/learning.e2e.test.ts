import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, screenshot } from './browser.ts';
import { DEMO, latestMail, settled, signInAs, signInViaApi } from './journeys.ts';

/**
 * The learning journey: an organiser creates a capped event; three staff register and the third is
 * waitlisted; one cancels from the email link; the third is promoted; attendance is recorded; the
 * certificate is downloaded and verified on the public page; the transcript shows the hours.
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

async function freshPage(): Promise<Page> {
  const context = await newContext(browser, baseUrl);
  contexts.push(context);
  return context.newPage();
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const TITLE = 'Plain-language signage workshop';

describe('learning: registration to certificate', () => {
  it('runs the whole journey', async () => {
    // The organiser creates a two-seat event and publishes it.
    const organiser = await freshPage();
    await signInAs(organiser, DEMO.consortiumStaff);
    await organiser.goto('/learning/organise/new');
    await settled(organiser);
    await expectAccessible(organiser, 'create event');
    await organiser.getByLabel('Title in English').fill(TITLE);
    await organiser.getByLabel('Title in Spanish').fill('Taller de señalización en lenguaje claro');
    await organiser.getByLabel('Contact hours').fill('1.5');
    await organiser.getByLabel('Capacity').fill('2');
    await organiser.getByLabel('Session 1 date').fill(day(7));
    await organiser.getByLabel('Registration closes').fill(day(6));
    await organiser.getByLabel('Join link').fill('https://meet.example/signage');
    await organiser.getByRole('button', { name: 'Create the event as a draft' }).click();
    await organiser.waitForURL(/\/learning\/organise\/[0-9a-f-]{36}$/);
    const eventId = organiser.url().split('/').pop()!;
    await settled(organiser);
    await organiser.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => organiser.getByText('The event is published.').count()).toBe(1);
    await expectAccessible(organiser, 'event admin');

    // Three staff register; the third is waitlisted with a visible position.
    const people = [DEMO.director, DEMO.ill, DEMO.catalog];
    const pages: Page[] = [];
    for (const email of people) {
      const page = await freshPage();
      await signInViaApi(page, email);
      await page.goto(`/learning/events/${eventId}`);
      await settled(page);
      const button = page.getByRole('button', { name: /^(Register|Join the waitlist)$/ });
      await button.click();
      await expect.poll(() => page.getByText('Done. A confirmation email is on its way.').count()).toBe(1);
      pages.push(page);
    }
    const third = pages[2]!;
    await expect.poll(() => third.getByText('Number 1 on the waitlist').count()).toBe(1);
    await expectAccessible(third, 'event page, waitlisted');
    await screenshot(third, 'learning-waitlisted');

    // The second person cancels from the link in their confirmation email, without signing in.
    const mail = await latestMail(organiser, DEMO.ill);
    expect(mail.subject).toContain('Registration confirmed');
    const link = /https?:\/\/[^\s]+(\/learning\/cancel\/[\w.-]+)/.exec(mail.text)![1]!;
    const anonymous = await freshPage();
    await anonymous.goto(link);
    await settled(anonymous);
    await expectAccessible(anonymous, 'cancel page');
    await anonymous.getByRole('button', { name: 'Yes, cancel my place' }).click();
    await expect.poll(() => anonymous.getByText(/Your place has been cancelled/).count()).toBe(1);

    // The third person is promoted.
    await third.reload();
    await settled(third);
    await expect.poll(() => third.locator('main').textContent()).toContain('Registered');
    await expect
      .poll(() => third.getByRole('link', { name: 'https://meet.example/signage' }).count())
      .toBe(1);

    // The organiser checks the third person in.
    await organiser.reload();
    await settled(organiser);
    const row = organiser.locator('tr', { hasText: DEMO.catalog });
    await row.getByRole('button', { name: /^Check in/ }).click();
    await expect.poll(() => row.getByText('Attended').count()).toBe(1);
    // …and attaches the captioned recording.
    await organiser.getByRole('textbox', { name: 'Title', exact: true }).fill('Recording');
    await organiser.getByRole('textbox', { name: 'Link', exact: true }).fill('https://media.example/signage');
    await organiser.getByRole('button', { name: 'Attach' }).click();
    await expect.poll(() => organiser.getByRole('link', { name: 'Recording' }).count()).toBe(1);
    await expectAccessible(organiser, 'event admin after attendance');

    // The certificate: download, then verify on the public page without signing in.
    await third.reload();
    await settled(third);
    await expect.poll(() => third.getByRole('link', { name: 'Recording' }).count()).toBe(1);
    const pdfLink = third.getByRole('link', { name: 'Download the certificate (PDF)' });
    const href = (await pdfLink.getAttribute('href'))!;
    const pdf = await third.request.get(href);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const code = /certificates\/([A-Z0-9-]+)\//.exec(href)![1]!;
    await anonymous.goto(`/learning/certificates/${code}`);
    await settled(anonymous);
    await expect.poll(() => anonymous.getByText('This certificate is valid.').count()).toBe(1);
    await expect.poll(() => anonymous.locator('main').textContent()).toContain(TITLE);
    await expectAccessible(anonymous, 'certificate verification');
    await screenshot(anonymous, 'learning-certificate');

    // The transcript shows the hours.
    await third.goto('/learning/transcript');
    await settled(third);
    await third.getByRole('textbox', { name: 'To (optional)' }).fill(day(30));
    await third.getByRole('button', { name: 'Update the transcript' }).click();
    await expect.poll(() => third.locator('main').textContent()).toContain('1.5 contact hours');
    await expect.poll(() => third.locator('main').textContent()).toContain(TITLE);
    await expectAccessible(third, 'transcript');

    // Browsing lists the event; my registrations shows it.
    await third.goto('/learning');
    await settled(third);
    await expect.poll(() => third.getByRole('link', { name: TITLE }).count()).toBe(1);
    await expectAccessible(third, 'browse events');
    await third.goto('/learning/mine');
    await settled(third);
    await expectAccessible(third, 'my registrations');
  });

  it('lets a library director register a colleague and subscribe to a topic calendar', async () => {
    const organiser = await freshPage();
    await signInViaApi(organiser, DEMO.consortiumStaff);
    const session = await (await organiser.request.get('/api/v1/auth/session')).json();
    const headers = { 'x-csrf-token': session.csrfToken };
    const office = session.user.organization.id as string;
    const created = await (
      await organiser.request.post(`/api/v1/libraries/${office}/learning/events`, {
        headers,
        data: {
          titleEn: 'Weeding the collection with data',
          titleEs: 'Expurgo de la colección con datos',
          format: 'online',
          timeZone: 'America/Denver',
          topic: 'collections',
          competencyArea: 'information_resources',
          contactHours: 1,
          capacity: 10,
          sessions: [{ startsAt: `${day(8)}T10:00`, endsAt: `${day(8)}T11:00` }],
          registrationOpensAt: `${day(-1)}T00:00`,
          registrationClosesAt: `${day(7)}T17:00`,
        },
      })
    ).json();
    await organiser.request.patch(`/api/v1/libraries/${office}/learning/events/${created.id}`, {
      headers,
      data: { status: 'published', version: created.version },
    });

    const director = await freshPage();
    await signInViaApi(director, DEMO.director);
    await director.goto(`/learning/events/${created.id}`);
    await settled(director);
    const colleague = director.getByRole('combobox', { name: 'Colleague' });
    const option = await colleague.locator('option', { hasText: 'ILL' }).first().getAttribute('value');
    await colleague.selectOption(option!);
    await director.getByRole('button', { name: 'Register this colleague' }).click();
    await expect.poll(() => director.locator('main').textContent()).toContain('Registered');
    await expectAccessible(director, 'event page, library director');
    const mail = await latestMail(director, DEMO.ill);
    expect(mail.subject).toBe('Registration confirmed: Weeding the collection with data');

    await director.goto('/learning?topic=collections');
    await settled(director);
    const feed = director.getByRole('link', { name: /Subscribe to the calendar of Collections events/ });
    const ics = await director.request.get((await feed.getAttribute('href'))!);
    expect(ics.headers()['content-type']).toContain('text/calendar');
  });

  it('is in Spanish and axe-clean for a Spanish-speaking organiser', async () => {
    const page = await freshPage();
    await signInViaApi(page, DEMO.consortiumStaff);
    const session = await (await page.request.get('/api/v1/auth/session')).json();
    await page.request.patch('/api/v1/me', {
      data: { locale: 'es' },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    const events = await (await page.request.get('/api/v1/learning/events?q=RDA')).json();
    const id = events.items[0].id as string;
    const checks: [string, string][] = [
      ['/learning', 'Aprendizaje'],
      [`/learning/events/${id}`, 'Catalogación con RDA'],
      ['/learning/mine', 'Mis inscripciones'],
      ['/learning/transcript', 'Mi expediente'],
      ['/learning/organise', 'Organizar eventos'],
      ['/learning/organise/new', 'Crear un evento'],
      [`/learning/organise/${id}`, 'Catalogación con RDA'],
    ];
    for (const [path, heading] of checks) {
      await page.goto(path);
      await settled(page);
      await expect.poll(() => page.locator('h1').textContent()).toContain(heading);
      await expectAccessible(page, `${path} (es)`);
    }
    // The saved language outlives this test: give the shared demo account its English back.
    await page.request.patch('/api/v1/me', {
      data: { locale: 'en' },
      headers: { 'x-csrf-token': session.csrfToken },
    });
  });
});
