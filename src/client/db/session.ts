/**
 * The signed-in session kept on the device (token, expiry, user from the login response), so work
 * goes on offline after one online sign-in.
 *
 * Invariants:
 * - A clientId belongs to one user (the server refuses it to anyone else). Signing in as another user
 *   makes a new clientId and clears the previous user's local data, but only when the previous user
 *   has nothing waiting in the outbox: otherwise it refuses, and nothing is lost.
 * - Signing out (clearSession) forgets the token only; the outbox and the data stay for the same user.
 */
import { loginResponseSchema, type LoginResponse } from '../../shared/auth.ts';
import { META, readClientIdentity, type ClientIdentity } from './meta.ts';
import { clearSearchSnapshot } from './search-store.ts';
import type { TraguardiDb } from './schema.ts';

export type StoredSession = LoginResponse;

export type SaveSessionResult =
  | { ok: true; clientId: string; switchedUser: boolean }
  | { ok: false; code: 'pending_changes'; pending: number; previousUserId: string };

/** The tables holding one user's data; the outbox is checked empty before they are cleared. */
function userTables(db: TraguardiDb) {
  return [
    db.ente,
    db.plans,
    db.areas,
    db.objectives,
    db.phases,
    db.notes,
    db.conflicts,
    db.phaseHistory,
    db.users,
    db.amendments,
    db.evaluations,
    db.phaseVerdicts,
    db.selfAssessments,
    db.snapshots,
    db.monitoringReports,
    db.attachments,
    db.rejected,
    db.bases,
  ];
}

/**
 * Stores the session from a login response. Same user (or first sign-in): keeps the data and the
 * clientId. Another user: refuses with `pending_changes` while the previous user's outbox is not
 * empty; otherwise clears the previous user's data and starts a new clientId. One transaction.
 */
export async function saveSession(db: TraguardiDb, login: LoginResponse): Promise<SaveSessionResult> {
  const session = loginResponseSchema.parse(login);
  return db.transaction('rw', [db.meta, db.outbox, ...userTables(db)], async () => {
    const identity = await readClientIdentity(db);
    const switching = identity !== null && identity.userId !== null && identity.userId !== session.user.id;
    if (switching) {
      const pending = await db.outbox.count();
      if (pending > 0)
        return { ok: false, code: 'pending_changes', pending, previousUserId: identity.userId ?? '' };
      for (const t of userTables(db)) await t.clear();
      await db.meta.bulkDelete([META.cursor, META.serverLastSeq, META.nextSeq, META.lastSync]);
    }
    const next: ClientIdentity =
      identity && !switching
        ? { clientId: identity.clientId, userId: session.user.id }
        : { clientId: crypto.randomUUID(), userId: session.user.id };
    await db.meta.put({ key: META.client, value: next });
    await db.meta.put({ key: META.session, value: session });
    return { ok: true, clientId: next.clientId, switchedUser: switching };
  });
}

/** The stored session, or null (none, or unreadable). Does not check expiry: the server does. */
export async function loadSession(db: TraguardiDb): Promise<StoredSession | null> {
  const parsed = loginResponseSchema.safeParse((await db.meta.get(META.session))?.value);
  return parsed.success ? parsed.data : null;
}

/**
 * Signs out on this device: forgets the token; data, outbox and clientId stay. The search index's
 * snapshot goes with the session (issue 10: a signed-out device keeps no search index; the search
 * worker drops its copy in memory when it sees the session gone).
 */
export async function clearSession(db: TraguardiDb): Promise<void> {
  await db.transaction('rw', db.meta, db.searchIndex, async () => {
    await db.meta.delete(META.session);
    await clearSearchSnapshot(db);
  });
}
