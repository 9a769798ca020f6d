import { describe, expect, it } from 'vitest';
import type { LibraryProfile } from '../../api/members.ts';
import { translate } from '../../i18n/core.ts';
import { changesFrom, validateLibrary, valuesFrom } from './libraryForm.ts';
import { validateHours } from './hours.ts';

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate('en', key, vars);

const profile = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'library',
  name: 'Cedar Hollow Public Library',
  symbol: 'TXCHP',
  libraryType: 'public',
  status: 'active',
  city: 'Denton',
  state: 'TX',
  region: 'North Texas',
  populationServed: 142000,
  studentFte: null,
  timeZone: 'America/Chicago',
  collectionSize: 310000,
  website: 'https://www.cedarhollow.example',
  phone: '(940) 555-0100',
  email: null,
  descriptionEn: 'A public library.',
  descriptionEs: 'Una biblioteca pública.',
  streetAddress: { line1: '502 Oakland Street', city: 'Denton', state: 'TX', postalCode: '76201' },
  joinedOn: '1998-01-01',
  hours: [],
  closures: [],
  shipping: {
    address: { line1: '502 Oakland Street', city: 'Denton', state: 'TX', postalCode: '76201' },
    courierStop: 'TX-001',
  },
  private: null,
  can: { edit: true, changeStatus: false, managePeople: true },
  version: 7,
} satisfies LibraryProfile;

describe('library edit form', () => {
  it('sends only what changed, with the edited version', () => {
    const before = valuesFrom(profile);
    const after = { ...before, phone: '', 'streetAddress.city': 'Denton ', collectionSize: '320,000' };
    expect(changesFrom(before, after, profile.version)).toEqual({
      version: 7,
      phone: null,
      collectionSize: 320000,
    });
  });

  it('sends a whole address when one of its parts changed', () => {
    const before = valuesFrom(profile);
    const after = { ...before, 'shippingAddress.line2': 'Attn: ILL' };
    expect(changesFrom(before, after, 7)).toEqual({
      version: 7,
      shippingAddress: {
        line1: '502 Oakland Street',
        line2: 'Attn: ILL',
        city: 'Denton',
        state: 'TX',
        postalCode: '76201',
      },
    });
  });

  it('checks fields with messages keyed by their API path', () => {
    const values = {
      ...valuesFrom(profile),
      website: 'cedar',
      'streetAddress.postalCode': '7620',
      studentFte: 'many',
    };
    expect(Object.keys(validateLibrary(t, values)).sort()).toEqual([
      'streetAddress.postalCode',
      'studentFte',
      'website',
    ]);
  });
});

describe('hours editor', () => {
  it('accepts ordered, non-overlapping periods', () => {
    expect(
      validateHours(t, [
        { weekday: 1, opensAt: '08:30', closesAt: '12:00' },
        { weekday: 1, opensAt: '13:00', closesAt: '17:00' },
      ]),
    ).toEqual({});
  });

  it('reports a period that closes before it opens, and overlaps', () => {
    const errors = validateHours(t, [
      { weekday: 2, opensAt: '10:00', closesAt: '09:00' },
      { weekday: 3, opensAt: '09:00', closesAt: '17:00' },
      { weekday: 3, opensAt: '16:00', closesAt: '18:00' },
    ]);
    expect(errors).toEqual({
      'hours.0.closesAt': 'The closing time must be after the opening time',
      'hours.2.opensAt': 'This period overlaps another one on the same day',
    });
  });
});
