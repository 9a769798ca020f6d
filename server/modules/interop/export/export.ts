import { Readable } from 'node:stream';
import type { Db } from '../../../platform/db/client.ts';
import {
  isControlField,
  isControlTag,
  toIso2709,
  toMarcXml,
  MARCXML_NAMESPACE,
  type MarcRecord,
} from '../../catalog/marc/index.ts';
import type { AppContext } from '../../../platform/context.ts';
import { searchFeedFor } from '../../catalog/index.ts';
import * as q from '../queries.ts';
import { withHoldings } from '../sru/records.ts';

export const EXPORT_FORMATS = ['iso2709', 'marcxml', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, { type: string; ext: string }> = {
  iso2709: { type: 'application/marc', ext: 'mrc' },
  marcxml: { type: 'application/marcxml+xml; charset=utf-8', ext: 'xml' },
  json: { type: 'application/json; charset=utf-8', ext: 'json' },
};

const BATCH = 500;

/** MARC-in-JSON (the community format: fields as single-key objects). */
export function toMarcInJson(record: MarcRecord) {
  return {
    leader: record.leader,
    fields: record.fields.map((f) =>
      isControlField(f)
        ? { [f.tag]: f.value }
        : {
            [f.tag]: {
              ind1: f.ind1,
              ind2: f.ind2,
              subfields: f.subfields.map((s) => ({ [s.code]: s.value })),
            },
          },
    ),
  };
}

/** A library's active records, read in keyset batches so memory stays flat whatever the catalog size. */
async function* activeRecords(db: Db, libraryId: string): AsyncGenerator<MarcRecord> {
  let afterId: string | undefined;
  for (;;) {
    const rows = await q.oaiRecords(db, { libraryId, afterId, limit: BATCH });
    for (const r of rows) if (r.status === 'active') yield r.marc as MarcRecord;
    if (rows.length < BATCH) return;
    afterId = rows.at(-1)!.id;
  }
}

/**
 * The leader as the ISO 2709 writer computes it (lengths, base address, 09 = a, 10-11 = 22, 20-23 = 4500), so
 * MARCXML and JSON exports carry a leader MARC21slim.xsd accepts even when the stored one was sloppy.
 */
export function withComputedLeader(stored: MarcRecord): { record: MarcRecord; iso: Buffer } {
  // A 00X tag read with indicators/subfields (seen in real files) is not a data field in MARC 21: MARCXML's
  // schema rejects it, so it travels as the control field it is, its text kept.
  const record: MarcRecord = {
    leader: stored.leader,
    fields: stored.fields.map((f) =>
      !isControlField(f) && isControlTag(f.tag)
        ? { tag: f.tag, value: f.subfields.map((s) => s.value).join('') }
        : f,
    ),
  };
  const iso = toIso2709(record);
  return { record: { ...record, leader: iso.toString('latin1', 0, 24) }, iso };
}

async function* serialise(
  records: AsyncIterable<MarcRecord>,
  format: ExportFormat,
): AsyncGenerator<Buffer | string> {
  if (format === 'marcxml')
    yield `<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="${MARCXML_NAMESPACE}">\n`;
  if (format === 'json') yield '[';
  let first = true;
  for await (const stored of records) {
    const { record, iso } = withComputedLeader(stored);
    if (format === 'iso2709') yield iso;
    else if (format === 'marcxml') yield `${toMarcXml(record, { namespace: false })}\n`;
    else yield `${first ? '' : ',\n'}${JSON.stringify(toMarcInJson(record))}`;
    first = false;
  }
  if (format === 'marcxml') yield '</collection>\n';
  if (format === 'json') yield ']\n';
}

export function exportLibrary(db: Db, libraryId: string, format: ExportFormat): Readable {
  return Readable.from(serialise(activeRecords(db, libraryId), format));
}

export type SearchExport = { q: string; libraryIds: string[] };
type Index = ReturnType<typeof searchFeedFor>['index'];

/** The search result's clusters (display record + 852 per holder), at most the engine's window deep. */
async function* searchRecords(
  db: Db,
  index: Index,
  first: string[],
  s: SearchExport,
): AsyncGenerator<MarcRecord> {
  let ids = first;
  for (let offset = 0; ids.length > 0;) {
    const [records, holdings] = await Promise.all([q.displayRecords(db, ids), q.clusterHoldings(db, ids)]);
    for (const r of records) {
      yield withHoldings(
        r.marc as MarcRecord,
        holdings.filter((h) => h.clusterId === r.clusterId),
      );
    }
    offset += ids.length;
    if (offset + PAGE > MAX_WINDOW) return;
    ids = index
      .search({ q: s.q, filters: { library: s.libraryIds }, offset, limit: PAGE, facetLimit: 1 })
      .hits.map((h) => h.id);
  }
}

const PAGE = 100;
const MAX_WINDOW = 10_000;

/**
 * Starts a search export. The first page is searched before streaming begins, so a query the engine
 * refuses becomes a 400, not a broken download.
 */
export async function exportSearch(
  ctx: AppContext,
  s: SearchExport,
  format: ExportFormat,
): Promise<Readable> {
  const feed = searchFeedFor(ctx);
  await feed.fresh();
  const first = feed.index.search({
    q: s.q,
    filters: { library: s.libraryIds },
    offset: 0,
    limit: PAGE,
    facetLimit: 1,
  });
  return Readable.from(
    serialise(
      searchRecords(
        ctx.db,
        feed.index,
        first.hits.map((h) => h.id),
        s,
      ),
      format,
    ),
  );
}
