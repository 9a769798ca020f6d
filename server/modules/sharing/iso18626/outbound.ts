import type { Db } from '../../../platform/db/client.ts';
import type { Flow } from '../engine.ts';

/**
 * Called by every saved Flow, inside its transaction: when the borrower or the lender of the request is an
 * outside library (an ISO 18626 partner), the changes our side made are queued as ISO 18626 messages to it.
 * Requests between two members return at once.
 */
export async function tellOutsidePartners(_tx: Db, _flow: Flow): Promise<void> {
  // Filled in by the ISO 18626 work (issue #6): until then no request involves an outside library.
}
