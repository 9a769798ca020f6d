import { describe, expect, it } from 'vitest';
import { translate } from '../../../i18n/core.ts';
import type { MessageKey } from '../../../i18n/en.ts';
import type { Partner } from './api.ts';
import {
  checkPartner,
  emptyPartner,
  partnerValues,
  toCreate,
  toUpdate,
  type PartnerValues,
} from './partner-form.ts';

const filled = (over: Partial<PartnerValues> = {}): PartnerValues => ({
  ...emptyPartner(),
  name: 'Mesa Verde University Library',
  symbol: 'COMVU',
  city: 'Durango',
  state: 'CO',
  'address.line1': '1000 Rim Drive',
  'address.postalCode': '81301',
  agencyIdValue: 'US-CoDuMV',
  endpointUrl: 'https://ill.mesaverde.example/iso18626',
  ...over,
});

const stored: Partner = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Mesa Verde University Library',
  symbol: 'COMVU',
  city: 'Durango',
  state: 'CO',
  region: '',
  timeZone: 'America/Denver',
  address: { line1: '1000 Rim Drive', city: 'Durango', state: 'CO', postalCode: '81301' },
  agencyIdType: 'ISIL',
  agencyIdValue: 'US-CoDuMV',
  endpointUrl: 'https://ill.mesaverde.example/iso18626',
  isoVersion: '1.2',
  quirks: { expectToSupplyAsWillSupply: true, termsInNote: false, plainVersionAttribute: false },
  enabled: true,
  lends: true,
  borrows: false,
  inboundAccountId: 'mesaverde',
  credentials: { outboundAccountId: true, outboundSecurityCode: true, inboundSecurityCode: false },
  status: { health: 'ok', unreachableSince: null, lastError: null, lastContactAt: '2026-11-29T10:00:00Z' },
  outbox: { waiting: 0, failed: 0 },
  version: 4,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-29T10:00:00Z',
};

describe('the partner form', () => {
  it('names what is missing or malformed, with messages in both languages', () => {
    const problems = checkPartner({
      ...emptyPartner(),
      endpointUrl: 'ftp://x.example',
      symbol: 'bad symbol',
      state: 'Colorado',
      'address.postalCode': '8130',
      inboundSecurityCode: 'short',
    });
    expect(problems).toMatchObject({
      name: 'required',
      city: 'required',
      endpointUrl: 'url',
      symbol: 'symbol',
      state: 'state',
      'address.postalCode': 'zip',
      inboundSecurityCode: 'codeLength',
    });
    expect(checkPartner(filled())).toEqual({});
    for (const problem of new Set(Object.values(problems))) {
      const key = `ill.partners.problem.${problem}` as MessageKey;
      expect(translate('en', key)).not.toBe(translate('es', key));
    }
  });

  it('sends typed secrets only; an edit keeps an empty secret and clears a ticked one', () => {
    const create = toCreate(filled({ outboundSecurityCode: 'code-1', inboundAccountId: ' ' }));
    expect(create.outboundSecurityCode).toBe('code-1');
    expect('outboundAccountId' in create).toBe(false);
    expect(create.inboundAccountId).toBeNull();
    expect(create.address).toEqual({
      line1: '1000 Rim Drive',
      city: 'Durango',
      state: 'CO',
      postalCode: '81301',
    });

    const values = partnerValues(stored);
    expect(values.outboundSecurityCode).toBe('');
    expect(values.expectToSupplyAsWillSupply).toBe(true);
    const update = toUpdate(
      { ...values, clearOutboundAccountId: true, inboundSecurityCode: 'a-long-inbound-code' },
      4,
    );
    expect(update).toMatchObject({
      version: 4,
      outboundAccountId: null,
      inboundSecurityCode: 'a-long-inbound-code',
    });
    expect('outboundSecurityCode' in update).toBe(false);
    expect(update.quirks).toEqual(stored.quirks);
    expect(update.isoVersion).toBe('1.2');
  });
});
