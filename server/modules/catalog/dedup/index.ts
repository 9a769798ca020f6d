/**
 * Union-catalogue deduplication: match features from MARC records, blocking keys, ordered pair rules combined
 * with a weighted score (with explanations for staff), clustering (batch and incremental) and the choice of
 * each cluster's display record. Pure and in memory; the database layer does the lookups.
 */
export {
  extractFeatures,
  type MatchFeatures,
  type RecordType,
  type Author,
  type Series,
} from './features.ts';
export { blockingKeys, sharedKeys, matchKey, type KeyOptions } from './keys.ts';
export {
  compareRecords,
  type CompareOptions,
  type MatchExplanation,
  type RuleId,
  type RuleStep,
} from './rules.ts';
export { scoreFeatures, MATCH_THRESHOLD, type FeatureId, type FeatureScore } from './score.ts';
export {
  clusterRecords,
  toClusterRecord,
  type Cluster,
  type ClusterLink,
  type ClusterOptions,
  type ClusterRecord,
  type ClusterResult,
  type RejectedLink,
} from './cluster.ts';
export {
  placeRecord,
  type ClusteredCandidate,
  type ClusterMembers,
  type Placement,
  type PlaceOptions,
} from './incremental.ts';
export { resolveDecisions, decisionsAbout, type ManualDecision } from './manual.ts';
export { chooseDisplayRecord, displayScore, type DisplayChoice, type DisplayOptions } from './display.ts';
export { evaluatePairs, type Evaluation } from './evaluate.ts';
export {
  fold,
  normalizeIsbn,
  normalizeIssn,
  normalizeLccn,
  normalizeOclc,
  normalizeEdition,
  titleKey,
} from './normalize.ts';
