import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser } from './browser.ts';
import { DEMO } from './journeys.ts';
import {
  Cast,
  JOURNEY,
  act,
  actWithForm,
  detailOf,
  loanOut,
  offers,
  offersNothing,
  open,
  requestFromRecord,
  stateIs,
  timelineShows,
  titlesToBorrow,
  type Party,
} from './sharing-steps.ts';

/**
 * A loan that does not come back the ordinary way, clicked through on both sides: the lender recalls it,
 * holds its return for a while, or it is lost. Cedar Hollow's ILL staff borrow; the director of the library
 * the rota asks first lends.
 */
let browser: Browser;
let cast: Cast;
let b: Party;
let titles: string[];
const run = Date.now() % 1_000_000;
const patron = (journey: string) => `Card ${run} ${journey}`;

beforeAll(async () => {
  browser = await launchBrowser();
  cast = new Cast(browser, inject('baseUrl'));
  b = await cast.of(DEMO.ill);
  titles = await titlesToBorrow(b, 1, 3);
});
afterAll(async () => {
  await cast?.close();
  await browser?.close();
});

/** A loan with the patron: returns its id and the lender. */
async function loanWithPatron(title: string, journey: string) {
  const id = await requestFromRecord(b, title, patron(journey));
  const l = await cast.lenderAt(await detailOf(b.page, id));
  await loanOut(b, l, id);
  return { id, l };
}

describe('returns', JOURNEY, () => {
  it('the lender recalls a loan: the borrower sees it, checks it in and returns it', async () => {
    const { id, l } = await loanWithPatron(titles[0]!, 'recall');
    await open(l, id);
    await actWithForm(l, 'recall', undefined, 'recall form');
    await stateIs(l, 'lending', 'recalled');
    await expectAccessible(l.page, 'recalled (lender)');

    await open(b, id);
    await stateIs(b, 'borrowing', 'recalled');
    await offers(b, ['check_in_from_patron', 'report_lost']);
    await timelineShows(b, 'lending', 'recall', l);
    await expectAccessible(b.page, 'recalled (borrower)');
    await act(b, 'check_in_from_patron');
    await stateIs(b, 'borrowing', 'awaiting_return_shipping');
    await actWithForm(b, 'ship_return', (form) =>
      form.getByLabel(b.L('ill.form.tracking')).fill('CR-551300'),
    );
    await stateIs(b, 'borrowing', 'return_shipped');

    await open(l, id);
    await stateIs(l, 'lending', 'return_in_transit');
    await timelineShows(l, 'lending', 'return_shipped', { library: l.symbol }, true);
    await act(l, 'check_in');
    await stateIs(l, 'lending', 'complete');
    await open(b, id);
    await stateIs(b, 'borrowing', 'complete');
    await timelineShows(b, 'lending', 'check_in', l);
  });

  it('the lender holds the return: the borrower sees it on hold until the lender releases it', async () => {
    const { id, l } = await loanWithPatron(titles[1]!, 'hold');
    await act(b, 'check_in_from_patron');
    await stateIs(b, 'borrowing', 'awaiting_return_shipping');

    await open(l, id);
    await act(l, 'hold_return');
    await stateIs(l, 'lending', 'return_on_hold');
    await offers(l, ['release_return', 'check_in']);
    await expectAccessible(l.page, 'return on hold (lender)');

    await open(b, id);
    await stateIs(b, 'borrowing', 'return_on_hold');
    await offersNothing(b);
    await timelineShows(b, 'lending', 'hold_return', l);
    await timelineShows(b, 'borrowing', 'lender_held_return', { library: b.symbol }, true);
    await expectAccessible(b.page, 'return on hold (borrower)');

    await open(l, id);
    await act(l, 'release_return');
    await stateIs(l, 'lending', 'shipped');
    await timelineShows(l, 'lending', 'release_return', l);

    await open(b, id);
    await stateIs(b, 'borrowing', 'awaiting_return_shipping');
    await offers(b, ['ship_return']);
    await timelineShows(b, 'borrowing', 'lender_released_return', { library: b.symbol }, true);
    await actWithForm(b, 'ship_return');
    await stateIs(b, 'borrowing', 'return_shipped');
  });

  it('the borrower reports the loan lost: both sides end completed without return', async () => {
    const { id, l } = await loanWithPatron(titles[2]!, 'lost');
    await actWithForm(b, 'report_lost', undefined, 'report lost form');
    await stateIs(b, 'borrowing', 'completed_without_return');
    await offersNothing(b);
    await timelineShows(b, 'borrowing', 'report_lost', b);
    await expectAccessible(b.page, 'completed without return (borrower)');

    await open(l, id);
    await stateIs(l, 'lending', 'completed_without_return');
    await offersNothing(l);
    await timelineShows(l, 'lending', 'lost_reported', { library: l.symbol }, true);
    await expectAccessible(l.page, 'completed without return (lender)');
  });
});
