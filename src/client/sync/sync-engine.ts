/**
 * The sync engine: runs sync cycles (sync-cycle.ts) at the right times and publishes the status.
 *
 * When: on start, when the device comes online, when the page becomes visible, ~500 ms after the
 * last local change (notifyLocalChange), periodically, after a failure with exponential backoff
 * (capped), and on demand (syncNow). No Background Sync: it runs while a tab is open.
 *
 * Invariants:
 * - One cycle at a time per engine; across tabs, each cycle holds the Web Lock 'traguardi-sync'
 *   (when navigator.locks exists), so one browser profile never runs two cycles at once.
 * - 401: the queue waits, kept, until another session token is saved (watched in the database).
 *   426: the queue waits, kept, until the app is updated (syncNow still tries).
 *   Network errors, 5xx, a full disk: retried with backoff. Nothing is dropped by a failure.
 * - fetch, the clock, the online source, timers and the lock are injected: tests pass real substitutes.
 */
import { isClosedForUpgrade } from '../db/open-db.ts';
import type { TraguardiDb } from '../db/schema.ts';
import { readLastSync } from '../db/meta.ts';
import { firstSyncProgress, readFirstSync } from './first-sync.ts';
import { loadSession } from '../db/session.ts';
import { watchSessionToken } from '../db/watch.ts';
import type { FetchLike } from './http.ts';
import { documentVisibility } from './page-sources.ts';
import { runSyncCycle, type CycleResult } from './sync-cycle.ts';
import { createSyncStatus, type SyncStatusStore } from './sync-status.ts';

export const SYNC_LOCK_NAME = 'traguardi-sync';

export interface OnlineSource {
  isOnline(): boolean;
  subscribe(listener: () => void): () => void;
}

export interface VisibilitySource {
  isVisible(): boolean;
  subscribe(listener: () => void): () => void;
}

/** navigator.locks, or a substitute with the same exclusive semantics. */
export interface LockLike {
  request(name: string, callback: () => Promise<unknown>): Promise<unknown>;
}

export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncEngineOptions {
  db: TraguardiDb;
  fetch: FetchLike;
  now: () => Date;
  online: OnlineSource;
  /** Origin of the API; '' (same origin) in the app. */
  baseUrl?: string;
  /** Defaults to navigator.locks when it exists; null: no cross-tab lock. */
  lock?: LockLike | null;
  /** Defaults to document visibility when there is a document. */
  visibility?: VisibilitySource | null;
  timers?: TimerApi;
  random?: () => number;
  debounceMs?: number;
  periodMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  pushBatchSize?: number;
}

export type SyncNowResult = CycleResult | { ok: false; error: 'offline' | 'stopped'; message: string };

export interface SyncEngine {
  readonly status: SyncStatusStore;
  start(): void;
  /** Stops the timers and listeners and waits for a cycle in flight. */
  stop(): Promise<void>;
  /** Runs a cycle now (after the one in flight, if any) and resolves with its outcome. */
  syncNow(): Promise<SyncNowResult>;
  /** Call after each local change: a cycle follows shortly (debounced) once the engine is started. */
  notifyLocalChange(): void;
}

function defaultLock(): LockLike | null {
  if (typeof navigator === 'undefined' || !('locks' in navigator) || !navigator.locks) return null;
  const locks = navigator.locks;
  return { request: (name, callback) => locks.request(name, callback) };
}

const defaultTimers: TimerApi = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
};

export function createSyncEngine(o: SyncEngineOptions): SyncEngine {
  const timers = o.timers ?? defaultTimers;
  const lock = o.lock === undefined ? defaultLock() : o.lock;
  const visibility = o.visibility === undefined ? documentVisibility() : o.visibility;
  const random = o.random ?? Math.random;
  const debounceMs = o.debounceMs ?? 500;
  const periodMs = o.periodMs ?? 60_000;
  const backoffBaseMs = o.backoffBaseMs ?? 2_000;
  const backoffCapMs = o.backoffCapMs ?? 5 * 60_000;
  const status = createSyncStatus(o.db, { online: o.online.isOnline() });

  let started = false;
  let stopped = false;
  let failures = 0;
  /** The token a 401 answered; cycles wait until another one is stored. */
  let refusedToken: string | null | undefined;
  let timer: unknown = null;
  let debounce: unknown = null;
  let running: Promise<SyncNowResult> | null = null;
  let queued: Promise<SyncNowResult> | null = null;
  const unsubscribers: (() => void)[] = [];

  /** The next automatic cycle; only a started engine runs by itself (syncNow works either way). */
  function schedule(ms: number): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = started && !stopped ? timers.setTimeout(() => ((timer = null), trigger()), ms) : null;
  }

  function trigger(): void {
    void requestCycle();
  }

  function requestCycle(): Promise<SyncNowResult> {
    if (queued) return queued;
    if (!running) {
      running = execute().finally(() => (running = null));
      return running;
    }
    queued = running.then(() => {
      queued = null;
      running = execute().finally(() => (running = null));
      return running;
    });
    return queued;
  }

  async function execute(): Promise<SyncNowResult> {
    if (stopped) return { ok: false, error: 'stopped', message: 'engine stopped' };
    const online = o.online.isOnline();
    status.set({ online });
    if (!online) return { ok: false, error: 'offline', message: 'offline' };
    if (refusedToken !== undefined) {
      // After a 401 nothing is sent with the refused token: the queue waits for a new sign-in.
      const token = (await loadSession(o.db).catch(() => null))?.token ?? null;
      if (token === refusedToken)
        return { ok: false, error: 'unauthorized', message: 'sign in again', token };
      refusedToken = undefined;
    }
    status.set({ syncing: true });
    let result: CycleResult;
    try {
      const cycle = () =>
        runSyncCycle({
          db: o.db,
          fetch: o.fetch,
          now: o.now,
          baseUrl: o.baseUrl ?? '',
          ...(o.pushBatchSize !== undefined ? { pushBatchSize: o.pushBatchSize } : {}),
          onFirstSyncProgress: (firstSync) => status.set({ firstSync }),
          shouldStop: () => stopped,
        });
      result = lock ? ((await lock.request(SYNC_LOCK_NAME, cycle)) as CycleResult) : await cycle();
    } catch (err) {
      // A bug or a closed database: reported as a server-side kind of failure, retried with backoff.
      result = { ok: false, error: 'server', message: String(err), token: null };
    }
    await status.refreshCounts();
    if (result.ok) {
      failures = 0;
      refusedToken = undefined;
      status.set({
        syncing: false,
        error: null,
        lastSyncAt: (await readLastSync(o.db).catch(() => null))?.at ?? null,
      });
      schedule(periodMs);
    } else {
      status.set({ syncing: false, error: result.error });
      if (result.error === 'unauthorized') {
        refusedToken = result.token;
        schedule(periodMs); // looks for a new session without sending anything (besides the watcher)
      } else if (result.error !== 'client_too_old' && !isClosedForUpgrade(o.db)) {
        failures++;
        const delay = Math.min(backoffCapMs, backoffBaseMs * 2 ** (failures - 1));
        schedule(delay * (0.5 + random() / 2)); // jitter: devices back online together spread out
      }
    }
    return result;
  }

  return {
    status,
    start() {
      if (started) return;
      started = true;
      unsubscribers.push(
        o.online.subscribe(() => {
          status.set({ online: o.online.isOnline() });
          if (o.online.isOnline()) trigger();
        }),
      );
      if (visibility) unsubscribers.push(visibility.subscribe(() => visibility.isVisible() && trigger()));
      unsubscribers.push(
        watchSessionToken(o.db, (token) => {
          // A new sign-in after a 401 (or the first one) resumes the queue at once.
          if (refusedToken !== undefined && token !== refusedToken) {
            refusedToken = undefined;
            trigger();
          }
        }),
      );
      void readLastSync(o.db)
        .then((s) => s && status.set({ lastSyncAt: s.at }))
        .catch(() => {});
      // A first sync interrupted (a closed tab): its progress shows at once, before the cycle resumes it.
      void readFirstSync(o.db)
        .then((s) => status.set({ firstSync: firstSyncProgress(s) }))
        .catch(() => {});
      trigger();
    },
    async stop() {
      stopped = true;
      for (const u of unsubscribers.splice(0)) u();
      if (timer !== null) timers.clearTimeout(timer);
      if (debounce !== null) timers.clearTimeout(debounce);
      timer = debounce = null;
      await (queued ?? running)?.catch(() => {});
    },
    syncNow: () => requestCycle(),
    notifyLocalChange() {
      void status.refreshCounts();
      if (debounce !== null) timers.clearTimeout(debounce);
      debounce =
        !started || stopped ? null : timers.setTimeout(() => ((debounce = null), trigger()), debounceMs);
    },
  };
}
