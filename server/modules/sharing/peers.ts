import type { BorrowerAction, LenderAction } from './states.ts';

/**
 * Both libraries are in this database, so one library's action is the other side's inbound message: a
 * lender's `ship` is the borrower's `lender_shipped`. This table says which peer action each action causes.
 * `optional`: the peer may legitimately already be past it (e.g. "will supply" after "expect to supply"),
 * so a peer step that is not valid is skipped instead of refusing the action. `route`: afterwards the
 * borrower is back to sourcing and the next lender on the rota is asked.
 */
export type PeerEffect<A> = { peer: A; optional?: boolean };

export const LENDER_TO_BORROWER: Partial<Record<LenderAction, PeerEffect<BorrowerAction>>> = {
  will_supply: { peer: 'lender_will_supply', optional: true },
  expect_to_supply: { peer: 'lender_will_supply' },
  offer_conditions: { peer: 'lender_conditions' },
  retry_possible: { peer: 'lender_retry_possible' },
  cannot_supply: { peer: 'lender_unfilled' },
  timed_out: { peer: 'lender_timed_out' },
  ship: { peer: 'lender_shipped' },
  send_copy: { peer: 'lender_sent_copy' },
  accept_cancel: { peer: 'lender_cancelled' },
  refuse_cancel: { peer: 'lender_refused_cancel' },
  became_overdue: { peer: 'became_overdue', optional: true },
  recall: { peer: 'lender_recalled' },
  approve_renewal: { peer: 'renewed' },
  deny_renewal: { peer: 'lender_denied_renewal' },
  hold_return: { peer: 'lender_held_return', optional: true },
  release_return: { peer: 'lender_released_return', optional: true },
  check_in: { peer: 'lender_checked_in' },
  mark_lost: { peer: 'lender_marked_lost' },
};

export const BORROWER_TO_LENDER: Partial<Record<BorrowerAction, PeerEffect<LenderAction>>> = {
  request_cancel: { peer: 'cancel_asked' },
  accept_conditions: { peer: 'conditions_accepted' },
  decline_conditions: { peer: 'conditions_declined' },
  skip_lender: { peer: 'withdrawn', optional: true },
  cancel: { peer: 'withdrawn', optional: true },
  request_renewal: { peer: 'renewal_asked' },
  ship_return: { peer: 'return_shipped', optional: true },
  report_lost: { peer: 'lost_reported', optional: true },
};

/** Borrower states after which the next lender is asked (the request is back to sourcing). */
export const ROUTE_AFTER: ReadonlySet<string> = new Set(['sourcing']);
