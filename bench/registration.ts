import http from 'node:http';
import { and, eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../server/platform/db/client.ts';
import { SessionStore } from '../server/modules/accounts/sessions.ts';
import { organizations, users } from '../server/modules/members/tables.ts';
import { learningEvents, learningRegistrations } from '../server/modules/learning/tables.ts';
import { instantToZoned } from '../server/modules/learning/time.ts';
import { startServer } from './server-process.ts';
import { runLoad, type LoadResult } from './load.ts';

/**
 * Registration for one hot event (50 seats) at 64 concurrent clients against a real server process on
 * PostgreSQL: every request takes the event's row lock, so this measures the serialised path. Beside it,
 * in the same run, the event page (GET) as the baseline. Afterwards the database is checked: exactly 50
 * confirmed, everyone else waitlisted in one unbroken order, seats_taken = 50.
 */
const CONNECTIONS = 64;
const SEATS = 50;
const REGISTRANTS = Number(process.env.BENCH_REGISTRANTS ?? 1280);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DB_URL = 'postgres://postgres@127.0.0.1:5432/amigos_bench_learning';
const SECRET = 'bench-session-secret-that-is-long-enough-0001';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

type Session = { cookie: string; csrf: string };

function post(agent: http.Agent, base: URL, path: string, s: Session, body: unknown) {
  const payload = JSON.stringify(body);
  return new Promise<number>((resolve) => {
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
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(payload);
  });
}

export async function benchRegistration() {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS amigos_bench_learning WITH (FORCE)');
  await admin.query('CREATE DATABASE amigos_bench_learning');
  await admin.end();
  const server = await startServer({ DATABASE_URL: DB_URL, SEED_DEMO: 'true', SESSION_SECRET: SECRET });
  const database = await openDatabase({ databaseUrl: DB_URL, dataDir: '', poolSize: 4 });
  try {
    const db = database.db;
    const store = new SessionStore(db, Buffer.from(SECRET, 'utf8'), 2);
    const session = async (userId: string): Promise<Session> => {
      const s = await store.create(db, userId, {});
      return { cookie: `amigos_session=${s.token}`, csrf: s.csrfToken };
    };
    // Registrants: staff spread over the demo libraries (no seat caps, so only capacity limits them).
    const libraries = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.kind, 'library'));
    const [{ passwordHash }] = (await db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .limit(1)) as [{ passwordHash: string }];
    const people = await db
      .insert(users)
      .values(
        Array.from({ length: REGISTRANTS }, (_, i) => ({
          email: `bench-registrant-${i}@bench.example`,
          displayName: `Registrant ${i}`,
          organizationId: libraries[i % libraries.length]!.id,
          role: 'library_staff' as const,
          passwordHash,
        })),
      )
      .returning({ id: users.id });
    const sessions = await Promise.all(people.map((p) => session(p.id)));

    // The organiser creates and publishes the event through the API.
    const [office] = await db.select().from(organizations).where(eq(organizations.kind, 'consortium'));
    const [staff] = await db.select().from(users).where(eq(users.email, 'staff@amigoscommons.example'));
    const organiser = await session(staff!.id);
    const local = (days: number, hhmm: string) =>
      `${instantToZoned(new Date(Date.now() + days * 86_400_000), 'America/Chicago').slice(0, 10)}T${hhmm}`;
    const api = async (method: string, path: string, body: unknown) => {
      const r = await fetch(`${server.baseUrl}/api/v1${path}`, {
        method,
        headers: {
          cookie: organiser.cookie,
          'x-csrf-token': organiser.csrf,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
      return r.json() as Promise<{ id: string; version: number }>;
    };
    const created = await api('POST', `/libraries/${office!.id}/learning/events`, {
      titleEn: 'Hot webinar',
      titleEs: 'Seminario muy solicitado',
      format: 'online',
      timeZone: 'America/Chicago',
      topic: 'technology',
      competencyArea: 'technology',
      contactHours: 1,
      capacity: SEATS,
      sessions: [{ startsAt: local(10, '10:00'), endsAt: local(10, '11:00') }],
      registrationOpensAt: local(-1, '00:00'),
      registrationClosesAt: local(9, '17:00'),
    });
    await api('PATCH', `/libraries/${office!.id}/learning/events/${created.id}`, {
      status: 'published',
      version: created.version,
    });

    // Baseline: the event page, same server, same run.
    const pageUrl = `${server.baseUrl}/api/v1/learning/events/${created.id}`;
    await runLoad(pageUrl, 8, 2);
    const baseline = await runLoad(pageUrl, CONNECTIONS, SECONDS, { cookie: sessions[0]!.cookie });

    // 64 clients register the registrants as fast as they can, each request answered before the next.
    const base = new URL(server.baseUrl);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < sessions.length) {
          const s = sessions[next++]!;
          const t0 = performance.now();
          const status = await post(
            agent,
            base,
            `/api/v1/learning/events/${created.id}/registrations`,
            s,
            {},
          );
          latencies.push(performance.now() - t0);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    agent.destroy();
    const sorted = latencies.sort((a, b) => a - b);
    const registration: LoadResult = {
      requests: sorted.length,
      rps: sorted.length / elapsed,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? 0,
      errors: sorted.length - (statuses.get(201) ?? 0),
    };

    // The proof: no over-booking, one waitlist order.
    const rows = await db
      .select({ status: learningRegistrations.status, seq: learningRegistrations.waitlistSeq })
      .from(learningRegistrations)
      .where(eq(learningRegistrations.eventId, created.id));
    const confirmed = rows.filter((r) => r.status === 'confirmed').length;
    const waitlisted = rows.filter((r) => r.status === 'waitlisted').length;
    const [event] = await db.select().from(learningEvents).where(eq(learningEvents.id, created.id));
    const live = await db
      .select({ id: learningRegistrations.id })
      .from(learningRegistrations)
      .where(
        and(
          eq(learningRegistrations.eventId, created.id),
          inArray(learningRegistrations.status, ['confirmed', 'offered']),
        ),
      );
    const overBooked = confirmed > SEATS || live.length !== event!.seatsTaken || event!.seatsTaken > SEATS;

    const ms = (v: number) => `${v.toFixed(1).padStart(6)} ms`;
    const row = (name: string, r: LoadResult) =>
      `  ${name.padEnd(44)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${ms(r.p50)}   p95 ${ms(r.p95)}   p99 ${ms(r.p99)}   errors ${r.errors}`;
    console.log(
      `\nRegistration for one event with ${SEATS} seats — postgres, ${CONNECTIONS} concurrent clients`,
    );
    console.log(row('baseline GET /learning/events/:id', baseline));
    console.log(row(`POST …/registrations (${REGISTRANTS} people)`, registration));
    console.log(
      `  ratio to the event page — throughput ${(registration.rps / baseline.rps).toFixed(2)}×, p95 ${(registration.p95 / baseline.p95).toFixed(2)}×`,
    );
    console.log(
      `  result: ${confirmed} confirmed, ${waitlisted} waitlisted, seats_taken ${event!.seatsTaken}; status codes ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    console.log(`  over-booking: ${overBooked ? 'YES — FAILED' : 'none'}`);
    if (overBooked || confirmed !== SEATS || confirmed + waitlisted !== REGISTRANTS)
      throw new Error('Registration benchmark: the event was over-booked or registrations were lost.');
    return { baseline, registration, confirmed, waitlisted };
  } finally {
    await database.close();
    await server.stop();
  }
}
