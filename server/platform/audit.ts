import type { Db } from './db/client.ts';
import type { Principal } from './auth/principal.ts';
import { auditLog } from './tables.ts';

export type AuditEntry = {
  action: string;
  actor?: Pick<Principal, 'userId' | 'email'> | null;
  /** For actions before sign-in (e.g. a failed login), the email that was tried. */
  actorEmail?: string;
  organizationId?: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
};

/** Append one line to the audit log, inside the caller's transaction when one is given. */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    actorUserId: entry.actor?.userId ?? null,
    actorEmail: entry.actor?.email ?? entry.actorEmail ?? null,
    organizationId: entry.organizationId ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  });
}
