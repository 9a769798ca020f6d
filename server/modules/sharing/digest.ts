import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/auth/principal.ts';
import { renderMail } from '../../platform/mail/render.ts';
import type { RenderedMail } from '../../platform/mail/mailer.ts';
import * as nq from './notification-queries.ts';

export const DIGEST_JOB = 'sharing.daily-digest';
export const DIGEST_TEMPLATE = 'sharing.digest';
const DAY = 86_400_000;

type Line = { title: string; body: string; link: string | null };

/**
 * The daily digest: people who chose `emailDigest: 'daily'` get no email per sharing event (notify.ts
 * skips them); instead, once a day, one email lists their sharing notifications of the previous UTC day
 * that are still unread. One digest per person and day, even with several nodes running the job at once
 * or the job run twice: the outbox is checked under an advisory lock on (person, day).
 */
export class SharingDigest {
  constructor(private readonly ctx: AppContext) {}

  /** Sends the digests of the UTC day before `now`; returns how many emails were queued. */
  async send(now = new Date()) {
    const to = new Date(Math.floor(now.getTime() / DAY) * DAY);
    const from = new Date(to.getTime() - DAY);
    const day = from.toISOString().slice(0, 10);
    const rows = await nq.digestCandidates(this.ctx.db, from, to);
    const people = new Map<string, { email: string; locale: Locale; lines: Line[] }>();
    for (const r of rows) {
      const person = people.get(r.userId) ?? { email: r.email, locale: r.locale, lines: [] };
      person.lines.push({ title: r.title, body: r.body, link: r.link });
      people.set(r.userId, person);
    }
    let queued = 0;
    for (const person of people.values()) {
      const ids = await this.ctx.db.transaction(async (t) => {
        const tx = t as unknown as Db;
        if (!(await nq.claimDigest(tx, person.email, DIGEST_TEMPLATE, day))) return [];
        const mail = digestMail(person.locale, day, person.lines, this.ctx.env.baseUrl);
        return [
          await this.ctx.mailer.queue(tx, {
            ...mail,
            to: person.email,
            locale: person.locale,
            template: DIGEST_TEMPLATE,
          }),
        ];
      });
      queued += ids.length;
      await this.ctx.mailer.dispatch(ids);
    }
    return queued;
  }
}

/** The subject carries the day (YYYY-MM-DD): it is what makes a digest unique per person and day. */
export function digestMail(locale: Locale, day: string, lines: Line[], baseUrl: string): RenderedMail {
  const items = lines.map(
    (l) => `• ${l.title}${l.body ? ` — ${l.body}` : ''}${l.link ? ` (${baseUrl}${l.link})` : ''}`,
  );
  const url = `${baseUrl}/sharing/notifications`;
  return locale === 'es'
    ? renderMail('es', {
        subject: `Préstamo interbibliotecario: ${lines.length} ${lines.length === 1 ? 'aviso sin leer' : 'avisos sin leer'} del ${day}`,
        greeting: 'Hola:',
        paragraphs: [
          `Resumen diario de los avisos de préstamo compartido del ${day} que aún no ha leído:`,
          ...items,
        ],
        action: { label: 'Ver las notificaciones', url },
        footer: 'Amigos Commons — préstamo interbibliotecario entre bibliotecas miembro.',
      })
    : renderMail('en', {
        subject: `Interlibrary loan: ${lines.length} unread ${lines.length === 1 ? 'notification' : 'notifications'} of ${day}`,
        greeting: 'Hello,',
        paragraphs: [
          `Your daily summary of the resource sharing notifications of ${day} not read yet:`,
          ...items,
        ],
        action: { label: 'See the notifications', url },
        footer: 'Amigos Commons — interlibrary loan between member libraries.',
      });
}
