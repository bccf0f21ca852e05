/**
 * Read-only observation of the database for the sync status and the engine (Dexie liveQuery, so a
 * write in any tab is seen). No writes here.
 */
import { liveQuery } from 'dexie';
import { loadSession } from './session.ts';
import type { TraguardiDb } from './schema.ts';

export interface SyncCounts {
  /** Mutations in the outbox (not yet acknowledged by a pull). */
  pending: number;
  /** Conflicts not dismissed on this device. */
  conflicts: number;
  /** Mutations the server refused, waiting for the user ("needs attention"). */
  rejected: number;
}

export async function readSyncCounts(db: TraguardiDb): Promise<SyncCounts> {
  return db.transaction('r', [db.outbox, db.conflicts, db.rejected], async () => ({
    pending: await db.outbox.count(),
    conflicts: await db.conflicts.filter((c) => c.dismissed !== true).count(),
    rejected: await db.rejected.count(),
  }));
}

/** Calls `listener` with the counts now and after every change; returns the unsubscribe function. */
export function watchSyncCounts(db: TraguardiDb, listener: (counts: SyncCounts) => void): () => void {
  const sub = liveQuery(() => readSyncCounts(db)).subscribe({
    next: listener,
    error: () => {}, // a closed database: the status keeps its last counts
  });
  return () => sub.unsubscribe();
}

/** Calls `listener` with the stored session token (or null) now and whenever it changes. */
export function watchSessionToken(db: TraguardiDb, listener: (token: string | null) => void): () => void {
  const sub = liveQuery(async () => (await loadSession(db))?.token ?? null).subscribe({
    next: listener,
    error: () => {},
  });
  return () => sub.unsubscribe();
}
