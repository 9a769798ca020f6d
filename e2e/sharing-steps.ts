import { expect, vi } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { LIBRARIES } from '../server/seed/organizations.ts';
import { translate } from '../web/src/i18n/core.ts';
import type { MessageKey } from '../web/src/i18n/en.ts';
import { expectAccessible, newContext } from './browser.ts';
import { settled, signInViaApi } from './journeys.ts';

/**
 * Steps of the resource-sharing journeys between two demo libraries: staff of each side in their own browser
 * context (and their own language), acting only through the buttons the request page offers, waiting for the
 * server's answer rather than for time.
 */
export type Party = {
  page: Page;
  name: string;
  symbol: string;
  libraryId: string;
  L: (key: MessageKey, vars?: Record<string, string | number>) => string;
};
export type Detail = {
  id: string;
  number: string;
  state: string;
  citation: { title: string };
  rota: Array<{ library: { symbol: string; name: string }; state: string | null }>;
  attempt: { state: string; lender: { symbol: string } } | null;
};
type Side = 'borrowing' | 'lending';

/** The director of a demo library (a library admin: may act on its resource sharing). */
export const directorOf = (symbol: string) => {
  const library = LIBRARIES.find((l) => l.symbol === symbol);
  if (!library) throw new Error(`no demo library ${symbol}`);
  return `director@${library.domain}.example`;
};

/** Whole journeys on a machine shared with other work: more time than one page check needs. */
export const JOURNEY = { timeout: 180_000 };

/** Everyone signed in during one test file: one context per person, reused by every journey. */
export class Cast {
  private readonly people = new Map<string, Promise<Party>>();
  private readonly contexts: BrowserContext[] = [];
  constructor(
    private readonly browser: Browser,
    private readonly baseUrl: string,
  ) {}

  of(email: string): Promise<Party> {
    let party = this.people.get(email);
    if (!party) {
      party = this.signIn(email);
      this.people.set(email, party);
    }
    return party;
  }

  /** The director of the library at `position` on the request's rota (0: the first asked). */
  lenderAt(detail: Detail, position = 0): Promise<Party> {
    const entry = detail.rota[position];
    if (!entry) throw new Error(`request ${detail.number} has no lender at place ${position + 1}`);
    return this.of(directorOf(entry.library.symbol));
  }

  private async signIn(email: string): Promise<Party> {
    const context = await newContext(this.browser, this.baseUrl);
    this.contexts.push(context);
    const page = await context.newPage();
    await signInViaApi(page, email);
    const { user } = (await (await page.request.get('/api/v1/auth/session')).json()) as {
      user: {
        displayName: string;
        locale: 'en' | 'es';
        organization: { id: string; symbol: string };
      };
    };
    return {
      page,
      name: user.displayName,
      symbol: user.organization.symbol,
      libraryId: user.organization.id,
      L: (key, vars) => translate(user.locale, key, vars),
    };
  }

  async close() {
    for (const c of this.contexts) await c.close();
  }
}

export const detailOf = async (page: Page, id: string) => {
  const response = await page.request.get(`/api/v1/sharing/requests/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Detail;
};

/** Catalog records (book format) held by at least `holders` libraries, none of them `libraryId`. */
export async function titlesToBorrow(p: Party, holders: number, wanted: number): Promise<string[]> {
  const found: string[] = [];
  // The demo catalog loads in the background at the first start: wait until the index answers.
  let results: Array<{ id: string; libraryCount: number }> = [];
  await vi.waitFor(
    async () => {
      const search = (await (
        await p.page.request.get('/api/v1/catalog/search?q=history&format=book&pageSize=100')
      ).json()) as { results: typeof results };
      results = search.results.filter((x) => x.libraryCount >= holders + 1);
      if (results.length <= wanted) throw new Error('the demo catalog is not searchable yet');
    },
    { timeout: 60_000, interval: 1_000 },
  );
  for (const r of results) {
    const display = (await (await p.page.request.get(`/api/v1/catalog/clusters/${r.id}/display`)).json()) as {
      holdings: Array<{ library: { symbol: string } }>;
    };
    const others = new Set(display.holdings.map((h) => h.library.symbol).filter((s) => s !== p.symbol));
    if (others.size >= holders && !display.holdings.some((h) => h.library.symbol === p.symbol))
      found.push(r.id);
    if (found.length === wanted) break;
  }
  if (found.length < wanted) throw new Error('not enough titles to borrow in the demo catalog');
  return found;
}

/** A catalog record the party's own library holds (a request for it goes to local review). */
export async function titleHeldBy(p: Party): Promise<string> {
  return vi.waitFor(
    async () => {
      const search = (await (
        await p.page.request.get(`/api/v1/catalog/search?library=${p.libraryId}&pageSize=1`)
      ).json()) as { results: Array<{ id: string }> };
      const id = search.results[0]?.id;
      if (!id) throw new Error(`${p.symbol} holds nothing in the demo catalog (yet)`);
      return id;
    },
    { timeout: 60_000, interval: 1_000 },
  );
}

/** Borrower: a new request from a catalog record for `patron`, through the form; returns its id. */
export async function requestFromRecord(b: Party, clusterId: string, patron: string): Promise<string> {
  await b.page.goto(`/sharing/requests/new?cluster=${clusterId}`);
  await settled(b.page);
  await b.page.getByLabel(b.L('ill.field.patronName')).fill(patron);
  await b.page.getByLabel(b.L('ill.field.patronEmail')).fill('patron20417@example.org');
  await b.page.getByRole('button', { name: b.L('ill.new.submit') }).click();
  await b.page.waitForURL(/\/sharing\/requests\/[0-9a-f-]{36}/);
  await settled(b.page);
  return new URL(b.page.url()).pathname.split('/').pop()!;
}

export async function open(p: Party, id: string) {
  await p.page.goto(`/sharing/requests/${id}`);
  await settled(p.page);
  await p.page.locator('.ill-state__name').waitFor();
}

const actionButton = (p: Party, action: string, within: Page | Locator = p.page) =>
  within.getByRole('button', { name: p.L(`ill.action.${action}` as MessageKey), exact: true }).first();

/** Clicks `click` and waits for the server's answer to the action (which must be a success). */
async function answered(p: Party, click: () => Promise<void>) {
  const [response] = await Promise.all([
    p.page.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/api\/v1\/sharing\/requests\/[^/]+\/actions$/.test(r.url()),
    ),
    click(),
  ]);
  expect(response.status(), `${response.url()} → ${await response.text()}`).toBe(200);
}

/** An action the page runs at once. */
export async function act(p: Party, action: string) {
  await answered(p, () => actionButton(p, action).click());
}

/**
 * An action with a form (input, or a confirmation of something that ends or refuses): opens it, lets `fill`
 * complete it, checks it with axe when asked, and submits it with the action's own button.
 */
export async function actWithForm(
  p: Party,
  action: string,
  fill: (form: Locator) => Promise<void> = async () => {},
  axeLabel?: string,
) {
  await actionButton(p, action).click();
  const form = p.page.locator(`#action-${action}`);
  await form.waitFor();
  await fill(form);
  if (axeLabel) await expectAccessible(p.page, axeLabel);
  await answered(p, () => actionButton(p, action, form).click());
}

export async function stateIs(p: Party, side: Side, state: string) {
  const key = `ill.${side === 'borrowing' ? 'b' : 'l'}state.${state}` as MessageKey;
  await expect
    .poll(() => p.page.locator('.ill-state__name').textContent(), { timeout: 10_000 })
    .toBe(p.L(key));
}

/** The actions the page offers now, by their button text. */
export async function offers(p: Party, actions: string[]) {
  const buttons = p.page.locator('.ill-actions__list button');
  await expect
    .poll(async () => (await buttons.allTextContents()).sort(), { timeout: 10_000 })
    .toEqual(actions.map((a) => p.L(`ill.action.${a}` as MessageKey)).sort());
}

export async function offersNothing(p: Party) {
  await p.page.getByText(p.L('ill.request.noActions')).waitFor();
}

/**
 * The timeline names who did it and when: the newest row for `action` on `side` shows the time and either
 * the person and their library, or "Automatic" for the system. Staff actions use their button text; peer
 * and system events their own wording (`event`).
 */
export async function timelineShows(
  p: Party,
  side: Side | 'system',
  action: string,
  who: Party | 'system' | { library: string },
  event = false,
) {
  const label = p.L(`ill.${event ? 'event' : 'action'}.${action}` as MessageKey);
  const what = `${p.L(`ill.timeline.side.${side}` as MessageKey)}: ${label}`;
  const row = p.page
    .getByRole('table', { name: p.L('ill.timeline.caption') })
    .locator('tbody tr')
    .filter({ has: p.page.locator('th', { hasText: what }) })
    .last();
  await row.waitFor();
  const [when, by] = await row.locator('td').allTextContents();
  expect(when, `when: ${what}`).toMatch(/\d/);
  if (who === 'system') expect(by).toContain(p.L('ill.timeline.system'));
  else if ('page' in who) {
    expect(by, `who: ${what}`).toContain(who.name);
    expect(by, `library: ${what}`).toContain(who.symbol);
  } else expect(by, `library: ${what}`).toContain(who.library);
}

/**
 * Lender and borrower take a loan as far as the patron: will supply, ship, received, checked out.
 */
export async function loanOut(b: Party, l: Party, id: string) {
  await open(l, id);
  await act(l, 'will_supply');
  await stateIs(l, 'lending', 'will_supply');
  await actWithForm(l, 'ship', (form) => form.getByLabel(l.L('ill.form.tracking')).fill('CR-551020'));
  await stateIs(l, 'lending', 'shipped');
  await open(b, id);
  await act(b, 'mark_received');
  await stateIs(b, 'borrowing', 'received');
  await act(b, 'check_out_to_patron');
  await stateIs(b, 'borrowing', 'checked_out');
}
