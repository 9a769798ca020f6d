import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../../platform/context.ts';
import { toMarcXml, type MarcRecord } from '../../catalog/marc/index.ts';
import * as q from '../queries.ts';
import { dublinCoreElements, xml } from '../sru/records.ts';

/**
 * OAI-PMH 2.0 over the libraries' own records (not clusters): identifiers oai:<host>:<record uuid>, the
 * record's updated_at as datestamp (second granularity, UTC), one set per library, withdrawn records kept
 * as deleted. Resumption tokens carry the whole request plus the last id, signed with the app secret, so any
 * process can continue a harvest and a forged or edited token is refused.
 */
export const PAGE_SIZE = 50;
const FORMATS = {
  marc21: {
    ns: 'http://www.loc.gov/MARC21/slim',
    schema: 'http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd',
  },
  oai_dc: {
    ns: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
    schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  },
} as const;
type Format = keyof typeof FORMATS;
const VERBS: Record<string, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
  ListRecords: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
};
type Request = { metadataPrefix: string; from?: string; until?: string; set?: string; after?: string };

class OaiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function parseDate(value: string, name: string, end: boolean): Date {
  const m = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}Z)?$/.exec(value);
  const d = m ? new Date(m[2] ? value : `${value}T00:00:00Z`) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new OaiError('badArgument', `${name} is not a UTC date or datetime`);
  // until is inclusive at the stated granularity: up to the end of that second (or day).
  return end ? new Date(d.getTime() + (m![2] ? 1000 : 86_400_000)) : d;
}

export class OaiService {
  private readonly host: string;
  constructor(private readonly ctx: AppContext) {
    this.host = new URL(ctx.env.baseUrl).hostname;
  }

  async handle(params: Record<string, string>, repeated: Set<string>): Promise<string> {
    const verb = params.verb;
    const request = Object.entries(params)
      .filter(([k]) =>
        ['verb', 'identifier', 'metadataPrefix', 'from', 'until', 'set', 'resumptionToken'].includes(k),
      )
      .map(([k, v]) => ` ${k}="${xml(v)}"`)
      .join('');
    try {
      const spec = verb ? VERBS[verb] : undefined;
      if (!spec || repeated.has('verb')) throw new OaiError('badVerb', 'Missing, repeated or unknown verb');
      const allowed = new Set([
        'verb',
        ...spec.required,
        ...spec.optional,
        ...(spec.exclusive ? [spec.exclusive] : []),
      ]);
      for (const k of Object.keys(params))
        if (!allowed.has(k)) throw new OaiError('badArgument', `Illegal argument ${k}`);
      if (repeated.size > 0) throw new OaiError('badArgument', 'Repeated argument');
      if (spec.exclusive && params[spec.exclusive] !== undefined) {
        if (Object.keys(params).length > 2) throw new OaiError('badArgument', 'resumptionToken is exclusive');
      } else {
        for (const k of spec.required)
          if (!params[k]) throw new OaiError('badArgument', `Missing argument ${k}`);
      }
      const body = await this.run(verb!, params);
      return this.envelope(
        `<request verb="${xml(verb!)}"${request.replace(/ verb="[^"]*"/, '')}>${xml(this.base())}</request>${body}`,
      );
    } catch (e) {
      if (!(e instanceof OaiError)) throw e;
      const attrs = e.code === 'badVerb' || e.code === 'badArgument' ? '' : request;
      return this.envelope(
        `<request${attrs}>${xml(this.base())}</request><error code="${e.code}">${xml(e.message)}</error>`,
      );
    }
  }

  private base() {
    return `${this.ctx.env.baseUrl}/oai`;
  }

  private envelope(inner: string) {
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ ' +
      `http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"><responseDate>${stamp(new Date())}</responseDate>${inner}</OAI-PMH>\n`
    );
  }

  private async run(verb: string, p: Record<string, string>): Promise<string> {
    switch (verb) {
      case 'Identify':
        return (
          `<Identify><repositoryName>Amigos Commons union catalog</repositoryName><baseURL>${xml(this.base())}</baseURL>` +
          `<protocolVersion>2.0</protocolVersion><adminEmail>catalog@amigos.example</adminEmail>` +
          `<earliestDatestamp>${stamp(await q.earliestUpdate(this.ctx.db))}</earliestDatestamp>` +
          '<deletedRecord>persistent</deletedRecord><granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify>'
        );
      case 'ListMetadataFormats': {
        if (p.identifier) await this.record(p.identifier);
        const formats = Object.entries(FORMATS)
          .map(
            ([prefix, f]) =>
              `<metadataFormat><metadataPrefix>${prefix}</metadataPrefix><schema>${f.schema}</schema><metadataNamespace>${f.ns}</metadataNamespace></metadataFormat>`,
          )
          .join('');
        return `<ListMetadataFormats>${formats}</ListMetadataFormats>`;
      }
      case 'ListSets': {
        if (p.resumptionToken) throw new OaiError('badResumptionToken', 'ListSets is not paged');
        const sets = await q.librariesWithRecords(this.ctx.db);
        return `<ListSets>${sets.map((s) => `<set><setSpec>library:${xml(s.symbol)}</setSpec><setName>${xml(s.name)}</setName></set>`).join('')}</ListSets>`;
      }
      case 'GetRecord': {
        const format = this.format(p.metadataPrefix!);
        return `<GetRecord>${this.recordXml(await this.record(p.identifier!), format, true)}</GetRecord>`;
      }
      default:
        return this.list(verb as 'ListRecords' | 'ListIdentifiers', p);
    }
  }

  private format(prefix: string): Format {
    if (!(prefix in FORMATS)) throw new OaiError('cannotDisseminateFormat', `No format ${prefix}`);
    return prefix as Format;
  }

  private async record(identifier: string) {
    const m = new RegExp(`^oai:${this.host.replace(/\./g, '\\.')}:([0-9a-f-]{36})$`).exec(identifier);
    const rows = m ? await q.oaiRecords(this.ctx.db, { recordId: m[1], limit: 1 }) : [];
    if (!rows[0]) throw new OaiError('idDoesNotExist', `No item ${identifier}`);
    return rows[0];
  }

  private recordXml(r: Awaited<ReturnType<typeof q.oaiRecords>>[number], format: Format, full: boolean) {
    const deleted = r.status === 'withdrawn';
    const header =
      `<header${deleted ? ' status="deleted"' : ''}><identifier>oai:${this.host}:${r.id}</identifier>` +
      `<datestamp>${stamp(new Date(r.updatedAt))}</datestamp><setSpec>library:${xml(r.symbol)}</setSpec></header>`;
    if (!full) return header;
    if (deleted) return `<record>${header}</record>`;
    const marc = r.marc as MarcRecord;
    const metadata =
      format === 'marc21'
        ? toMarcXml(marc, { indent: '' })
        : `<oai_dc:dc xmlns:oai_dc="${FORMATS.oai_dc.ns}" xmlns:dc="http://purl.org/dc/elements/1.1/">${dublinCoreElements(marc)}</oai_dc:dc>`;
    return `<record>${header}<metadata>${metadata}</metadata></record>`;
  }

  private async list(verb: 'ListRecords' | 'ListIdentifiers', p: Record<string, string>) {
    const req: Request = p.resumptionToken
      ? this.readToken(p.resumptionToken)
      : { metadataPrefix: p.metadataPrefix!, from: p.from, until: p.until, set: p.set };
    const format = this.format(req.metadataPrefix);
    const from = req.from ? parseDate(req.from, 'from', false) : undefined;
    const until = req.until ? parseDate(req.until, 'until', true) : undefined;
    if (req.from && req.until && req.from.length !== req.until.length)
      throw new OaiError('badArgument', 'from and until differ in granularity');
    let libraryId: string | undefined;
    if (req.set) {
      const symbol = /^library:(.+)$/.exec(req.set)?.[1];
      const [lib] = symbol ? await q.librariesBySymbol(this.ctx.db, [symbol]) : [];
      if (!lib) throw new OaiError('noRecordsMatch', `No set ${req.set}`);
      libraryId = lib.id;
    }
    const rows = await q.oaiRecords(this.ctx.db, {
      libraryId,
      from,
      until,
      afterId: req.after,
      limit: PAGE_SIZE + 1,
    });
    if (rows.length === 0) {
      if (p.resumptionToken) throw new OaiError('badResumptionToken', 'The token points past the end');
      throw new OaiError('noRecordsMatch', 'No records match');
    }
    const page = rows.slice(0, PAGE_SIZE);
    const items = page.map((r) => this.recordXml(r, format, verb === 'ListRecords')).join('');
    let token = '';
    if (rows.length > PAGE_SIZE)
      token = `<resumptionToken>${this.signToken({ ...req, after: page.at(-1)!.id })}</resumptionToken>`;
    else if (p.resumptionToken) token = '<resumptionToken/>';
    return `<${verb}>${items}${token}</${verb}>`;
  }

  private signToken(req: Request): string {
    const payload = Buffer.from(JSON.stringify(req)).toString('base64url');
    return `${payload}.${createHmac('sha256', this.ctx.secretKey).update(payload).digest('base64url')}`;
  }

  private readToken(token: string): Request {
    const [payload, mac] = token.split('.');
    const expected = payload
      ? createHmac('sha256', this.ctx.secretKey).update(payload).digest()
      : Buffer.alloc(0);
    const given = Buffer.from(mac ?? '', 'base64url');
    if (!payload || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new OaiError('badResumptionToken', 'Invalid resumption token');
    }
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Request;
  }
}
