import type { MatchFeatures } from './features.ts';

export type DisplayCandidate = { id: string; features: MatchFeatures; library?: string };

export type DisplayOptions = {
  /** Cataloguing sources (040 $a) trusted most; default: the Library of Congress ("DLC"). */
  authoritativeSources?: readonly string[];
  /** Member libraries whose records are preferred (e.g. the one with professional cataloguers). */
  authoritativeLibraries?: readonly string[];
};

export type DisplayScore = { id: string; points: number; parts: string[] };
export type DisplayChoice = { recordId: string; reason: string; scores: DisplayScore[] };

const DEFAULT_SOURCES = ['DLC'];
/** Leader/17: blank / 1 / I full level; 2, 3, 5, 7, 8, K, M, L less than full (8 = prepublication/CIP). */
const FULL_LEVEL = ' 14I';
const WEAK_LEVEL = '2357KM8';

/**
 * Scores one record's fitness to represent its cluster: richer records (more fields, up to 60), fuller titles
 * (up to 20 points for 200 characters), authoritative sources (+30) and full-level cataloguing (+10) win;
 * minimal / CIP records (−10) and ALL-CAPS titles (−40, they read badly and usually come from old
 * conversions) lose.
 */
export function displayScore(candidate: DisplayCandidate, options: DisplayOptions = {}): DisplayScore {
  const f = candidate.features;
  const parts: string[] = [];
  const fields = Math.min(f.quality.fieldCount, 60);
  let points = fields;
  parts.push(`${f.quality.fieldCount} fields (+${fields})`);
  const titlePoints = Math.round(Math.min(f.title.length, 200) / 10);
  points += titlePoints;
  parts.push(`title of ${f.title.length} characters (+${titlePoints})`);
  const sources = options.authoritativeSources ?? DEFAULT_SOURCES;
  const source = f.quality.source;
  if (source && sources.includes(source)) {
    points += 30;
    parts.push(`catalogued by ${source} (+30)`);
  } else if (candidate.library && options.authoritativeLibraries?.includes(candidate.library)) {
    points += 30;
    parts.push(`from authoritative library ${candidate.library} (+30)`);
  }
  const level = f.quality.encodingLevel;
  if (FULL_LEVEL.includes(level)) {
    points += 10;
    parts.push('full-level record (+10)');
  } else if (WEAK_LEVEL.includes(level)) {
    points -= 10;
    parts.push(`encoding level ${level}: minimal or prepublication (−10)`);
  }
  if (f.quality.allCapsTitle) {
    points -= 40;
    parts.push('ALL-CAPS title (−40)');
  }
  return { id: candidate.id, points, parts };
}

/** Picks the cluster's display record by quality; ties go to the smallest id (deterministic). A single record is
 * chosen without scoring (`scores` is empty). */
export function chooseDisplayRecord(
  records: readonly DisplayCandidate[],
  options: DisplayOptions = {},
): DisplayChoice {
  if (records.length === 0) throw new Error('chooseDisplayRecord needs at least one record');
  // Most clusters hold one record: nothing to weigh (and scoring a million singletons is not free).
  if (records.length === 1)
    return { recordId: records[0]!.id, reason: 'only record in its cluster', scores: [] };
  const scores = records.map((r) => displayScore(r, options));
  let best = scores[0]!;
  for (const s of scores)
    if (s.points > best.points || (s.points === best.points && s.id < best.id)) best = s;
  const reason =
    `highest quality (${best.points} points: ${best.parts.join(', ')})` +
    (scores.some((s) => s !== best && s.points === best.points) ? '; tie broken by record id' : '');
  return { recordId: best.id, reason, scores };
}
