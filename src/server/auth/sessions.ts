/**
 * Sign-in and sessions. Tokens are 32 random bytes (base64url) handed to the client once; the
 * database keeps only their SHA-256, with an expiry, and a random `id` by which an admin lists and
 * revokes sessions. An unknown user, a wrong password and a deactivated user get the same answer
 * after the same work (a decoy hash is verified for unknown users).
 *
 * Every request reads its session from the database (nothing is cached in a process), so a session
 * revoked or a user deactivated on one process is refused at once by every other.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Role, SessionUser } from '../../shared/auth.ts';
import { ROLES } from '../../shared/auth.ts';
import type { Db, Queryable } from '../db/database.ts';
import { appUser, session } from '../db/schema.ts';
import { decoyHash, verifyPassword } from './passwords.ts';

export const DEFAULT_SESSION_TTL_MS = 30 * 24 * 3600_000;
/** `last_seen_at` is written at most this often per session: a write per request would cost every request. */
export const LAST_SEEN_GRANULARITY_MS = 60_000;

export type UserRow = typeof appUser.$inferSelect;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toRole(role: string): Role {
  return (ROLES as readonly string[]).includes(role) ? (role as Role) : 'viewer';
}

export function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: toRole(row.role),
    enteId: row.enteId,
    areaIds: row.areaIds,
  };
}

/**
 * The user these credentials sign in, or `{ user: null, known }` (known: the username names a user,
 * for the audit entry; never for the answer). The password is verified before `active` is looked at,
 * so a deactivated user costs the same time as any other failure.
 */
export async function checkCredentials(
  db: Db,
  username: string,
  password: string,
): Promise<{ user: UserRow | null; known: UserRow | null }> {
  const [row] = await db
    .select()
    .from(appUser)
    .where(and(eq(appUser.username, username), eq(appUser.deleted, false)));
  const valid = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
  return { user: row && valid && row.active ? row : null, known: row ?? null };
}

/** A new session of this user; the token is returned once and never stored. */
export async function openSession(
  q: Queryable,
  user: UserRow,
  now: Date,
  ttlMs: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await q.insert(session).values({
    tokenHash: hashToken(token),
    enteId: user.enteId,
    userId: user.id,
    expiresAt,
    createdAt: now,
    lastSeenAt: now,
  });
  // Housekeeping: expired sessions of this user are of no use to anyone.
  await q.delete(session).where(and(eq(session.userId, user.id), lt(session.expiresAt, now)));
  return { token, expiresAt };
}

/** The user of a live token, or null (unknown, forged, expired, revoked, user deleted or inactive). */
export async function userForToken(db: Db, token: string, now: Date): Promise<SessionUser | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ user: appUser, lastSeenAt: session.lastSeenAt })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(
      and(
        eq(session.tokenHash, tokenHash),
        gt(session.expiresAt, now),
        eq(appUser.deleted, false),
        eq(appUser.active, true),
      ),
    );
  if (!row) return null;
  if (!row.lastSeenAt || now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS) {
    await db.update(session).set({ lastSeenAt: now }).where(eq(session.tokenHash, tokenHash));
  }
  return toSessionUser(row.user);
}

/** Ends the token's session; the user it belonged to (for the audit), or null if it was dead already. */
export async function logout(db: Db, token: string): Promise<{ userId: string; enteId: string } | null> {
  const [gone] = await db
    .delete(session)
    .where(eq(session.tokenHash, hashToken(token)))
    .returning({ userId: session.userId, enteId: session.enteId });
  return gone ?? null;
}
