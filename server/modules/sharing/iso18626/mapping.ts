/**
 * ISO 18626 ↔ our two machines. Statuses name lender states (`LENDER_STATE_FOR_ISO`); an outside lender's
 * status is reached on our mirror of its side by the shortest run of its own actions (`lenderPath`), so a
 * message that skips steps (Loaned before WillSupply) still lands where it should. Requesting-agency
 * actions are what our borrower's staff did. The tables here are the decision record's (see 0012).
 */
import {
  BORROWER_ACTIONS,
  LENDER,
  LENDER_ACTIONS,
  LENDER_STATE_FOR_ISO,
  step,
  type BorrowerAction,
  type Flags,
  type LenderAction,
  type LenderState,
  type ServiceType,
} from '../states.ts';
import type { PartnerQuirks } from './tables.ts';
import type { IsoAction, IsoServiceType, IsoStatus } from './lists.ts';
import type { IsoSupplyingAgencyMessage, IsoVersion } from './messages.ts';

export const isoServiceType = (s: ServiceType): IsoServiceType => (s === 'copy' ? 'Copy' : 'Loan');

/** Renewal and cancel answers are applied from reasonForMessage + answerYesNo, never found by the search. */
const ANSWERS: ReadonlySet<LenderAction> = new Set(['approve_renewal', 'deny_renewal']);

type Node = { state: LenderState; remembered: LenderState | null; path: LenderAction[] };

/**
 * The shortest run of the lender's own actions (its staff's first, then also its timers') from `from` to
 * `to`, valid for the service type; [] when already there, null when no run reaches it.
 */
export function lenderPath(
  from: LenderState,
  remembered: LenderState | null,
  to: LenderState,
  service: ServiceType,
  flags: Flags = {},
): LenderAction[] | null {
  if (from === to) return [];
  for (const actors of [['staff'], ['staff', 'system']] as const) {
    const found = search(from, remembered, to, service, flags, actors as readonly string[]);
    if (found) return found;
  }
  return null;
}

function search(
  from: LenderState,
  remembered: LenderState | null,
  to: LenderState,
  service: ServiceType,
  flags: Flags,
  actors: readonly string[],
): LenderAction[] | null {
  const actions = (Object.keys(LENDER_ACTIONS) as LenderAction[]).filter(
    (a) => actors.includes(LENDER_ACTIONS[a].by) && !ANSWERS.has(a),
  );
  const seen = new Set([`${from}|${remembered ?? ''}`]);
  let frontier: Node[] = [{ state: from, remembered, path: [] }];
  while (frontier.length) {
    const next: Node[] = [];
    for (const node of frontier)
      for (const action of actions) {
        const s = step(LENDER, node.state, action, service, node.remembered, flags);
        if (!s || s.to === node.state) continue;
        const path = [...node.path, action];
        if (s.to === to) return path;
        const key = `${s.to}|${s.remember ?? ''}`;
        if (!seen.has(key)) {
          seen.add(key);
          next.push({ state: s.to, remembered: s.remember, path });
        }
      }
    frontier = next;
  }
  return null;
}

/** True when `state` comes after `target` in the normal run of a loan or copy (the message is stale). */
export const isBehind = (state: LenderState, target: LenderState, service: ServiceType) =>
  lenderPath(target, null, state, service) !== null;

/** What a supplying agency's status means on our mirror of its side, with the partner's quirks applied. */
export function lenderTargetOf(
  message: IsoSupplyingAgencyMessage,
  quirks: PartnerQuirks,
  hasTerms: boolean,
): LenderState | 'previous' {
  const status: IsoStatus = message.statusInfo.status;
  if (status === 'ExpectToSupply') {
    if (hasTerms) return 'pending_conditions';
    if (quirks.expectToSupplyAsWillSupply) return 'will_supply';
  }
  return LENDER_STATE_FOR_ISO[status];
}

/**
 * What our borrower's change tells an outside lender (a requestingAgencyMessage), or null for changes it
 * need not hear about. The wording of notes is fixed here so the partner's staff see the same sentences.
 */
export function requestingActionFor(
  change: { side: string; action: string; by: string; note: string },
  version: IsoVersion,
  conditions: readonly string[],
): { action: IsoAction; note?: string } | null {
  const note = change.note.trim() || undefined;
  if (change.side === 'lending') {
    // Our borrower moved on (skipped this lender, cancelled, or it did not answer in time).
    if (change.action === 'withdrawn') return { action: 'Cancel', note: note ?? 'Request withdrawn.' };
    if (change.action === 'timed_out')
      return { action: 'Cancel', note: 'No answer in time: request withdrawn.' };
    return null;
  }
  if (change.by !== 'staff') return null;
  switch (change.action as BorrowerAction) {
    case 'mark_received':
      return { action: 'Received', ...(note ? { note } : {}) };
    case 'ship_return':
      return { action: 'ShippedReturn', ...(note ? { note } : {}) };
    case 'request_cancel':
      return { action: 'Cancel', ...(note ? { note } : {}) };
    case 'decline_conditions':
      return { action: 'Cancel', note: `${CONDITIONS_DECLINED}${note ? ` ${note}` : ''}` };
    case 'request_renewal':
      return { action: 'Renew', ...(note ? { note } : {}) };
    case 'report_lost':
      return version === '2021'
        ? { action: 'Lost', ...(note ? { note } : {}) }
        : { action: 'Notification', note: `${ITEM_LOST}${note ? ` ${note}` : ''}` };
    case 'accept_conditions':
      return { action: 'Notification', note: conditionsAccepted(conditions, note) };
    default:
      return null;
  }
}

export const CONDITIONS_ACCEPTED = 'Conditions accepted:';
export const CONDITIONS_DECLINED = 'Conditions declined: request cancelled.';
export const ITEM_LOST = 'Lost: the item was lost while with the requesting library.';

export const conditionsAccepted = (conditions: readonly string[], note?: string) =>
  `${CONDITIONS_ACCEPTED} ${conditions.length ? conditions.join(', ') : 'as offered'}.${note ? ` ${note}` : ''}`;

/**
 * For the lending role (an outside borrower, see lending-side.ts): the borrower action an inbound
 * requesting-agency action stands for on our mirror of the outside borrower's side.
 */
export const BORROWER_ACTION_FOR_ISO: Partial<Record<IsoAction, BorrowerAction>> = {
  Received: 'mark_received',
  ShippedReturn: 'ship_return',
  Cancel: 'request_cancel',
  Renew: 'request_renewal',
  Lost: 'report_lost',
};

export const isStaffBorrowerAction = (a: string): a is BorrowerAction =>
  a in BORROWER_ACTIONS && BORROWER_ACTIONS[a as BorrowerAction].by === 'staff';
