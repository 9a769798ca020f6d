import { LOAN_CONDITIONS, REASON_CODES } from '../../shared/contracts/sharing-values.ts';
import type { ServiceType } from '../modules/sharing/states.ts';
import { HOUR, type Lib, type Stop, type Story } from './sharing-story.ts';

/**
 * What happens to a demo request: how it comes in, how each lender on its rota answers, and how a loan
 * ends. Unset parts of a plan are drawn at random with the shares of real traffic; the showcase plans fix
 * them so that every state of both machines has requests resting in it, whatever the draw.
 */
export type Intake = 'staff' | 'duplicate' | 'local' | 'patron';
export type Answer =
  | 'will'
  | 'expect'
  | 'unfilled'
  | 'timeout'
  | 'conditions'
  | 'decline'
  | 'cancel'
  | 'refuse_cancel'
  | 'retry'
  | 'skip_retry'
  | 'unreachable'
  | 'skip_unreachable';
export type Ending =
  'return' | 'late' | 'renew' | 'deny_renewal' | 'recall' | 'hold' | 'lost' | 'lender_lost';
export type Plan = {
  intake?: Intake;
  /** How the lenders answer, in rota order. */
  answers?: Answer[];
  service?: ServiceType;
  ending?: Ending;
  stop?: Stop;
};

type Rand = () => number;
const DAY = 24;
const UNFILLED = REASON_CODES.slice(0, 6);
const RETRY = REASON_CODES.slice(6);

/** Shares of real traffic: the first share that the draw falls under wins. */
function draw<T>(rand: Rand, shares: [number, T][], otherwise: T): T {
  let r = rand();
  for (const [share, value] of shares) {
    if (r < share) return value;
    r -= share;
  }
  return otherwise;
}

const INTAKES: [number, Intake][] = [
  [0.03, 'duplicate'],
  [0.03, 'local'],
  [0.015, 'patron'],
];
const ANSWERS: [number, Answer][] = [
  [0.18, 'unfilled'],
  [0.04, 'timeout'],
  [0.025, 'conditions'],
  [0.01, 'decline'],
  [0.015, 'cancel'],
  [0.005, 'refuse_cancel'],
  [0.008, 'retry'],
  [0.007, 'skip_retry'],
  [0.003, 'unreachable'],
  [0.004, 'skip_unreachable'],
  [0.1, 'expect'],
];
const ENDINGS: [number, Ending][] = [
  [0.01, 'lost'],
  [0.005, 'lender_lost'],
  [0.03, 'recall'],
  [0.03, 'hold'],
  [0.07, 'late'],
  [0.08, 'renew'],
  [0.02, 'deny_renewal'],
];

/** Plays one request through to now (or to its plan's stop). */
export function play(s: Story, plan: Plan, lenders: Lib[], rand: Rand) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const hours = (min: number, max: number) => min + rand() * (max - min);
  const intake = plan.intake ?? (plan.stop ? 'staff' : draw(rand, INTAKES, 'staff'));
  let route = false;
  if (intake === 'duplicate') {
    s.B('flag_duplicate');
    if (rand() < 0.5) s.B('cancel', hours(4, 44));
    else route = s.B('approve', hours(2, 30));
  } else if (intake === 'local') {
    s.B('flag_held_locally');
    if (plan.stop || rand() < 0.85) s.B('fill_locally', hours(2, 32));
    else route = s.B('approve', hours(2, 32));
  } else if (intake === 'patron') {
    s.B('flag_patron_request');
    const r = rand();
    if (r < 0.75) route = s.B('approve', hours(2, 48));
    else if (r < 0.85) s.B('fill_locally', hours(2, 48));
    else s.B('cancel', hours(2, 48));
  } else route = s.B('submit');
  if (!route) return;

  /** The lender at place `i` answers; true when it goes on to supply. */
  const answer = (i: number): boolean | 'next' => {
    const lender = lenders[i]!;
    const a = () => s.attempt!;
    const supply = () => s.L('will_supply', hours(1, 20)) && s.B('lender_will_supply');
    const kind = plan.answers?.[i] ?? draw(rand, ANSWERS, 'will');
    switch (kind) {
      case 'will':
        return supply();
      case 'expect':
        if (!s.L('expect_to_supply', hours(1, 20)) || !s.B('lender_will_supply')) return false;
        // The borrower already expects it: "will supply" changes only the lender's side.
        return s.L('will_supply', hours(4, 48));
      case 'unfilled':
        if (!s.L('cannot_supply', hours(2, 32))) return false;
        a().reasonCode = pick(UNFILLED);
        return s.B('lender_unfilled') && 'next';
      case 'timeout':
        return s.L('timed_out', hours(72, 120)) && s.B('lender_timed_out') && 'next';
      case 'conditions':
      case 'decline': {
        if (!s.L('offer_conditions', hours(4, 24))) return false;
        a().conditions = [pick(LOAN_CONDITIONS)];
        a().costCents = rand() < 0.4 ? pick([500, 1000, 1500, 2500]) : null;
        s.B('lender_conditions');
        if (kind === 'decline')
          return s.B('decline_conditions', hours(2, 24)) && s.L('conditions_declined') && 'next';
        return s.B('accept_conditions', hours(2, 24)) && s.L('conditions_accepted');
      }
      case 'cancel':
      case 'refuse_cancel': {
        if (!s.B('request_cancel', hours(1, 10)) || !s.L('cancel_asked')) return false;
        if (kind === 'cancel') {
          if (s.L('accept_cancel', hours(1, 10))) s.B('lender_cancelled');
          return false;
        }
        return s.L('refuse_cancel', hours(1, 10)) && s.B('lender_refused_cancel') && supply();
      }
      case 'retry':
      case 'skip_retry':
        if (!s.L('retry_possible', hours(2, 30))) return false;
        a().reasonCode = pick(RETRY);
        s.B('lender_retry_possible');
        if (kind === 'skip_retry') return s.B('skip_lender', hours(4, 48)) && 'next';
        return s.send(lender, i + 1, 'retry_with_changes', hours(4, 48)) && supply();
      case 'unreachable':
      case 'skip_unreachable':
        // The request never reached the lender: its attempt is closed, the borrower decides what next.
        if (!s.B('lender_unreachable', hours(0.2, 2))) return false;
        s.L('withdrawn');
        if (kind === 'skip_unreachable') return s.B('skip_lender', hours(2, 24)) && 'next';
        return s.send(lender, i + 1, 'retry_contact', hours(2, 24)) && supply();
    }
  };

  let supplied = false;
  for (let i = 0; i < lenders.length && !s.done; i++) {
    if (!s.send(lenders[i]!, i + 1)) break;
    const result = answer(i);
    if (result !== 'next') {
      supplied = result === true;
      break;
    }
  }
  if (!s.done && s.b === 'sourcing') s.B('rota_exhausted');
  if (supplied && !s.done) deliver(s, plan, rand);
}

/** The supplying lender sends the copy, or ships the loan and gets it back (or not). */
function deliver(s: Story, plan: Plan, rand: Rand) {
  const hours = (min: number, max: number) => min + rand() * (max - min);
  const a = s.attempt!;
  const req = s.req;
  if (req.serviceType === 'copy') {
    if (!s.L('send_copy', hours(4, 34))) return;
    a.shippedAt = new Date(s.t);
    req.shippedAt = req.receivedAt = new Date(s.t);
    req.supplierId = a.lenderId;
    s.B('lender_sent_copy');
    s.B('deliver_copy', hours(0.5, 24));
    return;
  }
  if (!s.L('print_pull_slip', hours(0.5, 24)) || !s.L('ship', hours(2, 42))) return;
  a.shippedAt = new Date(s.t);
  a.dueDate = new Date(s.t + 28 * DAY * HOUR).toISOString().slice(0, 10);
  a.shippingMethod = 'courier';
  req.shippedAt = new Date(s.t);
  req.supplierId = a.lenderId;
  s.B('lender_shipped');
  if (s.B('mark_received', hours(24, 120))) req.receivedAt = new Date(s.t);
  s.B('check_out_to_patron', hours(0.5, 48));
  const ending = plan.ending ?? draw(rand, ENDINGS, 'return');
  if (ending === 'renew' || ending === 'deny_renewal') {
    if (!s.B('request_renewal', hours(10 * DAY, 20 * DAY)) || !s.L('renewal_asked')) return;
    if (ending === 'deny_renewal') {
      if (s.L('deny_renewal', hours(2, 22))) s.B('lender_denied_renewal');
    } else if (s.L('approve_renewal', hours(2, 22)) && s.B('renewed'))
      a.dueDate = new Date(s.t + 28 * DAY * HOUR).toISOString().slice(0, 10);
  }
  /** The patron brings it back and it goes home: checked in after `days`, shipped, checked in there. */
  const giveBack = (days: number) => {
    s.B('check_in_from_patron', days * DAY);
    if (s.B('ship_return', hours(0.5, 48))) s.L('return_shipped');
    if (s.L('check_in', hours(24, 120))) s.B('lender_checked_in');
  };
  if (ending === 'lost') {
    if (s.B('report_lost', hours(30 * DAY, 50 * DAY))) s.L('lost_reported');
  } else if (ending === 'recall') {
    if (s.L('recall', hours(5 * DAY, 15 * DAY)) && s.B('lender_recalled')) giveBack(1 + rand() * 4);
  } else if (ending === 'late' || ending === 'lender_lost') {
    // The day after the due date (the lender's overdue sweep).
    const overdueAt = Date.parse(`${a.dueDate}T00:00:00Z`) + 30 * HOUR;
    if (!s.advance(Math.max(0.1, (overdueAt - s.t) / HOUR)) || !s.L('became_overdue')) return;
    s.B('became_overdue');
    if (ending === 'lender_lost') {
      if (s.L('mark_lost', hours(20 * DAY, 40 * DAY))) s.B('lender_marked_lost');
    } else giveBack(3 + rand() * 10);
  } else if (ending === 'hold') {
    s.B('check_in_from_patron', hours(7 * DAY, 25 * DAY));
    if (s.L('hold_return', hours(2, 24)) && s.B('lender_held_return'))
      if (s.L('release_return', hours(1 * DAY, 6 * DAY)) && s.B('lender_released_return')) {
        if (s.B('ship_return', hours(0.5, 48))) s.L('return_shipped');
        if (s.L('check_in', hours(24, 120))) s.B('lender_checked_in');
      }
  } else giveBack(ending === 'return' ? 7 + rand() * 18 : 5 + rand() * 10);
}

/** Showcase requests: each rests in a state that random traffic reaches too rarely to count on. */
export const SHOWCASE: Plan[] = [
  ...[0, 1, 2].map(() => ({ intake: 'patron' as const, stop: { b: 'patron_review' as const } })),
  { intake: 'duplicate', stop: { b: 'duplicate_review' } },
  { intake: 'local', stop: { b: 'local_review' } },
  { intake: 'local', stop: { b: 'filled_locally' } },
  { answers: ['will'], stop: { l: 'received' } },
  { answers: ['expect'], stop: { l: 'expect_to_supply' } },
  { answers: ['will'], stop: { l: 'will_supply' } },
  { answers: ['will'], stop: { l: 'pulling' } },
  { answers: ['conditions'], stop: { b: 'conditional' } },
  { answers: ['retry'], stop: { b: 'retry_review' } },
  { answers: ['unreachable'], stop: { b: 'unable_to_contact' } },
  { answers: ['unfilled', 'unfilled'], stop: { b: 'end_of_rota' } },
  { answers: ['cancel'], stop: { b: 'cancel_pending' } },
  { answers: ['cancel'], stop: { b: 'cancelled' } },
  { answers: ['will'], stop: { b: 'shipped' } },
  { answers: ['will'], stop: { b: 'received' } },
  { answers: ['will'], stop: { b: 'checked_out' } },
  { answers: ['will'], ending: 'late', stop: { b: 'overdue' } },
  { answers: ['will'], ending: 'recall', stop: { b: 'recalled' } },
  { answers: ['will'], ending: 'return', stop: { b: 'awaiting_return_shipping' } },
  { answers: ['will'], ending: 'hold', stop: { b: 'return_on_hold' } },
  { answers: ['will'], ending: 'return', stop: { b: 'return_shipped' } },
  { answers: ['will'], ending: 'return', stop: { b: 'complete' } },
  { answers: ['will'], ending: 'lost', stop: { b: 'completed_without_return' } },
  { service: 'copy', answers: ['will'], stop: { b: 'copy_available' } },
  { service: 'copy', answers: ['will'], stop: { l: 'copy_delivered' } },
  { answers: ['timeout', 'will'], stop: { l: 'will_supply' } },
];
