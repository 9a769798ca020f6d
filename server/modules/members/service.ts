import type { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { isConsortiumStaff, type Principal } from '../../platform/auth/principal.ts';
import {
  LIBRARY_TYPES,
  MEMBER_STATUSES,
  STATES,
  type hoursUpdateSchema,
  type libraryUpdateSchema,
  type personUpdateSchema,
  type statusUpdateSchema,
} from '../../../shared/contracts/members.ts';
import * as q from './queries.ts';
import {
  adminRoleOf,
  assertCanChangePerson,
  assertKeepsAnAdmin,
  capabilitiesFor,
  profileViewFor,
} from './policy.ts';
import {
  presentClosure,
  presentDirectoryEntry,
  presentPerson,
  presentProfile,
  presentStaffEntry,
} from './present.ts';

type LibraryUpdate = z.infer<typeof libraryUpdateSchema>;
type HoursUpdate = z.infer<typeof hoursUpdateSchema>;
type StatusUpdate = z.infer<typeof statusUpdateSchema>;
type PersonUpdate = z.infer<typeof personUpdateSchema>;
type Page = { page: number; pageSize: number };

/** Today's date (YYYY-MM-DD) where the library is: closures are local calendar days. */
const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

/** A facet shows every known value (0 when none match), plus any unexpected value found in the data. */
function facetCounts(known: readonly string[], rows: { key: string | null; n: number }[]) {
  const counts: Record<string, number> = Object.fromEntries(known.map((k) => [k, 0]));
  for (const row of rows) if (row.key !== null) counts[row.key] = row.n;
  return counts;
}

/** Key order does not matter (jsonb stores object keys in its own order). */
const canonical = (v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, x]) => [k, canonical(x)]),
      )
    : (v ?? null);
const sameValue = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Members: the directory of organisations, profiles, opening hours, people and the dashboard. */
export class MembersService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.db;
  }

  private inTransaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => work(tx as unknown as Db));
  }

  private async organization(db: Db, id: string) {
    const org = await q.findOrganization(db, id);
    if (!org) throw notFound('This library');
    return org;
  }

  /** Stale when the row still exists: the editor saw an older version. */
  private async staleOrMissing(db: Db, id: string): Promise<never> {
    await this.organization(db, id);
    throw new AppError('VERSION_CONFLICT');
  }

  /**
   * The public directory. Facets are "disjunctive": each facet counts with every other filter (and q)
   * applied but not its own, so choosing a state still shows how many libraries the other states have.
   */
  async directory(filter: q.DirectoryFilter & { sort: 'name' | 'state' | 'type' } & Page) {
    const { sort, page, pageSize, ...where } = filter;
    const { rows, total } = await q.listDirectory(this.db, where, sort, page, pageSize);
    const combinations = await q.directoryFacetCombinations(this.db, where);
    const facet = (name: q.FacetName) => {
      const counts = new Map<string | null, number>();
      for (const c of combinations) {
        const others = (['type', 'state', 'status'] as const).filter((f) => f !== name);
        if (others.every((f) => where[f] === undefined || c[f] === where[f])) {
          counts.set(c[name], (counts.get(c[name]) ?? 0) + c.n);
        }
      }
      return [...counts].map(([key, n]) => ({ key, n }));
    };
    const [type, state, status] = [facet('type'), facet('state'), facet('status')];
    return {
      items: rows.map(presentDirectoryEntry),
      total,
      page,
      pageSize,
      facets: {
        type: facetCounts(LIBRARY_TYPES, type),
        state: facetCounts(STATES, state),
        status: facetCounts(MEMBER_STATUSES, status),
      },
    };
  }

  async profile(principal: Principal | null, id: string) {
    const org = await this.organization(this.db, id);
    const view = profileViewFor(principal, org);
    const [hours, closures, staffCount] = await Promise.all([
      q.listHours(this.db, org.id),
      q.listUpcomingClosures(this.db, org.id, todayIn(org.timeZone), 100),
      view.private ? q.countActivePeople(this.db, org.id) : Promise.resolve(0),
    ]);
    return presentProfile(org, { hours, closures, staffCount, view });
  }

  async updateLibrary(actor: Principal, id: string, input: LibraryUpdate, ip: string | null) {
    const { version, ...changes } = input;
    if (changes.website && !/^https?:\/\//i.test(changes.website)) {
      throw new AppError('VALIDATION_FAILED', 'Some fields are not valid.', [
        { path: 'body.website', message: 'must start with http:// or https://' },
      ]);
    }
    await this.inTransaction(async (tx) => {
      const org = await this.organization(tx, id);
      if (org.version !== version) throw new AppError('VERSION_CONFLICT');
      // Only fields whose value really changes are written and named in the audit log.
      const changed = Object.fromEntries(
        Object.entries(changes).filter(
          ([key, value]) => value !== undefined && !sameValue(org[key as keyof typeof org], value),
        ),
      ) as Partial<typeof org>;
      const fields = Object.keys(changed);
      if (!fields.length) return;
      const row = await q.updateOrganizationVersioned(tx, id, version, changed);
      if (!row) await this.staleOrMissing(tx, id);
      await audit(tx, {
        action: 'library.updated',
        actor,
        organizationId: id,
        targetType: 'organization',
        targetId: id,
        ip,
        details: { fields },
      });
    });
    return this.profile(actor, id);
  }

  async replaceHours(actor: Principal, id: string, input: HoursUpdate, ip: string | null) {
    const periods = [...input.hours].sort(
      (a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt),
    );
    for (let i = 1; i < periods.length; i += 1) {
      const [prev, next] = [periods[i - 1]!, periods[i]!];
      if (prev.weekday === next.weekday && next.opensAt < prev.closesAt) {
        throw new AppError('VALIDATION_FAILED', 'Some fields are not valid.', [
          { path: 'body.hours', message: `periods overlap on weekday ${next.weekday}` },
        ]);
      }
    }
    await this.inTransaction(async (tx) => {
      // The hours are part of the profile: bumping its version makes concurrent edits collide.
      const row = await q.updateOrganizationVersioned(tx, id, input.version, {});
      if (!row) await this.staleOrMissing(tx, id);
      await q.replaceHours(tx, id, periods);
      await audit(tx, {
        action: 'library.hours_updated',
        actor,
        organizationId: id,
        targetType: 'organization',
        targetId: id,
        ip,
        details: { periods: periods.length },
      });
    });
    return this.profile(actor, id);
  }

  async addClosure(
    actor: Principal,
    id: string,
    input: { startsOn: string; endsOn: string; reason: string },
    ip: string | null,
  ) {
    return this.inTransaction(async (tx) => {
      await this.organization(tx, id);
      const row = await q.insertClosure(tx, id, input);
      await audit(tx, {
        action: 'library.closure_added',
        actor,
        organizationId: id,
        targetType: 'closure',
        targetId: row.id,
        ip,
        details: { startsOn: row.startsOn, endsOn: row.endsOn },
      });
      return presentClosure(row);
    });
  }

  async removeClosure(actor: Principal, id: string, closureId: string, ip: string | null) {
    await this.inTransaction(async (tx) => {
      const row = await q.deleteClosure(tx, id, closureId);
      if (!row) throw notFound('This closure');
      await audit(tx, {
        action: 'library.closure_removed',
        actor,
        organizationId: id,
        targetType: 'closure',
        targetId: closureId,
        ip,
        details: { startsOn: row.startsOn, endsOn: row.endsOn },
      });
    });
  }

  async changeStatus(actor: Principal, id: string, input: StatusUpdate, ip: string | null) {
    await this.inTransaction(async (tx) => {
      const org = await this.organization(tx, id);
      if (org.kind === 'consortium') {
        throw new AppError('CONFLICT', 'The consortium office has no membership status.');
      }
      if (org.version !== input.version) throw new AppError('VERSION_CONFLICT');
      if (org.status === input.status) return;
      const row = await q.updateOrganizationVersioned(tx, id, input.version, { status: input.status });
      if (!row) await this.staleOrMissing(tx, id);
      await audit(tx, {
        action: 'library.status_changed',
        actor,
        organizationId: id,
        targetType: 'organization',
        targetId: id,
        ip,
        details: { from: org.status, to: input.status, reason: input.reason ?? null },
      });
    });
    return this.profile(actor, id);
  }

  async people(id: string) {
    await this.organization(this.db, id);
    return { items: (await q.listPeople(this.db, id)).map(presentPerson) };
  }

  async updatePerson(
    actor: Principal,
    orgId: string,
    userId: string,
    input: PersonUpdate,
    ip: string | null,
  ) {
    const org = await this.organization(this.db, orgId);
    assertCanChangePerson(actor, org, input.role);
    return this.inTransaction(async (tx) => {
      const adminRole = adminRoleOf(org.kind);
      // Lock the admins first (same order in every transaction), then the person.
      const admins = adminRole ? await q.lockActiveAdmins(tx, orgId, adminRole) : [];
      const target = await q.findPersonAt(tx, orgId, userId, true);
      if (!target) throw notFound('This person');
      if (target.version !== input.version) throw new AppError('VERSION_CONFLICT');
      const role = input.role ?? target.role;
      const status = input.status ?? target.status;
      const capabilities = capabilitiesFor(role, input.capabilities ?? target.capabilities);
      assertKeepsAnAdmin(actor, org, target, { role, status }, admins.filter((a) => a !== userId).length);

      const roleChanged = role !== target.role || !sameValue(capabilities, [...target.capabilities].sort());
      const statusChanged = status !== target.status;
      if (!roleChanged && !statusChanged) return presentPerson(target);
      const row = await q.updatePersonVersioned(tx, userId, input.version, { role, status, capabilities });
      if (!row) throw new AppError('VERSION_CONFLICT');
      const entry = { actor, organizationId: orgId, targetType: 'user', targetId: userId, ip };
      if (roleChanged) {
        await audit(tx, {
          ...entry,
          action: 'people.role_changed',
          details: {
            from: { role: target.role, capabilities: target.capabilities },
            to: { role, capabilities },
          },
        });
      }
      if (statusChanged) {
        // A disabled account must stop working now, not when its sessions expire.
        if (status === 'disabled') await q.deleteSessionsOf(tx, userId);
        await audit(tx, {
          ...entry,
          action: status === 'disabled' ? 'people.disabled' : 'people.enabled',
          details: { from: target.status, to: status },
        });
      }
      return presentPerson(row);
    });
  }

  async staffDirectory(filter: q.StaffDirectoryFilter & Page) {
    const { page, pageSize, ...where } = filter;
    const { rows, total } = await q.listStaffDirectory(this.db, where, page, pageSize);
    return { items: rows.map(presentStaffEntry), total, page, pageSize };
  }

  async dashboard(principal: Principal) {
    const org = await this.organization(this.db, principal.organizationId);
    const [colleagues, pendingInvitations, byStatus, closures] = await Promise.all([
      q.countActivePeople(this.db, org.id, principal.userId),
      q.countPendingInvitations(this.db, org.id),
      isConsortiumStaff(principal) ? q.countLibrariesByStatus(this.db) : Promise.resolve(null),
      q.listUpcomingClosures(this.db, org.id, todayIn(org.timeZone), 5),
    ]);
    return {
      organization: { id: org.id, name: org.name, kind: org.kind, status: org.status },
      colleagues,
      pendingInvitations,
      membersByStatus: byStatus
        ? facetCounts(
            MEMBER_STATUSES,
            byStatus.map((r) => ({ key: r.status, n: r.n })),
          )
        : null,
      upcomingClosures: closures.map(presentClosure),
    };
  }
}
