import { QUEUE_SORTS } from '../../../../shared/contracts/sharing-values.ts';
import type { QueueQuery, Side } from '../../api/sharing.ts';

export const QUEUE_PAGE_SIZE = 25;
export const QUEUE_SORT_LIST = QUEUE_SORTS;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The queue request from the page's address. Values the server would refuse (a malformed date, an unknown
 * sort) are dropped rather than sent, so a hand-edited or stale link still shows a queue.
 */
export function readQueueQuery(side: Side, params: URLSearchParams): QueueQuery {
  const page = Number(params.get('page'));
  const query: QueueQuery = {
    side,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: QUEUE_PAGE_SIZE,
  };
  const q = params.get('q')?.trim();
  if (q) query.q = q;
  const state = params.get('state');
  if (state) query.state = state;
  const service = params.get('serviceType');
  if (service === 'loan' || service === 'copy') query.serviceType = service;
  if (params.get('attention') === 'true') query.attention = 'true';
  const rush = params.get('rush');
  if (rush === 'true' || rush === 'false') query.rush = rush;
  const other = params.get('otherLibrary') ?? '';
  if (UUID.test(other)) query.otherLibrary = other;
  for (const key of ['createdFrom', 'createdTo', 'needBeforeFrom', 'needBeforeTo'] as const) {
    const value = params.get(key) ?? '';
    if (DATE.test(value)) query[key] = value;
  }
  const sort = params.get('sort') ?? '';
  if ((QUEUE_SORTS as readonly string[]).includes(sort) && sort !== 'updated')
    query.sort = sort as QueueQuery['sort'];
  return query;
}

/** A reversed range would be refused by the server: the page says so instead of asking. */
export const rangeInvalid = (q: QueueQuery) =>
  (!!q.createdFrom && !!q.createdTo && q.createdFrom > q.createdTo) ||
  (!!q.needBeforeFrom && !!q.needBeforeTo && q.needBeforeFrom > q.needBeforeTo);
