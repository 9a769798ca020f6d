import type { Author, MatchFeatures, Series } from './features.ts';
import { editDistance } from './normalize.ts';

/** Titles longer than this are compared on their first MAX_TITLE characters (edit distance is quadratic). */
const MAX_TITLE = 200;

export type TitleComparison = {
  kind: 'exact' | 'similar' | 'different';
  /** "full" ($a $b $n $p) when both have a subtitle, else "main" ($a $n $p). */
  basis: 'full' | 'main';
  /** Edit distance, or (when `bounded`) the bound + 1: the computation stops once the titles are "different". */
  distance: number;
  length: number;
  bounded?: boolean;
};

/**
 * Compares titles the way RecordManager does (edit distance under 10 % of the length is "similar"), with one
 * refinement: when only one record has a subtitle the titles proper are compared, because catalogues often
 * drop the subtitle.
 */
export function compareTitles(a: MatchFeatures, b: MatchFeatures): TitleComparison {
  if (a.titleFolded === b.titleFolded) {
    return { kind: 'exact', basis: 'full', distance: 0, length: a.titleFolded.length };
  }
  const full = a.hasSubtitle && b.hasSubtitle;
  const x = (full ? a.titleFolded : a.titleMainFolded).slice(0, MAX_TITLE);
  const y = (full ? b.titleFolded : b.titleMainFolded).slice(0, MAX_TITLE);
  const basis = full ? 'full' : 'main';
  const length = Math.max(x.length, y.length);
  if (x === y) return { kind: 'similar', basis, distance: 0, length };
  const limit = Math.ceil(length * 0.1);
  const distance = editDistance(x, y, limit);
  return {
    kind: distance < length * 0.1 ? 'similar' : 'different',
    basis,
    distance,
    length,
    bounded: distance > limit,
  };
}

/**
 * Whether two titles are plausibly of the same thing, used to distrust a shared identifier between records
 * whose titles have nothing in common (a mistyped or reused ISBN): similar titles, one title proper starting
 * the other, titles proper within 30 % edits (at least 2), or at least half the significant words of the
 * shorter title found in the other.
 */
export function titlesRelated(a: MatchFeatures, b: MatchFeatures, comparison: TitleComparison): boolean {
  if (comparison.kind !== 'different') return true;
  const x = a.titleMainFolded;
  const y = b.titleMainFolded;
  if (!x || !y) return true;
  if (x.startsWith(y) || y.startsWith(x)) return true;
  const length = Math.max(x.length, y.length);
  const fuzzy = Math.max(2, Math.floor(length * 0.3));
  if (editDistance(x.slice(0, MAX_TITLE), y.slice(0, MAX_TITLE), fuzzy) <= fuzzy) return true;
  const wordsX = significantWords(a.titleFolded);
  const wordsY = significantWords(b.titleFolded);
  const [small, large] = wordsX.length <= wordsY.length ? [wordsX, wordsY] : [wordsY, wordsX];
  if (small.length === 0) return true;
  let shared = 0;
  for (const w of small) if (large.includes(w)) shared++;
  return shared * 2 >= small.length;
}

function significantWords(folded: string): string[] {
  return folded.split(' ').filter((w) => w.length > 2);
}

function givenNamesCompatible(g1: string, g2: string): boolean {
  if (!g1 || !g2) return true;
  const t1 = g1.split(' ');
  const t2 = g2.split(' ');
  const n = Math.min(t1.length, t2.length);
  for (let i = 0; i < n; i++) {
    const x = t1[i]!;
    const y = t2[i]!;
    if (x === y || x.startsWith(y) || y.startsWith(x)) continue;
    return false;
  }
  return true;
}

/**
 * Two names agree when they are equal, when surnames match and the forenames are compatible as initials or
 * prefixes ("Smith, J. R." = "Smith, John Robert"), when one corporate name starts the other, or when the
 * whole names are within an edit distance of 20 % ("Goldmark, Carl" = "Goldmark, Karl"), or when they are the
 * same words in another order.
 */
export function namesAgree(x: Author, y: Author): boolean {
  if (x.name === y.name) return true;
  if (x.personal !== y.personal) return false;
  if (x.personal) {
    if (x.surname === y.surname && givenNamesCompatible(x.given, y.given)) return true;
  } else if (x.name.startsWith(y.name + ' ') || y.name.startsWith(x.name + ' ')) {
    return true;
  }
  const length = Math.max(x.name.length, y.name.length);
  if (editDistance(x.name, y.name, Math.floor(length * 0.2)) <= length * 0.2) return true;
  // The same words in another order: "García Márquez, Gabriel" entered as "Gabriel García Márquez",
  // "Geological Survey (U.S.)" as "U.S. Geological Survey".
  return x.words === y.words;
}

export type AuthorAgreement = {
  /** "main": first authors agree; "added": one's first author is among the other's authors; "none"; "unknown". */
  kind: 'main' | 'added' | 'none' | 'unknown';
  a: string | undefined;
  b: string | undefined;
};

export function compareAuthors(a: MatchFeatures, b: MatchFeatures): AuthorAgreement {
  const x = a.authors[0];
  const y = b.authors[0];
  if (!x || !y) return { kind: 'unknown', a: x?.name, b: y?.name };
  if (namesAgree(x, y)) return { kind: 'main', a: x.name, b: y.name };
  for (const other of b.authors)
    if (other !== y && namesAgree(x, other)) return { kind: 'added', a: x.name, b: other.name };
  for (const other of a.authors)
    if (other !== x && namesAgree(other, y)) return { kind: 'added', a: other.name, b: y.name };
  return { kind: 'none', a: x.name, b: y.name };
}

/** Same publisher when the significant words are equal or the first one is. */
export function publishersAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const i = a.indexOf(' ');
  const j = b.indexOf(' ');
  return (i < 0 ? a : a.slice(0, i)) === (j < 0 ? b : b.slice(0, j));
}

function sameSeries(s: Series, t: Series): boolean {
  if (s.issn && t.issn) return s.issn === t.issn;
  if (!s.title || !t.title) return true;
  return s.title === t.title || s.title.startsWith(t.title) || t.title.startsWith(s.title);
}

/**
 * Series conflict (RecordManager): both carry series ISSNs and none is shared, or the same series (same ISSN,
 * or same title) is numbered differently. Returns a description of the conflict, or undefined.
 */
export function seriesConflict(a: MatchFeatures, b: MatchFeatures): string | undefined {
  if (a.series.length === 0 || b.series.length === 0) return undefined;
  const issnsA = a.series.map((s) => s.issn).filter((x): x is string => !!x);
  const issnsB = b.series.map((s) => s.issn).filter((x): x is string => !!x);
  if (issnsA.length && issnsB.length && !issnsA.some((x) => issnsB.includes(x))) {
    return `series ISSNs ${issnsA.join(', ')} vs ${issnsB.join(', ')}`;
  }
  let conflict: string | undefined;
  for (const s of a.series) {
    for (const t of b.series) {
      if (!s.number || !t.number || !sameSeries(s, t)) continue;
      if (s.number === t.number) return undefined;
      conflict ??= `series "${s.title || s.issn}" no. ${s.number} vs no. ${t.number}`;
    }
  }
  return conflict;
}

/** Carriers agree unless both are known and differ; a generic carrier ("videodisc") accepts its kinds. */
const GENERIC_CARRIER: Record<string, string> = {
  dvd: 'videodisc',
  bluray: 'videodisc',
  vhs: 'videocassette',
  cd: 'audiodisc',
  lp: 'audiodisc',
};
export function carriersAgree(x: string | undefined, y: string | undefined): boolean {
  if (!x || !y || x === y) return true;
  return GENERIC_CARRIER[x] === y || GENERIC_CARRIER[y] === x;
}

export function intersect(a: readonly string[], b: readonly string[]): string | undefined {
  for (const x of a) if (b.includes(x)) return x;
  return undefined;
}

/**
 * Extents agree within `tolerance` pages, also when one record counts the preliminaries into the pages
 * ("xii, 300 p." = "312 p."). Returns the difference found (Infinity when unknown on a side).
 */
export function pageDifference(a: MatchFeatures, b: MatchFeatures): number {
  if (a.pages === undefined || b.pages === undefined) return Infinity;
  let d = Math.abs(a.pages - b.pages);
  // Only when the other record shows no preliminaries of its own (it may have counted them in).
  const pa = a.pagesWithPreliminaries;
  const pb = b.pagesWithPreliminaries;
  if (pa !== undefined && pb === undefined) d = Math.min(d, Math.abs(pa - b.pages));
  if (pb !== undefined && pa === undefined) d = Math.min(d, Math.abs(a.pages - pb));
  return d;
}

/**
 * Titles that many different publications carry ("Annual report", "Selected poems", "Obras completas"). Title,
 * author and year agreeing on such a title prove little, so the score alone may not merge them: the extent,
 * the publisher or an identifier must agree too.
 */
const GENERIC_TITLES = new Set([
  'annual report',
  'report',
  'final report',
  'proceedings',
  'papers',
  'newsletter',
  'bulletin',
  'journal',
  'yearbook',
  'directory',
  'catalog',
  'catalogue',
  'handbook',
  'guide',
  'minutes',
  'statistics',
  'poems',
  'selected poems',
  'collected poems',
  'complete poems',
  'new and selected poems',
  'works',
  'selected works',
  'collected works',
  'complete works',
  'selected writings',
  'writings',
  'letters',
  'selected letters',
  'essays',
  'selected essays',
  'stories',
  'short stories',
  'collected stories',
  'plays',
  'obras',
  'obras completas',
  'obras escogidas',
  'poesias',
  'poesia',
  'poemas',
  'cuentos',
  'informe',
  'informe anual',
  'memoria',
  'gedichte',
  'werke',
  'samtliche werke',
  'gesammelte werke',
  'briefe',
  'oeuvres',
  'oeuvres completes',
  'poemes',
  'poesies',
  'rapport annuel',
]);

export function isGenericTitle(f: MatchFeatures): boolean {
  return GENERIC_TITLES.has(f.titleMainFolded);
}

/** For generic titles: what else agrees (extent within 2, publisher, a shared identifier), or undefined. */
export function corroboration(a: MatchFeatures, b: MatchFeatures): string | undefined {
  if (pageDifference(a, b) <= 2) return 'extent';
  if (a.publisher && b.publisher && publishersAgree(a.publisher, b.publisher)) return 'publisher';
  if (intersect(a.isbns, b.isbns) || intersect(a.issns, b.issns) || intersect(a.oclcNumbers, b.oclcNumbers))
    return 'identifier';
  if ((a.lccn && a.lccn === b.lccn) || intersect(a.otherIds, b.otherIds)) return 'identifier';
  return undefined;
}
