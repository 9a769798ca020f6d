import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import type { sharingRota } from './tables.ts';
import { sharingAttempts, sharingRequests } from './tables.ts';
import type { AttemptRow } from './queries.ts';

/**
 * Everything the request page shows, in one round trip: the request row with its attempts, the libraries
 * named, the timeline, the notes and the rota as JSON beside it. The patron row is read only when the
 * caller's library is the borrower (a lender's page never reads it).
 */
type Library = { id: string; symbol: string; name: string };
type EventJson = {
  at: string;
  attemptId: string | null;
  side: 'borrowing' | 'lending' | 'system';
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string;
  visibility: 'both' | 'borrowing';
  actor: string | null;
  library: string | null;
};
type NoteJson = {
  id: string;
  at: string;
  libraryId: string;
  text: string;
  author: string | null;
  library: string;
};
type RotaJson = {
  libraryId: string;
  position: number | null;
  reasons: (typeof sharingRota.$inferSelect)['reasons'];
  skipReason: string | null;
  symbol: string;
  name: string;
};
type PatronJson = { name: string; email: string | null; cardNumber: string | null; locale: 'en' | 'es' };

/** A table's row from its JSON form (column names, JSON scalars), mapped as the driver would map it. */
export function rowFromJson<T extends PgTable>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T['$inferSelect'];
}

// Drizzle names a one-table select's columns unqualified, so the subqueries name the outer row in full.
function buildRequestPage(db: Db) {
  return db
    .select({
      ...getTableColumns(sharingRequests),
      attemptsJson: sql<Record<string, unknown>[]>`(
        SELECT coalesce(json_agg(a ORDER BY a.created_at, a.position), '[]'::json)
        FROM sharing_attempts a WHERE a.request_id = sharing_requests.id)`,
      librariesJson: sql<Library[]>`(
        SELECT coalesce(json_agg(json_build_object('id', o.id, 'symbol', o.symbol, 'name', o.name)), '[]'::json)
        FROM organizations o
        WHERE o.id = sharing_requests.borrower_id
          OR o.id IN (SELECT lender_id FROM sharing_attempts WHERE request_id = sharing_requests.id))`,
      eventsJson: sql<EventJson[]>`(
        SELECT coalesce(json_agg(json_build_object(
          'at', e.at, 'attemptId', e.attempt_id, 'side', e.side, 'action', e.action,
          'fromState', e.from_state, 'toState', e.to_state, 'note', e.note, 'visibility', e.visibility,
          'actor', u.display_name, 'library', o.symbol) ORDER BY e.id), '[]'::json)
        FROM sharing_events e
        LEFT JOIN users u ON u.id = e.actor_id
        LEFT JOIN organizations o ON o.id = e.library_id
        WHERE e.request_id = sharing_requests.id)`,
      notesJson: sql<NoteJson[]>`(
        SELECT coalesce(json_agg(json_build_object(
          'id', n.id, 'at', n.created_at, 'libraryId', n.library_id, 'text', n.text,
          'author', u.display_name, 'library', o.symbol) ORDER BY n.created_at), '[]'::json)
        FROM sharing_notes n
        LEFT JOIN users u ON u.id = n.author_id
        JOIN organizations o ON o.id = n.library_id
        WHERE n.request_id = sharing_requests.id)`,
      rotaJson: sql<RotaJson[]>`(
        SELECT coalesce(json_agg(json_build_object(
          'libraryId', r.library_id, 'position', r.position, 'reasons', r.reasons,
          'skipReason', r.skip_reason, 'symbol', o.symbol, 'name', o.name)
          ORDER BY r.position NULLS LAST, o.symbol), '[]'::json)
        FROM sharing_rota r JOIN organizations o ON o.id = r.library_id
        WHERE r.request_id = sharing_requests.id)`,
      patronJson: sql<PatronJson | null>`CASE WHEN sharing_requests.borrower_id = ${sql.placeholder('viewer')}::uuid THEN (
        SELECT json_build_object('name', p.name, 'email', p.email, 'cardNumber', p.card_number, 'locale', p.locale)
        FROM sharing_patrons p WHERE p.request_id = sharing_requests.id) END`,
    })
    .from(sharingRequests)
    .where(eq(sharingRequests.id, sql.placeholder('id')))
    .prepare('sharing_request_page');
}

/** Built once per database: PostgreSQL plans it once per connection, and drizzle need not rebuild it. */
const prepared = new WeakMap<Db, ReturnType<typeof buildRequestPage>>();

export async function requestPage(db: Db, requestId: string, viewerLibraryId: string) {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = buildRequestPage(db)));
  const [row] = await query.execute({ id: requestId, viewer: viewerLibraryId });
  if (!row) return null;
  const { attemptsJson, librariesJson, eventsJson, notesJson, rotaJson, patronJson, ...req } = row;
  return {
    req,
    attempts: attemptsJson.map((a) => rowFromJson(sharingAttempts, a) as AttemptRow),
    libraries: librariesJson,
    events: eventsJson.map((e) => ({ ...e, at: new Date(e.at) })),
    notes: notesJson.map((n) => ({ ...n, at: new Date(n.at) })),
    rota: rotaJson,
    patron: patronJson,
  };
}
