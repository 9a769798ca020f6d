import type { ActionInput, LendingPolicy, RequestInput, StaffAction } from '../../api/sharing.ts';
import { isEmail } from '../../ui/validate.ts';

/** The new-request form, as typed (all text). */
export type RequestValues = {
  serviceType: 'loan' | 'copy';
  title: string;
  author: string;
  publisher: string;
  year: string;
  edition: string;
  isbn: string;
  issn: string;
  oclc: string;
  articleTitle: string;
  articleAuthor: string;
  volume: string;
  issue: string;
  pages: string;
  needBefore: string;
  pickupLocation: string;
  rush: boolean;
  patronName: string;
  patronEmail: string;
  patronLocale: 'en' | 'es';
  staffNote: string;
};

export const CITATION_FIELDS = [
  'title',
  'author',
  'publisher',
  'year',
  'edition',
  'isbn',
  'issn',
  'oclc',
  'articleTitle',
  'articleAuthor',
  'volume',
  'issue',
  'pages',
] as const;

export const emptyRequest = (): RequestValues => ({
  serviceType: 'loan',
  ...(Object.fromEntries(CITATION_FIELDS.map((f) => [f, ''])) as Record<
    (typeof CITATION_FIELDS)[number],
    string
  >),
  needBefore: '',
  pickupLocation: '',
  rush: false,
  patronName: '',
  patronEmail: '',
  patronLocale: 'en',
  staffNote: '',
});

export type RequestProblem = 'title' | 'email' | 'patronEmail';

/** Local checks; the keys are the form's field names (and the server's paths after mapping). */
export function checkRequest(v: RequestValues, hasRecord: boolean): Partial<Record<string, RequestProblem>> {
  const problems: Partial<Record<string, RequestProblem>> = {};
  if (!hasRecord && !v.title.trim() && !v.isbn.trim() && !v.issn.trim() && !v.oclc.trim())
    problems.title = 'title';
  if (v.patronEmail.trim() && !isEmail(v.patronEmail)) problems.patronEmail = 'email';
  else if (v.patronEmail.trim() && !v.patronName.trim()) problems.patronName = 'patronEmail';
  return problems;
}

/**
 * Form → API body. Only typed citation fields are sent, so a catalog record's values fill the rest on the
 * server; the patron is sent only when named (the least data needed).
 */
export function toRequestInput(v: RequestValues, clusterId: string | null): RequestInput {
  const citation: Record<string, string> = {};
  for (const f of CITATION_FIELDS) if (v[f].trim()) citation[f] = v[f].trim();
  const body: RequestInput = {
    serviceType: v.serviceType,
    citation,
    pickupLocation: v.pickupLocation.trim(),
    rush: v.rush,
    staffNote: v.staffNote.trim(),
  };
  if (clusterId) body.clusterId = clusterId;
  if (v.needBefore) body.needBefore = v.needBefore;
  if (v.patronName.trim())
    body.patron = {
      name: v.patronName.trim(),
      locale: v.patronLocale,
      ...(v.patronEmail.trim() ? { email: v.patronEmail.trim() } : {}),
    };
  return body;
}

/** Server error paths → form fields (`citation.title` → `title`, `patron.email` → `patronEmail`). */
export function requestFieldOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const [head, tail] = path.split('.');
  if (head === 'citation') return tail;
  if (head === 'patron')
    return tail === 'email' ? 'patronEmail' : tail === 'locale' ? 'patronLocale' : 'patronName';
  return head;
}

/** The inputs an action needs beyond a note: each is a field of the action's form. */
export type ActionField = 'dueDate' | 'reasonCode' | 'conditions' | 'cost' | 'shipping' | 'file';
export const ACTION_FIELDS: Partial<Record<StaffAction, ActionField[]>> = {
  ship: ['dueDate', 'shipping'],
  approve_renewal: ['dueDate'],
  cannot_supply: ['reasonCode'],
  retry_possible: ['reasonCode'],
  offer_conditions: ['conditions', 'cost'],
  ship_return: ['shipping'],
  send_copy: ['file'],
};
/** Actions that end or refuse something: confirmed through their form, shown as secondary buttons. */
export const CAREFUL_ACTIONS: ReadonlySet<StaffAction> = new Set([
  'cancel',
  'request_cancel',
  'cannot_supply',
  'report_lost',
  'mark_lost',
  'deny_renewal',
  'decline_conditions',
  'skip_lender',
  'recall',
]);
export const needsForm = (action: StaffAction) =>
  Boolean(ACTION_FIELDS[action]) || CAREFUL_ACTIONS.has(action);

export type ActionValues = {
  note: string;
  dueDate: string;
  reasonCode: string;
  conditions: string[];
  cost: string;
  shippingMethod: string;
  trackingId: string;
};
export const emptyAction = (action: StaffAction): ActionValues => ({
  note: '',
  dueDate: '',
  reasonCode: '',
  conditions: [],
  cost: '',
  shippingMethod: action === 'ship' || action === 'ship_return' ? 'courier' : '',
  trackingId: '',
});

/** "12.50" → 1250 cents; '' → null; anything else → NaN. */
export function parseCost(text: string): number | null {
  const value = text.trim().replace(/^\$/, '');
  if (!value) return null;
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return Number.NaN;
  return Math.round(Number(value) * 100);
}

export function checkAction(
  action: StaffAction,
  v: ActionValues,
): Partial<Record<string, 'reason' | 'cost'>> {
  const fields = ACTION_FIELDS[action] ?? [];
  const problems: Partial<Record<string, 'reason' | 'cost'>> = {};
  if (fields.includes('reasonCode') && !v.reasonCode) problems.reasonCode = 'reason';
  if (fields.includes('cost') && Number.isNaN(parseCost(v.cost))) problems.cost = 'cost';
  return problems;
}

/** Action form → API body: only the inputs this action takes, nothing empty. */
export function toActionInput(action: StaffAction, version: number, v: ActionValues): ActionInput {
  const fields = ACTION_FIELDS[action] ?? [];
  const body: ActionInput = { action, version };
  if (v.note.trim()) body.note = v.note.trim();
  if (fields.includes('dueDate') && v.dueDate) body.dueDate = v.dueDate;
  if (fields.includes('reasonCode') && v.reasonCode) body.reasonCode = v.reasonCode;
  if (fields.includes('conditions')) {
    if (v.conditions.length) body.conditions = v.conditions;
    const cost = parseCost(v.cost);
    if (cost !== null && !Number.isNaN(cost)) body.costCents = cost;
  }
  if (fields.includes('shipping')) {
    if (v.shippingMethod) body.shippingMethod = v.shippingMethod as ActionInput['shippingMethod'];
    if (v.trackingId.trim()) body.trackingId = v.trackingId.trim();
  }
  return body;
}

/** The lending policy form: lists as one item per line, limits as text. */
export type PolicyValues = Omit<
  LendingPolicy,
  | 'formatsLent'
  | 'nonLendingLocations'
  | 'activeLoanLimit'
  | 'answerBusinessDays'
  | 'rushAnswerHours'
  | 'loanPeriodDays'
  | 'goalLoans'
  | 'goalBorrows'
> & {
  formatsLent: string;
  nonLendingLocations: string;
  activeLoanLimit: string;
  answerBusinessDays: string;
  rushAnswerHours: string;
  loanPeriodDays: string;
  goalLoans: string;
  goalBorrows: string;
};
export const POLICY_NUMBERS = [
  'activeLoanLimit',
  'answerBusinessDays',
  'rushAnswerHours',
  'loanPeriodDays',
  'goalLoans',
  'goalBorrows',
] as const;

export const policyValues = (p: LendingPolicy): PolicyValues => ({
  ...p,
  formatsLent: p.formatsLent.join('\n'),
  nonLendingLocations: p.nonLendingLocations.join('\n'),
  activeLoanLimit: p.activeLoanLimit === null ? '' : String(p.activeLoanLimit),
  answerBusinessDays: String(p.answerBusinessDays),
  rushAnswerHours: String(p.rushAnswerHours),
  loanPeriodDays: String(p.loanPeriodDays),
  goalLoans: String(p.goalLoans),
  goalBorrows: String(p.goalBorrows),
});

const lines = (text: string) => [
  ...new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  ),
];
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** Fields that are not whole numbers (the limit may be empty). */
export const checkPolicy = (v: PolicyValues) =>
  POLICY_NUMBERS.filter((f) => !(f === 'activeLoanLimit' && !v[f].trim()) && Number.isNaN(whole(v[f])));

export const toPolicy = (v: PolicyValues): LendingPolicy => ({
  lending: v.lending,
  formatsLent: lines(v.formatsLent),
  nonLendingLocations: lines(v.nonLendingLocations),
  activeLoanLimit: v.activeLoanLimit.trim() ? whole(v.activeLoanLimit) : null,
  answerBusinessDays: whole(v.answerBusinessDays),
  rushAnswerHours: whole(v.rushAnswerHours),
  loanPeriodDays: whole(v.loanPeriodDays),
  lenderOfLastResort: v.lenderOfLastResort,
  preferredPartners: v.preferredPartners,
  goalLoans: whole(v.goalLoans),
  goalBorrows: whole(v.goalBorrows),
  version: v.version,
});
