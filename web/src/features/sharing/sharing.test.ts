import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../i18n/en.ts';
import { translate, translatePlural, type PluralBase } from '../../i18n/core.ts';
import {
  BORROWER_STATES as SERVER_BORROWER,
  LENDER_STATES as SERVER_LENDER,
} from '../../../../server/modules/sharing/states.ts';
import type { Me } from '../../api/accounts.ts';
import { CHART, fillRateGroups, groupedBars, lastYear, niceMax, turnaroundGroups } from './chart.ts';
import {
  checkAction,
  checkPolicy,
  checkRequest,
  emptyAction,
  emptyRequest,
  policyValues,
  requestFieldOf,
  toActionInput,
  toPolicy,
  toRequestInput,
} from './forms.ts';
import { actionLabel, ageText, humanize, nextStep, stateHelp, stateLabel } from './labels.ts';
import { BORROWER_STATES, LENDER_STATES, STAFF_ACTION_LIST, canEditPolicy, canUseSharing } from './values.ts';

const en = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);
const es = (key: MessageKey, vars?: Record<string, string | number>) => translate('es', key, vars);
const tpEn = (base: PluralBase, n: number) => translatePlural('en', base, n);

describe('labels', () => {
  it('names every state of both server machines in both languages, with an explanation', () => {
    expect([...BORROWER_STATES].sort()).toEqual(Object.keys(SERVER_BORROWER).sort());
    expect([...LENDER_STATES].sort()).toEqual(Object.keys(SERVER_LENDER).sort());
    for (const s of BORROWER_STATES)
      for (const t of [en, es]) {
        expect(stateLabel(t, 'borrowing', s)).not.toMatch(/^ill\./);
        expect(stateHelp(t, 'borrowing', s).length).toBeGreaterThan(10);
      }
    for (const s of LENDER_STATES)
      for (const t of [en, es]) {
        expect(stateLabel(t, 'lending', s)).not.toMatch(/^ill\./);
        expect(stateHelp(t, 'lending', s).length).toBeGreaterThan(10);
      }
  });

  it('reads a state by side: "received" differs for borrower and lender', () => {
    expect(stateLabel(en, 'borrowing', 'received')).toBe('Received');
    expect(stateLabel(en, 'lending', 'received')).toBe('New request');
    expect(stateLabel(es, 'borrowing', 'shipped')).toBe('Enviada a usted');
  });

  it('labels every staff action and falls back to readable words for unknown names', () => {
    for (const a of STAFF_ACTION_LIST) expect(actionLabel(es, a)).not.toMatch(/^ill\./);
    expect(actionLabel(en, 'lender_timed_out')).toBe('Lender did not answer in time: skipped');
    expect(actionLabel(en, 'some_future_event')).toBe('Some future event');
    expect(humanize('end_of-rota')).toBe('End of rota');
    expect(stateLabel(en, 'borrowing', 'mystery_state')).toBe('Mystery state');
  });

  it('says how old a change is', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(ageText(tpEn, en, '2026-03-10T11:30:00Z', now)).toBe('under an hour ago');
    expect(ageText(tpEn, en, '2026-03-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(ageText(tpEn, en, '2026-03-06T12:00:00Z', now)).toBe('4 days ago');
  });

  it('hints the usual next step per side, and "send copy" for copies', () => {
    expect(nextStep(en, 'borrowing', 'shipped', 'loan')).toBe('Mark received');
    expect(nextStep(en, 'lending', 'pulling', 'loan')).toBe('Ship');
    expect(nextStep(en, 'lending', 'pulling', 'copy')).toBe('Send copy');
    expect(nextStep(en, 'borrowing', 'requested', 'loan')).toBe('Waiting for the other library');
    expect(nextStep(en, 'lending', 'unfilled', 'loan')).toBe('Closed');
  });
});

describe('new request form → API body', () => {
  it('sends only typed citation fields, the patron only when named', () => {
    const v = { ...emptyRequest(), title: '  Dune ', isbn: '9780441013593', staffNote: ' call first ' };
    expect(toRequestInput(v, null)).toEqual({
      serviceType: 'loan',
      citation: { title: 'Dune', isbn: '9780441013593' },
      pickupLocation: '',
      rush: false,
      staffNote: 'call first',
    });
    const withPatron = {
      ...v,
      patronName: 'Card 1234',
      patronLocale: 'es' as const,
      needBefore: '2026-04-01',
    };
    const body = toRequestInput(withPatron, 'c1');
    expect(body.patron).toEqual({ name: 'Card 1234', locale: 'es' });
    expect(body.clusterId).toBe('c1');
    expect(body.needBefore).toBe('2026-04-01');
  });

  it('asks for a title unless a record or identifier is there, and checks the patron email', () => {
    expect(checkRequest(emptyRequest(), false)).toEqual({ title: 'title' });
    expect(checkRequest(emptyRequest(), true)).toEqual({});
    expect(checkRequest({ ...emptyRequest(), oclc: '123' }, false)).toEqual({});
    expect(checkRequest({ ...emptyRequest(), title: 'x', patronEmail: 'nope' }, false)).toEqual({
      patronEmail: 'email',
    });
    expect(checkRequest({ ...emptyRequest(), title: 'x', patronEmail: 'a@b.org' }, false)).toEqual({
      patronName: 'patronEmail',
    });
  });

  it('maps server error paths to form fields', () => {
    expect(requestFieldOf('citation.title')).toBe('title');
    expect(requestFieldOf('patron.email')).toBe('patronEmail');
    expect(requestFieldOf('patron.name')).toBe('patronName');
    expect(requestFieldOf('needBefore')).toBe('needBefore');
    expect(requestFieldOf(undefined)).toBeUndefined();
  });
});

describe('action forms → API body', () => {
  it('sends only the inputs the action takes', () => {
    const v = {
      ...emptyAction('ship'),
      dueDate: '2026-05-01',
      trackingId: ' T1 ',
      reasonCode: 'NotHeld',
      note: ' ok ',
    };
    expect(toActionInput('ship', 4, v)).toEqual({
      action: 'ship',
      version: 4,
      note: 'ok',
      dueDate: '2026-05-01',
      shippingMethod: 'courier',
      trackingId: 'T1',
    });
    expect(toActionInput('cannot_supply', 2, v)).toEqual({
      action: 'cannot_supply',
      version: 2,
      note: 'ok',
      reasonCode: 'NotHeld',
    });
    expect(toActionInput('will_supply', 1, emptyAction('will_supply'))).toEqual({
      action: 'will_supply',
      version: 1,
    });
  });

  it('turns a cost in dollars into cents and refuses a bad one', () => {
    const v = { ...emptyAction('offer_conditions'), conditions: ['LibraryUseOnly'], cost: '$12.5' };
    expect(toActionInput('offer_conditions', 3, v)).toMatchObject({
      conditions: ['LibraryUseOnly'],
      costCents: 1250,
    });
    expect(checkAction('offer_conditions', { ...v, cost: '12,50' })).toEqual({ cost: 'cost' });
    expect(checkAction('cannot_supply', emptyAction('cannot_supply'))).toEqual({ reasonCode: 'reason' });
    expect(checkAction('ship', emptyAction('ship'))).toEqual({});
  });
});

describe('lending policy form', () => {
  const policy = {
    lending: true,
    formatsLent: ['book', 'music'],
    nonLendingLocations: ['Reference'],
    activeLoanLimit: null,
    answerBusinessDays: 3,
    rushAnswerHours: 24,
    loanPeriodDays: 28,
    lenderOfLastResort: false,
    preferredPartners: [],
    goalLoans: 1,
    goalBorrows: 1,
    version: 5,
  };
  it('round-trips, with lists one per line (trimmed, no repeats) and an empty limit as none', () => {
    expect(toPolicy(policyValues(policy))).toEqual(policy);
    const edited = { ...policyValues(policy), formatsLent: ' book \n\nbook\nmap ', activeLoanLimit: '40' };
    expect(toPolicy(edited)).toMatchObject({ formatsLent: ['book', 'map'], activeLoanLimit: 40 });
  });
  it('flags numbers that are not whole', () => {
    expect(checkPolicy({ ...policyValues(policy), loanPeriodDays: '2.5', goalLoans: '' })).toEqual([
      'loanPeriodDays',
      'goalLoans',
    ]);
  });
});

describe('chart data', () => {
  it('rounds the axis up to 1, 2 or 5 × 10ⁿ', () => {
    expect([niceMax(0), niceMax(7), niceMax(13), niceMax(420), niceMax(1000)]).toEqual([
      1, 10, 20, 500, 1000,
    ]);
  });
  it('scales bars to the axis and places groups side by side', () => {
    const { bars, max } = groupedBars(
      [
        { label: 'a', values: [{ series: 's', value: 50 }] },
        { label: 'b', values: [{ series: 's', value: 100 }] },
      ],
      100,
    );
    const plot = CHART.height - CHART.top - CHART.bottom;
    expect(max).toBe(100);
    expect(bars[0]!.height).toBeCloseTo(plot / 2);
    expect(bars[1]!.height).toBeCloseTo(plot);
    expect(bars[1]!.x).toBeGreaterThan(bars[0]!.x + bars[0]!.width);
    expect(bars[1]!.y + bars[1]!.height).toBeCloseTo(CHART.height - CHART.bottom);
  });
  it('turns analytics rows into fill-rate percentages and turnaround buckets', () => {
    const t = { count: 3, averageHours: 50, under48: 1, from48to72: 1, over72: 1 };
    const row = {
      period: '2026-01',
      requests: 10,
      ended: 8,
      filled: 6,
      fillRate: 0.75,
      timeToShip: t,
      timeToReceipt: { ...t, over72: 0 },
      totalTurnaround: t,
      supplied: 4,
      received: 6,
      net: -2,
    };
    expect(
      fillRateGroups([row, { ...row, period: '2026-02', fillRate: null }]).map((g) => g.values[0]!.value),
    ).toEqual([75, 0]);
    expect(turnaroundGroups(row)[1]).toEqual({
      label: 'timeToReceipt',
      values: [
        { series: 'under48', value: 1 },
        { series: 'from48to72', value: 1 },
        { series: 'over72', value: 0 },
      ],
    });
  });
  it('defaults to the twelve months up to today', () => {
    expect(lastYear(new Date('2026-03-10T00:00:00Z'))).toEqual({ from: '2025-04-01', to: '2026-03-10' });
  });
});

describe('who sees what', () => {
  const person = (
    role: Me['role'],
    kind: Me['organization']['kind'],
    capabilities: Me['capabilities'] = [],
  ) => ({ role, capabilities, organization: { id: 'o', kind, name: 'Lib' } }) as unknown as Me;
  it('ILL staff and library admins use sharing; only admins edit the policy', () => {
    expect(canUseSharing(person('library_staff', 'library', ['sharing']))).toBe(true);
    expect(canUseSharing(person('library_staff', 'library', ['catalog']))).toBe(false);
    expect(canUseSharing(person('library_admin', 'library'))).toBe(true);
    expect(canUseSharing(person('consortium_staff', 'consortium'))).toBe(false);
    expect(canEditPolicy(person('library_staff', 'library', ['sharing']))).toBe(false);
    expect(canEditPolicy(person('library_admin', 'library'))).toBe(true);
  });
});

describe('timeline entries', () => {
  it('name the server’s own notes (created, request received, due-soon notice) in both languages', () => {
    for (const name of ['created', 'request_received', 'due_soon_notice'])
      for (const t of [en, es]) expect(actionLabel(t, name)).not.toBe(humanize(name));
  });
});
