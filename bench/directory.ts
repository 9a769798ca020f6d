import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { rssMiB, startServer } from './server-process.ts';
import { runLoad, type LoadResult } from './load.ts';

/**
 * Member-directory API throughput and p95 at 64 concurrent connections, beside a bare route of the same
 * server in the same run (GET /api/health: routing, security hooks and serialisation, no database).
 */
const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const load = (url: string) => runLoad(url, CONNECTIONS, SECONDS);

export async function benchDirectory(kind: 'pglite' | 'postgres') {
  const env: Record<string, string> = { SEED_DEMO: 'true' };
  let cleanup = async () => {};
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amigos-bench-'));
    env.DATA_DIR = dir;
    env.DATABASE_URL = '';
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS amigos_bench WITH (FORCE)');
    await admin.query('CREATE DATABASE amigos_bench');
    await admin.end();
    env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/amigos_bench';
  }
  const server = await startServer(env);
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rssMiB(server.pid);
    // Warm up both routes, then measure each.
    await runLoad(`${server.baseUrl}/api/health`, 8, 2);
    await runLoad(`${server.baseUrl}/api/v1/libraries?pageSize=25`, 8, 2);
    const bare = await load(`${server.baseUrl}/api/health`);
    const directory = await load(`${server.baseUrl}/api/v1/libraries?pageSize=25&sort=name`);
    const filtered = await load(`${server.baseUrl}/api/v1/libraries?q=county&state=TX&pageSize=25`);
    const ms = (v: number) => `${v.toFixed(1).padStart(6)} ms`;
    const row = (name: string, r: LoadResult) =>
      `  ${name.padEnd(36)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${ms(r.p50)}   p95 ${ms(r.p95)}   p99 ${ms(r.p99)}   errors ${r.errors}`;
    console.log(`\nMember directory — ${kind}, ${CONNECTIONS} connections, ${SECONDS} s each`);
    console.log(
      `  start-up on a fresh database (migrate + demo seed + listen): ${(server.startupMs / 1000).toFixed(2)} s`,
    );
    console.log(`  idle memory (RSS): ${idle.toFixed(0)} MiB`);
    console.log(row('bare route GET /api/health', bare));
    console.log(row('GET /api/v1/libraries', directory));
    console.log(row('GET /api/v1/libraries?q=…&state=TX', filtered));
    console.log(
      `  ratio to the bare route — throughput: directory ${(directory.rps / bare.rps).toFixed(2)}×, filtered ${(filtered.rps / bare.rps).toFixed(2)}×;` +
        ` p95: directory ${(directory.p95 / bare.p95).toFixed(2)}×, filtered ${(filtered.p95 / bare.p95).toFixed(2)}×`,
    );
    return { kind, startupMs: server.startupMs, idleMiB: idle, bare, directory, filtered };
  } finally {
    await server.stop();
    await cleanup();
  }
}
