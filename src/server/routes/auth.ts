/**
 * Sign-in routes: POST /api/auth/login, GET /api/auth/me, POST /api/auth/logout, POST
 * /api/auth/password. Failed sign-ins are audit entries, and the limit (auth/login-limit.ts) counts
 * them in the database; past the limit even a right password gets 429 with the seconds actually left.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { changePasswordRequestSchema } from '../../shared/admin-users.ts';
import { loginRequestSchema, type LoginResponse, type SessionUser } from '../../shared/auth.ts';
import type { AppContext } from '../app.ts';
import { writeAudit } from '../audit.ts';
import { attemptOf, loginRetryAfter } from '../auth/login-limit.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { bearerToken, requireUser } from '../auth/request-user.ts';
import { checkCredentials, logout, openSession, toSessionUser } from '../auth/sessions.ts';
import { appUser } from '../db/schema.ts';
import { errorBody, HttpError } from '../http-errors.ts';

/** NUL cannot reach PostgreSQL text (it would be a database error): such a body is just bad. */
function hasNul(...texts: string[]): boolean {
  return texts.some((t) => t.includes('\u0000'));
}

function sendRateLimited(request: FastifyRequest, reply: FastifyReply, seconds: number): FastifyReply {
  return reply
    .code(429)
    .header('retry-after', String(seconds))
    .type('application/json; charset=utf-8')
    .send(errorBody(request, 'rate_limited', 'rate_limited'));
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/auth/login', async (request, reply) => {
    const parsed = loginRequestSchema.safeParse(request.body);
    if (!parsed.success || hasNul(parsed.data.username, parsed.data.password)) {
      throw new HttpError('bad_request');
    }
    const { username, password } = parsed.data;
    const attempt = attemptOf(username, request.ip);
    const now = ctx.now();
    const retryAfter = await loginRetryAfter(ctx.db, attempt, now, ctx.loginLimits);
    if (retryAfter !== null) return sendRateLimited(request, reply, retryAfter);
    const { user, known } = await checkCredentials(ctx.db, username, password);
    const audit = { at: now, entity: 'user', address: attempt.address, username: attempt.username };
    if (!user) {
      await writeAudit(ctx.db, {
        ...audit,
        enteId: known?.enteId ?? '',
        userId: null,
        action: 'auth.login_failed',
        ...(known ? { entityId: known.id } : {}),
      });
      throw new HttpError('invalid_credentials');
    }
    const opened = await ctx.db.transaction(async (tx) => {
      const s = await openSession(tx, user, now, ctx.sessionTtlMs);
      await writeAudit(tx, {
        ...audit,
        enteId: user.enteId,
        userId: user.id,
        action: 'auth.login',
        entityId: user.id,
      });
      return s;
    });
    reply.header('cache-control', 'no-store');
    const body: LoginResponse = {
      token: opened.token,
      expiresAt: opened.expiresAt.toISOString(),
      user: toSessionUser(user),
    };
    return body;
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
    const gone = await logout(ctx.db, token);
    if (gone) {
      await writeAudit(ctx.db, {
        enteId: gone.enteId,
        at: ctx.now(),
        userId: gone.userId,
        action: 'auth.logout',
        entity: 'user',
        entityId: gone.userId,
      });
    }
    return reply.code(204).send();
  });

  // A wrong `current` is 403, not 401: 401 would sign the device out.
  app.post('/api/auth/password', async (request, reply) => {
    const now = ctx.now();
    const me = await requireUser(ctx.db, request, now);
    const parsed = changePasswordRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const short = parsed.error.issues.some((i) => i.path[0] === 'next' && i.code === 'too_small');
      throw new HttpError('bad_request', short ? 'password_too_short' : 'bad_request');
    }
    const { current, next } = parsed.data;
    if (hasNul(current, next)) throw new HttpError('bad_request');
    const [row] = await ctx.db.select().from(appUser).where(eq(appUser.id, me.id));
    if (!row || !(await verifyPassword(current, row.passwordHash))) {
      throw new HttpError('forbidden', 'wrong_password');
    }
    const passwordHash = await hashPassword(next);
    await ctx.db.transaction(async (tx) => {
      await tx.update(appUser).set({ passwordHash }).where(eq(appUser.id, me.id));
      await writeAudit(tx, {
        enteId: me.enteId,
        at: now,
        userId: me.id,
        action: 'user.update',
        entity: 'user',
        entityId: me.id,
        after: { passwordChanged: true },
      });
    });
    return reply.code(204).send();
  });
}
