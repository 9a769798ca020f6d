import type { MatchFeatures } from './features.ts';
import { titleKey } from './normalize.ts';

export type KeyOptions = {
  /** Known-bad ISBNs (as ISBN-13) that must not block or match records (e.g. a publisher's reused number). */
  ignoredIsbns?: ReadonlySet<string>;
};

/**
 * Blocking keys: records are only compared when they share one. Every key starts with the record's format
 * ("book|", "ebook|", "music|", "book-microform|"), so print and electronic — and any two formats the pair
 * rules would reject first thing — never land in the same block.
 *
 *   isbn:<ISBN-13>   oclc:<number>   lccn:<normalised>   id:<015/016/024/028 id>
 *   issn:<ISSN>      (serials only: on monographs 022 is often the series' ISSN and would block a whole series)
 *   title:<title key>|<first author's surname, "-" when there is none>   (also of the title proper alone,
 *                    when there is a subtitle: catalogues often drop it)
 *   title-year:<title key>|<year>
 *   author-year:<first author's full name, words sorted>|<year>
 *
 * The title key is the recall net for records without shared identifiers; it is what RecordManager calls the
 * title key. A single title key loses every pair with a keying error in the first words of the title, so the
 * author + year key is a second net: a typo rarely hits title and author at once. The title + year key is a
 * third, for records whose first author differs or is missing (brief records, another choice of main entry,
 * names in direct order). Its blocks stay small
 * (one author's publications of one year); the full name, not the surname, keeps corporate bodies apart. The GoldRush-style `matchKey` below is deliberately not a blocking key: as an exact key over ten
 * fields it only finds pairs that already share a title key, and misses the rest (its known false negatives).
 */
export function blockingKeys(f: MatchFeatures, options: KeyOptions = {}): string[] {
  const p = f.format + '|';
  const keys: string[] = [];
  for (const isbn of f.isbns) if (!options.ignoredIsbns?.has(isbn)) keys.push(p + 'isbn:' + isbn);
  for (const oclc of f.oclcNumbers) keys.push(p + 'oclc:' + oclc);
  if (f.lccn) keys.push(p + 'lccn:' + f.lccn);
  for (const id of f.otherIds) keys.push(p + 'id:' + id);
  if (f.recordType === 'serial') for (const issn of f.issns) keys.push(p + 'issn:' + issn);
  const author = f.authorKey || '-';
  if (f.titleKey) keys.push(p + 'title:' + f.titleKey + '|' + author);
  if (f.hasSubtitle) {
    const main = titleKey(f.titleMainFolded);
    if (main && main !== f.titleKey) keys.push(p + 'title:' + main + '|' + author);
  }
  if (f.titleKey && f.year !== undefined) keys.push(p + 'title-year:' + f.titleKey + '|' + f.year);
  const words = f.authors[0]?.words;
  if (words && f.year !== undefined) {
    // Name words sorted: "García Márquez, Gabriel" and "Gabriel García Márquez" give the same key.
    keys.push(p + 'author-year:' + words.replace(/ /g, '').slice(0, 30) + '|' + f.year);
  }
  return keys;
}

/** The keys two records share (both lists as produced by `blockingKeys`). */
export function sharedKeys(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (const k of a) if (b.includes(k) && !out.includes(k)) out.push(k);
  return out;
}

function fixed(value: string | number | undefined, width: number): string {
  const s = value === undefined ? '' : String(value);
  return s.length >= width ? s.slice(0, width) : s + '_'.repeat(width - s.length);
}

/**
 * A GoldRush-style match key (as in ReShare's shared index): a fixed-width concatenation of title, year,
 * pages, edition, publisher, record type, part, number, author and an electronic/print flag. Two records with
 * the same key are almost surely the same manifestation, but any cataloguing variation in one of the ten
 * fields separates them, so it is offered for diagnostics and exact-duplicate detection on re-loads only.
 */
export function matchKey(f: MatchFeatures): string {
  return [
    fixed(f.titleFolded.replace(/ /g, ''), 70),
    fixed(f.year, 4),
    fixed(f.pages, 4),
    fixed(f.editionNumber ?? f.editionWords.replace(/ /g, ''), 3),
    fixed(f.publisher?.replace(/ /g, ''), 5),
    fixed(f.recordType, 8),
    fixed(f.partNames[0]?.replace(/ /g, ''), 30),
    fixed(f.partNumbers[0], 10),
    fixed(f.authors[0]?.name.replace(/ /g, ''), 20),
    f.electronic ? 'e' : f.microform ? 'm' : 'p',
  ].join('');
}
