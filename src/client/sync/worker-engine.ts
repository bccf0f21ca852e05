/**
 * The page's side of the sync worker: a SyncEngine (the same interface as sync-engine.ts) whose
 * cycles run in the worker. The page forwards its online state, its visibility and local changes; the
 * status shows the worker's engine fields and the counts this page reads from the database itself (as
 * the in-page engine's status does), so every tab's writes are counted at once.
 *
 * stop() waits for the worker's engine to finish its cycle in flight (as the in-page engine's stop
 * does), then ends; a worker that does not answer within STOP_WAIT_MS is ended anyway, which is safe:
 * every write is a transaction, and an interrupted first sync resumes at its last batch.
 */
import type { TraguardiDb } from '../db/schema.ts';
import type { OnlineSource, SyncEngine, SyncNowResult, VisibilitySource } from './sync-engine.ts';
import { createSyncStatus } from './sync-status.ts';
import type { FromSyncWorker, SyncPort, ToSyncWorker } from './sync-worker-protocol.ts';

const STOP_WAIT_MS = 10_000;

export interface PortEngineOptions {
  db: TraguardiDb;
  online: OnlineSource;
  visibility: VisibilitySource | null;
  /** Called once the worker has stopped (or did not answer in time): end it. */
  onStopped?: () => void;
}

export function portEngine(port: SyncPort, o: PortEngineOptions): SyncEngine {
  const status = createSyncStatus(o.db, { online: o.online.isOnline() });
  const send = (message: ToSyncWorker) => port.postMessage(message);
  const pending = new Map<number, (result: SyncNowResult) => void>();
  const unsubscribers: (() => void)[] = [];
  let nextId = 1;
  let started = false;
  let stopped = false;
  let whenStopped: (() => void) | null = null;

  port.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as FromSyncWorker;
    if (message.type === 'status') status.set(message.status);
    else if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
      void status.refreshCounts();
    } else whenStopped?.();
  });

  const stoppedResult = (): SyncNowResult => ({ ok: false, error: 'stopped', message: 'engine stopped' });

  return {
    status,
    start() {
      if (started || stopped) return;
      started = true;
      send({ type: 'start', dbName: o.db.name, online: o.online.isOnline() });
      unsubscribers.push(
        o.online.subscribe(() => {
          status.set({ online: o.online.isOnline() });
          send({ type: 'online', online: o.online.isOnline() });
        }),
      );
      const { visibility } = o;
      if (visibility)
        unsubscribers.push(visibility.subscribe(() => visibility.isVisible() && send({ type: 'visible' })));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const u of unsubscribers.splice(0)) u();
      if (started) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, STOP_WAIT_MS);
          whenStopped = () => {
            clearTimeout(timer);
            resolve();
          };
          send({ type: 'stop' });
        });
      }
      for (const resolve of pending.values()) resolve(stoppedResult());
      pending.clear();
      o.onStopped?.();
    },
    syncNow() {
      if (stopped || !started) return Promise.resolve(stoppedResult());
      const id = nextId++;
      return new Promise<SyncNowResult>((resolve) => {
        pending.set(id, resolve);
        send({ type: 'syncNow', id });
      });
    },
    notifyLocalChange() {
      void status.refreshCounts();
      if (started && !stopped) send({ type: 'localChange' });
    },
  };
}
