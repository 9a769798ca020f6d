import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, signIn, type Client, type TestApp } from '../../../test/harness.ts';
import { insertUser } from '../../../test/fixtures.ts';
import { sharingServices } from '../index.ts';
import { users } from '../../members/tables.ts';
import { notifications, sharingPolicies } from '../tables.ts';
import { sharingWorld } from '../test-support.ts';
import { act, detail, outsideBorrower, type OutsideBorrower } from './lend-test-support.ts';
import { sharingIsoMessages } from './tables.ts';
import type { IsoVersion } from './messages.ts';

/** The lending role, continued: cancel, timers, recall, holds, status, notes, conditions and policy. */
let t: TestApp;
let w: Awaited<ReturnType<typeof sharingWorld>>;
let c: Client;
let staffC: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await sharingWorld(t);
  c = await signIn(t.app, w.staff.c);
  const [row] = await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.email, w.staff.c));
  staffC = row!.id;
  // A member that lends to no one at present.
  await insertUser(t.ctx.db, {
    email: 'ill@d2.example',
    organizationId: w.libraryD.id,
    role: 'library_staff',
    capabilities: ['sharing'],
  });
  await t.ctx.db.insert(sharingPolicies).values({ libraryId: w.libraryD.id, lending: false });
});
afterAll(async () => t?.close());

const notesFor = async (userId: string, kind: string) =>
  t.ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

describe.each(['1.2', '2021'] as IsoVersion[])(
  'lending to an outside library, continued (ISO 18626 %s)',
  (version) => {
    let p: OutsideBorrower;
    let terms: OutsideBorrower;
    const tag = version === '1.2' ? 'W12' : 'W21';
    beforeAll(async () => {
      p = await outsideBorrower(t, version, `XQ${tag}`);
      terms = await outsideBorrower(t, version, `XN${tag}`, { quirks: { termsInNote: true } });
    });

    async function shipped(id: string, dueDate = '2030-03-10') {
      await p.request(id, 'OKCIM');
      const req = await p.ours(id);
      await act(c, req.id, 'will_supply');
      await act(c, req.id, 'ship', { dueDate });
      await p.received();
      return req;
    }

    it('cancel: withdrawn before any answer, asked after one (yes and no), refused once shipped', async () => {
      await p.request(`${tag}-CAN-0`, 'OKCIM');
      expect(await p.action(`${tag}-CAN-0`, 'OKCIM', 'Cancel')).toMatchObject({ status: 'OK' });
      let [m] = await p.received();
      expect(m!.messageInfo).toMatchObject({ reasonForMessage: 'CancelResponse', answerYesNo: 'Y' });
      expect(m!.statusInfo.status).toBe('Cancelled');
      expect((await p.ours(`${tag}-CAN-0`)).state).toBe('cancelled');

      for (const [n, answer] of [
        [1, 'accept_cancel'],
        [2, 'refuse_cancel'],
      ] as const) {
        const id = `${tag}-CAN-${n}`;
        await p.request(id, 'OKCIM');
        const req = await p.ours(id);
        await act(c, req.id, 'expect_to_supply');
        [m] = await p.received();
        expect(m!.statusInfo.status).toBe('ExpectToSupply');
        await p.action(id, 'OKCIM', 'Cancel', 'Patron no longer needs it');
        const lender = await detail(c, req.id);
        expect(lender.attempt!.state).toBe('cancel_requested');
        expect(lender.actions).toEqual(expect.arrayContaining(['accept_cancel', 'refuse_cancel']));
        expect(await p.received()).toEqual([]);
        await act(c, req.id, answer);
        [m] = await p.received();
        expect(m!.messageInfo.reasonForMessage).toBe('CancelResponse');
        if (answer === 'accept_cancel') {
          expect(m!.messageInfo.answerYesNo).toBe('Y');
          expect(m!.statusInfo.status).toBe('Cancelled');
          expect((await p.ours(id)).state).toBe('cancelled');
        } else {
          expect(m!.messageInfo.answerYesNo).toBe('N');
          expect(m!.statusInfo.status).toBe('ExpectToSupply');
          expect((await p.ours(id)).state).toBe('expects_to_supply');
        }
      }

      const late = await shipped(`${tag}-CAN-3`);
      await p.action(`${tag}-CAN-3`, 'OKCIM', 'Cancel');
      [m] = await p.received();
      expect(m!.messageInfo).toMatchObject({ reasonForMessage: 'CancelResponse', answerYesNo: 'N' });
      expect(m!.statusInfo.status).toBe('Loaned');
      expect((await detail(c, late.id)).attempt!.state).toBe('shipped');
    });

    it('overdue by the timer, recall, hold and release of the return', async () => {
      const req = await shipped(`${tag}-OVD-1`, '2030-03-10');
      expect(
        await sharingServices(t.ctx).timers.overdue(new Date('2030-03-11T12:00:00Z')),
      ).toBeGreaterThanOrEqual(1);
      let [m] = await p.received();
      expect(m!.statusInfo.status).toBe('Overdue');
      expect(m!.messageInfo.reasonForMessage).toBe('StatusChange');
      await act(c, req.id, 'recall', { note: 'Needed for a class' });
      [m] = await p.received();
      expect(m!.statusInfo.status).toBe('Recalled');
      expect(m!.messageInfo.note).toBe('Needed for a class');
      await act(c, req.id, 'hold_return');
      [m] = await p.received();
      if (version === '2021') expect(m!.statusInfo.status).toBe('HoldReturn');
      else {
        expect(m!.messageInfo.reasonForMessage).toBe('Notification');
        expect(m!.statusInfo.status).toBe('Recalled');
      }
      await act(c, req.id, 'release_return');
      [m] = await p.received();
      expect(m!.statusInfo.status).toBe(version === '2021' ? 'ReleaseHoldReturn' : 'Recalled');
    });

    it('answers a StatusRequest with the current status and due date', async () => {
      await shipped(`${tag}-STS-1`, '2030-04-02');
      expect(await p.action(`${tag}-STS-1`, 'OKCIM', 'StatusRequest')).toMatchObject({ status: 'OK' });
      const [m] = await p.received();
      expect(m!.messageInfo.reasonForMessage).toBe('StatusRequestResponse');
      expect(m!.statusInfo.status).toBe('Loaned');
      expect(new Date(m!.statusInfo.dueDate!).toISOString().slice(0, 10)).toBe('2030-04-02');
    });

    it('a silent member times out: Unfilled, and the request ends', async () => {
      await p.request(`${tag}-TMO-1`, 'OKCIM');
      const req = await p.ours(`${tag}-TMO-1`);
      const attempt = (await detail(c, req.id)).attempt!;
      expect(
        await sharingServices(t.ctx).timers.answerTimeouts(
          new Date(new Date(attempt.answerBy!).getTime() + 60_000),
        ),
      ).toBeGreaterThanOrEqual(1);
      const [m] = await p.received();
      expect(m!.statusInfo.status).toBe('Unfilled');
      const after = await p.ours(`${tag}-TMO-1`);
      expect(after.state).toBe('end_of_rota');
      expect(after.endedAt).not.toBeNull();
    });

    it('a member not lending answers Unfilled (PolicyProblem) at once', async () => {
      expect(await p.request(`${tag}-POL-1`, 'NMDAC')).toMatchObject({ status: 'OK' });
      const [m] = await p.received();
      expect(m!.messageInfo).toMatchObject({
        reasonForMessage: 'RequestResponse',
        reasonUnfilled: 'PolicyProblem',
      });
      expect(m!.statusInfo.status).toBe('Unfilled');
      expect((await p.ours(`${tag}-POL-1`)).endedAt).not.toBeNull();
    });

    it('conditions: structured, or in the note for partners that want that; accepted by their note', async () => {
      for (const who of [p, terms]) {
        const id = `${tag}-CND-${who === p ? 'S' : 'N'}`;
        await who.request(id, 'OKCIM');
        const req = await who.ours(id);
        await act(c, req.id, 'offer_conditions', { conditions: ['LibraryUseOnly'], costCents: 500 });
        const [m] = await who.received();
        expect(m!.statusInfo.status).toBe('ExpectToSupply');
        expect(m!.messageInfo.reasonForMessage).toBe('RequestResponse');
        if (who === p) {
          expect(m!.deliveryInfo?.loanCondition).toEqual(['LibraryUseOnly']);
          expect(m!.messageInfo.offeredCosts).toEqual({ currencyCode: 'USD', monetaryValue: 5 });
        } else {
          expect(m!.deliveryInfo).toBeUndefined();
          expect(m!.messageInfo.note).toContain('LibraryUseOnly');
          expect(m!.messageInfo.note).toContain('5.00 USD');
        }
        await who.action(id, 'OKCIM', 'Notification', 'We accept the conditions.');
        expect((await detail(c, req.id)).attempt!.state).toBe('will_supply');
        const [ok] = await who.received();
        expect(ok!.statusInfo.status).toBe('WillSupply');
      }
    });

    it('notes both ways, reminders, and an action out of place', async () => {
      await p.request(`${tag}-NTE-1`, 'OKCIM', { service: { note: 'Please send by courier' } });
      const req = await p.ours(`${tag}-NTE-1`);
      let lender = await detail(c, req.id);
      expect(lender.timeline.some((e) => e.note.includes('Please send by courier'))).toBe(true);
      await p.action(`${tag}-NTE-1`, 'OKCIM', 'Notification', 'Any news?');
      await p.request(`${tag}-NTE-1`, 'OKCIM', { service: { requestType: 'Reminder' } });
      expect((await notesFor(staffC, 'sharing.partner_note')).length).toBeGreaterThanOrEqual(1);
      expect((await notesFor(staffC, 'sharing.partner_reminder')).length).toBeGreaterThanOrEqual(1);
      const res = await c.post(`/api/v1/sharing/requests/${req.id}/notes`, {
        text: 'Checking the shelf today',
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
      const [m] = await p.received();
      expect(m!.messageInfo).toMatchObject({
        reasonForMessage: 'Notification',
        note: 'Checking the shelf today',
      });
      expect(m!.statusInfo.status).toBe('RequestReceived');
      // Received before anything was shipped: OK, logged as ignored, a note for staff, no change.
      expect(await p.action(`${tag}-NTE-1`, 'OKCIM', 'Received')).toMatchObject({ status: 'OK' });
      const [logged] = await t.ctx.db
        .select()
        .from(sharingIsoMessages)
        .where(
          and(
            eq(sharingIsoMessages.requestId, req.id),
            eq(sharingIsoMessages.direction, 'in'),
            eq(sharingIsoMessages.kind, 'requestingAgencyMessage'),
          ),
        )
        .orderBy(sharingIsoMessages.id)
        .then((rows) => rows.slice(-1));
      expect(logged!.status).toBe('ignored');
      lender = await detail(c, req.id);
      expect(lender.attempt!.state).toBe('received');
      expect(lender.timeline.some((e) => e.action === 'partner_message_ignored')).toBe(true);
    });

    it('lost by the borrower: completed without return', async () => {
      const req = await shipped(`${tag}-LST-1`);
      await p.action(`${tag}-LST-1`, 'OKCIM', 'Received');
      if (version === '2021') await p.action(`${tag}-LST-1`, 'OKCIM', 'Lost');
      else
        await p.action(
          `${tag}-LST-1`,
          'OKCIM',
          'Notification',
          'Lost: the item was lost while with the requesting library.',
        );
      expect((await detail(c, req.id)).attempt!.state).toBe('completed_without_return');
      expect((await p.ours(`${tag}-LST-1`)).state).toBe('completed_without_return');
      const [m] = await p.received();
      expect(m!.statusInfo.status).toBe('CompletedWithoutReturn');
    });
  },
);

describe('refusals of the lending role', () => {
  it('refuses requests from a partner that does not borrow, and ShippedForward, changing nothing', async () => {
    const lendsOnly = await outsideBorrower(t, '2021', 'XNOBOR', { borrows: false });
    const refused = await lendsOnly.request('NB-1', 'OKCIM');
    expect(refused).toMatchObject({ status: 'ERROR', errorType: 'UnrecognisedDataValue' });
    expect(refused.ok && refused.errorValue).toMatch(/requestingAgencyId/);
    await expect(lendsOnly.ours('NB-1')).rejects.toThrow();

    const p = await outsideBorrower(t, '2021', 'XFWD');
    await p.request('FWD-1', 'OKCIM');
    const before = await p.ours('FWD-1');
    const forward = await p.action('FWD-1', 'OKCIM', 'ShippedForward');
    expect(forward).toMatchObject({ status: 'ERROR', errorType: 'UnsupportedActionType' });
    // Another member than the one holding it is not the supplying agency of this request.
    const wrong = await p.action('FWD-1', 'NMDAC', 'Cancel');
    expect(wrong).toMatchObject({ status: 'ERROR', errorType: 'UnrecognisedDataValue' });
    expect(await p.ours('FWD-1')).toMatchObject({ version: before.version, state: 'requested' });
    expect(await p.received()).toEqual([]);
  });
});
