import type { Db } from '../../platform/db/client.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { keyedHash, randomToken } from '../../platform/auth/secrets.ts';
import type { Capability, Locale, Principal, Role } from '../../platform/auth/principal.ts';
import type { Me } from '../../../shared/contracts/accounts.ts';
import * as q from './queries.ts';
import { SessionStore } from './sessions.ts';
import { invitationMail, passwordChangedMail, passwordResetMail } from './mail-templates.ts';
import { assertCanInvite, auditScopeFor } from './policy.ts';

const RESET_HOURS = 2;
const INVITATION_DAYS = 14;

type RequestMeta = { ip: string | null; userAgent?: string | undefined };

/** Accounts: sign-in, sessions, password resets, invitations, personal settings. */
export class AccountsService {
  readonly sessions: SessionStore;

  constructor(private readonly ctx: AppContext) {
    this.sessions = new SessionStore(ctx.db, ctx.secretKey, ctx.env.sessionTtlHours);
  }

  private get db() {
    return this.ctx.db;
  }

  private tokenHash(token: string) {
    return keyedHash(this.ctx.secretKey, token);
  }

  private async inTransaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => work(tx as unknown as Db));
  }

  async me(userId: string): Promise<Me> {
    const row = await q.findMe(this.db, userId);
    if (!row) throw notFound('Your account');
    const { user, organization } = row;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      capabilities: user.capabilities as Capability[],
      organization,
      jobTitle: user.jobTitle,
      expertise: user.expertise,
      directoryOptIn: user.directoryOptIn,
      locale: user.locale,
      notificationPreferences: user.notificationPreferences,
    };
  }

  async login(email: string, password: string, meta: RequestMeta) {
    const since = new Date(Date.now() - this.ctx.env.loginWindowMinutes * 60_000);
    const failures = await q.countRecentFailures(this.db, email, meta.ip, since);
    if (
      failures.byEmail >= this.ctx.env.loginMaxFailures ||
      failures.byIp >= this.ctx.env.loginMaxFailures * 4
    ) {
      await audit(this.db, { action: 'auth.login_throttled', actorEmail: email, ip: meta.ip });
      throw new AppError('RATE_LIMITED', undefined, undefined, {
        'retry-after': String(this.ctx.env.loginWindowMinutes * 60),
      });
    }
    const user = await q.findUserByEmail(this.db, email);
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      await q.recordLoginFailure(this.db, email, meta.ip);
      await audit(this.db, {
        action: 'auth.login_failed',
        actorEmail: email,
        ip: meta.ip,
        organizationId: user?.organizationId ?? null,
      });
      throw new AppError('INVALID_CREDENTIALS');
    }
    if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
    const session = await this.inTransaction(async (tx) => {
      const created = await this.sessions.create(tx, user.id, {
        ...(meta.ip ? { ip: meta.ip } : {}),
        ...(meta.userAgent ? { userAgent: meta.userAgent } : {}),
      });
      await q.touchLastLogin(tx, user.id);
      await q.clearLoginFailures(tx, email);
      await audit(tx, {
        action: 'auth.login',
        actor: { userId: user.id, email: user.email },
        organizationId: user.organizationId,
        ip: meta.ip,
      });
      return created;
    });
    return { ...session, user: await this.me(user.id) };
  }

  async logout(principal: Principal, idHash: string, ip: string | null) {
    await this.sessions.destroy(idHash);
    await audit(this.db, {
      action: 'auth.logout',
      actor: principal,
      organizationId: principal.organizationId,
      ip,
    });
  }

  async updateMe(
    principal: Principal,
    changes: Partial<Omit<Me, 'id' | 'email' | 'role' | 'capabilities' | 'organization'>>,
  ) {
    await q.updateUser(this.db, principal.userId, changes);
    return this.me(principal.userId);
  }

  async changePassword(
    principal: Principal,
    idHash: string,
    current: string,
    next: string,
    ip: string | null,
  ) {
    const user = await q.findUserById(this.db, principal.userId);
    if (!user || !(await verifyPassword(user.passwordHash, current))) {
      throw new AppError('INVALID_CREDENTIALS', 'The current password is not correct.', [
        { path: 'body.currentPassword', message: 'is not correct' },
      ]);
    }
    const passwordHash = await hashPassword(next);
    const mailIds = await this.inTransaction(async (tx) => {
      await q.updateUser(tx, user.id, { passwordHash });
      await this.sessions.destroyAllFor(tx, user.id, idHash);
      await audit(tx, {
        action: 'auth.password_changed',
        actor: principal,
        organizationId: user.organizationId,
        ip,
      });
      const mail = passwordChangedMail(user.locale, { url: `${this.ctx.env.baseUrl}/forgot-password` });
      return [
        await this.ctx.mailer.queue(tx, {
          ...mail,
          to: user.email,
          locale: user.locale,
          template: 'password_changed',
        }),
      ];
    });
    await this.ctx.mailer.dispatch(mailIds);
  }

  /** Always succeeds from the caller's view, so the answer never reveals whether an account exists. */
  async requestPasswordReset(email: string, locale: Locale | undefined, ip: string | null) {
    const user = await q.findUserByEmail(this.db, email);
    if (!user || user.status === 'disabled') {
      await audit(this.db, { action: 'auth.password_reset_unknown', actorEmail: email, ip });
      return;
    }
    const token = randomToken();
    const mailIds = await this.inTransaction(async (tx) => {
      await q.expireOpenTokens(tx, 'password_reset', user.email);
      await q.insertToken(tx, {
        tokenHash: this.tokenHash(token),
        purpose: 'password_reset',
        email: user.email.toLowerCase(),
        userId: user.id,
        expiresAt: new Date(Date.now() + RESET_HOURS * 3600_000),
      });
      await audit(tx, {
        action: 'auth.password_reset_requested',
        actorEmail: user.email,
        organizationId: user.organizationId,
        ip,
      });
      const mailLocale = locale ?? user.locale;
      const url = `${this.ctx.env.baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
      const mail = passwordResetMail(mailLocale, { url, hours: RESET_HOURS });
      return [
        await this.ctx.mailer.queue(tx, {
          ...mail,
          to: user.email,
          locale: mailLocale,
          template: 'password_reset',
        }),
      ];
    });
    await this.ctx.mailer.dispatch(mailIds);
  }

  async completePasswordReset(token: string, password: string, ip: string | null) {
    const passwordHash = await hashPassword(password);
    await this.inTransaction(async (tx) => {
      const claimed = await q.consumeToken(tx, this.tokenHash(token), 'password_reset');
      if (!claimed?.userId) throw new AppError('INVALID_TOKEN');
      const user = await q.updateUser(tx, claimed.userId, { passwordHash });
      if (!user) throw new AppError('INVALID_TOKEN');
      // A reset proves control of the mailbox: every old session ends.
      await this.sessions.destroyAllFor(tx, user.id);
      await q.clearLoginFailures(tx, user.email);
      await audit(tx, {
        action: 'auth.password_reset_completed',
        actor: { userId: user.id, email: user.email },
        organizationId: user.organizationId,
        ip,
      });
    });
  }

  async invite(
    actor: Principal,
    organizationId: string,
    input: {
      email: string;
      role: Role;
      capabilities: Capability[];
      locale: Locale;
      displayName?: string | undefined;
    },
    ip: string | null,
  ) {
    const org = await q.findOrganization(this.db, organizationId);
    if (!org) throw notFound('This organisation');
    assertCanInvite(actor, org, input.role);
    if (await q.findUserByEmail(this.db, input.email)) throw new AppError('EMAIL_TAKEN');
    const token = randomToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86400_000);
    const capabilities = input.role === 'library_staff' ? [...new Set(input.capabilities)] : [];
    const { mailIds, createdAt } = await this.inTransaction(async (tx) => {
      await q.expireOpenTokens(tx, 'invitation', input.email);
      const createdAt = new Date();
      await q.insertToken(tx, {
        tokenHash: this.tokenHash(token),
        purpose: 'invitation',
        email: input.email.toLowerCase(),
        organizationId: org.id,
        role: input.role,
        capabilities,
        createdBy: actor.userId,
        createdAt,
        expiresAt,
      });
      await audit(tx, {
        action: 'people.invited',
        actor,
        organizationId: org.id,
        targetType: 'email',
        targetId: input.email,
        ip,
        details: { role: input.role, capabilities },
      });
      const url = `${this.ctx.env.baseUrl}/accept-invitation?token=${encodeURIComponent(token)}`;
      const mail = invitationMail(input.locale, {
        url,
        inviter: actor.displayName,
        organization: org.name,
        role: input.role,
        days: INVITATION_DAYS,
      });
      const id = await this.ctx.mailer.queue(tx, {
        ...mail,
        to: input.email,
        locale: input.locale,
        template: 'invitation',
      });
      return { mailIds: [id], createdAt };
    });
    await this.ctx.mailer.dispatch(mailIds);
    return {
      id: this.tokenHash(token),
      email: input.email.toLowerCase(),
      role: input.role,
      capabilities,
      createdAt: createdAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
  }

  async listInvitations(organizationId: string) {
    const rows = await q.listOpenInvitations(this.db, organizationId);
    return rows.map((r) => ({
      id: r.tokenHash,
      email: r.email,
      role: r.role!,
      capabilities: (r.capabilities ?? []) as Capability[],
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
    }));
  }

  async revokeInvitation(actor: Principal, organizationId: string, id: string, ip: string | null) {
    const revoked = await q.revokeInvitation(this.db, organizationId, id);
    if (!revoked) throw notFound('This invitation');
    await audit(this.db, {
      action: 'people.invitation_revoked',
      actor,
      organizationId,
      targetType: 'invitation',
      ip,
    });
  }

  async previewInvitation(token: string) {
    const row = await q.findValidToken(this.db, this.tokenHash(token), 'invitation');
    if (!row) throw new AppError('INVALID_TOKEN');
    return { email: row.token.email, organizationName: row.organizationName ?? '', role: row.token.role! };
  }

  async acceptInvitation(
    token: string,
    input: { displayName: string; password: string; locale?: Locale | undefined },
    meta: RequestMeta,
  ) {
    const passwordHash = await hashPassword(input.password);
    const userId = await this.inTransaction(async (tx) => {
      const claimed = await q.consumeToken(tx, this.tokenHash(token), 'invitation');
      if (!claimed?.organizationId || !claimed.role) throw new AppError('INVALID_TOKEN');
      if (await q.findUserByEmail(tx, claimed.email)) throw new AppError('EMAIL_TAKEN');
      const user = await q.insertUser(tx, {
        email: claimed.email,
        displayName: input.displayName,
        passwordHash,
        organizationId: claimed.organizationId,
        role: claimed.role,
        capabilities: claimed.capabilities ?? [],
        locale: input.locale ?? 'en',
        status: 'active',
      });
      await audit(tx, {
        action: 'people.invitation_accepted',
        actor: { userId: user.id, email: user.email },
        organizationId: user.organizationId,
        targetType: 'user',
        targetId: user.id,
        ip: meta.ip,
      });
      return user.id;
    });
    const session = await this.sessions.create(this.db, userId, {
      ...(meta.ip ? { ip: meta.ip } : {}),
      ...(meta.userAgent ? { userAgent: meta.userAgent } : {}),
    });
    return { ...session, user: await this.me(userId) };
  }

  async auditLog(
    actor: Principal,
    filter: { organizationId?: string | undefined; action?: string | undefined },
    page: number,
    pageSize: number,
  ) {
    const organizationId = auditScopeFor(actor, filter.organizationId);
    const { rows, total } = await q.listAudit(
      this.db,
      { organizationId, action: filter.action },
      page,
      pageSize,
    );
    return {
      items: rows.map(({ entry, organizationName }) => ({
        id: entry.id,
        at: entry.at.toISOString(),
        actorEmail: entry.actorEmail,
        action: entry.action,
        organizationId: entry.organizationId,
        organizationName,
        targetType: entry.targetType,
        targetId: entry.targetId,
        ip: entry.ip,
        details: entry.details,
      })),
      total,
      page,
      pageSize,
    };
  }

  async mailbox(page: number, pageSize: number) {
    if (!this.ctx.mailer.captures) throw notFound('The dev mailbox (email is sent through SMTP here)');
    const { rows, total } = await q.listMailbox(this.db, page, pageSize);
    return {
      enabled: true,
      items: rows.map((r) => ({
        id: r.id,
        to: r.toAddress,
        subject: r.subject,
        text: r.bodyText,
        locale: r.locale,
        template: r.template,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
      })),
      total,
      page,
      pageSize,
    };
  }
}
