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
import {
  BORROWER,
  LENDER,
  step,
  type BorrowerAction,
  type BorrowerState,
  type LenderAction,
  type LenderState,
  type ServiceType,
} from '../modules/sharing/states.ts';
import type { Citation } from '../../shared/contracts/sharing.ts';

/**
 * A year of demo interlibrary-loan traffic between the demo libraries, so queues and analytics have real
 * content. Every request is played through the two state machines (`step()`), with plausible delays, and
 * stops where "now" falls: old requests are finished, recent ones are mid-way — so every state appears.
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

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Lib = { id: string; symbol: string };
const HOUR = 3_600_000;

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

  const requests: (typeof sharingRequests.$inferInsert)[] = [];
  const patrons: (typeof sharingPatrons.$inferInsert)[] = [];
  const attempts: (typeof sharingAttempts.$inferInsert)[] = [];
  const rota: (typeof sharingRota.$inferInsert)[] = [];
  const events: (typeof sharingEvents.$inferInsert)[] = [];

  for (let n = 0; n < total; n++) {
    const id = crypto.randomUUID();
    const borrower = borrowerOf();
    const [title, second, kind] = pick(TITLES);
    const service: ServiceType = kind === 'article' ? 'copy' : rand() < 0.08 ? 'copy' : 'loan';
    const citation: Citation = {
      title,
      author: kind === 'book' ? second : '',
      publisher: '',
      year: String(1990 + Math.floor(rand() * 35)),
      edition: '',
      isbn: '',
      issn: '',
      oclc: '',
      articleTitle: kind === 'article' ? second : '',
      articleAuthor: '',
      volume: kind === 'article' ? String(1 + Math.floor(rand() * 60)) : '',
      issue: '',
      pages: kind === 'article' ? `${1 + Math.floor(rand() * 200)}-${210 + Math.floor(rand() * 20)}` : '',
    };
    // A fifth in the last three weeks, so the queues hold work in progress.
    const days = rand() < 0.2 ? rand() * 21 : rand() * 365;
    const created = new Date(now.getTime() - days * 24 * HOUR);
    const lenders = libs
      .filter((l) => l.id !== borrower.id)
      .sort(() => rand() - 0.5)
      .slice(0, 1 + Math.floor(rand() * 4));
    lenders.forEach((l, i) =>
      rota.push({
        requestId: id,
        libraryId: l.id,
        position: i + 1,
        reasons: ['Demo traffic: lender order drawn at random by the demo generator'],
        skipReason: null,
      }),
    );

    let t = created.getTime();
    let b: BorrowerState = 'new';
    let bMem: BorrowerState | null = null;
    let attempt: typeof sharingAttempts.$inferInsert | null = null;
    const req: typeof sharingRequests.$inferInsert = {
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
    let frozen = false;
    let version = 1;
    // Renewal answers exist only while a renewal is asked for (a guard of the state machines).
    const flags = { renewalPending: false };
    const advance = (hours: number) => {
      t += hours * HOUR;
      if (t > now.getTime()) frozen = true;
      return !frozen;
    };
    const B = (action: BorrowerAction, hours = 0): boolean => {
      if (frozen || !advance(hours)) return false;
      const next = step(BORROWER, b, action, service, bMem, flags);
      if (!next) throw new Error(`demo sharing: borrower ${b} + ${action}`);
      events.push({
        requestId: id,
        attemptId: (attempt?.id as string) ?? null,
        at: new Date(t),
        side: BORROWER.actions[action].by === 'system' ? 'system' : 'borrowing',
        action,
        fromState: b,
        toState: next.to,
        libraryId: borrower.id,
      });
      b = next.to;
      bMem = next.remember;
      if (action === 'request_renewal') flags.renewalPending = attempt!.renewalPending = true;
      version++;
      if (BORROWER.states[b].terminal) req.endedAt = new Date(t);
      return true;
    };
    const L = (action: LenderAction, hours = 0): boolean => {
      if (frozen || !attempt || !advance(hours)) return false;
      const from = attempt.state as LenderState;
      const remembered = (attempt.rememberedState as LenderState) ?? null;
      const next = step(LENDER, from, action, service, remembered, flags);
      if (!next) throw new Error(`demo sharing: lender ${from} + ${action}`);
      events.push({
        requestId: id,
        attemptId: attempt.id as string,
        at: new Date(t),
        side: LENDER.actions[action].by === 'system' ? 'system' : 'lending',
        action,
        fromState: from,
        toState: next.to,
        libraryId: attempt.lenderId,
      });
      attempt.state = next.to;
      attempt.rememberedState = next.remember;
      if (action === 'approve_renewal' || action === 'deny_renewal')
        flags.renewalPending = attempt.renewalPending = false;
      attempt.updatedAt = new Date(t);
      if (LENDER.states[next.to].terminal) attempt.endedAt = new Date(t);
      return true;
    };
    const send = (lender: Lib, position: number) => {
      if (!B('send_to_lender', 0.01)) return false;
      attempt = {
        id: crypto.randomUUID(),
        requestId: id,
        lenderId: lender.id,
        position,
        state: 'received',
        answerBy: new Date(t + 72 * HOUR),
        conditions: [],
        renewalPending: false,
        createdAt: new Date(t),
        updatedAt: new Date(t),
      };
      attempts.push(attempt);
      req.currentAttemptId = attempt.id as string;
      req.sentAt ??= new Date(t);
      return true;
    };

    const roll = rand();
    if (roll < 0.03) {
      B('flag_duplicate', 0.01);
      if (rand() < 0.5) B('cancel', 4 + rand() * 40);
    } else if (roll < 0.06) {
      B('flag_held_locally', 0.01);
      B('fill_locally', 2 + rand() * 30);
    } else if (B('submit', 0.01)) {
      let supplied = false;
      for (let i = 0; i < lenders.length && !frozen; i++) {
        if (!send(lenders[i]!, i + 1)) break;
        const answer = rand();
        if (answer < 0.18) {
          if (L('cannot_supply', 2 + rand() * 30))
            attempt!.reasonCode = pick(['NotOnShelf', 'OnLoan', 'NonCirculating', 'PoorCondition']);
          B('lender_unfilled');
          continue;
        }
        if (answer < 0.22) {
          if (L('timed_out', 72 + rand() * 48)) B('lender_timed_out');
          continue;
        }
        if (answer < 0.25) {
          L('offer_conditions', 4 + rand() * 20);
          attempt!.conditions = ['LibraryUseOnly'];
          B('lender_conditions');
          if (!B('accept_conditions', 2 + rand() * 24)) break;
          L('conditions_accepted');
        } else if (answer < 0.27) {
          // The borrower's patron no longer needs it: the lender agrees to cancel.
          if (B('request_cancel', 1 + rand() * 10)) {
            L('cancel_asked');
            if (L('accept_cancel', 1 + rand() * 10)) B('lender_cancelled');
          }
          break;
        } else {
          if (!L('will_supply', 1 + rand() * 20)) break;
          B('lender_will_supply');
        }
        supplied = true;
        break;
      }
      if (!frozen && (b as BorrowerState) === 'sourcing') B('rota_exhausted', 0.01);
      if (supplied && !frozen) {
        const a = attempt!;
        if (service === 'copy') {
          if (L('send_copy', 4 + rand() * 30)) {
            a.shippedAt = new Date(t);
            req.shippedAt = req.receivedAt = new Date(t);
            req.supplierId = a.lenderId;
            B('lender_sent_copy');
            B('deliver_copy', rand() * 24);
          }
        } else if (L('print_pull_slip', rand() * 24) && L('ship', 2 + rand() * 40)) {
          a.shippedAt = new Date(t);
          a.dueDate = new Date(t + 28 * 24 * HOUR).toISOString().slice(0, 10);
          a.shippingMethod = 'courier';
          req.shippedAt = new Date(t);
          req.supplierId = a.lenderId;
          B('lender_shipped');
          if (B('mark_received', 24 + rand() * 96)) req.receivedAt = new Date(t);
          B('check_out_to_patron', rand() * 48);
          if (rand() < 0.1 && B('request_renewal', 24 * (10 + rand() * 10))) {
            L('renewal_asked');
            if (L('approve_renewal', 2 + rand() * 20)) {
              B('renewed');
              a.dueDate = new Date(t + 28 * 24 * HOUR).toISOString().slice(0, 10);
            }
          }
          if (rand() < 0.01) {
            if (B('report_lost', 24 * (30 + rand() * 20))) L('lost_reported');
          } else {
            const late = rand() < 0.08;
            if (late && advance(24 * 29) && L('became_overdue')) B('became_overdue');
            B('check_in_from_patron', 24 * (late ? 3 + rand() * 10 : 7 + rand() * 18));
            if (B('ship_return', rand() * 48)) L('return_shipped');
            if (L('check_in', 24 + rand() * 96)) B('lender_checked_in');
          }
        }
      }
    }
    req.state = b;
    req.rememberedState = bMem;
    req.version = version;
    req.updatedAt = new Date(Math.min(t, now.getTime()));
    const purged = req.endedAt && (req.endedAt as Date).getTime() < now.getTime() - 90 * 24 * HOUR;
    if (purged) req.purgedAt = now;
    else
      patrons.push({
        requestId: id,
        name: `Patron card 21${String(100000 + n).slice(1)}`,
        email: n % 3 ? `patron${n}@patrons.example` : null,
        locale: n % 4 === 0 ? 'es' : 'en',
      });
    requests.push(req);
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
