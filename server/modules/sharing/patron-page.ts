import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, notFound, type ErrorDetail } from '../../platform/errors.ts';
import type {
  PatronPageSettings,
  PatronRequestReceipt,
  PublicPatronPage,
} from '../../../shared/contracts/sharing-patron.ts';
import type { z } from 'zod';
import type { patronRequestInputSchema } from '../../../shared/contracts/sharing-patron.ts';
import {
  cardProblem,
  normalizeCard,
  type CardProblem,
} from '../../../shared/contracts/sharing-patron-card.ts';
import { librariesByIds } from '../members/index.ts';
import { patronSubmittedMail } from './mail-templates.ts';
import { requestNumber } from './notify.ts';
import type { RequestRow } from './queries.ts';
import type { SharingService } from './service.ts';
import * as pq from './patron-page-queries.ts';

type PatronRequest = z.output<typeof patronRequestInputSchema>;

/** Submissions allowed per hour, per client address and per card number at one library. */
export const PATRON_LIMIT_PER_HOUR = 10;
const HOUR = 3_600_000;

const DEFAULTS: Omit<PatronPageSettings, 'version'> = {
  enabled: false,
  cardPrefix: '',
  cardMinLength: 5,
  cardMaxLength: 20,
  pickupLocations: [],
  allowCopies: true,
  introEn: '',
  introEs: '',
};

const CARD_MESSAGES: Record<CardProblem, (r: pq.PatronPageValues) => string> = {
  characters: () => 'must contain only letters and digits',
  prefix: (r) => `must start with ${r.cardPrefix.toUpperCase()}`,
  short: (r) => `must have at least ${r.cardMinLength} characters`,
  long: (r) => `must have at most ${r.cardMaxLength} characters`,
};

/**
 * A fixed one-hour window per client address, in this node's memory. Why memory: it counts every attempt
 * that passes the schema, those refused by the card rules included (card-number guessing), without writing
 * patrons' addresses to the database; the
 * price is that with N app nodes an address may get N × the limit. The per-card limit, which matters more,
 * is counted in PostgreSQL from the requests themselves, so it holds across nodes.
 */
export class AttemptLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly limit: number) {}

  /** Counts one attempt; returns the seconds to wait when over the limit, else null. */
  take(key: string, now = Date.now()): number | null {
    if (this.windows.size > 10_000)
      for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + HOUR };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count > this.limit ? Math.ceil((w.resetAt - now) / 1000) : null;
  }
}

const rateLimited = (seconds: number, message: string) =>
  new AppError('RATE_LIMITED', message, undefined, { 'retry-after': String(seconds) });

/** The public request page of a library: its settings, and what a patron submits through it. */
export class PatronPages {
  private readonly byAddress = new AttemptLimiter(PATRON_LIMIT_PER_HOUR);

  constructor(
    private readonly ctx: AppContext,
    private readonly service: SharingService,
  ) {}

  async settings(libraryId: string): Promise<PatronPageSettings> {
    const row = await pq.patronPageOf(this.ctx.db, libraryId);
    return row ? toSettings(row) : { ...DEFAULTS, version: 1 };
  }

  async updateSettings(libraryId: string, input: PatronPageSettings) {
    const { version, ...values } = input;
    const details: ErrorDetail[] = [];
    if (values.cardMinLength > values.cardMaxLength)
      details.push({ path: 'cardMaxLength', message: 'must not be less than the shortest length' });
    if (values.cardPrefix.length > values.cardMaxLength)
      details.push({ path: 'cardPrefix', message: 'must be shorter than the longest card number' });
    if (details.length)
      throw new AppError('VALIDATION_FAILED', 'The card-number rules do not fit together.', details);
    const pickupLocations = [...new Set(values.pickupLocations)];
    const row = await pq.upsertPatronPage(
      this.ctx.db,
      libraryId,
      { ...values, cardPrefix: values.cardPrefix.toUpperCase(), pickupLocations },
      version,
    );
    if (!row) throw new AppError('VERSION_CONFLICT');
    return toSettings(row);
  }

  /** The page as patrons see it; a library without it (or not an active member) has none. */
  async publicPage(symbol: string): Promise<PublicPatronPage> {
    const { library, page } = await this.openPage(symbol);
    return {
      library: { symbol: library.symbol, name: library.name },
      cardPrefix: page.cardPrefix,
      cardMinLength: page.cardMinLength,
      cardMaxLength: page.cardMaxLength,
      pickupLocations: page.pickupLocations,
      allowCopies: page.allowCopies,
      introEn: page.introEn,
      introEs: page.introEs,
      retentionDays: this.ctx.env.sharingPatronRetentionDays,
    };
  }

  private async openPage(symbol: string) {
    const found = await pq.libraryWithPageBySymbol(this.ctx.db, symbol);
    const open =
      found?.kind === 'library' &&
      (found.status === 'active' || found.status === 'grace') &&
      found.page?.enabled;
    if (!found || !open || !found.page) throw notFound('This library’s request page');
    return { library: found, page: found.page };
  }

  /**
   * A patron's request, in this order: the address limit (every attempt counts), the page (404 when off),
   * the honeypot (accepted in appearance, nothing stored), the fields against the page's rules, the
   * per-card limit, then the usual create path with `source: 'patron'`, which stops at `patron_review`.
   */
  async submit(symbol: string, input: PatronRequest, address: string, now = new Date()) {
    const wait = this.byAddress.take(address, now.getTime());
    if (wait !== null)
      throw rateLimited(wait, 'Too many requests from this connection. Please try again in an hour.');
    const { library, page } = await this.openPage(symbol);
    if (input.website) {
      this.ctx.log.info({ library: library.symbol }, 'patron request page: honeypot filled, dropped');
      return { reference: requestNumber(0), email: input.email } satisfies PatronRequestReceipt;
    }
    const cardNumber = normalizeCard(input.cardNumber);
    // "Today" anywhere in the member states: a day of slack west of UTC.
    checkFields(input, page, new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10));
    const since = new Date(now.getTime() - HOUR);
    if ((await pq.patronRequestsSince(this.ctx.db, library.id, cardNumber, since)) >= PATRON_LIMIT_PER_HOUR)
      throw rateLimited(
        3600,
        'This card has sent many requests in the last hour. Please try again later or ask library staff.',
      );
    const copy = input.serviceType === 'copy';
    // Patrons type a title as well as an identifier: find the catalog record by the identifier, so the
    // rota (and local holdings) come from the union catalog as for staff requests.
    const byId = copy ? { issn: input.issn } : { isbn: input.isbn, issn: input.issn };
    const found = Object.values(byId).some(Boolean) ? (await this.service.lookup(byId)).items : [];
    let reference = '';
    await this.service.create(
      null,
      library.id,
      {
        serviceType: input.serviceType,
        ...(found.length === 1 ? { clusterId: found[0]!.clusterId } : {}),
        citation: {
          title: input.title,
          author: copy ? '' : input.author,
          isbn: copy ? '' : input.isbn,
          issn: copy ? input.issn : '',
          year: input.year,
          articleTitle: copy ? input.articleTitle : '',
          articleAuthor: copy ? input.articleAuthor || input.author : '',
          volume: copy ? input.volume : '',
          issue: copy ? input.issue : '',
          pages: copy ? input.pages : '',
        },
        ...(input.needBefore ? { needBefore: input.needBefore } : {}),
        pickupLocation: input.pickupLocation,
        rush: false,
        patron: { name: input.name, email: input.email, locale: input.locale },
        staffNote: '',
      },
      now,
      {
        source: 'patron',
        cardNumber,
        alsoInTransaction: async (tx, req) => {
          reference = requestNumber(req.seq);
          return [await this.confirmation(tx, req, input, library.id)];
        },
      },
    );
    return { reference, email: input.email } satisfies PatronRequestReceipt;
  }

  /** The patron's "we received it" email, in their language, in the creating transaction. */
  private async confirmation(tx: Db, req: RequestRow, input: PatronRequest, libraryId: string) {
    const [library] = await librariesByIds(tx, [libraryId]);
    const mail = patronSubmittedMail(input.locale, {
      name: input.name,
      title: req.title,
      library: library?.name ?? '',
      reference: requestNumber(req.seq),
      retentionDays: this.ctx.env.sharingPatronRetentionDays,
    });
    return this.ctx.mailer.queue(tx, {
      ...mail,
      to: input.email,
      locale: input.locale,
      template: 'sharing.patron.submitted',
    });
  }
}

/** Every field the page's rules refuse, at once (so the form can mark them all). */
function checkFields(input: PatronRequest, page: pq.PatronPageValues, today: string) {
  const details: ErrorDetail[] = [];
  const problem = cardProblem(input.cardNumber, page);
  if (problem) details.push({ path: 'cardNumber', message: CARD_MESSAGES[problem](page) });
  if (input.serviceType === 'copy' && !page.allowCopies)
    details.push({ path: 'serviceType', message: 'this library does not take article copy requests here' });
  if (input.serviceType === 'copy' && !input.articleTitle)
    details.push({ path: 'articleTitle', message: 'is required for a copy' });
  if (input.needBefore && input.needBefore < today)
    details.push({ path: 'needBefore', message: 'must not be in the past' });
  if (page.pickupLocations.length && !page.pickupLocations.includes(input.pickupLocation))
    details.push({ path: 'pickupLocation', message: 'must be one of the library’s pickup locations' });
  if (details.length)
    throw new AppError('VALIDATION_FAILED', 'Some fields are not valid for this library.', details);
}

function toSettings(row: pq.PatronPageRow): PatronPageSettings {
  return {
    enabled: row.enabled,
    cardPrefix: row.cardPrefix,
    cardMinLength: row.cardMinLength,
    cardMaxLength: row.cardMaxLength,
    pickupLocations: row.pickupLocations,
    allowCopies: row.allowCopies,
    introEn: row.introEn,
    introEs: row.introEs,
    version: row.version,
  };
}
