/**
 * The app's sync engine: in a dedicated worker (sync-worker.ts) where the browser runs module workers,
 * else in the page (sync-engine.ts). Both are the same engine; the worker's talks to the page through
 * worker-engine.ts. In the worker the sync's parsing, checking and IndexedDB writes never hold up the
 * page: on a phone the first sync of a large plan would otherwise keep the main thread busy for tens
 * of seconds (docs/performance.md, "First sync").
 *
 * In the page instead: when a `fetch` is given (tests), where there is no Worker, when the worker
 * fails to start (then the in-page engine takes over, with the same status store for the UI), or
 * when localStorage `traguardi.syncInPage` is "1" (to compare the two, test/bench/first-sync.ts).
 */
import type { TraguardiDb } from '../db/schema.ts';
import type { FetchLike } from './http.ts';
import { browserOnlineSource, createSyncEngine, documentVisibility, type SyncEngine } from './sync-engine.ts';
import type { SyncStatus, SyncStatusStore } from './sync-status.ts';
import { portEngine } from './worker-engine.ts';

export const IN_PAGE_FLAG = 'traguardi.syncInPage';

function inPageAsked(): boolean {
  try {
    return globalThis.localStorage?.getItem(IN_PAGE_FLAG) === '1';
  } catch {
    return false;
  }
}

function inPage(db: TraguardiDb, fetchFn: FetchLike): SyncEngine {
  return createSyncEngine({ db, fetch: fetchFn, now: () => new Date(), online: browserOnlineSource() });
}

export function createAppSyncEngine(o: { db: TraguardiDb; fetch?: FetchLike }): SyncEngine {
  const fetchFn: FetchLike = o.fetch ?? ((url, init) => fetch(url, init));
  if (o.fetch || typeof Worker === 'undefined' || inPageAsked()) return inPage(o.db, fetchFn);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./sync-worker.ts', import.meta.url), {
      type: 'module',
      name: 'traguardi-sync',
    });
  } catch {
    return inPage(o.db, fetchFn);
  }
  const viaWorker = portEngine(worker, {
    db: o.db,
    online: browserOnlineSource(),
    visibility: documentVisibility(),
    onStopped: () => worker.terminate(),
  });
  const engine = switchable(viaWorker);
  let heard = false;
  worker.addEventListener('message', () => (heard = true));
  worker.addEventListener('error', () => {
    // A worker that could not load (nothing heard from it): the page runs the engine instead.
    if (heard) return;
    worker.terminate();
    void viaWorker.stop();
    engine.switchTo(inPage(o.db, fetchFn));
  });
  return engine;
}

/** An engine that can hand over to another one, keeping one status store for its subscribers. */
function switchable(first: SyncEngine): SyncEngine & { switchTo(next: SyncEngine): void } {
  let current = first;
  let started = false;
  const listeners = new Set<() => void>();
  const fire = () => {
    for (const l of [...listeners]) l();
  };
  let unsubscribe: (() => void) | null = null;
  const follow = () => {
    unsubscribe?.();
    unsubscribe = listeners.size > 0 ? current.status.subscribe(fire) : null;
  };
  const status: SyncStatusStore = {
    getSnapshot: (): SyncStatus => current.status.getSnapshot(),
    subscribe(listener) {
      listeners.add(listener);
      if (!unsubscribe) follow();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) follow();
      };
    },
  };
  return {
    status,
    start() {
      started = true;
      current.start();
    },
    stop: () => current.stop(),
    syncNow: () => current.syncNow(),
    notifyLocalChange: () => current.notifyLocalChange(),
    switchTo(next) {
      current = next;
      follow();
      if (started) next.start();
      fire();
    },
  };
}
