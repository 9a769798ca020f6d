/**
 * The ISO 18626 endpoint's work: read the message, find the partner that sent it (its agency id and
 * credentials), answer a repeated body from the log, and hand the message to the role it belongs to —
 * supplyingAgencyMessages to our borrowing side, requests and requestingAgencyMessages to our lending side.
 * Every message is logged (patron data removed) with our confirmation and its outcome. An ERROR answer
 * always comes with a rolled-back transaction: nothing a refused message did survives.
 */
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/client.ts';
import type { Notifier } from '../notify.ts';
import { agencyLabel } from './agency.ts';
import { handleSupplyingMessage } from './borrowing-side.ts';
import { buildConfirmation, parseMessage } from './codec.ts';
import type { InboundContext, InboundOutcome, InboundPartner } from './handlers.ts';
import { handleInboundRequest, handleInboundRequestingMessage } from './lending-side.ts';
import type { ConfirmationEcho, IsoError, IsoMessage, IsoVersion } from './messages.ts';
import { partnerByAgency, verifyInboundCredentials } from './partners.ts';
import { findInboundByHash, inboundBodyHash, recordInbound, type InboundLogEntry } from './outbox.ts';
import { redactPatron } from './redact.ts';

export type Received = { xml: string; outcome: 'applied' | 'ignored' | 'error' | 'duplicate' };

/** The longest body kept in the log for a message that could not be read (the rest is cut). */
const LOG_LIMIT = 64 * 1024;

class Refused extends Error {
  constructor(readonly result: Extract<InboundOutcome, { outcome: 'error' }>) {
    super(result.errorValue);
  }
}
class AlreadyLogged extends Error {}

const echoOf = (m: IsoMessage): ConfirmationEcho => ({
  supplyingAgencyId: m.header.supplyingAgencyId,
  requestingAgencyId: m.header.requestingAgencyId,
  requestingAgencyRequestId: m.header.requestingAgencyRequestId,
  ...(m.header.multipleItemRequestId ? { multipleItemRequestId: m.header.multipleItemRequestId } : {}),
  timestamp: m.header.timestamp,
});

const extrasOf = (m: IsoMessage) =>
  m.kind === 'supplyingAgencyMessage'
    ? { reasonForMessage: m.messageInfo.reasonForMessage }
    : m.kind === 'requestingAgencyMessage'
      ? { action: m.action }
      : {};

const what = (m: IsoMessage) =>
  m.kind === 'supplyingAgencyMessage'
    ? `${m.messageInfo.reasonForMessage} ${m.statusInfo.status}`
    : m.kind === 'requestingAgencyMessage'
      ? m.action
      : `request ${m.serviceInfo?.requestType ?? 'New'}`;

export class IsoInbound {
  constructor(
    private readonly ctx: AppContext,
    private readonly notifier: Notifier,
  ) {}

  /** Answers one POSTed body with its confirmation XML. Never throws. */
  async receive(body: Buffer | string, now = new Date()): Promise<Received> {
    const started = Date.now();
    const took = () => Date.now() - started;
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const hash = inboundBodyHash(bytes);
    const text = () => redactPatron(bytes.subarray(0, LOG_LIMIT).toString('utf8'));
    const parsed = parseMessage(bytes);
    if (!parsed.ok) {
      const version: IsoVersion = parsed.version ?? '2021';
      const xml = buildConfirmation(parsed.kind ?? 'request', parsed.header ?? {}, parsed, version, { now });
      await this.log({
        kind: parsed.kind ?? 'unknown',
        summary: `ERROR ${parsed.errorType}: ${parsed.errorValue}`.slice(0, 500),
        body: text(),
        confirmation: xml,
        status: 'error',
        error: parsed.errorValue.slice(0, 1000),
        durationMs: took(),
      });
      return { xml, outcome: 'error' };
    }
    const { message: m, version, unknownCodes } = parsed;
    const confirm = (status: 'OK' | IsoError) =>
      buildConfirmation(m.kind, echoOf(m), status, version, { ...extrasOf(m), now });
    const refuse = async (err: IsoError, partnerId: string | null, extra: Partial<InboundLogEntry> = {}) => {
      const xml = confirm(err);
      await this.log({
        kind: m.kind,
        partnerId,
        summary: `${what(m)}: ERROR ${err.errorType}: ${err.errorValue}`.slice(0, 500),
        body: text(),
        confirmation: xml,
        status: 'error',
        error: err.errorValue.slice(0, 1000),
        durationMs: took(),
        ...extra,
      });
      return { xml, outcome: 'error' as const };
    };

    const sender =
      m.kind === 'supplyingAgencyMessage' ? m.header.supplyingAgencyId : m.header.requestingAgencyId;
    const partner = await partnerByAgency(this.ctx.db, sender.agencyIdType, sender.agencyIdValue).catch(
      () => null,
    );
    if (!partner || !partner.enabled)
      return refuse(
        { errorType: 'UnrecognisedDataValue', errorValue: `Unknown agency ${agencyLabel(sender)}` },
        null,
      );
    // 2021 supplying-agency messages carry no credentials: checked when the message has them (or may).
    const auth = m.header.requestingAgencyAuthentication;
    if (
      (m.kind !== 'supplyingAgencyMessage' || auth) &&
      !verifyInboundCredentials(partner, auth?.accountId, auth?.securityCode)
    )
      return refuse(
        { errorType: 'UnrecognisedDataValue', errorValue: 'requestingAgencyAuthentication' },
        partner.organizationId,
      );

    const seen = await findInboundByHash(this.ctx.db, partner.organizationId, hash);
    if (seen?.confirmation) return { xml: seen.confirmation, outcome: 'duplicate' };

    const codes = unknownCodes.length
      ? ` (unknown codes: ${unknownCodes.map((u) => `${u.path}=${u.value}`).join(', ')})`
      : '';
    const inbound: InboundPartner = {
      organizationId: partner.organizationId,
      agencyIdType: partner.agencyIdType,
      agencyIdValue: partner.agencyIdValue,
      isoVersion: partner.isoVersion,
      quirks: partner.quirks,
      lends: partner.lends,
      borrows: partner.borrows,
    };
    const mailIds: string[] = [];
    try {
      const result = await this.ctx.db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const c: InboundContext = {
          tx,
          ctx: this.ctx,
          partner: inbound,
          version,
          now,
          notify: async (flow) =>
            void mailIds.push(...(await this.notifier.write(tx, flow.notices, flow.req))),
        };
        const out = await dispatch(c, m);
        if (out.outcome === 'error') throw new Refused(out);
        const xml = confirm('OK');
        const id = await recordInbound(tx, {
          requestId: out.requestId,
          attemptId: out.attemptId,
          partnerId: partner.organizationId,
          kind: m.kind,
          summary: `${out.summary}${codes}`.slice(0, 500),
          body: text(),
          bodyHash: hash,
          confirmation: xml,
          status: out.outcome,
          durationMs: took(),
        });
        // The same body arrived twice at once: the other one counts, this one is undone.
        if (id === null) throw new AlreadyLogged();
        return { xml, outcome: out.outcome };
      });
      if (mailIds.length) void this.ctx.mailer.dispatch(mailIds);
      return result;
    } catch (e) {
      if (e instanceof Refused)
        return refuse(e.result, partner.organizationId, {
          requestId: e.result.requestId ?? null,
          attemptId: e.result.attemptId ?? null,
          bodyHash: hash,
        });
      if (e instanceof AlreadyLogged) {
        const stored = await findInboundByHash(this.ctx.db, partner.organizationId, hash);
        if (stored?.confirmation) return { xml: stored.confirmation, outcome: 'duplicate' };
      }
      this.ctx.log.error({ err: e, partner: partner.symbol, kind: m.kind }, 'iso18626 inbound failed');
      // Not cached by hash: the partner may send the same message again once the cause is fixed.
      return refuse(
        {
          errorType: 'UnrecognisedDataValue',
          errorValue: 'The message could not be applied now; send it again later.',
        },
        partner.organizationId,
      );
    }
  }

  /** One log row for a refused message (outside any state change). Logging never breaks the answer. */
  private async log(
    row: Partial<InboundLogEntry> &
      Pick<InboundLogEntry, 'kind' | 'summary' | 'body' | 'confirmation' | 'status'>,
  ) {
    try {
      await recordInbound(this.ctx.db, {
        requestId: null,
        attemptId: null,
        partnerId: null,
        bodyHash: null,
        ...row,
      });
    } catch (err) {
      this.ctx.log.warn({ err }, 'iso18626 inbound log failed');
    }
  }
}

function dispatch(c: InboundContext, m: IsoMessage): Promise<InboundOutcome> {
  switch (m.kind) {
    case 'supplyingAgencyMessage':
      return handleSupplyingMessage(c, m);
    case 'request':
      return handleInboundRequest(c, m);
    case 'requestingAgencyMessage':
      return handleInboundRequestingMessage(c, m);
  }
}
