import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { SESSION_COOKIE } from '../../platform/http/request-context.ts';
import {
  okSchema,
  pageOf,
  pagingQuery,
  uuidSchema,
  errorResponses,
  libraryParamsSchema,
} from '../../../shared/contracts/common.ts';
import {
  auditEntrySchema,
  changePasswordSchema,
  invitationAcceptSchema,
  invitationCreateSchema,
  invitationPreviewSchema,
  invitationSchema,
  loginBodySchema,
  mailboxMessageSchema,
  meSchema,
  passwordResetCompleteSchema,
  passwordResetRequestSchema,
  sessionResponseSchema,
  updateMeSchema,
} from '../../../shared/contracts/accounts.ts';
import type { AccountsService } from './service.ts';

const tags = ['accounts'];
const errors = errorResponses;
const meta = (request: FastifyRequest) => ({
  ip: request.ip ?? null,
  userAgent: request.headers['user-agent'],
});

export function accountsRoutes(api: FastifyInstance, ctx: AppContext, service: AccountsService) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  const setSessionCookie = (reply: FastifyReply, token: string, expiresAt: Date) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.env.secureCookies,
      expires: expiresAt,
    });

  r.get('/auth/session', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'The signed-in person (or null) and the CSRF token for writes',
      response: { 200: sessionResponseSchema },
    },
    handler: async (request) => {
      if (!request.session) return { user: null, csrfToken: null };
      return {
        user: await service.me(request.session.principal.userId),
        csrfToken: request.session.csrfToken,
      };
    },
  });

  r.post('/auth/login', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'Sign in with email and password',
      body: loginBodySchema,
      response: { 200: sessionResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      const result = await service.login(request.body.email, request.body.password, meta(request));
      if (request.session) await service.sessions.destroy(request.session.idHash); // no session fixation
      setSessionCookie(reply, result.token, result.expiresAt);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  });

  r.post('/auth/logout', {
    config: { access: { level: 'signedIn' } },
    schema: { tags, summary: 'Sign out (ends this session)', response: { 200: okSchema } },
    handler: async (request, reply) => {
      await service.logout(request.principal!, request.session!.idHash, request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.post('/auth/password-reset', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'Email a password-reset link (the answer is the same whether or not the account exists)',
      body: passwordResetRequestSchema,
      response: { 202: okSchema, ...errors },
    },
    handler: async (request, reply) => {
      await service.requestPasswordReset(request.body.email, request.body.locale, request.ip);
      return reply.status(202).send({ ok: true as const });
    },
  });

  r.post('/auth/password-reset/complete', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'Set a new password with a reset link',
      body: passwordResetCompleteSchema,
      response: { 200: okSchema, ...errors },
    },
    handler: async (request) => {
      await service.completePasswordReset(request.body.token, request.body.password, request.ip);
      return { ok: true as const };
    },
  });

  r.get('/auth/invitations/:token', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'What an invitation is for (before accepting it)',
      params: z.object({ token: z.string().min(10).max(200) }),
      response: { 200: invitationPreviewSchema, ...errors },
    },
    handler: async (request) => service.previewInvitation(request.params.token),
  });

  r.post('/auth/invitations/accept', {
    config: { access: { level: 'public' } },
    schema: {
      tags,
      summary: 'Accept an invitation: create the account and sign in',
      body: invitationAcceptSchema,
      response: { 200: sessionResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { token, ...input } = request.body;
      const result = await service.acceptInvitation(token, input, meta(request));
      setSessionCookie(reply, result.token, result.expiresAt);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  });

  r.get('/me', {
    config: { access: { level: 'signedIn' } },
    schema: { tags, summary: 'My account', response: { 200: meSchema, ...errors } },
    handler: async (request) => service.me(request.principal!.userId),
  });

  r.patch('/me', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags,
      summary: 'Change my settings (language, directory listing, notifications …)',
      body: updateMeSchema,
      response: { 200: meSchema, ...errors },
    },
    handler: async (request) => service.updateMe(request.principal!, request.body),
  });

  r.post('/me/password', {
    config: { access: { level: 'signedIn' } },
    schema: {
      tags,
      summary: 'Change my password (signs out my other sessions)',
      body: changePasswordSchema,
      response: { 200: okSchema, ...errors },
    },
    handler: async (request) => {
      await service.changePassword(
        request.principal!,
        request.session!.idHash,
        request.body.currentPassword,
        request.body.newPassword,
        request.ip,
      );
      return { ok: true as const };
    },
  });

  const libraryParams = libraryParamsSchema;

  r.get('/libraries/:libraryId/invitations', {
    config: { access: { level: 'ownLibrary', param: 'libraryId', admin: true } },
    schema: {
      tags,
      summary: 'Open invitations of a library',
      params: libraryParams,
      response: { 200: z.object({ items: z.array(invitationSchema) }), ...errors },
    },
    handler: async (request) => ({ items: await service.listInvitations(request.params.libraryId) }),
  });

  r.post('/libraries/:libraryId/invitations', {
    config: { access: { level: 'ownLibrary', param: 'libraryId', admin: true } },
    schema: {
      tags,
      summary: 'Invite a colleague by email',
      params: libraryParams,
      body: invitationCreateSchema,
      response: { 201: invitationSchema, ...errors },
    },
    handler: async (request, reply) => {
      const invitation = await service.invite(
        request.principal!,
        request.params.libraryId,
        request.body,
        request.ip,
      );
      return reply.status(201).send(invitation);
    },
  });

  r.delete('/libraries/:libraryId/invitations/:invitationId', {
    config: { access: { level: 'ownLibrary', param: 'libraryId', admin: true } },
    schema: {
      tags,
      summary: 'Revoke an open invitation',
      params: libraryParams.extend({ invitationId: z.string().min(10).max(100) }),
      response: { 200: okSchema, ...errors },
    },
    handler: async (request) => {
      await service.revokeInvitation(
        request.principal!,
        request.params.libraryId,
        request.params.invitationId,
        request.ip,
      );
      return { ok: true as const };
    },
  });

  r.get('/admin/audit', {
    config: { access: { level: 'admin' } },
    schema: {
      tags: ['admin'],
      summary: 'The audit log (consortium admins: all; library admins: their library)',
      querystring: z
        .object({
          organizationId: uuidSchema.optional(),
          action: z.string().max(60).optional(),
          ...pagingQuery,
        })
        .strict(),
      response: { 200: pageOf(auditEntrySchema), ...errors },
    },
    handler: async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return service.auditLog(request.principal!, filter, page, pageSize);
    },
  });

  r.get('/dev/mailbox', {
    // Public on purpose, and only while no SMTP server is configured (demo and development): it is how a
    // person on the demo reads the reset and invitation emails. With SMTP_URL set it answers 404.
    config: { access: { level: 'public' } },
    schema: {
      tags: ['admin'],
      summary: 'Emails that would have been sent (only when SMTP_URL is not set)',
      querystring: z.object(pagingQuery).strict(),
      response: { 200: pageOf(mailboxMessageSchema).extend({ enabled: z.boolean() }), ...errors },
    },
    handler: async (request) => service.mailbox(request.query.page, request.query.pageSize),
  });
}
