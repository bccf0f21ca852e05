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
import { browserOnlineSource, documentVisibility } from './page-sources.ts';
import type { SyncEngine } from './sync-engine.ts';
import type { SyncStatus, SyncStatusStore } from './sync-status.ts';
import { takeSyncWorker } from './sync-worker-boot.ts';
import { portEngine } from './worker-engine.ts';

/**
 * The engine in the page, loaded only when it runs there: the worker's side of the page (this file)
 * stays a few KB, so the worker is told to start without waiting for the whole engine's chunks.
 */
async function inPage(db: TraguardiDb, fetchFn: FetchLike): Promise<SyncEngine> {
  const { createSyncEngine } = await import('./sync-engine.ts');
  return createSyncEngine({ db, fetch: fetchFn, now: () => new Date(), online: browserOnlineSource() });
}

export async function createAppSyncEngine(o: { db: TraguardiDb; fetch?: FetchLike }): Promise<SyncEngine> {
  const fetchFn: FetchLike = o.fetch ?? ((url, init) => fetch(url, init));
  const worker = o.fetch ? null : takeSyncWorker();
  if (!worker) return inPage(o.db, fetchFn);
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
    void inPage(o.db, fetchFn).then((next) => engine.switchTo(next));
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
