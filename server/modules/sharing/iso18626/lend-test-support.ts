import { and, asc, eq, gt } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp, Client } from '../../../test/harness.ts';
import { insertOrganization } from '../../../test/fixtures.ts';
import type { RequestDetail } from '../../../../shared/contracts/sharing.ts';
import { buildMessage, parseConfirmation, parseMessage } from './codec.ts';
import { validateXsd } from './fixtures/xsd.ts';
import type {
  IsoAction,
  IsoRequest,
  IsoRequestingAgencyMessage,
  IsoSupplyingAgencyMessage,
  IsoVersion,
  PatronInfo,
  ServiceInfo,
} from './messages.ts';
import { sharingRequests } from '../tables.ts';
import { sharingIsoMessages, sharingIsoPartners, type PartnerQuirks } from './tables.ts';

/**
 * Test helpers for the lending role: an outside library (a partner) that sends ISO 18626 requests and
 * requesting-agency messages to POST /iso18626, and reads what we queued for it from the outbox — each
 * message checked against the XSD of the partner's version.
 */
type RequestOptions = {
  service?: Partial<ServiceInfo>;
  bib?: IsoRequest['bibliographicInfo'];
  patron?: PatronInfo;
};

export type OutsideBorrower = Awaited<ReturnType<typeof outsideBorrower>>;

export async function outsideBorrower(
  t: TestApp,
  version: IsoVersion,
  symbol: string,
  opts: { quirks?: PartnerQuirks; borrows?: boolean; endpointUrl?: string } = {},
) {
  const org = await insertOrganization(t.ctx.db, {
    kind: 'partner',
    name: `Outside library ${symbol}`,
    symbol,
  });
  const agency = { agencyIdType: 'ISIL', agencyIdValue: `US-${symbol}` };
  await t.ctx.db.insert(sharingIsoPartners).values({
    organizationId: org.id,
    ...agency,
    endpointUrl: opts.endpointUrl ?? 'http://127.0.0.1:9/iso18626',
    isoVersion: version,
    quirks: opts.quirks ?? {},
    borrows: opts.borrows ?? true,
  });
  let seen = 0;

  const header = (id: string, lender: string, extra: object = {}) => ({
    supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: lender },
    requestingAgencyId: agency,
    timestamp: new Date(),
    requestingAgencyRequestId: id,
    ...(version === '1.2' ? { multipleItemRequestId: '' } : {}),
    ...extra,
  });

  async function post(xml: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/iso18626',
      headers: { 'content-type': 'application/xml' },
      payload: xml,
    });
    expect(res.statusCode).toBe(200);
    const confirmation = parseConfirmation(res.body);
    if (!confirmation.ok) throw new Error(`unreadable confirmation: ${res.body}`);
    return confirmation;
  }

  return {
    org,
    agency,
    version,
    /** A request for a book (or an article with `bib`), to our member `lender` (its symbol). */
    request(id: string, lender: string, opts: RequestOptions = {}) {
      return post(this.requestXml(id, lender, opts));
    },
    requestXml(id: string, lender: string, opts: RequestOptions = {}) {
      const message: IsoRequest = {
        kind: 'request',
        header: header(id, lender),
        bibliographicInfo: opts.bib ?? {
          title: 'Caddo ceramics of the Red River',
          author: 'Test Author',
          bibliographicItemId: [{ code: 'ISBN', value: '9780292712345' }],
        },
        publicationInfo: { publisher: 'University Press', publicationDate: '2019' },
        serviceInfo: { requestType: 'New', serviceType: 'Loan', serviceLevel: 'Normal', ...opts.service },
        ...(opts.patron ? { patronInfo: opts.patron } : {}),
      };
      return buildMessage(message, version);
    },
    action(id: string, lender: string, action: IsoAction, note?: string) {
      const message: IsoRequestingAgencyMessage = {
        kind: 'requestingAgencyMessage',
        header: header(id, lender),
        action,
        ...(note ? { note } : {}),
      };
      return post(buildMessage(message, version));
    },
    post,
    /** Our request for their id. */
    async ours(id: string) {
      const [row] = await t.ctx.db
        .select()
        .from(sharingRequests)
        .where(and(eq(sharingRequests.borrowerId, org.id), eq(sharingRequests.externalRequestId, id)));
      if (!row) throw new Error(`no request ${id}`);
      return row;
    },
    /** The supplying-agency messages queued for this partner since the last call, XSD-checked, in order. */
    async received(): Promise<IsoSupplyingAgencyMessage[]> {
      const rows = await t.ctx.db
        .select()
        .from(sharingIsoMessages)
        .where(
          and(
            eq(sharingIsoMessages.partnerId, org.id),
            eq(sharingIsoMessages.direction, 'out'),
            gt(sharingIsoMessages.id, seen),
          ),
        )
        .orderBy(asc(sharingIsoMessages.id));
      const out: IsoSupplyingAgencyMessage[] = [];
      for (const row of rows) {
        seen = Math.max(seen, row.id);
        const check = validateXsd(row.body, version);
        expect(check.valid, `${check.errors}\n${row.body}`).toBe(true);
        const parsed = parseMessage(row.body);
        if (!parsed.ok || parsed.message.kind !== 'supplyingAgencyMessage')
          throw new Error(`not a supplyingAgencyMessage: ${row.body}`);
        expect(parsed.version).toBe(version);
        out.push(parsed.message);
      }
      return out;
    },
  };
}

export const detail = async (client: Client, id: string) =>
  (await client.get(`/api/v1/sharing/requests/${id}`)).json() as RequestDetail;

export async function act(client: Client, id: string, action: string, extra: object = {}) {
  const { version } = await detail(client, id);
  const res = await client.post(`/api/v1/sharing/requests/${id}/actions`, { action, version, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RequestDetail;
}
