/**
 * The sync worker's side of sync-worker-protocol.ts: opens the device database the page names and
 * runs the sync engine on it (sync-engine.ts, unchanged), with the page's online state and visibility
 * as its sources, reporting the engine's status back. Separate from the worker's entry file so tests
 * drive it through a real MessageChannel.
 */
import type { TraguardiDb } from '../db/schema.ts';
import type { FetchLike } from './http.ts';
import {
  createSyncEngine,
  type LockLike,
  type OnlineSource,
  type SyncEngine,
  type SyncEngineOptions,
  type VisibilitySource,
} from './sync-engine.ts';
import type { EngineStatus, FromSyncWorker, SyncPort, ToSyncWorker } from './sync-worker-protocol.ts';

export interface ServeSyncDeps {
  open: (dbName: string) => TraguardiDb;
  fetch: FetchLike;
  /** Origin of the API; '' (same origin) in the app. */
  baseUrl?: string;
  /** Defaults to navigator.locks where it exists (workers have it). */
  lock?: LockLike | null;
  /** Tests shorten the engine's timers. */
  tuning?: Pick<
    SyncEngineOptions,
    'debounceMs' | 'periodMs' | 'backoffBaseMs' | 'backoffCapMs' | 'pushBatchSize'
  >;
}

/** A source whose value the page sends; listeners hear every message. */
function pageSource(initial: boolean): OnlineSource & { set(value: boolean): void } {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    isOnline: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      value = next;
      for (const l of [...listeners]) l();
    },
  };
}

export function serveSync(port: SyncPort, deps: ServeSyncDeps): void {
  let engine: SyncEngine | null = null;
  let db: TraguardiDb | null = null;
  let online = pageSource(true);
  // The page says when it becomes visible; in between the worker does not care whether it is.
  const shown = new Set<() => void>();
  const visibility: VisibilitySource = {
    isVisible: () => true,
    subscribe(listener) {
      shown.add(listener);
      return () => shown.delete(listener);
    },
  };
  const reply = (message: FromSyncWorker) => port.postMessage(message);
  port.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as ToSyncWorker;
    switch (message.type) {
      case 'start': {
        if (engine) return; // one engine per worker
        online = pageSource(message.online);
        db = deps.open(message.dbName);
        const started = createSyncEngine({
          db,
          fetch: deps.fetch,
          now: () => new Date(),
          online,
          visibility,
          ...(deps.baseUrl !== undefined ? { baseUrl: deps.baseUrl } : {}),
          ...(deps.lock !== undefined ? { lock: deps.lock } : {}),
          ...deps.tuning,
        });
        engine = started;
        started.status.subscribe(() => {
          const { online: on, syncing, lastSyncAt, error, firstSync } = started.status.getSnapshot();
          const status: EngineStatus = { online: on, syncing, lastSyncAt, error, firstSync };
          reply({ type: 'status', status });
        });
        started.start();
        return;
      }
      case 'online':
        online.set(message.online);
        return;
      case 'visible':
        for (const l of [...shown]) l();
        return;
      case 'localChange':
        engine?.notifyLocalChange();
        return;
      case 'syncNow': {
        const { id } = message;
        if (!engine) {
          reply({ type: 'result', id, result: { ok: false, error: 'stopped', message: 'not started' } });
          return;
        }
        void engine.syncNow().then(
          (result) => reply({ type: 'result', id, result }),
          (err: unknown) =>
            reply({
              type: 'result',
              id,
              result: { ok: false, error: 'server', message: String(err), token: null },
            }),
        );
        return;
      }
      case 'stop':
        void (async () => {
          await engine?.stop();
          db?.close();
          reply({ type: 'stopped' });
        })();
        return;
    }
  });
}
