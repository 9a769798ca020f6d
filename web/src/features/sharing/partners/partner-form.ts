import type { Partner, PartnerCreate, PartnerUpdate } from './api.ts';

/**
 * The partner form, as typed. Field names are the API's paths, so the server's error details land on the
 * right fields. Secrets start empty: an empty secret field keeps what is stored; "clear" removes it.
 */
export type PartnerValues = {
  name: string;
  symbol: string;
  city: string;
  state: string;
  region: string;
  timeZone: string;
  'address.line1': string;
  'address.line2': string;
  'address.postalCode': string;
  agencyIdType: string;
  agencyIdValue: string;
  endpointUrl: string;
  isoVersion: '1.2' | '2021';
  expectToSupplyAsWillSupply: boolean;
  termsInNote: boolean;
  plainVersionAttribute: boolean;
  enabled: boolean;
  lends: boolean;
  borrows: boolean;
  outboundAccountId: string;
  outboundSecurityCode: string;
  inboundAccountId: string;
  inboundSecurityCode: string;
  clearOutboundAccountId: boolean;
  clearOutboundSecurityCode: boolean;
  clearInboundSecurityCode: boolean;
};

export const SECRET_FIELDS = ['outboundAccountId', 'outboundSecurityCode', 'inboundSecurityCode'] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];
export const QUIRKS = ['expectToSupplyAsWillSupply', 'termsInNote', 'plainVersionAttribute'] as const;
export const MIN_INBOUND_CODE = 12;

export const emptyPartner = (): PartnerValues => ({
  name: '',
  symbol: '',
  city: '',
  state: '',
  region: '',
  timeZone: 'America/Chicago',
  'address.line1': '',
  'address.line2': '',
  'address.postalCode': '',
  agencyIdType: 'ISIL',
  agencyIdValue: '',
  endpointUrl: '',
  isoVersion: '2021',
  expectToSupplyAsWillSupply: false,
  termsInNote: false,
  plainVersionAttribute: false,
  enabled: true,
  lends: true,
  borrows: true,
  outboundAccountId: '',
  outboundSecurityCode: '',
  inboundAccountId: '',
  inboundSecurityCode: '',
  clearOutboundAccountId: false,
  clearOutboundSecurityCode: false,
  clearInboundSecurityCode: false,
});

export const partnerValues = (p: Partner): PartnerValues => ({
  ...emptyPartner(),
  name: p.name,
  symbol: p.symbol,
  city: p.city,
  state: p.state,
  region: p.region,
  timeZone: p.timeZone,
  'address.line1': p.address.line1,
  'address.line2': p.address.line2 ?? '',
  'address.postalCode': p.address.postalCode,
  agencyIdType: p.agencyIdType,
  agencyIdValue: p.agencyIdValue,
  endpointUrl: p.endpointUrl,
  isoVersion: p.isoVersion,
  ...p.quirks,
  enabled: p.enabled,
  lends: p.lends,
  borrows: p.borrows,
  inboundAccountId: p.inboundAccountId ?? '',
});

export type PartnerProblem = 'required' | 'url' | 'symbol' | 'state' | 'zip' | 'codeLength';

const REQUIRED = [
  'name',
  'symbol',
  'city',
  'state',
  'address.line1',
  'address.postalCode',
  'agencyIdType',
  'agencyIdValue',
  'endpointUrl',
] as const;

/** Local checks (the server checks again); keys are the form's field names. */
export function checkPartner(v: PartnerValues): Partial<Record<keyof PartnerValues, PartnerProblem>> {
  const problems: Partial<Record<keyof PartnerValues, PartnerProblem>> = {};
  for (const f of REQUIRED) if (!v[f].trim()) problems[f] = 'required';
  if (v.endpointUrl.trim() && !/^https?:\/\/[^\s/]+/i.test(v.endpointUrl.trim()))
    problems.endpointUrl = 'url';
  if (v.symbol.trim() && !/^[A-Z0-9-]{2,20}$/.test(v.symbol.trim())) problems.symbol = 'symbol';
  if (v.state.trim() && !/^[A-Z]{2}$/.test(v.state.trim())) problems.state = 'state';
  if (v['address.postalCode'].trim() && !/^\d{5}(-\d{4})?$/.test(v['address.postalCode'].trim()))
    problems['address.postalCode'] = 'zip';
  if (v.inboundSecurityCode && v.inboundSecurityCode.length < MIN_INBOUND_CODE)
    problems.inboundSecurityCode = 'codeLength';
  return problems;
}

function common(v: PartnerValues) {
  const line2 = v['address.line2'].trim();
  return {
    name: v.name.trim(),
    symbol: v.symbol.trim(),
    city: v.city.trim(),
    state: v.state.trim(),
    region: v.region.trim(),
    timeZone: v.timeZone,
    address: {
      line1: v['address.line1'].trim(),
      ...(line2 ? { line2 } : {}),
      city: v.city.trim(),
      state: v.state.trim(),
      postalCode: v['address.postalCode'].trim(),
    },
    agencyIdType: v.agencyIdType.trim(),
    agencyIdValue: v.agencyIdValue.trim(),
    endpointUrl: v.endpointUrl.trim(),
    isoVersion: v.isoVersion,
    quirks: {
      expectToSupplyAsWillSupply: v.expectToSupplyAsWillSupply,
      termsInNote: v.termsInNote,
      plainVersionAttribute: v.plainVersionAttribute,
    },
    enabled: v.enabled,
    lends: v.lends,
    borrows: v.borrows,
    inboundAccountId: v.inboundAccountId.trim() || null,
  };
}

const clearKey = (f: SecretField) =>
  `clear${f.charAt(0).toUpperCase()}${f.slice(1)}` as `clear${Capitalize<SecretField>}`;

/** A new partner: secrets typed are sent, empty ones are not. */
export function toCreate(v: PartnerValues): PartnerCreate {
  const body: PartnerCreate = common(v);
  for (const f of SECRET_FIELDS) if (v[f]) body[f] = v[f];
  return body;
}

/** An edit: a typed secret replaces the stored one, "clear" removes it (null), empty keeps it (omitted). */
export function toUpdate(v: PartnerValues, version: number): PartnerUpdate {
  const body: PartnerUpdate = { ...common(v), version };
  for (const f of SECRET_FIELDS) {
    if (v[clearKey(f)]) body[f] = null;
    else if (v[f]) body[f] = v[f];
  }
  return body;
}

export { clearKey };
