/**
 * The contract between the ISO 18626 endpoint (inbound.ts) and the code that applies a message to one role:
 * our borrowing side (borrowing-side.ts: supplying-agency messages from an outside lender) and our lending
 * side (lending-side.ts: requests and requesting-agency messages from an outside borrower).
 *
 * A handler runs inside the endpoint's transaction. It either changes state and answers `applied`, changes
 * nothing and answers `ignored` (a duplicate, stale or already-reached status), or answers `error` — the
 * endpoint then rolls the transaction back, so an ERROR confirmation never leaves a change behind.
 */
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/client.ts';
import type { Flow } from '../engine.ts';
import type {
  IsoError,
  IsoRequest,
  IsoRequestingAgencyMessage,
  IsoSupplyingAgencyMessage,
} from './messages.ts';
import type { IsoVersion, PartnerQuirks } from './tables.ts';

/** The partner the message came from (identified by the sender's agency id, credentials checked). */
export type InboundPartner = {
  organizationId: string;
  agencyIdType: string;
  agencyIdValue: string;
  isoVersion: IsoVersion;
  quirks: PartnerQuirks;
  lends: boolean;
  borrows: boolean;
};

export type InboundContext = {
  tx: Db;
  ctx: AppContext;
  partner: InboundPartner;
  /** The version the message came in (the partner's configured version may differ). */
  version: IsoVersion;
  now: Date;
  /** Saves the flow's notices as notifications and mail (sent after commit). Call after `flow.save()`. */
  notify: (flow: Flow) => Promise<void>;
};

export type InboundOutcome =
  | {
      outcome: 'applied' | 'ignored';
      requestId: string | null;
      attemptId: string | null;
      /** One line for the message log: what happened (e.g. "Loaned → shipped"). */
      summary: string;
      /** Optional supplyingAgencyRequestId we assign (for the request confirmation). */
      supplyingAgencyRequestId?: string;
    }
  | ({ outcome: 'error'; requestId?: string | null; attemptId?: string | null } & IsoError);

export type SupplyingMessageHandler = (
  c: InboundContext,
  message: IsoSupplyingAgencyMessage,
) => Promise<InboundOutcome>;
export type RequestHandler = (c: InboundContext, message: IsoRequest) => Promise<InboundOutcome>;
export type RequestingMessageHandler = (
  c: InboundContext,
  message: IsoRequestingAgencyMessage,
) => Promise<InboundOutcome>;
