import { and, eq, inArray, lt } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/client.ts';
import type { Jobs } from '../jobs.ts';
import type { Logger } from '../log.ts';
import { mailOutbox, type MailAttachment } from '../tables.ts';
import type { Locale } from '../auth/principal.ts';

export type RenderedMail = { subject: string; text: string; html: string };
export type OutgoingMail = RenderedMail & {
  to: string;
  locale: Locale;
  template: string;
  attachments?: MailAttachment[];
};

export const SEND_MAIL_JOB = 'mail.send';
export const SWEEP_MAIL_JOB = 'mail.sweep';

/**
 * Mail goes through the outbox table: the row is written in the caller's transaction (so a rolled-back
 * action sends nothing), then a job delivers it. Without SMTP_URL, rows are marked "captured" and the
 * dev mailbox page shows them instead.
 */
export class Mailer {
  private readonly transport: Transporter | null;

  constructor(
    private readonly db: Db,
    private readonly jobs: Jobs,
    private readonly log: Logger,
    private readonly options: { smtpUrl?: string | undefined; from: string },
  ) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
    jobs.define<{ id: string }>(SEND_MAIL_JOB, (data) => this.deliver(data.id), { retryLimit: 8 });
    // Catches rows whose job was never enqueued (a crash between commit and send).
    jobs.define(SWEEP_MAIL_JOB, () => this.sweep(), { cron: '*/5 * * * *', retryLimit: 0 });
  }

  get captures(): boolean {
    return this.transport === null;
  }

  /** Writes the message to the outbox within `db` (pass a transaction to tie it to the action). */
  async queue(db: Db, mail: OutgoingMail): Promise<string> {
    const [row] = await db
      .insert(mailOutbox)
      .values({
        toAddress: mail.to,
        locale: mail.locale,
        template: mail.template,
        subject: mail.subject,
        bodyText: mail.text,
        bodyHtml: mail.html,
        attachments: mail.attachments?.length ? mail.attachments : null,
      })
      .returning({ id: mailOutbox.id });
    return row!.id;
  }

  /** Several messages in one insert: one round trip for a change's whole mail. Returns the rows' ids. */
  async queueMany(db: Db, mails: readonly OutgoingMail[]): Promise<string[]> {
    if (!mails.length) return [];
    const rows = await db
      .insert(mailOutbox)
      .values(
        mails.map((mail) => ({
          toAddress: mail.to,
          locale: mail.locale,
          template: mail.template,
          subject: mail.subject,
          bodyText: mail.text,
          bodyHtml: mail.html,
          attachments: mail.attachments?.length ? mail.attachments : null,
        })),
      )
      .returning({ id: mailOutbox.id });
    return rows.map((r) => r.id);
  }

  /** Call after the transaction that queued the mail has committed. */
  async dispatch(ids: string[]) {
    for (const id of ids) {
      try {
        await this.jobs.send(SEND_MAIL_JOB, { id }, { singletonKey: `mail:${id}` });
      } catch (error) {
        // The sweep job will pick it up; the message is safe in the outbox.
        this.log.warn({ err: error, id }, 'could not enqueue mail; the sweep will retry');
      }
    }
  }

  /** Idempotent: only a queued row is claimed, so a repeated job cannot send twice. */
  async deliver(id: string) {
    const [row] = await this.db
      .update(mailOutbox)
      .set({ status: 'sending' })
      .where(and(eq(mailOutbox.id, id), inArray(mailOutbox.status, ['queued', 'failed'])))
      .returning();
    if (!row) return;
    if (!this.transport) {
      await this.db
        .update(mailOutbox)
        .set({ status: 'captured', sentAt: new Date() })
        .where(eq(mailOutbox.id, id));
      return;
    }
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: row.toAddress,
        subject: row.subject,
        text: row.bodyText,
        html: row.bodyHtml,
        headers: { 'Content-Language': row.locale },
        ...(row.attachments?.length
          ? {
              attachments: row.attachments.map((a) => ({
                filename: a.filename,
                contentType: a.contentType,
                content: Buffer.from(a.contentBase64, 'base64'),
              })),
            }
          : {}),
      });
      await this.db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: new Date(), attempts: row.attempts + 1, lastError: null })
        .where(eq(mailOutbox.id, id));
    } catch (error) {
      await this.db
        .update(mailOutbox)
        .set({ status: 'failed', attempts: row.attempts + 1, lastError: String((error as Error).message) })
        .where(eq(mailOutbox.id, id));
      throw error; // let the queue retry with backoff
    }
  }

  async sweep() {
    const stale = new Date(Date.now() - 60_000);
    const rows = await this.db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'queued'), lt(mailOutbox.createdAt, stale)))
      .limit(500);
    for (const row of rows) await this.deliver(row.id);
  }
}
