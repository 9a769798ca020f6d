import PgBoss from 'pg-boss';
import type { Database } from './db/client.ts';
import type { Logger } from './log.ts';

export type JobHandler<T> = (data: T, meta: { id: string; name: string }) => Promise<void>;

type Registration = {
  name: string;
  handler: JobHandler<never>;
  retryLimit: number;
  cron?: string | undefined;
};

export type JobsMode = 'inline' | 'worker' | 'off';

/**
 * The job queue lives in PostgreSQL (pg-boss), so jobs survive restarts and any number of app nodes share
 * one queue: each job is fetched by exactly one worker (SELECT … FOR UPDATE SKIP LOCKED inside pg-boss).
 * Handlers must be idempotent: a job whose worker died is retried.
 *
 * Modes: `inline` — this process sends and works jobs (the default); `worker` — this process only sends,
 * a separate `npm run worker` works them; `off` — send only (tests that drive handlers themselves).
 */
export class Jobs {
  private readonly boss: PgBoss;
  private readonly registrations = new Map<string, Registration>();
  private started = false;
  /** Local worker ids per queue, woken right after a send so same-node jobs do not wait for the poll. */
  private readonly localWorkers = new Map<string, string>();

  constructor(
    database: Database,
    private readonly log: Logger,
  ) {
    const common = { schema: 'pgboss', supervise: true, schedule: true } as const;
    this.boss =
      database.kind === 'postgres'
        ? new PgBoss({ ...common, connectionString: database.connectionString!, max: 4 })
        : new PgBoss({ ...common, db: { executeSql: (text, values) => database.raw(text, values) } });
    this.boss.on('error', (error) => this.log.error({ err: error }, 'job queue error'));
  }

  define<T>(name: string, handler: JobHandler<T>, options: { retryLimit?: number; cron?: string } = {}) {
    this.registrations.set(name, {
      name,
      handler: handler as JobHandler<never>,
      retryLimit: options.retryLimit ?? 5,
      cron: options.cron,
    });
  }

  /** Creates the queues; works them when `work` is true (inline mode, or the worker process). */
  async start({ work }: { work: boolean }) {
    await this.boss.start();
    this.started = true;
    for (const reg of this.registrations.values()) {
      await this.boss.createQueue(reg.name, {
        name: reg.name,
        retryLimit: reg.retryLimit,
        retryBackoff: true,
      });
      if (reg.cron) await this.boss.schedule(reg.name, reg.cron, {}, { tz: 'UTC' });
      if (work) {
        const workerId = await this.boss.work(
          reg.name,
          { pollingIntervalSeconds: 0.5, batchSize: 1 },
          async (jobs) => {
            for (const job of jobs) {
              await reg.handler(job.data as never, { id: job.id, name: job.name });
            }
          },
        );
        this.localWorkers.set(reg.name, workerId);
      }
    }
  }

  async send<T extends object>(
    name: string,
    data: T,
    options: { singletonKey?: string; startAfterSeconds?: number } = {},
  ): Promise<string | null> {
    if (!this.registrations.has(name)) throw new Error(`Unknown job ${name}`);
    if (!this.started) throw new Error('The job queue has not been started');
    const id = await this.boss.send(name, data, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    });
    const local = this.localWorkers.get(name);
    if (local && !options.startAfterSeconds) this.boss.notifyWorker(local);
    return id;
  }

  /** Runs one registered handler directly (CLI commands and tests of the handler itself). */
  async runNow<T>(name: string, data: T) {
    const reg = this.registrations.get(name);
    if (!reg) throw new Error(`Unknown job ${name}`);
    await reg.handler(data as never, { id: 'direct', name });
  }

  async stop() {
    if (!this.started) return;
    this.started = false;
    this.localWorkers.clear();
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}
