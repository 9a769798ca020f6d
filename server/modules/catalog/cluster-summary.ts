import type { Db } from '../../platform/db/client.ts';
import { chooseDisplayRecord, type MatchFeatures } from './dedup/index.ts';
import * as q from './queries.ts';
import { composeSearchDoc, type SearchMember } from './search-doc.ts';
import type { RecordSearchFields } from './search-fields.ts';
import { jsonText, writeClusters, type ClusterWrite } from './write-queries.ts';

/** What a cluster's summary and search document need from each member. */
export type MemberInfo = SearchMember & { author: string | null; electronic: boolean };

/** Display record (by quality), denormalised summary and search document of one non-empty cluster. */
export function summarize(id: string, members: readonly MemberInfo[]): ClusterWrite {
  const choice = chooseDisplayRecord(members);
  const d = members.find((m) => m.id === choice.recordId)!;
  const libraries = new Set(members.map((m) => m.library));
  return {
    id,
    displayRecordId: d.id,
    displayReason: choice.reason,
    title: d.title,
    author: d.author,
    year: d.year,
    language: d.language,
    format: d.format,
    electronic: d.electronic,
    libraryCount: libraries.size,
    recordCount: members.length,
    searchDocJson: jsonText(composeSearchDoc(d, [...members]))!,
  };
}

/** Member info of stored records (json columns come back untyped: the load wrote them from these types). */
export async function storedMembers(db: Db, recordIds: string[]): Promise<MemberInfo[]> {
  return (await q.memberInfo(db, recordIds)).map(toMemberInfo);
}

const toMemberInfo = (m: Awaited<ReturnType<typeof q.memberInfo>>[number]): MemberInfo => ({
  ...m,
  features: m.features as MatchFeatures,
  searchFields: m.searchFields as RecordSearchFields | null,
});

/**
 * Recomputes display record and summary of clusters from the database; deletes the ones left empty.
 * Staff split/merge and withdrawals use it; a load batch summarises from the members it has in memory.
 */
export async function refreshClusters(db: Db, clusterIds: Iterable<string>) {
  const ids = [...new Set(clusterIds)];
  if (ids.length === 0) return;
  const byCluster = new Map<string, MemberInfo[]>();
  for (const m of await q.clusterMembers(db, ids)) {
    const list = byCluster.get(m.clusterId!) ?? [];
    list.push(toMemberInfo(m));
    byCluster.set(m.clusterId!, list);
  }
  await writeClusters(
    db,
    [...byCluster].map(([id, list]) => summarize(id, list)),
  );
  await q.deleteClusters(
    db,
    ids.filter((id) => !byCluster.has(id)),
  );
  await q.noteSearchChanges(db, ids);
}
