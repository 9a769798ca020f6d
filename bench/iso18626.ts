import http from 'node:http';
import { and, count, eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../server/platform/db/client.ts';
import { organizations } from '../server/modules/members/tables.ts';
import { sharingPolicies } from '../server/modules/sharing/tables.ts';
import { sharingIsoMessages, sharingIsoPartners } from '../server/modules/sharing/iso18626/tables.ts';
import { buildMessage, parseConfirmation } from '../server/modules/sharing/iso18626/codec.ts';
import type { IsoRequest, IsoRequestingAgencyMessage } from '../server/modules/sharing/iso18626/messages.ts';
import { freePort } from '../server/test/free-port.ts';
import { startServer } from './server-process.ts';
import { runLoad, type LoadResult } from './load.ts';

/**
 * ISO 18626 on the PostgreSQL server, through a real server process at 64 concurrent clients, beside the
 * bare route GET /api/health of the same run:
 *   (1) an outside library's `request` messages to our members (each creates a request and its attempt,
 *       logs the message and answers a confirmation — one transaction);
 *   (2) its requestingAgencyMessage StatusRequest on those requests (each queues our answer);
 *   (3) the same bodies again (the idempotent path: answered from the log, nothing changes);
 *   (4) our outbox delivering the queued supplyingAgencyMessages to the partner's endpoint (a local sink
 *       answering OK), messages per second until it is empty.
 */
const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DB_URL = 'postgres://postgres@127.0.0.1:5432/amigos_bench_iso';
const VERSION = '2021' as const;
const ADDRESS = { line1: '1 Main St', city: 'Tulsa', state: 'OK', postalCode: '74103' };
const PARTNER = { agencyIdType: 'ISIL', agencyIdValue: 'US-BENCH-OUTSIDE' };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function postXml(agent: http.Agent, base: URL, xml: string) {
  return new Promise<{ status: number; body: string }>((resolve) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        path: '/iso18626',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) },
      },
      (res) => {
        let data = '';
        res.on('data', (d: Buffer) => (data += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(xml);
  });
}

/** 64 closed-loop clients sending the bodies `next(i)` gives until it returns null or time is up. */
async function drive(base: URL, next: (i: number) => string | null): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const xml = next(i++);
        if (xml === null) return;
        const t0 = performance.now();
        const r = await postXml(agent, base, xml);
        latencies.push(performance.now() - t0);
        const c = r.status === 200 ? parseConfirmation(r.body) : null;
        if (!c?.ok || c.status !== 'OK') errors++;
      }
    }),
  );
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
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
}

/** The partner's endpoint: answers every message with an OK confirmation and counts them. */
async function startSink() {
  let received = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(
        '<?xml version="1.0" encoding="UTF-8"?><ill:ISO18626Message xmlns:ill="http://illtransactions.org/2013/iso18626" ill:version="2021-2"><ill:supplyingAgencyMessageConfirmation><ill:confirmationHeader><ill:timestamp>2026-01-01T00:00:00Z</ill:timestamp><ill:requestingAgencyRequestId>x</ill:requestingAgencyRequestId><ill:messageStatus>OK</ill:messageStatus></ill:confirmationHeader></ill:supplyingAgencyMessageConfirmation></ill:ISO18626Message>',
      );
    });
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}/iso18626`, received: () => received, close: () => server.close() };
}

export async function benchIso18626() {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS amigos_bench_iso WITH (FORCE)');
  await admin.query('CREATE DATABASE amigos_bench_iso');
  await admin.end();
  const sink = await startSink();
  const server = await startServer({ DATABASE_URL: DB_URL, SEED_DEMO: 'true', SEED_CATALOG_RECORDS: '0' });
  const database = await openDatabase({ databaseUrl: DB_URL, dataDir: '', poolSize: 2 });
  try {
    const db = database.db;
    const [partner] = await db
      .insert(organizations)
      .values({
        kind: 'partner',
        name: 'Outside library (bench)',
        symbol: 'BENCHOUT',
        status: 'active',
        city: 'Tulsa',
        state: 'OK',
        region: 'Oklahoma',
        timeZone: 'America/Chicago',
        streetAddress: ADDRESS,
        shippingAddress: ADDRESS,
      })
      .returning({ id: organizations.id });
    await db.insert(sharingIsoPartners).values({
      organizationId: partner!.id,
      ...PARTNER,
      endpointUrl: sink.url,
      isoVersion: VERSION,
      lends: false,
    });
    // Members that lend (no policy row = the default policy, which lends).
    const members = await db
      .select({ symbol: organizations.symbol, lending: sharingPolicies.lending })
      .from(organizations)
      .leftJoin(sharingPolicies, eq(sharingPolicies.libraryId, organizations.id))
      .where(and(eq(organizations.kind, 'library'), eq(organizations.status, 'active')));
    const lenders = members.filter((m) => m.lending !== false).map((m) => m.symbol);
    const header = (id: string, lender: string) => ({
      supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: lender },
      requestingAgencyId: PARTNER,
      timestamp: new Date(),
      requestingAgencyRequestId: id,
    });
    const requestXml = (id: string, lender: string) =>
      buildMessage(
        {
          kind: 'request',
          header: header(id, lender),
          bibliographicInfo: {
            title: `Bench title ${id}`,
            author: 'Bench, Author',
            bibliographicItemId: [{ code: 'ISBN', value: '9780292712345' }],
          },
          serviceInfo: { requestType: 'New', serviceType: 'Loan', serviceLevel: 'Normal' },
        } satisfies IsoRequest,
        VERSION,
      );
    const statusXml = (id: string, lender: string) =>
      buildMessage(
        {
          kind: 'requestingAgencyMessage',
          header: header(id, lender),
          action: 'StatusRequest',
        } satisfies IsoRequestingAgencyMessage,
        VERSION,
      );

    const base = new URL(server.baseUrl);
    await runLoad(`${server.baseUrl}/api/health`, 8, 2);
    const baseline = await runLoad(`${server.baseUrl}/api/health`, CONNECTIONS, SECONDS);

    const sent: { id: string; lender: string; body: string }[] = [];
    const requests = await drive(base, (i) => {
      const id = `bench-${i}`;
      const lender = lenders[i % lenders.length]!;
      const body = requestXml(id, lender);
      sent.push({ id, lender, body });
      return body;
    });
    const statuses = await drive(base, (i) => {
      const s = sent[i];
      return s ? statusXml(s.id, s.lender) : null;
    });
    const repeats = await drive(base, (i) => sent[i]?.body ?? null);

    // Delivery: wait for the outbox to be empty (or two minutes), counting what the sink received.
    const pending = async () => {
      const [row] = await db
        .select({ n: count() })
        .from(sharingIsoMessages)
        .where(
          and(
            eq(sharingIsoMessages.direction, 'out'),
            inArray(sharingIsoMessages.status, ['pending', 'retrying']),
          ),
        );
      return row?.n ?? 0;
    };
    const queued = await pending();
    const before = sink.received();
    const t0 = performance.now();
    while ((await pending()) > 0 && performance.now() - t0 < 120_000)
      await new Promise((r) => setTimeout(r, 200));
    const deliverySeconds = (performance.now() - t0) / 1000;
    const delivered = sink.received() - before;

    const ms = (v: number) => `${v.toFixed(1).padStart(6)} ms`;
    const row = (name: string, r: LoadResult) =>
      `  ${name.padEnd(48)} ${r.rps.toFixed(0).padStart(7)} msg/s   p50 ${ms(r.p50)}   p95 ${ms(r.p95)}   p99 ${ms(r.p99)}   not OK ${r.errors}`;
    const ratio = (r: LoadResult) => `${(r.rps / baseline.rps).toFixed(3)}× baseline`;
    console.log(`\nISO 18626 — postgres, ${CONNECTIONS} concurrent clients, version ${VERSION}`);
    console.log(row('baseline GET /api/health (req/s)', baseline));
    console.log(row(`inbound request (${requests.requests})`, requests), ratio(requests));
    console.log(row(`inbound StatusRequest (${statuses.requests})`, statuses), ratio(statuses));
    console.log(row(`same bodies again (${repeats.requests})`, repeats), ratio(repeats));
    console.log(
      `  outbox: ${queued} messages queued after the load; ${delivered} delivered in ${deliverySeconds.toFixed(1)} s ` +
        `(${(delivered / Math.max(deliverySeconds, 0.001)).toFixed(0)} msg/s; in order per request, four lanes per worker)`,
    );
    return { baseline, requests, statuses, repeats, delivered, deliverySeconds };
  } finally {
    await database.close();
    await server.stop();
    sink.close();
  }
}
