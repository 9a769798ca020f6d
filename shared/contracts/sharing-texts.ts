/**
 * Texts the server makes for resource sharing — why a lender is on the rota or was skipped, the engine's
 * timeline notes, the analytics definitions — as stable codes with parameters. The server stores and
 * returns the code (and an English rendering for API readers); the web app translates the code. This file
 * is zod-free so the web app imports it too; its Spanish twin (web messages-texts.es.ts) is typed by these
 * keys, so a code added here without a Spanish text does not compile.
 *
 * `{name}` marks a parameter. By convention `at` / `since` are ISO timestamps and `date` a YYYY-MM-DD day
 * (the web formats them), `score` a signed number.
 */
export const SHARING_TEXTS_EN = {
  // Rota: why a lender has its place.
  'rota.preferred_partner': 'Preferred partner of the borrowing library',
  'rota.last_resort': 'Lender of last resort: asked after everyone else',
  'rota.balance_below':
    'Balance {score} (borrowed {borrowed}, lent {lent} in the last year, goal {goal}): lends less than its goal',
  'rota.balance_above':
    'Balance {score} (borrowed {borrowed}, lent {lent} in the last year, goal {goal}): lends more than its goal',
  'rota.balance_even':
    'Balance {score} (borrowed {borrowed}, lent {lent} in the last year, goal {goal}): at its goal',
  'rota.tied': 'Tied with others: ordered by symbol',
  'rota.outside_partner': 'Outside partner by ISO 18626 (version {version}): asked after every member',
  'rota.demo_random': 'Demo traffic: lender order drawn at random by the demo generator',
  // Rota: why a library holding the item was not asked.
  'rota.skip.inactive': 'Not an active member',
  'rota.skip.lending_off': 'Lending is turned off',
  'rota.skip.format_unknown': 'Does not lend this format (unknown)',
  'rota.skip.format': 'Does not lend this format ({format})',
  'rota.skip.locations': 'Held only in non-lending locations ({locations})',
  'rota.skip.closed': 'Closed today',
  'rota.skip.loan_limit': 'At its active-loan limit ({active} of {limit})',
  'rota.skip.partner_unreachable_error': 'Outside partner unreachable since {since} ({error})',
  'rota.skip.partner_unreachable': 'Outside partner unreachable since {since}',
  // Timeline notes written by the engine and the timers.
  'note.loan_created': 'Loan request created',
  'note.copy_created': 'Copy request created',
  'note.sent_to': 'Sent to {symbol}',
  'note.answer_by': 'Answer by {at}',
  'note.rota_exhausted': 'No lender left on the rota.',
  'note.no_answer': 'No answer in time',
  'note.lender_timed_out': 'The lender did not answer in time',
  'note.due': 'Due {date}',
  'note.due_soon_sent': 'Due-soon notice sent to the patron',
  'note.duplicate': 'Same patron and item as a recent request',
  'note.held_here_catalog': 'Held here: in the catalog',
  'note.held_here': 'Held here: {where}',
  'note.contu':
    'CONTU: {count} copies from this journal this year already; royalties or permission apply to this one.',
  // Timeline notes of an outside library's request (ISO 18626 lending role).
  'note.partner.loan_request': 'Loan request from {name} (ISO 18626, their id {id})',
  'note.partner.copy_request': 'Copy request from {name} (ISO 18626, their id {id})',
  'note.partner.says': 'Note from {name}: {text}',
  'note.partner.their_note': 'Their note: {text}',
  'note.partner.not_lending': '{symbol} is not lending at present.',
  'note.partner.retry': 'Asked again with changed terms (ISO 18626 Retry, their id {id}, before {previous}).',
  'note.partner.reminder': 'Reminder from the requesting library.',
  'note.partner.received': 'Received by {name}.',
  'note.partner.returned': 'Returned by {name}.',
  'note.partner.withdrew': '{name} withdrew the request.',
  'note.partner.asks_cancel': '{name} asks to cancel.',
  'note.partner.cancel_too_late': '{name} asked to cancel; too late, answered no.',
  'note.partner.renew_refused': '{name} asked to renew; not possible now, answered no.',
  'note.partner.asks_renew': '{name} asks to renew.',
  'note.partner.accepts_conditions': '{name} accepts the conditions.',
  'note.partner.holds_return': '{name} holds the return.',
  'note.partner.lost': '{name} reports the item lost.',
  'note.partner.out_of_place': '{name} sent “{action}”, which does not fit this request now.',
  'note.partner.taken_as_received': 'Taken as received: the outside library did not confirm receipt.',
  // Analytics: how each figure is counted (the key after "analytics." is the figure).
  'analytics.requests': 'Requests created in the period (by the library, when one is chosen).',
  'analytics.ended':
    'Requests that reached an end state in the period (complete, lost, filled locally, cancelled, end of rota).',
  'analytics.filled': 'Ended requests that a lender supplied (shipped the loan or sent the copy).',
  'analytics.fillRate': 'filled ÷ ended.',
  'analytics.timeToShip': 'created → shipped by the lender, for requests shipped in the period.',
  'analytics.timeToReceipt':
    'shipped → received by the borrower (a copy is received when sent), for requests received in the period.',
  'analytics.totalTurnaround':
    'created → received, for requests received in the period. Buckets: < 48 h, 48–72 h, > 72 h.',
  'analytics.supplied':
    'Loans and copies the library supplied to other members in the period (consortium: all).',
  'analytics.received':
    'Loans and copies the library received from other members in the period (consortium: all).',
  'analytics.net': 'supplied − received: positive for a net lender, negative for a net borrower.',
} as const;

export type SharingTextCode = keyof typeof SHARING_TEXTS_EN;
/** Every code, in one list: add new reasons and notes to SHARING_TEXTS_EN above. */
export const SHARING_TEXT_CODES = Object.keys(SHARING_TEXTS_EN) as SharingTextCode[];
export type SharingTextParams = Record<string, string | number>;
export type SharingText = { code: SharingTextCode; params: SharingTextParams };

export const sharingText = (code: SharingTextCode, params: SharingTextParams = {}): SharingText => ({
  code,
  params,
});

/** `{name}` → the parameter (missing ones stay as written). */
export function fillTemplate(
  template: string,
  params: SharingTextParams,
  show: (value: string | number, name: string) => string = (v) => String(v),
) {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? show(params[name]!, name) : whole,
  );
}

const signed = (value: string | number, name: string) =>
  name === 'score' && typeof value === 'number' && value >= 0 ? `+${value}` : String(value);

/** The English text of a code (what API readers see beside the code, and the web's fallback). */
export const renderSharingText = (t: SharingText) =>
  fillTemplate(SHARING_TEXTS_EN[t.code], t.params, (v, name) => signed(v, name));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LEGACY = SHARING_TEXT_CODES.map((code) => {
  const names: string[] = [];
  const source = SHARING_TEXTS_EN[code]
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return escape(part);
      names.push(m[1]!);
      return '(.+?)';
    })
    .join('');
  return { code, names, pattern: new RegExp(`^${source}$`) };
});

/**
 * A text stored before codes existed (or written by older code): the code whose English template it
 * matches, with the parameters read back as strings; null for free text (e.g. a staff note).
 */
export function textFromLegacy(text: string): SharingText | null {
  for (const { code, names, pattern } of LEGACY) {
    const m = pattern.exec(text);
    if (m) return { code, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1]!])) };
  }
  return null;
}

const isCode = (c: unknown): c is SharingTextCode => typeof c === 'string' && c in SHARING_TEXTS_EN;
const isText = (t: unknown): t is SharingText =>
  !!t &&
  typeof t === 'object' &&
  isCode((t as SharingText).code) &&
  typeof (t as SharingText).params === 'object';

/**
 * How a coded note is kept in a text column: JSON of a list of codes. A stored note that is not such a
 * list (free text from staff, or a note from before) is read back as it was.
 */
export const encodeTexts = (texts: readonly SharingText[]) => JSON.stringify(texts);
export function decodeTexts(stored: string): SharingText[] | null {
  if (!stored.startsWith('[{"code":')) return null;
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) && value.length && value.every(isText) ? (value as SharingText[]) : null;
  } catch {
    return null;
  }
}

/** A stored reason or note (coded JSON, an object from a jsonb column, or legacy text) as codes. */
export function readTexts(stored: string | SharingText): SharingText[] {
  if (typeof stored !== 'string') return isText(stored) ? [stored] : [];
  const coded = decodeTexts(stored);
  if (coded) return coded;
  const legacy = textFromLegacy(stored);
  return legacy ? [legacy] : [];
}
