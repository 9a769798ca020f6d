import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';

/** Liveness says the process answers; readiness says it can reach its database. */
export function registerHealth(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/api/ready', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await ctx.db.execute(sql`SELECT 1`);
      return { status: 'ready', database: ctx.database.kind };
    } catch {
      return reply.status(503).send({
        error: { code: 'NOT_READY', message: 'The database is unavailable.', requestId: String(_request.id) },
      });
    }
  });
}
