import type { Db } from '../../../platform/db/client.ts';
import type { Flow } from '../engine.ts';
import { partnersAmong } from './borrowing-queries.ts';
import { tellOutsideLender } from './borrowing-outbound.ts';
import { lendingSideMessages } from './lending-side.ts';

/**
 * Attempts whose lending-side changes in a flow came from the partner itself (an inbound message): they
 * are what the partner told us, so they are not told back.
 */
const heardFrom = new WeakMap<Flow, Set<string>>();

/** Marks `attemptId`'s lending-side changes in this flow as the partner's own news (not to be echoed). */
export function fromPartner(flow: Flow, attemptId: string) {
  const set = heardFrom.get(flow) ?? new Set<string>();
  set.add(attemptId);
  heardFrom.set(flow, set);
}

export const isFromPartner = (flow: Flow, attemptId: string | null) =>
  attemptId !== null && heardFrom.get(flow)?.has(attemptId) === true;

/**
 * Called by every saved Flow, inside its transaction: when the borrower or the lender of the request is an
 * outside library (an ISO 18626 partner), the changes our side made are queued as ISO 18626 messages to it.
 * Requests between two members cost one indexed look-up and return.
 */
export async function tellOutsidePartners(tx: Db, flow: Flow): Promise<void> {
  if (!flow.changes.length) return;
  const ids = new Set<string>([flow.req.borrowerId]);
  for (const c of flow.changes) if (c.lenderId) ids.add(c.lenderId);
  const partners = await partnersAmong(tx, [...ids]);
  if (!partners.size) return;
  // We borrow from an outside lender: our borrower's changes become requests and requesting-agency messages.
  await tellOutsideLender(tx, flow, partners);
  // An outside library borrows from our member: the lending side's changes (lending-side.ts) go here.
  if (partners.has(flow.req.borrowerId))
    await lendingSideMessages(tx, flow, partners.get(flow.req.borrowerId));
}
