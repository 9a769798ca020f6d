import type { MatchFeatures } from './dedup/index.ts';
import type { RecordSearchFields } from './search-fields.ts';

/**
 * A cluster's search document as stored in catalog_clusters.search_doc: the search index's SearchDoc
 * without its id. Text comes from the display record (what results show); identifiers, subjects and
 * holding libraries from every member, so any library's ISBN or heading finds the cluster.
 */
export type StoredSearchDoc = {
  title: string;
  titleAlt: string[];
  sortTitle: string;
  authors: string[];
  subjects: string[];
  publishers: string[];
  series: string[];
  notes: string[];
  isbns: string[];
  issns: string[];
  oclcNumbers: string[];
  lccn: string | null;
  year: number | null;
  language: string | null;
  format: string;
  libraries: string[];
  libraryCount: number;
};

export type SearchMember = {
  id: string;
  library: string;
  title: string;
  year: number | null;
  language: string | null;
  format: string;
  features: MatchFeatures;
  searchFields: RecordSearchFields | null;
};

const SUBJECT_LIMIT = 30;
const EMPTY: RecordSearchFields = {
  titleAlt: [],
  authors: [],
  subjects: [],
  publishers: [],
  series: [],
  notes: [],
};

function union(lists: string[][], limit = Infinity): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const v of list) {
      const key = v.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(v);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

export function composeSearchDoc(display: SearchMember, members: SearchMember[]): StoredSearchDoc {
  const own = display.searchFields ?? EMPTY;
  // The display record's headings first, so the facet shows what the result list shows.
  const others = members.filter((m) => m.id !== display.id);
  return {
    title: display.title,
    titleAlt: own.titleAlt,
    sortTitle: display.features.titleFolded ?? display.title.toLowerCase(),
    authors: own.authors,
    subjects: union([own.subjects, ...others.map((m) => m.searchFields?.subjects ?? [])], SUBJECT_LIMIT),
    publishers: own.publishers,
    series: own.series,
    notes: own.notes,
    isbns: union(members.map((m) => m.features.isbns ?? [])),
    issns: union(members.map((m) => m.features.issns ?? [])),
    oclcNumbers: union(members.map((m) => m.features.oclcNumbers ?? [])),
    lccn: display.features.lccn ?? null,
    year: display.year,
    language: display.language,
    format: display.format,
    libraries: [...new Set(members.map((m) => m.library))],
    libraryCount: new Set(members.map((m) => m.library)).size,
  };
}
