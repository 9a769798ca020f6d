import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { ActiveSession } from '../../platform/http/request-context.ts';
import { keyedHash, randomToken } from '../../platform/auth/secrets.ts';
import { organizations, users } from '../members/tables.ts';
import { sessions } from './tables.ts';

/** Refresh last_seen_at at most this often, so reads do not turn every request into a write. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
    private readonly ttlHours: number,
  ) {}

  async create(db: Db, userId: string, meta: { ip?: string; userAgent?: string }) {
    const token = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(Date.now() + this.ttlHours * 3600 * 1000);
    await db.insert(sessions).values({
      idHash: keyedHash(this.key, token),
      userId,
      csrfToken,
      expiresAt,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, csrfToken, expiresAt };
  }

  async lookup(token: string): Promise<ActiveSession | null> {
    if (token.length > 100) return null;
    const idHash = keyedHash(this.key, token);
    const [row] = await this.db
      .select({
        csrfToken: sessions.csrfToken,
        lastSeenAt: sessions.lastSeenAt,
        userId: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        capabilities: users.capabilities,
        locale: users.locale,
        status: users.status,
        organizationId: organizations.id,
        organizationKind: organizations.kind,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, sql`now()`)));
    if (!row || row.status !== 'active') return null;
    if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      // Sliding expiry: an active person stays signed in.
      const expiresAt = new Date(Date.now() + this.ttlHours * 3600 * 1000);
      await this.db
        .update(sessions)
        .set({ lastSeenAt: new Date(), expiresAt })
        .where(eq(sessions.idHash, idHash));
    }
    return {
      idHash,
      csrfToken: row.csrfToken,
      principal: {
        userId: row.userId,
        email: row.email,
        displayName: row.displayName,
        organizationId: row.organizationId,
        organizationKind: row.organizationKind,
        role: row.role,
        capabilities: row.capabilities as ActiveSession['principal']['capabilities'],
        locale: row.locale,
      },
    };
  }

  async destroy(idHash: string) {
    await this.db.delete(sessions).where(eq(sessions.idHash, idHash));
  }

  /** Ends every session of a person (password changed or reset, account disabled). */
  async destroyAllFor(db: Db, userId: string, exceptIdHash?: string) {
    await db
      .delete(sessions)
      .where(
        exceptIdHash
          ? and(eq(sessions.userId, userId), sql`${sessions.idHash} <> ${exceptIdHash}`)
          : eq(sessions.userId, userId),
      );
  }

  async purgeExpired() {
    await this.db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
  }
}
