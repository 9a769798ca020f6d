import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../platform/db/client.ts';
import { activeLibraries } from '../modules/members/index.ts';
import {
  sharingAttempts,
  sharingEvents,
  sharingPatrons,
  sharingPolicies,
  sharingRequests,
  sharingRota,
} from '../modules/sharing/tables.ts';
import type { ServiceType } from '../modules/sharing/states.ts';
import {
  HOUR,
  Story,
  type AttemptRow,
  type EventRow,
  type Lib,
  type RequestRow,
  type RotaRow,
} from './sharing-story.ts';
import { SHOWCASE, play, type Plan } from './sharing-plays.ts';
import type { Citation } from '../../shared/contracts/sharing.ts';

/**
 * A year of demo interlibrary-loan traffic between the demo libraries, so queues and analytics have real
 * content. Every request is played through the two state machines (`step()`, see sharing-story.ts), with
 * plausible delays, and stops where "now" falls: old requests are finished, recent ones are mid-way. A few
 * showcase requests rest in the rarer states (sharing-plays.ts), so every state of both sides has requests.
 * Written in bulk (the service would take minutes for thousands of requests). Deterministic; idempotent:
 * nothing is written when the database already holds requests. Patron data of requests that ended more than
 * 90 days ago is left out, as the purge job would have removed it.
 */
const TITLES: [string, string, 'book' | 'article'][] = [
  ['Cattle kingdom: the open range of the Southwest', 'Range historian', 'book'],
  ['Caddo pottery of the Red River valley', 'Archaeology staff', 'book'],
  ['Water law in the Rio Grande basin', 'Legal scholar', 'book'],
  ['Field guide to Chihuahuan Desert plants', 'Botany society', 'book'],
  ['La frontera: oral histories of the borderlands', 'Oral history project', 'book'],
  ['Cajun and Creole foodways', 'Folklife center', 'book'],
  ['Oil boom towns of Oklahoma', 'Regional historian', 'book'],
  ['Pueblo architecture and its builders', 'Architecture faculty', 'book'],
  ['Statistics for public health practice', 'Public health faculty', 'book'],
  ['Bilingual storytime planning handbook', 'Youth services librarian', 'book'],
  ['Journal of Big Bend Studies', 'Rock art of the lower Pecos', 'article'],
  ['Arkansas Historical Quarterly', 'Rice farming on the Grand Prairie', 'article'],
  ['Southwestern Historical Quarterly', 'Freighting on the Chihuahua Trail', 'article'],
  ['New Mexico Historical Review', 'Acequias and community water', 'article'],
  ['Louisiana History', 'Levee building before 1927', 'article'],
];

const BOOKS = TITLES.filter(([, , kind]) => kind === 'book');
/** A patron's library card number (patron request pages ask for it). */
const cardOf = (n: number) => `2100${String(n).padStart(10, '0')}`;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedDemoSharing(db: Db, options: { requests?: number; now?: Date } = {}) {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(sharingRequests);
  if ((existing?.n ?? 0) > 0) return 0;
  const libs: Lib[] = await activeLibraries(db);
  if (libs.length < 4) return 0;
  const total = options.requests ?? 3000;
  const now = options.now ?? new Date();
  const rand = rng(20260101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  // Larger libraries (earlier in the list) borrow more.
  const borrowerOf = () => libs[Math.floor(libs.length * rand() ** 1.6)]!;
  // The showcase is the demo login's library's own work: half borrowed by it, half lent by it.
  const home = libs.find((l) => l.symbol === 'TXCHP');

  const requests: RequestRow[] = [];
  const patrons: (typeof sharingPatrons.$inferInsert)[] = [];
  const attempts: AttemptRow[] = [];
  const rota: RotaRow[] = [];
  const events: EventRow[] = [];

  for (let n = 0; n < total; n++) {
    // The first requests are the showcase (see SHOWCASE), the rest ordinary traffic.
    const plan: Plan = SHOWCASE[n] ?? {};
    const id = crypto.randomUUID();
    const showcase = plan.stop && home ? (n % 2 === 0 ? 'borrows' : 'lends') : null;
    let borrower = showcase === 'borrows' ? home! : borrowerOf();
    while (showcase === 'lends' && borrower === home) borrower = borrowerOf();
    const showLoan = plan.stop && plan.service !== 'copy';
    const [title, second, kind] = pick(showLoan ? BOOKS : TITLES);
    const service: ServiceType =
      plan.service ?? (showLoan ? 'loan' : kind === 'article' ? 'copy' : rand() < 0.08 ? 'copy' : 'loan');
    const article = kind === 'article' && service === 'copy';
    const citation: Citation = {
      title,
      author: kind === 'book' ? second : '',
      publisher: '',
      year: String(1990 + Math.floor(rand() * 35)),
      edition: '',
      isbn: '',
      issn: '',
      oclc: '',
      articleTitle: article ? second : '',
      articleAuthor: '',
      volume: article ? String(1 + Math.floor(rand() * 60)) : '',
      issue: '',
      pages: article ? `${1 + Math.floor(rand() * 200)}-${210 + Math.floor(rand() * 20)}` : '',
    };
    // A fifth in the last three weeks, so the queues hold work in progress. A showcase request is played
    // from far back and then moved so that it reached its state a little before now.
    const days = plan.stop ? 120 : rand() < 0.2 ? rand() * 21 : rand() * 365;
    const created = new Date(now.getTime() - days * 24 * HOUR);
    const asked = plan.answers?.length ?? 0;
    const count = plan.stop?.b === 'end_of_rota' ? asked : Math.max(asked, 1 + Math.floor(rand() * 4));
    const others = libs.filter((l) => l.id !== borrower.id).sort(() => rand() - 0.5);
    const lenders = (showcase === 'lends' ? [home!, ...others.filter((l) => l !== home)] : others).slice(
      0,
      count,
    );
    lenders.forEach((l, i) =>
      rota.push({
        requestId: id,
        libraryId: l.id,
        position: i + 1,
        reasons: ['Demo traffic: lender order drawn at random by the demo generator'],
        skipReason: null,
      }),
    );

    const req: RequestRow = {
      id,
      borrowerId: borrower.id,
      serviceType: service,
      citation,
      title: citation.title,
      author: citation.author,
      itemKey: `title:${citation.title.toLowerCase()}|${citation.articleTitle.toLowerCase()}`,
      rush: rand() < 0.05,
      pickupLocation: 'Circulation desk',
      createdAt: created,
    };
    const story = new Story(req, borrower.id, now.getTime(), plan.stop);
    play(story, plan, lenders, rand);
    if (plan.stop) {
      if (story.stoppedAt === null) throw new Error(`demo sharing: showcase ${n} never reached its state`);
      story.shift(now.getTime() - (1 + rand() * 30) * HOUR - story.stoppedAt);
    }
    req.source = story.events.some((e) => e.action === 'flag_patron_request') ? 'patron' : 'staff';
    req.state = story.b;
    req.rememberedState = story.bMem;
    req.version = story.version;
    req.updatedAt = new Date(Math.min(story.lastAt, now.getTime()));
    const purged = req.endedAt && (req.endedAt as Date).getTime() < now.getTime() - 90 * 24 * HOUR;
    if (purged) req.purgedAt = now;
    else
      patrons.push({
        requestId: id,
        name: `Patron card ${req.source === 'patron' ? cardOf(n) : `21${String(100000 + n).slice(1)}`}`,
        email: req.source === 'patron' || n % 3 ? `patron${n}@patrons.example` : null,
        cardNumber: req.source === 'patron' ? cardOf(n) : null,
        locale: n % 4 === 0 ? 'es' : 'en',
      });
    requests.push(req);
    attempts.push(...story.attempts);
    events.push(...story.events);
  }

  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await bulkInsert(
      tx,
      sharingRequests,
      requests.sort((x, y) => (x.createdAt as Date).getTime() - (y.createdAt as Date).getTime()),
    );
    await bulkInsert(tx, sharingPatrons, patrons);
    await bulkInsert(tx, sharingAttempts, attempts);
    await bulkInsert(tx, sharingRota, rota);
    await bulkInsert(tx, sharingEvents, events);
    // A few lending policies so routing has something to explain.
    const special = libs.filter((l) => /^(AR|LA)/.test(l.symbol)).slice(0, 1);
    await tx
      .insert(sharingPolicies)
      .values([
        ...special.map((l) => ({ libraryId: l.id, lending: false })),
        { libraryId: libs[libs.length - 1]!.id, lenderOfLastResort: true },
        {
          libraryId: libs[0]!.id,
          preferredPartners: libs.slice(1, 3).map((l) => l.id),
          activeLoanLimit: 200,
        },
      ])
      .onConflictDoNothing();
  });
  return requests.length;
}

/**
 * Bulk insert with ONE parameter per chunk (a JSON array expanded by json_populate_recordset): tens of
 * thousands of rows go in seconds on PGlite, where per-parameter binding dominates a VALUES insert.
 */
async function bulkInsert(tx: Db, table: PgTable, rows: object[]) {
  const columns = getTableColumns(table);
  const keys = [
    ...new Set(
      rows.flatMap((r) => Object.keys(r).filter((k) => (r as Record<string, unknown>)[k] !== undefined)),
    ),
  ];
  const names = keys.map((k) => columns[k]!.name);
  const list = sql.raw(names.map((n) => `"${n}"`).join(', '));
  const name = sql.raw(`"${getTableName(table)}"`);
  for (let i = 0; i < rows.length; i += 5000) {
    const json = rows
      .slice(i, i + 5000)
      .map((r) =>
        Object.fromEntries(keys.map((k, j) => [names[j], (r as Record<string, unknown>)[k] ?? null])),
      );
    await tx.execute(
      sql`INSERT INTO ${name} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${name}, ${JSON.stringify(json)}::json)`,
    );
  }
}
