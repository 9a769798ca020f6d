import type { Db } from '../../../platform/db/client.ts';
import { librariesByIds } from '../../members/index.ts';
import { requestNumber } from '../notify.ts';
import type { AttemptRow, RequestRow } from '../queries.ts';
import { ourAgencyIdOf } from './agency.ts';
import { partnersAmong, type PartnerRow } from './borrowing-queries.ts';
import { buildMessage } from './codec.ts';
import type { SamContext, QueuedSam } from './lend-sam.ts';
import { enqueueOutbound } from './outbox.ts';

export type PartnerSide = { partner: PartnerRow; context: SamContext };

/**
 * The partner behind a request and the message context for its current attempt, or null when the request's
 * borrower is not an outside library (or it has no attempt yet).
 */
export async function partnerSide(
  tx: Db,
  req: RequestRow,
  attempt: AttemptRow | null,
  now: Date,
  copyUrl?: string | null,
  known?: PartnerRow,
): Promise<PartnerSide | null> {
  if (req.source !== 'partner' || !req.externalRequestId || !attempt) return null;
  const partner = known ?? (await partnersAmong(tx, [req.borrowerId])).get(req.borrowerId);
  if (!partner) return null;
  const [member] = await librariesByIds(tx, [attempt.lenderId]);
  return {
    partner,
    context: {
      version: partner.isoVersion,
      quirks: partner.quirks,
      supplyingAgencyId: ourAgencyIdOf(member?.symbol ?? ''),
      requestingAgencyId: { agencyIdType: partner.agencyIdType, agencyIdValue: partner.agencyIdValue },
      requestingAgencyRequestId: req.externalRequestId,
      supplyingAgencyRequestId: requestNumber(req.seq),
      attempt,
      now,
      copyUrl: copyUrl ?? null,
    },
  };
}

/** Writes the messages to the outbox in this transaction, in order (delivered in order per request). */
export async function queueSams(tx: Db, req: RequestRow, side: PartnerSide, sams: readonly QueuedSam[]) {
  for (const s of sams)
    await enqueueOutbound(tx, {
      requestId: req.id,
      attemptId: side.context.attempt.id,
      partnerId: side.partner.organizationId,
      kind: 'supplyingAgencyMessage',
      summary: s.summary,
      body: buildMessage(s.message, side.partner.isoVersion, {
        plainVersionAttribute: side.partner.quirks.plainVersionAttribute === true,
      }),
    });
}
