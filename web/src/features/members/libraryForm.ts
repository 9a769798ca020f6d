import type { LibraryProfile, LibraryUpdate, PostalAddress } from '../../api/members.ts';
import type { I18n } from '../../i18n/context.tsx';
import type { FieldErrors } from '../../ui/useForm.ts';
import { isEmail, isUrl, isZip, parseWholeNumber } from '../../ui/validate.ts';

/** The edit form keeps every field as text, named by its path in the API body (e.g. `streetAddress.city`). */
export type LibraryValues = Record<string, string>;

const ADDRESS_PARTS = ['line1', 'line2', 'city', 'state', 'postalCode'] as const;
const TEXT = ['name', 'website', 'phone', 'email', 'descriptionEn', 'descriptionEs'] as const;
const NUMBERS = ['populationServed', 'studentFte', 'collectionSize'] as const;
const NULLABLE_TEXT = new Set(['website', 'phone', 'email', 'courierStop', 'billingEmail']);

const addressValues = (prefix: string, a: PostalAddress): LibraryValues =>
  Object.fromEntries(ADDRESS_PARTS.map((part) => [`${prefix}.${part}`, a[part] ?? '']));

export function valuesFrom(p: LibraryProfile): LibraryValues {
  return {
    name: p.name,
    website: p.website ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    descriptionEn: p.descriptionEn,
    descriptionEs: p.descriptionEs,
    populationServed: p.populationServed?.toString() ?? '',
    studentFte: p.studentFte?.toString() ?? '',
    collectionSize: p.collectionSize?.toString() ?? '',
    ...addressValues('streetAddress', p.streetAddress),
    ...(p.shipping
      ? { ...addressValues('shippingAddress', p.shipping.address), courierStop: p.shipping.courierStop ?? '' }
      : {}),
    ...(p.private
      ? { billingEmail: p.private.billingEmail ?? '', internalNotes: p.private.internalNotes }
      : {}),
  };
}

function checkAddress(t: I18n['t'], v: LibraryValues, prefix: string, found: FieldErrors) {
  if (!(`${prefix}.line1` in v)) return;
  if (!v[`${prefix}.line1`]?.trim()) found[`${prefix}.line1`] = t('validation.required');
  if (!v[`${prefix}.city`]?.trim()) found[`${prefix}.city`] = t('validation.required');
  if (!/^[A-Za-z]{2}$/.test(v[`${prefix}.state`]?.trim() ?? ''))
    found[`${prefix}.state`] = t('validation.stateCode');
  if (!isZip(v[`${prefix}.postalCode`] ?? '')) found[`${prefix}.postalCode`] = t('validation.zip');
}

export function validateLibrary(t: I18n['t'], v: LibraryValues): FieldErrors {
  const found: FieldErrors = {};
  const name = v.name?.trim() ?? '';
  if (name.length < 2) found.name = t('validation.nameRequired');
  if (v.website?.trim() && !isUrl(v.website)) found.website = t('validation.url');
  if (v.email?.trim() && !isEmail(v.email)) found.email = t('validation.email');
  if (v.billingEmail?.trim() && !isEmail(v.billingEmail)) found.billingEmail = t('validation.email');
  for (const field of NUMBERS) {
    if (Number.isNaN(parseWholeNumber(v[field] ?? ''))) found[field] = t('validation.wholeNumber');
  }
  for (const field of ['descriptionEn', 'descriptionEs', 'internalNotes']) {
    if ((v[field]?.length ?? 0) > 4000) found[field] = t('validation.maxLength', { max: 4000 });
  }
  checkAddress(t, v, 'streetAddress', found);
  checkAddress(t, v, 'shippingAddress', found);
  return found;
}

const addressFrom = (v: LibraryValues, prefix: string): PostalAddress => {
  const line2 = v[`${prefix}.line2`]?.trim();
  return {
    line1: v[`${prefix}.line1`]?.trim() ?? '',
    ...(line2 ? { line2 } : {}),
    city: v[`${prefix}.city`]?.trim() ?? '',
    state: (v[`${prefix}.state`] ?? '').trim().toUpperCase(),
    postalCode: v[`${prefix}.postalCode`]?.trim() ?? '',
  };
};

/** Only what changed, plus the version that was edited. */
export function changesFrom(before: LibraryValues, v: LibraryValues, version: number): LibraryUpdate {
  const update: Record<string, unknown> = { version };
  const changed = (key: string) => (before[key] ?? '').trim() !== (v[key] ?? '').trim();
  for (const field of TEXT) {
    if (!changed(field)) continue;
    const text = v[field]?.trim() ?? '';
    update[field] =
      NULLABLE_TEXT.has(field) && !text ? null : field.startsWith('description') ? v[field] : text;
  }
  for (const field of NUMBERS) if (changed(field)) update[field] = parseWholeNumber(v[field] ?? '');
  for (const prefix of ['streetAddress', 'shippingAddress']) {
    if (ADDRESS_PARTS.some((part) => changed(`${prefix}.${part}`))) update[prefix] = addressFrom(v, prefix);
  }
  if ('courierStop' in v && changed('courierStop')) update.courierStop = v.courierStop?.trim() || null;
  if ('billingEmail' in v && changed('billingEmail')) update.billingEmail = v.billingEmail?.trim() || null;
  if ('internalNotes' in v && (before.internalNotes ?? '') !== (v.internalNotes ?? ''))
    update.internalNotes = v.internalNotes;
  return update as LibraryUpdate;
}
