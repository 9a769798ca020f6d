import type { MatchFeatures } from './features.ts';
import { titleNumbers } from './normalize.ts';
import {
  carriersAgree,
  intersect,
  pageDifference,
  publishersAgree,
  type AuthorAgreement,
  type TitleComparison,
} from './similarity.ts';

export type FeatureId =
  | 'title'
  | 'isbn'
  | 'issn'
  | 'ids'
  | 'year'
  | 'language'
  | 'record-type'
  | 'bib-level'
  | 'authors'
  | 'media'
  | 'pages'
  | 'publisher';

/** One feature's contribution to the weighted score (e.g. 0.5 for identical titles). */
export type FeatureScore = { feature: FeatureId; score: number; detail: string };

export type Scored = {
  features: FeatureScore[];
  /** Sum, in hundredths (integer arithmetic: 0.4 + 0.1 + … never lands on 0.8999999). */
  total: number;
  /** Highest and lowest single contribution, in hundredths. */
  best: number;
  worst: number;
};

/** Thresholds of the weighted score (Melinda): sum ≥ 0.9 with one feature ≥ 0.4; a feature ≤ −1 vetoes. */
export const MATCH_THRESHOLD = 90;
export const STRONG_FEATURE = 40;
export const VETO = -100;

const list = (values: readonly string[]) => values.join(', ');

/**
 * Weighted feature scoring after Melinda (the Finnish union catalogue), with the weights of the reference:
 * title exact 0.5 / similar 0.4 / numbers differ −1 (one side only −0.5); ISBN shared 0.75 / disjoint −0.75;
 * ISSN ±0.2; year 0.1; language; record type 0.1 / −0.5; bibliographic level; authors up to 0.2; media type −1
 * when different. Three features are ours: other unique ids (shared OCLC / LCCN / 024 … 0.5), pages (same
 * ±2: 0.1, off by > 10: −0.3) and publisher (±0.1) — they give records without ISBNs (older and
 * non-book material) a way to reach the threshold, and take generic titles ("Annual report") below it.
 */
export function scoreFeatures(
  a: MatchFeatures,
  b: MatchFeatures,
  title: TitleComparison,
  authors: AuthorAgreement,
  ignoredIsbns?: ReadonlySet<string>,
): Scored {
  const acc: Scored = { features: [], total: 0, best: -Infinity, worst: Infinity };

  const numbers = titleNumberConflict(a, b, title);
  if (numbers) addScore(acc, 'title', numbers.points, numbers.detail);
  else if (title.kind === 'exact') addScore(acc, 'title', 50, 'titles identical');
  else if (title.kind === 'similar') {
    addScore(
      acc,
      'title',
      40,
      title.distance
        ? `titles similar (${title.basis} title, ${title.distance} edits)`
        : `titles proper identical, one subtitle missing`,
    );
  } else
    addScore(
      acc,
      'title',
      0,
      `titles differ (${title.bounded ? `over ${title.distance - 1}` : title.distance} edits in ${title.length} characters)`,
    );

  const isbnsA = ignoredIsbns ? a.isbns.filter((x) => !ignoredIsbns.has(x)) : a.isbns;
  const isbnsB = ignoredIsbns ? b.isbns.filter((x) => !ignoredIsbns.has(x)) : b.isbns;
  const isbn = intersect(isbnsA, isbnsB);
  if (isbn) addScore(acc, 'isbn', 75, `shared ISBN ${isbn}`);
  else if (isbnsA.length && isbnsB.length)
    addScore(acc, 'isbn', -75, `ISBNs differ: ${list(isbnsA)} vs ${list(isbnsB)}`);

  const issn = intersect(a.issns, b.issns);
  if (issn) addScore(acc, 'issn', 20, `shared ISSN ${issn}`);
  else if (a.issns.length && b.issns.length)
    addScore(acc, 'issn', -20, `ISSNs differ: ${list(a.issns)} vs ${list(b.issns)}`);

  const id = sharedUniqueId(a, b);
  if (id) addScore(acc, 'ids', 50, `shared ${id}`);

  if (a.year !== undefined && b.year !== undefined) {
    if (a.year === b.year) addScore(acc, 'year', 10, `same year ${a.year}`);
    else addScore(acc, 'year', -30, `years differ: ${a.year} vs ${b.year}`);
  }
  if (a.language && b.language) {
    if (a.language === b.language) addScore(acc, 'language', 10, `same language ${a.language}`);
    else addScore(acc, 'language', -30, `languages differ: ${a.language} vs ${b.language}`);
  }
  if (a.recordType === b.recordType) addScore(acc, 'record-type', 10, `both ${a.recordType}`);
  else addScore(acc, 'record-type', -50, `record types differ: ${a.recordType} vs ${b.recordType}`);
  if (a.bibLevel !== b.bibLevel)
    addScore(acc, 'bib-level', -50, `bibliographic levels differ: ${a.bibLevel} vs ${b.bibLevel}`);

  if (authors.kind === 'main')
    addScore(acc, 'authors', 20, `first authors agree: ${authors.a} / ${authors.b}`);
  else if (authors.kind === 'added')
    addScore(acc, 'authors', 10, `authors agree through added entries: ${authors.a} / ${authors.b}`);
  else if (authors.kind === 'none')
    addScore(acc, 'authors', -30, `authors differ: ${authors.a} vs ${authors.b}`);

  if (a.format !== b.format) addScore(acc, 'media', -100, `media differ: ${a.format} vs ${b.format}`);
  else if (!carriersAgree(a.carrier, b.carrier))
    addScore(acc, 'media', -100, `carriers differ: ${a.carrier} vs ${b.carrier}`);

  const d = pageDifference(a, b);
  if (d !== Infinity) {
    if (d <= 2) addScore(acc, 'pages', 10, `same extent (${a.pages} / ${b.pages} p.)`);
    else if (d > 10) addScore(acc, 'pages', -30, `extents differ: ${a.pages} vs ${b.pages} p.`);
  }
  if (a.publisher && b.publisher) {
    if (publishersAgree(a.publisher, b.publisher))
      addScore(acc, 'publisher', 10, `same publisher (${a.publisher})`);
    else addScore(acc, 'publisher', -10, `publishers differ: ${a.publisher} vs ${b.publisher}`);
  }
  return acc;
}

function addScore(acc: Scored, feature: FeatureId, points: number, detail: string): void {
  acc.features.push({ feature, score: points / 100, detail });
  acc.total += points;
  if (points > acc.best) acc.best = points;
  if (points < acc.worst) acc.worst = points;
}

/**
 * Numbers written in the titles ("Proceedings of the 4th …" vs "5th …"): both titled with different numbers
 * −1 (a veto), numbers on one side only −0.5. When only one record has a subtitle, only the titles proper count.
 */
export function titleNumberConflict(
  a: MatchFeatures,
  b: MatchFeatures,
  title: TitleComparison,
): { points: number; detail: string } | undefined {
  if (title.kind === 'exact') return undefined;
  const x = title.basis === 'main' && a.hasSubtitle ? titleNumbers(a.titleMainFolded) : a.titleNumbers;
  const y = title.basis === 'main' && b.hasSubtitle ? titleNumbers(b.titleMainFolded) : b.titleNumbers;
  if (x.length === 0 && y.length === 0) return undefined;
  if (x.length && y.length) {
    const sx = list(x);
    const sy = list(y);
    return sx === sy ? undefined : { points: -100, detail: `numbers in titles differ: ${sx} vs ${sy}` };
  }
  return { points: -50, detail: `only one title has numbers (${list(x.length ? x : y)})` };
}

/** A shared OCLC number, LCCN or other unique id (015/016/024/028), described; undefined when none. */
export function sharedUniqueId(a: MatchFeatures, b: MatchFeatures): string | undefined {
  const oclc = intersect(a.oclcNumbers, b.oclcNumbers);
  if (oclc) return `OCLC number ${oclc}`;
  if (a.lccn && a.lccn === b.lccn) return `LCCN ${a.lccn}`;
  const other = intersect(a.otherIds, b.otherIds);
  return other ? `identifier ${other}` : undefined;
}
