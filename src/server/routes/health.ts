/** GET /api/health (the contract's shape; 503 when the database does not answer) and /api/metrics. */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Health } from '../../shared/auth.ts';
import type { AppContext } from '../app.ts';
import { HttpError } from '../http-errors.ts';

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/health', async (_request, reply): Promise<Health> => {
    try {
      await ctx.db.execute(sql`select 1`);
    } catch {
      throw new HttpError('unavailable');
    }
    reply.header('cache-control', 'no-store');
    return { status: 'ok', db: ctx.kind, version: ctx.version };
  });

  app.get('/api/metrics', async (_request, reply) => {
    reply.header('cache-control', 'no-store').type('text/plain; version=0.0.4; charset=utf-8');
    return ctx.metrics.render();
  });
}
