/**
 * The shell's state outside React: the stored session, the sync engine's lifetime (one engine per
 * signed-in stretch), and the "database closed for an upgrade" flag. A tiny external store for
 * useSyncExternalStore, so React renders what this decides and never owns the engine's lifecycle.
 *
 * The engine runs in a worker (sync/app-sync-engine.ts, a few KB of this chunk, drives it), started
 * after the first render of a stored session: the pages read Dexie and work without it, and until it
 * starts the status comes from a store that already counts the outbox. Where it runs in the page,
 * the engine is its own chunk, loaded then.
 */
import type { LoginResponse } from '../../shared/auth.ts';
import { openDb } from '../db/open-db.ts';
import type { TraguardiDb } from '../db/schema.ts';
import { clearSession, loadSession, saveSession, type StoredSession } from '../db/session.ts';
import { requestPersistentStorage } from '../pwa/persist-storage.ts';
import { createAppSyncEngine } from '../sync/app-sync-engine.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import { createSyncStatus, type SyncStatusStore } from '../sync/sync-status.ts';
import type { SignInResult, SignOutResult } from './app-context.ts';
import { clearSnapshot } from './pages/dashboard/dashboard-snapshot.ts';

export interface AppState {
  status: 'loading' | 'signedOut' | 'signedIn';
  session: StoredSession | null;
  engine: SyncEngine | null;
  /** The engine's status once it runs; before, counts from the database and navigator.onLine. */
  syncStatus: SyncStatusStore;
  /** The user asked to sign in again (expired session) while keeping the shell. */
  reauth: boolean;
  /** Another tab upgraded the database: this page must reload. */
  dbBlocked: boolean;
}

export interface AppController {
  db: TraguardiDb;
  subscribe(listener: () => void): () => void;
  getSnapshot(): AppState;
  init(): Promise<void>;
  signIn(login: LoginResponse): Promise<SignInResult>;
  signOut(): Promise<SignOutResult>;
  requestSignIn(): void;
  cancelSignIn(): void;
  /**
   * Loads the sync engine and starts its worker booting, without starting the engine (idempotent):
   * called as the sign-in form is submitted, so the worker's script is fetched and evaluated while
   * the login request and the session's storing run, and the first pull follows them at once.
   */
  prepareEngine(): void;
}

function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1500 });
    else setTimeout(resolve, 300);
  });
}

export function createAppController(options: { db?: TraguardiDb; fetch?: typeof fetch } = {}): AppController {
  const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const listeners = new Set<() => void>();
  const set = (patch: Partial<AppState>) => {
    state = { ...state, ...patch };
    for (const listener of [...listeners]) listener();
  };
  const db = options.db ?? openDb({ onVersionChange: () => set({ dbBlocked: true }) });
  let state: AppState = {
    status: 'loading',
    session: null,
    engine: null,
    syncStatus: createSyncStatus(db, { online: navigator.onLine }),
    reauth: false,
    dbBlocked: false,
  };
  let starting: Promise<SyncEngine> | null = null;
  // An engine made ahead of the sign-in (prepareEngine), not started: the next startEngine takes it.
  let prepared: Promise<SyncEngine> | null = null;

  // In a worker in the app; in the page when a fetch is injected (tests) (app-sync-engine.ts). A
  // static import: that file is the page's few KB of the worker's side, fetched with this chunk's
  // others rather than one round trip after them; the engine itself loads only where it runs.
  const makeEngine = (): Promise<SyncEngine> =>
    createAppSyncEngine({ db, ...(options.fetch ? { fetch: fetchFn } : {}) });

  const startEngine = (): Promise<SyncEngine> => {
    if (state.engine) return Promise.resolve(state.engine);
    const made = prepared ?? makeEngine();
    prepared = null;
    starting ??= made
      .then((engine) => {
        engine.start();
        set({ engine, syncStatus: engine.status });
        return engine;
      })
      .finally(() => {
        starting = null;
      });
    return starting;
  };

  const stopEngine = async () => {
    const engine = state.engine ?? (await starting?.catch(() => null));
    if (!engine) return;
    await engine.stop();
    set({ engine: null, syncStatus: createSyncStatus(db, { online: navigator.onLine }) });
  };

  return {
    db,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    async init() {
      if (state.status !== 'loading') return;
      const session = await loadSession(db).catch(() => null);
      if (!session) {
        set({ status: 'signedOut' });
        return;
      }
      set({ status: 'signedIn', session });
      // The page being opened reads IndexedDB first; the engine's first cycle follows when the
      // browser is idle (at most ~1.5 s later), so it does not compete with that first read.
      await whenIdle();
      await startEngine();
    },
    async signIn(login) {
      const first = state.status !== 'signedIn';
      const result = await saveSession(db, login);
      if (!result.ok) {
        // The previous user's data stays on the device with the waiting changes: name them.
        const previous = await db.users.get(result.previousUserId).catch(() => undefined);
        return { ...result, previousUserName: previous?.displayName || result.previousUserId };
      }
      // The user changed: the previous engine belonged to another clientId.
      if (result.switchedUser) await stopEngine();
      set({ status: 'signedIn', session: login, reauth: false });
      if (first) void requestPersistentStorage();
      const engine = await startEngine();
      void engine.syncNow();
      return result;
    },
    async signOut() {
      const pending = await db.outbox.count();
      if (pending > 0) return { ok: false, pending };
      const token = state.session?.token;
      await stopEngine();
      await clearSession(db);
      clearSnapshot();
      set({ status: 'signedOut', session: null, reauth: false });
      if (token) {
        // Best effort: the token dies on the server too; offline it simply expires.
        void fetchFn('/api/auth/logout', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
        }).catch(() => undefined);
      }
      return { ok: true };
    },
    requestSignIn: () => set({ reauth: true }),
    cancelSignIn: () => set({ reauth: false }),
    prepareEngine() {
      if (state.engine || starting || prepared) return;
      prepared = makeEngine();
      // A chunk that cannot load now is tried again by startEngine.
      prepared.catch(() => {
        prepared = null;
      });
    },
  };
}
