/**
 * Service worker registration (vite-plugin-pwa in 'prompt' mode) and the "new version available"
 * state as a tiny store for useSyncExternalStore. The new worker takes over only when the user clicks
 * "Aggiorna" (applyUpdate), and the banner refuses while changes wait to sync or a form holds unsaved
 * input, so an update never reloads the page under unsent work — except that once the server has
 * answered 426 (client_too_old) waiting changes no longer block it: this version can never send them,
 * and the outbox, in IndexedDB, survives the reload for the new version to send. When another tab applies the update
 * the new worker takes control of this tab too: it reloads at once only with nothing unsaved here;
 * otherwise it waits for the user's "Aggiorna" (needReload).
 */
import { registerSW } from 'virtual:pwa-register';
import { hasUnsavedInput } from './unsaved-input.ts';

export interface SwUpdateState {
  needRefresh: boolean;
  offlineReady: boolean;
  /** The new worker already controls this tab (activated from another tab): only a reload is left. */
  needReload: boolean;
}

let state: SwUpdateState = { needRefresh: false, offlineReady: false, needReload: false };
const listeners = new Set<() => void>();
let update: ((reloadPage?: boolean) => Promise<void>) | null = null;

function set(next: Partial<SwUpdateState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function subscribeSwUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSwUpdateState(): SwUpdateState {
  return state;
}

/** Registers the worker once; checks for a new version every hour while the app stays open. */
export function startServiceWorker(): void {
  if (update || !('serviceWorker' in navigator)) return;
  update = registerSW({
    onNeedRefresh: () => set({ needRefresh: true }),
    // The new worker took control (this tab's click or another tab's): never reload under a draft.
    onNeedReload: () => {
      if (hasUnsavedInput()) set({ needRefresh: true, needReload: true });
      else window.location.reload();
    },
    onOfflineReady: () => set({ offlineReady: true }),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      window.setInterval(
        () => {
          if (navigator.onLine) void registration.update().catch(() => undefined);
        },
        60 * 60 * 1000,
      );
    },
  });
}

/**
 * Activates the waiting worker and reloads: call only on the user's click, with no unsaved input
 * (refused here too) and no pending changes unless the server answered 426 (the banner decides).
 */
export async function applyUpdate(): Promise<void> {
  if (hasUnsavedInput()) return;
  if (state.needReload) {
    window.location.reload();
    return;
  }
  await update?.(true);
}
