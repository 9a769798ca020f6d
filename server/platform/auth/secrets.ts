import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { platformSettings } from '../tables.ts';

/**
 * The key that hashes session ids and one-time tokens. Taken from SESSION_SECRET when set; otherwise
 * generated once and kept in the database, so every node (and every restart) agrees on it.
 */
export async function loadSecretKey(db: Db, configured: string | undefined): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'utf8');
  const generated = crypto.randomBytes(32).toString('base64url');
  await db.insert(platformSettings).values({ key: 'session_secret', value: generated }).onConflictDoNothing();
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, 'session_secret'));
  if (!row) throw new Error('session secret could not be stored');
  return Buffer.from(row.value, 'utf8');
}

export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url');

export const keyedHash = (key: Buffer, token: string) =>
  crypto.createHmac('sha256', key).update(token).digest('base64url');

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
