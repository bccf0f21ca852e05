/**
 * The admin's users and sessions (protocol Part 2, "Users"; the sessions routes are an extension,
 * docs/protocol.md): GET/POST /api/admin/users, PATCH /api/admin/users/<id>, GET /api/admin/sessions,
 * DELETE /api/admin/sessions/<id>. Online only, never through sync. Only an admin, only their own
 * ente: other roles 403, an id of another ente 404 (the same as an id that does not exist).
 *
 * Every write is one transaction that first takes a version from the ente's counter (versions.ts):
 * that row lock serialises the admins of one ente, so two admins demoting each other at once cannot
 * leave the ente without an active admin, and the changed user row reaches devices by pull.
 */
import { and, asc, eq, gt, inArray, ne } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  createUserRequestSchema,
  updateUserRequestSchema,
  type AdminSession,
  type AdminUser,
} from '../../shared/admin-users.ts';
import { ROLES, type Role, type SessionUser } from '../../shared/auth.ts';
import type { AppContext } from '../app.ts';
import { writeAudit } from '../audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import { requireUser } from '../auth/request-user.ts';
import type { UserRow } from '../auth/sessions.ts';
import type { Tx } from '../db/database.ts';
import { appUser, area, session } from '../db/schema.ts';
import { createUser } from '../enti.ts';
import { HttpError } from '../http-errors.ts';
import { allocateVersions } from '../sync/versions.ts';

function toAdminUser(row: UserRow): AdminUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: (ROLES as readonly string[]).includes(row.role) ? (row.role as Role) : 'viewer',
    areaIds: row.areaIds,
    active: row.active,
  };
}

async function requireAdmin(ctx: AppContext, request: FastifyRequest): Promise<SessionUser> {
  const user = await requireUser(ctx.db, request, ctx.now());
  if (user.role !== 'admin') throw new HttpError('forbidden');
  return user;
}

/** A 400 naming what is wrong, from zod's issues (a short password has its own message). */
function badBody(issues: readonly { path: PropertyKey[]; code: string; message: string }[]): HttpError {
  if (issues.some((i) => i.path[0] === 'password' && i.code === 'too_small')) {
    return new HttpError('bad_request', 'password_too_short');
  }
  const detail = issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`)
    .join('; ');
  return new HttpError('bad_request', 'bad_user_fields', { detail });
}

function hasNul(value: unknown): boolean {
  return JSON.stringify(value ?? null).includes('\\u0000');
}

function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new HttpError('bad_request', 'unknown_role', { role, roles: ROLES.join(', ') });
  }
  return role as Role;
}

/** The areas must be live areas of the admin's ente; the first that is not is named. */
async function checkAreas(tx: Tx, enteId: string, areaIds: string[]): Promise<string[]> {
  const unique = [...new Set(areaIds)];
  if (unique.length === 0) return unique;
  const found = await tx
    .select({ id: area.id })
    .from(area)
    .where(and(eq(area.enteId, enteId), eq(area.deleted, false), inArray(area.id, unique)));
  const known = new Set(found.map((r) => r.id));
  const missing = unique.find((id) => !known.has(id));
  if (missing !== undefined) throw new HttpError('bad_request', 'unknown_area', { id: missing });
  return unique;
}

/** Whether another active admin of the ente remains besides this user. */
async function anotherActiveAdmin(tx: Tx, enteId: string, userId: string): Promise<boolean> {
  const [other] = await tx
    .select({ id: appUser.id })
    .from(appUser)
    .where(
      and(
        eq(appUser.enteId, enteId),
        eq(appUser.role, 'admin'),
        eq(appUser.active, true),
        eq(appUser.deleted, false),
        ne(appUser.id, userId),
      ),
    )
    .limit(1);
  return other !== undefined;
}

/** PostgreSQL's unique_violation (the username index), from either driver. */
function isUniqueViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (
    let e: unknown = error;
    e && typeof e === 'object' && !seen.has(e);
    e = (e as { cause?: unknown }).cause
  ) {
    seen.add(e);
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export function registerAdminUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/admin/users', async (request, reply) => {
    const admin = await requireAdmin(ctx, request);
    const rows = await ctx.db
      .select()
      .from(appUser)
      .where(and(eq(appUser.enteId, admin.enteId), eq(appUser.deleted, false)))
      .orderBy(asc(appUser.username));
    reply.header('cache-control', 'no-store');
    return { users: rows.map(toAdminUser) };
  });

  app.post('/api/admin/users', async (request, reply) => {
    const admin = await requireAdmin(ctx, request);
    const parsed = createUserRequestSchema.safeParse(request.body);
    if (!parsed.success) throw badBody(parsed.error.issues);
    if (hasNul(parsed.data)) throw new HttpError('bad_request');
    const body = parsed.data;
    const role = checkRole(body.role);
    const now = ctx.now();
    const passwordHash = await hashPassword(body.password);
    const taken = () => new HttpError('conflict', 'username_taken', { username: body.username });
    try {
      const created = await ctx.db.transaction(async (tx) => {
        const areaIds = await checkAreas(tx, admin.enteId, body.areaIds);
        const [clash] = await tx
          .select({ id: appUser.id })
          .from(appUser)
          .where(eq(appUser.username, body.username));
        if (clash) throw taken();
        const id = await createUser(
          tx,
          {
            enteId: admin.enteId,
            username: body.username,
            displayName: body.displayName,
            role,
            areaIds,
            passwordHash,
          },
          now,
        );
        const [row] = await tx.select().from(appUser).where(eq(appUser.id, id));
        if (!row) throw new Error('created user not found');
        const user = toAdminUser(row);
        await writeAudit(tx, {
          enteId: admin.enteId,
          at: now,
          userId: admin.id,
          action: 'user.create',
          entity: 'user',
          entityId: id,
          after: user,
        });
        return user;
      });
      return reply.code(201).header('cache-control', 'no-store').send(created);
    } catch (error) {
      // Two admins creating one username at once: the unique index decides, the loser hears 409.
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  });

  app.patch<{ Params: { id: string } }>('/api/admin/users/:id', async (request, reply) => {
    const admin = await requireAdmin(ctx, request);
    if (request.params.id.includes('\u0000')) throw new HttpError('not_found');
    const parsed = updateUserRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) throw badBody(parsed.error.issues);
    if (hasNul(parsed.data)) throw new HttpError('bad_request');
    const body = parsed.data;
    const role = body.role === undefined ? undefined : checkRole(body.role);
    const now = ctx.now();
    const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
    const updated = await ctx.db.transaction(async (tx) => {
      const version = await allocateVersions(tx, admin.enteId);
      const [row] = await tx
        .select()
        .from(appUser)
        .where(
          and(
            eq(appUser.id, request.params.id),
            eq(appUser.enteId, admin.enteId),
            eq(appUser.deleted, false),
          ),
        );
      if (!row) throw new HttpError('not_found');
      const areaIds =
        body.areaIds === undefined ? row.areaIds : await checkAreas(tx, admin.enteId, body.areaIds);
      const next = {
        displayName: body.displayName ?? row.displayName,
        role: role ?? row.role,
        areaIds,
        active: body.active ?? row.active,
      };
      const losesAdmin = row.role === 'admin' && row.active && (next.role !== 'admin' || !next.active);
      if (losesAdmin && !(await anotherActiveAdmin(tx, admin.enteId, row.id))) {
        throw new HttpError('conflict', 'last_admin');
      }
      const sameAreas =
        next.areaIds.length === row.areaIds.length && next.areaIds.every((id, i) => id === row.areaIds[i]);
      // What the user may see changed: their devices must start over (pull.ts answers resync).
      const visibilityChanged = next.role !== row.role || !sameAreas;
      const [after] = await tx
        .update(appUser)
        .set({
          ...next,
          ...(passwordHash === undefined ? {} : { passwordHash }),
          ...(visibilityChanged ? { visibleFrom: version } : {}),
          version,
        })
        .where(eq(appUser.id, row.id))
        .returning();
      if (!after) throw new Error('updated user not found');
      // Deactivated: every session ends now; the next request on any process answers 401.
      if (!next.active) await tx.delete(session).where(eq(session.userId, row.id));
      const user = toAdminUser(after);
      await writeAudit(tx, {
        enteId: admin.enteId,
        at: now,
        userId: admin.id,
        action: 'user.update',
        entity: 'user',
        entityId: row.id,
        before: toAdminUser(row),
        after: passwordHash === undefined ? user : { ...user, passwordChanged: true },
      });
      return user;
    });
    reply.header('cache-control', 'no-store');
    return updated;
  });

  app.get('/api/admin/sessions', async (request, reply) => {
    const admin = await requireAdmin(ctx, request);
    const rows = await ctx.db
      .select({
        id: session.id,
        userId: session.userId,
        username: appUser.username,
        displayName: appUser.displayName,
        createdAt: session.createdAt,
        expiresAt: session.expiresAt,
        lastSeenAt: session.lastSeenAt,
      })
      .from(session)
      .innerJoin(appUser, eq(appUser.id, session.userId))
      .where(and(eq(session.enteId, admin.enteId), gt(session.expiresAt, ctx.now())))
      .orderBy(asc(appUser.username), asc(session.createdAt));
    const sessions: AdminSession[] = rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      lastSeenAt: r.lastSeenAt?.toISOString() ?? null,
    }));
    reply.header('cache-control', 'no-store');
    return { sessions };
  });

  app.delete<{ Params: { id: string } }>('/api/admin/sessions/:id', async (request, reply) => {
    const admin = await requireAdmin(ctx, request);
    if (request.params.id.includes('\u0000')) throw new HttpError('not_found');
    const now = ctx.now();
    await ctx.db.transaction(async (tx) => {
      const [gone] = await tx
        .delete(session)
        .where(and(eq(session.id, request.params.id), eq(session.enteId, admin.enteId)))
        .returning({ userId: session.userId });
      if (!gone) throw new HttpError('not_found');
      await writeAudit(tx, {
        enteId: admin.enteId,
        at: now,
        userId: admin.id,
        action: 'session.revoke',
        entity: 'session',
        entityId: request.params.id,
        after: { userId: gone.userId },
      });
    });
    return reply.code(204).send();
  });
}
