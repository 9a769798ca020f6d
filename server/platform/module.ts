import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';

/** The public face of a domain module: its routes (mounted under /api/v1) and its jobs. */
export type AppModule = {
  name: string;
  /** Register HTTP routes. Every route must declare `config.access`. */
  routes: (api: FastifyInstance, ctx: AppContext) => Promise<void>;
  /** Define job handlers (called once per process before the queue starts). */
  jobs?: (ctx: AppContext) => void;
};
