import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { keyedHash } from '../../platform/auth/secrets.ts';
import * as q from './queries.ts';

/**
 * Electronic copies: the lender's PDF is kept under DATA_DIR/sharing-copies until it expires (the expiry
 * job deletes it); the borrower downloads it through a link whose token only the server can derive.
 */
export class CopyStore {
  constructor(private readonly ctx: AppContext) {}

  private get dir() {
    return path.join(this.ctx.env.dataDir, 'sharing-copies');
  }

  /** Streams the upload to disk and checks it is a PDF (by its signature, not its name). */
  async save(stream: Readable): Promise<string> {
    fs.mkdirSync(this.dir, { recursive: true });
    const file = path.join(this.dir, `${crypto.randomUUID()}.pdf`);
    try {
      await pipeline(stream, fs.createWriteStream(file, { flags: 'wx' }));
      const fd = fs.openSync(file, 'r');
      const head = Buffer.alloc(5);
      fs.readSync(fd, head, 0, 5, 0);
      fs.closeSync(fd);
      if (head.toString('latin1') !== '%PDF-')
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The copy must be a PDF file.');
    } catch (error) {
      fs.rmSync(file, { force: true });
      throw error;
    }
    return file;
  }

  remove(file: string) {
    fs.rmSync(file, { force: true });
  }

  /** The file for a download token, while it has not expired. */
  async open(token: string, now = new Date()) {
    const attempt = await q.attemptByTokenHash(this.ctx.db, keyedHash(this.ctx.secretKey, token));
    if (
      !attempt?.copyPath ||
      !attempt.copyExpiresAt ||
      attempt.copyExpiresAt < now ||
      !fs.existsSync(attempt.copyPath)
    )
      throw notFound('This copy (the link may have expired)');
    return fs.createReadStream(attempt.copyPath);
  }

  /** Job: deletes expired copies; safe on several nodes (the row is cleared only if it still names the file). */
  async expire(now = new Date()) {
    let removed = 0;
    for (const row of await q.expiredCopies(this.ctx.db, now)) {
      if (await q.clearCopy(this.ctx.db, row.id, row.copyPath!)) {
        this.remove(row.copyPath!);
        removed++;
      }
    }
    return removed;
  }
}
