import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../server/platform/db/client.ts';
import { SessionStore } from '../server/modules/accounts/sessions.ts';
import { organizations, users } from '../server/modules/members/tables.ts';
import { catalogClusters, catalogHoldings, catalogRecords } from '../server/modules/catalog/tables.ts';
import { cpuMsOf, machineCpuMs, startServer } from './server-process.ts';
import { runLoad, type LoadResult } from './load.ts';

/**
 * Resource sharing on the PostgreSQL server, through a real server process at 64 concurrent clients:
 * (1) create + route a request (duplicate and local-holdings checks, rota built from holdings, policies,
 * closures and loan:borrow balance, first lender asked — one transaction), and (2) staff actions, each one
 * transition on each side in one transaction, driven through whole loans. Beside them in the same run the
 * bare route GET /api/health. The demo consortium and its year of ILL traffic are loaded first, so the
 * balance queries see realistic volumes.
 */
const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLUSTERS = 300;
const DB_URL = 'postgres://postgres@127.0.0.1:5432/amigos_bench_sharing';
const SECRET = 'bench-session-secret-that-is-long-enough-0002';

type Session = { cookie: string; csrf: string };
type Reply = { status: number; body: string };
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function post(agent: http.Agent, base: URL, path: string, s: Session, body: unknown) {
  const payload = JSON.stringify(body);
  return new Promise<Reply>((resolve) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: 'POST',
        agent,
        headers: {
          cookie: s.cookie,
          'x-csrf-token': s.csrf,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let data = '';
        res.on('data', (d: Buffer) => (data += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(payload);
  });
}

const summary = (latencies: number[], seconds: number, errors: number): LoadResult => {
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    errors,
  };
};

/** CPU used by the server process and by its database's backends during one phase, with the machine's. */
type Cpu = { serverMs: number; postgresMs: number; machineBusy: number };
async function cpuMeter(admin: pg.Client, serverPid: number) {
  const backends = async () =>
    (
      await admin.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = 'amigos_bench_sharing'",
      )
    ).rows.map((r) => r.pid);
  const start = new Map((await backends()).map((pid) => [pid, cpuMsOf(pid)]));
  const server0 = cpuMsOf(serverPid);
  const machine0 = machineCpuMs();
  return async (): Promise<Cpu> => {
    let postgresMs = 0;
    for (const pid of new Set([...start.keys(), ...(await backends())]))
      postgresMs += Math.max(0, cpuMsOf(pid) - (start.get(pid) ?? 0));
    const machine = machineCpuMs();
    return {
      serverMs: cpuMsOf(serverPid) - server0,
      postgresMs,
      machineBusy: (machine.busy - machine0.busy) / Math.max(1, machine.total - machine0.total),
    };
  };
}

export async function benchSharing() {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS amigos_bench_sharing WITH (FORCE)');
  await admin.query('CREATE DATABASE amigos_bench_sharing');
  await admin.end();
  const server = await startServer(
    {
      DATABASE_URL: DB_URL,
      SEED_DEMO: 'true',
      SEED_CATALOG_RECORDS: '0',
      SESSION_SECRET: SECRET,
    },
    // BENCH_PROFILE_DIR=/some/dir: the server writes a V8 CPU profile there when it stops.
    process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [],
  );
  const database = await openDatabase({ databaseUrl: DB_URL, dataDir: '', poolSize: 4 });
  const meterDb = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await meterDb.connect();
  try {
    const db = database.db;
    const store = new SessionStore(db, Buffer.from(SECRET, 'utf8'), 2);
    const libraries = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.kind, 'library'));
    const [{ passwordHash }] = (await db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .limit(1)) as [{ passwordHash: string }];
    // One ILL staff member (sharing capability) per library, signed in.
    const staff = await db
      .insert(users)
      .values(
        libraries.map((l, i) => ({
          email: `bench-ill-${i}@bench.example`,
          displayName: `ILL ${i}`,
          organizationId: l.id,
          role: 'library_staff' as const,
          capabilities: ['sharing'],
          passwordHash,
        })),
      )
      .returning({ id: users.id, organizationId: users.organizationId });
    const sessions = new Map<string, Session>();
    for (const s of staff) {
      const created = await store.create(db, s.id, {});
      sessions.set(s.organizationId, { cookie: `amigos_session=${created.token}`, csrf: created.csrfToken });
    }
    // Catalog clusters held by 3–6 libraries each (written directly: the catalog's loads are benchmarked apart).
    const clusters: string[] = [];
    for (let c = 0; c < CLUSTERS; c++) {
      const id = randomUUID();
      clusters.push(id);
      const holders = [...libraries].sort(() => Math.random() - 0.5).slice(0, 3 + (c % 4));
      await db.insert(catalogClusters).values({
        id,
        title: `Bench title ${c}`,
        format: 'book',
        libraryCount: holders.length,
        recordCount: holders.length,
      });
      for (const h of holders) {
        const recordId = randomUUID();
        await db.insert(catalogRecords).values({
          id: recordId,
          libraryId: h.id,
          controlSource: 'bench',
          controlNumber: recordId,
          marc: {},
          features: {},
          contentHash: recordId,
          format: 'book',
          title: `Bench title ${c}`,
          clusterId: id,
        });
        await db.insert(catalogHoldings).values({ recordId, libraryId: h.id, location: 'Stacks' });
      }
    }

    // A database in service is vacuumed and analysed now and then; the seed wrote its year just now.
    {
      const tables = new pg.Client({ connectionString: DB_URL });
      await tables.connect();
      await tables.query('VACUUM ANALYZE');
      await tables.end();
    }
    const base = new URL(server.baseUrl);
    await runLoad(`${server.baseUrl}/api/health`, 8, 2);
    let meter = await cpuMeter(meterDb, server.pid);
    const baseline = await runLoad(`${server.baseUrl}/api/health`, CONNECTIONS, SECONDS);
    const baselineCpu = await meter();

    // (1) Create + route, 64 clients for SECONDS.
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const created: { id: string; version: number; borrower: string; lender: string | null }[] = [];
    const createLat: number[] = [];
    let createErrors = 0;
    const borrowers = [...sessions.keys()];
    const deadline = performance.now() + SECONDS * 1000;
    let started = performance.now();
    meter = await cpuMeter(meterDb, server.pid);
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, worker) => {
        let i = worker;
        while (performance.now() < deadline) {
          const borrower = borrowers[i % borrowers.length]!;
          const clusterId = clusters[(i * 7) % clusters.length]!;
          i += CONNECTIONS;
          const t0 = performance.now();
          const r = await post(
            agent,
            base,
            `/api/v1/sharing/libraries/${borrower}/requests`,
            sessions.get(borrower)!,
            { serviceType: 'loan', clusterId, patron: { name: `Bench patron ${i}` } },
          );
          createLat.push(performance.now() - t0);
          if (r.status !== 201) {
            createErrors++;
            continue;
          }
          const d = JSON.parse(r.body) as {
            id: string;
            version: number;
            state: string;
            attempt: { lender: { id: string } } | null;
          };
          created.push({
            id: d.id,
            version: d.version,
            borrower,
            lender: d.state === 'requested' ? d.attempt!.lender.id : null,
          });
        }
      }),
    );
    const create = summary(createLat, (performance.now() - started) / 1000, createErrors);
    const createCpu = await meter();

    // The creates' mail (staff who want sharing emails) is delivered by the server's job worker; let it
    // drain first (up to 60 s) so its work is not counted against the transitions.
    for (let waited = 0; waited < 60_000; waited += 250) {
      const { rows } = await database.raw(
        "SELECT count(*)::int AS n FROM mail_outbox WHERE status IN ('queued', 'sending')",
      );
      if (Number(rows[0]?.n ?? 0) === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }

    // (2) Transitions: whole loans, lender and borrower alternating, each answer's version feeding the next.
    const steps: ['L' | 'B', string, object?][] = [
      ['L', 'will_supply'],
      ['L', 'ship', { trackingId: 'BENCH' }],
      ['B', 'mark_received'],
      ['B', 'check_out_to_patron'],
      ['B', 'check_in_from_patron'],
      ['B', 'ship_return'],
      ['L', 'check_in'],
    ];
    const loans = created.filter((c) => c.lender);
    const actLat: number[] = [];
    let actErrors = 0;
    let next = 0;
    started = performance.now();
    meter = await cpuMeter(meterDb, server.pid);
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < loans.length) {
          const loan = loans[next++]!;
          let version = loan.version;
          for (const [side, action, extra] of steps) {
            const who = sessions.get(side === 'L' ? loan.lender! : loan.borrower)!;
            const t0 = performance.now();
            const r = await post(agent, base, `/api/v1/sharing/requests/${loan.id}/actions`, who, {
              action,
              version,
              ...extra,
            });
            actLat.push(performance.now() - t0);
            if (r.status !== 200) {
              actErrors++;
              break;
            }
            version = (JSON.parse(r.body) as { version: number }).version;
          }
        }
      }),
    );
    const actions = summary(actLat, (performance.now() - started) / 1000, actErrors);
    const actionsCpu = await meter();
    agent.destroy();

    const ms = (v: number) => `${v.toFixed(1).padStart(6)} ms`;
    const row = (name: string, r: LoadResult) =>
      `  ${name.padEnd(46)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${ms(r.p50)}   p95 ${ms(r.p95)}   p99 ${ms(r.p99)}   errors ${r.errors}`;
    console.log(`\nResource sharing — postgres, ${CONNECTIONS} concurrent clients`);
    const cpuRow = (name: string, r: LoadResult, c: Cpu) => {
      const server = c.serverMs / Math.max(1, r.requests);
      const base = baselineCpu.serverMs / Math.max(1, baseline.requests);
      return (
        `  ${name.padEnd(46)} server CPU ${server.toFixed(2).padStart(6)} ms/req (${(server / base).toFixed(0)}× baseline)` +
        `   postgres CPU ${(c.postgresMs / Math.max(1, r.requests)).toFixed(2).padStart(6)} ms/req` +
        `   machine busy ${(c.machineBusy * 100).toFixed(0)}%   throughput ${(baseline.rps / Math.max(0.001, r.rps)).toFixed(0)}× below baseline`
      );
    };
    console.log(row('baseline GET /api/health', baseline));
    console.log(row(`POST …/requests (create + route, ${create.requests})`, create));
    console.log(row(`POST …/actions (${actions.requests} actions)`, actions));
    console.log(
      `  CPU: baseline server ${(baselineCpu.serverMs / Math.max(1, baseline.requests)).toFixed(3)} ms/req, ` +
        `postgres ${(baselineCpu.postgresMs / Math.max(1, baseline.requests)).toFixed(3)} ms/req, machine busy ${(baselineCpu.machineBusy * 100).toFixed(0)}%`,
    );
    console.log(cpuRow('create + route', create, createCpu));
    console.log(cpuRow('actions', actions, actionsCpu));
    console.log(
      `  transitions: ${(actions.rps * 2).toFixed(0)}/s (each action is one transition on each side, in one transaction); ` +
        `create p95 goal ≤ 50 ms: ${create.p95 <= 50 ? 'met' : 'not met'}; transitions goal ≥ 1,000/s: ${actions.rps * 2 >= 1000 ? 'met' : 'not met'}`,
    );
    return {
      baseline,
      create,
      actions,
      cpu: { baseline: baselineCpu, create: createCpu, actions: actionsCpu },
    };
  } finally {
    await meterDb.end();
    await database.close();
    await server.stop();
  }
}
