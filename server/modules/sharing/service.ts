import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { ActionInput, Citation, RequestCreate } from '../../../shared/contracts/sharing.ts';
import { clusterHoldings, clusterSummary, clustersByIdentifier } from '../catalog/index.ts';
import { addDays, isClosedOn, localDate } from './calendar.ts';
import { Flow } from './engine.ts';
import { itemKeyOf, journalOf } from './citation.ts';
import { borrowerAction, lenderAction } from './actions.ts';
import { resolveSide } from './policy.ts';
import { buildRota, DEFAULT_POLICY, type Candidate } from './rota.ts';
import * as q from './queries.ts';
import { lockRequestWithAttempt } from './change-queries.ts';
import { rotaFacts } from './rota-queries.ts';
import type { Notifier } from './notify.ts';
import { keyedHash } from '../../platform/auth/secrets.ts';
import { encodeTexts, sharingText } from '../../../shared/contracts/sharing-texts.ts';
import { mirrorBeforeLenderAction, noteToPartner, rememberCopyLink } from './iso18626/lending-side.ts';
import { rotaPartners } from './iso18626/borrowing-queries.ts';

/** The borrower's download token for an attempt's copy: derived, so it need not be stored (only its hash). */
export const copyToken = (key: Buffer, attemptId: string) => keyedHash(key, `sharing-copy:${attemptId}`);

const DUPLICATE_WINDOW_DAYS = 30;
const CONTU_LIMIT = 5;

const EMPTY_CITATION: Citation = {
  title: '',
  author: '',
  publisher: '',
  year: '',
  edition: '',
  isbn: '',
  issn: '',
  oclc: '',
  articleTitle: '',
  articleAuthor: '',
  volume: '',
  issue: '',
  pages: '',
};

/** How a request came in, and what else its creation writes (see `SharingService.create`). */
export type CreateOptions = {
  /** A patron's request (from the library's public page) waits for staff review before it is routed. */
  source?: 'staff' | 'patron';
  /** The card number a patron gave: kept in the patron row only, and purged with it. */
  cardNumber?: string;
  /** More writes in the creating transaction (e.g. the patron's confirmation); returns outbox ids. */
  alsoInTransaction?: (tx: Db, req: q.RequestRow) => Promise<string[]>;
};

/** Creating requests and acting on them: the rules and transactions of resource sharing. */
export class SharingService {
  constructor(
    private readonly ctx: AppContext,
    private readonly notifier: Notifier,
  ) {}

  private inTransaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.ctx.db.transaction(async (tx) => work(tx as unknown as Db));
  }

  async lookup(id: { isbn?: string | undefined; issn?: string | undefined; oclc?: string | undefined }) {
    const clean = Object.fromEntries(Object.entries(id).filter(([, v]) => v)) as Record<string, string>;
    return { items: await clustersByIdentifier(this.ctx.db, clean) };
  }

  /**
   * A new request of `libraryId`: checked for duplicates and own holdings, given its rota, and sent to the
   * first lender — all in one transaction. A patron's request (no signed-in actor) runs the same checks but
   * stops at `patron_review`; what the checks found is written on its timeline for that review.
   */
  async create(
    actor: Principal | null,
    libraryId: string,
    input: RequestCreate,
    now = new Date(),
    options: CreateOptions = {},
  ) {
    let clusterId = input.clusterId ?? null;
    let citation: Citation = { ...EMPTY_CITATION, ...input.citation } as Citation;
    if (!clusterId && !citation.title && (citation.isbn || citation.issn || citation.oclc)) {
      const found = await clustersByIdentifier(this.ctx.db, citation);
      if (found.length === 1) clusterId = found[0]!.clusterId;
    }
    let format = '';
    if (clusterId) {
      const cluster = await clusterSummary(this.ctx.db, clusterId);
      if (!cluster) throw notFound('This catalog record');
      format = cluster.format;
      citation = {
        ...citation,
        title: citation.title || cluster.title,
        author: citation.author || (cluster.author ?? ''),
        year: citation.year || (cluster.year ? String(cluster.year) : ''),
      };
    }
    if (!citation.title)
      throw new AppError('VALIDATION_FAILED', 'A title is needed (or a catalog record or identifier).', [
        { path: 'citation.title', message: 'required' },
      ]);
    const itemKey = itemKeyOf(citation, clusterId);

    const { id, mailIds } = await this.inTransaction(async (tx) => {
      const duplicate = input.patron
        ? await q.findDuplicate(
            tx,
            libraryId,
            itemKey,
            input.patron.name,
            new Date(now.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000),
          )
        : null;
      const req = await q.insertRequest(tx, {
        borrowerId: libraryId,
        serviceType: input.serviceType,
        clusterId,
        citation,
        title: citation.title,
        author: citation.author,
        isbn: citation.isbn,
        issn: citation.issn,
        oclc: citation.oclc,
        format,
        itemKey,
        needBefore: input.needBefore ?? null,
        pickupLocation: input.pickupLocation,
        rush: input.rush,
        staffNote: input.staffNote || null,
        source: options.source ?? 'staff',
        createdBy: actor?.userId ?? null,
        createdAt: now,
        updatedAt: now,
      });
      if (input.patron)
        await q.insertPatron(tx, {
          requestId: req.id,
          name: input.patron.name,
          email: input.patron.email ?? null,
          cardNumber: options.cardNumber ?? null,
          locale: input.patron.locale,
        });
      const flow = new Flow(tx, req, null, { userId: actor?.userId ?? null, libraryId }, now);
      flow.note(
        'borrowing',
        'created',
        sharingText(input.serviceType === 'copy' ? 'note.copy_created' : 'note.loan_created'),
      );
      const holdings = clusterId ? await clusterHoldings(tx, clusterId) : [];
      await this.buildRota(tx, req, holdings, now, flow, true);
      const journal = input.serviceType === 'copy' ? journalOf(citation) : null;
      if (journal) {
        const count = await q.contuCount(tx, libraryId, journal, now.getUTCFullYear());
        if (count >= CONTU_LIMIT)
          flow.note('borrowing', 'contu_warning', sharingText('note.contu', { count }), 'borrowing');
      }
      const own = holdings.filter((h) => h.libraryId === libraryId);
      const duplicateNote = sharingText('note.duplicate');
      const where = own.map((h) => [h.location, h.callNumber].filter(Boolean).join(' ')).join('; ');
      const heldNote = where
        ? sharingText('note.held_here', { where })
        : sharingText('note.held_here_catalog');
      if (options.source === 'patron')
        // Staff check a patron's request first; one review covers the duplicate and local-holdings findings.
        flow.borrower('flag_patron_request', 'system', [
          ...(duplicate ? [duplicateNote] : []),
          ...(own.length ? [heldNote] : []),
        ]);
      else if (duplicate) flow.borrower('flag_duplicate', 'system', duplicateNote);
      else if (own.length) flow.borrower('flag_held_locally', 'system', heldNote);
      else {
        flow.borrower('submit', 'system');
        await flow.route();
      }
      await flow.save();
      const mailIds = await this.notifier.write(tx, flow.notices, flow.req);
      if (options.alsoInTransaction) mailIds.push(...(await options.alsoInTransaction(tx, req)));
      return { id: req.id, mailIds };
    });
    // The mail is safe in the outbox (committed with the change); handing it to the queue need not hold up
    // the answer — dispatch logs its own failures and the mail sweep catches anything not enqueued.
    void this.ctx.mailer.dispatch(mailIds);
    return id;
  }

  /** The rota with its explanation (placed and skipped libraries) for the request's current holdings. */
  private async buildRota(
    tx: Db,
    req: q.RequestRow,
    holdings: Awaited<ReturnType<typeof clusterHoldings>>,
    now: Date,
    flow?: Flow,
    fresh = false,
  ) {
    const byLibrary = new Map<string, { locations: (string | null)[]; format: string }>();
    for (const h of holdings) {
      const entry = byLibrary.get(h.libraryId) ?? { locations: [], format: h.format };
      entry.locations.push(h.location);
      byLibrary.set(h.libraryId, entry);
    }
    const ids = [...new Set([...byLibrary.keys(), req.borrowerId])];
    // Closures from yesterday (UTC) for 60 days: "closed today" anywhere in the Americas, and deadlines.
    const yesterday = addDays(now.toISOString().slice(0, 10), -1);
    const libs = await rotaFacts(
      tx,
      ids,
      new Date(now.getTime() - 365 * 86_400_000),
      yesterday,
      addDays(yesterday, 62),
    );
    const policyOf = (id: string) => libs.find((l) => l.id === id)?.policy ?? DEFAULT_POLICY;
    const candidates: Candidate[] = libs
      .filter((l) => byLibrary.has(l.id))
      .map((l) => ({
        id: l.id,
        symbol: l.symbol,
        active: l.kind === 'library' && (l.status === 'active' || l.status === 'grace'),
        policy: policyOf(l.id),
        locations: byLibrary.get(l.id)!.locations,
        format: byLibrary.get(l.id)!.format,
        closedToday: isClosedOn(localDate(now, l.timeZone), l.closures),
        activeLoans: l.activeLoans,
        lent: l.lent,
        borrowed: l.borrowed,
      }));
    // Outside lenders (ISO 18626 partners) after every member; never for a request an outside library sent.
    const partners = req.source === 'partner' ? [] : await rotaPartners(tx);
    const rota = buildRota(
      { id: req.borrowerId, preferredPartners: policyOf(req.borrowerId).preferredPartners },
      candidates,
      partners,
    );
    if (flow) flow.rota = rota.entries.map((e) => ({ libraryId: e.libraryId, position: e.position }));
    for (const l of libs)
      flow?.lenders.set(l.id, {
        symbol: l.symbol,
        timeZone: l.timeZone,
        policy: policyOf(l.id),
        closures: l.closures,
      });
    await q.replaceRota(
      tx,
      req.id,
      [
        ...rota.entries.map((e) => ({
          libraryId: e.libraryId,
          position: e.position,
          reasons: e.reasons,
          skipReason: null,
        })),
        ...rota.skipped.map((s) => ({
          libraryId: s.libraryId,
          position: null,
          reasons: [],
          skipReason: encodeTexts([s.reason]),
        })),
      ],
      fresh,
    );
  }

  /** A staff action of the caller's side, mirrored on the other side, under the request's row lock. */
  async act(actor: Principal, requestId: string, input: ActionInput, now = new Date(), copyPath?: string) {
    const mailIds = await this.inTransaction(async (tx) => {
      const locked = await lockRequestWithAttempt(tx, requestId);
      if (!locked) throw notFound('This request');
      const { req, attempt } = locked;
      const side = resolveSide(actor, req, attempt, 'act');
      if (req.version !== input.version) throw new AppError('VERSION_CONFLICT');
      const flow = new Flow(tx, req, attempt, { userId: actor.userId, libraryId: actor.organizationId }, now);
      if (side === 'borrowing')
        await borrowerAction(tx, flow, input, now, () => this.rebuildRota(tx, flow, now));
      else {
        mirrorBeforeLenderAction(flow, input.action);
        await lenderAction(tx, flow, input, now);
      }
      if (copyPath) {
        if (input.action !== 'send_copy')
          throw new AppError('VALIDATION_FAILED', 'A file goes with “send copy” only.');
        flow.setAttempt({
          copyPath,
          copyTokenHash: keyedHash(this.ctx.secretKey, copyToken(this.ctx.secretKey, flow.attempt!.id)),
          copyExpiresAt: new Date(now.getTime() + this.ctx.env.sharingCopyRetentionDays * 86_400_000),
        });
        // An outside borrower gets the link in its CopyCompleted message (our members read it on the page).
        if (req.source === 'partner')
          rememberCopyLink(
            flow,
            `${this.ctx.env.baseUrl}/api/v1/sharing/copies/${copyToken(this.ctx.secretKey, flow.attempt!.id)}`,
          );
      }
      await flow.save();
      return this.notifier.write(tx, flow.notices, flow.req);
    });
    // The mail is safe in the outbox (committed with the change); handing it to the queue need not hold up
    // the answer — dispatch logs its own failures and the mail sweep catches anything not enqueued.
    void this.ctx.mailer.dispatch(mailIds);
  }

  private async rebuildRota(tx: Db, flow: Flow, now: Date) {
    const holdings = flow.req.clusterId ? await clusterHoldings(tx, flow.req.clusterId) : [];
    await this.buildRota(tx, flow.req, holdings, now, flow);
  }

  async addNote(actor: Principal, requestId: string, text: string) {
    const req = await q.findRequest(this.ctx.db, requestId);
    if (!req) throw notFound('This request');
    const attempt = req.currentAttemptId ? await q.findAttempt(this.ctx.db, req.currentAttemptId) : null;
    const side = resolveSide(actor, req, attempt, 'act');
    await this.inTransaction(async (tx) => {
      await q.insertNote(tx, { requestId, authorId: actor.userId, libraryId: actor.organizationId, text });
      // An outside borrower reads our lender's notes as ISO 18626 Notifications.
      if (side === 'lending' && req.source === 'partner') await noteToPartner(tx, req, attempt, text);
    });
  }
}
