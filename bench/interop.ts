import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { startServer } from './server-process.ts';

/**
 * SRU searchRetrieve latency / throughput and OAI-PMH ListRecords harvest rate against a real server process
 * (PGlite, the demo consortium seeded with BENCH_INTEROP_RECORDS catalog records), each beside the bare
 * GET /api/health measured in the same run.
 */
const RECORDS = Number(process.env.BENCH_INTEROP_RECORDS ?? 5000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 8;
const QUERIES = [
  'dc.title%3Dhistory',
  'dc.creator%3Dsmith',
  'dc.subject%3D%22world%20war%22',
  'cql.serverChoice%3Dmusic%20and%20dc.date%3E2000',
  'dc.title%3Dintro*',
  'cql.allRecords%3D1%20sortBy%20dc.date/sort.descending',
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function get(agent: http.Agent, base: URL, url: string) {
  return new Promise<{ status: number; body: string }>((resolve) => {
    http
      .get({ host: base.hostname, port: base.port, path: url, agent }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', () => resolve({ status: 0, body: '' }));
  });
}

async function drive(base: URL, urls: string[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const url = urls[i++ % urls.length]!;
        const t0 = performance.now();
        const r = await get(agent, base, url);
        latencies.push(performance.now() - t0);
        if (r.status !== 200 || r.body.includes('info:srw/diagnostic/1/1<')) errors++;
      }
    }),
  );
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return { rps: sorted.length / SECONDS, p50: percentile(sorted, 50), p95: percentile(sorted, 95), errors };
}

export async function benchInterop() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amigos-bench-interop-'));
  const server = await startServer({
    DATA_DIR: dir,
    DATABASE_URL: '',
    SEED_DEMO: 'true',
    SEED_CATALOG_RECORDS: String(RECORDS),
  });
  const base = new URL(server.baseUrl);
  const agent = new http.Agent({ keepAlive: true });
  try {
    // Wait until the seeded catalogue is indexed (the count stops growing).
    let last = -1;
    for (let stable = 0; stable < 3;) {
      await new Promise((r) => setTimeout(r, 1000));
      const r = await get(agent, base, '/sru?query=cql.allRecords%3D1&maximumRecords=0');
      const n = Number(/numberOfRecords>(\d+)</.exec(r.body)?.[1] ?? 0);
      stable = n > 0 && n === last ? stable + 1 : 0;
      last = n;
    }
    console.log(
      `\ninterop (PGlite, ${RECORDS} seeded records → ${last} clusters, ${CONNECTIONS} connections, ${SECONDS} s each)`,
    );
    const health = await drive(base, ['/api/health']);
    const sru = await drive(
      base,
      QUERIES.map((q) => `/sru?version=2.0&query=${q}&maximumRecords=10`),
    );
    const fmt = (x: { rps: number; p50: number; p95: number; errors: number }) =>
      `${x.rps.toFixed(0)} req/s, p50 ${x.p50.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms, errors ${x.errors}`;
    console.log(`  GET /api/health (baseline)        ${fmt(health)}`);
    console.log(
      `  SRU searchRetrieve (10 MARCXML)   ${fmt(sru)}  = ${(sru.rps / health.rps).toFixed(3)}× baseline`,
    );

    // A full harvest, one client following resumption tokens.
    let url = '/oai?verb=ListRecords&metadataPrefix=marc21';
    let records = 0;
    const t0 = performance.now();
    for (;;) {
      const r = await get(agent, base, url);
      records += (r.body.match(/<record>/g) ?? []).length;
      const token = /<resumptionToken>([^<]+)</.exec(r.body)?.[1];
      if (!token) break;
      url = `/oai?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`;
    }
    const seconds = (performance.now() - t0) / 1000;
    const healthSerial = await (async () => {
      const n = 500;
      const s = performance.now();
      for (let i = 0; i < n; i++) await get(agent, base, '/api/health');
      return n / ((performance.now() - s) / 1000);
    })();
    console.log(
      `  OAI ListRecords harvest           ${records} records in ${seconds.toFixed(1)} s = ${(records / seconds).toFixed(0)} records/s ` +
        `(pages of 50; serial /api/health ${healthSerial.toFixed(0)} req/s → ${(records / 50 / seconds / healthSerial).toFixed(3)}× per page)`,
    );
  } finally {
    agent.destroy();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
