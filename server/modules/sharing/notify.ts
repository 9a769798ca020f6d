import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { librariesByIds, staffWithCapability } from '../members/index.ts';
import type { Notice } from './engine.ts';
import { patronMail, staffMail } from './mail-templates.ts';
import type { OutgoingMail } from '../../platform/mail/mailer.ts';
import * as q from './queries.ts';

export const requestNumber = (seq: number) => `ILL-${String(seq).padStart(6, '0')}`;

/**
 * Turns a change's notices into in-app notifications (every sharing staff member of the library) and
 * emails (staff who want sharing emails; patrons with an address), written in the change's transaction.
 * Returns the outbox ids to dispatch after commit.
 */
export class Notifier {
  constructor(private readonly ctx: AppContext) {}

  async write(tx: Db, notices: readonly Notice[], known?: q.RequestRow): Promise<string[]> {
    // Written together at the end: one insert for the notifications, one for the mail.
    const inApp: Parameters<typeof q.insertNotifications>[1] = [];
    const mails: OutgoingMail[] = [];
    // One change often tells the same library twice (e.g. a lender moved on, the next asked): read once.
    const requests = new Map<string, Promise<q.RequestRow | null>>(
      known ? [[known.id, Promise.resolve(known)]] : [],
    );
    const staffOf = new Map<string, ReturnType<typeof staffWithCapability>>();
    for (const n of notices) {
      if (!requests.has(n.requestId)) requests.set(n.requestId, q.findRequest(tx, n.requestId));
      const req = await requests.get(n.requestId)!;
      if (!req) continue;
      const number = requestNumber(req.seq);
      if (n.to === 'staff') {
        if (!staffOf.has(n.libraryId))
          staffOf.set(n.libraryId, staffWithCapability(tx, n.libraryId, 'sharing'));
        const staff = await staffOf.get(n.libraryId)!;
        const link = `/sharing/requests/${req.id}`;
        inApp.push(
          ...staff.map((s) => ({
            userId: s.id,
            kind: `sharing.${n.kind}`,
            title: `${number}: ${n.state.replace(/_/g, ' ')}`,
            body: req.title,
            link,
          })),
        );
        // Who chose the daily digest gets these in one email a day (digest.ts), not one per event.
        const perEvent = staff.filter(
          (x) => x.preferences.sharingEmails && x.preferences.emailDigest !== 'daily',
        );
        for (const s of perEvent) {
          const mail = staffMail(s.locale, {
            number,
            title: req.title,
            state: n.state,
            url: this.ctx.env.baseUrl + link,
          });
          mails.push({ ...mail, to: s.email, locale: s.locale, template: 'sharing.staff' });
        }
      } else {
        const patron = await q.patronOf(tx, req.id);
        if (!patron?.email) continue;
        const [library] = await librariesByIds(tx, [req.borrowerId]);
        const attempt = req.currentAttemptId ? await q.findAttempt(tx, req.currentAttemptId) : null;
        const mail = patronMail(patron.locale, n.template, {
          name: patron.name,
          title: req.title,
          library: library?.name ?? '',
          pickup: req.pickupLocation,
          dueDate: attempt?.dueDate ?? null,
          copy: req.serviceType === 'copy',
        });
        mails.push({
          ...mail,
          to: patron.email,
          locale: patron.locale,
          template: `sharing.patron.${n.template}`,
        });
      }
    }
    await q.insertNotifications(tx, inApp);
    return this.ctx.mailer.queueMany(tx, mails);
  }
}
