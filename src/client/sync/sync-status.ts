/**
 * The sync status the UI shows: online, syncing, counts, last sync, error. An external store
 * (subscribe/getSnapshot) that React reads with useSyncExternalStore; the snapshot object changes
 * only when a value does. Counts come from the database (any tab's writes), the rest from the engine.
 */
import type { TraguardiDb } from '../db/schema.ts';
import { readSyncCounts, watchSyncCounts, type SyncCounts } from '../db/watch.ts';
import type { FirstSyncProgress } from './first-sync.ts';

export type SyncErrorKind = 'unauthorized' | 'client_too_old' | 'network' | 'server' | 'quota';

export interface SyncStatus extends SyncCounts {
  online: boolean;
  syncing: boolean;
  /** ISO time of the last completed sync (push and pull), null before the first. */
  lastSyncAt: string | null;
  /** Why the last cycle failed; null after a success. */
  error: SyncErrorKind | null;
  /** While a first sync's deferred rows (other areas' notes, history) arrive; null otherwise. */
  firstSync: FirstSyncProgress | null;
}

export interface SyncStatusStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): SyncStatus;
}

export interface WritableSyncStatus extends SyncStatusStore {
  set(patch: Partial<SyncStatus>): void;
  /** Reads the counts once (the live subscription runs only while someone listens). */
  refreshCounts(): Promise<void>;
}

export function createSyncStatus(db: TraguardiDb, initial: { online: boolean }): WritableSyncStatus {
  let snapshot: SyncStatus = {
    online: initial.online,
    syncing: false,
    pending: 0,
    conflicts: 0,
    rejected: 0,
    lastSyncAt: null,
    error: null,
    firstSync: null,
  };
  const listeners = new Set<() => void>();
  let stopWatching: (() => void) | null = null;

  function set(patch: Partial<SyncStatus>): void {
    const changed = (Object.keys(patch) as (keyof SyncStatus)[]).some((k) => patch[k] !== snapshot[k]);
    if (!changed) return;
    snapshot = { ...snapshot, ...patch };
    for (const l of [...listeners]) l();
  }

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      stopWatching ??= watchSyncCounts(db, set);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stopWatching) {
          stopWatching();
          stopWatching = null;
        }
      };
    },
    set,
    async refreshCounts() {
      try {
        set(await readSyncCounts(db));
      } catch {
        // a closed database: keep the last counts
      }
    },
  };
}
