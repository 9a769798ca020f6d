import type { MatchFeatures } from './features.ts';
import { blockingKeys, sharedKeys as commonKeys, type KeyOptions } from './keys.ts';
import {
  MATCH_THRESHOLD,
  STRONG_FEATURE,
  VETO,
  scoreFeatures,
  sharedUniqueId,
  titleNumberConflict,
  type FeatureScore,
  type Scored,
} from './score.ts';
import {
  carriersAgree,
  compareAuthors,
  compareTitles,
  corroboration,
  type AuthorAgreement,
  intersect,
  isGenericTitle,
  pageDifference,
  seriesConflict,
  titlesRelated,
  type TitleComparison,
} from './similarity.ts';

export type RuleId =
  | 'format'
  | 'part'
  | 'title-numbers'
  | 'edition'
  | 'isbn'
  | 'unique-id'
  | 'issn'
  | 'year'
  | 'pages'
  | 'series'
  | 'title'
  | 'author'
  | 'score';

/** "pass": checked, no objection; "skipped": not applicable (data missing on one side). */
export type RuleStep = { rule: RuleId; outcome: 'match' | 'no-match' | 'pass' | 'skipped'; detail: string };

/** Everything staff need to see why two records were (not) merged. */
export type MatchExplanation = {
  decision: 'match' | 'no-match';
  decidedBy: RuleId;
  summary: string;
  /** Blocking keys the two records share (why they were compared at all). */
  sharedKeys: string[];
  /** Rules in the order they ran, up to the deciding one. */
  steps: RuleStep[];
  /** The weighted score, always computed, also when a rule decided. */
  features: FeatureScore[];
  score: number;
  /** For ranking competing matches: the score, plus 1 when a shared identifier decided. */
  strength: number;
};

export type CompareOptions = KeyOptions & {
  /** Keys shared by the pair when the caller already knows them (saves recomputing both key lists). */
  sharedKeys?: string[];
  /**
   * false: bulk mode for clustering — a pair rejected by a rule is not scored (its `features` are empty and
   * `score` 0). Matches are always scored. Default true.
   */
  explain?: boolean;
};

const RULE_TEXT: Record<RuleId, string> = {
  format: 'formats',
  part: 'parts / volumes',
  'title-numbers': 'numbers in titles',
  edition: 'editions',
  isbn: 'shared ISBN',
  'unique-id': 'shared identifier',
  issn: 'ISSNs',
  year: 'publication years',
  pages: 'page counts',
  series: 'series',
  title: 'titles',
  author: 'authors',
  score: 'weighted score',
};

/**
 * Decides whether two records describe the same manifestation, combining RecordManager's ordered rules with
 * Melinda's weighted score. The order, and why:
 *
 * 1. Hard conflicts first — format/carrier, part or volume, conference number, numbers in the titles,
 *    edition number. These are exactly the cases where shared identifiers lie: print records carrying the
 *    e-book ISBN, every volume of a set carrying the set's ISBN, an ISBN reused for a new edition. RecordManager
 *    checks the format before the ISBN; Melinda's vetoes (a feature ≤ −1) hold whatever the ISBN says; we
 *    apply the same idea to parts and editions.
 * 2. Shared identifiers (ISBN, then OCLC / LCCN / 015 / 016 / 024 / 028) decide a match, as in RecordManager —
 *    this is what catches records whose descriptive data differ (typos, missing subtitles, other cataloguing
 *    rules). Guard: the titles must be related and the extents within 10 %, or the identifier is treated as a
 *    cataloguing error and the pair goes on to the other rules (RecordManager needs a configured bad-ISBN list
 *    for this; the list is supported too, see KeyOptions.ignoredIsbns).
 * 3. RecordManager's negative rules in its order: disjoint ISSNs, years, pages (> 10 apart), series, title
 *    edit distance (≥ 10 %), authors. Any of them is enough to say no.
 * 4. Surviving all of them is necessary but not sufficient: the Melinda score must reach 0.9 with one feature
 *    ≥ 0.4. RecordManager alone would merge same-titled records that simply lack the data to tell them apart
 *    (two bodies' "Annual report" of the same year, a translation under the original title); the score demands
 *    positive evidence (author, year, language, pages, publisher) on top of the title. Generic titles
 *    ("Selected poems", "Annual report") must in addition agree on extent, publisher or an identifier.
 *
 * Measured on the labelled pair set (labelled-pairs.ts): see evaluate.ts / the test output.
 */
export function compareRecords(
  a: MatchFeatures,
  b: MatchFeatures,
  options: CompareOptions = {},
): MatchExplanation {
  const title = compareTitles(a, b);
  const ctx: Context = {
    a,
    b,
    title,
    ignoredIsbns: options.ignoredIsbns,
    explain: options.explain !== false,
    steps: [],
    shared: options.sharedKeys ?? commonKeys(blockingKeys(a, options), blockingKeys(b, options)),
    authors: undefined,
    scored: undefined,
  };
  const pageDiff = pageDifference(a, b);
  // (No closures here: under tsx every closure creation also pays for esbuild's name-keeping.)
  // 1. Hard conflicts.
  if (a.format !== b.format) return conclude(ctx, 'no-match', 'format', `${a.format} vs ${b.format}`);
  if (!carriersAgree(a.carrier, b.carrier))
    return conclude(ctx, 'no-match', 'format', `${a.carrier} vs ${b.carrier}`);
  note(
    ctx,
    'format',
    true,
    `both ${a.format}${a.carrier || b.carrier ? ` (${a.carrier ?? b.carrier})` : ''}`,
  );

  const partsA = a.partNumbers.join(', ');
  const partsB = b.partNumbers.join(', ');
  if (partsA !== partsB) {
    return conclude(
      ctx,
      'no-match',
      'part',
      partsA && partsB ? `part ${partsA} vs part ${partsB}` : `only one is a part (${partsA || partsB})`,
    );
  }
  if (a.partNames.length && b.partNames.length && !intersect(a.partNames, b.partNames)) {
    return conclude(ctx, 'no-match', 'part', `"${a.partNames[0]}" vs "${b.partNames[0]}"`);
  }
  if (a.meetingNumber && b.meetingNumber && a.meetingNumber !== b.meetingNumber) {
    return conclude(ctx, 'no-match', 'part', `conference no. ${a.meetingNumber} vs no. ${b.meetingNumber}`);
  }
  note(ctx, 'part', !!(partsA || a.meetingNumber), partsA ? `same part ${partsA}` : 'neither is a part');

  const numbers = titleNumberConflict(a, b, title);
  if (numbers && numbers.points <= VETO) return conclude(ctx, 'no-match', 'title-numbers', numbers.detail);
  note(
    ctx,
    'title-numbers',
    !!numbers || a.titleNumbers.length > 0,
    numbers?.detail ?? 'no conflicting numbers',
  );

  if (a.editionNumber !== undefined && b.editionNumber !== undefined) {
    if (a.editionNumber !== b.editionNumber) {
      return conclude(ctx, 'no-match', 'edition', `"${a.edition}" vs "${b.edition}"`);
    }
    note(ctx, 'edition', true, `same edition number ${a.editionNumber}`);
  } else if (
    a.editionNumber === undefined &&
    b.editionNumber === undefined &&
    a.editionWords &&
    b.editionWords
  ) {
    if (a.editionWords !== b.editionWords)
      return conclude(ctx, 'no-match', 'edition', `"${a.edition}" vs "${b.edition}"`);
    note(ctx, 'edition', true, `same edition (${a.editionWords})`);
  } else note(ctx, 'edition', false, 'edition not stated on both');

  // 2. Shared identifiers.
  const isbns = isbnsOf(a, options.ignoredIsbns);
  const isbnsB = isbnsOf(b, options.ignoredIsbns);
  const isbn = intersect(isbns, isbnsB);
  const id = sharedUniqueId(a, b);
  const distrust = isbn || id ? distrustOf(a, b, title, pageDiff) : '';
  if (isbn) {
    if (!distrust) return conclude(ctx, 'match', 'isbn', isbn, 100);
    note(ctx, 'isbn', true, `shared ISBN ${isbn} not trusted: ${distrust}`);
  } else {
    note(ctx, 'isbn', false, isbns.length && isbnsB.length ? 'no ISBN in common' : 'no ISBN on both');
  }

  if (id) {
    if (!distrust) return conclude(ctx, 'match', 'unique-id', id, 100);
    note(ctx, 'unique-id', true, `${id} not trusted: ${distrust}`);
  } else note(ctx, 'unique-id', false, 'no shared OCLC number, LCCN or other id');

  // 3. RecordManager's negative rules.
  if (a.issns.length && b.issns.length) {
    const issn = intersect(a.issns, b.issns);
    if (!issn) return conclude(ctx, 'no-match', 'issn', `${a.issns.join(', ')} vs ${b.issns.join(', ')}`);
    note(ctx, 'issn', true, `shared ISSN ${issn}`);
  } else note(ctx, 'issn', false, 'no ISSN on both');

  if (a.year !== undefined && b.year !== undefined) {
    if (a.year !== b.year) return conclude(ctx, 'no-match', 'year', `${a.year} vs ${b.year}`);
    note(ctx, 'year', true, `both ${a.year}`);
  } else note(ctx, 'year', false, 'year missing on one side');

  if (pageDiff !== Infinity) {
    if (pageDiff > 10) return conclude(ctx, 'no-match', 'pages', `${a.pages} vs ${b.pages} p.`);
    note(
      ctx,
      'pages',
      true,
      `${a.pages} / ${b.pages} p.${pageDiff < Math.abs(a.pages! - b.pages!) ? ' (counting preliminaries)' : ''}`,
    );
  } else note(ctx, 'pages', false, 'extent missing on one side');

  const series = seriesConflict(a, b);
  if (series) return conclude(ctx, 'no-match', 'series', series);
  note(ctx, 'series', a.series.length > 0 && b.series.length > 0, 'no series conflict');

  if (title.kind === 'different') {
    return conclude(
      ctx,
      'no-match',
      'title',
      `edit distance ${title.bounded ? `over ${title.distance - 1}` : title.distance} of ${title.length} characters (≥ 10 %)`,
    );
  }
  note(
    ctx,
    'title',
    true,
    title.kind === 'exact' ? 'identical' : `${title.basis} titles within ${title.distance} edits`,
  );

  const authors = (ctx.authors = compareAuthors(a, b));
  if (authors.kind === 'none') return conclude(ctx, 'no-match', 'author', `${authors.a} vs ${authors.b}`);
  note(
    ctx,
    'author',
    authors.kind !== 'unknown',
    authors.kind === 'unknown' ? 'author missing on one side' : `${authors.a} / ${authors.b}`,
  );

  // 4. Positive evidence.
  const scored = scoredOf(ctx);
  const total = (scored.total / 100).toFixed(2);
  if (scored.worst <= VETO) {
    const veto = scored.features.find((f) => f.score * 100 <= VETO);
    return conclude(ctx, 'no-match', 'score', `vetoed by ${veto?.feature}: ${veto?.detail}`);
  }
  if (scored.total < MATCH_THRESHOLD) return conclude(ctx, 'no-match', 'score', `${total} < 0.90`);
  if (scored.best < STRONG_FEATURE)
    return conclude(ctx, 'no-match', 'score', `${total}, but no single feature ≥ 0.4`);
  if (isGenericTitle(a) || isGenericTitle(b)) {
    const support = corroboration(a, b);
    if (!support) {
      return conclude(
        ctx,
        'no-match',
        'score',
        `${total}, but the generic title "${a.titleMainFolded}" needs the extent, publisher or an identifier to agree too`,
      );
    }
    return conclude(ctx, 'match', 'score', `${total} ≥ 0.90 (generic title, ${support} agrees)`);
  }
  return conclude(ctx, 'match', 'score', `${total} ≥ 0.90`);
}

type Context = {
  a: MatchFeatures;
  b: MatchFeatures;
  title: TitleComparison;
  ignoredIsbns: ReadonlySet<string> | undefined;
  explain: boolean;
  steps: RuleStep[];
  shared: string[];
  /** Worked out when a rule needs them (or the explanation does). */
  authors: AuthorAgreement | undefined;
  scored: Scored | undefined;
};

const NOT_SCORED: Scored = { features: [], total: 0, best: 0, worst: 0 };

function scoredOf(ctx: Context): Scored {
  ctx.authors ??= compareAuthors(ctx.a, ctx.b);
  return (ctx.scored ??= scoreFeatures(ctx.a, ctx.b, ctx.title, ctx.authors, ctx.ignoredIsbns));
}

function isbnsOf(f: MatchFeatures, ignored: ReadonlySet<string> | undefined): string[] {
  return ignored ? f.isbns.filter((x) => !ignored.has(x)) : f.isbns;
}

function note(ctx: Context, rule: RuleId, passed: boolean, detail: string): void {
  ctx.steps.push({ rule, outcome: passed ? 'pass' : 'skipped', detail });
}

function conclude(
  ctx: Context,
  decision: 'match' | 'no-match',
  rule: RuleId,
  detail: string,
  bonus = 0,
): MatchExplanation {
  ctx.steps.push({ rule, outcome: decision, detail });
  // Without `explain`, a rejected pair is not scored: the clusterer throws rejections away.
  const scored = ctx.explain || decision === 'match' ? scoredOf(ctx) : NOT_SCORED;
  return {
    decision,
    decidedBy: rule,
    summary: `${decision === 'match' ? 'Same' : 'Different'} (${RULE_TEXT[rule]}): ${detail}`,
    sharedKeys: ctx.shared,
    steps: ctx.steps,
    features: scored.features,
    score: scored.total / 100,
    strength: (scored.total + bonus) / 100,
  };
}

/** Why a shared identifier should not be believed ("" when it should): unrelated titles, extents far apart. */
function distrustOf(a: MatchFeatures, b: MatchFeatures, title: TitleComparison, pageDiff: number): string {
  if (!titlesRelated(a, b, title)) return 'titles unrelated';
  if (pageDiff !== Infinity && pageDiff > Math.max(10, 0.1 * Math.max(a.pages!, b.pages!))) {
    return `extents ${a.pages} vs ${b.pages} p.`;
  }
  return '';
}
