/**
 * The two sides of an interlibrary loan, declared as data: states, who acts, and what each action does.
 * The service looks an action up here (never in if-chains), the API answers 409 for anything not listed,
 * and the UI shows exactly the actions `actionsFor` returns. ISO 18626 statuses are the lender's; each
 * lender state names the one it reports, and inbound statuses map back through `LENDER_STATE_FOR_ISO`.
 */

export * from './machine.ts';
export * from './borrower.ts';
export * from './lender.ts';
