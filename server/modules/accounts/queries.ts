import { and, count, desc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { auditLog, mailOutbox } from '../../platform/tables.ts';
import { organizations, users } from '../members/tables.ts';
import { accountTokens, loginFailures } from './tables.ts';

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row ?? null;
}

export async function findUserById(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findMe(db: Db, id: string) {
  const [row] = await db
    .select({
      user: users,
      organization: {
        id: organizations.id,
        name: organizations.name,
        kind: organizations.kind,
        symbol: organizations.symbol,
      },
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, id));
  return row ?? null;
}

export async function findOrganization(db: Db, id: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}

export async function updateUser(db: Db, id: string, values: Partial<typeof users.$inferInsert>) {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(eq(users.id, id))
    .returning();
  return row ?? null;
}

/** Sign-in bookkeeping only: no version bump, so a sign-in never invalidates an admin's open edit form. */
export async function touchLastLogin(db: Db, id: string) {
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, id));
}

export async function insertUser(db: Db, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function recordLoginFailure(db: Db, email: string, ip: string | null) {
  await db.insert(loginFailures).values({ email: email.toLowerCase(), ip });
}

/** Failures in the window, counted per email and per address; both limits apply. */
export async function countRecentFailures(db: Db, email: string, ip: string | null, since: Date) {
  const [byEmail] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email.toLowerCase()), gt(loginFailures.at, since)));
  const [byIp] = ip
    ? await db
        .select({ n: count() })
        .from(loginFailures)
        .where(and(sql`${loginFailures.ip} = ${ip}::inet`, gt(loginFailures.at, since)))
    : [{ n: 0 }];
  return { byEmail: Number(byEmail?.n ?? 0), byIp: Number(byIp?.n ?? 0) };
}

export async function clearLoginFailures(db: Db, email: string) {
  await db.delete(loginFailures).where(eq(loginFailures.email, email.toLowerCase()));
}

export async function purgeOldLoginFailures(db: Db, before: Date) {
  await db.delete(loginFailures).where(sql`${loginFailures.at} < ${before}`);
}

export async function insertToken(db: Db, values: typeof accountTokens.$inferInsert) {
  await db.insert(accountTokens).values(values);
}

/** Claims a token exactly once: the UPDATE … WHERE used_at IS NULL wins for one caller only. */
export async function consumeToken(db: Db, tokenHash: string, purpose: 'password_reset' | 'invitation') {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(accountTokens.tokenHash, tokenHash),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    )
    .returning();
  return row ?? null;
}

export async function findValidToken(db: Db, tokenHash: string, purpose: 'password_reset' | 'invitation') {
  const [row] = await db
    .select({ token: accountTokens, organizationName: organizations.name })
    .from(accountTokens)
    .leftJoin(organizations, eq(organizations.id, accountTokens.organizationId))
    .where(
      and(
        eq(accountTokens.tokenHash, tokenHash),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    );
  return row ?? null;
}

/** Earlier unused reset links stop working when a new one is issued. */
export async function expireOpenTokens(db: Db, purpose: 'password_reset' | 'invitation', email: string) {
  await db
    .update(accountTokens)
    .set({ expiresAt: new Date() })
    .where(
      and(
        eq(accountTokens.purpose, purpose),
        eq(accountTokens.email, email.toLowerCase()),
        isNull(accountTokens.usedAt),
      ),
    );
}

export async function listOpenInvitations(db: Db, organizationId: string) {
  return db
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.purpose, 'invitation'),
        eq(accountTokens.organizationId, organizationId),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(accountTokens.createdAt))
    .limit(200);
}

export async function revokeInvitation(db: Db, organizationId: string, tokenHash: string) {
  const rows = await db
    .update(accountTokens)
    .set({ expiresAt: new Date() })
    .where(
      and(
        eq(accountTokens.tokenHash, tokenHash),
        eq(accountTokens.organizationId, organizationId),
        eq(accountTokens.purpose, 'invitation'),
        isNull(accountTokens.usedAt),
      ),
    )
    .returning({ tokenHash: accountTokens.tokenHash });
  return rows.length > 0;
}

export async function listAudit(
  db: Db,
  filter: { organizationId?: string | undefined; action?: string | undefined },
  page: number,
  pageSize: number,
) {
  const conditions: SQL[] = [];
  if (filter.organizationId) conditions.push(eq(auditLog.organizationId, filter.organizationId));
  if (filter.action) conditions.push(sql`${auditLog.action} LIKE ${`${filter.action}%`}`);
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ entry: auditLog, organizationName: organizations.name })
      .from(auditLog)
      .leftJoin(organizations, eq(organizations.id, auditLog.organizationId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function listMailbox(db: Db, page: number, pageSize: number) {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(mailOutbox)
      .orderBy(desc(mailOutbox.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(mailOutbox),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
