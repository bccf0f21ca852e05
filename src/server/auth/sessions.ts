/**
 * Sign-in and sessions. Tokens are 32 random bytes (base64url) handed to the client once; the
 * database keeps only their SHA-256, with an expiry. An unknown user and a wrong password get the
 * same answer after the same work (a decoy hash is verified for unknown users).
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Role, SessionUser } from '../../shared/auth.ts';
import { ROLES } from '../../shared/auth.ts';
import type { Db } from '../db/database.ts';
import { appUser, session } from '../db/schema.ts';
import { decoyHash, verifyPassword } from './passwords.ts';

export const DEFAULT_SESSION_TTL_MS = 30 * 24 * 3600_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toRole(role: string): Role {
  return (ROLES as readonly string[]).includes(role) ? (role as Role) : 'viewer';
}

export function toSessionUser(row: typeof appUser.$inferSelect): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: toRole(row.role),
    enteId: row.enteId,
    areaIds: row.areaIds,
  };
}

export type LoginOutcome = { ok: true; token: string; expiresAt: Date; user: SessionUser } | { ok: false };

export async function login(
  db: Db,
  username: string,
  password: string,
  now: Date,
  ttlMs: number,
): Promise<LoginOutcome> {
  const [row] = await db
    .select()
    .from(appUser)
    .where(and(eq(appUser.username, username), eq(appUser.deleted, false)));
  const valid = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
  if (!row || !valid) return { ok: false };
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.insert(session).values({
    tokenHash: hashToken(token),
    enteId: row.enteId,
    userId: row.id,
    expiresAt,
    createdAt: now,
  });
  // Housekeeping: expired sessions of this user are of no use to anyone.
  await db.delete(session).where(and(eq(session.userId, row.id), lt(session.expiresAt, now)));
  return { ok: true, token, expiresAt, user: toSessionUser(row) };
}

/** The user of a live token, or null (unknown, forged, expired, logged out, user deleted). */
export async function userForToken(db: Db, token: string, now: Date): Promise<SessionUser | null> {
  const [row] = await db
    .select({ user: appUser })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(
      and(eq(session.tokenHash, hashToken(token)), gt(session.expiresAt, now), eq(appUser.deleted, false)),
    );
  return row ? toSessionUser(row.user) : null;
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, hashToken(token)));
}
