/**
 * Service worker registration (vite-plugin-pwa in 'prompt' mode) and the "new version available"
 * state as a tiny store for useSyncExternalStore. The new worker takes over only when the user clicks
 * "Aggiorna" (applyUpdate), and the banner refuses while changes wait to sync, so an update never
 * reloads the page under unsent work.
 */
import { registerSW } from 'virtual:pwa-register';

export interface SwUpdateState {
  needRefresh: boolean;
  offlineReady: boolean;
}

let state: SwUpdateState = { needRefresh: false, offlineReady: false };
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

/** Activates the waiting worker and reloads: call only on the user's click, with no pending changes. */
export async function applyUpdate(): Promise<void> {
  await update?.(true);
}

export function dismissOfflineReady(): void {
  set({ offlineReady: false });
}
