/** What the matcher compares, as extracted from one MARC record by `extractFeatures`. */

/** Base kind of material, from leader/06-07 (and 008/26 for computer files that are really documents). */
export type RecordType =
  | 'book'
  | 'article'
  | 'serial'
  | 'score'
  | 'map'
  | 'video'
  | 'image'
  | 'music'
  | 'audio'
  | 'software'
  | 'kit'
  | 'mixed'
  | 'object';

/** Personal name as "surname given names" (folded), or a folded corporate / meeting name. */
export type Author = {
  name: string;
  surname: string;
  given: string;
  personal: boolean;
  main: boolean;
  /** The name's words in alphabetical order, to recognise the same name in another order. */
  words: string;
};
export type Series = { issn: string | undefined; title: string; number: string | undefined };

export type MatchFeatures = {
  recordType: RecordType;
  /** Leader/07. */
  bibLevel: string;
  electronic: boolean;
  microform: boolean;
  /** recordType with the carrier: "book", "ebook", "serial", "eserial", "score-microform", "software", … */
  format: string;
  /** Physical carrier when known: "dvd", "bluray", "vhs", "videodisc", "cd", "lp", "audiodisc", "cassette". */
  carrier: string | undefined;
  /** ISBN-13s from 020 $a (and EAN-13s from 024 that are ISBNs); cancelled $z ignored. */
  isbns: string[];
  issns: string[];
  series: Series[];
  lccn: string | undefined;
  oclcNumbers: string[];
  /** Other unique ids: "015:…", "016:source:…", "024-1:…" (UPC), "028:label:…" (publisher number). */
  otherIds: string[];
  /** Title as catalogued ($a $b $n $p), non-filing characters skipped, trailing ISBD punctuation removed. */
  title: string;
  /** Folded $a $b $n $p. */
  titleFolded: string;
  /** Folded $a $n $p (no subtitle). */
  titleMainFolded: string;
  hasSubtitle: boolean;
  titleKey: string;
  titleNumbers: string[];
  authors: Author[];
  hasMainEntry: boolean;
  /** Folded surname (or first word of the corporate name) of the first author; "" when none. */
  authorKey: string;
  year: number | undefined;
  /** Largest page (leaf) count in 300 $a. */
  pages: number | undefined;
  /** The same plus roman-numbered preliminaries ("xii, 300 p." → 312), when there are any. */
  pagesWithPreliminaries: number | undefined;
  edition: string | undefined;
  editionNumber: number | undefined;
  editionWords: string;
  language: string | undefined;
  /** Part / volume numbers and names from 245 $n $p. */
  partNumbers: string[];
  partNames: string[];
  /** Number of a conference (111 $n). */
  meetingNumber: string | undefined;
  publisher: string | undefined;
  quality: { fieldCount: number; allCapsTitle: boolean; encodingLevel: string; source: string | undefined };
};
