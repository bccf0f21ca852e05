/**
 * GET /api/health (the contract's shape; 503 when the database does not answer) and /api/metrics,
 * which answers only `Authorization: Bearer <METRICS_TOKEN>`: 401 with a missing or wrong token, 404
 * when the server has no token configured (the endpoint does not exist then).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Health } from '../../shared/auth.ts';
import type { AppContext } from '../app.ts';
import { bearerToken } from '../auth/request-user.ts';
import { HttpError } from '../http-errors.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes before comparing. */
export function tokenMatches(given: string | null, expected: string): boolean {
  return given !== null && timingSafeEqual(digest(given), digest(expected));
}

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

  app.get('/api/metrics', async (request, reply) => {
    if (ctx.metricsToken === null) throw new HttpError('not_found');
    if (!tokenMatches(bearerToken(request), ctx.metricsToken)) throw new HttpError('unauthorized');
    reply.header('cache-control', 'no-store').type('text/plain; version=0.0.4; charset=utf-8');
    return ctx.metrics.render();
  });
}
