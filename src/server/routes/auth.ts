/**
 * Sign-in routes: POST /api/auth/login, GET /api/auth/me, POST /api/auth/logout.
 * Failed logins are counted per username+IP; past the limit even a right password gets 429.
 */
import type { FastifyInstance } from 'fastify';
import { loginRequestSchema, type LoginResponse, type SessionUser } from '../../shared/auth.ts';
import type { AppContext } from '../app.ts';
import { bearerToken, requireUser } from '../auth/request-user.ts';
import { login, logout } from '../auth/sessions.ts';
import { HttpError } from '../http-errors.ts';

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/auth/login', async (request, reply): Promise<LoginResponse> => {
    const parsed = loginRequestSchema.safeParse(request.body);
    // NUL cannot reach PostgreSQL text (it would be a database error): such a body is just bad.
    if (!parsed.success || `${parsed.data.username}${parsed.data.password}`.includes('\u0000')) {
      throw new HttpError('bad_request');
    }
    const { username, password } = parsed.data;
    const key = `${username.toLowerCase()}\u0000${request.ip}`;
    const now = ctx.now();
    if (ctx.limiter.isLimited(key, now.getTime())) throw new HttpError('rate_limited');
    const outcome = await login(ctx.db, username, password, now, ctx.sessionTtlMs);
    if (!outcome.ok) {
      ctx.limiter.recordFailure(key, now.getTime());
      throw new HttpError('invalid_credentials');
    }
    ctx.limiter.reset(key);
    reply.header('cache-control', 'no-store');
    return { token: outcome.token, expiresAt: outcome.expiresAt.toISOString(), user: outcome.user };
  });

  app.get('/api/auth/me', async (request, reply): Promise<SessionUser> => {
    const user = await requireUser(ctx.db, request, ctx.now());
    reply.header('cache-control', 'no-store');
    return user;
  });

  // Idempotent: logging out a token that is already dead still answers 204.
  app.post('/api/auth/logout', async (request, reply) => {
    const token = bearerToken(request);
    if (!token) throw new HttpError('unauthorized');
    await logout(ctx.db, token);
    return reply.code(204).send();
  });
}
