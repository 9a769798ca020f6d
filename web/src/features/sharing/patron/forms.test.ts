import { describe, expect, it } from 'vitest';
import type { PublicPatronPage } from './api.ts';
import {
  checkRequest,
  checkSettings,
  emptyRequest,
  settingsValues,
  toRequestInput,
  toSettings,
} from './forms.ts';

const PAGE: PublicPatronPage = {
  library: { symbol: 'TXCHP', name: 'Cedar Hollow Public Library' },
  cardPrefix: '2100',
  cardMinLength: 10,
  cardMaxLength: 14,
  pickupLocations: ['Main desk', 'Bookmobile'],
  allowCopies: true,
  introEn: '',
  introEs: '',
  retentionDays: 90,
};
const good = {
  ...emptyRequest(PAGE),
  title: 'Caddo ceramics',
  name: 'Reader',
  cardNumber: '2100 0045 12',
  email: 'reader@patrons.example',
  pickupLocation: 'Bookmobile',
  consent: true,
};

describe('the patron request form', () => {
  it('accepts a complete loan request, ignoring spaces in the card number', () => {
    expect(checkRequest(good, PAGE, '2026-11-29')).toEqual({});
  });

  it('finds every missing or wrong field the server would refuse', () => {
    const found = checkRequest(
      {
        ...emptyRequest(PAGE),
        serviceType: 'copy',
        cardNumber: '3100000000',
        email: 'nope',
        needBefore: '2026-11-01',
      },
      PAGE,
      '2026-11-29',
    );
    expect(found).toEqual({
      title: { kind: 'required' },
      articleTitle: { kind: 'required' },
      needBefore: { kind: 'past' },
      pickupLocation: { kind: 'pickup' },
      name: { kind: 'required' },
      cardNumber: { kind: 'card', problem: 'prefix' },
      email: { kind: 'email' },
      consent: { kind: 'consent' },
    });
    expect(checkRequest({ ...good, cardNumber: '2100' }, PAGE, '2026-11-29').cardNumber).toEqual({
      kind: 'card',
      problem: 'short',
    });
  });

  it('sends only the fields of the chosen type, in the page language unless another is chosen', () => {
    const loan = toRequestInput({ ...good, articleTitle: 'left over', issn: '1234-5678' }, 'es');
    expect(loan).toMatchObject({
      serviceType: 'loan',
      articleTitle: '',
      issn: '',
      locale: 'es',
      consent: true,
    });
    expect(toRequestInput({ ...good, locale: 'en' }, 'es').locale).toBe('en');
  });
});

describe('the settings form', () => {
  it('round-trips settings and refuses lengths that do not fit', () => {
    const settings = {
      enabled: true,
      cardPrefix: 'TX',
      cardMinLength: 8,
      cardMaxLength: 12,
      pickupLocations: ['Main desk', 'Bookmobile'],
      allowCopies: false,
      introEn: 'Hello',
      introEs: 'Hola',
      version: 3,
    };
    expect(toSettings(settingsValues(settings), 3)).toEqual(settings);
    const v = settingsValues(settings);
    expect(checkSettings({ ...v, cardMinLength: '9', cardMaxLength: '4' })).toEqual({
      cardMaxLength: 'range',
    });
    expect(checkSettings({ ...v, cardMinLength: '0', cardPrefix: 'T-X' })).toEqual({
      cardMinLength: 'number',
      cardPrefix: 'prefixChars',
    });
  });
});
