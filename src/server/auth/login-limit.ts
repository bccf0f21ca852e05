/**
 * The sign-in limit, counted in the database so every server process on one database sees the same
 * count (an in-memory count let 14 failures alternating over two processes all answer 401).
 *
 * What counts: `auth.login_failed` audit entries (audit.ts) inside a sliding window, in two bounds:
 * - per username and address (10 in 10 minutes): one person guessing; a successful sign-in from the
 *   same address forgives the failures before it;
 * - per username from any address (50 in 10 minutes): a spray over many addresses. A success does not
 *   forgive these, or an attacker holding one account's password could reset another's count.
 * Past either bound every attempt is refused, even with the right password, and refused attempts are
 * not counted (so waiting always ends the refusal).
 *
 * Retry-After: a bound of `max` is exceeded while its max-th newest counted failure is inside the
 * window, so the refusal ends when that failure leaves it: `at + window - now`, rounded up.
 *
 * Not exact under concurrency: attempts checked at the same moment on different processes may all
 * pass the check before any records its failure, so a burst can exceed a bound by the number of
 * attempts in flight at once (a handful, not a way around it).
 */
import { and, desc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { auditEntry } from '../db/schema.ts';

export interface LoginBound {
  max: number;
  windowMs: number;
}
export interface LoginLimits {
  perAddress: LoginBound;
  perUsername: LoginBound;
}
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAddress: { max: 10, windowMs: 10 * 60_000 },
  perUsername: { max: 50, windowMs: 10 * 60_000 },
};

export interface LoginAttempt {
  /** Lower-cased: "Admin" and "admin" are one account to an attacker. */
  username: string;
  address: string;
}

export function attemptOf(username: string, address: string): LoginAttempt {
  return { username: username.toLowerCase(), address };
}

/** The time at which this bound stops refusing, or null when it does not refuse now. */
async function refusedUntil(
  q: Queryable,
  attempt: LoginAttempt,
  bound: LoginBound,
  now: Date,
  byAddress: boolean,
): Promise<number | null> {
  let since = new Date(now.getTime() - bound.windowMs);
  const sameKey = (action: string) =>
    and(
      isNotNull(auditEntry.username),
      eq(auditEntry.username, attempt.username),
      eq(auditEntry.action, action),
      byAddress ? eq(auditEntry.address, attempt.address) : undefined,
    );
  if (byAddress) {
    const [success] = await q
      .select({ at: sql<Date>`max(${auditEntry.at})`.mapWith(auditEntry.at) })
      .from(auditEntry)
      .where(and(sameKey('auth.login'), gt(auditEntry.at, since)));
    if (success?.at && success.at > since) since = success.at;
  }
  const [nth] = await q
    .select({ at: auditEntry.at })
    .from(auditEntry)
    .where(and(sameKey('auth.login_failed'), gt(auditEntry.at, since)))
    .orderBy(desc(auditEntry.at))
    .offset(bound.max - 1)
    .limit(1);
  return nth ? nth.at.getTime() + bound.windowMs : null;
}

/** Seconds until this attempt may be tried (at least 1), or null when it may be tried now. */
export async function loginRetryAfter(
  q: Queryable,
  attempt: LoginAttempt,
  now: Date,
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
): Promise<number | null> {
  const ends = [
    await refusedUntil(q, attempt, limits.perAddress, now, true),
    await refusedUntil(q, attempt, limits.perUsername, now, false),
  ].filter((t): t is number => t !== null);
  if (ends.length === 0) return null;
  return Math.max(1, Math.ceil((Math.max(...ends) - now.getTime()) / 1000));
}
