import {
  cardProblem,
  type CardProblem,
  type CardRules,
} from '../../../../../shared/contracts/sharing-patron-card.ts';
import type { PatronPageSettings, PatronRequestInput, PublicPatronPage } from './api.ts';

/** Form values and checks of the patron request page and its settings (pure, unit-tested). */

export type RequestValues = {
  serviceType: 'loan' | 'copy';
  title: string;
  author: string;
  isbn: string;
  issn: string;
  year: string;
  articleTitle: string;
  articleAuthor: string;
  volume: string;
  issue: string;
  pages: string;
  needBefore: string;
  pickupLocation: string;
  name: string;
  cardNumber: string;
  email: string;
  /** Empty: follow the page's language. */
  locale: '' | 'en' | 'es';
  consent: boolean;
  website: string;
};

export const emptyRequest = (page: PublicPatronPage): RequestValues => ({
  serviceType: 'loan',
  title: '',
  author: '',
  isbn: '',
  issn: '',
  year: '',
  articleTitle: '',
  articleAuthor: '',
  volume: '',
  issue: '',
  pages: '',
  needBefore: '',
  pickupLocation: page.pickupLocations.length === 1 ? page.pickupLocations[0]! : '',
  name: '',
  cardNumber: '',
  email: '',
  locale: '',
  consent: false,
  website: '',
});

export type RequestProblem =
  { kind: 'required' | 'email' | 'consent' | 'pickup' | 'past' } | { kind: 'card'; problem: CardProblem };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The problems the server would also find, so the patron sees them before sending. */
export function checkRequest(v: RequestValues, page: PublicPatronPage, today: string) {
  const found: Partial<Record<keyof RequestValues, RequestProblem>> = {};
  if (!v.title.trim()) found.title = { kind: 'required' };
  if (v.serviceType === 'copy' && !v.articleTitle.trim()) found.articleTitle = { kind: 'required' };
  if (v.needBefore && v.needBefore < today) found.needBefore = { kind: 'past' };
  if (page.pickupLocations.length && !page.pickupLocations.includes(v.pickupLocation))
    found.pickupLocation = { kind: 'pickup' };
  if (!v.name.trim()) found.name = { kind: 'required' };
  if (!v.cardNumber.trim()) found.cardNumber = { kind: 'required' };
  else {
    const problem = cardProblem(v.cardNumber, page);
    if (problem) found.cardNumber = { kind: 'card', problem };
  }
  if (!EMAIL.test(v.email.trim())) found.email = { kind: v.email.trim() ? 'email' : 'required' };
  if (!v.consent) found.consent = { kind: 'consent' };
  return found;
}

/** What is sent: loan fields for a loan, article fields for a copy, the language chosen or the page's. */
export function toRequestInput(v: RequestValues, pageLocale: 'en' | 'es'): PatronRequestInput {
  const copy = v.serviceType === 'copy';
  return {
    serviceType: v.serviceType,
    title: v.title.trim(),
    author: v.author.trim(),
    isbn: copy ? '' : v.isbn.trim(),
    issn: copy ? v.issn.trim() : '',
    year: v.year.trim(),
    articleTitle: copy ? v.articleTitle.trim() : '',
    articleAuthor: copy ? v.articleAuthor.trim() : '',
    volume: copy ? v.volume.trim() : '',
    issue: copy ? v.issue.trim() : '',
    pages: copy ? v.pages.trim() : '',
    ...(v.needBefore ? { needBefore: v.needBefore } : {}),
    pickupLocation: v.pickupLocation,
    name: v.name.trim(),
    cardNumber: v.cardNumber.trim(),
    email: v.email.trim(),
    locale: v.locale || pageLocale,
    consent: v.consent as true,
    website: v.website,
  };
}

export type SettingsValues = Omit<
  PatronPageSettings,
  'cardMinLength' | 'cardMaxLength' | 'pickupLocations' | 'version'
> & {
  cardMinLength: string;
  cardMaxLength: string;
  /** One per line. */
  pickupLocations: string;
};

export const settingsValues = (s: PatronPageSettings): SettingsValues => ({
  enabled: s.enabled,
  cardPrefix: s.cardPrefix,
  cardMinLength: String(s.cardMinLength),
  cardMaxLength: String(s.cardMaxLength),
  pickupLocations: s.pickupLocations.join('\n'),
  allowCopies: s.allowCopies,
  introEn: s.introEn,
  introEs: s.introEs,
});

const lengthOf = (text: string) => (/^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : NaN);

export type SettingsProblem = 'number' | 'range' | 'prefixChars';

export function checkSettings(v: SettingsValues) {
  const found: Partial<Record<keyof SettingsValues, SettingsProblem>> = {};
  const min = lengthOf(v.cardMinLength);
  const max = lengthOf(v.cardMaxLength);
  if (!(min >= 1 && min <= 40)) found.cardMinLength = 'number';
  if (!(max >= 1 && max <= 40)) found.cardMaxLength = 'number';
  else if (min <= 40 && max < min) found.cardMaxLength = 'range';
  if (!/^[A-Za-z0-9]*$/.test(v.cardPrefix.trim())) found.cardPrefix = 'prefixChars';
  return found;
}

export const toSettings = (v: SettingsValues, version: number): PatronPageSettings => ({
  enabled: v.enabled,
  cardPrefix: v.cardPrefix.trim(),
  cardMinLength: lengthOf(v.cardMinLength),
  cardMaxLength: lengthOf(v.cardMaxLength),
  pickupLocations: [
    ...new Set(
      v.pickupLocations
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ],
  allowCopies: v.allowCopies,
  introEn: v.introEn.trim(),
  introEs: v.introEs.trim(),
  version,
});

export type { CardRules };
