import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts';
import { mailOutbox } from '../../platform/tables.ts';
import { users } from '../members/tables.ts';
import { DIGEST_TEMPLATE, SharingDigest } from './digest.ts';
import { insertNotifications } from './queries.ts';
import { notifications } from './tables.ts';
import { insertCluster, sharingWorld } from './test-support.ts';

/** Notifications a page at a time, "mark all read", and the daily digest instead of one email per event. */
let t: TestApp;
let w: Awaited<ReturnType<typeof sharingWorld>>;
let a: Client, c: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await sharingWorld(t);
  [a, c] = await Promise.all([signIn(t.app, w.staff.a), signIn(t.app, w.staff.c)]);
});
afterAll(() => t.close());

const userId = async (email: string) =>
  (await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
const mailsTo = (email: string, template?: string) =>
  t.ctx.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.toAddress, email), template ? eq(mailOutbox.template, template) : undefined));

describe('GET /notifications', () => {
  it('pages newest first with the total and the unread count; unread only; mark all read', async () => {
    const id = await userId(w.staff.c);
    const base = Date.UTC(2026, 0, 1);
    await insertNotifications(
      t.ctx.db,
      Array.from({ length: 30 }, (_, i) => ({
        userId: id,
        kind: 'sharing.test',
        title: `Notice ${i + 1}`,
        createdAt: new Date(base + i * 60_000),
      })),
    );
    const page2 = (await c.get('/api/v1/notifications?page=2&pageSize=25')).json();
    expect(page2).toMatchObject({ total: 30, unread: 30, page: 2, pageSize: 25 });
    expect(page2.items.map((n: { title: string }) => n.title)).toEqual([
      'Notice 5',
      'Notice 4',
      'Notice 3',
      'Notice 2',
      'Notice 1',
    ]);
    const first = (await c.get('/api/v1/notifications?pageSize=1')).json();
    expect(first.items[0].title).toBe('Notice 30');
    expect((await c.post(`/api/v1/notifications/${first.items[0].id}/read`, {})).statusCode).toBe(200);
    const unread = (await c.get('/api/v1/notifications?unread=true&pageSize=100')).json();
    expect(unread).toMatchObject({ total: 29, unread: 29 });

    const all = await c.post('/api/v1/notifications/read-all', {});
    expect(all.json()).toEqual({ ok: true, marked: 29 });
    expect((await c.get('/api/v1/notifications')).json()).toMatchObject({ total: 30, unread: 0 });
    expect((await c.get('/api/v1/notifications?pageSize=500')).statusCode).toBe(400);
  });
});

describe('the daily digest', () => {
  it('replaces per-event emails for people who chose it; once per person and day, even racing', async () => {
    // Library D's ILL staff choose the daily digest; D's other staff keep one email per event.
    const dailyEmail = w.staff.d;
    await t.ctx.db
      .update(users)
      .set({
        notificationPreferences: sql`${users.notificationPreferences} || '{"emailDigest":"daily","sharingEmails":true}'::jsonb`,
      })
      .where(eq(users.email, dailyEmail));
    const clusterId = await insertCluster(t.ctx.db, [{ libraryId: w.libraryD.id }], {
      title: 'Mimbres pottery designs',
    });
    const res = await a.post(`/api/v1/sharing/libraries/${w.libraryA.id}/requests`, {
      serviceType: 'loan',
      clusterId,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await mailsTo(dailyEmail)).toEqual([]);
    const mine = await t.ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, await userId(dailyEmail)));
    expect(mine).toHaveLength(1);

    const digest = new SharingDigest(t.ctx);
    // The same day: nothing yet (the digest covers a whole past day).
    expect(await digest.send(mine[0]!.createdAt)).toBe(0);
    const nextDay = new Date(mine[0]!.createdAt.getTime() + 86_400_000);
    const runs = await Promise.all([digest.send(nextDay), digest.send(nextDay), digest.send(nextDay)]);
    expect(runs.reduce((n, x) => n + x, 0)).toBe(1);
    expect(await digest.send(nextDay)).toBe(0);
    const mails = await mailsTo(dailyEmail, DIGEST_TEMPLATE);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.bodyText).toContain('Mimbres pottery designs');
    expect(mails[0]!.subject).toContain(mine[0]!.createdAt.toISOString().slice(0, 10));
  });
});
