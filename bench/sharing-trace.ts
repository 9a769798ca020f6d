import pg from 'pg';
import { like, sql } from 'drizzle-orm';
import { buildApp } from '../server/app.ts';
import { cpuMsOf } from './server-process.ts';
import { createContext, closeContext } from '../server/boot.ts';
import { loadEnv } from '../server/platform/env.ts';
import { SessionStore } from '../server/modules/accounts/sessions.ts';
import { users } from '../server/modules/members/tables.ts';
import { catalogRecords } from '../server/modules/catalog/tables.ts';

/**
 * Where one create + route and one loan's transitions spend their time: every SQL round trip with its
 * duration, one request at a time, on the database the sharing bench left behind (run the bench first).
 * `npx tsx bench/sharing-trace.ts`
 */
const DB_URL = 'postgres://postgres@127.0.0.1:5432/amigos_bench_sharing';
const SECRET = 'bench-session-secret-that-is-long-enough-0002';

type Trace = { text: string; ms: number };
let trace: Trace[] | null = null;
const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const t0 = performance.now();
  const first = args[0] as string | { text: string };
  const text = (typeof first === 'string' ? first : first.text).replace(/\s+/g, ' ');
  const log = trace;
  const last = args.length - 1;
  if (log && typeof args[last] === 'function') {
    const callback = args[last] as (...a: unknown[]) => void;
    args[last] = (...a: unknown[]) => {
      log.push({ text, ms: performance.now() - t0 });
      callback(...a);
    };
  }
  const result = original.apply(this, args);
  if (log && result && typeof (result as Promise<unknown>).then === 'function')
    void (result as Promise<unknown>).then(
      () => log.push({ text, ms: performance.now() - t0 }),
      () => log.push({ text: `FAILED ${text}`, ms: performance.now() - t0 }),
    );
  return result;
} as never;

const env = loadEnv({ DATABASE_URL: DB_URL, JOBS_MODE: 'off', LOG_LEVEL: 'warn', SESSION_SECRET: SECRET });
const ctx = await createContext(env);
const app = await buildApp(ctx, { serveWeb: false });
const store = new SessionStore(ctx.db, Buffer.from(SECRET, 'utf8'), 2);
const staff = await ctx.db
  .select({ id: users.id, organizationId: users.organizationId })
  .from(users)
  .where(like(users.email, 'bench-ill-%'));
const sessions = new Map<string, { cookie: string; csrf: string }>();
for (const s of staff) {
  const created = await store.create(ctx.db, s.id, {});
  sessions.set(s.organizationId, { cookie: `amigos_session=${created.token}`, csrf: created.csrfToken });
}
const totals = new Map<string, { n: number; cpu: number; pg: number; trips: number }>();
const backends = (
  await ctx.database.raw("SELECT pid FROM pg_stat_activity WHERE datname = 'amigos_bench_sharing'")
).rows.map((r) => Number(r.pid));
/** CPU of this database's server backends so far (ms, 10 ms ticks: meaningful as an average only). */
async function postgresCpu() {
  let ms = 0;
  for (const pid of backends) ms += cpuMsOf(pid);
  return ms;
}

async function traced(label: string, org: string, url: string, body: object) {
  const s = sessions.get(org)!;
  trace = [];
  const pg0 = await postgresCpu();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const res = await app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await new Promise((r) => setTimeout(r, 20));
  const log = trace;
  trace = null;
  const pgMs = (await postgresCpu()) - pg0;
  const sqlMs = log.reduce((n, t) => n + t.ms, 0);
  const key =
    label === 'create + route'
      ? res.body.includes('"state":"requested"')
        ? 'create + route'
        : 'create (held here)'
      : 'action';
  const total = totals.get(key) ?? { n: 0, cpu: 0, pg: 0, trips: 0 };
  totals.set(key, {
    n: total.n + 1,
    cpu: total.cpu + (cpu.user + cpu.system) / 1000,
    pg: total.pg + pgMs,
    trips: total.trips + log.length,
  });
  if (!quiet)
    console.log(
      `\n${label}: ${res.statusCode} in ${ms.toFixed(1)} ms, CPU ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms, ` +
        `${log.length} round trips, ${sqlMs.toFixed(1)} ms in SQL, ${res.body.length} bytes answer`,
    );
  if (!quiet)
    for (const t of log) console.log(`  ${t.ms.toFixed(2).padStart(7)} ms  ${t.text.slice(0, 150)}`);
  if (process.env.TRACE_BODY) console.log(res.body);
  return JSON.parse(res.body) as { id: string; version: number; attempt: { lender: { id: string } } | null };
}

const borrower = [...sessions.keys()][0]!;
// Clusters the borrower does not hold, so each request is routed to a lender.
const clusters = (
  await ctx.db
    .select({ id: catalogRecords.clusterId })
    .from(catalogRecords)
    .where(like(catalogRecords.title, 'Bench title%'))
    .groupBy(catalogRecords.clusterId)
    .having(sql`bool_and(${catalogRecords.libraryId} <> ${borrower}::uuid)`)
).map((c) => c.id!);
const ROUNDS = Number(process.env.TRACE_ROUNDS ?? 2);
const quiet = ROUNDS > 2;
// Warm up once (first-use compilation), then trace.
for (let i = 0; i < ROUNDS; i++) {
  const made = await traced('create + route', borrower, `/api/v1/sharing/libraries/${borrower}/requests`, {
    serviceType: 'loan',
    clusterId: clusters[i % clusters.length],
    patron: { name: `Trace patron ${Date.now()}` },
  });
  if (!made.attempt) continue;
  const lender = made.attempt.lender.id;
  let version = made.version;
  const steps: [string, string, object?][] = [
    [lender, 'will_supply'],
    [lender, 'ship', { trackingId: 'TRACE' }],
    [borrower, 'mark_received'],
  ];
  for (const [who, action, extra] of steps) {
    const r = await traced(action, who, `/api/v1/sharing/requests/${made.id}/actions`, {
      action,
      version,
      ...extra,
    });
    version = r.version;
  }
}
if (quiet)
  for (const [key, t] of totals)
    console.log(
      `${key.padEnd(20)} ${String(t.n).padStart(4)} requests   ${(t.cpu / t.n).toFixed(2).padStart(6)} ms CPU here + ${(t.pg / t.n).toFixed(2)} ms in PostgreSQL each   ${(t.trips / t.n).toFixed(1)} SQL round trips each`,
    );
await app.close();
await closeContext(ctx);
