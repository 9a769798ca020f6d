import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { createTestDatabase } from '../../test/databases.ts';
import type { Database } from '../db/client.ts';
import { Jobs } from '../jobs.ts';
import { createLogger } from '../log.ts';
import { mailOutbox } from '../tables.ts';
import { Mailer } from './mailer.ts';
import { renderMail } from './render.ts';

/** A real SMTP server on loopback receives what the outbox sends. */
let database: Database;
let smtp: SMTPServer;
let port = 0;
const received: { to: string; raw: string }[] = [];
let refuseNext = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (refuseNext > 0) {
        refuseNext -= 1;
        return callback(new Error('mailbox temporarily unavailable'));
      }
      callback();
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo[0]!.address, raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database?.close();
});

const message = (to: string) => ({
  ...renderMail('es', {
    subject: 'Prueba <de> envío',
    greeting: 'Hola:',
    paragraphs: ['Texto & más'],
    footer: 'pie',
  }),
  to,
  locale: 'es' as const,
  template: 'test',
});

describe('mail outbox', () => {
  it('sends through SMTP once, even when the job runs twice', async () => {
    const log = createLogger('silent');
    const mailer = new Mailer(database.db, new Jobs(database, log), log, {
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'Commons <no-reply@commons.example>',
    });
    const id = await mailer.queue(database.db, message('reader@library.example'));
    await mailer.deliver(id);
    await mailer.deliver(id);
    expect(received.filter((m) => m.to === 'reader@library.example')).toHaveLength(1);
    const raw = received.find((m) => m.to === 'reader@library.example')!.raw;
    expect(raw).toMatch(/Content-Language: es/i);
    const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row!.status).toBe('sent');
    expect(row!.bodyHtml).toContain('Prueba &lt;de&gt; envío');
  });

  it('keeps a message that SMTP refused, records why, and sends it on retry', async () => {
    const log = createLogger('silent');
    const mailer = new Mailer(database.db, new Jobs(database, log), log, {
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'x@commons.example',
    });
    const id = await mailer.queue(database.db, message('flaky@library.example'));
    refuseNext = 1;
    await expect(mailer.deliver(id)).rejects.toThrow();
    const [failed] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.lastError).toMatch(/unavailable/);
    await mailer.deliver(id);
    const [sent] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('captures instead of sending when no SMTP server is configured', async () => {
    const log = createLogger('silent');
    const mailer = new Mailer(database.db, new Jobs(database, log), log, { from: 'x@commons.example' });
    expect(mailer.captures).toBe(true);
    const id = await mailer.queue(database.db, message('nobody@library.example'));
    await mailer.sweep(); // too fresh for the sweep: left alone
    await mailer.deliver(id);
    const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row!.status).toBe('captured');
    expect(received.some((m) => m.to === 'nobody@library.example')).toBe(false);
  });
});
