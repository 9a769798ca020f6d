import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LIBRARIES } from '../server/seed/organizations.ts';
import { translate } from '../web/src/i18n/core.ts';
import type { MessageKey } from '../web/src/i18n/en.ts';
import { expectAccessible, launchBrowser, newContext, screenshot } from './browser.ts';
import { DEMO, settled, signInAs, signInViaApi } from './journeys.ts';

/**
 * Interlibrary loan between two demo libraries, clicked through on both sides: Cedar Hollow's ILL staff
 * borrow, the director of whichever library the rota asks first lends (in that person's own language).
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

/** A card number of this run: the same patron asking for the same title again would be a duplicate. */
const PATRON = `Card ${Date.now() % 1_000_000}`;

type Party = { page: Page; L: (key: MessageKey, vars?: Record<string, string | number>) => string };
type Detail = {
  id: string;
  number: string;
  citation: { title: string };
  rota: Array<{ library: { symbol: string; name: string } }>;
};

async function party(email: string, viaForm = false): Promise<Party> {
  const context = await newContext(browser, baseUrl);
  contexts.push(context);
  const page = await context.newPage();
  // window.print() opens a dialog in a real browser: count the calls instead.
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  if (viaForm) await signInAs(page, email);
  else await signInViaApi(page, email);
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as {
    user: { locale: 'en' | 'es' };
  };
  const locale = session.user.locale;
  return { page, L: (key, vars) => translate(locale, key, vars) };
}

/** The director of a demo library (a library admin: may act on its resource sharing). */
const directorOf = (symbol: string) => {
  const library = LIBRARIES.find((l) => l.symbol === symbol);
  if (!library) throw new Error(`no demo library ${symbol}`);
  return `director@${library.domain}.example`;
};

/** Catalog titles Cedar Hollow does not hold but at least `lenders` other libraries do (no local review). */
async function titlesToBorrow(page: Page, lenders: number, wanted: number): Promise<string[]> {
  const found: string[] = [];
  const search = (await (
    await page.request.get('/api/v1/catalog/search?q=history&format=book&pageSize=100')
  ).json()) as {
    results: Array<{ id: string; libraryCount: number }>;
  };
  for (const r of search.results.filter((x) => x.libraryCount >= lenders + 1)) {
    const display = (await (await page.request.get(`/api/v1/catalog/clusters/${r.id}/display`)).json()) as {
      holdings: Array<{ library: { symbol: string } }>;
    };
    if (!display.holdings.some((h) => h.library.symbol === 'TXCHP')) found.push(r.id);
    if (found.length === wanted) break;
  }
  if (found.length < wanted) throw new Error('not enough titles to borrow in the demo catalog');
  return found;
}

const detailOf = async (page: Page, id: string) =>
  (await (await page.request.get(`/api/v1/sharing/requests/${id}`)).json()) as Detail;

async function act(p: Party, action: MessageKey) {
  await p.page
    .getByRole('button', { name: p.L(action), exact: true })
    .first()
    .click();
}
/** Opens an action's form, fills it with `fill`, and submits it with the same action's button. */
async function actWithForm(
  p: Party,
  actionName: string,
  fill: (form: ReturnType<Page['locator']>) => Promise<void>,
) {
  const key = `ill.action.${actionName}` as MessageKey;
  await p.page
    .getByRole('button', { name: p.L(key), exact: true })
    .first()
    .click();
  const form = p.page.locator(`#action-${actionName}`);
  await fill(form);
  await form.getByRole('button', { name: p.L(key), exact: true }).click();
}
async function expectDone(p: Party, action: MessageKey) {
  await p.page.getByText(p.L('ill.request.done', { action: p.L(action) })).waitFor();
}
async function stateIs(p: Party, side: 'b' | 'l', state: string) {
  const key = `ill.${side}state.${state}` as MessageKey;
  await expect.poll(() => p.page.locator('.ill-state__name').textContent()).toBe(p.L(key));
}
async function open(p: Party, id: string) {
  await p.page.goto(`/sharing/requests/${id}`);
  await settled(p.page);
}

/** Borrower: a new request from a catalog record, with the least patron data; returns its id. */
async function requestFromRecord(b: Party, clusterId: string, copy = false): Promise<string> {
  await b.page.goto(`/sharing/requests/new?cluster=${clusterId}`);
  await settled(b.page);
  if (copy) {
    await b.page.getByLabel(b.L('ill.service.copy')).check();
    await b.page.getByLabel(b.L('ill.field.articleTitle')).fill('Chapter 3: Rivers and towns');
    await b.page.getByLabel(b.L('ill.field.pages')).fill('41-67');
  }
  await b.page.getByLabel(b.L('ill.field.patronName')).fill(PATRON);
  await b.page.getByLabel(b.L('ill.field.patronEmail')).fill('patron20417@example.org');
  await b.page.getByRole('button', { name: b.L('ill.new.submit') }).click();
  await b.page.waitForURL(/\/sharing\/requests\/[0-9a-f-]{36}/);
  await settled(b.page);
  return new URL(b.page.url()).pathname.split('/').pop()!;
}

/** Lender: finds the request in the lending queue by its number and opens it. */
async function openFromLendingQueue(l: Party, detail: Detail) {
  await l.page.goto('/sharing/lending');
  await settled(l.page);
  await l.page.getByLabel(l.L('ill.queue.q')).fill(detail.number);
  await l.page.getByRole('button', { name: l.L('ill.queue.apply') }).click();
  await l.page.getByRole('link', { name: detail.citation.title, exact: true }).first().click();
  await settled(l.page);
}

describe('resource sharing between two member libraries', () => {
  let borrower: Party;
  let titles: string[];
  beforeAll(async () => {
    borrower = await party(DEMO.ill, true);
    titles = await titlesToBorrow(borrower.page, 2, 3);
  });

  it('a full loan with a renewal: request → route → supply → ship → receive → renew → return → check in', async () => {
    const b = borrower;
    const id = await requestFromRecord(b, titles[0]!);
    await b.page.getByText(b.L('ill.new.created', { number: (await detailOf(b.page, id)).number })).waitFor();
    await stateIs(b, 'b', 'requested');
    await b.page.getByRole('table', { name: b.L('ill.rota.caption') }).waitFor();
    await expectAccessible(b.page, 'request page (borrower)');
    await screenshot(b.page, 'sharing-request-borrower');

    const detail = await detailOf(b.page, id);
    const l = await party(directorOf(detail.rota[0]!.library.symbol));
    await openFromLendingQueue(l, detail);
    await stateIs(l, 'l', 'received');
    // The lender never sees the patron.
    expect(await l.page.getByText(PATRON).count()).toBe(0);
    expect(await l.page.getByRole('heading', { name: l.L('ill.request.patron') }).count()).toBe(0);
    await act(l, 'ill.action.will_supply');
    await expectDone(l, 'ill.action.will_supply');
    await stateIs(l, 'l', 'will_supply');

    // The pull slip: printing it records "pull slip printed".
    await act(l, 'ill.action.print_pull_slip');
    await l.page.waitForURL(/\/sharing\/slips/);
    await settled(l.page);
    await expectAccessible(l.page, 'pull slips');
    await l.page.getByRole('button', { name: l.L('ill.slip.printNow') }).click();
    await expect
      .poll(() => l.page.evaluate(() => (window as unknown as { printed: number }).printed))
      .toBe(1);
    await screenshot(l.page, 'sharing-pull-slip');
    await open(l, id);
    await stateIs(l, 'l', 'pulling');
    await actWithForm(l, 'ship', async (form) => {
      await form.getByLabel(l.L('ill.form.tracking')).fill('CR-889134');
    });
    await expectDone(l, 'ill.action.ship');
    await stateIs(l, 'l', 'shipped');
    await expectAccessible(l.page, 'request page (lender)');
    await screenshot(l.page, 'sharing-request-lender');

    // Borrower: two staff have the page open; one marks it received, the other gets a clear conflict.
    await open(b, id);
    await stateIs(b, 'b', 'shipped');
    const other = await b.page.context().newPage();
    await other.goto(`/sharing/requests/${id}`);
    await settled(other);
    await act(b, 'ill.action.mark_received');
    await expectDone(b, 'ill.action.mark_received');
    await other.getByRole('button', { name: b.L('ill.action.mark_received'), exact: true }).click();
    await other.getByText(b.L('ill.request.conflictTitle')).waitFor();
    await expectAccessible(other, 'version conflict');
    await other.getByRole('button', { name: b.L('ill.request.reload') }).click();
    await expect.poll(() => other.locator('.ill-state__name').textContent()).toBe(b.L('ill.bstate.received'));
    await other.close();

    await act(b, 'ill.action.check_out_to_patron');
    await stateIs(b, 'b', 'checked_out');
    await act(b, 'ill.action.request_renewal');
    await expectDone(b, 'ill.action.request_renewal');
    await b.page.getByText(b.L('ill.request.renewalPending')).waitFor();

    await open(l, id);
    await l.page.getByText(l.L('ill.request.renewalPending')).waitFor();
    await actWithForm(l, 'approve_renewal', async (form) => {
      await form.getByLabel(l.L('ill.form.dueDate')).fill('2027-02-15');
    });
    await expectDone(l, 'ill.action.approve_renewal');

    await open(b, id);
    await b.page
      .getByRole('table', { name: b.L('ill.timeline.caption') })
      .getByText(b.L('ill.event.renewed'))
      .waitFor();
    await act(b, 'ill.action.check_in_from_patron');
    await stateIs(b, 'b', 'awaiting_return_shipping');
    await actWithForm(b, 'ship_return', async (form) => {
      await form.getByLabel(b.L('ill.form.tracking')).fill('CR-889200');
    });
    await stateIs(b, 'b', 'return_shipped');

    await open(l, id);
    await stateIs(l, 'l', 'return_in_transit');
    await act(l, 'ill.action.check_in');
    await stateIs(l, 'l', 'complete');

    await open(b, id);
    await stateIs(b, 'b', 'complete');
    await b.page.getByText(b.L('ill.request.noActions')).waitFor();
    await expectAccessible(b.page, 'completed request');
    await screenshot(b.page, 'sharing-request-complete');
  });

  it('a copy delivered electronically', async () => {
    const b = borrower;
    const id = await requestFromRecord(b, titles[1]!, true);
    const detail = await detailOf(b.page, id);
    const l = await party(directorOf(detail.rota[0]!.library.symbol));
    await open(l, id);
    await act(l, 'ill.action.will_supply');
    await stateIs(l, 'l', 'will_supply');
    await l.page.getByRole('button', { name: l.L('ill.action.send_copy'), exact: true }).click();
    const form = l.page.locator('#action-send_copy');
    await form.getByLabel(l.L('ill.form.file')).setInputFiles({
      name: 'chapter-3.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await form.getByRole('button', { name: l.L('ill.action.send_copy'), exact: true }).click();
    await stateIs(l, 'l', 'copy_delivered');

    await open(b, id);
    await stateIs(b, 'b', 'copy_available');
    const link = b.page.getByRole('link', { name: b.L('ill.request.copyLink') });
    const response = await b.page.request.get((await link.getAttribute('href'))!);
    expect(response.headers()['content-type']).toContain('application/pdf');
    await act(b, 'ill.action.deliver_copy');
    await stateIs(b, 'b', 'complete');
  });

  it('a lender that cannot supply is skipped and the next one asked', async () => {
    const b = borrower;
    const id = await requestFromRecord(b, titles[2]!);
    const detail = await detailOf(b.page, id);
    expect(detail.rota.length).toBeGreaterThanOrEqual(2);
    const first = await party(directorOf(detail.rota[0]!.library.symbol));
    await open(first, id);
    await actWithForm(first, 'cannot_supply', async (form) => {
      await form.getByLabel(first.L('ill.form.reasonCode')).selectOption('NotOnShelf');
    });
    await stateIs(first, 'l', 'unfilled');

    await open(b, id);
    await stateIs(b, 'b', 'requested');
    const rota = b.page.getByRole('table', { name: b.L('ill.rota.caption') });
    const rows = rota.locator('tbody tr');
    await expect.poll(() => rows.nth(0).textContent()).toContain(b.L('ill.lstate.unfilled'));
    await expect.poll(() => rows.nth(1).textContent()).toContain(b.L('ill.lstate.received'));
    await b.page
      .getByRole('table', { name: b.L('ill.timeline.caption') })
      .getByText(b.L('ill.event.lender_unfilled'))
      .waitFor();
    await screenshot(b.page, 'sharing-request-skipped');

    const second = await party(directorOf(detail.rota[1]!.library.symbol));
    await openFromLendingQueue(second, detail);
    await stateIs(second, 'l', 'received');
  });

  it('queues, policy, analytics and notifications are usable and axe-clean', async () => {
    const b = borrower;
    for (const [path, name] of [
      ['/sharing', 'sharing-borrowing-queue'],
      ['/sharing?attention=true', 'sharing-needs-attention'],
      ['/sharing/lending', 'sharing-lending-queue'],
      ['/sharing/requests/new', 'sharing-new-request'],
      ['/sharing/policy', 'sharing-policy'],
      ['/sharing/analytics', 'sharing-analytics'],
      ['/sharing/notifications', 'sharing-notifications'],
    ] as const) {
      await b.page.goto(path);
      await settled(b.page);
      await expectAccessible(b.page, path);
      await screenshot(b.page, name);
    }
    // Pull slips for several lending requests at once, picked in the lending queue.
    await b.page.goto('/sharing/lending');
    await settled(b.page);
    const boxes = b.page.locator('table tbody input[type="checkbox"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await b.page.getByRole('button', { name: b.L('ill.queue.printSlips', { count: 2 }) }).click();
    await b.page.waitForURL(/\/sharing\/slips\?ids=/);
    await settled(b.page);
    await expect.poll(() => b.page.locator('.ill-slip').count()).toBe(2);
    // The same two slips as one PDF from the server.
    const slipsPdf = await b.page.request.get(
      (await b.page.getByRole('link', { name: b.L('ill.slip.downloadPdf') }).getAttribute('href'))!,
    );
    expect(slipsPdf.status()).toBe(200);
    expect(slipsPdf.headers()['content-type']).toBe('application/pdf');

    // Analytics: every chart has its table; the CSV link answers with CSV.
    await b.page.goto('/sharing/analytics');
    await settled(b.page);
    expect(await b.page.locator('svg[role="img"]').count()).toBe(3);
    await b.page.getByRole('table', { name: b.L('ill.analytics.fillRateCaption') }).waitFor();
    const csv = await b.page.request.get(
      (await b.page.getByRole('link', { name: b.L('ill.analytics.csv') }).getAttribute('href'))!,
    );
    expect(csv.headers()['content-type']).toContain('text/csv');

    // A lookup by identifier finds the catalog record to request.
    await b.page.goto('/sharing/requests/new');
    await settled(b.page);
    const isbn = (
      (await (await b.page.request.get(`/api/v1/catalog/search?q=history&pageSize=1`)).json()) as {
        results: Array<{ isbn: string | null }>;
      }
    ).results[0]!.isbn!;
    await b.page.getByLabel(b.L('ill.new.lookupValue'), { exact: true }).fill(isbn);
    await b.page.getByRole('button', { name: b.L('ill.new.lookupGo') }).click();
    await b.page
      .getByRole('button', { name: new RegExp(b.L('ill.new.useRecord')) })
      .first()
      .click();
    await b.page.getByRole('heading', { name: b.L('ill.new.fromRecord') }).waitFor();
  });

  it('reads in Spanish', async () => {
    const context = await newContext(browser, baseUrl, 'es-US');
    contexts.push(context);
    const page = await context.newPage();
    // A Spanish-speaking library director (library admins use resource sharing too).
    await signInViaApi(page, directorOf('TXMVC'));
    await page.goto('/sharing');
    await settled(page);
    await page.getByRole('heading', { name: translate('es', 'ill.queue.borrowingTitle') }).waitFor();
    await expectAccessible(page, 'borrowing queue (es)');
    await screenshot(page, 'sharing-borrowing-queue-es');
    await page
      .getByRole('link', { name: translate('es', 'ill.queue.attention') })
      .first()
      .click();
    await settled(page);
    const first = page.locator('table tbody th a').first();
    await first.click();
    await settled(page);
    await page.getByRole('heading', { name: translate('es', 'ill.request.state') }).waitFor();
    await expectAccessible(page, 'request page (es)');
    await screenshot(page, 'sharing-request-es');

    // A library admin changes the loan period of the lending policy.
    const es = (key: MessageKey) => translate('es', key);
    await page.goto('/sharing/policy');
    await settled(page);
    const period = page.getByLabel(es('ill.policy.loanDays'));
    const next = (await period.inputValue()) === '35' ? '42' : '35';
    await period.fill(next);
    await page.getByRole('button', { name: es('ill.policy.save') }).click();
    await page.getByText(es('ill.policy.saved')).waitFor();
    await page.reload();
    await settled(page);
    expect(await page.getByLabel(es('ill.policy.loanDays')).inputValue()).toBe(next);
    await expectAccessible(page, 'lending policy (es)');
  });
});
