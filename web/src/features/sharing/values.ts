import {
  BORROWER_STATE_VALUES,
  LENDER_STATE_VALUES,
  LOAN_CONDITIONS,
  REASON_CODES,
  SHIPPING_METHODS,
  STAFF_ACTIONS,
} from '../../../../shared/contracts/sharing-values.ts';
import type { Me } from '../../api/accounts.ts';
import { isConsortiumStaff } from '../../api/enums.ts';

/** The contract's value lists (from the zod-free half of the contract), under the names the pages use. */
export const BORROWER_STATES = BORROWER_STATE_VALUES;
export const LENDER_STATES = LENDER_STATE_VALUES;
export const STAFF_ACTION_LIST = STAFF_ACTIONS;
export const REASON_CODE_LIST = REASON_CODES;
export const UNFILLED_REASONS = REASON_CODE_LIST.slice(0, 6);
export const RETRY_REASONS = REASON_CODE_LIST.slice(6);
export const LOAN_CONDITION_LIST = LOAN_CONDITIONS;
export const SHIPPING_METHOD_LIST = SHIPPING_METHODS;

/** Mirrors the server's "ownLibrary + sharing" rule: a member library's admins and its ILL staff. */
export const canUseSharing = (user: Me | null): boolean =>
  !!user &&
  user.organization.kind === 'library' &&
  (user.role === 'library_admin' || user.capabilities.includes('sharing'));

/** Library admins change their lending policy. */
export const canEditPolicy = (user: Me | null): boolean =>
  !!user && user.organization.kind === 'library' && user.role === 'library_admin';

/** Analytics: staff of a member library (their own figures) and consortium staff (everyone's). */
export const canSeeAnalytics = (user: Me | null): boolean =>
  !!user && (canUseSharing(user) || isConsortiumStaff(user.role));
