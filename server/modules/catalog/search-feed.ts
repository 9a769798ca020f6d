import type { Db } from '../../platform/db/client.ts';
import type { StoredSearchDoc } from './search-doc.ts';
import { SearchIndex } from './search/index.ts';
import * as sq from './search-queries.ts';

import type { AppContext } from '../../platform/context.ts';

type Log = { info: (o: object, m?: string) => void; warn: (o: object, m?: string) => void };

const BOOT_PAGE = 5000;
const CHANGE_PAGE = 5000;
/**
 * Sequence numbers are handed out when a transaction inserts its change rows but become visible only at
 * its commit, so a smaller number can appear after a larger one. A skipped number is re-asked for this
 * long (a load batch commits within seconds); after that it belonged to a rolled-back transaction.
 */
const GAP_PATIENCE_MS = 120_000;
const PRUNE_EVERY_MS = 10 * 60_000;
const KEEP_CHANGES_HOURS = 24;
/** Spelling lists follow document frequencies; rebuilt off the request path at most this often. */
const PREPARE_EVERY_MS = 60_000;

/**
 * Keeps this process's in-memory search index equal to the database: a full read at start, then the
 * change log after the position it started from. Every app node runs one; none needs to know the others.
 */
export class SearchFeed {
  readonly index = new SearchIndex();
  private position = 0;
  private readonly gaps = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private booting: Promise<void> | undefined;
  private catching: Promise<void> | undefined;
  private lastCatchUp = 0;
  private lastPrune = Date.now();
  private lastPrepare = 0;
  private changedSincePrepare = false;
  private ready = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly log: Log,
    private readonly pollMs = 1000,
  ) {}

  get isReady() {
    return this.ready;
  }

  /** Starts the initial build in the background; searches meanwhile see what is built so far. */
  start(): Promise<void> {
    this.booting ??= this.boot().catch((error: unknown) => {
      this.log.warn({ err: error }, 'search index build failed; retrying');
      this.booting = undefined;
      if (!this.stopped) this.timer = setTimeout(() => void this.start(), 5000);
    });
    return this.booting;
  }

  stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async boot() {
    const started = Date.now();
    // The position is read first: anything changed during the scan is re-applied afterwards.
    this.position = await sq.latestChange(this.db);
    let after: string | null = null;
    for (;;) {
      const page = await sq.searchDocsAfter(this.db, after, BOOT_PAGE);
      for (const row of page) this.apply(row.id, row.doc as StoredSearchDoc | null);
      if (page.length < BOOT_PAGE || this.stopped) break;
      after = page[page.length - 1]!.id;
      // Let requests in between pages: a large catalogue takes a while.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await this.catchUp();
    // Sorted vocabulary and spelling lists once, now, rather than inside the first truncated or misspelled search.
    this.index.prepare();
    this.lastPrepare = Date.now();
    this.ready = true;
    this.log.info({ documents: this.index.size, ms: Date.now() - started }, 'search index built');
    this.schedule();
  }

  private schedule() {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.catchUp()
        .catch((error: unknown) => this.log.warn({ err: error }, 'search index update failed'))
        .finally(() => this.schedule());
    }, this.pollMs);
    this.timer.unref();
  }

  /** Applies every committed change not yet seen. Concurrent callers share one round. */
  catchUp(): Promise<void> {
    this.catching ??= this.applyChanges().finally(() => {
      this.catching = undefined;
      this.lastCatchUp = Date.now();
    });
    return this.catching;
  }

  /** Before answering, a search is at most one poll interval behind (a process that just loaded sees it). */
  async fresh() {
    if (this.ready && Date.now() - this.lastCatchUp > this.pollMs) await this.catchUp();
  }

  private async applyChanges() {
    for (;;) {
      const now = Date.now();
      for (const [seq, since] of this.gaps) if (now - since > GAP_PATIENCE_MS) this.gaps.delete(seq);
      const changes = await sq.changesSince(this.db, this.position, [...this.gaps.keys()], CHANGE_PAGE);
      if (changes.length === 0) break;
      for (const c of changes) {
        this.gaps.delete(c.seq);
        for (let missing = this.position + 1; missing < c.seq; missing++) this.gaps.set(missing, now);
        this.position = Math.max(this.position, c.seq);
      }
      const ids = [...new Set(changes.map((c) => c.clusterId))];
      const docs = new Map((await sq.searchDocsOf(this.db, ids)).map((r) => [r.id, r.doc]));
      for (const id of ids) this.apply(id, (docs.get(id) as StoredSearchDoc | null | undefined) ?? null);
      this.changedSincePrepare = true;
      if (changes.length < CHANGE_PAGE) break;
    }
    if (this.ready && this.changedSincePrepare && Date.now() - this.lastPrepare > PREPARE_EVERY_MS) {
      this.index.prepare();
      this.lastPrepare = Date.now();
      this.changedSincePrepare = false;
    }
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      await sq.pruneChanges(this.db, KEEP_CHANGES_HOURS);
    }
  }

  private apply(id: string, doc: StoredSearchDoc | null) {
    // A cluster without a document (emptied, or created and not yet summarised) is not searchable.
    if (doc) this.index.upsert({ id, ...doc });
    else if (this.index.has(id)) this.index.remove(id);
  }
}

const feeds = new WeakMap<AppContext, SearchFeed>();

/** The process's feed for an app context (one per app; tests reach it to wait for the index). */
export function searchFeedFor(ctx: AppContext): SearchFeed {
  let feed = feeds.get(ctx);
  if (!feed) {
    feed = new SearchFeed(ctx.db, ctx.log);
    feeds.set(ctx, feed);
  }
  return feed;
}
