/**
 * The messages between the page and the sync worker (sync-worker.ts, serve-sync.ts): the page starts
 * the engine on its database, forwards what only a page knows (online, visible, a local change) and
 * asks for cycles; the worker answers each `syncNow` with its id and reports the engine's status.
 */
import type { SyncNowResult } from './sync-engine.ts';
import type { SyncStatus } from './sync-status.ts';

/** What the engine decides; the counts (pending, conflicts, rejected) the page reads itself. */
export type EngineStatus = Pick<SyncStatus, 'online' | 'syncing' | 'lastSyncAt' | 'error' | 'firstSync'>;

export type ToSyncWorker =
  | { type: 'start'; dbName: string; online: boolean }
  | { type: 'online'; online: boolean }
  | { type: 'visible' }
  | { type: 'localChange' }
  | { type: 'syncNow'; id: number }
  | { type: 'stop' };

export type FromSyncWorker =
  | { type: 'status'; status: EngineStatus }
  | { type: 'result'; id: number; result: SyncNowResult }
  | { type: 'stopped' };

/** What both ends need of a Worker, a worker's global scope or a MessagePort. */
export interface SyncPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
