/**
 * The first screen, before the app's data layer exists. The entry chunk holds React, the Italian
 * catalog, the shell's header and the sign-in form, and nothing of Dexie, zod, the sync engine or the
 * pages: those are the `device-app` chunk (and what it imports), loaded only when needed.
 *
 * - A session stored on the device (probed with bare IndexedDB, db/session-probe.ts): the data layer
 *   is loaded at once and its controller takes over, as before this split.
 * - No session: the sign-in form is shown and answers on its own (typing, submitting, the server's
 *   refusal). The data layer starts loading when the form is submitted, beside the login request, so
 *   its download and evaluation overlap the server's answer; a successful sign-in waits for it to store
 *   the session, then hands over to the controller.
 *
 * The sync worker boots as the form is submitted too (sync/sync-worker-boot.ts), so its file is
 * fetched and evaluated beside the data layer's, not after the engine's chunks.
 *
 * A tiny external store for useSyncExternalStore, like the controller it leads to.
 */
import type { ComponentType } from 'react';
import type { LoginResponse } from '../../shared/auth.ts';
import { probeStoredSession, type StoredSessionHint } from '../db/session-probe.ts';
import { bootSyncWorker } from '../sync/sync-worker-boot.ts';
import type { SignInResult } from './app-context.ts';
import type { AppController } from './app-controller.ts';
import { preloadRoute } from './router/route-loaders.ts';
import { parseRoute } from './router/routes.ts';

export interface LoadedApp {
  controller: AppController;
  /** What renders the controller's state (device-app.tsx's DeviceApp). */
  View: ComponentType<{ controller: AppController }>;
}

export type BootState =
  /** No session on the device: the sign-in form, without the data layer. */
  | { phase: 'signedOut' }
  /** The data layer is loaded: its controller decides what shows from now on. */
  | { phase: 'app'; app: LoadedApp }
  /** The data layer's chunk could not be loaded (offline before the service worker cached it). */
  | { phase: 'failed' };

export interface Bootstrap {
  subscribe(listener: () => void): () => void;
  getSnapshot(): BootState;
  /** Resolves once the first state is known (the entry renders then, over the static skeleton). */
  ready: Promise<void>;
  /** Starts loading the data layer and the sync worker (idempotent): called as the form is submitted. */
  prepare(): void;
  /** Stores the session through the data layer, then shows the app. */
  signIn(login: LoginResponse): Promise<SignInResult>;
}

export interface BootstrapOptions {
  /** Whether a session is stored (main.tsx passes the probe it started before React was evaluated). */
  probe?: () => Promise<StoredSessionHint>;
  /** Loads the data layer and makes its controller (tests pass one over fake-indexeddb). */
  load?: () => Promise<LoadedApp>;
  /** Starts fetching the chunk of the page the address opens, beside the data layer. */
  preloadPage?: () => void;
  /** Boots the sync worker ahead of the engine (sync/sync-worker-boot.ts). */
  bootWorker?: () => void;
}

/**
 * Starts the controller and resolves once it knows whether a session is stored (its `init` goes on to
 * start the sync engine when the browser is idle; the first render must not wait for that).
 */
function started(controller: AppController): Promise<void> {
  return new Promise((resolve) => {
    const isSettled = () => {
      const s = controller.getSnapshot();
      return s.status !== 'loading' || s.dbBlocked;
    };
    const unsubscribe = controller.subscribe(() => {
      if (!isSettled()) return;
      unsubscribe();
      resolve();
    });
    void controller.init().finally(() => {
      unsubscribe();
      resolve();
    });
    if (isSettled()) {
      unsubscribe();
      resolve();
    }
  });
}

export function createBootstrap(options: BootstrapOptions = {}): Bootstrap {
  const probe = options.probe ?? (() => probeStoredSession());
  const load = options.load ?? (() => import('./device-app.tsx').then((m) => m.startDeviceApp()));
  const preloadPage =
    options.preloadPage ?? (() => preloadRoute(parseRoute(window.location.pathname, window.location.search)));
  const bootWorker = options.bootWorker ?? bootSyncWorker;
  const listeners = new Set<() => void>();
  let state: BootState = { phase: 'signedOut' };
  const set = (next: BootState) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };

  let loading: Promise<LoadedApp> | null = null;
  const loadApp = (): Promise<LoadedApp> => {
    if (loading) return loading;
    loading = load().catch((error: unknown) => {
      loading = null; // a later attempt (the next submit) tries the network again
      throw error;
    });
    // The page the address opens, fetched beside the data layer rather than after it.
    preloadPage();
    return loading;
  };

  const ready = probe()
    .catch((): StoredSessionHint => 'unknown')
    .then(async (hint) => {
      // 'unknown' (no IndexedDB answer): let Dexie decide, as the app did before the probe existed.
      if (hint === 'none') return;
      try {
        const app = await loadApp();
        await started(app.controller);
        set({ phase: 'app', app });
      } catch {
        set({ phase: 'failed' });
      }
    });

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    ready,
    prepare() {
      // The sync worker and the data layer boot while the login request runs: the worker at once
      // (its file does not wait for the data layer's chunks), the engine that drives it once the
      // data layer is there.
      bootWorker();
      void loadApp()
        .then((app) => app.controller.prepareEngine())
        .catch(() => undefined);
    },
    async signIn(login) {
      const app = await loadApp();
      await started(app.controller);
      const result = await app.controller.signIn(login);
      // Refused (another user's changes wait): the form stays, and says why.
      if (result.ok) set({ phase: 'app', app });
      return result;
    },
  };
}
