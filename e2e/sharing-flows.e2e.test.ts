import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, expectAccessible } from './browser.ts';
import type { Browser } from 'playwright-core';
import { DEMO } from './journeys.ts';
import {
  Cast,
  JOURNEY,
  act,
  actWithForm,
  detailOf,
  offers,
  offersNothing,
  open,
  requestFromRecord,
  stateIs,
  timelineShows,
  titleHeldBy,
  titlesToBorrow,
  type Party,
} from './sharing-steps.ts';

/**
 * Resource sharing between two demo libraries, the answers besides a plain "will supply": conditions
 * (accepted, declined), cancelling (at once, or asked of the lender who accepts or refuses) and the reviews
 * a new request may need (duplicate, held locally). Cedar Hollow's ILL staff borrow; the director of the
 * library the rota asks lends.
 */
let browser: Browser;
let cast: Cast;
let b: Party;
let titles: string[];
/** Patrons of this run: each journey has its own, so only the duplicate journey meets a duplicate. */
const run = Date.now() % 1_000_000;
const patron = (journey: string) => `Card ${run} ${journey}`;

beforeAll(async () => {
  browser = await launchBrowser();
  cast = new Cast(browser, inject('baseUrl'));
  b = await cast.of(DEMO.ill);
  titles = await titlesToBorrow(b, 2, 3);
});
afterAll(async () => {
  await cast?.close();
  await browser?.close();
});

describe('conditional answers', JOURNEY, () => {
  it('the lender offers conditions with a cost; the borrower accepts; the lender ships', async () => {
    const id = await requestFromRecord(b, titles[0]!, patron('conditions-accepted'));
    const l = await cast.lenderAt(await detailOf(b.page, id));
    await open(l, id);
    await actWithForm(
      l,
      'offer_conditions',
      async (form) => {
        await form.getByLabel(l.L('ill.condition.LibraryUseOnly'), { exact: true }).check();
        await form.getByLabel(l.L('ill.form.cost')).fill('12.50');
      },
      'offer conditions form',
    );
    await stateIs(l, 'lending', 'pending_conditions');
    await offersNothing(l);
    await expectAccessible(l.page, 'waiting on conditions (lender)');

    await open(b, id);
    await stateIs(b, 'borrowing', 'conditional');
    await offers(b, ['accept_conditions', 'decline_conditions', 'request_cancel']);
    const details = b.page.locator('section[aria-labelledby="ill-details"]');
    await details.getByText(b.L('ill.condition.LibraryUseOnly'), { exact: true }).waitFor();
    await details.getByText(/12[.,]50/).waitFor();
    await timelineShows(b, 'lending', 'offer_conditions', l);
    await expectAccessible(b.page, 'conditions offered (borrower)');
    await act(b, 'accept_conditions');
    await stateIs(b, 'borrowing', 'expects_to_supply');
    await timelineShows(b, 'borrowing', 'accept_conditions', b);

    await open(l, id);
    await stateIs(l, 'lending', 'will_supply');
    await timelineShows(l, 'lending', 'conditions_accepted', { library: l.symbol }, true);
    await actWithForm(l, 'ship', (form) => form.getByLabel(l.L('ill.form.tracking')).fill('CR-551001'));
    await stateIs(l, 'lending', 'shipped');
    await open(b, id);
    await stateIs(b, 'borrowing', 'shipped');
    await timelineShows(b, 'lending', 'ship', l);
  });

  it('the borrower declines the conditions and the next lender is asked', async () => {
    const id = await requestFromRecord(b, titles[1]!, patron('conditions-declined'));
    const detail = await detailOf(b.page, id);
    expect(detail.rota.length).toBeGreaterThanOrEqual(2);
    const first = await cast.lenderAt(detail, 0);
    await open(first, id);
    await actWithForm(first, 'offer_conditions', (form) =>
      form.getByLabel(first.L('ill.condition.SignatureRequired')).check(),
    );
    await stateIs(first, 'lending', 'pending_conditions');

    await open(b, id);
    await actWithForm(b, 'decline_conditions', undefined, 'decline conditions form');
    await stateIs(b, 'borrowing', 'requested');
    await timelineShows(b, 'borrowing', 'decline_conditions', b);
    const rows = b.page.getByRole('table', { name: b.L('ill.rota.caption') }).locator('tbody tr');
    await expect.poll(() => rows.nth(0).textContent()).toContain(b.L('ill.lstate.cancelled'));
    await expect.poll(() => rows.nth(1).textContent()).toContain(b.L('ill.lstate.received'));

    await open(first, id);
    await stateIs(first, 'lending', 'cancelled');
    await timelineShows(first, 'lending', 'conditions_declined', { library: first.symbol }, true);
    await offersNothing(first);
    const second = await cast.lenderAt(detail, 1);
    await open(second, id);
    await stateIs(second, 'lending', 'received');
  });
});

describe('cancelling', JOURNEY, () => {
  it('before the lender answers: the borrower asks, the lender accepts, both sides end cancelled', async () => {
    const id = await requestFromRecord(b, titles[2]!, patron('cancel-unanswered'));
    // A lender holds it from the moment it is sent: cancelling asks the lender (ISO 18626 Cancel).
    await offers(b, ['request_cancel']);
    await actWithForm(b, 'request_cancel', undefined, 'ask to cancel form');
    await stateIs(b, 'borrowing', 'cancel_pending');
    await offersNothing(b);
    await expectAccessible(b.page, 'cancel pending (borrower)');

    const l = await cast.lenderAt(await detailOf(b.page, id));
    await open(l, id);
    await stateIs(l, 'lending', 'cancel_requested');
    await offers(l, ['accept_cancel', 'refuse_cancel']);
    await timelineShows(l, 'lending', 'cancel_asked', { library: l.symbol }, true);
    await expectAccessible(l.page, 'cancel asked (lender)');
    await act(l, 'accept_cancel');
    await stateIs(l, 'lending', 'cancelled');
    await timelineShows(l, 'lending', 'accept_cancel', l);

    await open(b, id);
    await stateIs(b, 'borrowing', 'cancelled');
    await offersNothing(b);
    await timelineShows(b, 'borrowing', 'lender_cancelled', { library: b.symbol }, true);
    await expectAccessible(b.page, 'cancelled (borrower)');
  });

  for (const answer of ['accept_cancel', 'refuse_cancel'] as const)
    it(`after "will supply": the borrower asks, the lender answers ${answer.replace('_', ' ')}`, async () => {
      const id = await requestFromRecord(b, titles[0]!, patron(`cancel-${answer}`));
      const l = await cast.lenderAt(await detailOf(b.page, id));
      await open(l, id);
      await act(l, 'will_supply');
      await stateIs(l, 'lending', 'will_supply');

      await open(b, id);
      await stateIs(b, 'borrowing', 'expects_to_supply');
      await actWithForm(b, 'request_cancel');
      await stateIs(b, 'borrowing', 'cancel_pending');

      await open(l, id);
      await stateIs(l, 'lending', 'cancel_requested');
      await act(l, answer);
      await stateIs(l, 'lending', answer === 'accept_cancel' ? 'cancelled' : 'will_supply');
      await timelineShows(l, 'lending', answer, l);

      await open(b, id);
      if (answer === 'accept_cancel') await stateIs(b, 'borrowing', 'cancelled');
      else {
        // Back to where it was: the lender still supplies it.
        await stateIs(b, 'borrowing', 'expects_to_supply');
        await timelineShows(b, 'borrowing', 'lender_refused_cancel', { library: b.symbol }, true);
        await expectAccessible(b.page, 'cancel refused (borrower)');
      }
    });
});

describe('reviews before a request goes out', JOURNEY, () => {
  it('the same patron and item twice: the duplicate is approved; a third is cancelled at once', async () => {
    const who = patron('duplicate');
    await requestFromRecord(b, titles[1]!, who);
    await stateIs(b, 'borrowing', 'requested');

    const id = await requestFromRecord(b, titles[1]!, who);
    await stateIs(b, 'borrowing', 'duplicate_review');
    await offers(b, ['approve', 'cancel']);
    await timelineShows(b, 'system', 'flag_duplicate', 'system', true);
    await expectAccessible(b.page, 'duplicate review');
    await act(b, 'approve');
    await stateIs(b, 'borrowing', 'requested');
    await timelineShows(b, 'borrowing', 'approve', b);
    const detail = await detailOf(b.page, id);
    expect(detail.attempt?.state).toBe('received');

    // No lender holds the third one yet: it is cancelled at once, nobody is asked.
    const third = await requestFromRecord(b, titles[1]!, who);
    await stateIs(b, 'borrowing', 'duplicate_review');
    await actWithForm(b, 'cancel', undefined, 'cancel form');
    await stateIs(b, 'borrowing', 'cancelled');
    await timelineShows(b, 'borrowing', 'cancel', b);
    expect((await detailOf(b.page, third)).attempt).toBeNull();
  });

  it('an item the borrowing library holds goes to local review and is filled locally', async () => {
    const id = await requestFromRecord(b, await titleHeldBy(b), patron('local'));
    await stateIs(b, 'borrowing', 'local_review');
    await offers(b, ['approve', 'fill_locally', 'cancel']);
    await timelineShows(b, 'system', 'flag_held_locally', 'system', true);
    await expectAccessible(b.page, 'local review');
    await act(b, 'fill_locally');
    await stateIs(b, 'borrowing', 'filled_locally');
    await offersNothing(b);
    await timelineShows(b, 'borrowing', 'fill_locally', b);
    await expectAccessible(b.page, 'filled locally');
    expect((await detailOf(b.page, id)).attempt).toBeNull();
  });
});
