/**
 * The page's online state and visibility as the sync engine's sources (sync-engine.ts). Apart from
 * the engine so the page's side of the worker (app-sync-engine.ts) uses them without loading it.
 */
import type { OnlineSource, VisibilitySource } from './sync-engine.ts';

/** The browser's online/offline events (navigator.onLine is only a hint; failures still count). */
export function browserOnlineSource(): OnlineSource {
  return {
    isOnline: () => navigator.onLine,
    subscribe(listener) {
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
  };
}

/** The page's visibility (document.visibilityState), or null where there is no document (a worker). */
export function documentVisibility(): VisibilitySource | null {
  if (typeof document === 'undefined') return null;
  return {
    isVisible: () => document.visibilityState === 'visible',
    subscribe(listener) {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  };
}
