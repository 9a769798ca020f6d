/**
 * Test support: an outside ILL system on a real HTTP port, in either version, that records every message
 * we send it (each checked against the XSD of its version: an invalid one fails the test), answers with
 * confirmations — OK, or what the script says — and sends its own messages to our endpoint.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildConfirmation, buildMessage, parseConfirmation, parseMessage } from './codec.ts';
import { validateXsd } from './fixtures/xsd.ts';
import type {
  AgencyId,
  DeliveryInfo,
  IsoError,
  IsoMessage,
  IsoSupplyingAgencyMessage,
  IsoVersion,
  MessageInfo,
  ParsedConfirmation,
  RetryInfo,
  ShippingInfo,
  StatusInfo,
} from './messages.ts';
import type { IsoReasonForMessage, IsoStatus } from './lists.ts';
import type { TestApp } from '../../../test/harness.ts';
import { insertOrganization } from '../../../test/fixtures.ts';
import { hashInboundCode } from './partners.ts';
import { sharingIsoPartners, type PartnerQuirks } from './tables.ts';

/** How the peer answers a message: an OK confirmation, an ERROR one, a server error, or no answer. */
export type PeerAnswer = 'ok' | IsoError | { http: number } | 'drop';

export type ReceivedMessage = { body: string; message: IsoMessage };

export class ScriptedPeer {
  readonly received: ReceivedMessage[] = [];
  /** Bodies that were not valid against the XSD, or not readable, with the reason. */
  readonly invalid: { body: string; why: string }[] = [];
  /** Answers for the next messages, in order; then OK. */
  readonly script: PeerAnswer[] = [];
  url = '';
  private server: http.Server | null = null;
  private clock: number;
  private seq = 0;

  constructor(
    readonly version: IsoVersion,
    readonly agency: AgencyId,
    start = Date.UTC(2026, 10, 3, 14),
  ) {
    this.clock = start;
  }

  async start() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.answer(Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/iso18626`;
    return this;
  }

  async close() {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private answer(body: string, res: http.ServerResponse) {
    const check = validateXsd(body, this.version);
    if (!check.valid) this.invalid.push({ body, why: check.errors });
    const parsed = parseMessage(body);
    if (!parsed.ok) {
      this.invalid.push({ body, why: `${parsed.errorType}: ${parsed.errorValue}` });
      return res.writeHead(400).end();
    }
    this.received.push({ body, message: parsed.message });
    const planned = this.script.shift() ?? 'ok';
    if (planned === 'drop') return res.destroy();
    if (typeof planned === 'object' && 'http' in planned) return res.writeHead(planned.http).end('failure');
    const m = parsed.message;
    const xml = buildConfirmation(
      m.kind,
      {
        supplyingAgencyId: m.header.supplyingAgencyId,
        requestingAgencyId: m.header.requestingAgencyId,
        requestingAgencyRequestId: m.header.requestingAgencyRequestId,
        timestamp: m.header.timestamp,
      },
      planned === 'ok' ? 'OK' : planned,
      this.version,
      m.kind === 'requestingAgencyMessage' ? { action: m.action } : {},
    );
    res.writeHead(200, { 'content-type': 'application/xml' }).end(xml);
  }

  /** The requests we sent it, in order. */
  requests() {
    return this.received.flatMap((r) => (r.message.kind === 'request' ? [r.message] : []));
  }

  /** The actions of the requesting-agency messages we sent it, in order. */
  actions() {
    return this.received.flatMap((r) => (r.message.kind === 'requestingAgencyMessage' ? [r.message] : []));
  }

  /** A supplying-agency message about the last request it received (or `about`), a minute after the last. */
  sam(
    reasonForMessage: IsoReasonForMessage,
    status: IsoStatus,
    more: {
      about?: string;
      /** Our agency it is addressed to (default: the one its last request came from). */
      to?: AgencyId;
      messageInfo?: Partial<MessageInfo>;
      statusInfo?: Partial<StatusInfo>;
      deliveryInfo?: DeliveryInfo;
      shippingInfo?: ShippingInfo;
      retryInfo?: RetryInfo;
      timestamp?: Date;
    } = {},
  ): IsoSupplyingAgencyMessage {
    const last = this.requests().at(-1);
    if (!last && !more.about) throw new Error('The peer has received no request to answer');
    this.clock += 60_000;
    const at = more.timestamp ?? new Date(this.clock);
    return {
      kind: 'supplyingAgencyMessage',
      header: {
        supplyingAgencyId: this.agency,
        requestingAgencyId: more.to ??
          last?.header.requestingAgencyId ?? { agencyIdType: 'ISIL', agencyIdValue: 'NONE' },
        timestamp: at,
        requestingAgencyRequestId: more.about ?? last!.header.requestingAgencyRequestId,
        supplyingAgencyRequestId: `PEER-${last ? this.requests().length : `X${++this.seq}`}`,
        ...(this.version === '1.2' ? { multipleItemRequestId: '' } : {}),
      },
      messageInfo: { reasonForMessage, ...more.messageInfo },
      statusInfo: { status, lastChange: at, ...more.statusInfo },
      ...(more.deliveryInfo ? { deliveryInfo: more.deliveryInfo } : {}),
      ...(more.shippingInfo ? { shippingInfo: more.shippingInfo } : {}),
      ...(more.retryInfo ? { retryInfo: more.retryInfo } : {}),
    };
  }

  /** Sends a message to our endpoint (its XML checked against the XSD first) and reads the confirmation. */
  async send(app: FastifyInstance, message: IsoMessage | string) {
    const xml = typeof message === 'string' ? message : buildMessage(message, this.version);
    if (typeof message !== 'string') {
      const check = validateXsd(xml, this.version);
      if (!check.valid) throw new Error(`The peer's own message is not valid: ${check.errors}`);
    }
    const res = await app.inject({
      method: 'POST',
      url: '/iso18626',
      headers: { 'content-type': 'application/xml' },
      payload: xml,
    });
    const confirmation: ParsedConfirmation = parseConfirmation(res.body);
    return { statusCode: res.statusCode, body: res.body, xml, confirmation };
  }
}

export async function startPeer(version: IsoVersion, agency: AgencyId) {
  return new ScriptedPeer(version, agency).start();
}

/**
 * The peer as one of our partners (an organisation of kind `partner` with its ISO 18626 row), lending to
 * us. With `inboundCode`, it must authenticate as account `peer` with that code.
 */
export async function outsideLender(
  t: TestApp,
  peer: ScriptedPeer,
  symbol: string,
  opts: { quirks?: PartnerQuirks; inboundCode?: string; lends?: boolean } = {},
) {
  const org = await insertOrganization(t.ctx.db, {
    kind: 'partner',
    name: `Outside lender ${symbol}`,
    symbol,
    timeZone: 'America/Denver',
  });
  await t.ctx.db.insert(sharingIsoPartners).values({
    organizationId: org.id,
    ...peer.agency,
    endpointUrl: peer.url,
    isoVersion: peer.version,
    quirks: opts.quirks ?? {},
    lends: opts.lends ?? true,
    outboundAccountId: 'amigos',
    outboundSecurityCode: `code-for-${symbol}`,
    ...(opts.inboundCode
      ? { inboundAccountId: 'peer', inboundSecurityCodeHash: hashInboundCode(opts.inboundCode) }
      : {}),
  });
  return org;
}
