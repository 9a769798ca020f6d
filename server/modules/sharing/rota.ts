/**
 * Building the lender list ("rota") — pure, so every rule is table-tested. Candidates are the libraries
 * holding the item; each is either placed (with the reasons for its place) or skipped (with the reason).
 * Order: the borrower's preferred partners first, then loan:borrow balance — score = borrowed × goalLoans /
 * goalBorrows − lent over the last year, highest first (a library that lends less than its goal is asked
 * first) — then the symbol as a stable tie-break; lenders of last resort always come last.
 */
import { sharingText, type SharingText } from '../../../shared/contracts/sharing-texts.ts';

export type LendingPolicyRow = {
  lending: boolean;
  formatsLent: string[];
  nonLendingLocations: string[];
  activeLoanLimit: number | null;
  answerBusinessDays: number;
  rushAnswerHours: number;
  loanPeriodDays: number;
  lenderOfLastResort: boolean;
  preferredPartners: string[];
  goalLoans: number;
  goalBorrows: number;
};

export const DEFAULT_POLICY: LendingPolicyRow = {
  lending: true,
  formatsLent: [],
  nonLendingLocations: [],
  activeLoanLimit: null,
  answerBusinessDays: 3,
  rushAnswerHours: 24,
  loanPeriodDays: 28,
  lenderOfLastResort: false,
  preferredPartners: [],
  goalLoans: 1,
  goalBorrows: 1,
};

export type Candidate = {
  id: string;
  symbol: string;
  active: boolean;
  policy: LendingPolicyRow;
  /** Locations of its items (null: no location recorded). */
  locations: (string | null)[];
  format: string;
  closedToday: boolean;
  activeLoans: number;
  lent: number;
  borrowed: number;
};

/** An outside library that lends by ISO 18626 (see iso18626/partners.ts). */
export type PartnerCandidate = {
  id: string;
  symbol: string;
  isoVersion: string;
  unreachableSince: Date | null;
  lastError: string | null;
};

/** Reasons are codes with parameters (shared/contracts/sharing-texts.ts lists them all). */
export type RotaEntry = { libraryId: string; position: number; reasons: SharingText[] };
export type Skipped = { libraryId: string; reason: SharingText };

export const balanceScore = (c: Pick<Candidate, 'policy' | 'lent' | 'borrowed'>) =>
  (c.borrowed * c.policy.goalLoans) / c.policy.goalBorrows - c.lent;

function skipReason(c: Candidate): SharingText | null {
  if (!c.active) return sharingText('rota.skip.inactive');
  if (!c.policy.lending) return sharingText('rota.skip.lending_off');
  if (c.policy.formatsLent.length && !c.policy.formatsLent.includes(c.format))
    return c.format
      ? sharingText('rota.skip.format', { format: c.format })
      : sharingText('rota.skip.format_unknown');
  const blocked = new Set(c.policy.nonLendingLocations.map((l) => l.trim().toLowerCase()));
  if (
    blocked.size &&
    c.locations.length &&
    c.locations.every((l) => l && blocked.has(l.trim().toLowerCase()))
  )
    return sharingText('rota.skip.locations', { locations: [...new Set(c.locations)].join(', ') });
  if (c.closedToday) return sharingText('rota.skip.closed');
  if (c.policy.activeLoanLimit !== null && c.activeLoans >= c.policy.activeLoanLimit)
    return sharingText('rota.skip.loan_limit', { active: c.activeLoans, limit: c.policy.activeLoanLimit });
  return null;
}

export function buildRota(
  borrower: { id: string; preferredPartners: string[] },
  candidates: readonly Candidate[],
  partners: readonly PartnerCandidate[] = [],
): { entries: RotaEntry[]; skipped: Skipped[] } {
  const skipped: Skipped[] = [];
  const placed: (Candidate & { tier: number; score: number })[] = [];
  for (const c of candidates) {
    if (c.id === borrower.id) continue;
    const reason = skipReason(c);
    if (reason) skipped.push({ libraryId: c.id, reason });
    else
      placed.push({
        ...c,
        tier: c.policy.lenderOfLastResort ? 2 : borrower.preferredPartners.includes(c.id) ? 0 : 1,
        score: balanceScore(c),
      });
  }
  placed.sort((a, b) => a.tier - b.tier || b.score - a.score || a.symbol.localeCompare(b.symbol));
  const entries = placed.map((c, i) => {
    const reasons: SharingText[] = [];
    if (c.tier === 0) reasons.push(sharingText('rota.preferred_partner'));
    if (c.tier === 2) reasons.push(sharingText('rota.last_resort'));
    const balance = {
      score: round(c.score),
      borrowed: c.borrowed,
      lent: c.lent,
      goal: `${c.policy.goalLoans}:${c.policy.goalBorrows}`,
    };
    reasons.push(
      sharingText(
        c.score > 0 ? 'rota.balance_below' : c.score < 0 ? 'rota.balance_above' : 'rota.balance_even',
        balance,
      ),
    );
    const same = placed.filter((o) => o !== c && o.tier === c.tier && o.score === c.score);
    if (same.length) reasons.push(sharingText('rota.tied'));
    return { libraryId: c.id, position: i + 1, reasons };
  });
  for (const p of [...partners].sort((a, b) => a.symbol.localeCompare(b.symbol))) {
    if (p.id === borrower.id) continue;
    if (p.unreachableSince)
      skipped.push({
        libraryId: p.id,
        reason: p.lastError
          ? sharingText('rota.skip.partner_unreachable_error', {
              since: p.unreachableSince.toISOString(),
              error: p.lastError.slice(0, 200),
            })
          : sharingText('rota.skip.partner_unreachable', { since: p.unreachableSince.toISOString() }),
      });
    else
      entries.push({
        libraryId: p.id,
        position: entries.length + 1,
        reasons: [sharingText('rota.outside_partner', { version: p.isoVersion })],
      });
  }
  return { entries, skipped };
}

const round = (n: number) => Math.round(n * 10) / 10;
