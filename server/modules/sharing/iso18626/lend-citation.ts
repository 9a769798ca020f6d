import type { Citation } from '../../../../shared/contracts/sharing.ts';
import type { ServiceType } from '../machine.ts';
import type { CodedId, IsoRequest } from './messages.ts';

/**
 * An outside library's request read into our terms (lending side): the citation, loan or copy, need-before
 * date and rush. Nothing of patronInfo is read here — the caller never passes it on, so it is never stored.
 */
export type PartnerTerms = {
  serviceType: ServiceType;
  citation: Citation;
  needBefore: string | null;
  rush: boolean;
  /** The partner's own note on the request (serviceInfo/note), for our lender's staff. */
  note: string;
};

/** Service levels that ask for a faster answer (our rush: answer deadline in hours, not business days). */
const RUSH_LEVELS = new Set(['rush', 'express', 'urgent']);

// The same limits as the staff form's citation (shared/contracts/sharing.ts), so every request fits them.
const clip = (value: string | undefined, max: number) => (value ?? '').trim().slice(0, max);

const idOf = (ids: CodedId[] | undefined, code: string) =>
  ids?.find((i) => i.code.toUpperCase() === code)?.value ?? '';

/** The year of a publication date ("2019", "2019-05-01", "May 2019"), else the text as given. */
const yearOf = (date: string | undefined) => /\b(\d{4})\b/.exec(date ?? '')?.[1] ?? clip(date, 20);

const asDate = (value: Date | string | undefined) => {
  if (!value) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
};

export function termsOf(request: IsoRequest): PartnerTerms {
  const bib = request.bibliographicInfo;
  const pub = request.publicationInfo;
  const service = request.serviceInfo;
  const citation: Citation = {
    title: clip(bib.title || bib.titleOfComponent, 500),
    author: clip(bib.author, 300),
    publisher: clip(pub?.publisher, 300),
    year: yearOf(pub?.publicationDate),
    edition: clip(bib.edition, 100),
    isbn: clip(idOf(bib.bibliographicItemId, 'ISBN'), 20),
    issn: clip(idOf(bib.bibliographicItemId, 'ISSN'), 12),
    oclc: clip(idOf(bib.bibliographicRecordId, 'OCLC'), 20),
    // A component (article or chapter) only when it has its own title beside the host's.
    articleTitle: bib.title ? clip(bib.titleOfComponent, 500) : '',
    articleAuthor: clip(bib.authorOfComponent, 300),
    volume: clip(bib.volume, 40),
    issue: clip(bib.issue, 40),
    pages: clip(bib.pagesRequested, 40),
  };
  return {
    serviceType: serviceTypeOf(service?.serviceType, citation, pub?.publicationType),
    citation,
    needBefore: asDate(service?.needBeforeDate),
    rush: RUSH_LEVELS.has((service?.serviceLevel ?? '').toLowerCase()),
    note: clip(service?.note, 2000),
  };
}

/**
 * Copy or Loan as asked; "CopyOrLoan" (and a v1.2 request without serviceInfo) is a loan unless the item is an
 * article — a component with pages, or a publication type naming an article or journal.
 */
export function serviceTypeOf(
  asked: string | undefined,
  citation: Citation,
  publicationType: string | undefined,
): ServiceType {
  if (asked === 'Copy') return 'copy';
  if (asked === 'Loan') return 'loan';
  const article =
    !!citation.articleTitle || !!citation.pages || /article|journal/i.test(publicationType ?? '');
  return article ? 'copy' : 'loan';
}
