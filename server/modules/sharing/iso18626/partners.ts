import crypto from 'node:crypto';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/client.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { audit } from '../../../platform/audit.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Partner, PartnerCreate, PartnerUpdate } from '../../../../shared/contracts/iso18626.ts';
import * as q from './queries.ts';

export type { PartnerRecord } from './queries.ts';
type PartnerRecord = q.PartnerRecord;

// ——— Inbound credentials ———

/**
 * The inbound security code is kept as HMAC-SHA256 under a random per-partner salt. A fast hash is enough
 * because the code is a long shared secret (12+ characters, refused shorter), not a person's password.
 */
export function hashInboundCode(code: string, salt = crypto.randomBytes(16)): string {
  const digest = crypto.createHmac('sha256', salt).update(code, 'utf8').digest();
  return `hmac-sha256$${salt.toString('base64url')}$${digest.toString('base64url')}`;
}

function codeMatches(stored: string, code: string): boolean {
  const [scheme, salt, digest] = stored.split('$');
  if (scheme !== 'hmac-sha256' || !salt || !digest) return false;
  const want = Buffer.from(digest, 'base64url');
  const got = crypto.createHmac('sha256', Buffer.from(salt, 'base64url')).update(code, 'utf8').digest();
  return want.length === got.length && crypto.timingSafeEqual(want, got);
}

const sameText = (a: string, b: string) => {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y);
};

/**
 * Whether an inbound message's requestingAgencyAuthentication is what the partner must send. A partner
 * with neither an account id nor a code configured sends no credentials, and anything is accepted.
 */
export function verifyInboundCredentials(
  partner: Pick<PartnerRecord, 'inboundAccountId' | 'inboundSecurityCodeHash'>,
  accountId: string | null | undefined,
  code: string | null | undefined,
): boolean {
  const wantAccount = partner.inboundAccountId;
  const wantHash = partner.inboundSecurityCodeHash;
  if (!wantAccount && !wantHash) return true;
  // Both checks always run, so a wrong account id costs as long as a wrong code.
  const accountOk = wantAccount ? sameText(wantAccount, accountId ?? '') : true;
  const codeOk = wantHash ? codeMatches(wantHash, code ?? '') : true;
  return accountOk && codeOk;
}

// ——— Lookups for the inbound endpoint and the two roles ———

export const partnerByAgency = (db: Db, type: string, value: string) =>
  q.findPartnerByAgency(db, type.trim(), value.trim());

export const partnerByOrganization = (db: Db, organizationId: string) => q.findPartner(db, organizationId);

/** Enabled partners that lend to us (asked after every member, as lenders of last resort). */
export const lendingPartners = (db: Db) => q.enabledLendingPartners(db);

const ID_CACHE_MS = 5_000;
const idCache = new WeakMap<object, { at: number; ids: Promise<ReadonlySet<string>> }>();

/**
 * Organisation ids of every partner (enabled or not), to tell "is this request with an outside library?"
 * on every saved change without a query each time. Cached per database for a few seconds; a partner is
 * added rarely, and a new one has no requests yet.
 */
export function partnerOrganizationIds(db: Db): Promise<ReadonlySet<string>> {
  const hit = idCache.get(db);
  if (hit && Date.now() - hit.at < ID_CACHE_MS) return hit.ids;
  const ids = q.partnerIds(db).then((list) => new Set(list) as ReadonlySet<string>);
  idCache.set(db, { at: Date.now(), ids });
  ids.catch(() => idCache.delete(db));
  return ids;
}

// ——— Configuration by consortium staff ———

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function healthOf(p: PartnerRecord): Partner['status']['health'] {
  if (!p.enabled) return 'disabled';
  if (p.unreachableSince) return 'unreachable';
  return p.lastContactAt ? 'ok' : 'untried';
}

/** What consortium staff see: never a secret, only whether each is set. */
export function presentPartner(p: PartnerRecord, outbox = { waiting: 0, failed: 0 }): Partner {
  return {
    id: p.organizationId,
    name: p.name,
    symbol: p.symbol,
    city: p.city,
    state: p.state,
    region: p.region,
    timeZone: p.timeZone,
    address: p.address,
    agencyIdType: p.agencyIdType,
    agencyIdValue: p.agencyIdValue,
    endpointUrl: p.endpointUrl,
    isoVersion: p.isoVersion,
    quirks: {
      expectToSupplyAsWillSupply: p.quirks.expectToSupplyAsWillSupply === true,
      termsInNote: p.quirks.termsInNote === true,
      plainVersionAttribute: p.quirks.plainVersionAttribute === true,
    },
    enabled: p.enabled,
    lends: p.lends,
    borrows: p.borrows,
    inboundAccountId: p.inboundAccountId,
    credentials: {
      outboundAccountId: Boolean(p.outboundAccountId),
      outboundSecurityCode: Boolean(p.outboundSecurityCode),
      inboundSecurityCode: Boolean(p.inboundSecurityCodeHash),
    },
    status: {
      health: healthOf(p),
      unreachableSince: iso(p.unreachableSince),
      lastError: p.lastError,
      lastContactAt: iso(p.lastContactAt),
    },
    outbox,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/** ISO 18626 partners: created and edited by consortium staff, with their organisation row. */
export class PartnerService {
  constructor(private readonly ctx: AppContext) {}

  private inTransaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.ctx.db.transaction(async (tx) => work(tx as unknown as Db));
  }

  async list() {
    const [rows, counts] = await Promise.all([q.listPartners(this.ctx.db), q.outboxCounts(this.ctx.db)]);
    return { items: rows.map((p) => presentPartner(p, counts.get(p.organizationId))) };
  }

  async get(id: string) {
    const p = await q.findPartner(this.ctx.db, id);
    if (!p) throw notFound('This partner');
    const counts = await q.outboxCounts(this.ctx.db);
    return presentPartner(p, counts.get(id));
  }

  private async checkUnique(tx: Db, input: Partial<PartnerCreate>, current?: PartnerRecord) {
    const problems: { path: string; message: string }[] = [];
    if (input.symbol && (await q.symbolTaken(tx, input.symbol, current?.organizationId)))
      problems.push({ path: 'symbol', message: 'another organization has this symbol' });
    const type = input.agencyIdType ?? current?.agencyIdType;
    const value = input.agencyIdValue ?? current?.agencyIdValue;
    if (
      (input.agencyIdType || input.agencyIdValue) &&
      type &&
      value &&
      (await q.agencyTaken(tx, type, value, current?.organizationId))
    )
      problems.push({ path: 'agencyIdValue', message: 'another partner has this agency id' });
    if (problems.length)
      throw new AppError('CONFLICT', 'The symbol or agency id is already in use.', problems);
  }

  async create(actor: Principal, input: PartnerCreate, ip?: string) {
    try {
      const id = await this.inTransaction(async (tx) => {
        await this.checkUnique(tx, input);
        const id = await q.insertPartnerOrganization(tx, {
          kind: 'partner',
          status: 'active',
          name: input.name,
          symbol: input.symbol,
          city: input.city,
          state: input.state,
          region: input.region ?? '',
          timeZone: input.timeZone,
          streetAddress: input.address,
          shippingAddress: input.address,
        });
        await q.insertPartner(tx, {
          organizationId: id,
          agencyIdType: input.agencyIdType,
          agencyIdValue: input.agencyIdValue,
          endpointUrl: input.endpointUrl,
          isoVersion: input.isoVersion,
          quirks: input.quirks ?? {},
          enabled: input.enabled ?? true,
          lends: input.lends ?? true,
          borrows: input.borrows ?? true,
          outboundAccountId: input.outboundAccountId ?? null,
          outboundSecurityCode: input.outboundSecurityCode ?? null,
          inboundAccountId: input.inboundAccountId ?? null,
          inboundSecurityCodeHash: input.inboundSecurityCode
            ? hashInboundCode(input.inboundSecurityCode)
            : null,
        });
        await audit(tx, {
          action: 'sharing.partner.create',
          actor,
          organizationId: id,
          targetType: 'iso_partner',
          targetId: id,
          ip: ip ?? null,
          details: { symbol: input.symbol, agency: `${input.agencyIdType}:${input.agencyIdValue}` },
        });
        return id;
      });
      idCache.delete(this.ctx.db);
      return this.get(id);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('CONFLICT', 'The symbol or agency id is already in use.');
      throw error;
    }
  }

  async update(actor: Principal, id: string, input: PartnerUpdate, ip?: string) {
    try {
      await this.inTransaction(async (tx) => {
        const locked = await q.lockPartner(tx, id);
        if (!locked) throw notFound('This partner');
        if (locked.version !== input.version) throw new AppError('VERSION_CONFLICT');
        const current = (await q.findPartner(tx, id))!;
        await this.checkUnique(tx, input, current);
        const { version: _v, address, inboundSecurityCode, ...rest } = input;
        const org: Parameters<typeof q.updatePartnerOrganization>[2] = {};
        for (const key of ['name', 'symbol', 'city', 'state', 'region', 'timeZone'] as const)
          if (rest[key] !== undefined) org[key] = rest[key];
        if (address) Object.assign(org, { streetAddress: address, shippingAddress: address });
        await q.updatePartnerOrganization(tx, id, org);
        const iso: Parameters<typeof q.updatePartner>[2] = {};
        for (const key of [
          'agencyIdType',
          'agencyIdValue',
          'endpointUrl',
          'isoVersion',
          'quirks',
          'enabled',
          'lends',
          'borrows',
          'outboundAccountId',
          'outboundSecurityCode',
          'inboundAccountId',
        ] as const)
          if (rest[key] !== undefined) Object.assign(iso, { [key]: rest[key] });
        if (inboundSecurityCode !== undefined)
          iso.inboundSecurityCodeHash = inboundSecurityCode ? hashInboundCode(inboundSecurityCode) : null;
        // A changed address or a re-enabled partner gets a fresh start: the next delivery decides.
        if (rest.endpointUrl || rest.enabled) Object.assign(iso, { unreachableSince: null });
        await q.updatePartner(tx, id, iso);
        await audit(tx, {
          action: 'sharing.partner.update',
          actor,
          organizationId: id,
          targetType: 'iso_partner',
          targetId: id,
          ip: ip ?? null,
          // Names of the changed fields only: secret values never reach the audit log.
          details: { fields: Object.keys(input).filter((k) => k !== 'version') },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('CONFLICT', 'The symbol or agency id is already in use.');
      throw error;
    }
    return this.get(id);
  }
}
