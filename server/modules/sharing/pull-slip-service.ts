import type { AppContext } from '../../platform/context.ts';
import type { Locale, Principal } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors.ts';
import { clusterHoldings } from '../catalog/index.ts';
import { requestNumber } from './notify.ts';
import { currentLenders, shippingOf } from './pull-slip-queries.ts';
import { pullSlipsPdf, type PullSlip } from './pull-slips.ts';
import type { SharingViews } from './views.ts';

/**
 * Pull slips of one lending library as a PDF. Only requests whose current attempt is at that library are
 * printed; any other id refuses the whole batch (404 naming them), so a slip is never printed for an item
 * another library is handling. Each slip is built from the request as the lender sees it (no patron data)
 * plus public facts: the lender's own catalog items and the borrower's shipping address.
 */
export class PullSlips {
  constructor(
    private readonly ctx: AppContext,
    private readonly views: SharingViews,
  ) {}

  async pdf(actor: Principal, libraryId: string, ids: string[], locale: Locale): Promise<Buffer> {
    const db = this.ctx.db;
    const current = await currentLenders(db, ids);
    const here = new Set(current.filter((r) => r.lenderId === libraryId).map((r) => r.id));
    const elsewhere = ids.filter((id) => !here.has(id));
    if (elsewhere.length) {
      const known = new Map(current.map((r) => [r.id, requestNumber(r.seq)]));
      const names = elsewhere.map((id) => known.get(id) ?? id).join(', ');
      throw new AppError('NOT_FOUND', `Not asked of this library now, so no pull slip: ${names}.`);
    }
    const details = [];
    for (const id of ids) details.push(await this.views.detail(actor, id));
    const libraries = await shippingOf(db, [libraryId, ...new Set(details.map((d) => d.borrower.id))]);
    const lib = (id: string) => libraries.find((l) => l.id === id);
    const slips: PullSlip[] = [];
    for (const d of details) {
      const items = d.clusterId ? await clusterHoldings(db, d.clusterId) : [];
      const borrower = lib(d.borrower.id);
      slips.push({
        number: d.number,
        serviceType: d.serviceType,
        rush: d.rush,
        needBefore: d.needBefore,
        answerBy: d.attempt?.answerBy ?? null,
        citation: d.citation,
        shelves: items
          .filter((i) => i.libraryId === libraryId && (i.location || i.callNumber))
          .map((i) => ({ location: i.location ?? '', callNumber: i.callNumber ?? '' })),
        borrower: {
          name: d.borrower.name,
          symbol: d.borrower.symbol,
          address: borrower?.shippingAddress ?? null,
          courierStop: borrower?.courierStop ?? null,
        },
      });
    }
    const lender = lib(libraryId);
    return pullSlipsPdf(
      { lender: { name: lender?.name ?? '', symbol: lender?.symbol ?? '' }, slips },
      locale,
    );
  }
}
