/**
 * The shell's state outside React: the stored session, the sync engine's lifetime (one engine per
 * signed-in stretch), and the "database closed for an upgrade" flag. A tiny external store for
 * useSyncExternalStore, so React renders what this decides and never owns the engine's lifecycle.
 */
import type { LoginResponse } from '../../shared/auth.ts';
import { openDb } from '../db/open-db.ts';
import type { TraguardiDb } from '../db/schema.ts';
import {
  clearSession,
  loadSession,
  saveSession,
  type SaveSessionResult,
  type StoredSession,
} from '../db/session.ts';
import { requestPersistentStorage } from '../pwa/persist-storage.ts';
import { browserOnlineSource, createSyncEngine, type SyncEngine } from '../sync/sync-engine.ts';
import type { SignOutResult } from './app-context.ts';

export interface AppState {
  status: 'loading' | 'signedOut' | 'signedIn';
  session: StoredSession | null;
  engine: SyncEngine | null;
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
  signIn(login: LoginResponse): Promise<SaveSessionResult>;
  signOut(): Promise<SignOutResult>;
  requestSignIn(): void;
  cancelSignIn(): void;
}

export function createAppController(options: { db?: TraguardiDb; fetch?: typeof fetch } = {}): AppController {
  const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let state: AppState = { status: 'loading', session: null, engine: null, reauth: false, dbBlocked: false };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<AppState>) => {
    state = { ...state, ...patch };
    for (const listener of [...listeners]) listener();
  };
  const db = options.db ?? openDb({ onVersionChange: () => set({ dbBlocked: true }) });

  const startEngine = (): SyncEngine => {
    if (state.engine) return state.engine;
    const engine = createSyncEngine({
      db,
      fetch: fetchFn,
      now: () => new Date(),
      online: browserOnlineSource(),
    });
    engine.start();
    return engine;
  };

  return {
    db,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    async init() {
      const session = await loadSession(db).catch(() => null);
      if (session) set({ status: 'signedIn', session, engine: startEngine() });
      else set({ status: 'signedOut' });
    },
    async signIn(login) {
      const first = state.status !== 'signedIn';
      const result = await saveSession(db, login);
      if (!result.ok) return result;
      // The user changed: the previous engine belonged to another clientId.
      if (result.switchedUser && state.engine) {
        await state.engine.stop();
        set({ engine: null });
      }
      const engine = startEngine();
      set({ status: 'signedIn', session: login, engine, reauth: false });
      void engine.syncNow();
      if (first) void requestPersistentStorage();
      return result;
    },
    async signOut() {
      const pending = await db.outbox.count();
      if (pending > 0) return { ok: false, pending };
      const token = state.session?.token;
      await state.engine?.stop();
      await clearSession(db);
      set({ status: 'signedOut', session: null, engine: null, reauth: false });
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
  };
}
