import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, screenshot } from './browser.ts';
import { DEMO, DEMO_PASSWORD, settled, signInAs } from './journeys.ts';

/**
 * The union catalog journey: catalog staff load a MARC file with one broken record, follow the load, read its
 * report, then find a title from the file, narrow by a facet, and open the record with its holdings and the
 * explanation of why its records are together.
 */
const MARC_DIR = '/work/shared/data/marc';
const END_OF_RECORD = 0x1d;

/** The ISO 2709 records of a file, each with its record terminator. */
function recordsOf(file: string): Buffer[] {
  const data = fs.readFileSync(path.join(MARC_DIR, file));
  const records: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === END_OF_RECORD) {
      records.push(data.subarray(start, i + 1));
      start = i + 1;
    }
  }
  return records;
}

/**
 * A real file another demo library also holds (so its titles merge across libraries), with a record whose
 * directory has lost its terminator placed third: it must be rejected with its number, the rest loaded.
 */
function fileWithABadRecord(): { buffer: Buffer; good: number; badNumber: number } {
  const good = recordsOf('yaz-marccol1-utf8.mrc');
  const broken = Buffer.from(recordsOf('yaz-marccol5-utf8.mrc')[0]!);
  // Without field terminators (0x1E) nothing tells where the directory ends: the record cannot be read.
  for (let i = 0; i < broken.length; i++) if (broken[i] === 0x1e) broken[i] = 0x20;
  const badNumber = 3;
  const records = [...good.slice(0, badNumber - 1), broken, ...good.slice(badNumber - 1)];
  return { buffer: Buffer.concat(records), good: good.length, badNumber };
}

let browser: Browser;
let baseUrl: string;
beforeAll(async () => {
  baseUrl = inject('baseUrl');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The catalog staff's password: the demo one, unless the password-reset journey (staff.e2e) already ran on
 * this server and changed it. Asked through the API, so the journey below signs in through the form.
 */
async function catalogPassword(context: BrowserContext): Promise<string> {
  const probe = await context.request.post(`${baseUrl}/api/v1/auth/login`, {
    data: { email: DEMO.catalog, password: DEMO_PASSWORD },
  });
  await context.clearCookies();
  return probe.ok() ? DEMO_PASSWORD : 'my brand new passphrase';
}

async function freshPage(locale = 'en-US'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, baseUrl, locale);
  return { context, page: await context.newPage() };
}

describe('catalog staff', () => {
  it('load a file with a bad record, follow it, read the report, then find, narrow and open a title', async () => {
    const { context, page } = await freshPage();
    await signInAs(page, DEMO.catalog, await catalogPassword(context));
    const session = await (await page.request.get('/api/v1/auth/session')).json();
    const libraryName = session.user.organization.name as string;

    // Loads: upload through the form; the file is sent with a progress bar, then the load is followed.
    await page.goto('/catalog/loads');
    await settled(page);
    await expectAccessible(page, 'catalog loads');
    const { buffer, good, badNumber } = fileWithABadRecord();
    await page.getByLabel('MARC file').setInputFiles({
      name: 'cedar-hollow-e2e.mrc',
      mimeType: 'application/marc',
      buffer,
    });
    await page.getByLabel('Local holdings tag').fill('949');
    await page.getByRole('button', { name: 'Upload and load' }).click();
    // Other loads still running (the demo catalog's) are followed on the page too: look at this one.
    const ours = page.getByRole('region', { name: /^Load of cedar-hollow-e2e\.mrc/ });
    const progress = ours.getByRole('progressbar', { name: 'Share of the file read' });
    await progress.waitFor();
    await screenshot(page, 'catalog-load-progress');
    // The demo catalog's own loads may be queued ahead of this one: allow them time.
    await ours.getByText('The load has completed.').waitFor({ timeout: 240_000 });
    expect(await progress.getAttribute('value')).toBe('1');
    const stats = await ours.locator('.stat-row').textContent();
    expect(stats).toContain(`Records done${good + 1}`);
    expect(stats).toContain('Rejected so far1');
    expect(await ours.locator('.alert--success').textContent()).toMatch(/rejected 1\./);
    await expectAccessible(page, 'catalog load completed');
    await screenshot(page, 'catalog-load-completed');

    // The history lists the load; its report shows the rejected record and offers the CSV.
    await expect
      .poll(() => page.getByRole('table', { name: /Loads, newest first/ }).textContent())
      .toContain('cedar-hollow-e2e.mrc');
    await ours.getByRole('link', { name: 'Read the report of cedar-hollow-e2e.mrc' }).click();
    await settled(page);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Load report: cedar-hollow-e2e.mrc');
    const counts = await page.locator('#report-counts + dl').textContent();
    expect(counts).toMatch(/Rejected1/);
    const csvLink = page.getByRole('link', { name: 'Download the rejected records (CSV)' });
    const csv = await (await page.request.get((await csvLink.getAttribute('href'))!)).text();
    const [header, row] = csv.trim().split(/\r?\n/);
    expect(header).toBe('record_number,byte_offset,control_number,reason');
    expect(row).toMatch(new RegExp(`^"?${badNumber}"?,`));
    expect(row).toMatch(/directory terminator/);
    // With the JSON list, the table shows the same record; without it, the page says the CSV has it.
    await expect
      .poll(async () => {
        const table = page.getByRole('table', { name: 'Rejected records and why' });
        if (await table.count())
          return (await table.getByRole('row').nth(1).textContent())?.startsWith(`${badNumber}`);
        return page.getByText('The list of rejected records is in the CSV file.').isVisible();
      })
      .toBe(true);
    await expectAccessible(page, 'catalog load report');
    await screenshot(page, 'catalog-load-report');

    // Search for a title from the file (its English parallel title), fielded.
    await page.goto('/catalog');
    await settled(page);
    await page.getByLabel('Search in').selectOption('title');
    await page.getByLabel('Search for').fill('dictionary of forestry');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/catalog\?q=dictionary/);
    const status = page.locator('main [role="status"]').first();
    await expect.poll(() => status.textContent()).toMatch(/^\d+ results?\./);
    const result = page.getByRole('link', { name: /English Chinese dictionary of forestry/ });
    await result.first().waitFor();
    await expectAccessible(page, 'catalog search results');
    await screenshot(page, 'catalog-search');

    // Narrow by a facet (its language, named from the MARC code); the chip shows the filter and removes it.
    const facets = page.getByRole('navigation', { name: 'Narrow your search' });
    await facets.getByRole('link', { name: /^Chinese/ }).click();
    await page.waitForURL(/language=chi/);
    await page.getByRole('link', { name: 'Remove filter Language: Chinese' }).waitFor();
    await result.first().waitFor();
    await expectAccessible(page, 'catalog search with a facet');
    await screenshot(page, 'catalog-search-facet');

    // The record page: holdings with the library, MARC, and why its records are together.
    await result.first().click();
    await settled(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/forestry/);
    const holdings = page.getByRole('table', { name: /Holding libraries/ });
    await expect.poll(() => holdings.textContent()).toContain(libraryName);
    await page.getByRole('heading', { name: 'Why these records are together' }).waitFor();
    // Another demo library holds the same file: once its load is in, the record is merged with it.
    await expect
      .poll(
        async () => {
          await page.reload();
          await settled(page);
          return page.getByRole('article').count();
        },
        { timeout: 120_000, interval: 2_000 },
      )
      .toBeGreaterThan(1);
    const why = await page.locator('#record-why').locator('..').textContent();
    expect(why).toMatch(/Placed here because/);
    expect(why).toMatch(/Shared keys|Matched with the record of/);
    // Catalog staff of a holding library split the other library's record out, then merge it back.
    const other = page.getByRole('button', { name: /^Split out the record of (?!Cedar Hollow)/ });
    await other.first().click();
    await page.getByRole('button', { name: 'Split it out' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('cluster-message');
    await expect
      .poll(() => page.locator('.cluster-message').textContent())
      .toMatch(/is now a title of its own/);
    await expect.poll(() => page.getByRole('article').count()).toBe(1);
    await page.getByLabel('Find the other title').fill('dictionary of forestry');
    const pick = page.getByRole('group', { name: 'Title to merge into this one' });
    // The search index takes the split in within moments: search again until the new title is there.
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Find', exact: true }).click();
          await page.waitForLoadState('networkidle');
          return pick.getByRole('radio', { name: /forestry/ }).count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
    await pick
      .getByRole('radio', { name: /forestry/ })
      .first()
      .check();
    await page.getByRole('button', { name: 'Merge…' }).click();
    await page.getByRole('button', { name: 'Merge them' }).click();
    await expect
      .poll(() => page.locator('.cluster-message').textContent())
      .toMatch(/The titles have been merged/);
    await expect.poll(() => page.getByRole('article').count()).toBe(2);

    await page.getByText('Show the MARC record (for catalogers)').click();
    await expect
      .poll(() => page.getByRole('table', { name: /MARC record from/ }).textContent())
      .toContain('245');
    await expectAccessible(page, 'catalog record');
    await screenshot(page, 'catalog-record');
    await context.close();
  }, 420_000);
});

describe('the public', () => {
  it('searches in Spanish, meets a syntax error and zero-result advice, and has no staff actions', async () => {
    const { context, page } = await freshPage('es-US');
    await page.goto('/catalog?q=%22perl');
    await settled(page);
    await expect
      .poll(() => page.locator('#catalog-q-error').textContent())
      .toContain('Estas comillas no están cerradas');
    expect(await page.locator('#catalog-q').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'catálogo: error de sintaxis');

    await page.goto('/catalog?q=zzqxjv&format=book');
    await settled(page);
    await page.getByRole('heading', { name: 'Nada coincide con su búsqueda' }).waitFor();
    expect(await page.getByRole('link', { name: 'Quitar el filtro Formato: Libro' }).count()).toBeGreaterThan(
      0,
    );
    await expectAccessible(page, 'catálogo: sin resultados');

    await page.goto('/catalog/advanced');
    await settled(page);
    await page.locator('#adv-field-0').selectOption('title');
    await page.locator('#adv-words-0').fill('perl programming');
    await page.locator('#adv-field-1').selectOption('author');
    await page.locator('#adv-words-1').fill('descartes');
    await expect
      .poll(() => page.locator('.advanced__preview code').textContent())
      .toBe('title:(perl programming) AND author:descartes');
    await expectAccessible(page, 'búsqueda avanzada');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.waitForURL(/q=title/);
    await page
      .getByRole('link', { name: /Programming the Perl DBI/ })
      .first()
      .click();
    await settled(page);
    await page.getByRole('heading', { name: 'Dónde encontrarlo' }).waitFor();
    // The public is pointed to their library, and sees no split or merge.
    expect(await page.getByRole('link', { name: 'Solicitar por préstamo interbibliotecario' }).count()).toBe(
      0,
    );
    expect(await page.getByRole('button', { name: /Separar/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Combinar otro título con este' }).count()).toBe(0);
    await expectAccessible(page, 'registro del catálogo');
    await screenshot(page, 'catalog-record-public-es');
    await context.close();
  }, 120_000);
});
