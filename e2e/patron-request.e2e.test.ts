import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LIBRARIES } from '../server/seed/organizations.ts';
import { translate } from '../web/src/i18n/core.ts';
import type { MessageKey } from '../web/src/i18n/en.ts';
import { expectAccessible, launchBrowser, newContext, screenshot } from './browser.ts';
import { DEMO, latestMail, settled, signInViaApi } from './journeys.ts';

/**
 * The patron request page: Cedar Hollow's director turns it off and on again, an anonymous patron asks in
 * Spanish, Cedar Hollow's ILL staff find it among the patron requests, approve it, and a lender is asked.
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

type Party = { page: Page; L: (key: MessageKey, vars?: Record<string, string | number>) => string };
type Detail = {
  id: string;
  number: string;
  state: string;
  attempt: { lender: { symbol: string } } | null;
  patron: { cardNumber: string | null } | null;
};

/** A card of this run (Cedar Hollow's cards are 2100 + ten digits): the same patron twice is a duplicate. */
const CARD = `2100${String(Date.now()).slice(-10)}`;
const NAME = `Lectora ${CARD.slice(-5)}`;
const EMAIL = `lectora${CARD.slice(-5)}@patrons.example`;

async function staff(email: string): Promise<Party> {
  const context = await newContext(browser, baseUrl);
  contexts.push(context);
  const page = await context.newPage();
  await signInViaApi(page, email);
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as {
    user: { locale: 'en' | 'es' };
  };
  return { page, L: (key, vars) => translate(session.user.locale, key, vars) };
}

/** A book Cedar Hollow does not hold, that at least one other library does, found by a unique ISBN. */
async function bookToAsk(page: Page) {
  const search = (await (
    await page.request.get('/api/v1/catalog/search?q=history&format=book&pageSize=100')
  ).json()) as { results: Array<{ id: string; title: string; isbn: string | null; libraryCount: number }> };
  for (const r of search.results.filter((x) => x.isbn && x.libraryCount >= 2)) {
    const display = (await (await page.request.get(`/api/v1/catalog/clusters/${r.id}/display`)).json()) as {
      holdings: Array<{ library: { symbol: string } }>;
    };
    if (display.holdings.some((h) => h.library.symbol === 'TXCHP')) continue;
    const lookup = (await (await page.request.get(`/api/v1/sharing/lookup?isbn=${r.isbn}`)).json()) as {
      items: unknown[];
    };
    if (lookup.items.length === 1) return { title: r.title, isbn: r.isbn! };
  }
  throw new Error('no book with a unique ISBN that Cedar Hollow lacks in the demo catalog');
}

describe('the patron request page', () => {
  it('staff turn it on, a patron asks in Spanish, staff approve, a lender is asked', async () => {
    // 1. The director turns the page off (the public page says so), then on again.
    const director = await staff(DEMO.director);
    const d = director.page;
    await d.goto('/sharing/patron-page');
    await settled(d);
    const enabled = d.getByLabel(director.L('illPatron.settings.enabled'));
    await enabled.waitFor();
    await expectAccessible(d, 'patron page settings');
    await screenshot(d, 'patron-page-settings');
    const save = async () => {
      await d.getByRole('button', { name: director.L('illPatron.settings.save') }).click();
      await d.getByText(director.L('illPatron.settings.saved')).waitFor();
    };
    if (await enabled.isChecked()) {
      await enabled.uncheck();
      await save();
    }
    const patronContext = await newContext(browser, baseUrl, 'es-US');
    contexts.push(patronContext);
    const p = await patronContext.newPage();
    const es = (key: MessageKey, vars?: Record<string, string | number>) => translate('es', key, vars);
    await p.goto('/request/TXCHP');
    await p.getByRole('heading', { level: 1, name: es('illPatron.unavailableTitle') }).waitFor();
    await expectAccessible(p, 'patron page (off)');

    await d.getByLabel(director.L('illPatron.settings.enabled')).check();
    await d
      .getByLabel(director.L('illPatron.settings.pickup'))
      .fill('Main desk\nDrive-up window\nBookmobile');
    await save();
    await d.getByRole('link', { name: director.L('illPatron.settings.preview') }).waitFor();

    // 2. An anonymous patron, browser in Spanish, asks for a book Cedar Hollow does not hold.
    const ill = await staff(DEMO.ill);
    const book = await bookToAsk(ill.page);
    await p.goto('/request/TXCHP');
    await settled(p);
    await p
      .getByRole('heading', {
        level: 1,
        name: es('illPatron.title', { library: 'Cedar Hollow Public Library' }),
      })
      .waitFor();
    await p.getByLabel(es('illPatron.field.title'), { exact: true }).fill(book.title);
    await p.getByLabel(es('illPatron.field.isbn')).fill(book.isbn);
    await p.getByLabel(es('illPatron.field.pickup')).selectOption('Bookmobile');
    await p.getByLabel(es('illPatron.field.name')).fill(NAME);
    // A card from another library is refused before sending, in Spanish.
    await p.getByLabel(es('illPatron.field.cardNumber')).fill('99990000111122');
    await p.getByLabel(es('illPatron.field.email')).fill(EMAIL);
    await p.getByLabel(es('illPatron.consent', { days: 90 })).check();
    await p.getByRole('button', { name: es('illPatron.submit') }).click();
    await p
      .getByText(es('illPatron.problem.prefix', { prefix: '2100' }))
      .first()
      .waitFor();
    await expectAccessible(p, 'patron page (errors)');
    await p.getByLabel(es('illPatron.field.cardNumber')).fill(CARD);
    expect(await p.getByLabel(es('illPatron.field.locale')).inputValue()).toBe('es');
    await p.getByRole('button', { name: es('illPatron.submit') }).click();
    await p.getByText(es('illPatron.doneTitle')).waitFor();
    const done = await p.locator('.patron-reference').textContent();
    const reference = /ILL-\d+/.exec(done ?? '')?.[0];
    expect(reference).toBeTruthy();
    await expectAccessible(p, 'patron page (sent)');
    await screenshot(p, 'patron-page-sent');
    const mail = await latestMail(p, EMAIL);
    expect(mail.subject).toBe(`Recibimos su solicitud ${reference}: ${book.title}`);

    // 3. ILL staff find it among the patron requests, see the card number, and approve it.
    const s = ill.page;
    await s.goto('/sharing?state=patron_review');
    await settled(s);
    await s.getByRole('link', { name: book.title, exact: true }).first().click();
    await settled(s);
    await expect
      .poll(() => s.locator('.ill-state__name').textContent())
      .toBe(ill.L('ill.bstate.patron_review'));
    await s.getByText(CARD).waitFor();
    await expectAccessible(s, 'patron request (staff review)');
    await s
      .getByRole('button', { name: ill.L('ill.action.approve'), exact: true })
      .first()
      .click();
    await s.getByText(ill.L('ill.request.done', { action: ill.L('ill.action.approve') })).waitFor();
    await expect.poll(() => s.locator('.ill-state__name').textContent()).toBe(ill.L('ill.bstate.requested'));

    // 4. A lender was asked; it sees neither the card number nor the patron.
    const id = new URL(s.url()).pathname.split('/').pop()!;
    const detail = (await (await s.request.get(`/api/v1/sharing/requests/${id}`)).json()) as Detail;
    expect(detail).toMatchObject({ number: reference, state: 'requested', patron: { cardNumber: CARD } });
    const lenderSymbol = detail.attempt!.lender.symbol;
    expect(lenderSymbol).not.toBe('TXCHP');
    const lender = await staff(directorOf(lenderSymbol));
    const lenderView = await (await lender.page.request.get(`/api/v1/sharing/requests/${id}`)).text();
    for (const secret of [CARD, NAME, EMAIL]) expect(lenderView).not.toContain(secret);
  });
});

/** The director of a demo library (its admin, who may see its lending side). */
function directorOf(symbol: string) {
  const library = LIBRARIES.find((l) => l.symbol === symbol);
  if (!library) throw new Error(`no demo library ${symbol}`);
  return `director@${library.domain}.example`;
}
